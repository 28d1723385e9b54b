import Foundation
import KubeCluster
import Testing

@Suite("A kind cluster")
struct BootstrapTests {
  @Test("comes up with three ready nodes and every system pod running")
  func systemPodsRun() {
    let cluster = Cluster.kind()
    let nodes = cluster.list(.node).map(\.name)
    #expect(nodes == ["kind-control-plane", "kind-worker", "kind-worker2"])
    let pods = cluster.list(.pod, in: "kube-system")
    for pod in pods {
      print(pod.name, pod.content[path: "status.phase"]?.string ?? "-", pod.content[path: "spec.nodeName"]?.string ?? "-", pod.content[path: "status.podIP"]?.string ?? "-")
    }
    #expect(pods.count == 12)
    #expect(pods.allSatisfy { $0.content[path: "status.phase"]?.string == "Running" })
  }
}
