import Foundation

extension Cluster {
  /// The replicaset-controller: holds `spec.replicas` active pods matching
  /// the selector, adopting orphans and releasing pods that stopped matching.
  mutating func reconcileReplicaSet(_ key: ObjectKey) {
    guard var replicaSet = store.get(key) else { return }
    let actor = "replicaset-controller"
    let selector = LabelSelector(json: replicaSet.content[path: "spec.selector"])
    var owned: [Object] = []
    for pod in store.dependents(of: replicaSet.uid) where pod.kind == .pod {
      if selector.matches(pod.labels) {
        owned.append(pod)
      } else if !replicaSet.isTerminating {
        var released = pod
        released.ownerReferences = pod.ownerReferences.filter { $0.uid != replicaSet.uid }
        write(released, by: actor, summary: "released from \(replicaSet.name)")
      }
    }
    if !replicaSet.isTerminating {
      for pod in store.uncontrolled(.pod, in: key.namespace)
      where pod.controller == nil && !pod.isTerminating && selector.matches(pod.labels) {
        var adopted = pod
        adopted.ownerReferences = pod.ownerReferences + [OwnerReference(controlledBy: replicaSet)]
        if let stored = write(adopted, by: actor, summary: "adopted by \(replicaSet.name)") {
          owned.append(stored)
        }
      }
    }
    guard !replicaSet.isTerminating else { return }

    let active = owned.filter { pod in
      let phase = pod.content[path: "status.phase"]?.string
      return !pod.isTerminating && phase != "Succeeded" && phase != "Failed"
    }
    let wanted = replicaSet.content[path: "spec.replicas"]?.int ?? 1
    let template = replicaSet.content[path: "spec.template"] ?? .emptyObject
    if active.count < wanted {
      for _ in 0..<(wanted - active.count) {
        var pod = Object(.pod, name: replicaSet.name + "-" + random.nameSuffix(), namespace: key.namespace)
        pod.content[path: "metadata.generateName"] = .string(replicaSet.name + "-")
        if let labels = template[path: "metadata.labels"] { pod.content[path: "metadata.labels"] = labels }
        if let annotations = template[path: "metadata.annotations"] {
          pod.content[path: "metadata.annotations"] = annotations
        }
        pod.ownerReferences = [OwnerReference(controlledBy: replicaSet)]
        pod.content["spec"] = template["spec"] ?? .emptyObject
        do {
          let created = try apiCreate(pod, by: actor)
          recordEvent(replicaSet, reason: "SuccessfulCreate", message: "Created pod: \(created.name)", source: EventSource(actor))
        } catch {
          recordEvent(replicaSet, type: "Warning", reason: "FailedCreate", message: "Error creating: \(error.message)", source: EventSource(actor))
          retryAfterFailedCreate(.replicaSet(key), owner: replicaSet)
          break
        }
      }
    } else if active.count > wanted {
      for pod in deletionOrder(active).prefix(active.count - wanted) {
        _ = try? apiDelete(pod.key, by: actor)
        recordEvent(replicaSet, reason: "SuccessfulDelete", message: "Deleted pod: \(pod.name)", source: EventSource(actor))
      }
    }

    // Status, from a fresh look at the pods.
    guard let current = store.get(key) else { return }
    replicaSet = current
    let pods = store.dependents(of: replicaSet.uid).filter {
      $0.kind == .pod && !$0.isTerminating && selector.matches($0.labels)
        && !["Succeeded", "Failed"].contains($0.content[path: "status.phase"]?.string ?? "")
    }
    let ready = pods.filter(Cluster.isPodReady).count
    let labelled = pods.filter { pod in
      Object.stringMap(template[path: "metadata.labels"]).allSatisfy { pod.labels[$0.key] == $0.value }
    }.count
    var status: JSONValue = [
      "replicas": .int(pods.count), "fullyLabeledReplicas": .int(labelled),
      "observedGeneration": .int(replicaSet.generation),
    ]
    if ready > 0 {
      status["readyReplicas"] = .int(ready)
      status["availableReplicas"] = .int(pods.filter { isPodAvailable($0, minReady: replicaSet.content[path: "spec.minReadySeconds"]?.int ?? 0) }.count)
    }
    if pods.count == 0 { status["fullyLabeledReplicas"] = nil }
    if replicaSet.content["status"] != status {
      replicaSet.content["status"] = status
      write(replicaSet, by: actor, summary: "status \(ready)/\(wanted) ready")
    }
    // Availability that depends on minReadySeconds needs another look later.
    if let minReady = replicaSet.content[path: "spec.minReadySeconds"]?.int, minReady > 0 {
      for pod in pods where Cluster.isPodReady(pod) && !isPodAvailable(pod, minReady: minReady) {
        if let since = Cluster.readySince(pod) {
          schedule(.replicaSet(key), at: since.addingTimeInterval(Double(minReady)))
        }
      }
    }
  }

  /// Pods to delete first: unscheduled, then pending, then not ready, then
  /// the most recently created, as the controller ranks them.
  private func deletionOrder(_ pods: [Object]) -> [Object] {
    func rank(_ pod: Object) -> (Int, Int, Int, Double) {
      let assigned = pod.content[path: "spec.nodeName"]?.string == nil ? 0 : 1
      let phase = pod.content[path: "status.phase"]?.string
      let running = phase == "Pending" ? 0 : 1
      let ready = Cluster.isPodReady(pod) ? 1 : 0
      return (assigned, running, ready, -(pod.creationTimestamp?.timeIntervalSince1970 ?? 0))
    }
    return pods.sorted { rank($0) < rank($1) }
  }

  static func isPodReady(_ pod: Object) -> Bool {
    (pod.content[path: "status.conditions"]?.array ?? []).contains {
      $0["type"]?.string == "Ready" && $0["status"]?.string == "True"
    }
  }

  static func readySince(_ pod: Object) -> Date? {
    let condition = (pod.content[path: "status.conditions"]?.array ?? []).first {
      $0["type"]?.string == "Ready" && $0["status"]?.string == "True"
    }
    return Timestamp.parse(condition?["lastTransitionTime"]?.string)
  }

  func isPodAvailable(_ pod: Object, minReady: Int) -> Bool {
    guard let since = Cluster.readySince(pod), !pod.isTerminating else { return false }
    return minReady == 0 || now >= since.addingTimeInterval(Double(minReady))
  }
}
