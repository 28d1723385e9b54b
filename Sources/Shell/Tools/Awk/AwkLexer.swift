/// Splits an awk program into tokens; a `/` starts a regex wherever an
/// operand may start.
struct AwkLexer {
  /// Why the program text is not valid awk, with its line.
  struct SyntaxError: Error {
    var line: Int
    var near: String
    /// A message other than `syntax error at or near NEAR`.
    var message: String?

    /// The error as awk prints it, without the program name.
    var description: String {
      "line \(line): " + (message ?? "syntax error at or near \(near)")
    }
  }

  static let keywords: Set<String> = [
    "BEGIN", "END", "if", "else", "while", "for", "do", "break", "continue", "next", "nextfile",
    "exit", "print", "printf", "getline", "function", "func", "return", "delete", "in",
  ]
  static let builtins: Set<String> = [
    "length", "substr", "index", "split", "sub", "gsub", "match", "sprintf", "tolower", "toupper",
    "int", "sqrt", "exp", "log", "sin", "cos", "atan2", "rand", "srand", "system", "close",
    "fflush",
  ]
  private static let symbols = [
    "**=", "+=", "-=", "*=", "/=", "%=", "^=", "==", "<=", ">=", "!=", "++", "--", "&&", "||", ">>",
    "!~", "**", "{", "}", "(", ")", "[", "]", ";", ",", "+", "-", "*", "/", "%", "^", "!", ">", "<",
    "|", "?", ":", "~", "$", "=",
  ].map { ($0, Array($0)) }

  /// The tokens of `source`, each with its line number.
  static func tokenize(_ source: String) throws(SyntaxError) -> [(token: AwkToken, line: Int)] {
    let characters = Array(source)
    var tokens: [(token: AwkToken, line: Int)] = []
    var index = 0
    var line = 1
    func allowsRegex() -> Bool {
      switch tokens.last?.token {
      case .number?, .string?, .regex?, .name?, .builtin?: return false
      case .symbol(let symbol)? where [")", "]", "$", "++", "--"].contains(symbol): return false
      default: return true
      }
    }
    scan: while index < characters.count {
      let character = characters[index]
      switch character {
      case " ", "\t", "\r":
        index += 1
      case "\\" where index + 1 < characters.count && characters[index + 1] == "\n":
        index += 2
        line += 1
      case "#":
        while index < characters.count && characters[index] != "\n" { index += 1 }
      case "\n":
        tokens.append((.newline, line))
        line += 1
        index += 1
      case "\"":
        index += 1
        var text = ""
        while true {
          guard index < characters.count, characters[index] != "\n" else {
            throw SyntaxError(line: line, near: "\"" + text)
          }
          let next = characters[index]
          index += 1
          if next == "\"" { break }
          guard next == "\\", index < characters.count else {
            text.append(next)
            continue
          }
          let escape = characters[index]
          index += 1
          switch escape {
          case "n": text.append("\n")
          case "t": text.append("\t")
          case "r": text.append("\r")
          case "a": text.append("\u{07}")
          case "b": text.append("\u{08}")
          case "f": text.append("\u{0C}")
          case "v": text.append("\u{0B}")
          case "\"", "\\", "/": text.append(escape)
          case "0"..."7":
            var digits = String(escape)
            while digits.count < 3, index < characters.count,
              ("0"..."7").contains(characters[index])
            {
              digits.append(characters[index])
              index += 1
            }
            if let scalar = Unicode.Scalar(UInt32(digits, radix: 8) ?? 0) {
              text.append(Character(scalar))
            }
          default:
            text += "\\" + String(escape)
          }
        }
        tokens.append((.string(text), line))
      case "/" where allowsRegex():
        index += 1
        var text = ""
        var inBracket = false
        while true {
          guard index < characters.count, characters[index] != "\n" else {
            throw SyntaxError(line: line, near: "/" + text)
          }
          let next = characters[index]
          index += 1
          if next == "/" && !inBracket { break }
          if next == "[" { inBracket = true }
          if next == "]" { inBracket = false }
          if next == "\\", index < characters.count {
            if characters[index] == "/" {
              text.append("/")
            } else {
              text += "\\" + String(characters[index])
            }
            index += 1
            continue
          }
          text.append(next)
        }
        tokens.append((.regex(text), line))
      case _ where character.isASCII && (character.isNumber || character == "."):
        var end = index
        while end < characters.count && characters[end].isASCII
          && (characters[end].isNumber || characters[end] == ".")
        {
          end += 1
        }
        if end < characters.count && (characters[end] == "e" || characters[end] == "E") {
          var exponent = end + 1
          if exponent < characters.count
            && (characters[exponent] == "+" || characters[exponent] == "-")
          {
            exponent += 1
          }
          if exponent < characters.count && characters[exponent].isASCII
            && characters[exponent].isNumber
          {
            end = exponent
            while end < characters.count && characters[end].isASCII && characters[end].isNumber {
              end += 1
            }
          }
        }
        guard let value = Double(String(characters[index..<end])) else {
          throw SyntaxError(line: line, near: String(characters[index..<end]))
        }
        tokens.append((.number(value), line))
        index = end
      case _ where character == "_" || (character.isASCII && character.isLetter):
        var end = index
        while end < characters.count
          && (characters[end] == "_"
            || (characters[end].isASCII && (characters[end].isLetter || characters[end].isNumber)))
        {
          end += 1
        }
        let word = String(characters[index..<end])
        index = end
        if keywords.contains(word) {
          tokens.append((.keyword(word == "func" ? "function" : word), line))
        } else if builtins.contains(word) {
          tokens.append((.builtin(word), line))
        } else {
          tokens.append((.name(word), line))
        }
      default:
        for (symbol, spelling) in symbols where characters[index...].starts(with: spelling) {
          tokens.append((.symbol(symbol == "**" ? "^" : symbol == "**=" ? "^=" : symbol), line))
          index += spelling.count
          continue scan
        }
        throw SyntaxError(line: line, near: String(character))
      }
    }
    tokens.append((.end, line))
    return tokens
  }
}
