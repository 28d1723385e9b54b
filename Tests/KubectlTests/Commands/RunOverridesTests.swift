import Foundation
import KubeCluster
import Kubectl
import Testing

/// `kubectl run --overrides` patches the generated pod before it is sent or
/// printed: a JSON merge patch unless `--override-type` says json or strategic.
@Suite("kubectl run --overrides")
struct RunOverridesTests {
  static func run(_ arguments: [String]) -> (stdout: String, stderr: String, exitCode: Int32) {
    var cluster = Cluster.kind()
    let output = CommandRunner.run(["run", "x", "--image=nginx", "--dry-run=client", "-o", "yaml"] + arguments, cluster: &cluster)
    return (output.stdout, output.stderr, Int32(output.exitCode))
  }

  /// The pod without overrides.
  static var plain: String { run([]).stdout }

  @Test("a merge override adds fields beside the generated ones")
  func mergeAddsFields() {
    let result = Self.run(["--overrides={\"spec\":{\"nodeName\":\"n1\"}}"])
    #expect(result.stdout == Self.plain.replacingOccurrences(of: "  restartPolicy: Always\n", with: "  nodeName: n1\n  restartPolicy: Always\n"))
    #expect(result.exitCode == 0)
  }

  @Test("merge replaces a list whole; strategic merges containers by name; null removes a field")
  func listsAndNull() {
    let containers = "{\"spec\":{\"containers\":[{\"name\":\"x\",\"stdin\":true}]},\"metadata\":{\"labels\":null}}"
    let merged = Self.run(["--overrides=\(containers)"])
    #expect(merged.stdout == Self.plain
      .replacingOccurrences(of: "  labels:\n    run: x\n", with: "")
      .replacingOccurrences(of: "  - image: nginx\n    name: x\n    resources: {}\n", with: "  - name: x\n    resources: {}\n    stdin: true\n"))
    #expect(merged.stdout.contains("stdin: true"))
    let strategic = Self.run(["--overrides=\(containers)", "--override-type=strategic"])
    #expect(strategic.stdout.contains("  - image: nginx\n    name: x\n    resources: {}\n    stdin: true\n"))
    #expect(!strategic.stdout.contains("run: x"))
  }

  @Test("a JSON patch override, and the errors kubectl prints")
  func jsonPatchAndErrors() {
    let patched = Self.run(["--override-type=json", "--overrides=[{\"op\":\"replace\",\"path\":\"/spec/restartPolicy\",\"value\":\"Never\"}]"])
    #expect(patched.stdout == Self.plain.replacingOccurrences(of: "Always", with: "Never"))
    let badType = Self.run(["--override-type=foo", "--overrides={}"])
    #expect(badType.stderr == "error: invalid override type: foo\n")
    #expect(badType.exitCode == 1)
    let removed = Self.run(["--requests=cpu=1"])
    #expect(removed.stderr == "error: unknown flag: --requests\nSee 'kubectl run --help' for usage.\n")
    #expect(removed.exitCode == 1)
  }
}
