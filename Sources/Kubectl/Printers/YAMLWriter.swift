import KubeCluster

/// The block-style emitter behind `YAMLEmitter`: libyaml's emitter as
/// go-yaml v2 drives it when it marshals a map, rebuilt as a recursive walk.
///
/// The state (column, indentation stack, the `whitespace` and `indention`
/// flags) follows libyaml exactly, because kubectl's output depends on it:
/// where long lines fold, when a sequence is indentless, when a key needs
/// the explicit `? ` form.
struct YAMLWriter {
  /// The scalar styles go-yaml asks for; the analysis may fall back.
  enum Style {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal
  }

  /// A scalar ready to write: its text and the style go-yaml requests.
  struct Scalar {
    var text: String
    var style: Style
  }

  /// libyaml's `best_width`: plain and quoted scalars fold past this column.
  static let width = 80
  /// libyaml's `best_indent`.
  static let indentStep = 2
  /// Keys longer than this many bytes need the explicit `? ` form.
  static let simpleKeyLimit = 128

  /// The text written so far, as UTF-8.
  private var bytes: [UInt8] = []
  private var column = 0
  private var indent = -1
  private var indents: [Int] = []
  private var whitespace = true
  private var indention = true

  // MARK: Documents and nodes

  /// The text written so far.
  var output: String { String(decoding: bytes, as: UTF8.self) }

  /// Writes `value` as the root of a document and ends the document.
  mutating func document(_ value: JSONValue) {
    node(value, mapping: false, simpleKey: false)
    writeIndent()
  }

  private mutating func node(_ value: JSONValue, mapping: Bool, simpleKey: Bool) {
    switch value {
    case .array(let items):
      if items.isEmpty {
        emptyCollection(open: "[", close: "]")
      } else {
        sequence(items, mappingContext: mapping)
      }
    case .object(let object):
      if object.isEmpty {
        emptyCollection(open: "{", close: "}")
      } else {
        mappingNode(object)
      }
    default:
      scalar(YAMLEmitter.scalar(for: value), simpleKey: simpleKey)
    }
  }

  /// `[]` or `{}`: libyaml switches to flow style for empty collections,
  /// the only flow content go-yaml's marshaller ever produces.
  private mutating func emptyCollection(open: String, close: String) {
    writeIndicator(open, needWhitespace: true, isWhitespace: true, isIndention: false)
    writeIndicator(close, needWhitespace: false, isWhitespace: false, isIndention: false)
  }

  /// A block sequence; inside a mapping value it is "indentless"
  /// (`containers:` then `- name: x` at the key's column).
  private mutating func sequence(_ items: [JSONValue], mappingContext: Bool) {
    increaseIndent(flow: false, indentless: mappingContext && !indention)
    for item in items {
      writeIndent()
      writeIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true)
      node(item, mapping: false, simpleKey: false)
    }
    popIndent()
  }

  private mutating func mappingNode(_ object: JSONObject) {
    increaseIndent(flow: false, indentless: false)
    let keys = YAMLKeyOrder.sorted(object.keys)
    for key in keys {
      writeIndent()
      let keyScalar = YAMLEmitter.scalar(for: .string(key))
      let analysis = YAMLScalarAnalysis(Array(keyScalar.text.unicodeScalars))
      let value = object[key] ?? .null
      if !analysis.multiline && keyScalar.text.utf8.count <= Self.simpleKeyLimit {
        scalar(keyScalar, simpleKey: true)
        writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
      } else {
        writeIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: true)
        scalar(keyScalar, simpleKey: false)
        writeIndent()
        writeIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: true)
      }
      node(value, mapping: true, simpleKey: false)
    }
    popIndent()
  }

  // MARK: Scalars

  private mutating func scalar(_ scalar: Scalar, simpleKey: Bool) {
    let scalars = Array(scalar.text.unicodeScalars)
    let analysis = YAMLScalarAnalysis(scalars)
    let style = selectStyle(
      scalar.style, analysis: analysis, isEmpty: scalars.isEmpty, simpleKey: simpleKey)
    increaseIndent(flow: true, indentless: false)
    switch style {
    case .plain: writePlain(scalars, allowBreaks: !simpleKey)
    case .singleQuoted: writeSingleQuoted(scalars, allowBreaks: !simpleKey)
    case .doubleQuoted: writeDoubleQuoted(scalars, allowBreaks: !simpleKey)
    case .literal: writeLiteral(scalars)
    }
    popIndent()
  }

  /// `yaml_emitter_select_scalar_style`: falls back plain → single-quoted →
  /// double-quoted, and literal → double-quoted, when the text demands it.
  ///
  /// Scalars only ever appear in block context here (empty collections are
  /// the only flow nodes), so libyaml's flow-level conditions drop out.
  private func selectStyle(
    _ requested: Style, analysis: YAMLScalarAnalysis, isEmpty: Bool, simpleKey: Bool
  ) -> Style {
    var style = requested
    if simpleKey && analysis.multiline { style = .doubleQuoted }
    if style == .plain {
      if !analysis.blockPlainAllowed { style = .singleQuoted }
      if isEmpty && simpleKey { style = .singleQuoted }
    }
    if style == .singleQuoted && !analysis.singleQuotedAllowed { style = .doubleQuoted }
    if style == .literal && (!analysis.blockAllowed || simpleKey) {
      style = .doubleQuoted
    }
    return style
  }

  private mutating func writePlain(_ text: [Unicode.Scalar], allowBreaks: Bool) {
    if !whitespace { put(" ") }
    var spaces = false
    var breaks = false
    for (index, scalar) in text.enumerated() {
      if scalar == " " {
        let nextIsSpace = index + 1 < text.count && text[index + 1] == " "
        if allowBreaks && !spaces && column > Self.width && !nextIsSpace {
          writeIndent()
        } else {
          put(scalar)
        }
        spaces = true
      } else if YAMLCharacters.isBreak(scalar) {
        if !breaks && scalar == "\n" { putBreak() }
        writeBreak(scalar)
        indention = true
        breaks = true
      } else {
        if breaks { writeIndent() }
        put(scalar)
        indention = false
        spaces = false
        breaks = false
      }
    }
    whitespace = false
    indention = false
  }

  private mutating func writeSingleQuoted(_ text: [Unicode.Scalar], allowBreaks: Bool) {
    writeIndicator("'", needWhitespace: true, isWhitespace: false, isIndention: false)
    var spaces = false
    var breaks = false
    for (index, scalar) in text.enumerated() {
      if scalar == " " {
        if allowBreaks && !spaces && column > Self.width && index > 0 && index < text.count - 1
          && text[index + 1] != " "
        {
          writeIndent()
        } else {
          put(scalar)
        }
        spaces = true
      } else if YAMLCharacters.isBreak(scalar) {
        if !breaks && scalar == "\n" { putBreak() }
        writeBreak(scalar)
        indention = true
        breaks = true
      } else {
        if breaks { writeIndent() }
        if scalar == "'" { put("'") }
        put(scalar)
        indention = false
        spaces = false
        breaks = false
      }
    }
    writeIndicator("'", needWhitespace: false, isWhitespace: false, isIndention: false)
    whitespace = false
    indention = false
  }

  private mutating func writeDoubleQuoted(_ text: [Unicode.Scalar], allowBreaks: Bool) {
    writeIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false)
    // libyaml checks for a byte order mark at the start of the value, not at
    // the current character, so such a value is escaped from end to end.
    let startsWithBOM = text.first == "\u{FEFF}"
    var spaces = false
    for (index, scalar) in text.enumerated() {
      if startsWithBOM || !YAMLCharacters.isPrintable(scalar) || YAMLCharacters.isBreak(scalar)
        || scalar == "\"" || scalar == "\\"
      {
        put("\\")
        writeEscape(scalar)
        spaces = false
      } else if scalar == " " {
        if allowBreaks && !spaces && column > Self.width && index > 0 && index < text.count - 1 {
          writeIndent()
          if text[index + 1] == " " { put("\\") }
        } else {
          put(scalar)
        }
        spaces = true
      } else {
        put(scalar)
        spaces = false
      }
    }
    writeIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false)
    whitespace = false
    indention = false
  }

  /// The part of an escape after the backslash.
  private mutating func writeEscape(_ scalar: Unicode.Scalar) {
    let short: Unicode.Scalar? =
      switch scalar.value {
      case 0x00: "0"
      case 0x07: "a"
      case 0x08: "b"
      case 0x09: "t"
      case 0x0A: "n"
      case 0x0B: "v"
      case 0x0C: "f"
      case 0x0D: "r"
      case 0x1B: "e"
      case 0x22: "\""
      case 0x5C: "\\"
      case 0x85: "N"
      case 0xA0: "_"
      case 0x2028: "L"
      case 0x2029: "P"
      default: nil
      }
    if let short {
      put(short)
      return
    }
    let (marker, digits): (Unicode.Scalar, Int) =
      scalar.value <= 0xFF ? ("x", 2) : scalar.value <= 0xFFFF ? ("u", 4) : ("U", 8)
    put(marker)
    let hex = Array("0123456789ABCDEF".unicodeScalars)
    for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
      put(hex[Int((scalar.value >> UInt32(shift)) & 0xF)])
    }
  }

  private mutating func writeLiteral(_ text: [Unicode.Scalar]) {
    writeIndicator("|", needWhitespace: true, isWhitespace: false, isIndention: false)
    writeBlockHints(text)
    putBreak()
    indention = true
    whitespace = true
    var breaks = true
    for scalar in text {
      if YAMLCharacters.isBreak(scalar) {
        writeBreak(scalar)
        indention = true
        breaks = true
      } else {
        if breaks { writeIndent() }
        put(scalar)
        indention = false
        breaks = false
      }
    }
  }

  /// The indentation hint (when the text starts with a space or a break)
  /// and the chomping indicator: `-` without a final break, `+` with more
  /// than one, nothing with exactly one.
  private mutating func writeBlockHints(_ text: [Unicode.Scalar]) {
    if let first = text.first, first == " " || YAMLCharacters.isBreak(first) {
      writeIndicator(
        String(Self.indentStep), needWhitespace: false, isWhitespace: false, isIndention: false)
    }
    var chomp: String?
    if let last = text.last {
      if !YAMLCharacters.isBreak(last) {
        chomp = "-"
      } else if text.count == 1 || YAMLCharacters.isBreak(text[text.count - 2]) {
        chomp = "+"
      }
    } else {
      chomp = "-"
    }
    if let chomp {
      writeIndicator(chomp, needWhitespace: false, isWhitespace: false, isIndention: false)
    }
  }

  // MARK: libyaml's output primitives

  private mutating func increaseIndent(flow: Bool, indentless: Bool) {
    indents.append(indent)
    if indent < 0 {
      indent = flow ? Self.indentStep : 0
    } else if !indentless {
      indent += Self.indentStep
    }
  }

  private mutating func popIndent() {
    indent = indents.removeLast()
  }

  private mutating func writeIndent() {
    let target = max(indent, 0)
    if !indention || column > target || (column == target && !whitespace) {
      putBreak()
    }
    while column < target { put(" ") }
    whitespace = true
    indention = true
  }

  private mutating func writeIndicator(
    _ indicator: String, needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool
  ) {
    if needWhitespace && !whitespace { put(" ") }
    for scalar in indicator.unicodeScalars { put(scalar) }
    whitespace = isWhitespace
    indention = indention && isIndention
  }

  private mutating func put(_ scalar: Unicode.Scalar) {
    append(scalar)
    column += 1
  }

  private mutating func putBreak() {
    bytes.append(UInt8(ascii: "\n"))
    column = 0
  }

  private mutating func append(_ scalar: Unicode.Scalar) {
    if scalar.isASCII {
      bytes.append(UInt8(scalar.value))
    } else {
      if let encoded = UTF8.encode(scalar) { bytes.append(contentsOf: encoded) }
    }
  }

  /// A break from the text: LF becomes a newline; CR, NEL, LS and PS are
  /// copied as they are but still start a new line.
  private mutating func writeBreak(_ scalar: Unicode.Scalar) {
    if scalar == "\n" {
      putBreak()
    } else {
      append(scalar)
      column = 0
    }
  }
}
