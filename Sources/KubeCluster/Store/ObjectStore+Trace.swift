import Foundation

/// Questions `trace` and component goals ask of the journal.
extension ObjectStore {
  /// The requests made from outside the cluster (by `actor`, such as
  /// `kubectl`) after journal entry `id`: the roots of what a command caused.
  package func requests(after id: Int, by actor: String = "kubectl") -> [JournalEntry] {
    entries(after: id).filter { $0.actor == actor && $0.cause == nil }
  }

  /// The entries after journal entry `id`, oldest first.
  package func entries(after id: Int) -> [JournalEntry] {
    guard let first = journal.first, id >= first.id - 1 else { return journal }
    let start = id - first.id + 1
    guard start < journal.count else { return [] }
    return Array(journal[start...])
  }

  /// `roots` and every entry they led to, directly or through others, in
  /// journal (clock) order. A cause always comes before what it causes, so
  /// one pass finds them all.
  package func entries(causedBy roots: Set<Int>) -> [JournalEntry] {
    guard let first = roots.min() else { return [] }
    var inside = roots
    var result: [JournalEntry] = []
    for entry in entries(after: first - 1) {
      if inside.contains(entry.id) {
        result.append(entry)
      } else if let cause = entry.cause, inside.contains(cause) {
        inside.insert(entry.id)
        result.append(entry)
      }
    }
    return result
  }

  /// The journal entry with id `id`, if it is still kept.
  package func entry(_ id: Int) -> JournalEntry? {
    guard let first = journal.first, id >= first.id, id - first.id < journal.count else { return nil }
    return journal[id - first.id]
  }

  /// Everything that happened to the object with `uid`, oldest first.
  package func entries(about uid: String) -> [JournalEntry] {
    journal.filter { $0.uid == uid }
  }

  /// The UID of the last object journaled under `key`, gone or not.
  package func lastUID(of key: ObjectKey) -> String? {
    if let object = get(key) { return object.uid }
    return journal.last { $0.key == key }?.uid
  }

  /// The path etcd keeps an object under, as the API server's storage
  /// layer names it (`/registry/deployments/default/web`).
  package static func registryPath(_ key: ObjectKey) -> String {
    let resource: String
    switch key.kind {
    case .service: resource = "services/specs"
    case .endpoints: resource = "services/endpoints"
    case .node: resource = "minions"
    case .ingress: resource = "ingress"
    default: resource = key.kind.resource
    }
    let space = key.namespace.isEmpty ? "" : key.namespace + "/"
    return "/registry/\(resource)/\(space)\(key.name)"
  }
}

extension Cluster {
  /// Marks the journal's end as the set-up's: goals about what components
  /// did look only at what comes after.
  package mutating func markJournalBaseline() {
    store.baseline = store.lastJournalID
  }
}
