import Foundation

extension Cluster {
  /// The statefulset-controller: pods with stable names `NAME-0 … NAME-(n-1)`,
  /// each with its own claims from `volumeClaimTemplates`, created in order
  /// (each Running and Ready before the next, with `OrderedReady`) and
  /// removed from the highest ordinal down.
  mutating func reconcileStatefulSet(_ key: ObjectKey) {
    guard let set = store.get(key), !set.isTerminating else { return }
    let actor = "statefulset-controller"
    let source = EventSource(actor)
    let spec = set.content["spec"] ?? .emptyObject
    let replicas = spec["replicas"]?.int ?? 1
    let ordered = (spec["podManagementPolicy"]?.string ?? "OrderedReady") == "OrderedReady"
    let updateTemplate = spec["template"] ?? .emptyObject
    let updateHash = Cluster.templateHash(updateTemplate)
    let updateRevision = "\(set.name)-\(updateHash)"
    let claimTemplates = spec["volumeClaimTemplates"]?.array ?? []
    // Orphans named like its own pods (left by `delete --cascade=orphan`)
    // are adopted when the selector matches, as ClaimPods does.
    let selector = LabelSelector(json: spec["selector"])
    for pod in store.uncontrolled(.pod, in: key.namespace)
    where pod.controller == nil && !pod.isTerminating && selector.matches(pod.labels)
      && pod.name.hasPrefix(set.name + "-") && Int(pod.name.dropFirst(set.name.count + 1)) != nil
    {
      var adopting = pod
      adopting.ownerReferences = pod.ownerReferences + [OwnerReference(controlledBy: set)]
      write(adopting, by: actor, summary: "adopted by \(set.name)")
    }
    let pods = store.dependents(of: set.uid, kind: .pod)
    syncRevision(
      set, name: updateRevision, hashLabels: ["controller.kubernetes.io/hash": updateHash],
      inUse: Set(pods.compactMap { $0.labels["controller-revision-hash"] }), actor: actor)
    // The revision pods below the partition keep: the one the status names
    // as current, while it still exists.
    var currentRevision = updateRevision
    var currentTemplate = updateTemplate
    if let named = set.content[path: "status.currentRevision"]?.string, named != updateRevision,
      let stored = store.get(ObjectKey(.controllerRevision, named, in: key.namespace)),
      let template = Cluster.revisionTemplate(stored)
    {
      currentRevision = named
      currentTemplate = template
    }
    let rollingUpdate = (spec[path: "updateStrategy.type"]?.string ?? "RollingUpdate") == "RollingUpdate"
    let partition = spec[path: "updateStrategy.rollingUpdate.partition"]?.int ?? 0
    func ordinal(_ pod: Object) -> Int? {
      guard pod.name.hasPrefix(set.name + "-") else { return nil }
      return Int(pod.name.dropFirst(set.name.count + 1))
    }
    var byOrdinal: [Int: Object] = [:]
    for pod in pods { if let index = ordinal(pod) { byOrdinal[index] = pod } }
    func healthy(_ pod: Object) -> Bool {
      !pod.isTerminating && pod.content[path: "status.phase"]?.string == "Running" && Cluster.isPodReady(pod)
    }

    // Create the missing pods in order.
    for index in 0..<replicas {
      if let pod = byOrdinal[index] {
        if ordered && !healthy(pod) { break }
        continue
      }
      let name = "\(set.name)-\(index)"
      for claimTemplate in claimTemplates {
        let claimName = "\(claimTemplate[path: "metadata.name"]?.string ?? "")-\(name)"
        guard store.get(ObjectKey(.persistentVolumeClaim, claimName, in: key.namespace)) == nil else { continue }
        var claim = Object(.persistentVolumeClaim, name: claimName, namespace: key.namespace)
        claim.labels = Object.stringMap(spec[path: "selector.matchLabels"])
          .merging(Object.stringMap(claimTemplate[path: "metadata.labels"])) { _, given in given }
        claim.content["spec"] = claimTemplate["spec"] ?? .emptyObject
        if claim.content[path: "spec.volumeMode"] == nil { claim.content[path: "spec.volumeMode"] = "Filesystem" }
        claim.content["status"] = ["phase": "Pending"]
        do {
          _ = try apiCreate(claim, by: actor)
          recordEvent(set, reason: "SuccessfulCreate", message: "create Claim \(claimName) Pod \(name) in StatefulSet \(set.name) success", source: source)
        } catch {
          recordEvent(set, type: "Warning", reason: "FailedCreate", message: "create Claim \(claimName) for Pod \(name) in StatefulSet \(set.name) failed error: \(error.message)", source: source)
        }
      }
      var pod = Object(.pod, name: name, namespace: key.namespace)
      let keepsCurrent = rollingUpdate && index < partition
      let template = keepsCurrent ? currentTemplate : updateTemplate
      let revision = keepsCurrent ? currentRevision : updateRevision
      var labels = Object.stringMap(template[path: "metadata.labels"])
      labels["apps.kubernetes.io/pod-index"] = String(index)
      labels["controller-revision-hash"] = revision
      labels["statefulset.kubernetes.io/pod-name"] = name
      pod.labels = labels
      if let annotations = template[path: "metadata.annotations"] { pod.content[path: "metadata.annotations"] = annotations }
      pod.ownerReferences = [OwnerReference(controlledBy: set)]
      var podSpec = template["spec"] ?? .emptyObject
      podSpec["hostname"] = .string(name)
      if let service = spec["serviceName"]?.string, !service.isEmpty { podSpec["subdomain"] = .string(service) }
      var volumes = podSpec["volumes"]?.array ?? []
      for claimTemplate in claimTemplates {
        let volume = claimTemplate[path: "metadata.name"]?.string ?? ""
        volumes.removeAll { $0["name"]?.string == volume }
        volumes.append(["name": .string(volume), "persistentVolumeClaim": ["claimName": .string("\(volume)-\(name)")]])
      }
      if !volumes.isEmpty { podSpec["volumes"] = .array(volumes) }
      pod.content["spec"] = podSpec
      do {
        _ = try apiCreate(pod, by: actor)
        recordEvent(set, reason: "SuccessfulCreate", message: "create Pod \(name) in StatefulSet \(set.name) successful", source: source)
      } catch {
        recordEvent(set, type: "Warning", reason: "FailedCreate", message: "create Pod \(name) in StatefulSet \(set.name) failed error: \(error.message)", source: source)
        retryAfterFailedCreate(.statefulSet(key), owner: set)
        break
      }
      if ordered { break }
    }

    // Remove pods beyond the replica count, highest ordinal first, one at a time.
    let extra = byOrdinal.keys.filter { $0 >= replicas }.sorted(by: >)
    if let highest = extra.first, let pod = byOrdinal[highest] {
      let othersHealthy = byOrdinal.filter { $0.key < replicas }.values.allSatisfy(healthy)
      if !pod.isTerminating && (!ordered || (othersHealthy && !byOrdinal.values.contains { $0.isTerminating })) {
        _ = try? apiDelete(pod.key, by: actor)
        recordEvent(set, reason: "SuccessfulDelete", message: "delete Pod \(pod.name) in StatefulSet \(set.name) successful", source: source)
      }
    }

    // Rolling update: once every pod is there and healthy, replace the
    // highest ordinal at or above the partition that is not at the update
    // revision, one at a time.
    if rollingUpdate {
      let wanted = (0..<replicas).compactMap { byOrdinal[$0] }
      if wanted.count == replicas && wanted.allSatisfy(healthy) {
        for index in stride(from: replicas - 1, through: max(partition, 0), by: -1) {
          guard let pod = byOrdinal[index] else { break }
          if pod.labels["controller-revision-hash"] != updateRevision && !pod.isTerminating {
            _ = try? apiDelete(pod.key, by: actor)
            recordEvent(set, reason: "SuccessfulDelete", message: "delete Pod \(pod.name) in StatefulSet \(set.name) successful", source: source)
            break
          }
          if !healthy(pod) { break }
        }
      }
    }

    // Status.
    guard var current = store.get(key) else { return }
    let live = store.dependents(of: set.uid, kind: .pod).filter { !$0.isTerminating }
    let ready = live.filter(healthy).count
    let updated = live.filter { $0.labels["controller-revision-hash"] == updateRevision }.count
    var currentCount = live.filter { $0.labels["controller-revision-hash"] == currentRevision }.count
    if rollingUpdate && updated == live.count && ready == live.count && live.count == replicas {
      currentRevision = updateRevision
      currentCount = updated
    }
    var status: JSONValue = [
      "availableReplicas": .int(ready), "collisionCount": 0, "currentReplicas": .int(currentCount),
      "currentRevision": .string(currentRevision), "observedGeneration": .int(current.generation),
      "replicas": .int(live.count), "updateRevision": .string(updateRevision), "updatedReplicas": .int(updated),
    ]
    if ready > 0 { status["readyReplicas"] = .int(ready) }
    if current.content["status"] != status {
      current.content["status"] = status
      write(current, by: actor, summary: "status \(ready)/\(replicas) ready")
    }
  }
}
