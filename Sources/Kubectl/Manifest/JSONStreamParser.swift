import KubeCluster

/// Reads a manifest that starts with `{` the way kubectl does: as a stream
/// of JSON values (Go's `json.Decoder`), one document per value.
///
/// Syntax errors carry Go's wording and byte offset (`json: offset 69:
/// invalid character '}' looking for beginning of object key string`), and
/// a value cut short is `unexpected EOF`. Numbers become `.int` when they
/// are integers that fit 64 bits and `.double` otherwise, as kubectl's
/// unstructured decoding does.
struct JSONStreamParser {
  private let bytes: [UInt8]
  private let limits: ManifestLimits
  private var index = 0
  private var depth = 0
  private var nodes = 0
  private var valuePositions: [[String]: ManifestPosition] = [:]
  private var keyPositions: [[String]: ManifestPosition] = [:]
  private var locator: PositionLocator

  /// A failure inside one value, before it becomes a `ManifestError`.
  private struct Failure: Error {
    var message: String
    var offset: Int?
  }

  init(bytes: [UInt8], limits: ManifestLimits) {
    self.bytes = bytes
    self.limits = limits
    self.locator = PositionLocator(bytes: bytes)
  }

  /// Every value in the stream, `null` values skipped as kubectl skips them.
  mutating func documents() throws(ManifestError) -> [ManifestDocument] {
    var documents: [ManifestDocument] = []
    while true {
      skipWhitespace()
      guard index < bytes.count else { return documents }
      valuePositions = [:]
      keyPositions = [:]
      nodes = 0
      let start = locator.position(at: index)
      do {
        var path: [String] = []
        // Like Go's decoder, a value ends where its text ends; whatever
        // follows is read (and rejected, if need be) as the next value.
        let value = try parseValue(path: &path)
        if value == .null { continue }
        documents.append(
          ManifestDocument(
            value: value, startLine: start.line, valuePositions: valuePositions,
            keyPositions: keyPositions))
      } catch {
        let message = error.offset.map { "json: offset \($0): \(error.message)" } ?? error.message
        let position = error.offset.map { locator.position(at: max($0 - 1, 0)) }
        throw ManifestError(message, position: position, decoded: documents)
      }
    }
  }

  // MARK: Values

  private mutating func parseValue(path: inout [String]) throws(Failure) -> JSONValue {
    skipWhitespace()
    guard index < bytes.count else { throw Failure(message: "unexpected EOF") }
    nodes += 1
    if nodes > limits.maxNodes {
      throw Failure(
        message: "the document has more than \(limits.maxNodes) nodes", offset: index + 1)
    }
    valuePositions[path] = locator.position(at: index)
    let byte = bytes[index]
    switch byte {
    case UInt8(ascii: "{"):
      return try parseObject(path: &path)
    case UInt8(ascii: "["):
      return try parseArray(path: &path)
    case UInt8(ascii: "\""):
      return .string(try parseString())
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return try parseNumber()
    case UInt8(ascii: "t"):
      try parseLiteral("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try parseLiteral("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try parseLiteral("null")
      return .null
    default:
      throw invalid(at: index, "looking for beginning of value")
    }
  }

  private mutating func parseObject(path: inout [String]) throws(Failure) -> JSONValue {
    try enter()
    index += 1
    var object = JSONObject()
    skipWhitespace()
    if try peek() == UInt8(ascii: "}") {
      index += 1
      depth -= 1
      return .object(object)
    }
    while true {
      skipWhitespace()
      guard try peek() == UInt8(ascii: "\"") else {
        throw invalid(at: index, "looking for beginning of object key string")
      }
      let keyStart = locator.position(at: index)
      let key = try parseString()
      skipWhitespace()
      guard try peek() == UInt8(ascii: ":") else { throw invalid(at: index, "after object key") }
      index += 1
      path.append(key)
      keyPositions[path] = keyStart
      let member = try parseValue(path: &path)
      path.removeLast()
      object[key] = member
      skipWhitespace()
      switch try peek() {
      case UInt8(ascii: ","):
        index += 1
      case UInt8(ascii: "}"):
        index += 1
        depth -= 1
        return .object(object)
      default:
        throw invalid(at: index, "after object key:value pair")
      }
    }
  }

  private mutating func parseArray(path: inout [String]) throws(Failure) -> JSONValue {
    try enter()
    index += 1
    var items: [JSONValue] = []
    skipWhitespace()
    if try peek() == UInt8(ascii: "]") {
      index += 1
      depth -= 1
      return .array(items)
    }
    while true {
      path.append(String(items.count))
      items.append(try parseValue(path: &path))
      path.removeLast()
      skipWhitespace()
      switch try peek() {
      case UInt8(ascii: ","):
        index += 1
      case UInt8(ascii: "]"):
        index += 1
        depth -= 1
        return .array(items)
      default:
        throw invalid(at: index, "after array element")
      }
    }
  }

  private mutating func enter() throws(Failure) {
    depth += 1
    if depth > limits.maxDepth {
      throw Failure(
        message:
          "invalid character \(Self.quoteCharacter(bytes[index])) exceeded max depth of \(limits.maxDepth)",
        offset: index + 1)
    }
  }

  /// A string literal, with Go's unescaping (bad surrogates become U+FFFD).
  private mutating func parseString() throws(Failure) -> String {
    var position = index
    defer { index = position }
    do {
      return try bytes.withUnsafeBufferPointer { buffer throws(JSONStringLiteral.Failure) in
        try JSONStringLiteral.read(buffer, at: &position)
      }
    } catch {
      switch error {
      case .endOfInput: throw Failure(message: "unexpected EOF")
      case .invalid(let offset, let context): throw invalid(at: offset, context)
      }
    }
  }

  private mutating func parseNumber() throws(Failure) -> JSONValue {
    let start = index
    if bytes[index] == UInt8(ascii: "-") {
      index += 1
      guard isDigit(try peekOrEOF()) else { throw invalidOrEOF(at: index, "in numeric literal") }
    }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
    } else {
      while isDigit(peekOptional()) { index += 1 }
    }
    var integral = true
    if peekOptional() == UInt8(ascii: ".") {
      integral = false
      index += 1
      guard isDigit(try peekOrEOF()) else {
        throw invalidOrEOF(at: index, "after decimal point in numeric literal")
      }
      while isDigit(peekOptional()) { index += 1 }
    }
    if peekOptional() == UInt8(ascii: "e") || peekOptional() == UInt8(ascii: "E") {
      integral = false
      index += 1
      if peekOptional() == UInt8(ascii: "+") || peekOptional() == UInt8(ascii: "-") { index += 1 }
      guard isDigit(try peekOrEOF()) else {
        throw invalidOrEOF(at: index, "in exponent of numeric literal")
      }
      while isDigit(peekOptional()) { index += 1 }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if integral, let integer = Int(text) { return .int(integer) }
    guard let double = Double(text), double.isFinite else {
      throw Failure(message: "json: cannot unmarshal number \(text) into Go value of type float64")
    }
    return .double(double)
  }

  private mutating func parseLiteral(_ word: String) throws(Failure) {
    for expected in word.utf8 {
      guard index < bytes.count else { throw Failure(message: "unexpected EOF") }
      guard bytes[index] == expected else {
        let wanted = Unicode.Scalar(expected)
        throw invalid(at: index, "in literal \(word) (expecting '\(wanted)')")
      }
      index += 1
    }
  }

  // MARK: Bytes

  private mutating func skipWhitespace() {
    while index < bytes.count, Self.isWhitespace(bytes[index]) { index += 1 }
  }

  private static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  private func isDigit(_ byte: UInt8?) -> Bool {
    guard let byte else { return false }
    return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  /// The next byte; the end of input inside a value is `unexpected EOF`.
  private func peek() throws(Failure) -> UInt8 {
    guard index < bytes.count else { throw Failure(message: "unexpected EOF") }
    return bytes[index]
  }

  private func peekOrEOF() throws(Failure) -> UInt8 {
    try peek()
  }

  private func peekOptional() -> UInt8? {
    index < bytes.count ? bytes[index] : nil
  }

  private func invalidOrEOF(at position: Int, _ context: String) -> Failure {
    position < bytes.count ? invalid(at: position, context) : Failure(message: "unexpected EOF")
  }

  /// Go's `invalid character 'x' CONTEXT`, at Go's offset (one past the
  /// offending byte, counted from the start of the stream).
  private func invalid(at position: Int, _ context: String) -> Failure {
    Failure(
      message: "invalid character \(Self.quoteCharacter(bytes[position])) \(context)",
      offset: position + 1)
  }

  /// Go's `quoteChar`: the byte as a rune in single quotes, escaped as
  /// `strconv.Quote` escapes it.
  static func quoteCharacter(_ byte: UInt8) -> String {
    switch byte {
    case UInt8(ascii: "'"): return #"'\''"#
    case UInt8(ascii: "\""): return #"'"'"#
    case 0x07: return #"'\a'"#
    case 0x08: return #"'\b'"#
    case 0x0C: return #"'\f'"#
    case 0x0A: return #"'\n'"#
    case 0x0D: return #"'\r'"#
    case 0x09: return #"'\t'"#
    case 0x0B: return #"'\v'"#
    case UInt8(ascii: "\\"): return #"'\\'"#
    default:
      if byte < 0x20 || byte == 0x7F {
        let hex = Array("0123456789abcdef")
        return "'\\x\(hex[Int(byte >> 4)])\(hex[Int(byte & 0xF)])'"
      }
      if (0x80...0xA0).contains(byte) || byte == 0xAD {
        let hex = Array("0123456789abcdef")
        return "'\\u00\(hex[Int(byte >> 4)])\(hex[Int(byte & 0xF)])'"
      }
      return "'\(Character(Unicode.Scalar(byte)))'"
    }
  }
}
