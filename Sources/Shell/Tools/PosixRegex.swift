import Foundation

/// Translates POSIX basic and extended regular expressions, with GNU's
/// extensions (`\<`, `\>`, `\w`, `\s`, `\+`, `\?`, `\|` in basic), into
/// ICU syntax for `NSRegularExpression`.
///
/// The differences that matter: in basic syntax `(`, `)`, `{`, `}`, `|`,
/// `+` and `?` are literal and their backslashed forms are operators; a
/// leading `*` is literal; and inside brackets a backslash is literal and
/// `[:class:]` names a class.
enum PosixRegex {
  /// Why a pattern is not a valid regular expression, in GNU's words.
  struct Invalid: Error {
    var message: String
  }

  private static let classes: [String: String] = [
    "alpha": "a-zA-Z", "digit": "0-9", "alnum": "a-zA-Z0-9", "upper": "A-Z", "lower": "a-z",
    "space": " \\t\\n\\r\\f\\x0B", "blank": " \\t", "xdigit": "0-9A-Fa-f",
    "punct": "\\x21-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7E", "cntrl": "\\x00-\\x1F\\x7F",
    "print": "\\x20-\\x7E", "graph": "\\x21-\\x7E",
  ]

  /// The ICU form of `pattern`.
  static func translate(_ pattern: String, extended: Bool) throws(Invalid) -> String {
    let characters = Array(pattern)
    var output = ""
    var index = 0
    var depth = 0
    /// Whether the next character starts an expression, where `*` is literal.
    var atStart = true
    while index < characters.count {
      let character = characters[index]
      index += 1
      let wasAtStart = atStart
      atStart = false
      switch character {
      case "[":
        output += try bracket(characters, &index)
      case "\\":
        guard index < characters.count else { throw Invalid(message: "Trailing backslash") }
        let next = characters[index]
        index += 1
        switch next {
        case "(" where !extended:
          output += "("
          depth += 1
          atStart = true
        case ")" where !extended:
          guard depth > 0 else { throw Invalid(message: "Unmatched ) or \\)") }
          depth -= 1
          output += ")"
        case "{" where !extended: output += "{"
        case "}" where !extended: output += "}"
        case "|" where !extended:
          output += "|"
          atStart = true
        case "+" where !extended, "?" where !extended: output.append(next)
        case "<": output += "\\b(?=\\w)"
        case ">": output += "\\b(?<=\\w)"
        case "b", "B", "w", "W", "s", "S", "1"..."9": output += "\\" + String(next)
        case "`": output += "\\A"
        case "'": output += "\\z"
        default: output += literal(next)
        }
      case "(" where extended:
        depth += 1
        output += "("
        atStart = true
      case ")" where extended:
        guard depth > 0 else { throw Invalid(message: "Unmatched ) or \\)") }
        depth -= 1
        output += ")"
      case "|" where extended:
        output += "|"
        atStart = true
      case "+" where extended, "?" where extended:
        output += wasAtStart ? literal(character) : String(character)
      case "{" where extended:
        if !wasAtStart, isInterval(characters, from: index) {
          output += "{"
          while index < characters.count, characters[index] != "}" {
            output.append(characters[index])
            index += 1
          }
          output += "}"
          index += 1
        } else {
          output += "\\{"
        }
      case "*":
        output += wasAtStart ? "\\*" : "*"
      case "^":
        if extended || wasAtStart {
          output += "^"
          atStart = true
        } else {
          output += "\\^"
        }
      case "$":
        let atEnd =
          index == characters.count
          || (!extended && index + 1 < characters.count && characters[index] == "\\"
            && (characters[index + 1] == ")" || characters[index + 1] == "|"))
        output += extended || atEnd ? "$" : "\\$"
      case ".":
        output += "."
      default:
        output += literal(character)
      }
    }
    guard depth == 0 else { throw Invalid(message: "Unmatched ( or \\(") }
    return output
  }

  /// Whether `{` before `start` opens a valid interval such as `{2}` or `{1,3}`.
  private static func isInterval(_ characters: [Character], from start: Int) -> Bool {
    var index = start
    var sawDigit = false
    while index < characters.count, characters[index].isASCII, characters[index].isNumber {
      index += 1
      sawDigit = true
    }
    if index < characters.count, characters[index] == "," {
      index += 1
      while index < characters.count, characters[index].isASCII, characters[index].isNumber {
        index += 1
      }
    }
    return sawDigit && index < characters.count && characters[index] == "}"
  }

  /// A character that must match itself in ICU syntax.
  private static func literal(_ character: Character) -> String {
    if character.isLetter || character.isNumber || character == " " || character == "_" {
      return String(character)
    }
    if character.isASCII {
      return "\\" + String(character)
    }
    return String(character)
  }

  /// Translates a bracket expression whose `[` is just before `index`.
  private static func bracket(_ characters: [Character], _ index: inout Int) throws(Invalid)
    -> String
  {
    var output = "["
    if index < characters.count && characters[index] == "^" {
      output += "^"
      index += 1
    }
    var first = true
    while true {
      guard index < characters.count else {
        throw Invalid(message: "Unmatched [, [^, [:, [., or [=")
      }
      let character = characters[index]
      if character == "]" && !first {
        index += 1
        return output + "]"
      }
      first = false
      if character == "[", index + 1 < characters.count, ":=.".contains(characters[index + 1]) {
        let kind = characters[index + 1]
        var close = index + 2
        while close + 1 < characters.count
          && !(characters[close] == kind && characters[close + 1] == "]")
        {
          close += 1
        }
        guard close + 1 < characters.count else {
          throw Invalid(message: "Unmatched [, [^, [:, [., or [=")
        }
        let name = String(characters[(index + 2)..<close])
        index = close + 2
        if kind == ":" {
          guard let members = classes[name] else {
            throw Invalid(message: "Invalid character class name")
          }
          output += members
        } else {
          output += name.map(literal).joined()
        }
        continue
      }
      index += 1
      if index + 1 < characters.count, characters[index] == "-", characters[index + 1] != "]" {
        let high = characters[index + 1]
        index += 2
        guard character <= high else { throw Invalid(message: "Invalid range end") }
        output += literal(character) + "-" + literal(high)
        continue
      }
      output += literal(character)
    }
  }

  /// Compiles one or more patterns as alternatives.
  static func compile(
    _ patterns: [String], extended: Bool, fixed: Bool, ignoreCase: Bool, word: Bool, line: Bool
  ) throws(Invalid) -> NSRegularExpression {
    var alternatives: [String] = []
    for pattern in patterns {
      alternatives.append(
        fixed
          ? NSRegularExpression.escapedPattern(for: pattern)
          : try translate(pattern, extended: extended))
    }
    var combined =
      alternatives.count == 1
      ? alternatives[0] : alternatives.map { "(?:\($0))" }.joined(separator: "|")
    if combined.isEmpty { combined = "(?:)" }
    if word {
      combined = "(?<![\\p{L}\\p{N}_])(?:\(combined))(?![\\p{L}\\p{N}_])"
    } else if line {
      combined = "^(?:\(combined))$"
    }
    do {
      return try NSRegularExpression(
        pattern: combined, options: ignoreCase ? [.caseInsensitive] : [])
    } catch {
      throw Invalid(message: "Invalid regular expression")
    }
  }
}
