/// Finds aliases written as mapping keys (`*name : value`, `? *name`) in a
/// YAML document's text, outside quotes, comments and block scalars.
///
/// Yams hashes every mapping key to look for duplicates, and an alias key
/// hashes the whole structure it names, so a key such as `? *bomb` would
/// take exponential time. `ManifestDecoder` swaps such keys for placeholders
/// before Yams sees them and `YAMLNodeConverter` resolves them the way
/// go-yaml does.
enum YAMLAliasKeyScanner {
  /// An alias key: where its `*` is (1-based, in Unicode scalars) and the
  /// anchor it names.
  struct AliasKey: Equatable {
    var line: Int
    var column: Int
    var name: String
  }

  /// The alias keys of `text`, in order.
  static func aliasKeys(in text: String) -> [AliasKey] {
    guard text.utf8.contains(UInt8(ascii: "*")) else { return [] }
    var keys: [AliasKey] = []
    var quote: Unicode.Scalar?
    var blockParentIndent: Int?
    var lineNumber = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let scalars = Array(line.unicodeScalars)
      let indent = scalars.prefix(while: { $0 == " " }).count
      if let parent = blockParentIndent {
        if indent == scalars.count || indent > parent { continue }
        blockParentIndent = nil
      }
      var index = 0
      while index < scalars.count {
        let scalar = scalars[index]
        if let open = quote {
          if open == "\"" && scalar == "\\" {
            index += 2
            continue
          }
          if scalar == open {
            if open == "'" && index + 1 < scalars.count && scalars[index + 1] == "'" {
              index += 2
              continue
            }
            quote = nil
          }
          index += 1
          continue
        }
        let atTokenStart = index == 0 || " \t[{,".unicodeScalars.contains(scalars[index - 1])
        switch scalar {
        case "#" where index == 0 || scalars[index - 1] == " " || scalars[index - 1] == "\t":
          index = scalars.count
          continue
        case "\"" where atTokenStart, "'" where atTokenStart:
          quote = scalar
        case "|" where atTokenStart && isBlockScalarHeader(scalars[(index + 1)...]),
          ">" where atTokenStart && isBlockScalarHeader(scalars[(index + 1)...]):
          blockParentIndent = indent
          index = scalars.count
          continue
        case "*" where atTokenStart:
          var end = index + 1
          while end < scalars.count && isAnchorCharacter(scalars[end]) { end += 1 }
          if end > index + 1
            && (isFollowedByValueIndicator(scalars[end...])
              || isAfterKeyIndicator(scalars[..<index]))
          {
            let name = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
            keys.append(AliasKey(line: lineNumber, column: index + 1, name: name))
          }
          index = end
          continue
        default:
          break
        }
        index += 1
      }
    }
    return keys
  }

  /// `: ` (or `:` at the end, or before a flow indicator) after optional spaces.
  private static func isFollowedByValueIndicator(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
    let afterSpaces = rest.drop(while: { $0 == " " || $0 == "\t" })
    guard afterSpaces.first == ":" else { return false }
    let next = afterSpaces.dropFirst().first
    return next == nil || " \t,]}".unicodeScalars.contains(next ?? " ")
  }

  /// `? ` right before the alias: an explicit key.
  private static func isAfterKeyIndicator(_ before: ArraySlice<Unicode.Scalar>) -> Bool {
    let trimmed = before.reversed().drop(while: { $0 == " " || $0 == "\t" })
    guard trimmed.first == "?" else { return false }
    let beforeIndicator = trimmed.dropFirst().first
    return beforeIndicator == nil || " \t[{,-".unicodeScalars.contains(beforeIndicator ?? " ")
  }

  /// `|` or `>` followed only by indentation and chomping indicators, then
  /// the end of the line or a comment.
  private static func isBlockScalarHeader(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
    let afterIndicators = rest.drop(while: { ("0"..."9").contains($0) || $0 == "+" || $0 == "-" })
    let afterSpaces = afterIndicators.drop(while: { $0 == " " || $0 == "\t" })
    return afterSpaces.isEmpty
      || (afterSpaces.first == "#" && afterSpaces.count < afterIndicators.count)
  }

  /// libyaml's anchor characters: ASCII letters, digits, `_` and `-`.
  static func isAnchorCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "0"..."9", "a"..."z", "A"..."Z", "_", "-": true
    default: false
    }
  }
}
