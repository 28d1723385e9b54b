import Foundation
import KubeCluster
import Shell
import Testing

/// `trace` with a component stopped, `trace --follow` in script mode, and
/// the undo stack's bound.
@Suite("Trace and undo")
struct TraceTests {
  typealias Session = ComponentTests.Session

  @Test("with the scheduler stopped, trace says no component bound the new pod")
  func schedulerStopped() {
    let session = Session()
    session.cluster.stop(.scheduler)
    let output = session.run(
      """
      kubectl run web --image=nginx:1.27
      sleep 30
      trace
      trace pod/web
      """)
    #expect(
      output == """
        $ kubectl run web --image=nginx:1.27
        pod/web created
        $ sleep 30
        $ trace
        What `kubectl run web --image=nginx:1.27` caused, in clock order:
           1  +0s     kubectl: asked kube-apiserver to create Pod web
           2  +0s     kube-apiserver: stored Pod web (resourceVersion 204)  (after 1)
           3  +0s     etcd: wrote /registry/pods/default/web  (after 2)
        No component bound Pod web to a node: kube-scheduler is not running (its pod is gone from kube-system), so the pod stays Pending.
        (Components talk only to kube-apiserver; each write above was stored in etcd like yours.)
        $ trace pod/web
        Pod default/web (uid \(session.cluster.store.get(ObjectKey(.pod, "web", in: "default"))?.uid ?? "?"))
          owners: none
           1  +0s     kubectl: created Pod web
                      because you asked (kubectl)
        No component bound Pod web to a node: kube-scheduler is not running (its pod is gone from kube-system), so the pod stays Pending.

        """)
    session.cluster.start(.scheduler)
    let started = session.run("sleep 1\ntrace pod/web")
    #expect(started.contains("default-scheduler (kube-scheduler): bound Pod web to kind-worker"))
    #expect(!started.contains("No component bound"))
  }

  @Test("trace --follow in a script moves the clock by --for and prints what happened")
  func followInScript() {
    let session = Session()
    let output = session.run(
      """
      kubectl run web --image=nginx:1.27
      trace --follow --for 5s
      trace --follow --for=10s
      trace --follow --for=forever
      """)
    #expect(output.contains("$ trace --follow --for 5s\n+0.4s  kubelet on kind-worker: Pod web: Pulling image \"nginx:1.27\"\n"))
    #expect(output.contains("kubelet on kind-worker: Pod web: Started container web\n"))
    #expect(output.contains("$ trace --follow --for=10s\nNothing happened in the next 10s.\n"))
    #expect(output.contains("trace: invalid --for duration \"forever\" (such as 30s or 2m, at most 1h)\n"))
  }

  @Test("undo walks back at most the last 20 changes, then says so")
  func undoBound() {
    let session = Session()
    var lines = ""
    for index in 1...22 { lines += "kubectl create configmap c\(index)\n" }
    _ = session.run(lines)
    let undone = session.run(String(repeating: "undo\n", count: 21) + "kubectl get configmap -o name")
    #expect(undone.contains("Undid `kubectl create configmap c22`: the cluster is back as it was before it (19 more commands can be undone)."))
    #expect(undone.contains("Undid `kubectl create configmap c3`: the cluster is back as it was before it (nothing more to undo)."))
    #expect(undone.contains("undo: nothing more to undo (kubetutor keeps the last 20 changes)\n"))
    #expect(undone.hasSuffix("configmap/c1\nconfigmap/c2\nconfigmap/kube-root-ca.crt\n"))
  }

  @Test("read-only commands and failed ones leave nothing to undo")
  func readOnly() {
    let session = Session()
    let output = session.run(
      """
      kubectl get pods
      kubectl delete pod nope
      kubectl apply -f missing.yaml
      undo
      """)
    #expect(output.hasSuffix("$ undo\nundo: nothing to undo — no command has changed the cluster yet\n"))
  }

  @Test("an object created again after undo gets a new UID, as in a real cluster")
  func newUIDAfterUndo() {
    let session = Session()
    let uid = "kubectl get configmap c -o jsonpath={.metadata.uid}"
    let first = session.run("kubectl create configmap c\n" + uid)
    let second = session.run("undo\nkubectl create configmap c\n" + uid)
    let firstUID = first.split(separator: "\n").last.map(String.init) ?? ""
    let secondUID = second.split(separator: "\n").last.map(String.init) ?? ""
    #expect(firstUID.count == 36)
    #expect(secondUID.count == 36)
    #expect(firstUID != secondUID)
  }
}
