import Foundation
import KubeCluster
import Kubectl
import KubetutorTestSupport
import Testing

/// `create service`, `create ingress` and `expose -f` printed client-side,
/// compared with the real kubectl 1.32 byte for byte.
@Suite("Service and Ingress generators equal the real kubectl's")
struct NetworkGeneratorFidelityTests {
  static let createCommands: [[String]] = [
    [
      "create", "service", "clusterip", "web", "--tcp=80:8080", "--tcp=443", "--dry-run=client",
      "-o", "json",
    ],
    ["create", "service", "clusterip", "web", "--tcp=80:8080", "--dry-run=client", "-o", "yaml"],
    ["create", "service", "clusterip", "h", "--clusterip=None", "--dry-run=client", "-o", "yaml"],
    [
      "create", "service", "clusterip", "h", "--clusterip=None", "--tcp=80", "--dry-run=client",
      "-o", "json",
    ],
    [
      "create", "service", "nodeport", "web", "--tcp=80:8080", "--node-port=30080",
      "--dry-run=client", "-o", "yaml",
    ],
    ["create", "service", "nodeport", "web", "--tcp=80:http", "--dry-run=client", "-o", "json"],
    ["create", "service", "loadbalancer", "web", "--tcp=80", "--dry-run=client", "-o", "yaml"],
    [
      "create", "service", "externalname", "docs", "--external-name=kubernetes.io",
      "--dry-run=client", "-o", "json",
    ],
    ["create", "service", "clusterip", "web", "--tcp=80", "--dry-run=client"],
    [
      "create", "ingress", "simple", "--rule=foo.com/bar=svc1:8080", "--dry-run=client", "-o",
      "json",
    ],
    [
      "create", "ingress", "simple", "--rule=foo.com/bar=svc1:8080,tls=my-cert", "--dry-run=client",
      "-o", "yaml",
    ],
    [
      "create", "ingress", "x", "--class=nginx", "--rule=foo.com/path*=svc:http,tls=sec",
      "--rule=/=other:80",
      "--default-backend=def:80", "--annotation", "a=b", "--dry-run=client", "-o", "yaml",
    ],
    [
      "create", "ingress", "multipath", "--class=default", "--rule=foo.com/=svc:port",
      "--rule=foo.com/admin/=svcadmin:portadmin", "--dry-run=client", "-o", "json",
    ],
    [
      "create", "ingress", "catch-all", "--class=otheringress", "--rule=/path=svc:port",
      "--dry-run=client", "-o", "json",
    ],
  ]

  @Test(
    "create service and create ingress",
    .enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 client"),
    arguments: createCommands)
  func sameCreateOutput(_ arguments: [String]) throws {
    let real = try RealKubectl.run(arguments)
    var cluster = Cluster.kind()
    let ours = CommandRunner.run(arguments, cluster: &cluster)
    #expect(ours.stdout == real.stdout)
    #expect(ours.exitCode == real.exitCode)
  }

  static let createErrors: [[String]] = [
    ["create", "service", "clusterip", "web", "--dry-run=client"],
    ["create", "service", "nodeport", "web", "--tcp=abc", "--dry-run=client"],
  ]

  @Test(
    "create service errors",
    .enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 client"),
    arguments: createErrors)
  func sameCreateError(_ arguments: [String]) throws {
    let real = try RealKubectl.run(arguments)
    var cluster = Cluster.kind()
    let ours = CommandRunner.run(arguments, cluster: &cluster)
    #expect(ours.stderr == real.stderr)
    #expect(ours.exitCode == real.exitCode)
  }

  static let deployment = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      labels: {app: web, tier: fe}
    spec:
      replicas: 3
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          containers:
          - name: c
            image: subicura/whoami:1
            ports: [{containerPort: 4567, name: http}, {containerPort: 9000, protocol: UDP}]

    """

  static let pod = """
    apiVersion: v1
    kind: Pod
    metadata:
      name: one
      labels: {run: one}
    spec:
      containers:
      - name: c
        image: nginx
        ports: [{containerPort: 80}]

    """

  static let exposeCommands: [(String, [String])] = [
    (deployment, ["-o", "yaml"]),
    (
      deployment,
      ["--port", "80", "--target-port", "4567", "--type", "NodePort", "--name", "w2", "-o", "json"]
    ),
    (
      deployment,
      ["--port", "80", "--protocol", "UDP", "--session-affinity", "ClientIP", "-o", "yaml"]
    ),
    (
      deployment,
      [
        "--port", "80", "--target-port", "http", "--external-ip", "1.2.3.4", "--type",
        "LoadBalancer", "--labels", "a=b", "-o", "yaml",
      ]
    ),
    (deployment, ["--port", "80"]),
    (pod, ["-o", "json"]),
    (pod, ["--port", "8080", "--target-port", "80", "--cluster-ip", "None", "-o", "yaml"]),
  ]

  @Test(
    "expose -f FILE --dry-run=client",
    .enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 client"),
    arguments: exposeCommands)
  func sameExposeOutput(_ manifest: String, _ options: [String]) throws {
    let cache = try DiscoveryCache()
    defer { cache.remove() }
    let real = try RealKubectl.run(
      [
        "--cache-dir", cache.path, "--server", "http://localhost:8080", "expose", "-f", "{file}",
        "--dry-run=client",
      ] + options,
      file: manifest)
    var cluster = Cluster.kind()
    let environment = KubectlEnvironment(readFile: { _ in manifest })
    let ours = CommandRunner.run(
      ["expose", "-f", "manifest.yaml", "--dry-run=client"] + options, cluster: &cluster,
      environment: environment)
    #expect(ours.stdout == real.stdout)
    #expect(ours.exitCode == real.exitCode)
  }
}

/// A kubectl discovery cache for `http://localhost:8080`, so the real client
/// maps kinds to resources without a server (`expose -f` needs the mapping).
private struct DiscoveryCache {
  let path: String

  init() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kubectl-cache-\(UUID().uuidString)")
    path = root.path
    let base = root.appendingPathComponent("discovery/localhost_8080")
    func resources(_ groupVersion: String, _ entries: [(String, String, String)]) -> String {
      let list = entries.map { name, kind, short in
        #"{"name":"\#(name)","singularName":"\#(kind.lowercased())","namespaced":true,"kind":"\#(kind)","verbs":["create","delete","get","list","patch","update","watch"],"shortNames":["\#(short)"]}"#
      }
      return
        #"{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"\#(groupVersion)","resources":[\#(list.joined(separator: ","))]}"#
    }
    let files: [(String, String)] = [
      (
        "servergroups.json",
        #"{"kind":"APIGroupList","apiVersion":"v1","groups":[{"name":"","versions":[{"groupVersion":"v1","version":"v1"}],"preferredVersion":{"groupVersion":"v1","version":"v1"}},{"name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}],"preferredVersion":{"groupVersion":"apps/v1","version":"v1"}}]}"#
      ),
      (
        "v1/serverresources.json",
        resources("v1", [("pods", "Pod", "po"), ("services", "Service", "svc")])
      ),
      (
        "apps/v1/serverresources.json",
        resources(
          "apps/v1", [("deployments", "Deployment", "deploy"), ("replicasets", "ReplicaSet", "rs")])
      ),
    ]
    for (name, text) in files {
      let url = base.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}
