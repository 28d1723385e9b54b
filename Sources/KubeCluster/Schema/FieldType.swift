/// The shape of a field's value, as the API server's Go types define it.
///
/// The cases follow what the JSON decoder accepts: Go strings, integers and
/// booleans, the three apimachinery types with their own JSON forms
/// (`resource.Quantity`, `intstr.IntOrString`, `metav1.Time`), objects,
/// arrays and string-keyed maps. `named` wraps a Go named type, such as
/// `v1.RestartPolicy` over `string`, so error messages can use its name.
package indirect enum FieldType: Equatable, Hashable, Sendable {
  case string
  case int32
  case int64
  /// A Go `float64`.
  case number
  case boolean
  /// `resource.Quantity`: a string such as `500m` or `1Gi`, or a plain number.
  case quantity
  /// `intstr.IntOrString`: an integer or a string.
  case intOrString
  /// `metav1.Time`: an RFC 3339 string, or null.
  case time
  /// A Go `[]byte`, written in JSON as a base64 string.
  case bytes
  /// Any JSON value, kept as it is (`runtime.RawExtension`).
  case freeForm
  /// Any JSON object, whose fields are not checked.
  case anyObject
  /// An object of the struct registered under this key, such as `core.PodSpec`.
  case object(String)
  case array(FieldType)
  /// A map from strings to values of the element type.
  case map(FieldType)
  /// A Go named type over another type, such as `v1.Protocol` over `string`.
  case named(String, FieldType)

  /// The type with any `named` wrapper removed.
  package var underlying: FieldType {
    if case .named(_, let inner) = self { return inner.underlying }
    return self
  }

  /// The struct key of the objects this type holds, looking through arrays,
  /// maps and names.
  package var structKey: String? {
    switch self {
    case .object(let key): key
    case .array(let element), .map(let element), .named(_, let element): element.structKey
    default: nil
    }
  }

  /// Go's spelling of the type, as `encoding/json` prints it in
  /// `cannot unmarshal` errors: `int32`, `[]v1.Container`, `v1.PodSpec`.
  package var goName: String {
    switch self {
    case .string: "string"
    case .int32: "int32"
    case .int64: "int64"
    case .number: "float64"
    case .boolean: "bool"
    case .quantity: "resource.Quantity"
    case .intOrString: "intstr.IntOrString"
    case .time: "v1.Time"
    case .bytes: "[]uint8"
    case .freeForm: "runtime.RawExtension"
    case .anyObject: "map[string]interface {}"
    case .object(let key): StructSchema.goName(forKey: key)
    case .array(let element): "[]" + element.goName
    case .map(let element): "map[string]" + element.goName
    case .named(let name, _): name
    }
  }

  /// The type as `kubectl explain` shows it between angle brackets:
  /// `string`, `integer`, `[]Container`, `map[string]string`, `PodSpec`.
  package var explainName: String {
    switch self {
    case .string, .bytes: "string"
    case .int32, .int64: "integer"
    case .number: "number"
    case .boolean: "boolean"
    case .quantity: "Quantity"
    case .intOrString: "IntOrString"
    case .time: "Time"
    case .freeForm, .anyObject: "Object"
    case .object(let key): StructSchema.shortName(forKey: key)
    case .array(let element): "[]" + element.explainName
    case .map(let element): "map[string]" + element.explainName
    case .named(let name, let inner):
      switch inner {
      case .anyObject: String(name.split(separator: ".").last ?? "Object")
      default: inner.explainName
      }
    }
  }
}
