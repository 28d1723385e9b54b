import Foundation
import KubeCluster
import Shell
import Testing

/// Stopping control-plane components and kubelets, as a scenario does, and
/// what a learner then sees.
@Suite("Stopped components")
struct ComponentTests {
  /// A script-mode session whose cluster a test can reach between lines.
  final class Session {
    final class Box { var text = "" }

    let shell: ShellSession
    private let box = Box()

    init() {
      let box = self.box
      shell = ShellSession(
        cluster: Cluster.kind(seed: 1), mode: .script,
        workingDirectory: FileManager.default.temporaryDirectory
      ) { _, written in box.text += written }
    }

    /// Runs lines and returns what they printed, each command echoed after `$ `.
    func run(_ lines: String) -> String {
      var transcript = ""
      for line in lines.split(separator: "\n", omittingEmptySubsequences: true) {
        box.text = ""
        shell.feed(String(line))
        transcript += "$ \(line)\n" + box.text
      }
      return transcript
    }

    var cluster: Cluster {
      get { shell.state.cluster }
      set { shell.state.cluster = newValue }
    }
  }

  @Test("a stopped scheduler leaves new pods Pending until it starts again")
  func scheduler() {
    let session = Session()
    session.cluster.stop(.scheduler)
    let stopped = session.run(
      """
      kubectl get pods -n kube-system -l tier=control-plane
      kubectl run web --image=nginx:1.27
      sleep 30
      kubectl get pods
      """)
    session.cluster.start(.scheduler)
    let started = session.run(
      """
      sleep 5
      kubectl get pods
      kubectl get pods -n kube-system -l component=kube-scheduler
      """)
    #expect(
      stopped == """
        $ kubectl get pods -n kube-system -l tier=control-plane
        NAME                                         READY   STATUS    RESTARTS   AGE
        etcd-kind-control-plane                      1/1     Running   0          5m
        kube-apiserver-kind-control-plane            1/1     Running   0          5m
        kube-controller-manager-kind-control-plane   1/1     Running   0          5m
        $ kubectl run web --image=nginx:1.27
        pod/web created
        $ sleep 30
        $ kubectl get pods
        NAME   READY   STATUS    RESTARTS   AGE
        web    0/1     Pending   0          30s

        """)
    #expect(
      started == """
        $ sleep 5
        $ kubectl get pods
        NAME   READY   STATUS    RESTARTS   AGE
        web    1/1     Running   0          35s
        $ kubectl get pods -n kube-system -l component=kube-scheduler
        NAME                                READY   STATUS    RESTARTS   AGE
        kube-scheduler-kind-control-plane   1/1     Running   0          5s

        """)
  }

  @Test("a stopped controller-manager stops healing a ReplicaSet")
  func controllerManager() {
    let session = Session()
    _ = session.run(
      """
      kubectl create deployment web --image=nginx:1.27 --replicas=2
      sleep 10
      """)
    session.cluster.stop(.controllerManager)
    let stopped = session.run(
      """
      kubectl delete pod -l app=web --now
      sleep 10
      kubectl get deploy,pods
      """)
    session.cluster.start(.controllerManager)
    let started = session.run(
      """
      sleep 10
      kubectl get deploy,pods
      """)
    #expect(
      stopped == """
        $ kubectl delete pod -l app=web --now
        pod "web-5c94f75b5d-ds4cz" deleted
        pod "web-5c94f75b5d-rj7fp" deleted
        $ sleep 10
        $ kubectl get deploy,pods
        NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
        deployment.apps/web   2/2     2            2           20s

        """)
    #expect(
      started == """
        $ sleep 10
        $ kubectl get deploy,pods
        NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
        deployment.apps/web   2/2     2            2           30s

        NAME                       READY   STATUS    RESTARTS   AGE
        pod/web-5c94f75b5d-kbdqc   1/1     Running   0          10s
        pod/web-5c94f75b5d-vpdrf   1/1     Running   0          10s

        """)
  }

  @Test("a stopped kubelet makes its node NotReady after 50s and its pods are evicted after 300s")
  func kubelet() {
    let session = Session()
    _ = session.run(
      """
      kubectl create deployment web --image=nginx:1.27 --replicas=2
      sleep 10
      """)
    session.cluster.stop(.kubelet(node: "kind-worker2"))
    let stopped = session.run(
      """
      kubectl get pods -o wide
      sleep 49
      kubectl get nodes
      sleep 1
      kubectl get nodes
      kubectl get pods -o wide
      kubectl get node kind-worker2 -o yaml | grep -A7 taints
      kubectl get node kind-worker2 -o yaml | grep -B1 -A4 NodeStatusUnknown
      sleep 299
      kubectl get pods -o wide
      sleep 1
      kubectl get pods -o wide
      sleep 5
      kubectl get pods -o wide
      kubectl get events | grep -e NotReady -e Evict
      """)
    session.cluster.start(.kubelet(node: "kind-worker2"))
    let started = session.run(
      """
      sleep 2
      kubectl get nodes
      kubectl get pods -o wide
      kubectl get node kind-worker2 -o yaml | grep -c unreachable
      """)
    #expect(
      stopped == """
        $ kubectl get pods -o wide
        NAME                   READY   STATUS    RESTARTS   AGE   IP           NODE           NOMINATED NODE   READINESS GATES
        web-5c94f75b5d-ds4cz   1/1     Running   0          10s   10.244.2.2   kind-worker2   <none>           <none>
        web-5c94f75b5d-rj7fp   1/1     Running   0          10s   10.244.1.2   kind-worker    <none>           <none>
        $ sleep 49
        $ kubectl get nodes
        NAME                 STATUS   ROLES           AGE     VERSION
        kind-control-plane   Ready    control-plane   5m59s   v1.32.2
        kind-worker          Ready    <none>          5m19s   v1.32.2
        kind-worker2         Ready    <none>          5m18s   v1.32.2
        $ sleep 1
        $ kubectl get nodes
        NAME                 STATUS     ROLES           AGE     VERSION
        kind-control-plane   Ready      control-plane   6m      v1.32.2
        kind-worker          Ready      <none>          5m20s   v1.32.2
        kind-worker2         NotReady   <none>          5m19s   v1.32.2
        $ kubectl get pods -o wide
        NAME                   READY   STATUS    RESTARTS   AGE   IP           NODE           NOMINATED NODE   READINESS GATES
        web-5c94f75b5d-ds4cz   1/1     Running   0          60s   10.244.2.2   kind-worker2   <none>           <none>
        web-5c94f75b5d-rj7fp   1/1     Running   0          60s   10.244.1.2   kind-worker    <none>           <none>
        $ kubectl get node kind-worker2 -o yaml | grep -A7 taints
          taints:
          - effect: NoSchedule
            key: node.kubernetes.io/unreachable
            timeAdded: "2025-03-01T09:01:00Z"
          - effect: NoExecute
            key: node.kubernetes.io/unreachable
            timeAdded: "2025-03-01T09:01:00Z"
        status:
        $ kubectl get node kind-worker2 -o yaml | grep -B1 -A4 NodeStatusUnknown
            message: Kubelet stopped posting node status.
            reason: NodeStatusUnknown
            status: Unknown
            type: MemoryPressure
          - lastHeartbeatTime: "2025-03-01T08:55:41Z"
            lastTransitionTime: "2025-03-01T09:01:00Z"
            message: Kubelet stopped posting node status.
            reason: NodeStatusUnknown
            status: Unknown
            type: DiskPressure
          - lastHeartbeatTime: "2025-03-01T08:55:41Z"
            lastTransitionTime: "2025-03-01T09:01:00Z"
            message: Kubelet stopped posting node status.
            reason: NodeStatusUnknown
            status: Unknown
            type: PIDPressure
          - lastHeartbeatTime: "2025-03-01T08:55:41Z"
            lastTransitionTime: "2025-03-01T09:01:00Z"
            message: Kubelet stopped posting node status.
            reason: NodeStatusUnknown
            status: Unknown
            type: Ready
          daemonEndpoints:
            kubeletEndpoint:
        $ sleep 299
        $ kubectl get pods -o wide
        NAME                   READY   STATUS    RESTARTS   AGE     IP           NODE           NOMINATED NODE   READINESS GATES
        web-5c94f75b5d-ds4cz   1/1     Running   0          5m59s   10.244.2.2   kind-worker2   <none>           <none>
        web-5c94f75b5d-rj7fp   1/1     Running   0          5m59s   10.244.1.2   kind-worker    <none>           <none>
        $ sleep 1
        $ kubectl get pods -o wide
        NAME                   READY   STATUS              RESTARTS   AGE   IP           NODE           NOMINATED NODE   READINESS GATES
        web-5c94f75b5d-b2flh   0/1     ContainerCreating   0          0s    <none>       kind-worker    <none>           <none>
        web-5c94f75b5d-ds4cz   1/1     Terminating         0          6m    10.244.2.2   kind-worker2   <none>           <none>
        web-5c94f75b5d-rj7fp   1/1     Running             0          6m    10.244.1.2   kind-worker    <none>           <none>
        $ sleep 5
        $ kubectl get pods -o wide
        NAME                   READY   STATUS        RESTARTS   AGE    IP           NODE           NOMINATED NODE   READINESS GATES
        web-5c94f75b5d-b2flh   1/1     Running       0          5s     10.244.1.3   kind-worker    <none>           <none>
        web-5c94f75b5d-ds4cz   1/1     Terminating   0          6m5s   10.244.2.2   kind-worker2   <none>           <none>
        web-5c94f75b5d-rj7fp   1/1     Running       0          6m5s   10.244.1.2   kind-worker    <none>           <none>
        $ kubectl get events | grep -e NotReady -e Evict
        5m5s        Normal    NodeNotReady              node/kind-worker2           Node kind-worker2 status is now: NodeNotReady
        5m5s        Warning   NodeNotReady              pod/web-5c94f75b5d-ds4cz    Node is not ready
        5s          Normal    TaintManagerEviction      pod/web-5c94f75b5d-ds4cz    Marking for deletion Pod default/web-5c94f75b5d-ds4cz

        """)
    #expect(
      started == """
        $ sleep 2
        $ kubectl get nodes
        NAME                 STATUS   ROLES           AGE   VERSION
        kind-control-plane   Ready    control-plane   11m   v1.32.2
        kind-worker          Ready    <none>          10m   v1.32.2
        kind-worker2         Ready    <none>          10m   v1.32.2
        $ kubectl get pods -o wide
        NAME                   READY   STATUS    RESTARTS   AGE    IP           NODE          NOMINATED NODE   READINESS GATES
        web-5c94f75b5d-b2flh   1/1     Running   0          7s     10.244.1.3   kind-worker   <none>           <none>
        web-5c94f75b5d-rj7fp   1/1     Running   0          6m7s   10.244.1.2   kind-worker   <none>           <none>
        $ kubectl get node kind-worker2 -o yaml | grep -c unreachable
        0

        """)
  }
}
