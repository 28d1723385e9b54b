import Foundation

extension Cluster {
  /// The daemonset-controller: one pod on every node the template may run
  /// on, pinned with node affinity and placed by the scheduler.
  mutating func reconcileDaemonSet(_ key: ObjectKey) {
    guard var daemonSet = store.get(key), !daemonSet.isTerminating else { return }
    let actor = "daemonset-controller"
    let template = daemonSet.content[path: "spec.template"] ?? .emptyObject
    let hash = Cluster.templateHash(template)
    let owned = store.dependents(of: daemonSet.uid, kind: .pod)
    let pods = owned.filter { !$0.isTerminating }
    // The store's mark of the last pod write, to tell below whether this
    // sync wrote any pod.
    let podWrites = store.lastWrite(of: .pod)
    syncRevision(
      daemonSet, name: "\(daemonSet.name)-\(hash)", hashLabels: ["controller-revision-hash": hash],
      inUse: Set(pods.compactMap { $0.label("controller-revision-hash") }.map { "\(daemonSet.name)-\($0)" }),
      actor: actor)
    var outdated: [Object] = []
    var byNode: [String: [Object]] = [:]
    for pod in pods {
      let node = Cluster.daemonNode(pod) ?? ""
      byNode[node, default: []].append(pod)
    }
    // A node whose daemon pod is still terminating gets its new pod only once
    // the old one is gone (podsShouldBeOnNode: no surge, nothing to create).
    let terminating = Set(owned.filter(\.isTerminating).compactMap(Cluster.daemonNode))
    // What the template asks of a node, with the tolerations every daemon
    // pod gets, read once for all nodes; the nodes as the scheduler reads
    // them, decoded once per node change.
    let probe = DaemonProbe(template: template)
    var eligible = 0
    for node in schedulingNodes() {
      guard probe.canRun(on: node) else {
        for pod in byNode[node.name] ?? [] { deleteDaemonPod(pod, of: daemonSet, by: actor) }
        continue
      }
      eligible += 1
      let existing = byNode[node.name] ?? []
      if existing.isEmpty && terminating.contains(node.name) {
        continue
      } else if existing.isEmpty {
        var pod = Object(.pod, name: daemonSet.name + "-" + random.nameSuffix(), namespace: key.namespace)
        pod.content[path: "metadata.generateName"] = .string(daemonSet.name + "-")
        var labels = Object.stringMap(template[path: "metadata.labels"])
        labels["controller-revision-hash"] = hash
        labels["pod-template-generation"] = String(daemonSet.generation)
        pod.labels = labels
        if let annotations = template[path: "metadata.annotations"] {
          pod.content[path: "metadata.annotations"] = annotations
        }
        pod.ownerReferences = [OwnerReference(controlledBy: daemonSet)]
        var spec = template["spec"] ?? .emptyObject
        spec["affinity"] = [
          "nodeAffinity": [
            "requiredDuringSchedulingIgnoredDuringExecution": [
              "nodeSelectorTerms": [
                ["matchFields": [["key": "metadata.name", "operator": "In", "values": [.string(node.name)]]]]
              ]
            ]
          ]
        ]
        var tolerations = spec["tolerations"]?.array ?? []
        for toleration in Cluster.daemonTolerations
        where !tolerations.contains(where: { $0["key"] == toleration["key"] && $0["effect"] == toleration["effect"] }) {
          tolerations.append(toleration)
        }
        spec["tolerations"] = .array(tolerations)
        pod.content["spec"] = spec
        if let created = try? apiCreate(pod, by: actor) {
          recordEvent(daemonSet, reason: "SuccessfulCreate", message: "Created pod: \(created.name)", source: EventSource(actor))
        }
      } else if existing.count > 1 {
        for pod in existing.dropFirst() { deleteDaemonPod(pod, of: daemonSet, by: actor) }
      } else if let pod = existing.first, pod.label("controller-revision-hash") != hash {
        outdated.append(pod)
      }
    }
    rollDaemonSet(daemonSet, outdated: outdated, pods: pods, eligible: eligible, actor: actor)
    for node in byNode.keys.sorted() where store.get(ObjectKey(.node, node)) == nil {
      for pod in byNode[node] ?? [] { deleteDaemonPod(pod, of: daemonSet, by: actor) }
    }

    guard let current = store.get(key) else { return }
    daemonSet = current
    // The pods read above, unless a pod was written since (most syncs,
    // asked for by a pod's status, write none).
    let live =
      store.lastWrite(of: .pod) == podWrites
      ? pods : store.dependents(of: daemonSet.uid, kind: .pod).filter { !$0.isTerminating }
    let scheduled = live.count { $0.content[path: "spec.nodeName"]?.string != nil }
    let ready = live.count(where: Cluster.isPodReady)
    let updated = live.count { $0.label("controller-revision-hash") == hash }
    var status: JSONValue = [
      "currentNumberScheduled": .int(scheduled), "desiredNumberScheduled": .int(eligible),
      "numberMisscheduled": 0, "numberReady": .int(ready),
      "observedGeneration": .int(daemonSet.generation),
    ]
    if updated > 0 { status["updatedNumberScheduled"] = .int(updated) }
    if ready > 0 { status["numberAvailable"] = .int(ready) }
    if eligible - ready > 0 { status["numberUnavailable"] = .int(eligible - ready) }
    if daemonSet.content["status"] != status {
      daemonSet.content["status"] = status
      write(daemonSet, by: actor, summary: "status \(ready)/\(eligible) ready")
    }
  }

  /// A RollingUpdate replaces outdated pods while no more than
  /// `maxUnavailable` nodes lack a ready pod; outdated pods that are not
  /// ready go first and at once. OnDelete replaces only pods a user deleted.
  private mutating func rollDaemonSet(_ daemonSet: Object, outdated: [Object], pods: [Object], eligible: Int, actor: String) {
    guard daemonSet.content[path: "spec.updateStrategy.type"]?.string ?? "RollingUpdate" == "RollingUpdate" else { return }
    let setting = daemonSet.content[path: "spec.updateStrategy.rollingUpdate.maxUnavailable"]
    var allowed = setting?.int ?? 1
    if let percent = setting?.string, percent.hasSuffix("%"), let value = Int(percent.dropLast()) {
      allowed = (value * eligible + 99) / 100
    }
    allowed = max(allowed, 1)
    let unavailable = max(eligible - pods.filter(Cluster.isPodReady).count, 0)
    var budget = allowed - unavailable
    let ordered = outdated.sorted { (Cluster.isPodReady($0) ? 1 : 0, $0.name) < (Cluster.isPodReady($1) ? 1 : 0, $1.name) }
    for pod in ordered {
      let ready = Cluster.isPodReady(pod)
      if ready {
        guard budget > 0 else { break }
        budget -= 1
      }
      deleteDaemonPod(pod, of: daemonSet, by: actor)
    }
  }

  /// The tolerations every DaemonSet pod gets.
  static let daemonTolerations: [JSONValue] = [
    ["key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute"],
    ["key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute"],
    ["key": "node.kubernetes.io/disk-pressure", "operator": "Exists", "effect": "NoSchedule"],
    ["key": "node.kubernetes.io/memory-pressure", "operator": "Exists", "effect": "NoSchedule"],
    ["key": "node.kubernetes.io/pid-pressure", "operator": "Exists", "effect": "NoSchedule"],
    ["key": "node.kubernetes.io/unschedulable", "operator": "Exists", "effect": "NoSchedule"],
  ]

  static func daemonNode(_ pod: Object) -> String? {
    if let node = pod.content[path: "spec.nodeName"]?.string { return node }
    let terms = pod.content[path: "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms"]?.array ?? []
    return terms.first?["matchFields"]?.array?.first?["values"]?.array?.first?.string
  }


  /// Deletes a daemon pod as the controller's pod control does, with its
  /// `SuccessfulDelete` event.
  private mutating func deleteDaemonPod(_ pod: Object, of daemonSet: Object, by actor: String) {
    guard (try? apiDelete(pod.key, by: actor)) != nil else { return }
    recordEvent(daemonSet, reason: "SuccessfulDelete", message: "Deleted pod: \(pod.name)", source: EventSource(actor))
  }
}

/// What a DaemonSet's template asks of a node: its node selector, and its
/// tolerations with those every daemon pod gets.
struct DaemonProbe {
  var selector: LabelSelector?
  var tolerations: [JSONValue]

  init(template: JSONValue) {
    let labels = Object.stringMap(template[path: "spec.nodeSelector"])
    selector = labels.isEmpty ? nil : LabelSelector(matchLabels: labels)
    tolerations = (template[path: "spec.tolerations"]?.array ?? []) + Cluster.daemonTolerations
  }

  /// Whether taints and the node selector let the pod run on a node
  /// (resources are the scheduler's business).
  func canRun(on node: NodeFacts) -> Bool {
    if let selector, !selector.matches(node.labels) { return false }
    return node.taints.allSatisfy {
      Cluster.tolerates(tolerations, key: $0.key, value: $0.value, effect: $0.effect)
    }
  }
}

extension Object {
  /// One label's value, as `labels[key]` reads it, without building the
  /// whole map: daemon syncs read one label of every pod they own.
  fileprivate func label(_ key: String) -> String? {
    content[path: "metadata.labels"]?[key]?.scalarText
  }
}
