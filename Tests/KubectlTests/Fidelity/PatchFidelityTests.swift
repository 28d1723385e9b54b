import Foundation
import KubeCluster
import Kubectl
import KubetutorTestSupport
import Testing

/// `kubectl patch --local -f FILE` runs offline in the real client too:
/// strategic merge, JSON merge and JSON patch must print the same objects.
@Suite("Local patches print as the real kubectl's")
struct PatchFidelityTests {
  static let manifest = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      creationTimestamp: null
      labels:
        app: web
      name: web
    spec:
      replicas: 1
      selector:
        matchLabels:
          app: web
      strategy: {}
      template:
        metadata:
          creationTimestamp: null
          labels:
            app: web
        spec:
          containers:
          - image: nginx
            name: nginx
            ports:
            - containerPort: 80
            resources: {}
    status: {}

    """

  static let cases: [[String]] = [
    ["-p", #"{"spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"side","image":"busybox"}]}}}}"#, "-o", "yaml"],
    ["-p", #"{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27","ports":[{"containerPort":443}]}]}}}}"#, "-o", "yaml"],
    ["-p", #"{"spec":{"template":{"spec":{"containers":[{"name":"nginx","$patch":"delete"}]}}}}"#, "-o", "yaml"],
    ["-p", #"{"spec":{"template":{"spec":{"containers":[{"name":"nginx","env":[{"name":"A","value":"1"}]}]}}}}"#, "-o", "json"],
    ["--type=merge", "-p", #"{"spec":{"template":{"spec":{"containers":[{"name":"x","image":"y"}]}}},"metadata":{"labels":{"app":null,"t":"1"}}}"#, "-o", "yaml"],
    ["--type=json", "-p", #"[{"op":"replace","path":"/spec/replicas","value":5},{"op":"add","path":"/metadata/labels/env","value":"prod"}]"#, "-o", "yaml"],
    ["-p", #"{"spec":{"replicas":2}}"#],
    ["-p", #"{"metadata":{"annotations":{"a":"b"}}}"#, "-o", "name"],
  ]

  @Test(
    "the same patch gives the same object", .enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 client"),
    arguments: cases)
  func samePatch(_ patch: [String]) throws {
    let (real, ours) = try BothClients.run(
      ["patch", "-f", "{file}", "--local"] + patch, manifest: Self.manifest, ourPath: "web.yaml")
    #expect(ours.stdout == real.stdout)
    #expect(ours.exitCode == real.exitCode)
  }

  static let setCases: [[String]] = [
    ["image", "-f", "web.yaml", "nginx=nginx:1.27", "--local", "-o", "yaml"],
    ["image", "-f", "web.yaml", "nginx=nginx:1.27", "--local"],
    ["image", "-f", "web.yaml", "nope=busybox", "--local", "-o", "yaml"],
    ["env", "-f", "web.yaml", "A=1", "B=two", "--local", "-o", "yaml"],
    ["env", "-f", "web.yaml", "--list", "--local"],
    ["resources", "-f", "web.yaml", "--limits=cpu=200m,memory=512Mi", "--requests=cpu=100m", "--local", "-o", "yaml"],
  ]

  @Test(
    "set --local changes the file's object as the real kubectl does", .enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 client"),
    arguments: setCases)
  func sameSet(_ arguments: [String]) throws {
    let (real, ours) = try BothClients.run(
      ["set"] + arguments.map { $0 == "web.yaml" ? "{file}" : $0 }, manifest: Self.manifest, ourPath: "web.yaml")
    #expect(ours.stdout == real.stdout)
    #expect(ours.stderr == real.stderr)
    #expect(ours.exitCode == real.exitCode)
  }
}
