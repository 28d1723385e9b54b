/// Remembers what the schema's pure functions (strict decoding, defaulting,
/// pod spec validation) answered for recent objects, so that the thousands
/// of pods a controller creates from one template are decoded, defaulted
/// and validated once, not once each.
///
/// Objects that differ only in `metadata.name` share an entry: none of these
/// functions reads the name's value (validation of the name itself is not
/// memoized). Small, and emptied when full: a cache, never a source of truth.
struct SchemaMemo: Sendable {
  private struct Decoded: Sendable {
    var error: APIError?
  }

  private var decoded: [JSONValue: Decoded] = [:]
  private var defaulted: [JSONValue: JSONValue] = [:]
  private var podSpecErrors: [JSONValue: [FieldError]] = [:]
  /// The last key each function met and its answer: a controller creates
  /// its pods one after another, and comparing with the last one (whose
  /// big subtrees are the very same storage) is much cheaper than hashing.
  private var lastDecoded: (key: JSONValue, answer: Decoded)?
  private var lastDefaulted: (key: JSONValue, answer: JSONValue)?
  private var lastSpec: (key: JSONValue, answer: [FieldError])?
  private static let capacity = 64

  /// `content` with its name blanked, or nil when the name is not a string.
  private static func key(_ content: JSONValue, kind: Kind) -> JSONValue? {
    guard case .object(var root) = content, case .object(var metadata)? = root["metadata"],
      metadata["name"]?.string != nil
    else { return nil }
    metadata["name"] = ""
    root["metadata"] = .object(metadata)
    return .array([.string(kind.rawValue), .object(root)])
  }

  /// `Schema.decodeError(content, kind:)`.
  mutating func decodeError(_ content: JSONValue, kind: Kind) -> APIError? {
    guard let key = SchemaMemo.key(content, kind: kind) else {
      return Schema.decodeError(content, kind: kind)
    }
    if let last = lastDecoded, last.key == key { return last.answer.error }
    if let known = decoded[key] {
      lastDecoded = (key, known)
      return known.error
    }
    let error = Schema.decodeError(content, kind: kind)
    if decoded.count >= SchemaMemo.capacity { decoded.removeAll() }
    decoded[key] = Decoded(error: error)
    lastDecoded = (key, Decoded(error: error))
    return error
  }

  /// `Schema.applyDefaults(to:)`.
  mutating func applyDefaults(to object: inout Object) {
    guard let key = SchemaMemo.key(object.content, kind: object.kind) else {
      Schema.applyDefaults(to: &object)
      return
    }
    let name = object.content[path: "metadata.name"]
    if let last = lastDefaulted, last.key == key {
      object.content = last.answer
    } else if let known = defaulted[key] {
      object.content = known
      lastDefaulted = (key, known)
    } else {
      Schema.applyDefaults(to: &object)
      var result = object.content
      result[path: "metadata.name"] = ""
      if defaulted.count >= SchemaMemo.capacity { defaulted.removeAll() }
      defaulted[key] = result
      lastDefaulted = (key, result)
    }
    object.content[path: "metadata.name"] = name
  }

  /// `Schema.validate(object, old: nil)`, with a pod's spec errors memoized.
  mutating func validateNew(_ object: Object) -> [FieldError] {
    guard object.kind == .pod else { return Schema.validate(object, old: nil) }
    let spec = object.content["spec"] ?? .null
    let errors: [FieldError]
    if let last = lastSpec, last.key == spec {
      errors = last.answer
    } else if let known = podSpecErrors[spec] {
      errors = known
      lastSpec = (spec, known)
    } else {
      errors = Schema.validatePodSpec(object.content["spec"], path: "spec", isPod: true)
      if podSpecErrors.count >= SchemaMemo.capacity { podSpecErrors.removeAll() }
      podSpecErrors[spec] = errors
      lastSpec = (spec, errors)
    }
    return Schema.validate(object, old: nil, podSpecErrors: errors)
  }
}
