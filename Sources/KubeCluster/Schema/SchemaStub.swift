// Temporary: the schema registry lands from its own branch.
package enum Schema {
  package static func decodeError(_ content: JSONValue, kind: Kind) -> APIError? { nil }
  package static func applyDefaults(to object: inout Object) {}
  package static func validate(_ object: Object, old: Object?) -> [FieldError] { [] }
}
