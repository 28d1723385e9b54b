import Foundation

extension Cluster {
  /// The replicaset-controller: holds `spec.replicas` active pods matching
  /// the selector, adopting orphans and releasing pods that stopped matching.
  ///
  /// A sync reads the counts the store keeps of the set's pods by group
  /// (`ObjectStore.podGroups(of:)`), and reads the pods themselves only to
  /// release ones that stopped matching or to choose which to delete, so
  /// that it costs the same for 10 replicas as for 10,000.
  mutating func reconcileReplicaSet(_ key: ObjectKey) {
    guard var replicaSet = store.get(key), !replicaSet.isTerminating else { return }
    let actor = "replicaset-controller"
    let selector = LabelSelector(json: replicaSet.content[path: "spec.selector"])
    var selected: [JSONValue?: Bool] = [:]
    func matches(_ group: PodGroup) -> Bool {
      if let known = selected[group.labels] { return known }
      let result = selector.matches(Object.stringMap(group.labels))
      selected[group.labels] = result
      return result
    }
    func isActive(_ group: PodGroup) -> Bool {
      !group.isTerminating && group.phase != "Succeeded" && group.phase != "Failed" && matches(group)
    }
    if store.podGroups(of: replicaSet.uid).keys.contains(where: { !matches($0) }) {
      for pod in store.dependents(of: replicaSet.uid, kind: .pod) where !selector.matches(pod.labels) {
        var released = pod
        released.ownerReferences = pod.ownerReferences.filter { $0.uid != replicaSet.uid }
        write(released, by: actor, summary: "released from \(replicaSet.name)")
      }
    }
    // Adopted pods count once more when they already named the set as a
    // (non-controlling) owner, as they did when the controller listed them
    // both as its own and as adopted.
    var adopted: [Object] = []
    for pod in store.uncontrolled(.pod, in: key.namespace)
    where pod.controller == nil && !pod.isTerminating && selector.matches(pod.labels) {
      var adopting = pod
      adopting.ownerReferences = pod.ownerReferences + [OwnerReference(controlledBy: replicaSet)]
      if let stored = write(adopting, by: actor, summary: "adopted by \(replicaSet.name)") {
        adopted.append(stored)
      }
    }
    let active = store.podGroups(of: replicaSet.uid).reduce(0) { $0 + (isActive($1.key) ? $1.value : 0) }
      + adopted.count { pod in
        pod.ownerReferences.filter { $0.uid == replicaSet.uid }.count > 1 && isActive(PodGroup(pod))
      }
    let wanted = replicaSet.content[path: "spec.replicas"]?.int ?? 1
    let template = replicaSet.content[path: "spec.template"] ?? .emptyObject
    if active < wanted {
      for _ in 0..<(wanted - active) {
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
    } else if active > wanted {
      // The pods the set owned before this sync, in name order, then the
      // ones just adopted.
      let adoptedNow = Set(adopted.filter { pod in
        pod.ownerReferences.filter { $0.uid == replicaSet.uid }.count == 1
      }.map(\.key))
      // Each pod is read through what its stored version already worked
      // out (its group, its rank): a rolling update of a big set scales it
      // down many times, and the set's pods mostly stay as they were.
      var candidates: [DeletionCandidate] = []
      // `adopted`: 0 for a pod the set owned (kept if it still matches),
      // 1 + its place among the ones just adopted otherwise.
      func consider(_ pod: Object, adopted: Int) {
        let group = pod.memoized(PodGroup.self, PodGroup.init)
        guard adopted > 0 || matches(group), isCandidate(group) else { return }
        candidates.append(DeletionCandidate(rank: DeletionRank.of(pod, group), adopted: adopted, key: pod.key))
      }
      for key in store.dependentKeys(of: replicaSet.uid, kind: .pod) where !adoptedNow.contains(key) {
        if let pod = store.get(key) { consider(pod, adopted: 0) }
      }
      for (index, pod) in adopted.enumerated() { consider(pod, adopted: index + 1) }
      // The order of a stable sort by rank of the pods the set owned, by
      // name, followed by the ones just adopted.
      candidates.sort()
      for candidate in candidates.prefix(active - wanted) {
        _ = try? apiDelete(candidate.key, by: actor)
        recordEvent(replicaSet, reason: "SuccessfulDelete", message: "Deleted pod: \(candidate.key.name)", source: EventSource(actor))
      }
    }

    // Status, from a fresh look at the pods.
    guard let current = store.get(key) else { return }
    replicaSet = current
    let templateLabels = Object.stringMap(template[path: "metadata.labels"])
    let minReady = replicaSet.content[path: "spec.minReadySeconds"]?.int ?? 0
    var counted = 0
    var ready = 0
    var labelled = 0
    var available = 0
    var availableLater: Set<Date> = []
    for (group, count) in store.podGroups(of: replicaSet.uid) where isActive(group) {
      counted += count
      let labels = Object.stringMap(group.labels)
      if templateLabels.allSatisfy({ labels[$0.key] == $0.value }) { labelled += count }
      guard group.isReady else { continue }
      ready += count
      guard let since = Timestamp.parse(group.readySince) else { continue }
      let availableAt = since.addingTimeInterval(Double(minReady))
      if minReady == 0 || now >= availableAt {
        available += count
      } else {
        availableLater.insert(availableAt)
      }
    }
    var status: JSONValue = [
      "replicas": .int(counted), "fullyLabeledReplicas": .int(labelled),
      "observedGeneration": .int(replicaSet.generation),
    ]
    if ready > 0 {
      status["readyReplicas"] = .int(ready)
      status["availableReplicas"] = .int(available)
    }
    if counted == 0 { status["fullyLabeledReplicas"] = nil }
    if replicaSet.content["status"] != status {
      replicaSet.content["status"] = status
      write(replicaSet, by: actor, summary: "status \(ready)/\(wanted) ready")
    }
    // Availability that depends on minReadySeconds needs another look later.
    if replicaSet.content[path: "spec.minReadySeconds"]?.int ?? 0 > 0 {
      for date in availableLater.sorted() { schedule(.replicaSet(key), at: date) }
    }
  }

  /// A pod a scale-down may delete: not terminating, not finished.
  private func isCandidate(_ group: PodGroup) -> Bool {
    !group.isTerminating && group.phase != "Succeeded" && group.phase != "Failed"
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

/// Which pods a scale-down deletes first: unscheduled, then pending, then
/// not ready, then the most recently created, as the controller ranks them.
struct DeletionRank: Comparable, Sendable {
  var assigned: Int
  var running: Int
  var ready: Int
  var created: Double

  /// The rank of a pod whose group is `group`, worked out once per stored
  /// version of the pod.
  static func of(_ pod: Object, _ group: PodGroup) -> DeletionRank {
    pod.memoized(DeletionRank.self) { pod in
      DeletionRank(
        assigned: pod.content[path: "spec.nodeName"]?.string == nil ? 0 : 1,
        running: group.phase == "Pending" ? 0 : 1, ready: group.isReady ? 1 : 0,
        created: -(pod.creationTimestamp?.timeIntervalSince1970 ?? 0))
    }
  }

  static func < (lhs: DeletionRank, rhs: DeletionRank) -> Bool {
    (lhs.assigned, lhs.running, lhs.ready, lhs.created) < (rhs.assigned, rhs.running, rhs.ready, rhs.created)
  }
}

/// A pod in a scale-down's order: by rank, then the pods the set owned by
/// name, then the ones it just adopted in the order it adopted them.
struct DeletionCandidate: Comparable {
  var rank: DeletionRank
  /// 0 for a pod the set owned; 1 + its place among the adopted otherwise.
  var adopted: Int
  var key: ObjectKey

  static func < (lhs: DeletionCandidate, rhs: DeletionCandidate) -> Bool {
    if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
    if lhs.adopted != rhs.adopted { return lhs.adopted < rhs.adopted }
    return lhs.key < rhs.key
  }
}
