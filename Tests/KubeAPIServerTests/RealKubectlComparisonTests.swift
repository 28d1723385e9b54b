import Foundation
import KubeCluster
import KubetutorTestSupport
import Testing

/// The real kubectl v1.32 against `serve on`, command by command, compared
/// with what the same command prints inside the kubetutor shell.
///
/// A command that changes the cluster runs twice from the same state: the
/// real kubectl first (through the server), then the cluster is put back
/// and the shell runs it, so both start equal and must print the same.
@Suite("the real kubectl against the served cluster", .serialized)
struct RealKubectlComparisonTests {
  static let web = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      replicas: 2
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
          - name: nginx
            image: nginx:1.27
            ports:
            - containerPort: 80

    """

  /// Runs `line` on both sides. Read-only commands are retried once, as an
  /// age can tick over between the two runs.
  static func pair(_ served: ServedShell, _ line: String, mutates: Bool = false, made: [ObjectKey] = []) throws
    -> (real: ServedShell.Result, own: ServedShell.Result)
  {
    let words = line.split(separator: " ").map(String.init)
    var last: (ServedShell.Result, ServedShell.Result)?
    // Both runs of a command that changes the cluster start from the same
    // moment: the served clock stops following the wall clock meanwhile, so
    // no tick between them draws other names or UIDs (a Job's selector
    // carries its UID).
    served.session.state.access.withLock { served.session.state.wallClockPaused = mutates }
    defer { served.session.state.access.withLock { served.session.state.wallClockPaused = false } }
    for _ in 0..<(mutates ? 1 : 3) {
      let before = served.cluster
      let real = try served.real(Array(words.dropFirst()))
      let realCluster = served.cluster
      if mutates { served.cluster = before }
      let own = served.shell(line)
      // What the real kubectl made through the server is what the shell makes.
      for key in made {
        let theirs = realCluster.store.get(key).map(Self.spec)
        let ours = served.cluster.store.get(key).map(Self.spec)
        #expect(theirs != nil, "\(line): \(key)")
        #expect(theirs == ours, "\(line): \(key)")
      }
      last = (real, own)
      if real == own { break }
    }
    return last!
  }

  /// An object without what depends on the moment it was made (the served
  /// clock follows the wall clock, so other writes may land in between).
  static func spec(_ object: Object) -> JSONValue {
    var content = object.content
    content[path: "metadata.creationTimestamp"] = nil
    content[path: "metadata.resourceVersion"] = nil
    content["status"] = nil
    return content
  }

  /// Where kubetutor's own output is known to differ from the real
  /// kubectl's on the same objects (found by this suite; not the server's
  /// doing), by command line.
  static let knownDifferences: [String: String] = [
    "kubectl describe node kind-worker":
      "kubetutor's describe shows a node Lease the cluster does not store, and its pod table is 2 columns narrower",
    "kubectl describe deployment coredns -n kube-system":
      "kubetutor's describe prints Priority Class Name after Tolerations; kubectl before Node-Selectors",
    "kubectl rollout history deployment/web --revision=2":
      "kubectl prints the revision's pod template with raw tabs, not aligned",
  ]

  static func expectSame(
    _ served: ServedShell, _ line: String, mutates: Bool = false, made: [ObjectKey] = [],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let (real, own) = try pair(served, line, mutates: mutates || !made.isEmpty, made: made)
    let message: Comment = "\(line)\n=== real kubectl:\n\(real)\n=== kubetutor shell:\n\(own)"
    if let known = knownDifferences[line] {
      withKnownIssue(Comment(rawValue: known), isIntermittent: true) {
        #expect(real == own, message, sourceLocation: sourceLocation)
      }
    } else {
      #expect(real == own, message, sourceLocation: sourceLocation)
    }
  }

  /// Waits, in real time, until `condition` holds of the cluster.
  static func waitFor(_ served: ServedShell, seconds: Double = 60, _ condition: (Cluster) -> Bool) {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      served.shell("true")
      if condition(served.cluster) { return }
      Thread.sleep(forTimeInterval: 0.25)
    }
  }

  static func readyPods(_ cluster: Cluster, app: String) -> Int {
    cluster.store.list(.pod, in: "default").filter { pod in
      pod.labels["app"] == app && !pod.isTerminating
        && (pod.content[path: "status.conditions"]?.array ?? []).contains {
          $0["type"]?.string == "Ready" && $0["status"]?.string == "True"
        }
    }.count
  }

  @Test(.enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 (skipped: not installed)"))
  func sameOutputOnBothSides() throws {
    let served = try ServedShell()
    defer { served.close() }
    let on = served.shell("serve on --port 0")
    try #require(on.exitCode == 0, "\(on)")
    #expect(on.stdout.contains("export KUBECONFIG=\(served.kubeconfig)\n"))
    let manifest = try served.write("web.yaml", Self.web)
    let scaled = try served.write("web-v2.yaml", Self.web.replacingOccurrences(of: "replicas: 2", with: "replicas: 4"))

    // The cluster as kind starts it.
    for line in [
      "kubectl get nodes", "kubectl get nodes -o wide", "kubectl get pods -A",
      "kubectl get pods -n kube-system -o wide", "kubectl get ns", "kubectl get svc -A",
      "kubectl get deploy -A", "kubectl get ds -A -o wide", "kubectl get rs -n kube-system",
      "kubectl get cm -A", "kubectl get sa -n kube-system", "kubectl get storageclass",
      "kubectl get priorityclass", "kubectl get leases -n kube-node-lease",
      "kubectl get pods -n kube-system -l k8s-app=kube-dns",
      "kubectl get pods -A --field-selector spec.nodeName=kind-worker",
      "kubectl get nodes -o yaml", "kubectl get ns default -o json",
      "kubectl describe node kind-worker", "kubectl describe deployment coredns -n kube-system",
      "kubectl get pods --show-labels -n kube-system", "kubectl get pod nosuch",
      "kubectl get deploy nosuch -n kube-system",
    ] {
      try Self.expectSame(served, line)
    }

    // kubectl's typed clients send protobuf: each object made both ways is the same.
    let made: [(String, ObjectKey)] = [
      ("kubectl create deployment api --image=nginx:1.27 --replicas=2 --port=8080", ObjectKey(.deployment, "api", in: "default")),
      ("kubectl create configmap cfg --from-literal=a=1 --from-literal=b=two", ObjectKey(.configMap, "cfg", in: "default")),
      ("kubectl create secret generic s1 --from-literal=password=pw", ObjectKey(.secret, "s1", in: "default")),
      ("kubectl create namespace dev", ObjectKey(.namespace, "dev", in: "")),
      ("kubectl create serviceaccount robot", ObjectKey(.serviceAccount, "robot", in: "default")),
      ("kubectl create service nodeport np --tcp=80:8080", ObjectKey(.service, "np", in: "default")),
      ("kubectl create job once --image=busybox:1.36 -- echo hi", ObjectKey(.job, "once", in: "default")),
      ("kubectl create cronjob tick --image=busybox:1.36 --schedule=@hourly -- date", ObjectKey(.cronJob, "tick", in: "default")),
    ]
    for (line, key) in made {
      try Self.expectSame(served, line, made: [key])
    }
    // dryRun=All changes nothing; fieldValidation=Strict rejects unknown fields.
    let typo = try served.write("typo.yaml", Self.web.replacingOccurrences(of: "replicas: 2", with: "replica: 2"))
    for line in [
      "kubectl create deployment dry --image=nginx:1.27 --dry-run=server -o yaml",
      "kubectl apply -f \(manifest) --dry-run=server", "kubectl apply -f \(typo)",
      "kubectl create deployment api --image=nginx:1.27", "kubectl delete pod nosuch",
      "kubectl scale deployment nosuch --replicas=2",
    ] {
      try Self.expectSame(served, line, mutates: true)
    }
    #expect(served.cluster.store.get(ObjectKey(.deployment, "dry", in: "default")) == nil)
    for line in ["kubectl get cm cfg -o yaml", "kubectl get secret s1 -o json", "kubectl get sa,cm,secret"] {
      try Self.expectSame(served, line)
    }

    // Workloads made with the real kubectl and with the shell.
    try Self.expectSame(served, "kubectl run nginx --image=nginx:1.27 --labels=app=nginx", mutates: true)
    try Self.expectSame(served, "kubectl apply -f \(manifest)", mutates: true)
    try Self.expectSame(served, "kubectl apply -f \(manifest)", mutates: true)
    Self.waitFor(served) { Self.readyPods($0, app: "web") == 2 && Self.readyPods($0, app: "nginx") == 1 }
    for line in [
      "kubectl get deploy,rs,pods -o wide", "kubectl get pods --show-labels", "kubectl get pods -l app=web",
      "kubectl get deployment web -o yaml", "kubectl describe deployment web", "kubectl describe pod nginx",
      "kubectl rollout status deployment/web --timeout=30s", "kubectl logs nginx",
      "kubectl exec nginx -- ls /", "kubectl exec nginx -- cat /etc/hostname",
      "kubectl exec nginx -- ls /nosuch", "kubectl exec nginx -- nosuchprog", "kubectl exec nosuch -- ls",
      "kubectl get all",
      // A selector the API server rejects, worded by kubectl's resource builder.
      "kubectl get pods,deploy -l a=b_", "kubectl describe pods -l a=b_", "kubectl logs -l a=b_",
      "kubectl rollout status deploy -l a=b_", "kubectl get pods --field-selector spec.foo=x",
    ] {
      try Self.expectSame(served, line)
    }
    try Self.expectSame(served, "kubectl delete pods,deploy -l a=b_", mutates: true)
    try Self.expectSame(served, "kubectl scale deployment web --replicas=3", mutates: true)
    try Self.expectSame(served, "kubectl label deployment web tier=front", mutates: true)
    try Self.expectSame(served, "kubectl apply -f \(scaled)", mutates: true)
    try Self.expectSame(served, "kubectl set image deployment/web nginx=nginx:1.28", mutates: true)
    Self.waitFor(served) { cluster in
      cluster.store.list(.pod, in: "default").filter { $0.labels["app"] == "web" }.allSatisfy {
        $0.content[path: "spec.containers"]?.array?.first?["image"]?.string == "nginx:1.28"
      } && Self.readyPods(cluster, app: "web") == 4
    }
    for line in [
      "kubectl rollout history deployment/web", "kubectl rollout history deployment/web --revision=2",
      "kubectl get rs", "kubectl describe rs", "kubectl wait --for=condition=Available deployment/web --timeout=30s",
    ] {
      try Self.expectSame(served, line)
    }
    try Self.expectSame(served, "kubectl rollout undo deployment/web", mutates: true)
    try Self.expectSame(served, "kubectl expose deployment web --port=80", mutates: true)
    for line in ["kubectl get svc web -o wide", "kubectl describe svc web", "kubectl get endpoints web"] {
      try Self.expectSame(served, line)
    }
    try Self.expectSame(served, "kubectl delete svc web", mutates: true)
    try Self.expectSame(served, "kubectl delete deployment web", mutates: true)
    for line in ["kubectl get deploy web", "kubectl get svc web", "kubectl get deploy"] {
      try Self.expectSame(served, line)
    }
  }
}
