import Yams

/// Rewords Yams (libyaml) errors as go-yaml v2 words them inside kubectl:
/// `error converting YAML to JSON: yaml: line N: PROBLEM`.
///
/// go-yaml takes N from libyaml's 0-based problem mark: scanner errors add
/// one, parser errors do not (so they name the line before the problem),
/// and a 0 means no `line N: ` part at all.
enum YAMLErrorTranslator {
  static let prefix = "error converting YAML to JSON: yaml: "

  /// The kubectl message and the whole-input position for an error met in a
  /// piece whose first line is `startLine`.
  static func translate(_ error: YamlError, piece: String, startLine: Int) -> (
    String, ManifestPosition?
  ) {
    func position(_ mark: Mark) -> ManifestPosition {
      ManifestPosition(line: startLine - 1 + mark.line, column: mark.column)
    }
    switch error {
    case .scanner(_, let problem, let mark, _):
      let line = mark.line - 1 == 0 ? "" : "line \(mark.line): "
      return (prefix + line + problem, position(mark))
    case .parser(_, let problem, let mark, _):
      let line = mark.line - 1 == 0 ? "" : "line \(mark.line - 1): "
      return (prefix + line + problem, position(mark))
    case .reader(let problem, let offset, _, _):
      var place: ManifestPosition?
      if let offset {
        let before = piece.prefix(offset)
        let line = before.count(where: { $0 == "\n" })
        let column = before.reversed().prefix(while: { $0 != "\n" }).count + 1
        place = ManifestPosition(line: startLine + line, column: column)
      }
      return (prefix + problem, place)
    case .composer(_, let problem, let mark, _) where problem == "found undefined alias":
      return (prefix + undefinedAlias(at: mark, in: piece), position(mark))
    case .composer(_, let problem, let mark, _):
      return (prefix + problem, position(mark))
    case .duplicatedKeysInMapping(let duplicates, let context):
      let key = GoScalar.goQuoted(
        (duplicates.first ?? "").replacingOccurrences(of: "\u{E000}", with: ""))
      return (
        prefix + "unmarshal errors:\n  line \(context.mark.line): key \(key) already set in map",
        position(context.mark)
      )
    default:
      return (prefix + error.description, nil)
    }
  }

  /// go-yaml's two alias errors.
  ///
  /// Yams registers an anchor only once its node is complete, so an alias inside its own anchor's node is "undefined" to
  /// Yams, while go-yaml says the anchor's value contains itself.
  private static func undefinedAlias(at mark: Mark, in piece: String) -> String {
    let lines = piece.split(separator: "\n", omittingEmptySubsequences: false)
    guard mark.line - 1 < lines.count else { return "unknown anchor '' referenced" }
    let line = Array(lines[mark.line - 1].unicodeScalars)
    var index = mark.column - 1
    if index < line.count, line[index] == "*" { index += 1 }
    var name = String.UnicodeScalarView()
    while index < line.count, isAnchorCharacter(line[index]) {
      name.append(line[index])
      index += 1
    }
    let anchor = String(name)
    let before =
      lines[..<(mark.line - 1)].joined(separator: "\n") + "\n"
      + String(String.UnicodeScalarView(line[..<max(mark.column - 1, 0)]))
    if definesAnchor(anchor, in: before) {
      return "anchor '\(anchor)' value contains itself"
    }
    return "unknown anchor '\(anchor)' referenced"
  }

  private static func definesAnchor(_ name: String, in text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    let target = Array(name.unicodeScalars)
    var index = 0
    while index < scalars.count {
      if scalars[index] == "&" {
        let start = index + 1
        var end = start
        while end < scalars.count, isAnchorCharacter(scalars[end]) { end += 1 }
        if Array(scalars[start..<end]) == target { return true }
        index = end
      } else {
        index += 1
      }
    }
    return false
  }

  /// libyaml's anchor characters: ASCII letters, digits, `_` and `-`.
  private static func isAnchorCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "0"..."9", "a"..."z", "A"..."Z", "_", "-": true
    default: false
    }
  }
}
