import KubeCluster
import Kubectl
import Testing
import Tutor

/// Set-up faults really stop the cluster doing the job.
@Suite("Set-up faults")
struct ClusterSetUpTests {
  static func setUp(_ yaml: String) throws -> ClusterSetUp {
    let reader = ContentReader(file: "setup.yaml", text: yaml)
    let setUp = ClusterSetUp.decode(reader, path: [])
    guard reader.errors.isEmpty else { throw ContentErrors(reader.errors) }
    return setUp
  }

  static func pendingPods(after setUp: ClusterSetUp) -> Int {
    var (cluster, errors) = setUp.makeCluster()
    #expect(errors == [])
    _ = CommandRunner.run(
      ["apply", "-f", "-"], cluster: &cluster,
      environment: KubectlEnvironment(
        stdin: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: { name: web }
          spec:
            replicas: 2
            selector: { matchLabels: { app: web } }
            template:
              metadata: { labels: { app: web } }
              spec:
                containers:
                - name: nginx
                  image: nginx:1.27
                  resources: { requests: { cpu: 100m } }
          """))
    cluster.advance(by: 30)
    return cluster.list(.pod, in: "default", selector: LabelSelector(matchLabels: ["app": "web"]))
      .filter { $0.content[path: "status.phase"]?.string == "Pending" }.count
  }

  @Test func fullNodesLeaveNewPodsPending() throws {
    let full = try Self.setUp("faults:\n  - fillNode: kind-worker\n  - fillNode: kind-worker2\n")

    #expect(Self.pendingPods(after: full) == 2)
    #expect(Self.pendingPods(after: ClusterSetUp()) == 0)
  }

  @Test func aStoppedSchedulerBindsNothing() throws {
    let stopped = try Self.setUp("faults:\n  - stopComponent: kube-scheduler\n")

    #expect(Self.pendingPods(after: stopped) == 2)
  }

  @Test func aNotReadyNodeTakesNoNewPods() throws {
    let setUp = try Self.setUp("faults:\n  - nodeNotReady: kind-worker\n")
    let (cluster, _) = setUp.makeCluster()

    let node = try #require(cluster.store.get(ObjectKey(.node, "kind-worker")))
    let ready = node.content[path: "status.conditions"]?.array?.first {
      $0["type"]?.string == "Ready"
    }
    #expect(ready?["status"]?.string == "Unknown")
    #expect(cluster.stoppedComponents.contains("kubelet/kind-worker"))
  }
}
