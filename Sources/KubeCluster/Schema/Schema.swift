/// The API server's knowledge of object shapes: field schemas for every
/// kind, strict decoding, defaulting and validation.
///
/// A namespace only. The schemas are data in the `Schema+*Types.swift`
/// files; the three checks a real API server makes on a write live in
/// `Schema+Decoding.swift` (unknown fields and wrong types),
/// `Schema+Defaults.swift` and the `Schema+Validation*.swift` files, each
/// worded as Kubernetes 1.32 words it.
package enum Schema {
  /// Every struct schema, by key.
  static let structs: [String: StructSchema] = {
    let all =
      metaTypes + coreTypes + appsTypes + batchTypes + autoscalingTypes + networkingTypes
      + policyTypes + rbacTypes + schedulingTypes + storageTypes + coordinationTypes
      + discoveryTypes
    return Dictionary(all.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
  }()

  /// The struct registered under `key`, such as `core.PodSpec`.
  package static func structSchema(_ key: String) -> StructSchema? {
    structs[key]
  }

  /// The struct key of a kind's top-level object, such as `apps.Deployment`.
  package static func rootKey(for kind: Kind) -> String {
    let group: String
    switch kind.group {
    case "": group = "core"
    case "rbac.authorization.k8s.io": group = "rbac"
    default: group = String(kind.group.split(separator: ".").first ?? "core")
    }
    return group + "." + kind.rawValue
  }

  /// The schema of a whole object of `kind`, named after the kind.
  package static func root(for kind: Kind) -> FieldSchema {
    FieldSchema(
      kind.rawValue, .object(rootKey(for: kind)), kindDescriptions[kind] ?? "")
  }

  /// The schema at a field path such as `["spec", "containers", "image"]`.
  ///
  /// Arrays and maps are transparent, as in `kubectl explain`: `containers`
  /// leads straight to the fields of one container. An empty path is the
  /// root; an unknown name gives nil.
  package static func field(_ kind: Kind, path: [String]) -> FieldSchema? {
    var current = root(for: kind)
    for name in path {
      guard let next = current.field(named: name) else { return nil }
      current = next
    }
    return current
  }
}
