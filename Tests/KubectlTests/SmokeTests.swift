import Foundation
import KubeCluster
import Kubectl
import Testing

@Suite struct SmokeTests {
  @Test func prints() {
    var cluster = Cluster.kind()
    func k(_ line: String) {
      let out = CommandRunner.run(line.split(separator: " ").map(String.init), cluster: &cluster)
      print("$ kubectl \(line)\n" + out.stdout + out.stderr + "[exit \(out.exitCode)]")
    }
    k("get pods -A -o wide")
    k("run whoami --image subicura/whoami:1")
    k("get pods")
    cluster.advance(by: 5)
    k("get pods -o wide")
    k("describe pods whoami")
    k("create deployment web --image=nginx --replicas=3")
    k("wait --for=condition=Ready pod -l app=web --timeout=60s")
    k("get all -o wide")
    k("logs whoami")
    k("exec whoami -- hostname")
    k("delete pods whoami")
    k("get nodes -o wide")
    k("get ns")
    k("run bad --image nginx:1.999")
    cluster.advance(by: 30)
    k("get pods")
    k("describe deploy web")
  }
}
