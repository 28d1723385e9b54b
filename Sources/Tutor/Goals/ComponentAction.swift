import KubeCluster

/// What a goal can require a component to have done, read from the
/// cluster's journal: `default-scheduler` bound a pod labelled `app=web`
/// to a node labelled `disktype=ssd`; a kubelet started a container.
///
/// ```yaml
/// - componentDid:
///     component: default-scheduler
///     action: bound
///     labels: { app: web }
///     nodeLabels: { disktype: ssd }
/// ```
package struct ComponentAction: Equatable, Sendable {
  package enum Verb: String, CaseIterable, Sendable {
    /// The scheduler bound a pod to a node.
    case bound
    case created, updated, deleted
    /// A kubelet pulled an image (or found it present).
    case pulled
    /// A kubelet started a container.
    case started
  }

  /// The name the component writes under: `default-scheduler`,
  /// `replicaset-controller`; `kubelet` and `kube-proxy` match every node's.
  package var component: String
  package var verb: Verb
  /// The object acted on: kind (Pod by default), namespace and labels.
  package var kind: Kind = .pod
  /// nil: `default`; `*`: every namespace.
  package var namespace: String?
  package var labels: [String: String] = [:]
  /// The node it happened on (bound to, or the kubelet's node).
  package var node: String?
  package var nodeLabels: [String: String] = [:]

  package init(component: String, verb: Verb) {
    self.component = component
    self.verb = verb
  }

  /// Whether the journal shows it since the lesson's or scenario's set-up.
  package func happened(in cluster: Cluster) -> Bool {
    cluster.store.entries(after: cluster.store.baseline).contains { matches($0, in: cluster) }
  }

  private func matches(_ entry: JournalEntry, in cluster: Cluster) -> Bool {
    guard entry.actor == component || entry.actor.hasPrefix(component + "/"),
      entry.key.kind == kind
    else { return false }
    if namespace != "*", kind.isNamespaced, entry.key.namespace != (namespace ?? "default") {
      return false
    }
    var where_: String?
    switch verb {
    case .bound:
      guard entry.type == .modified, entry.summary.hasPrefix("bound to ") else { return false }
      where_ = String(entry.summary.dropFirst("bound to ".count))
    case .created: guard entry.type == .added else { return false }
    case .updated: guard entry.type == .modified else { return false }
    case .deleted: guard entry.type == .deleted else { return false }
    case .pulled:
      guard entry.type == nil,
        entry.summary.hasPrefix("Successfully pulled image") || entry.summary.hasSuffix("already present on machine")
      else { return false }
    case .started:
      guard entry.type == nil, entry.summary.hasPrefix("Started container") else { return false }
    }
    if where_ == nil, let slash = entry.actor.firstIndex(of: "/") {
      where_ = String(entry.actor[entry.actor.index(after: slash)...])
    }
    if let node, where_ != node { return false }
    if !nodeLabels.isEmpty {
      guard let name = where_, let object = cluster.store.get(ObjectKey(.node, name)),
        LabelSelector(matchLabels: nodeLabels).matches(object.labels)
      else { return false }
    }
    if !labels.isEmpty {
      // Labels are read from the object as it is now (or was, if gone: no match).
      guard let object = cluster.store.get(entry.key), object.uid == entry.uid,
        LabelSelector(matchLabels: labels).matches(object.labels)
      else { return false }
    }
    return true
  }

  package var summary: String {
    var text = "\(component) \(verb.rawValue) a \(kind.rawValue)"
    if !labels.isEmpty {
      text += " with " + labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }
    if let node { text += verb == .bound ? " to \(node)" : " on \(node)" }
    if !nodeLabels.isEmpty {
      text += (verb == .bound ? " to" : " on") + " a node with "
        + nodeLabels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }
    return text
  }
}

extension GoalDecoder {
  func componentAction(_ path: [String]) -> ComponentAction? {
    let keys = ["component", "action", "kind", "namespace", "labels", "node", "nodeLabels"]
    guard reader.mapping(path, allowed: keys, required: ["component", "action"]) != nil,
      let component = reader.string(path + ["component"]), let verbText = reader.string(path + ["action"])
    else { return nil }
    guard let verb = ComponentAction.Verb(rawValue: verbText) else {
      let known = ComponentAction.Verb.allCases.map(\.rawValue).joined(separator: ", ")
      reader.error(path + ["action"], "action: '\(verbText)' is not one of: \(known)")
      return nil
    }
    var action = ComponentAction(component: component, verb: verb)
    if reader.value(path + ["kind"]) != nil {
      guard let kind = kind(path + ["kind"]) else { return nil }
      action.kind = kind
    }
    if verb == .bound, action.kind != .pod {
      reader.error(path + ["kind"], "kind: only a Pod is bound to a node")
    }
    action.namespace = reader.string(path + ["namespace"])
    action.labels = reader.stringMap(path + ["labels"]) ?? [:]
    action.node = reader.string(path + ["node"])
    action.nodeLabels = reader.stringMap(path + ["nodeLabels"]) ?? [:]
    return action
  }
}
