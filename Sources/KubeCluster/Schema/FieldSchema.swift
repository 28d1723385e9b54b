/// One field of an API object: its JSON name, type, description and rules.
///
/// Field schemas are data, written out per API group in the
/// `Schema+*Types.swift` files, so `kubectl explain`, strict decoding and
/// defaulting all read the same tree.
package struct FieldSchema: Equatable, Hashable, Sendable {
  /// The JSON name, such as `containers`; for a kind's root, the kind's name.
  package var name: String
  package var type: FieldType
  /// Whether the OpenAPI schema lists the field as required.
  package var isRequired: Bool
  /// Whether Go's JSON encoder writes the field even when it is unset: a
  /// struct value (never omitted) or a field without `omitempty`.
  package var isAlwaysEmitted: Bool
  /// Whether the Go field is a pointer, so an always-emitted unset value is
  /// written as null rather than as the type's zero value.
  package var isPointer: Bool
  /// The values the field's Go type declares as constants, if any.
  package var enumValues: [String]
  /// What the field means, in one or two sentences.
  package var description: String

  package init(
    _ name: String, _ type: FieldType, required: Bool = false, emitted: Bool = false,
    pointer: Bool = false, enum enumValues: [String] = [], _ description: String
  ) {
    isPointer = pointer
    self.name = name
    self.type = type
    isRequired = required
    isAlwaysEmitted = emitted
    self.enumValues = enumValues
    self.description = description
  }

  /// The fields of the objects this field holds, looking through arrays and
  /// maps as `kubectl explain` does; empty for scalars.
  package var fields: [FieldSchema] {
    guard let key = type.structKey else { return [] }
    return Schema.structSchema(key)?.fields ?? []
  }

  /// The field of the held object called `name`, if there is one.
  package func field(named name: String) -> FieldSchema? {
    fields.first { $0.name == name }
  }
}
