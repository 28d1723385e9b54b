import KubeCluster

/// kubectl's `-o yaml`: the text sigs.k8s.io/yaml prints for an object.
///
/// kubectl marshals the object to JSON, reads that JSON back with go-yaml v2
/// into plain maps, and marshals the maps with go-yaml. So keys come out in
/// go-yaml's order (`YAMLKeyOrder`), numbers as go-yaml reads JSON numbers,
/// and strings quoted only where go-yaml would otherwise read them as
/// something else (`"yes"`, `"1"`, `""`) or where libyaml's emitter needs
/// quotes (`'#x'`, `'  lead'`).
package enum YAMLEmitter {
  /// The YAML text of `value`, ending with a newline.
  ///
  /// Call `kubectlError(for:)` first where kubectl may refuse the value.
  package static func emit(_ value: JSONValue) -> String {
    var writer = YAMLWriter()
    writer.document(value)
    return writer.output
  }

  /// The error kubectl prints instead of YAML for `value`, if any.
  ///
  /// go-yaml's reader rejects a few characters that Go's JSON encoder leaves
  /// unescaped (DEL, most C1 controls, U+FFFE, U+FFFF), and Go's JSON encoder
  /// rejects NaN and infinities.
  package static func kubectlError(for value: JSONValue) -> String? {
    switch value {
    case .double(let number) where !number.isFinite:
      return "error marshaling into JSON: json: unsupported value: " + GoFloatFormat.json(number)
    case .string(let text):
      return text.unicodeScalars.allSatisfy(isReadableAfterJSON) ? nil : controlCharacters
    case .array(let items):
      return items.lazy.compactMap(kubectlError(for:)).first
    case .object(let object):
      for (key, member) in object {
        if !key.unicodeScalars.allSatisfy(isReadableAfterJSON) { return controlCharacters }
        if let error = kubectlError(for: member) { return error }
      }
      return nil
    default:
      return nil
    }
  }

  private static let controlCharacters = "yaml: control characters are not allowed"

  /// Whether go-yaml's reader accepts `scalar` as Go's JSON encoder writes it
  /// (controls below U+0020 and U+2028/U+2029 are escaped, so they pass).
  private static func isReadableAfterJSON(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029
      || YAMLCharacters.isAllowedInput(scalar)
  }

  // MARK: Scalars

  /// The text and requested style go-yaml uses for a scalar value.
  static func scalar(for value: JSONValue) -> YAMLWriter.Scalar {
    switch value {
    case .null: YAMLWriter.Scalar(text: "null", style: .plain)
    case .bool(let flag): YAMLWriter.Scalar(text: flag ? "true" : "false", style: .plain)
    case .int(let number): YAMLWriter.Scalar(text: String(number), style: .plain)
    case .double(let float): YAMLWriter.Scalar(text: number(float), style: .plain)
    case .string(let text): string(text)
    case .array, .object: YAMLWriter.Scalar(text: value.compactJSON, style: .plain)
    }
  }

  /// A number as go-yaml prints it after reading Go's JSON for it: integral
  /// values come back as integers, the rest as float64 in `%g` form.
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return GoFloatFormat.yaml(value) }
    let json = GoFloatFormat.json(value)
    switch YAMLResolvedScalar.resolve(json) {
    case .int(let integer): return String(integer)
    case .uint(let integer): return String(integer)
    case .float(let float): return GoFloatFormat.yaml(float)
    default: return json
    }
  }

  /// go-yaml's `stringv`: literal style for text with a newline, plain when
  /// the text reads back as the same string, double quotes otherwise.
  static func string(_ raw: String) -> YAMLWriter.Scalar {
    let text = foldingNextLines(raw)
    if text.unicodeScalars.contains("\n") {
      return YAMLWriter.Scalar(text: text, style: .literal)
    }
    let plain =
      YAMLResolvedScalar.resolve(text) == .string && !YAMLResolvedScalar.isBase60Float(text)
    return YAMLWriter.Scalar(text: text, style: plain ? .plain : .doubleQuoted)
  }

  /// What go-yaml reads for a string that Go's JSON encoder wrote with raw
  /// NEL characters (U+0085, which Go does not escape).
  ///
  /// Inside a double-quoted scalar a NEL is a line break, so the run of
  /// spaces and NELs around it folds: one NEL becomes a space, `n` NELs
  /// become `n - 1` newlines.
  static func foldingNextLines(_ text: String) -> String {
    guard text.unicodeScalars.contains("\u{85}") else { return text }
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      guard scalars[index] == " " || scalars[index] == "\u{85}" else {
        out.append(scalars[index])
        index += 1
        continue
      }
      let start = index
      var breaks = 0
      while index < scalars.count, scalars[index] == " " || scalars[index] == "\u{85}" {
        if scalars[index] == "\u{85}" { breaks += 1 }
        index += 1
      }
      if breaks == 0 {
        out.append(contentsOf: scalars[start..<index])
      } else if breaks == 1 {
        out.append(" ")
      } else {
        out.append(contentsOf: repeatElement("\n" as Unicode.Scalar, count: breaks - 1))
      }
    }
    return String(out)
  }
}
