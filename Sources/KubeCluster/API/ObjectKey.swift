/// Names one object: its kind, its namespace (empty for cluster-scoped
/// kinds) and its name.
package struct ObjectKey: Hashable, Comparable, Sendable, CustomStringConvertible {
  package var kind: Kind
  package var namespace: String
  package var name: String

  package init(_ kind: Kind, _ name: String, in namespace: String = "") {
    self.kind = kind
    self.name = name
    self.namespace = kind.isNamespaced ? namespace : ""
  }

  package static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
    (lhs.kind, lhs.namespace, lhs.name) < (rhs.kind, rhs.namespace, rhs.name)
  }

  /// `default/web` or `web` for cluster-scoped objects.
  package var namespacedName: String {
    namespace.isEmpty ? name : "\(namespace)/\(name)"
  }

  package var description: String { "\(kind.rawValue) \(namespacedName)" }
}
