import Yams

/// A document's text with the small edits `ManifestDecoder` makes so that
/// Yams composes it the way go-yaml would read it, and the record of those
/// edits that `YAMLNodeConverter` needs to undo them.
///
/// Two edits exist. A marker character goes in front of an earlier duplicate
/// key, which Yams would otherwise refuse (go-yaml keeps the last value).
/// An alias written as a key (`*name :`) becomes a placeholder scalar of the
/// same width, because Yams would hash the whole aliased structure.
struct YAMLEditedText {
  /// Put in front of an earlier duplicate key; removed again on conversion.
  static let duplicateMarker: Unicode.Scalar = "\u{E000}"
  /// Replaces the `*` of an alias key, so `*name` becomes a plain scalar.
  static let aliasPlaceholder: Unicode.Scalar = "\u{E001}"

  private(set) var text: String
  /// Columns where a duplicate marker sits, by line.
  private(set) var insertions: [Int: [Int]] = [:]
  /// Where the keys that start with a duplicate marker start.
  private(set) var markedKeys: Set<ManifestPosition> = []
  /// Where the alias keys turned into placeholders start.
  private(set) var placeholders: Set<ManifestPosition> = []

  /// The text with `aliasKeys` turned into placeholders.
  init(_ text: String, replacingAliasKeys aliasKeys: [YAMLAliasKeyScanner.AliasKey]) {
    guard !aliasKeys.isEmpty else {
      self.text = text
      return
    }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      Array($0.unicodeScalars)
    }
    for key in aliasKeys where lines.indices.contains(key.line - 1) {
      lines[key.line - 1][key.column - 1] = Self.aliasPlaceholder
      placeholders.insert(ManifestPosition(line: key.line, column: key.column))
    }
    self.text = lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
  }

  /// Puts `duplicateMarker` at the start of the key Yams reported as
  /// duplicated (the earlier one), so the next parse gets past it.
  ///
  /// Returns false where the key cannot be marked safely (block scalars,
  /// aliases, complex keys).
  mutating func markDuplicate(at mark: Mark) -> Bool {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      Array($0.unicodeScalars)
    }
    let lineIndex = mark.line - 1
    guard lines.indices.contains(lineIndex) else { return false }
    var line = lines[lineIndex]
    var index = mark.column - 1
    // Step over an anchor or tag in front of the key's text.
    while index < line.count, line[index] == "&" || line[index] == "!" {
      while index < line.count, line[index] != " " { index += 1 }
      while index < line.count, line[index] == " " { index += 1 }
    }
    guard index < line.count else { return false }
    switch line[index] {
    case "\"", "'":
      index += 1
    case "|", ">", "*", "?", "[", "{", "-", "#", "\t":
      return false
    default:
      break
    }
    let column = index + 1
    line.insert(Self.duplicateMarker, at: index)
    lines[lineIndex] = line
    let key = ManifestPosition(line: mark.line, column: mark.column)
    func shifted(_ position: ManifestPosition) -> ManifestPosition {
      guard position.line == mark.line, position.column >= column, position != key else {
        return position
      }
      return ManifestPosition(line: position.line, column: position.column + 1)
    }
    insertions[mark.line] =
      (insertions[mark.line] ?? []).map { $0 >= column ? $0 + 1 : $0 } + [column]
    markedKeys = Set(markedKeys.map(shifted))
    markedKeys.insert(key)
    placeholders = Set(placeholders.map(shifted))
    text = lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
    return true
  }
}
