import Foundation

/// One API object as the server stores it.
///
/// Like `unstructured.Unstructured`, the object is a tree, so fields the
/// simulator does not model survive `kubectl apply` and `-o yaml` untouched.
/// The metadata every object has is reached through typed accessors.
package struct Object: Equatable, Sendable {
  package let kind: Kind
  package var content: JSONValue {
    // Without `oldValue`, the tree still changes in place.
    didSet { memo = nil }
  }
  /// What readers worked out from this version of `content`; the store
  /// gives each version it keeps one (`ObjectMemo`).
  @usableFromInline var memo: ObjectMemo?

  package init(_ kind: Kind, _ content: JSONValue) {
    self.kind = kind
    self.content = content
    if self.content["apiVersion"] == nil || self.content["kind"] == nil {
      var ordered = JSONObject()
      ordered["apiVersion"] = .string(kind.apiVersion)
      ordered["kind"] = .string(kind.rawValue)
      for (key, value) in self.content.object ?? JSONObject() where ordered[key] == nil {
        ordered[key] = value
      }
      self.content = .object(ordered)
    }
  }

  /// A new object of `kind` named `name`, with no other fields.
  package init(_ kind: Kind, name: String, namespace: String? = nil) {
    var metadata: JSONValue = ["name": .string(name)]
    if let namespace, kind.isNamespaced { metadata["namespace"] = .string(namespace) }
    self.init(kind, ["apiVersion": .string(kind.apiVersion), "kind": .string(kind.rawValue), "metadata": metadata])
  }

  package var key: ObjectKey {
    // The metadata is found once for both names.
    let metadata = content["metadata"]?.object
    return ObjectKey(kind, metadata?["name"]?.string ?? "", in: metadata?["namespace"]?.string ?? "")
  }

  /// Equal when of the same kind with the same content; memos do not count.
  package static func == (lhs: Object, rhs: Object) -> Bool {
    lhs.kind == rhs.kind && lhs.content == rhs.content
  }

  /// Gives this version of the object an empty memo; the store calls it on
  /// the versions it keeps, which every reader then shares.
  package mutating func startMemo() { memo = ObjectMemo() }

  /// The `Value` worked out from this version of the object: computed the
  /// first time and kept in the memo while the content stays the same (a
  /// printer's row of a pod that has not changed since the last listing).
  /// Computed every time for an object the store has not kept.
  // Inlinable, so that a reader's Value is known where it is asked for.
  @inlinable package func memoized<Value: Sendable>(_ type: Value.Type, _ compute: (Object) -> Value) -> Value {
    guard memo != nil else { return compute(self) }
    return memoized(object: ObjectMemo.Box<Value>.self) { ObjectMemo.Box(compute($0)) }.value
  }

  /// `memoized` for a value that is an instance of a final class, kept as
  /// it is (`ObjectMemo.object(of:)`): for readers in other modules.
  @inlinable package func memoized<Value: AnyObject & Sendable>(object type: Value.Type, _ compute: (Object) -> Value) -> Value {
    guard let memo else { return compute(self) }
    if let kept = memo.object(of: type) { return kept }
    let value = compute(self)
    memo.keep(object: value)
    return value
  }

  package var name: String {
    get { content[path: "metadata.name"]?.string ?? "" }
    set { content[path: "metadata.name"] = .string(newValue) }
  }

  package var namespace: String {
    get { content[path: "metadata.namespace"]?.string ?? "" }
    set { content[path: "metadata.namespace"] = kind.isNamespaced ? .string(newValue) : nil }
  }

  package var uid: String {
    get { content[path: "metadata.uid"]?.string ?? "" }
    set { content[path: "metadata.uid"] = .string(newValue) }
  }

  /// Opaque to clients; the store stamps it on every write.
  package var resourceVersion: String {
    get { content[path: "metadata.resourceVersion"]?.string ?? "" }
    set { content[path: "metadata.resourceVersion"] = .string(newValue) }
  }

  package var generation: Int {
    get { content[path: "metadata.generation"]?.int ?? 0 }
    set { content[path: "metadata.generation"] = .int(newValue) }
  }

  package var labels: [String: String] {
    get { Object.stringMap(content[path: "metadata.labels"]) }
    set { content[path: "metadata.labels"] = Object.mapValue(newValue) }
  }

  package var annotations: [String: String] {
    get { Object.stringMap(content[path: "metadata.annotations"]) }
    set { content[path: "metadata.annotations"] = Object.mapValue(newValue) }
  }

  package var creationTimestamp: Date? {
    Timestamp.parse(content[path: "metadata.creationTimestamp"]?.string)
  }

  package var deletionTimestamp: Date? {
    Timestamp.parse(content[path: "metadata.deletionTimestamp"]?.string)
  }

  package var isTerminating: Bool { content[path: "metadata.deletionTimestamp"] != nil }

  package var finalizers: [String] {
    get { content[path: "metadata.finalizers"]?.array?.compactMap(\.string) ?? [] }
    set {
      content[path: "metadata.finalizers"] =
        newValue.isEmpty ? nil : .array(newValue.map { .string($0) })
    }
  }

  package var ownerReferences: [OwnerReference] {
    // Read once per stored version: the store's indexes and the controllers'
    // dispatch read them on every write. An object without owners (every
    // Event) keeps nothing: finding that out costs less than the memo's box.
    get {
      if let kept = memo?.value(of: [OwnerReference].self) { return kept }
      guard let references = content[path: "metadata.ownerReferences"]?.array else { return [] }
      let parsed = references.compactMap(OwnerReference.init)
      memo?.keep(parsed)
      return parsed
    }
    set {
      content[path: "metadata.ownerReferences"] =
        newValue.isEmpty ? nil : .array(newValue.map(\.json))
    }
  }

  /// The owner reference with `controller: true`, if any.
  package var controller: OwnerReference? {
    ownerReferences.first { $0.controller }
  }

  package func isControlled(by owner: Object) -> Bool {
    controller?.uid == owner.uid
  }

  package static func stringMap(_ value: JSONValue?) -> [String: String] {
    guard let object = value?.object else { return [:] }
    var map: [String: String] = [:]
    for (key, value) in object { map[key] = value.scalarText }
    return map
  }

  package static func mapValue(_ map: [String: String]) -> JSONValue? {
    guard !map.isEmpty else { return nil }
    var object = JSONObject()
    for key in map.keys.sorted() { object[key] = .string(map[key] ?? "") }
    return .object(object)
  }
}

/// A reference from a dependent to its owner, as `metadata.ownerReferences`
/// holds it.
package struct OwnerReference: Equatable, Sendable {
  package var apiVersion: String
  package var kind: String {
    didSet { ownerKind = Kind(rawValue: kind) }
  }
  /// `kind` as a `Kind`, read once when the reference is made or its kind
  /// set: dispatch and the journal ask for it at every write of an owned object.
  package private(set) var ownerKind: Kind?
  package var name: String
  package var uid: String
  package var controller: Bool
  package var blockOwnerDeletion: Bool

  package init(controlledBy owner: Object) {
    apiVersion = owner.kind.apiVersion
    kind = owner.kind.rawValue
    ownerKind = owner.kind
    name = owner.name
    uid = owner.uid
    controller = true
    blockOwnerDeletion = true
  }

  package init?(_ value: JSONValue) {
    guard let name = value["name"]?.string, let uid = value["uid"]?.string else { return nil }
    apiVersion = value["apiVersion"]?.string ?? ""
    kind = value["kind"]?.string ?? ""
    ownerKind = Kind(rawValue: kind)
    self.name = name
    self.uid = uid
    controller = value["controller"]?.bool ?? false
    blockOwnerDeletion = value["blockOwnerDeletion"]?.bool ?? false
  }

  package var json: JSONValue {
    [
      "apiVersion": .string(apiVersion), "kind": .string(kind), "name": .string(name),
      "uid": .string(uid), "controller": .bool(controller),
      "blockOwnerDeletion": .bool(blockOwnerDeletion),
    ]
  }
}
