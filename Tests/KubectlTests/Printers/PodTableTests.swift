import Foundation
import KubeCluster
import Kubectl
import Testing

/// `kubectl get pods` rows for pod states the simulation rarely reaches, as
/// kubectl's printPod words them: init containers, sidecars left running
/// after the main container completed, signals, exit codes, scheduling
/// gates, terminating and lost pods. The pods are written straight into an
/// empty cluster, so no kubelet changes their status.
@Suite("pod table")
struct PodTableTests {
  static let now = Cluster.scriptEpoch

  static func time(_ secondsAgo: Int) -> JSONValue {
    .string(Timestamp.format(now.addingTimeInterval(-Double(secondsAgo))))
  }

  static func running(ready: Bool = true, restarts: JSONValue = 0) -> JSONValue {
    ["name": "c", "ready": .bool(ready), "restartCount": restarts, "state": ["running": ["startedAt": time(60)]]]
  }

  static func terminated(_ fields: JSONValue) -> JSONValue {
    ["name": "c", "ready": false, "restartCount": 0, "state": ["terminated": fields]]
  }

  static func waiting(_ reason: String, restarts: Int = 0, lastFinished: Int? = nil) -> JSONValue {
    var status: JSONValue = ["name": "c", "ready": false, "restartCount": .int(restarts), "state": ["waiting": ["reason": .string(reason)]]]
    if let lastFinished {
      status["lastState"] = ["terminated": ["exitCode": 1, "finishedAt": time(lastFinished)]]
    }
    return status
  }

  static func condition(_ type: String, _ status: String, reason: String? = nil) -> JSONValue {
    var value: JSONValue = ["type": .string(type), "status": .string(status)]
    if let reason { value["reason"] = .string(reason) }
    return value
  }

  /// A pod named `name` created five minutes ago with `containers` containers.
  static func pod(
    _ name: String, namespace: String = "default", containers: Int = 1, initContainers: Int = 0,
    labels: JSONValue? = nil, deleting: Bool = false, spec extraSpec: JSONValue = [:], status: JSONValue
  ) -> Object {
    var metadata: JSONValue = ["name": .string(name), "namespace": .string(namespace), "creationTimestamp": time(300)]
    if let labels { metadata["labels"] = labels }
    if deleting { metadata["deletionTimestamp"] = time(10) }
    var spec: JSONValue = ["containers": .array((0..<containers).map { ["name": .string("c\($0)"), "image": "nginx"] })]
    if initContainers > 0 {
      spec["initContainers"] = .array((0..<initContainers).map { ["name": .string("i\($0)"), "image": "busybox"] })
    }
    for (key, value) in extraSpec.object ?? JSONObject() { spec[key] = value }
    return Object(.pod, ["apiVersion": "v1", "kind": "Pod", "metadata": metadata, "spec": spec, "status": status])
  }

  static let pods: [Object] = [
    pod("running", labels: ["app": "web", "tier": "front"], spec: ["nodeName": "worker-1"],
        status: ["phase": "Running", "podIP": "10.244.1.5", "conditions": [condition("Ready", "True")], "containerStatuses": [running()]]),
    pod("crash", containers: 2, labels: ["app": "web"],
        status: ["phase": "Running", "containerStatuses": [running(), waiting("CrashLoopBackOff", restarts: 3, lastFinished: 90)]]),
    pod("init-running", initContainers: 2,
        status: ["phase": "Pending", "initContainerStatuses": [terminated(["exitCode": 0, "reason": "Completed"]), running(ready: false, restarts: 1)],
                 "containerStatuses": [waiting("PodInitializing")]]),
    pod("init-error", initContainers: 1,
        status: ["phase": "Pending", "initContainerStatuses": [terminated(["exitCode": 1, "reason": "Error"])]]),
    pod("init-signal", initContainers: 1,
        status: ["phase": "Pending", "initContainerStatuses": [terminated(["exitCode": 137, "signal": 9])]]),
    pod("init-exit", initContainers: 1,
        status: ["phase": "Pending", "initContainerStatuses": [terminated(["exitCode": 2])]]),
    pod("init-pull", initContainers: 1,
        status: ["phase": "Pending", "initContainerStatuses": [waiting("ImagePullBackOff")]]),
    pod("init-podinitializing", initContainers: 1,
        status: ["phase": "Pending", "initContainerStatuses": [waiting("PodInitializing")]]),
    pod("initialized", initContainers: 1,
        status: ["phase": "Running", "conditions": [condition("Initialized", "True"), condition("Ready", "True")],
                 "initContainerStatuses": [running(ready: false, restarts: 4)], "containerStatuses": [running(restarts: 1)]]),
    pod("sidecar-left", containers: 2,
        status: ["phase": "Running", "conditions": [condition("Ready", "False")],
                 "containerStatuses": [terminated(["exitCode": 0, "reason": "Completed"]), running()]]),
    pod("sidecar-ready", containers: 2,
        status: ["phase": "Running", "conditions": [condition("Ready", "True")],
                 "containerStatuses": [terminated(["exitCode": 0, "reason": "Completed"]), running()]]),
    pod("terminating", deleting: true, status: ["phase": "Running", "containerStatuses": [running()]]),
    pod("succeeded-deleting", deleting: true, status: ["phase": "Succeeded", "containerStatuses": [terminated(["exitCode": 0, "reason": "Completed"])]]),
    pod("node-lost", deleting: true, status: ["phase": "Running", "reason": "NodeLost", "containerStatuses": [running()]]),
    pod("gated", status: ["phase": "Pending", "conditions": [condition("PodScheduled", "False", reason: "SchedulingGated")]]),
    pod("evicted", status: ["phase": "Failed", "reason": "Evicted", "message": "The node was low on resource: memory."]),
    pod("signal", status: ["phase": "Failed", "containerStatuses": [terminated(["exitCode": 143, "signal": 15])]]),
    pod("exit-code", status: ["phase": "Failed", "containerStatuses": [terminated(["exitCode": 2])]]),
    pod("double-restarts", status: ["phase": "Running", "containerStatuses": [running(restarts: 2.0)]]),
    pod("gates", spec: ["nodeName": "worker-2", "readinessGates": [["conditionType": "example.com/lb"], ["conditionType": "example.com/dns"]]],
        status: ["phase": "Running", "podIP": "10.244.2.7", "nominatedNodeName": "worker-3",
                 "conditions": [condition("example.com/lb", "True"), condition("example.com/dns", "False")], "containerStatuses": [running()]]),
    pod("other", namespace: "dev", labels: ["app": "api"], status: ["phase": "Pending"]),
  ]

  static func cluster() -> Cluster {
    var cluster = Cluster(emptyAt: now, seed: 1)
    for pod in pods { cluster.write(pod, by: "test") }
    return cluster
  }

  static func get(_ arguments: [String]) -> String {
    var cluster = cluster()
    let output = CommandRunner.run(arguments, cluster: &cluster)
    #expect(output.stderr == "")
    #expect(output.exitCode == 0)
    return output.stdout
  }

  @Test("READY, STATUS and RESTARTS follow printPod for every state")
  func states() {
    #expect(
      Self.get(["get", "pods"]) == """
        NAME                   READY   STATUS                  RESTARTS      AGE
        crash                  1/2     CrashLoopBackOff        3 (90s ago)   5m
        double-restarts        1/1     Running                 2             5m
        evicted                0/1     Evicted                 0             5m
        exit-code              0/1     ExitCode:2              0             5m
        gated                  0/1     SchedulingGated         0             5m
        gates                  1/1     Running                 0             5m
        init-error             0/1     Init:Error              0             5m
        init-exit              0/1     Init:ExitCode:2         0             5m
        init-podinitializing   0/1     Init:0/1                0             5m
        init-pull              0/1     Init:ImagePullBackOff   0             5m
        init-running           0/1     Init:1/2                1             5m
        init-signal            0/1     Init:Signal:9           0             5m
        initialized            1/1     Init:0/1                1             5m
        node-lost              1/1     Unknown                 0             5m
        running                1/1     Running                 0             5m
        sidecar-left           1/2     NotReady                0             5m
        sidecar-ready          1/2     Running                 0             5m
        signal                 0/1     Signal:15               0             5m
        succeeded-deleting     0/1     Completed               0             5m
        terminating            1/1     Terminating             0             5m

        """)
  }

  @Test("-o wide adds IP, NODE, NOMINATED NODE and READINESS GATES")
  func wide() {
    let lines = Self.get(["get", "pods", "-o", "wide"]).split(separator: "\n")
    #expect(lines.first == "NAME                   READY   STATUS                  RESTARTS      AGE   IP           NODE       NOMINATED NODE   READINESS GATES")
    #expect(lines.contains("gates                  1/1     Running                 0             5m    10.244.2.7   worker-2   worker-3         1/2"))
    #expect(lines.contains("running                1/1     Running                 0             5m    10.244.1.5   worker-1   <none>           <none>"))
    #expect(lines.contains("crash                  1/2     CrashLoopBackOff        3 (90s ago)   5m    <none>       <none>     <none>           <none>"))
  }

  @Test("-A adds NAMESPACE; --show-labels and -L add label columns")
  func namespacesAndLabels() {
    #expect(
      Self.get(["get", "pods", "-A", "-l", "app", "--show-labels", "-L", "tier,app"]) == """
        NAMESPACE   NAME      READY   STATUS             RESTARTS      AGE   TIER    APP   LABELS
        default     crash     1/2     CrashLoopBackOff   3 (90s ago)   5m            web   app=web
        default     running   1/1     Running            0             5m    front   web   app=web,tier=front
        dev         other     0/1     Pending            0             5m            api   app=api

        """)
  }

  @Test("--sort-by and --no-headers keep the same rows")
  func sortedWithoutHeaders() {
    let lines = Self.get(["get", "pods", "--sort-by", ".status.phase", "--no-headers"]).split(separator: "\n")
    #expect(lines.count == 20)
    #expect(lines.first?.hasPrefix("evicted ") == true)
    #expect(lines.last?.hasPrefix("succeeded-deleting ") == true)
    #expect(lines.contains("running                1/1   Running                 0             5m"))
  }

  @Test("lists by namespace, then name, in byte order, however long the names' shared start")
  func order() {
    let names = [
      "web-7d9f8c6b5-abcde", "web-7d9f8c6b5-abcd", "web-7d9f8c6b5-abcdef0123", "web-7d9f8c6b5-abcdef0122",
      "web-7d9f8c6b5-b", "web-7d9f8c6b5-", "web", "db-0", "db-10", "db-2",
    ]
    var cluster = Cluster(emptyAt: Self.now, seed: 1)
    for namespace in ["ab", "a-b", "a"] {
      for name in names { cluster.write(Self.pod(name, namespace: namespace, status: ["phase": "Running"]), by: "test") }
    }

    let one = CommandRunner.run(["get", "pods", "-n", "a", "-o", "name"], cluster: &cluster)
    let all = CommandRunner.run(
      ["get", "pods", "-A", "--no-headers", "-o", "custom-columns=NS:.metadata.namespace,NAME:.metadata.name"], cluster: &cluster)

    #expect(one.stdout == names.sorted().map { "pod/\($0)\n" }.joined())
    let listed = all.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: "/") }
    #expect(listed == ["a", "a-b", "ab"].flatMap { namespace in names.sorted().map { "\(namespace)/\($0)" } })
  }
}
