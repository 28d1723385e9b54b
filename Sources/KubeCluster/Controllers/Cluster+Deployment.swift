import Foundation

extension Cluster {
  /// The pod-template-hash label value for a template, as the deployment
  /// controller names ReplicaSets (`web-7d4b9c8f6d`).
  static func templateHash(_ template: JSONValue, collisionCount: Int = 0) -> String {
    var template = template
    template[path: "metadata.labels.pod-template-hash"] = nil
    // FNV-1a over `template.sortedKeys.compactJSON`, fed as it is written
    // instead of built as a string: controllers hash on every sync.
    var hash = FNV32a()
    template.feedSortedCompactJSON(into: &hash)
    if collisionCount > 0 { hash.feed(String(collisionCount)) }
    return RandomSource.safeEncode(String(hash.value))
  }

  /// A template without the label the controller adds, for comparing.
  private static func bareTemplate(_ template: JSONValue?) -> JSONValue {
    var template = template ?? .emptyObject
    template[path: "metadata.labels.pod-template-hash"] = nil
    if template[path: "metadata.labels"]?.object?.isEmpty == true {
      template[path: "metadata.labels"] = nil
    }
    return template.sortedKeys
  }

  /// The deployment-controller: one ReplicaSet per template, rolled out by
  /// the deployment's strategy, with revisions and status conditions.
  mutating func reconcileDeployment(_ key: ObjectKey) {
    guard let deployment = store.get(key), !deployment.isTerminating else { return }
    let actor = "deployment-controller"
    let source = EventSource(actor)
    let selector = LabelSelector(json: deployment.content[path: "spec.selector"])
    let replicas = deployment.content[path: "spec.replicas"]?.int ?? 1
    let template = deployment.content[path: "spec.template"] ?? .emptyObject

    // Adopt matching orphans; collect owned ReplicaSets.
    for orphan in store.uncontrolled(.replicaSet, in: key.namespace)
    where orphan.controller == nil && !orphan.isTerminating && selector.matches(orphan.labels) {
      var adopted = orphan
      adopted.ownerReferences = [OwnerReference(controlledBy: deployment)]
      write(adopted, by: actor, summary: "adopted by \(deployment.name)")
    }
    var owned = store.dependents(of: deployment.uid, kind: .replicaSet).filter { !$0.isTerminating }
    let bare = Cluster.bareTemplate(template)
    var newRS = owned.first { Cluster.bareTemplate($0.content[path: "spec.template"]) == bare }
    var olds = owned.filter { $0.uid != newRS?.uid }
    let revisions = owned.compactMap { Int($0.annotations["deployment.kubernetes.io/revision"] ?? "") }
    let maxRevision = revisions.max() ?? 0
    let paused = deployment.content[path: "spec.paused"]?.bool == true

    if newRS == nil && !paused {
      let hash = Cluster.templateHash(template, collisionCount: deployment.content[path: "status.collisionCount"]?.int ?? 0)
      var replicaSet = Object(.replicaSet, name: "\(deployment.name)-\(hash)", namespace: key.namespace)
      var labels = Object.stringMap(template[path: "metadata.labels"])
      labels["pod-template-hash"] = hash
      replicaSet.labels = labels
      var annotations: [String: String] = [
        "deployment.kubernetes.io/desired-replicas": String(replicas),
        "deployment.kubernetes.io/max-replicas": String(replicas + maxSurge(deployment, replicas)),
        "deployment.kubernetes.io/revision": String(maxRevision + 1),
      ]
      if let cause = deployment.annotations["kubernetes.io/change-cause"] {
        annotations["kubernetes.io/change-cause"] = cause
      }
      replicaSet.annotations = annotations
      replicaSet.ownerReferences = [OwnerReference(controlledBy: deployment)]
      var podTemplate = template
      podTemplate[path: "metadata.labels"] = Object.mapValue(labels)
      var rsSelector = deployment.content[path: "spec.selector"] ?? .emptyObject
      rsSelector[path: "matchLabels.pod-template-hash"] = .string(hash)
      let startReplicas: Int
      if deployment.content[path: "spec.strategy.type"]?.string == "Recreate" || olds.allSatisfy({ ($0.content[path: "spec.replicas"]?.int ?? 0) == 0 }) {
        startReplicas = deployment.content[path: "spec.strategy.type"]?.string == "Recreate" && olds.contains(where: { ($0.content[path: "status.replicas"]?.int ?? 0) > 0 }) ? 0 : replicas
      } else {
        startReplicas = 0
      }
      replicaSet.content["spec"] = [
        "replicas": .int(startReplicas),
        "selector": rsSelector,
        "template": podTemplate,
      ]
      if let minReady = deployment.content[path: "spec.minReadySeconds"] {
        replicaSet.content[path: "spec.minReadySeconds"] = minReady
      }
      if let created = try? apiCreate(replicaSet, by: actor) {
        newRS = created
        owned.append(created)
        if startReplicas > 0 {
          recordEvent(deployment, reason: "ScalingReplicaSet", message: "Scaled up replica set \(created.name) from 0 to \(startReplicas)", source: source)
        }
      }
    } else if var current = newRS {
      // The newest template keeps (or regains) the newest revision.
      var annotations = current.annotations
      let revision = Int(annotations["deployment.kubernetes.io/revision"] ?? "") ?? 0
      var changed = false
      if revision < maxRevision || revision == 0 {
        let oldRevision = annotations["deployment.kubernetes.io/revision"]
        annotations["deployment.kubernetes.io/revision"] = String(maxRevision + 1)
        if let oldRevision {
          var history = annotations["deployment.kubernetes.io/revision-history"].map { $0 + "," } ?? ""
          history += oldRevision
          annotations["deployment.kubernetes.io/revision-history"] = history
        }
        changed = true
      }
      if let cause = deployment.annotations["kubernetes.io/change-cause"],
        annotations["kubernetes.io/change-cause"] != cause
      {
        annotations["kubernetes.io/change-cause"] = cause
        changed = true
      }
      if changed {
        current.annotations = annotations
        if let stored = write(current, by: actor, summary: "revision \(annotations["deployment.kubernetes.io/revision"] ?? "")") {
          newRS = stored
        }
      }
    }
    olds = owned.filter { $0.uid != newRS?.uid }

    if !paused, let new = newRS {
      if deployment.content[path: "spec.strategy.type"]?.string == "Recreate" {
        recreate(deployment, new: new, olds: olds, replicas: replicas, source: source)
      } else {
        rollingUpdate(deployment, new: new, olds: olds, replicas: replicas, source: source)
      }
    } else if paused, let new = newRS {
      // Paused deployments still follow scaling, proportionally to the new set.
      let current = new.content[path: "spec.replicas"]?.int ?? 0
      let oldTotal = olds.reduce(0) { $0 + ($1.content[path: "spec.replicas"]?.int ?? 0) }
      if oldTotal == 0 && current != replicas { scaleReplicaSet(new, to: replicas, deployment: deployment, source: source) }
    }
    cleanUpHistory(deployment)
    if let revision = newRS.flatMap({ store.get($0.key) })?.annotations["deployment.kubernetes.io/revision"],
      var current = store.get(key), current.annotations["deployment.kubernetes.io/revision"] != revision
    {
      var annotations = current.annotations
      annotations["deployment.kubernetes.io/revision"] = revision
      current.annotations = annotations
      write(current, by: "deployment-controller", summary: "revision \(revision)")
    }
    updateDeploymentStatus(key, newRS: newRS.flatMap { store.get($0.key) })
  }

  private func maxSurge(_ deployment: Object, _ replicas: Int) -> Int {
    Cluster.intOrPercent(deployment.content[path: "spec.strategy.rollingUpdate.maxSurge"], of: replicas, roundUp: true, fallback: "25%")
  }

  private func maxUnavailable(_ deployment: Object, _ replicas: Int) -> Int {
    Cluster.intOrPercent(deployment.content[path: "spec.strategy.rollingUpdate.maxUnavailable"], of: replicas, roundUp: false, fallback: "25%")
  }

  static func intOrPercent(_ value: JSONValue?, of total: Int, roundUp: Bool, fallback: String) -> Int {
    let value = value ?? .string(fallback)
    if let number = value.int { return number }
    guard let text = value.string, text.hasSuffix("%"), let percent = Double(text.dropLast()) else { return 0 }
    let exact = percent * Double(total) / 100
    return Int(roundUp ? exact.rounded(.up) : exact.rounded(.down))
  }

  private mutating func scaleReplicaSet(_ replicaSet: Object, to count: Int, deployment: Object, source: EventSource) {
    guard var current = store.get(replicaSet.key) else { return }
    let old = current.content[path: "spec.replicas"]?.int ?? 0
    let replicas = deployment.content[path: "spec.replicas"]?.int ?? 1
    var annotations = current.annotations
    annotations["deployment.kubernetes.io/desired-replicas"] = String(replicas)
    annotations["deployment.kubernetes.io/max-replicas"] = String(replicas + maxSurge(deployment, replicas))
    guard old != count || annotations != current.annotations else { return }
    current.annotations = annotations
    current.content[path: "spec.replicas"] = .int(count)
    write(current, by: "deployment-controller", summary: "scaled from \(old) to \(count)")
    if old != count {
      let direction = count > old ? "up" : "down"
      recordEvent(deployment, reason: "ScalingReplicaSet", message: "Scaled \(direction) replica set \(current.name) from \(old) to \(count)", source: source)
    }
  }

  private mutating func rollingUpdate(_ deployment: Object, new: Object, olds: [Object], replicas: Int, source: EventSource) {
    let surge = maxSurge(deployment, replicas)
    var unavailable = maxUnavailable(deployment, replicas)
    if surge == 0 && unavailable == 0 { unavailable = 1 }
    let newReplicas = new.content[path: "spec.replicas"]?.int ?? 0
    let oldReplicas = olds.reduce(0) { $0 + ($1.content[path: "spec.replicas"]?.int ?? 0) }

    if oldReplicas == 0 {
      if newReplicas != replicas { scaleReplicaSet(new, to: replicas, deployment: deployment, source: source) }
      return
    }
    // Scale up the new set within the surge allowance.
    let total = newReplicas + oldReplicas
    if newReplicas < replicas {
      let room = replicas + surge - total
      let up = min(room, replicas - newReplicas)
      if up > 0 { scaleReplicaSet(new, to: newReplicas + up, deployment: deployment, source: source) }
    } else if newReplicas > replicas {
      scaleReplicaSet(new, to: replicas, deployment: deployment, source: source)
    }
    // Scale down old sets while enough pods stay available.
    let all = [store.get(new.key) ?? new] + olds.compactMap { store.get($0.key) }
    let available = all.reduce(0) { $0 + ($1.content[path: "status.availableReplicas"]?.int ?? 0) }
    let minAvailable = replicas - unavailable
    let newUnavailable = (store.get(new.key)?.content[path: "spec.replicas"]?.int ?? 0) - (store.get(new.key)?.content[path: "status.availableReplicas"]?.int ?? 0)
    var budget = (all.reduce(0) { $0 + ($1.content[path: "spec.replicas"]?.int ?? 0) }) - minAvailable - max(newUnavailable, 0)
    // First, old pods that are not available anyway.
    for old in olds.sorted(by: { ($0.creationTimestamp ?? .distantPast) < ($1.creationTimestamp ?? .distantPast) }) {
      guard let current = store.get(old.key) else { continue }
      let spec = current.content[path: "spec.replicas"]?.int ?? 0
      let ready = current.content[path: "status.availableReplicas"]?.int ?? 0
      let unhealthy = spec - ready
      if unhealthy > 0 && budget > 0 {
        let cut = min(unhealthy, budget)
        scaleReplicaSet(current, to: spec - cut, deployment: deployment, source: source)
        budget -= cut
      }
    }
    budget = min(budget, available - minAvailable)
    for old in olds.sorted(by: { ($0.creationTimestamp ?? .distantPast) < ($1.creationTimestamp ?? .distantPast) }) where budget > 0 {
      guard let current = store.get(old.key) else { continue }
      let spec = current.content[path: "spec.replicas"]?.int ?? 0
      guard spec > 0 else { continue }
      let cut = min(spec, budget)
      scaleReplicaSet(current, to: spec - cut, deployment: deployment, source: source)
      budget -= cut
    }
  }

  private mutating func recreate(_ deployment: Object, new: Object, olds: [Object], replicas: Int, source: EventSource) {
    var oldPodsLeft = false
    for old in olds {
      if (old.content[path: "spec.replicas"]?.int ?? 0) > 0 {
        scaleReplicaSet(old, to: 0, deployment: deployment, source: source)
      }
      // The store counts each set's pods: no need to read them.
      if !store.podGroups(of: old.uid).isEmpty { oldPodsLeft = true }
    }
    guard !oldPodsLeft else { return }
    if (new.content[path: "spec.replicas"]?.int ?? 0) != replicas {
      scaleReplicaSet(new, to: replicas, deployment: deployment, source: source)
    }
  }

  private mutating func cleanUpHistory(_ deployment: Object) {
    let limit = deployment.content[path: "spec.revisionHistoryLimit"]?.int ?? 10
    let olds = store.dependents(of: deployment.uid, kind: .replicaSet).filter {
      !$0.isTerminating && ($0.content[path: "spec.replicas"]?.int ?? 0) == 0
        && ($0.content[path: "status.replicas"]?.int ?? 0) == 0
    }
    let template = Cluster.bareTemplate(deployment.content[path: "spec.template"])
    let history = olds.filter { Cluster.bareTemplate($0.content[path: "spec.template"]) != template }
      .sorted { (Int($0.annotations["deployment.kubernetes.io/revision"] ?? "") ?? 0) < (Int($1.annotations["deployment.kubernetes.io/revision"] ?? "") ?? 0) }
    guard history.count > limit else { return }
    for replicaSet in history.prefix(history.count - limit) {
      _ = try? apiDelete(replicaSet.key, by: "deployment-controller")
    }
  }

  private mutating func updateDeploymentStatus(_ key: ObjectKey, newRS: Object?) {
    guard var deployment = store.get(key) else { return }
    let replicas = deployment.content[path: "spec.replicas"]?.int ?? 1
    let sets = store.dependents(of: deployment.uid, kind: .replicaSet).filter { !$0.isTerminating }
    func sum(_ path: String) -> Int { sets.reduce(0) { $0 + ($1.content[path: path]?.int ?? 0) } }
    let total = sum("status.replicas")
    let ready = sum("status.readyReplicas")
    let available = sum("status.availableReplicas")
    let updated = newRS?.content[path: "status.replicas"]?.int ?? 0
    var status: JSONValue = ["observedGeneration": .int(deployment.generation)]
    if total > 0 { status["replicas"] = .int(total) }
    if updated > 0 { status["updatedReplicas"] = .int(updated) }
    if ready > 0 { status["readyReplicas"] = .int(ready) }
    if available > 0 { status["availableReplicas"] = .int(available) }
    if total - available > 0 { status["unavailableReplicas"] = .int(total - available) }
    let previous = deployment.content[path: "status.conditions"]?.array ?? []
    let surge = maxUnavailable(deployment, replicas)
    let isAvailable = available >= replicas - surge
    var conditions: [JSONValue] = []
    conditions.append(
      condition(
        "Available", isAvailable, reason: isAvailable ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
        message: isAvailable ? "Deployment has minimum availability." : "Deployment does not have minimum availability.",
        previous: previous))
    if let newRS {
      let complete = updated == replicas && available == replicas && total == replicas
        && (newRS.content[path: "status.availableReplicas"]?.int ?? 0) == replicas
      let old = previous.first { $0["type"]?.string == "Progressing" }
      let oldReason = old?["reason"]?.string
      var reason: String
      var message: String
      if deployment.content[path: "spec.paused"]?.bool == true {
        reason = "DeploymentPaused"
        message = "Deployment is paused"
      } else if complete {
        reason = "NewReplicaSetAvailable"
        message = "ReplicaSet \"\(newRS.name)\" has successfully progressed."
      } else if oldReason == "ProgressDeadlineExceeded" && old?["message"]?.string?.contains(newRS.name) == true {
        reason = "ProgressDeadlineExceeded"
        message = "ReplicaSet \"\(newRS.name)\" has timed out progressing."
      } else if old == nil {
        reason = "NewReplicaSetCreated"
        message = "Created new replica set \"\(newRS.name)\""
      } else if oldReason == "NewReplicaSetCreated" && old?["message"]?.string?.contains(newRS.name) == true && updated == 0 {
        reason = "NewReplicaSetCreated"
        message = "Created new replica set \"\(newRS.name)\""
      } else {
        reason = "ReplicaSetUpdated"
        message = "ReplicaSet \"\(newRS.name)\" is progressing."
      }
      var progressing = condition("Progressing", reason != "ProgressDeadlineExceeded", reason: reason, message: message, previous: previous)
      // The update time moves whenever the rollout makes progress.
      if reason == "ReplicaSetUpdated" || reason == "NewReplicaSetCreated" || reason == "NewReplicaSetAvailable" {
        let changed = old?["reason"]?.string != reason || old?["message"]?.string != message
          || deployment.content[path: "status.updatedReplicas"] != status["updatedReplicas"]
          || deployment.content[path: "status.availableReplicas"] != status["availableReplicas"]
        if changed { progressing["lastUpdateTime"] = .string(Timestamp.format(now)) }
      }
      conditions.append(progressing)
      // The progress deadline.
      if !complete && reason != "ProgressDeadlineExceeded" && reason != "DeploymentPaused" {
        let deadline = Double(deployment.content[path: "spec.progressDeadlineSeconds"]?.int ?? 600)
        let since = Timestamp.parse(progressing["lastUpdateTime"]?.string) ?? now
        if now >= since.addingTimeInterval(deadline) {
          conditions[conditions.count - 1] = condition("Progressing", false, reason: "ProgressDeadlineExceeded", message: "ReplicaSet \"\(newRS.name)\" has timed out progressing.", previous: previous)
        } else {
          schedule(.deployment(key), at: since.addingTimeInterval(deadline))
        }
      }
    }
    if let collisions = deployment.content[path: "status.collisionCount"] { status["collisionCount"] = collisions }
    status["conditions"] = .array(conditions)
    if deployment.content["status"] != status {
      deployment.content["status"] = status
      write(deployment, by: "deployment-controller", summary: "status \(ready)/\(replicas) ready")
    }
  }

  /// A status condition that keeps its transition time while its status holds.
  func condition(_ type: String, _ value: Bool, reason: String, message: String, previous: [JSONValue]) -> JSONValue {
    let status = value ? "True" : "False"
    let old = previous.first { $0["type"]?.string == type }
    let stamp = Timestamp.format(now)
    var transition = stamp
    var update = stamp
    if let old, old["status"]?.string == status {
      transition = old["lastTransitionTime"]?.string ?? stamp
      if old["reason"]?.string == reason && old["message"]?.string == message {
        update = old["lastUpdateTime"]?.string ?? stamp
      }
    }
    return [
      "lastTransitionTime": .string(transition), "lastUpdateTime": .string(update),
      "message": .string(message), "reason": .string(reason), "status": .string(status),
      "type": .string(type),
    ]
  }
}
