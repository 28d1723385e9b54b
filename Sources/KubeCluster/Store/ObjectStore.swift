import Foundation

/// What happened to an object in one write.
package enum ChangeType: String, Sendable {
  case added = "ADDED"
  case modified = "MODIFIED"
  case deleted = "DELETED"
}

/// One write to the store, as a watch delivers it: the object after the
/// write (its last state for a deletion) and the one before.
package struct ObjectChange: Sendable {
  package var type: ChangeType
  package var object: Object
  /// The version before the write, kept whole in the change feed (a watch
  /// matches it against its selector). The changes handed to the
  /// controllers keep a pod's only as `podBefore`.
  package var old: Object?
  /// What the controllers read of a pod's version before the write.
  package var podBefore: PodBefore?
  package var revision: Int
  package var actor: String
  /// The journal entry that recorded this write, if it was journaled; the
  /// components it wakes are stamped with it as their cause.
  package var journalID: Int?

  package var key: ObjectKey { object.key }

  /// The change as the controllers get it: a pod's version before the write
  /// reduced to what they read of it, so that the version is freed when the
  /// write replaces it, while its memory is still in the caches, instead of
  /// when the pass that reacts to the change is over.
  consuming func forControllers() -> ObjectChange {
    guard object.kind == .pod, let before = old else { return self }
    podBefore = PodBefore(before)
    old = nil
    return self
  }
}

/// The node and labels of a pod's version before a write.
package struct PodBefore: Sendable {
  package var nodeName: String?
  /// `metadata.labels`, as stored.
  package var labels: JSONValue?

  init(_ pod: Object) {
    nodeName = pod.content[path: "spec.nodeName"]?.string
    labels = pod.content[path: "metadata.labels"]
  }
}

/// One line of the cluster's journal: who did what, when, and which
/// earlier entry led to it.
///
/// Most entries are writes to the store; some are things a component did
/// that are not object writes (a kubelet pulling an image, kube-proxy
/// updating its rules), recorded so `trace` can tell the whole story.
package struct JournalEntry: Sendable, Equatable {
  /// The entry's place in the journal; `cause` refers to it.
  package var id: Int
  /// The store revision of the write, or nil for an action that wrote nothing.
  package var revision: Int?
  package var time: Date
  /// The component that acted: `kubectl`, `deployment-controller`,
  /// `default-scheduler`, `kubelet/kind-worker`, `kube-proxy/kind-worker`, ...
  package var actor: String
  /// What the write did to the object; nil for an action.
  package var type: ChangeType?
  package var key: ObjectKey
  package var uid: String
  /// The object's controlling owner when the entry was made, so an object's
  /// history shows its owners even after they are gone.
  package var owner: ObjectKey?
  /// The id of the entry that woke the actor; nil for a request from outside
  /// the cluster (`kubectl`) or work with no known trigger.
  package var cause: Int?
  /// A short account of the change for `trace`, such as `bound to kind-worker`.
  package var summary: String
}

/// What the workload controllers ask of a pod when they count their own:
/// pods alike in these respects are counted together, so a controller's
/// sync costs the number of distinct groups, not the number of pods.
package struct PodGroup: Hashable, Sendable {
  /// `metadata.labels` as stored.
  package var labels: JSONValue?
  package var isTerminating: Bool
  /// `status.phase`.
  package var phase: String?
  /// Whether the pod has a `Ready` condition with status `True`.
  package var isReady: Bool
  /// That condition's `lastTransitionTime`, as stored.
  package var readySince: String?

  package init(_ pod: Object) {
    labels = pod.content[path: "metadata.labels"]
    isTerminating = pod.isTerminating
    phase = pod.content[path: "status.phase"]?.string
    let ready = (pod.content[path: "status.conditions"]?.array ?? []).first {
      $0["type"]?.string == "Ready" && $0["status"]?.string == "True"
    }
    isReady = ready != nil
    readySince = ready?["lastTransitionTime"]?.string
    var hasher = Hasher()
    hasher.combine(isTerminating)
    hasher.combine(phase)
    hasher.combine(isReady)
    hasher.combine(readySince)
    digest = hasher.finalize()
  }

  /// The members hashed once, when the group is worked out (once per stored
  /// pod version): the store counts a pod's group on every write to it.
  /// The labels are left out: hashing their tree cost more than the count,
  /// and the pods of one owner nearly always share them (`==` compares them).
  private var digest = 0

  package static func == (lhs: PodGroup, rhs: PodGroup) -> Bool {
    lhs.digest == rhs.digest && lhs.labels == rhs.labels && lhs.isTerminating == rhs.isTerminating
      && lhs.phase == rhs.phase && lhs.isReady == rhs.isReady && lhs.readySince == rhs.readySince
  }

  package func hash(into hasher: inout Hasher) { hasher.combine(digest) }
}

/// The simulated API server's storage: etcd's role.
///
/// A value type: copying a store snapshots the whole cluster. One revision
/// counter orders every write, as etcd's does.
package struct ObjectStore: Sendable {
  /// By kind (its place in `Kind.allCases`), then namespace (empty for
  /// cluster-scoped kinds), then key. Neither level hashes a name with
  /// Swift's `Hasher` at a read or a write: keys carry their digest, and
  /// namespaces are hashed as keys are (`HashedName`).
  private var objects = [[HashedName: [ObjectKey: Object]]](repeating: [:], count: Kind.allCases.count)
  /// Owner UID to the keys of its dependents, so garbage collection and
  /// controllers never scan every object to find what an owner owns.
  private var dependents: [String: Set<ObjectKey>] = [:]
  /// Owner UID to how many of its dependent pods fall in each group; kept
  /// with `dependents`, so a controller counts its pods without reading them.
  private var podGroups: [String: [PodGroup: Int]] = [:]
  /// Names of the objects no controller owns, by kind and namespace, so
  /// controllers that adopt orphans never scan a whole namespace.
  private var uncontrolledNames: [Kind: [String: Set<String>]] = [:]
  package private(set) var revision = 0
  /// A mark of the last write to objects of each kind, so a reader
  /// can tell that nothing of a kind changed since it last looked.
  private var lastWrites: [Kind: Int] = [:]
  private var writeMarks = 0
  package private(set) var journal: [JournalEntry] = []
  /// The id of the last journal entry; ids keep counting when old entries are dropped.
  package private(set) var lastJournalID = 0
  /// Every actor named in the journal, once: entries share these strings
  /// instead of each keeping the copy its caller built (`kubelet/NODE`).
  private var actorNames: Set<String> = []
  /// Writes the controllers have not seen yet.
  package private(set) var pendingChanges: [ObjectChange] = []
  /// An emptied array of changes whose storage the next writes fill: the
  /// settle loop hands back what it drained (`recycle`), so a pass of ten
  /// thousand changes neither allocates nor frees a large buffer (glibc
  /// consolidates all its small free chunks at each large allocation or free).
  private var spareChanges: [ObjectChange] = []
  /// The journal id of the entry now being reacted to; stamped as the cause
  /// of every write until it is cleared.
  package var currentCause: Int?
  /// The last journal entry of the set-up a lesson or scenario started
  /// from; goals about what components did look only at later entries.
  package var baseline = 0
  /// How many journal entries to keep; old ones are dropped first.
  package var journalLimit = 50_000
  /// Every change, kept while a watch served over HTTP asks for them
  /// (`nil`, the default, keeps nothing); see `Cluster.drainChangeFeed()`.
  var changeFeed: [ObjectChange]?

  package init() {}

  package func get(_ key: ObjectKey) -> Object? {
    objects[key.kind.ordinal][HashedName(key.namespace)]?[key]
  }

  package func contains(_ key: ObjectKey) -> Bool { get(key) != nil }

  /// A mark of the last write to an object of `kind` (0 when none).
  package func lastWrite(of kind: Kind) -> Int { lastWrites[kind] ?? 0 }

  /// A number no earlier write was marked with (restores included).
  private mutating func nextWriteMark() -> Int {
    writeMarks += 1
    return writeMarks
  }

  /// Objects of a kind, in one namespace or all (`nil`), sorted by namespace and name.
  package func list(_ kind: Kind, in namespace: String? = nil) -> [Object] {
    let byNamespace = objects[kind.ordinal]
    // Each namespace's objects are sorted as (name, object) pairs, not
    // looked up again by name after sorting the names.
    func sorted(_ names: [ObjectKey: Object]) -> [Object] {
      names.sorted { $0.key.name < $1.key.name }.map(\.value)
    }
    if let namespace, kind.isNamespaced {
      guard let names = byNamespace[HashedName(namespace)] else { return [] }
      return sorted(names)
    }
    var result: [Object] = []
    for (_, names) in byNamespace.sorted(by: { $0.key.name < $1.key.name }) {
      result += sorted(names)
    }
    return result
  }

  /// Calls `body` with each object of a kind, in one namespace or all
  /// (`nil`), in no particular order: `list` without its sorting, for
  /// readers that only count or test.
  package func forEach(_ kind: Kind, in namespace: String? = nil, _ body: (Object) throws -> Void) rethrows {
    try forEachNamed(kind, in: namespace) { _, _, object in try body(object) }
  }

  /// `forEach` that also hands over each object's namespace ("" for a
  /// cluster-wide kind) and name as the store files it, so a reader that
  /// orders by them need not read them from the object.
  package func forEachNamed(
    _ kind: Kind, in namespace: String? = nil, _ body: (_ namespace: String, _ name: String, Object) throws -> Void
  ) rethrows {
    let byNamespace = objects[kind.ordinal]
    if let namespace, kind.isNamespaced {
      guard let names = byNamespace[HashedName(namespace)] else { return }
      for (key, object) in names { try body(namespace, key.name, object) }
      return
    }
    for (namespace, names) in byNamespace {
      for (key, object) in names { try body(namespace.name, key.name, object) }
    }
  }

  package func count(_ kind: Kind) -> Int { objects[kind.ordinal].values.reduce(0) { $0 + $1.count } }

  /// The objects whose owner references name `uid`.
  package func dependents(of uid: String) -> [Object] {
    (dependents[uid] ?? []).sorted().compactMap { get($0) }
  }

  /// The objects of one kind whose owner references name `uid`, in the
  /// order `dependents(of:)` gives them: the others are neither sorted nor read.
  package func dependents(of uid: String, kind: Kind) -> [Object] {
    guard let keys = dependents[uid] else { return [] }
    return keys.filter { $0.kind == kind }.sorted().compactMap { get($0) }
  }

  /// The keys of the objects of one kind whose owner references name
  /// `uid`, in no particular order.
  package func dependentKeys(of uid: String, kind: Kind) -> [ObjectKey] {
    guard let keys = dependents[uid] else { return [] }
    return keys.filter { $0.kind == kind }
  }

  /// The pods whose owner references name `uid`, counted by group.
  package func podGroups(of uid: String) -> [PodGroup: Int] {
    podGroups[uid] ?? [:]
  }

  /// The objects of a kind in a namespace that no controller owns, sorted
  /// by name: `list(kind, in: namespace)` filtered to `controller == nil`.
  package func uncontrolled(_ kind: Kind, in namespace: String) -> [Object] {
    let space = kind.isNamespaced ? namespace : ""
    guard let names = uncontrolledNames[kind]?[space] else { return [] }
    return names.sorted().compactMap { objects[kind.ordinal][HashedName(space)]?[ObjectKey(kind, $0, in: space)] }
  }

  /// Stores a new object. The caller has validated it and stamped its
  /// identity; the store stamps the revision.
  @discardableResult
  package mutating func insert(_ object: consuming Object, actor: String, at time: Date, summary: String = "")
    -> Object
  {
    // Consumed: the caller's last use of its copy hands over the tree, so
    // stamping the revision changes it in place instead of copying it.
    revision += 1
    object.resourceVersion = String(revision)
    object.startMemo()
    let key = object.key
    objects[key.kind.ordinal][HashedName(key.namespace), default: [:]][key] = object
    lastWrites[object.kind] = nextWriteMark()
    index(object, old: nil)
    record(.added, object, old: nil, actor: actor, at: time, summary: summary)
    return object
  }

  /// Replaces an object, refusing the write when `object` carries a
  /// resourceVersion other than the stored one (optimistic concurrency).
  @discardableResult
  package mutating func replace(
    _ object: consuming Object, actor: String, at time: Date, summary: String = "",
    checkVersion: Bool = true
  ) throws(APIError) -> Object {
    let key = object.key
    guard let current = get(key) else { throw .notFound(object.kind, key.name) }
    let given = object.resourceVersion
    let version = current.resourceVersion
    if checkVersion, !given.isEmpty, given != version {
      throw .conflict(object.kind, key.name)
    }
    // Set only when it differs, so that an unchanged object still shares
    // its tree with the stored one and compares equal at once.
    if given != version { object.resourceVersion = version }
    if object.content == current.content { return current }
    revision += 1
    object.resourceVersion = String(revision)
    object.startMemo()
    objects[key.kind.ordinal][HashedName(key.namespace), default: [:]][key] = object
    lastWrites[object.kind] = nextWriteMark()
    index(object, old: current)
    record(.modified, object, old: current, actor: actor, at: time, summary: summary)
    return object
  }

  /// Removes an object for good.
  @discardableResult
  package mutating func remove(_ key: ObjectKey, actor: String, at time: Date, summary: String = "")
    -> Object?
  {
    guard let removed = objects[key.kind.ordinal][HashedName(key.namespace)]?.removeValue(forKey: key) else {
      return nil
    }
    revision += 1
    lastWrites[key.kind] = nextWriteMark()
    for owner in removed.ownerReferences { dependents[owner.uid]?.remove(key) }
    countPod(removed, sign: -1)
    uncontrolledNames[key.kind]?[key.namespace]?.remove(key.name)
    var last = removed
    last.resourceVersion = String(revision)
    record(.deleted, last, old: removed, actor: actor, at: time, summary: summary)
    return removed
  }

  /// Puts back an object saved earlier, keeping its resourceVersion; the
  /// revision counter moves past it. No change is announced.
  package mutating func restore(_ object: Object) {
    let key = object.key
    let old = get(key)
    var object = object
    object.startMemo()
    objects[key.kind.ordinal][HashedName(key.namespace), default: [:]][key] = object
    index(object, old: old)
    revision = max(revision, Int(object.resourceVersion) ?? 0)
    lastWrites[object.kind] = nextWriteMark()
  }

  /// Hands the controllers every change since the last call; `recycle`
  /// takes the array back once they are done with it.
  package mutating func drainChanges() -> [ObjectChange] {
    var drained = spareChanges
    spareChanges = []
    swap(&drained, &pendingChanges)
    return drained
  }

  /// Empties a drained array and keeps its storage for the next writes.
  package mutating func recycle(_ changes: inout [ObjectChange]) {
    changes.removeAll(keepingCapacity: true)
    if changes.capacity > spareChanges.capacity { swap(&changes, &spareChanges) }
  }

  /// Whether no component reacts to a write: an Event that no one owns and
  /// that is not being deleted, the most frequent write of all (the
  /// kubelets' events). Such writes reach the change feed, not the controllers.
  static func wakesNoOne(_ type: ChangeType, _ object: Object) -> Bool {
    object.kind == .event && type != .deleted
      && object.content[path: "metadata.ownerReferences"] == nil && !object.isTerminating
  }

  private mutating func index(_ object: Object, old: Object?) {
    // Most writes leave the owner references as they were (a status
    // write): they are read once per version, and compared as stored.
    let sameOwners = old.map {
      $0.content[path: "metadata.ownerReferences"] == object.content[path: "metadata.ownerReferences"]
    } ?? false
    let newReferences = object.ownerReferences
    let oldReferences = sameOwners ? newReferences : old?.ownerReferences ?? []
    let newOwners = Set(newReferences.map(\.uid))
    let oldOwners = sameOwners ? newOwners : Set(oldReferences.map(\.uid))
    if object.kind == .pod {
      // Kept in each version's memo: this write's new group is the next one's old.
      let newGroup = newOwners.isEmpty ? nil : object.memoized(PodGroup.self, PodGroup.init)
      let oldGroup = oldOwners.isEmpty ? nil : old.map { $0.memoized(PodGroup.self, PodGroup.init) }
      if !sameOwners || newGroup != oldGroup {
        if let oldGroup { countPod(oldGroup, owners: oldOwners, sign: -1) }
        if let newGroup { countPod(newGroup, owners: newOwners, sign: 1) }
      }
    }
    guard !sameOwners else { return }
    for uid in oldOwners.subtracting(newOwners) { dependents[uid]?.remove(object.key) }
    for uid in newOwners.subtracting(oldOwners) {
      dependents[uid, default: []].insert(object.key)
    }
    // No controller adopts Events or Leases: the most numerous objects of
    // a big cluster stay out of the orphan index.
    guard object.kind != .event && object.kind != .lease else { return }
    let controlled = newReferences.contains { $0.controller }
    let wasControlled = oldReferences.contains { $0.controller }
    if !controlled {
      if old == nil || wasControlled {
        uncontrolledNames[object.kind, default: [:]][object.key.namespace, default: []].insert(object.name)
      }
    } else if old == nil || !wasControlled {
      uncontrolledNames[object.kind]?[object.key.namespace]?.remove(object.name)
    }
  }

  /// Adds a pod to (or with -1 takes it from) its owners' group counts.
  private mutating func countPod(_ object: Object, sign: Int) {
    guard object.kind == .pod else { return }
    let owners = Set(object.ownerReferences.map(\.uid))
    guard !owners.isEmpty else { return }
    countPod(object.memoized(PodGroup.self, PodGroup.init), owners: owners, sign: sign)
  }

  private mutating func countPod(_ group: PodGroup, owners: Set<String>, sign: Int) {
    for uid in owners {
      let emptied = ObjectStore.add(sign, to: group, in: &podGroups[uid, default: [:]])
      if emptied { podGroups[uid] = nil }
    }
  }

  /// Adds `sign` to a group's count, dropping groups that reach 0; true when
  /// no group is left.
  private static func add(_ sign: Int, to group: PodGroup, in counts: inout [PodGroup: Int]) -> Bool {
    if let index = counts.index(forKey: group) {
      let count = counts.values[index] + sign
      if count > 0 { counts.values[index] = count } else { counts.remove(at: index) }
    } else if sign > 0 {
      counts[group] = sign
    }
    return counts.isEmpty
  }

  private mutating func record(
    _ type: ChangeType, _ object: Object, old: Object?, actor: String, at time: Date,
    summary: String
  ) {
    var id: Int?
    if object.kind != .event, object.kind != .lease {
      id = append(
        revision: revision, time: time, actor: actor, type: type, object: object, summary: summary)
    }
    let change = ObjectChange(
      type: type, object: object, old: old, revision: revision, actor: actor, journalID: id)
    changeFeed?.append(change)
    if !ObjectStore.wakesNoOne(type, object) { pendingChanges.append(change.forControllers()) }
  }

  /// Journals something a component did that wrote no object, such as a
  /// kubelet pulling an image; returns the entry's id.
  @discardableResult
  package mutating func note(_ summary: String, about object: Object, actor: String, at time: Date)
    -> Int
  {
    append(revision: nil, time: time, actor: actor, type: nil, object: object, summary: summary)
  }

  private mutating func append(
    revision: Int?, time: Date, actor: String, type: ChangeType?, object: Object, summary: String
  ) -> Int {
    lastJournalID += 1
    // The metadata is found once for the key, the uid and the owner's namespace.
    let metadata = object.content["metadata"]?.object
    let namespace = metadata?["namespace"]?.string ?? ""
    let owner = object.ownerReferences.first { $0.controller }.flatMap { reference in
      reference.ownerKind.map { ObjectKey($0, reference.name, in: namespace) }
    }
    let actor = actorNames.insert(actor).memberAfterInsert
    journal.append(
      JournalEntry(
        id: lastJournalID, revision: revision, time: time, actor: actor, type: type,
        key: ObjectKey(object.kind, metadata?["name"]?.string ?? "", in: namespace),
        uid: metadata?["uid"]?.string ?? "", owner: owner, cause: currentCause, summary: summary))
    if journal.count > journalLimit + journalLimit / 4 {
      journal.removeFirst(journal.count - journalLimit)
    }
    return lastJournalID
  }
}
