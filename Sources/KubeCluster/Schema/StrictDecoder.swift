/// Walks a JSON tree against the field schemas the way the API server's
/// JSON decoder (sigs.k8s.io/json, a fork of Go's encoding/json) does with
/// unknown fields disallowed.
///
/// It keeps the decoder's two kinds of trouble apart, because the server
/// reports them differently:
/// - type mismatches: only the first is reported, and it names the Go struct
///   and the JSON path of struct fields, without indexes or map keys
///   (`Go struct field ContainerPort.spec.containers.ports.containerPort`);
/// - unknown fields: all are reported, with full paths including indexes
///   (`spec.containers[0].imagee`), but only when there was no type error.
///
/// Errors from types with their own JSON decoding (quantities, int-or-string,
/// times, base64 bytes) stop the decoder at once and win over an earlier
/// type mismatch, as they do in Go.
struct StrictDecoder {
  private(set) var unknownFields: [String] = []
  private(set) var typeError: String?
  private(set) var fatalError: String?

  /// The decoder's error for the whole object, or nil when it decodes.
  var message: String? {
    if let fatalError { return fatalError }
    if let typeError { return typeError }
    guard !unknownFields.isEmpty else { return nil }
    return "strict decoding error: "
      + unknownFields.prefix(100).map { "unknown field " + "\"" + FieldError.goQuote($0) + "\"" }
      .joined(separator: ", ")
  }

  /// Where Go's error context stands: the innermost struct and the struct
  /// field names leading to the value.
  private struct Context {
    /// The registry key of the struct; its Go name is worked out only
    /// for an error message.
    var structKey = ""
    var fieldStack: [String] = []
  }

  mutating func decode(_ value: JSONValue, as type: FieldType, rootStruct: String) {
    visit(value, type: type, path: "", context: Context())
  }

  private mutating func visit(_ value: JSONValue, type: FieldType, path: String, context: Context) {
    guard fatalError == nil else { return }
    if case .null = value { return }
    // The Go type name only matters for an error, so it is worked out then:
    // building it for every value cost more than the rest of the walk.
    let goName = LazyGoName(type)
    switch type.underlying {
    case .string:
      if value.string == nil { mismatch(value, goName, context) }
    case .int32, .int64:
      checkInteger(value, goName, bits: type.underlying == .int32 ? 32 : 64, context)
    case .number:
      if value.double == nil { mismatch(value, goName, context) }
    case .boolean:
      if value.bool == nil { mismatch(value, goName, context) }
    case .bytes:
      guard let text = value.string else { return mismatch(value, goName, context) }
      if let offset = StrictDecoder.base64ErrorOffset(text) {
        fatalError = "illegal base64 data at input byte \(offset)"
      }
    case .quantity:
      let text: String
      switch value {
      case .string(let string): text = string
      case .int, .double: text = value.scalarText
      default: text = value.compactJSON
      }
      do {
        _ = try Quantity(parsing: text.trimmingCharacters(in: .whitespaces))
      } catch {
        fatalError = error.description
      }
    case .intOrString:
      switch value {
      case .string: break
      case .int(let number) where number >= Int(Int32.min) && number <= Int(Int32.max): break
      default:
        fatalError =
          "json: cannot unmarshal \(StrictDecoder.jsonDescription(value, forInteger: true)) "
          + "into Go value of type int32"
      }
    case .time:
      guard let text = value.string else {
        fatalError = "json: cannot unmarshal \(value.typeName) into Go value of type string"
        return
      }
      if Timestamp.parse(text) == nil {
        fatalError =
          "parsing time \"\(FieldError.goQuote(text))\" as \"2006-01-02T15:04:05Z07:00\": cannot parse "
          + "\"\(FieldError.goQuote(text))\" as \"2006\""
      }
    case .freeForm:
      break
    case .anyObject:
      if value.object == nil { mismatch(value, goName, context) }
    case .object(let key):
      guard let object = value.object else { return mismatch(value, goName, context) }
      guard let schema = Schema.structSchema(key) else { return }
      for (name, member) in object {
        let memberPath = path.isEmpty ? name : path + "." + name
        guard let field = schema.field(named: name) else {
          if !unknownFields.contains(memberPath) { unknownFields.append(memberPath) }
          continue
        }
        var inner = context
        inner.structKey = schema.key
        inner.fieldStack.append(name)
        visit(member, type: field.type, path: memberPath, context: inner)
      }
    case .array(let element):
      guard let items = value.array else { return mismatch(value, goName, context) }
      for (index, item) in items.enumerated() {
        visit(item, type: element, path: path + "[\(index)]", context: context)
      }
    case .map(let element):
      guard let object = value.object else { return mismatch(value, goName, context) }
      for (key, member) in object {
        visit(member, type: element, path: path + "." + key, context: context)
      }
    case .named:
      break
    }
  }

  private mutating func checkInteger(
    _ value: JSONValue, _ goName: LazyGoName, bits: Int, _ context: Context
  ) {
    switch value {
    case .int(let number):
      if bits == 32 && (number < Int(Int32.min) || number > Int(Int32.max)) {
        mismatch(value, goName, context, description: "number \(number)")
      }
    case .double(let number):
      mismatch(value, goName, context, description: "number " + JSONValue.format(number))
    default:
      mismatch(value, goName, context)
    }
  }

  /// Records Go's `UnmarshalTypeError`; only the first one counts.
  private mutating func mismatch(
    _ value: JSONValue, _ lazyGoName: LazyGoName, _ context: Context, description: String? = nil
  ) {
    guard typeError == nil else { return }
    let goName = lazyGoName.type.goName
    let structName = StructSchema.shortName(forKey: context.structKey)
    let what = description ?? value.typeName
    if context.fieldStack.isEmpty {
      typeError = "json: cannot unmarshal \(what) into Go value of type \(goName)"
    } else {
      typeError =
        "json: cannot unmarshal \(what) into Go struct field "
        + "\(structName).\(context.fieldStack.joined(separator: ".")) of type \(goName)"
    }
  }

  /// How Go's decoder describes a JSON value that cannot become an integer.
  static func jsonDescription(_ value: JSONValue, forInteger: Bool) -> String {
    switch value {
    case .int(let number): "number \(number)"
    case .double(let number): "number " + JSONValue.format(number)
    default: value.typeName
    }
  }

  /// Where Go's `base64.StdEncoding` gives up on `text`, or nil when it
  /// decodes.
  ///
  /// Newlines are skipped, as Go skips them.
  static func base64ErrorOffset(_ text: String) -> Int? {
    let bytes = Array(text.utf8)
    func isAlphabet(_ c: UInt8) -> Bool {
      (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == 43 || c == 47
    }
    var index = 0
    while index < bytes.count {
      var quantum = 0
      while quantum < 4 {
        if index == bytes.count {
          if quantum == 0 { return nil }
          return index - quantum
        }
        let c = bytes[index]
        index += 1
        if c == 10 || c == 13 { continue }
        if c == 61 {  // '='
          switch quantum {
          case 0, 1: return index - 1
          case 2:
            // "==" is expected: skip newlines, then require a second '='.
            while index < bytes.count, bytes[index] == 10 || bytes[index] == 13 { index += 1 }
            if index == bytes.count { return bytes.count }
            if bytes[index] != 61 { return index - 1 }
            index += 1
          default: break
          }
          while index < bytes.count, bytes[index] == 10 || bytes[index] == 13 { index += 1 }
          return index < bytes.count ? index : nil
        }
        guard isAlphabet(c) else { return index - 1 }
        quantum += 1
      }
    }
    return nil
  }
}

/// A field type whose Go name is built only when an error needs it.
private struct LazyGoName {
  let type: FieldType
  init(_ type: FieldType) { self.type = type }
}
