import Foundation

/// A component a scenario can stop and start again.
package enum ControlPlaneComponent: Hashable, Sendable {
  case scheduler
  case controllerManager
  /// The kubelet of one node.
  case kubelet(node: String)

  /// The name in `Cluster.stoppedComponents`.
  package var name: String {
    switch self {
    case .scheduler: "kube-scheduler"
    case .controllerManager: "kube-controller-manager"
    case .kubelet(let node): "kubelet/\(node)"
    }
  }
}

extension Cluster {
  /// How long the node-lifecycle controller waits for a silent kubelet
  /// before it marks the node's conditions Unknown (node-monitor-grace-period).
  static let nodeMonitorGracePeriod: TimeInterval = 50  // 50s since Kubernetes 1.32

  /// Stops a component, as moving its manifest out of
  /// `/etc/kubernetes/manifests` (or `systemctl stop kubelet`) would: the
  /// scheduler's or controller-manager's mirror pod goes away and its work
  /// stops; a stopped kubelet stops running and reporting its pods, and the
  /// node goes NotReady after the grace period.
  package mutating func stop(_ component: ControlPlaneComponent) {
    guard !stoppedComponents.contains(component.name) else { return }
    stoppedComponents.insert(component.name)
    switch component {
    case .scheduler, .controllerManager:
      finalizeRemoval(ObjectKey(.pod, "\(component.name)-kind-control-plane", in: "kube-system"), by: "kubelet/kind-control-plane")
    case .kubelet(let node):
      kubeletStoppedAt[node] = now
      schedule(.nodeLifecycle(ObjectKey(.node, node)), after: Cluster.nodeMonitorGracePeriod)
    }
    settle()
  }

  /// Starts a stopped component again; it catches up on what it missed.
  package mutating func start(_ component: ControlPlaneComponent) {
    guard stoppedComponents.remove(component.name) != nil else { return }
    switch component {
    case .scheduler, .controllerManager:
      if let spec = Cluster.controlPlaneComponents.first(where: { $0.0 == component.name }) {
        staticPod(spec)
      }
      if component == .scheduler {
        for pod in store.list(.pod) where pod.content[path: "spec.nodeName"] == nil {
          enqueue(.scheduler(pod.key))
        }
      } else {
        for kind in [Kind.deployment, .replicaSet, .daemonSet, .job, .cronJob, .namespace, .node] {
          for object in store.list(kind) {
            switch kind {
            case .deployment: enqueue(.deployment(object.key))
            case .replicaSet: enqueue(.replicaSet(object.key))
            case .daemonSet: enqueue(.daemonSet(object.key))
            case .job: enqueue(.job(object.key))
            case .cronJob: enqueue(.cronJob(object.key))
            case .namespace: enqueue(.namespace(object.key))
            default: enqueue(.nodeLifecycle(object.key))
            }
          }
        }
        for service in store.list(.service) { enqueue(.endpoints(service.key)) }
      }
    case .kubelet(let node):
      kubeletStoppedAt[node] = nil
      // The kubelet posts its status again and syncs its pods.
      if var object = store.get(ObjectKey(.node, node)) {
        object.content[path: "status.conditions"] = .array(nodeConditions(ready: true))
        write(object, by: "kubelet/\(node)", summary: "status Ready")
        recordEvent(object, reason: "NodeReady", message: "Node \(node) status is now: NodeReady", source: EventSource("kubelet", host: node))
        enqueue(.nodeLifecycle(object.key))
      }
      for key in podsByNode[node] ?? [] { enqueue(.kubelet(key)) }
    }
    settle()
  }

  /// The node-lifecycle controller and the taint-eviction controller: a node
  /// whose kubelet fell silent gets Unknown conditions and the `unreachable`
  /// taints; its pods become not ready and are evicted when their toleration
  /// of the taint runs out (300s by default).
  mutating func reconcileNodeLifecycle(_ key: ObjectKey) {
    guard var node = store.get(key) else { return }
    let actor = "node-controller"
    // A Node created through the API: the simulator runs its kubelet, which
    // registers it as a kind node joining the cluster would.
    if (node.content[path: "status.nodeInfo.kubeletVersion"]?.string ?? "").isEmpty, kubeletStoppedAt[key.name] == nil,
      !stoppedComponents.contains("kubelet/\(key.name)")
    {
      let used = store.list(.node).compactMap { other -> Int? in
        guard let cidr = other.content[path: "spec.podCIDR"]?.string else { return nil }
        return Int(cidr.split(separator: ".").dropFirst(2).first ?? "")
      }
      addNode(key.name, index: (used.max() ?? 0) + 1, controlPlane: false, existing: node)
      return
    }
    let unreachable = "node.kubernetes.io/unreachable"
    var taints = node.content[path: "spec.taints"]?.array ?? []
    let tainted = taints.contains { $0["key"]?.string == unreachable }

    guard let stoppedAt = kubeletStoppedAt[key.name] else {
      // A kubelet that reports again: the taints go.
      if tainted {
        taints.removeAll { $0["key"]?.string == unreachable }
        node.content[path: "spec.taints"] = taints.isEmpty ? nil : .array(taints)
        write(node, by: actor, summary: "removed unreachable taints")
      }
      return
    }
    let silentSince = stoppedAt.addingTimeInterval(Cluster.nodeMonitorGracePeriod)
    guard now >= silentSince else {
      schedule(.nodeLifecycle(key), at: silentSince)
      return
    }
    if !tainted {
      let stamp = JSONValue.string(Timestamp.format(now))
      var conditions = node.content[path: "status.conditions"]?.array ?? []
      for index in conditions.indices {
        conditions[index]["status"] = "Unknown"
        conditions[index]["reason"] = "NodeStatusUnknown"
        conditions[index]["message"] = "Kubelet stopped posting node status."
        conditions[index]["lastTransitionTime"] = stamp
      }
      node.content[path: "status.conditions"] = .array(conditions)
      guard var stored = write(node, by: actor, summary: "status Unknown") else { return }
      recordEvent(stored, reason: "NodeNotReady", message: "Node \(key.name) status is now: NodeNotReady", source: EventSource(actor))
      taints += [
        ["effect": "NoSchedule", "key": .string(unreachable), "timeAdded": stamp],
        ["effect": "NoExecute", "key": .string(unreachable), "timeAdded": stamp],
      ]
      stored.content[path: "spec.taints"] = .array(taints)
      write(stored, by: actor, summary: "tainted unreachable")
      // MarkPodsNotReady.
      for podKey in (podsByNode[key.name] ?? []).sorted() {
        guard var pod = store.get(podKey) else { continue }
        var conditions = pod.content[path: "status.conditions"]?.array ?? []
        guard let index = conditions.firstIndex(where: { $0["type"]?.string == "Ready" }),
          conditions[index]["status"]?.string != "False"
        else { continue }
        conditions[index]["status"] = "False"
        conditions[index]["lastTransitionTime"] = stamp
        pod.content[path: "status.conditions"] = .array(conditions)
        write(pod, by: actor, summary: "marked not ready")
        recordEvent(pod, type: "Warning", reason: "NodeNotReady", message: "Node is not ready", source: EventSource(actor))
      }
    }

    // Eviction when each pod's toleration of the NoExecute taint runs out.
    let taintedAt = (store.get(key)?.content[path: "spec.taints"]?.array ?? [])
      .first { $0["key"]?.string == unreachable && $0["effect"]?.string == "NoExecute" }
      .flatMap { Timestamp.parse($0["timeAdded"]?.string) } ?? now
    var nextEviction: Date?
    for podKey in (podsByNode[key.name] ?? []).sorted() {
      guard let pod = store.get(podKey), !pod.isTerminating else { continue }
      let toleration = (pod.content[path: "spec.tolerations"]?.array ?? []).first { toleration in
        let effect = toleration["effect"]?.string
        let matchesKey = toleration["key"]?.string == unreachable || (toleration["key"] == nil && toleration["operator"]?.string == "Exists")
        return matchesKey && (effect == nil || effect == "NoExecute")
      }
      if toleration != nil && toleration?["tolerationSeconds"]?.int == nil { continue }
      let due = taintedAt.addingTimeInterval(Double(toleration?["tolerationSeconds"]?.int ?? 0))
      if now >= due {
        recordEvent(pod, reason: "TaintManagerEviction", message: "Marking for deletion Pod \(pod.namespace)/\(pod.name)", source: EventSource("taint-eviction-controller"))
        markDisruption(
          pod.key, reason: "DeletionByTaintManager",
          message: "Taint manager: deleting due to NoExecute taint", by: "taint-eviction-controller")
        _ = try? apiDelete(pod.key, by: "taint-eviction-controller")
      } else {
        nextEviction = min(nextEviction ?? due, due)
      }
    }
    if let nextEviction { schedule(.nodeLifecycle(key), at: nextEviction) }
  }
}
