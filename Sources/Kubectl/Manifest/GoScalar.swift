import Foundation

/// A scalar as go-yaml v2 decodes it into `interface{}`, before
/// sigs.k8s.io/yaml turns it into JSON.
enum GoScalar: Equatable {
  case null
  case bool(Bool)
  case int(Int)
  case uint(UInt64)
  case float(Double)
  case string(String)

  static let longTagPrefix = "tag:yaml.org,2002:"

  /// Decodes a scalar's text the way go-yaml's `decoder.scalar` does.
  ///
  /// `implicit` is true for plain scalars without a tag (go-yaml's
  /// `implicit`); `tag` is the explicit tag, if any (`!`, `!!str`,
  /// `!!int`, `!foo`). Quoted and block scalars come with `!!str`.
  static func decode(_ text: String, tag: String?, implicit: Bool) throws(GoYAMLFailure) -> GoScalar
  {
    guard let tag, !implicit else {
      return implicit ? untagged(text) : .string(text)
    }
    switch tag {
    case longTagPrefix + "binary":
      return .string(try base64(text))
    case longTagPrefix + "str":
      return .string(text)
    case longTagPrefix + "bool", longTagPrefix + "int", longTagPrefix + "float",
      longTagPrefix + "null",
      longTagPrefix + "timestamp":
      let resolved = YAMLResolvedScalar.resolve(
        text, allowTimestamp: tag == longTagPrefix + "timestamp")
      let resolvedTag = longTag(of: resolved)
      if resolvedTag == tag { return untyped(resolved, text: text) }
      if tag == longTagPrefix + "float", case .int(let integer) = resolved {
        return .float(Double(integer))
      }
      throw GoYAMLFailure("cannot decode \(shortTag(resolvedTag)) `\(text)` as a \(shortTag(tag))")
    default:
      // `!`, `!foo` and other tags go-yaml cannot resolve: the text itself.
      return .string(text)
    }
  }

  private static func untagged(_ text: String) -> GoScalar {
    untyped(YAMLResolvedScalar.resolve(text), text: text)
  }

  private static func untyped(_ resolved: YAMLResolvedScalar, text: String) -> GoScalar {
    switch resolved {
    case .null: .null
    case .bool(let flag): .bool(flag)
    case .int(let integer): .int(integer)
    case .uint(let integer): .uint(integer)
    case .float(let float): .float(float)
    case .timestamp, .merge, .string: .string(text)
    }
  }

  private static func longTag(of resolved: YAMLResolvedScalar) -> String {
    switch resolved {
    case .null: longTagPrefix + "null"
    case .bool: longTagPrefix + "bool"
    case .int, .uint: longTagPrefix + "int"
    case .float: longTagPrefix + "float"
    case .timestamp: longTagPrefix + "timestamp"
    case .merge: longTagPrefix + "merge"
    case .string: longTagPrefix + "str"
    }
  }

  static func shortTag(_ tag: String) -> String {
    tag.hasPrefix(longTagPrefix) ? "!!" + tag.dropFirst(longTagPrefix.count) : tag
  }

  /// Go's `base64.StdEncoding.DecodeString`, which skips line breaks.
  private static func base64(_ text: String) throws(GoYAMLFailure) -> String {
    let compact = text.filter { $0 != "\n" && $0 != "\r" && $0 != "\r\n" }
    guard let data = Data(base64Encoded: compact) else {
      throw GoYAMLFailure("!!binary value contains invalid base64 data")
    }
    return String(decoding: data, as: UTF8.self)
  }

  // MARK: Go syntax

  /// The value as Go's `%#v` prints it, for go-yaml's and sigs.k8s.io/yaml's
  /// error messages (`interface {}(nil)` when `nested`, `<nil>` otherwise).
  func goSyntax(nested: Bool) -> String {
    switch self {
    case .null: nested ? "interface {}(nil)" : "<nil>"
    case .bool(let flag): flag ? "true" : "false"
    case .int(let integer): String(integer)
    case .uint(let integer): "0x" + String(integer, radix: 16)
    case .float(let float):
      float.isNaN
        ? "NaN" : float.isInfinite ? (float < 0 ? "-Inf" : "+Inf") : GoFloatFormat.yaml(float)
    case .string(let text): GoScalar.goQuoted(text)
    }
  }

  /// Go's `strconv.Quote`.
  static func goQuoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\u{07}": out += "\\a"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{0B}": out += "\\v"
      default:
        let value = scalar.value
        if value < 0x20 || value == 0x7F {
          out += "\\x" + hex(value, digits: 2)
        } else if isGoPrintable(scalar) {
          out.unicodeScalars.append(scalar)
        } else if value < 0x10000 {
          out += "\\u" + hex(value, digits: 4)
        } else {
          out += "\\U" + hex(value, digits: 8)
        }
      }
    }
    return out + "\""
  }

  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16)
    return String(repeating: "0", count: max(digits - text.count, 0)) + text
  }

  /// Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols
  /// and the ASCII space.
  private static func isGoPrintable(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == " " { return true }
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .spaceSeparator, .lineSeparator,
      .paragraphSeparator:
      return false
    default:
      return true
    }
  }
}
