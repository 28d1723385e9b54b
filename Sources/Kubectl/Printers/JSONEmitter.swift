import KubeCluster

/// kubectl's `-o json`: Go's `json.MarshalIndent(object, "", "    ")` plus a
/// final newline.
///
/// Strings are escaped as Go escapes them by default (`<`, `>` and `&` as
/// `\u003c`, `\u003e`, `\u0026`), and floats are written as Go writes them.
package enum JSONEmitter {
  /// The JSON text of `value`, ending with a newline.
  ///
  /// With `sortKeys`, object keys are sorted byte-wise, as Go sorts map keys
  /// (server objects); without it they keep the value's order (Go struct
  /// order, as client-side `--dry-run=client -o json` prints).
  package static func emit(_ value: JSONValue, sortKeys: Bool) -> String {
    var out = ""
    write(value, sortKeys: sortKeys, depth: 0, into: &out)
    out += "\n"
    return out
  }

  /// The error kubectl prints instead of JSON for `value`, if any: Go's JSON
  /// encoder refuses NaN and infinities.
  package static func kubectlError(for value: JSONValue) -> String? {
    switch value {
    case .double(let number) where !number.isFinite:
      return "json: unsupported value: " + GoFloatFormat.json(number)
    case .array(let items):
      return items.lazy.compactMap(kubectlError(for:)).first
    case .object(let object):
      return object.lazy.compactMap { kubectlError(for: $0.value) }.first
    default:
      return nil
    }
  }

  /// A JSON string literal with Go's default escaping.
  package static func quoted(_ text: String) -> String {
    var out = "\""
    let hex = Array("0123456789abcdef".unicodeScalars)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "<", ">", "&", "\u{2028}", "\u{2029}":
        out += "\\u"
        for shift in stride(from: 12, through: 0, by: -4) {
          out.unicodeScalars.append(hex[Int((scalar.value >> UInt32(shift)) & 0xF)])
        }
      default:
        if scalar.value < 0x20 {
          out += "\\u00"
          out.unicodeScalars.append(hex[Int(scalar.value >> 4)])
          out.unicodeScalars.append(hex[Int(scalar.value & 0xF)])
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  private static func write(_ value: JSONValue, sortKeys: Bool, depth: Int, into out: inout String)
  {
    switch value {
    case .null: out += "null"
    case .bool(let flag): out += flag ? "true" : "false"
    case .int(let number): out += String(number)
    case .double(let number): out += number.isFinite ? GoFloatFormat.json(number) : "null"
    case .string(let text): out += quoted(text)
    case .array(let items):
      guard !items.isEmpty else {
        out += "[]"
        return
      }
      out += "["
      for (index, item) in items.enumerated() {
        out += index == 0 ? "\n" : ",\n"
        indent(depth + 1, into: &out)
        write(item, sortKeys: sortKeys, depth: depth + 1, into: &out)
      }
      out += "\n"
      indent(depth, into: &out)
      out += "]"
    case .object(let object):
      guard !object.isEmpty else {
        out += "{}"
        return
      }
      let keys =
        sortKeys ? object.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } : object.keys
      out += "{"
      for (index, key) in keys.enumerated() {
        out += index == 0 ? "\n" : ",\n"
        indent(depth + 1, into: &out)
        out += quoted(key)
        out += ": "
        write(object[key] ?? .null, sortKeys: sortKeys, depth: depth + 1, into: &out)
      }
      out += "\n"
      indent(depth, into: &out)
      out += "}"
    }
  }

  private static func indent(_ depth: Int, into out: inout String) {
    out += String(repeating: "    ", count: depth)
  }
}
