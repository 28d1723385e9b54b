import Foundation
import KubetutorTestSupport
import Testing

@Suite struct RealKubectlTests {
  /// A scratch folder with an executable `kubectl.1.32` and a `bin/kubectl`
  /// symlink to a sibling `kubectl`, as the Cloud SDK lays them out.
  static func makeInstall() throws -> URL {
    let files = FileManager.default
    let root = files.temporaryDirectory.appendingPathComponent(
      "real-kubectl-test-\(UUID().uuidString)")
    let sdk = root.appendingPathComponent("sdk/bin")
    let bin = root.appendingPathComponent("bin")
    try files.createDirectory(at: sdk, withIntermediateDirectories: true)
    try files.createDirectory(at: bin, withIntermediateDirectories: true)
    for name in ["kubectl", "kubectl.1.32"] {
      let url = sdk.appendingPathComponent(name)
      try Data("#!/bin/sh\n".utf8).write(to: url)
      try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }
    try files.createSymbolicLink(
      at: bin.appendingPathComponent("kubectl"),
      withDestinationURL: sdk.appendingPathComponent("kubectl"))
    return root
  }

  @Test("prefers KUBETUTOR_REAL_KUBECTL when it names an executable")
  func usesTheEnvironmentVariable() throws {
    let root = try Self.makeInstall()
    defer { try? FileManager.default.removeItem(at: root) }
    let configured = root.appendingPathComponent("sdk/bin/kubectl.1.32").path

    #expect(RealKubectl.locate(environment: ["KUBETUTOR_REAL_KUBECTL": configured]) == configured)
    #expect(
      RealKubectl.locate(environment: ["KUBETUTOR_REAL_KUBECTL": root.path + "/missing"]) == nil)
  }

  @Test("finds kubectl.1.32 beside the kubectl on PATH, following symlinks")
  func followsThePathSymlink() throws {
    let root = try Self.makeInstall()
    defer { try? FileManager.default.removeItem(at: root) }

    let found = RealKubectl.locate(environment: [
      "PATH": "/nonexistent:" + root.appendingPathComponent("bin").path
    ])

    #expect(
      found == root.appendingPathComponent("sdk/bin/kubectl.1.32").resolvingSymlinksInPath().path)
  }

  @Test("falls back to the Cloud SDK's path")
  func fallsBackToTheDefault() {
    let installed = FileManager.default.isExecutableFile(atPath: RealKubectl.defaultPath)

    #expect(
      RealKubectl.locate(environment: ["PATH": "/nonexistent"])
        == (installed ? RealKubectl.defaultPath : nil))
  }

  @Test(.enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 client"))
  func runsTheClient() throws {
    let output = try RealKubectl.run(["version", "--client"])

    #expect(output.exitCode == 0)
    #expect(output.stdout.hasPrefix("Client Version: v1.32."))
    #expect(output.stderr == "")
  }

  @Test(.enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 client"))
  func passesStandardInputAndFiles() throws {
    let manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: {z: \"1\"}\n"

    let fromStdin = try RealKubectl.run(
      ["label", "--local", "-f", "-", "z=1", "--overwrite", "-o", "name"], stdin: manifest)
    let fromFile = try RealKubectl.run(
      ["label", "--local", "-f", "{file}", "z=1", "--overwrite", "-o", "name"], file: manifest)

    #expect(fromStdin == RealKubectl.Output(stdout: "configmap/x\n", stderr: "", exitCode: 0))
    #expect(fromFile == fromStdin)
  }
}
