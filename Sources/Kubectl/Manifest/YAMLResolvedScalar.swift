/// What an untagged plain scalar means to go-yaml v2 (YAML 1.1 rules), the
/// reader behind sigs.k8s.io/yaml and so behind kubectl.
///
/// The decoder uses it to type plain scalars; the YAML emitter uses it to
/// decide whether a string needs quotes (`"yes"`, `"1"`, `"2024-01-01"`).
package enum YAMLResolvedScalar: Equatable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  /// An integer above `Int.max` that still fits 64 unsigned bits.
  case uint(UInt64)
  case float(Double)
  /// A date or date-time; go-yaml hands these back as strings.
  case timestamp
  /// `<<`, the merge key (only when it is a key, and only in some contexts).
  case merge
  case string

  /// Resolves `text` the way go-yaml v2's `resolve("", text)` does.
  package static func resolve(_ text: String) -> YAMLResolvedScalar {
    resolve(text, allowTimestamp: true)
  }

  /// Resolves `text`; `allowTimestamp` is false when an explicit tag other
  /// than `!!timestamp` asks for the value.
  package static func resolve(_ text: String, allowTimestamp: Bool) -> YAMLResolvedScalar {
    guard let first = text.utf8.first else { return .null }
    switch first {
    case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
      UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
      UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "~"):
      return keyword(text) ?? .string
    case UInt8(ascii: "."):
      if let special = keyword(text) { return special }
      if let value = parseGoFloat(text) { return .float(value) }
      return .string
    case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      if let special = keyword(text) { return special }
      return number(text, allowTimestamp: allowTimestamp)
    default:
      // go-yaml only consults its table of keywords for these first
      // characters, so `<<` itself stays a plain string when encoding.
      return .string
    }
  }

  /// YAML 1.1 sexagesimal floats (`1:20`), which go-yaml quotes on output.
  package static func isBase60Float(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard let first = bytes.first,
      first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || isDigit(first),
      bytes.contains(UInt8(ascii: ":"))
    else { return false }
    // ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$
    var index = 0
    if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count, isDigit(bytes[index]) else { return false }
    index += 1
    while index < bytes.count, isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "_") {
      index += 1
    }
    var groups = 0
    while index < bytes.count, bytes[index] == UInt8(ascii: ":") {
      index += 1
      let start = index
      while index < bytes.count, index - start < 2, isDigit(bytes[index]) { index += 1 }
      switch index - start {
      case 1: break
      case 2 where bytes[start] <= UInt8(ascii: "5"): break
      case 2:
        // `[0-5]?[0-9]` with a first digit above 5 can only be one digit,
        // and then the second digit must end the group, which it does not.
        return false
      default: return false
      }
      groups += 1
    }
    guard groups > 0 else { return false }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      while index < bytes.count, isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "_") {
        index += 1
      }
    }
    return index == bytes.count
  }

  // MARK: Pieces of go-yaml's resolve

  private static func keyword(_ text: String) -> YAMLResolvedScalar? {
    switch text {
    case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": .bool(true)
    case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": .bool(false)
    case "~", "null", "Null", "NULL": .null
    case ".nan", ".NaN", ".NAN": .float(.nan)
    case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": .float(.infinity)
    case "-.inf", "-.Inf", "-.INF": .float(-.infinity)
    default: nil
    }
  }

  /// The digit/sign branch: timestamp, then int, then uint, then float.
  private static func number(_ text: String, allowTimestamp: Bool) -> YAMLResolvedScalar {
    if allowTimestamp && GoTimestamp.matches(text) { return .timestamp }
    let plain = Array(text.utf8.filter { $0 != UInt8(ascii: "_") })
    if let value = parseGoInt(plain[...]) { return .int(value) }
    if let value = parseGoUInt(plain[...]) { return .uint(value) }
    if isYAMLStyleFloat(plain), let value = parseGoFloat(String(decoding: plain, as: UTF8.self)) {
      return .float(value)
    }
    if plain.starts(with: Array("0b".utf8)), let value = parseDigits(plain.dropFirst(2), base: 2) {
      return value <= UInt64(Int.max) ? .int(Int(value)) : .uint(value)
    }
    if plain.starts(with: Array("-0b".utf8)), let value = parseDigits(plain.dropFirst(3), base: 2),
      value <= UInt64(Int.max) + 1
    {
      return .int(value == UInt64(Int.max) + 1 ? Int.min : -Int(value))
    }
    return .string
  }

  /// Whether the text matches go-yaml's float pattern.
  ///
  /// The pattern is `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
  private static func isYAMLStyleFloat(_ bytes: [UInt8]) -> Bool {
    var index = 0
    if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
      index += 1
    }
    let integerStart = index
    while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    let integerDigits = index - integerStart
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      let fractionStart = index
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
      if integerDigits == 0 && index == fractionStart { return false }
    } else if integerDigits == 0 {
      return false
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
      {
        index += 1
      }
      let exponentStart = index
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
      if index == exponentStart { return false }
    }
    return index == bytes.count
  }

  /// `strconv.ParseInt(text, 0, 64)`: a sign, then `0x`, `0o`, `0b` or a
  /// leading `0` (octal) prefix.
  static func parseGoInt(_ bytes: ArraySlice<UInt8>) -> Int? {
    var rest = bytes
    var negative = false
    if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
      negative = sign == UInt8(ascii: "-")
      rest = rest.dropFirst()
    }
    guard let magnitude = parseGoUInt(rest) else { return nil }
    if negative {
      guard magnitude <= UInt64(Int.max) + 1 else { return nil }
      return magnitude == UInt64(Int.max) + 1 ? Int.min : -Int(magnitude)
    }
    guard magnitude <= UInt64(Int.max) else { return nil }
    return Int(magnitude)
  }

  /// `strconv.ParseUint(text, 0, 64)`.
  static func parseGoUInt(_ bytes: ArraySlice<UInt8>) -> UInt64? {
    guard let first = bytes.first else { return nil }
    guard first == UInt8(ascii: "0"), bytes.count > 1 else {
      return parseDigits(bytes, base: 10)
    }
    let marker = bytes[bytes.startIndex + 1] | 0x20
    if bytes.count >= 3 {
      switch marker {
      case UInt8(ascii: "b"): return parseDigits(bytes.dropFirst(2), base: 2)
      case UInt8(ascii: "o"): return parseDigits(bytes.dropFirst(2), base: 8)
      case UInt8(ascii: "x"): return parseDigits(bytes.dropFirst(2), base: 16)
      default: break
      }
    }
    return parseDigits(bytes.dropFirst(), base: 8, allowEmpty: true)
  }

  private static func parseDigits(
    _ bytes: ArraySlice<UInt8>, base: UInt64, allowEmpty: Bool = false
  ) -> UInt64? {
    guard allowEmpty || !bytes.isEmpty else { return nil }
    var value: UInt64 = 0
    for byte in bytes {
      let digit: UInt64
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = UInt64(byte - UInt8(ascii: "a")) + 10
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = UInt64(byte - UInt8(ascii: "A")) + 10
      default: return nil
      }
      guard digit < base else { return nil }
      let (shifted, overflowA) = value.multipliedReportingOverflow(by: base)
      let (sum, overflowB) = shifted.addingReportingOverflow(digit)
      guard !overflowA, !overflowB else { return nil }
      value = sum
    }
    return value
  }

  /// `strconv.ParseFloat(text, 64)` for decimal text: underscores only
  /// between digits, and out-of-range values rejected as Go rejects them.
  static func parseGoFloat(_ text: String) -> Double? {
    let bytes = Array(text.utf8)
    var index = 0
    if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
      index += 1
    }
    var previous: UInt8 = 0
    var sawDigit = false
    var sawDot = false
    var sawExponent = false
    var exponentDigits = false
    var hasUnderscore = false
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        if sawExponent { exponentDigits = true } else { sawDigit = true }
      case UInt8(ascii: "_"):
        guard isDigit(previous) else { return nil }
        hasUnderscore = true
      case UInt8(ascii: "."):
        guard !sawDot, !sawExponent, previous != UInt8(ascii: "_") else { return nil }
        sawDot = true
      case UInt8(ascii: "e"), UInt8(ascii: "E"):
        guard sawDigit, !sawExponent, previous != UInt8(ascii: "_") else { return nil }
        sawExponent = true
        if index + 1 < bytes.count,
          bytes[index + 1] == UInt8(ascii: "+") || bytes[index + 1] == UInt8(ascii: "-")
        {
          index += 1
        }
      default:
        return nil
      }
      previous = bytes[index]
      index += 1
    }
    guard sawDigit, !sawExponent || exponentDigits, previous != UInt8(ascii: "_") else {
      return nil
    }
    let digits =
      hasUnderscore
      ? String(decoding: bytes.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self) : text
    guard let value = Double(digits), value.isFinite else { return nil }
    return value
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }
}
