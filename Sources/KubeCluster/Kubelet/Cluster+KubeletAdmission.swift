import Foundation

extension Cluster {
  /// The kubelet's admission of a pod it sees for the first time: a pod
  /// bound to the node by `spec.nodeName` skipped the scheduler, so the
  /// kubelet checks that the node has room for it among the pods it already
  /// admitted, and otherwise rejects it (phase Failed, reason `OutOfcpu`),
  /// as pkg/kubelet/lifecycle/predicate.go does. Returns whether it runs.
  mutating func admitPod(_ pod: Object, node: Object, source: EventSource) -> Bool {
    let phase = pod.content[path: "status.phase"]?.string
    if phase == "Succeeded" || phase == "Failed" { return false }
    let capacity = Cluster.allocatable(node)
    // Pods the scheduler placed always fit: only when the node's sums are
    // over its allocatable does the kubelet need to look pod by pod.
    let total = load(on: node.name)
    guard total.pods > capacity.pods || total.cpu > capacity.cpu || total.memory > capacity.memory
    else { return true }
    var used = NodeLoad()
    for key in podsByNode[node.name] ?? [] where key != pod.key {
      guard let other = store.get(key), runtimes[other.uid] != nil else { continue }
      let otherPhase = other.content[path: "status.phase"]?.string
      guard otherPhase != "Succeeded" && otherPhase != "Failed" else { continue }
      let request = Cluster.requests(of: other)
      used.cpu += request.cpu
      used.memory += request.memory
      used.pods += 1
    }
    let request = Cluster.requests(of: pod)
    // The first resource short is the one reported: pods, cpu, memory.
    var shortage: (resource: String, requested: Int64, used: Int64, capacity: Int64)?
    if used.pods + 1 > capacity.pods {
      shortage = ("pods", 1, Int64(used.pods), Int64(capacity.pods))
    } else if request.cpu > 0, used.cpu + request.cpu > capacity.cpu {
      shortage = ("cpu", request.cpu, used.cpu, capacity.cpu)
    } else if request.memory > 0, used.memory + request.memory > capacity.memory {
      // Memory is kept in thousandths of a byte; the message counts bytes.
      shortage = ("memory", request.memory / 1000, used.memory / 1000, capacity.memory / 1000)
    }
    guard let shortage else { return true }
    let reason = "OutOf\(shortage.resource)"
    let message =
      "Node didn't have enough resource: \(shortage.resource), requested: \(shortage.requested), used: \(shortage.used), capacity: \(shortage.capacity)"
    recordEvent(pod, type: "Warning", reason: reason, message: message, source: source)
    var rejected = pod
    rejected.content["status"] = [
      "message": .string("Pod was rejected: " + message), "phase": "Failed",
      "qosClass": pod.content[path: "status.qosClass"] ?? .string(qosClass(pod)),
      "reason": .string(reason), "startTime": .string(Timestamp.format(now)),
    ]
    write(rejected, by: "kubelet/\(node.name)", summary: "rejected: \(reason)")
    return false
  }

  /// What a node's allocatable leaves after the requests of its pods, as
  /// quantities (`cpu: 3900m`, `memory` in bytes): the most a further pod
  /// bound to it may ask for and still be admitted.
  package func unrequested(on nodeName: String) -> JSONValue? {
    guard let node = store.get(ObjectKey(.node, nodeName)) else { return nil }
    let capacity = Cluster.allocatable(node)
    let used = load(on: nodeName)
    return [
      "cpu": .string("\(max(0, capacity.cpu - used.cpu))m"),
      "memory": .string(String(max(0, capacity.memory - used.memory) / 1000)),
    ]
  }
}
