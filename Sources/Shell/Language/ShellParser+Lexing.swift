/// The character-level half of the parser: tokens, words, quotes and
/// expansions.
extension ShellParser {
  /// Characters that end an unquoted word.
  static let metacharacters: Set<Character> = [" ", "\t", "\n", ";", "&", "|", "<", ">", "(", ")"]

  /// Single-character special parameters: `$?`, `$$`, `$#` and the rest.
  static let specialParameters: Set<Character> = ["?", "$", "#", "!", "@", "*", "-"]

  private static let operatorCharacters = ShellToken.operators.map(Array.init)

  /// Skips spaces, tabs, backslash-newline pairs and comments.
  ///
  /// A backslash-newline that ends the input continues onto a line not yet
  /// typed, so the input is incomplete.
  mutating func skipBlanks() throws(ShellSyntaxError) {
    while position < chars.count {
      let character = chars[position]
      if character == " " || character == "\t" {
        position += 1
      } else if character == "\\" && position + 1 < chars.count && chars[position + 1] == "\n" {
        guard position + 2 < chars.count else { throw .lineContinuation }
        position += 2
      } else if character == "#" {
        while position < chars.count && chars[position] != "\n" { position += 1 }
      } else {
        break
      }
    }
  }

  mutating func lexToken() throws(ShellSyntaxError) -> ShellToken {
    guard position < chars.count else { return .end }
    let character = chars[position]
    if character == "\n" {
      position += 1
      return .newline
    }
    if character.isASCII && character.isNumber {
      var index = position
      while index < chars.count && chars[index].isASCII && chars[index].isNumber { index += 1 }
      if index < chars.count && (chars[index] == "<" || chars[index] == ">"),
        let number = Int(String(chars[position..<index]))
      {
        position = index
        return .ioNumber(number)
      }
    }
    for (op, spelling) in zip(ShellToken.operators, Self.operatorCharacters)
    where chars[position...].starts(with: spelling) {
      position += spelling.count
      return .op(op)
    }
    return .word(try lexWord(stoppingAt: Self.metacharacters))
  }

  /// Appends `part`, merging it into the previous part when both are text
  /// of the same kind.
  static func append(_ part: ShellWord.Part, to parts: inout [ShellWord.Part]) {
    switch (parts.last, part) {
    case (.literal(let previous)?, .literal(let text)):
      parts[parts.count - 1] = .literal(previous + text)
    case (.quoted(let previous)?, .quoted(let text)):
      parts[parts.count - 1] = .quoted(previous + text)
    default:
      parts.append(part)
    }
  }

  /// Lexes a word up to one of `stops` outside quotes; with `countsBraces`,
  /// a `}` closing a `{` inside the word does not stop it.
  mutating func lexWord(
    stoppingAt stops: Set<Character>, countsBraces: Bool = false
  ) throws(ShellSyntaxError) -> ShellWord {
    var parts: [ShellWord.Part] = []
    var literal = ""
    var depth = 0
    func flush(_ parts: inout [ShellWord.Part]) {
      if !literal.isEmpty {
        Self.append(.literal(literal), to: &parts)
        literal = ""
      }
    }
    while position < chars.count {
      let character = chars[position]
      if depth == 0 && stops.contains(character) { break }
      switch character {
      case "\\":
        guard position + 1 < chars.count else { throw .lineContinuation }
        let next = chars[position + 1]
        if next == "\n" && position + 2 == chars.count { throw .lineContinuation }
        position += 2
        if next != "\n" {
          flush(&parts)
          Self.append(.quoted(String(next)), to: &parts)
        }
      case "'":
        flush(&parts)
        Self.append(.quoted(try lexSingleQuoted()), to: &parts)
      case "\"":
        flush(&parts)
        for part in try lexDoubleQuoted() { Self.append(part, to: &parts) }
      case "$":
        if let expansion = try lexDollar(quoted: false) {
          flush(&parts)
          for part in expansion { Self.append(part, to: &parts) }
        } else {
          literal.append("$")
          position += 1
        }
      case "`":
        flush(&parts)
        parts.append(try lexBackquote(quoted: false))
      default:
        if countsBraces {
          if character == "{" { depth += 1 }
          if character == "}" { depth -= 1 }
        }
        literal.append(character)
        position += 1
      }
    }
    flush(&parts)
    return ShellWord(parts)
  }

  /// Lexes `'…'` from its opening quote; the text is taken as is.
  mutating func lexSingleQuoted() throws(ShellSyntaxError) -> String {
    let start = position + 1
    guard let close = chars[start...].firstIndex(of: "'") else { throw .unmatched("'") }
    position = close + 1
    return String(chars[start..<close])
  }

  /// Lexes `"…"` from its opening quote: `$` and backquotes stay live, and a
  /// backslash escapes only `$`, `` ` ``, `"`, `\` and newline.
  mutating func lexDoubleQuoted() throws(ShellSyntaxError) -> [ShellWord.Part] {
    position += 1
    var parts: [ShellWord.Part] = []
    var text = ""
    while true {
      guard position < chars.count else { throw .unmatched("\"") }
      let character = chars[position]
      switch character {
      case "\"":
        position += 1
        if !text.isEmpty || parts.isEmpty { Self.append(.quoted(text), to: &parts) }
        return parts
      case "\\":
        guard position + 1 < chars.count else { throw .unmatched("\"") }
        let next = chars[position + 1]
        if next == "\n" {
          guard position + 2 < chars.count else { throw .unmatched("\"") }
          position += 2
        } else if "$`\"\\".contains(next) {
          text.append(next)
          position += 2
        } else {
          text.append("\\")
          position += 1
        }
      case "$":
        if let expansion = try lexDollar(quoted: true) {
          if !text.isEmpty { Self.append(.quoted(text), to: &parts) }
          text = ""
          parts += expansion
        } else {
          text.append("$")
          position += 1
        }
      case "`":
        if !text.isEmpty { Self.append(.quoted(text), to: &parts) }
        text = ""
        parts.append(try lexBackquote(quoted: true))
      default:
        text.append(character)
        position += 1
      }
    }
  }

  /// Lexes the whole remaining input as the body of an unquoted
  /// here-document or an arithmetic expression: quotes are plain text,
  /// expansions are live.
  mutating func lexExpandingText() throws(ShellSyntaxError) -> ShellWord {
    var parts: [ShellWord.Part] = []
    var text = ""
    while position < chars.count {
      let character = chars[position]
      switch character {
      case "\\" where position + 1 < chars.count:
        let next = chars[position + 1]
        if next == "\n" {
          position += 2
        } else if "$`\\".contains(next) {
          text.append(next)
          position += 2
        } else {
          text.append("\\")
          position += 1
        }
      case "$":
        if let expansion = try lexDollar(quoted: true) {
          if !text.isEmpty { Self.append(.quoted(text), to: &parts) }
          text = ""
          parts += expansion
        } else {
          text.append("$")
          position += 1
        }
      case "`":
        if !text.isEmpty { Self.append(.quoted(text), to: &parts) }
        text = ""
        parts.append(try lexBackquote(quoted: true))
      default:
        text.append(character)
        position += 1
      }
    }
    if !text.isEmpty || parts.isEmpty { Self.append(.quoted(text), to: &parts) }
    return ShellWord(parts)
  }

  /// Lexes an expansion starting at `$`, or returns `nil` when the `$` is
  /// a plain character.
  mutating func lexDollar(quoted: Bool) throws(ShellSyntaxError) -> [ShellWord.Part]? {
    guard position + 1 < chars.count else { return nil }
    let next = chars[position + 1]
    switch next {
    case "(":
      if position + 2 < chars.count && chars[position + 2] == "(",
        let arithmetic = try lexArithmetic(quoted: quoted)
      {
        return [arithmetic]
      }
      position += 2
      return [.commandSubstitution(try parseSubstitutionBody(), quoted: quoted)]
    case "{":
      return [try lexBracedParameter(quoted: quoted)]
    case "'" where !quoted:
      position += 2
      return [.quoted(try lexANSIQuoted())]
    case "\"" where !quoted:
      position += 1
      return try lexDoubleQuoted()
    default:
      if next == "_" || (next.isASCII && next.isLetter) {
        var end = position + 1
        while end < chars.count
          && (chars[end] == "_"
            || (chars[end].isASCII && (chars[end].isLetter || chars[end].isNumber)))
        {
          end += 1
        }
        let name = String(chars[(position + 1)..<end])
        position = end
        return [.parameter(ParameterExpansion(name), quoted: quoted)]
      }
      if (next.isASCII && next.isNumber) || Self.specialParameters.contains(next) {
        position += 2
        return [.parameter(ParameterExpansion(String(next)), quoted: quoted)]
      }
      return nil
    }
  }

  /// Parses the list inside `$(…)`, from after the `(` to after the `)`.
  mutating func parseSubstitutionBody() throws(ShellSyntaxError) -> CommandList {
    let saved = lookahead
    lookahead = nil
    let list = try parseList(until: [], closeParen: true)
    let token = try peek()
    guard token == .op(")") else {
      throw token == .end ? .unmatched(")") : unexpected(token)
    }
    lookahead = saved
    return list
  }

  /// Lexes `$((expression))`, or returns `nil` when the text is really a
  /// command substitution of a subshell, such as `$( (cd x) )`.
  mutating func lexArithmetic(quoted: Bool) throws(ShellSyntaxError) -> ShellWord.Part? {
    var index = position + 3
    var depth = 0
    while true {
      guard index < chars.count else { throw .unmatched(")") }
      let character = chars[index]
      if character == "(" {
        depth += 1
      } else if character == ")" {
        if depth == 0 {
          guard index + 1 < chars.count else { throw .unmatched(")") }
          guard chars[index + 1] == ")" else { return nil }
          break
        }
        depth -= 1
      }
      index += 1
    }
    var expression = ShellParser(String(chars[(position + 3)..<index]))
    position = index + 2
    return .arithmetic(try expression.lexExpandingText(), quoted: quoted)
  }

  /// Lexes `${…}` from its `$`.
  mutating func lexBracedParameter(quoted: Bool) throws(ShellSyntaxError) -> ShellWord.Part {
    let start = position
    position += 2
    var badSubstitution: ShellSyntaxError {
      let close = chars[start...].firstIndex(of: "}") ?? chars.count - 1
      return .badSubstitution(String(chars[start...close]))
    }
    var prefixModifier: ParameterExpansion.Modifier?
    if position + 1 < chars.count && chars[position + 1] != "}" {
      if chars[position] == "#" { prefixModifier = .length }
      if chars[position] == "!" { prefixModifier = .indirect }
      if prefixModifier != nil { position += 1 }
    }
    let name = lexParameterName()
    guard position < chars.count else { throw .unmatched("}") }
    guard !name.isEmpty else { throw badSubstitution }
    if let prefixModifier {
      guard chars[position] == "}" else { throw badSubstitution }
      position += 1
      return .parameter(ParameterExpansion(name, prefixModifier), quoted: quoted)
    }
    let modifier: ParameterExpansion.Modifier?
    let character = chars[position]
    switch character {
    case "}":
      modifier = nil
    case ":":
      position += 1
      guard position < chars.count else { throw .unmatched("}") }
      let op = chars[position]
      if "-=+?".contains(op) {
        position += 1
        modifier = Self.defaultingModifier(
          op, try lexOperand(quoted: quoted, stops: ["}"]), colon: true)
      } else {
        let offset = try lexOperand(quoted: quoted, stops: [":", "}"])
        var length: ShellWord?
        if position < chars.count && chars[position] == ":" {
          position += 1
          length = try lexOperand(quoted: quoted, stops: ["}"])
        }
        modifier = .substring(offset: offset, length: length)
      }
    case "-", "=", "+", "?":
      position += 1
      modifier = Self.defaultingModifier(
        character, try lexOperand(quoted: quoted, stops: ["}"]), colon: false)
    case "#", "%":
      position += 1
      let longest = position < chars.count && chars[position] == character
      if longest { position += 1 }
      let pattern = try lexOperand(quoted: quoted, stops: ["}"])
      modifier =
        character == "#"
        ? .removePrefix(pattern, longest: longest) : .removeSuffix(pattern, longest: longest)
    case "^", ",":
      position += 1
      let all = position < chars.count && chars[position] == character
      if all { position += 1 }
      guard position < chars.count, chars[position] == "}" else { throw badSubstitution }
      modifier = character == "^" ? .uppercase(all: all) : .lowercase(all: all)
    case "/":
      position += 1
      let all = position < chars.count && chars[position] == "/"
      if all { position += 1 }
      let pattern = try lexOperand(quoted: quoted, stops: ["/", "}"])
      var replacement = ShellWord([])
      if position < chars.count && chars[position] == "/" {
        position += 1
        replacement = try lexOperand(quoted: quoted, stops: ["}"])
      }
      modifier = .replace(pattern, with: replacement, all: all)
    default:
      throw badSubstitution
    }
    guard position < chars.count else { throw .unmatched("}") }
    position += 1
    return .parameter(ParameterExpansion(name, modifier), quoted: quoted)
  }

  private static func defaultingModifier(
    _ op: Character, _ word: ShellWord, colon: Bool
  ) -> ParameterExpansion.Modifier {
    switch op {
    case "-": .useDefault(word, colon: colon)
    case "=": .assignDefault(word, colon: colon)
    case "+": .useAlternative(word, colon: colon)
    default: .errorIfUnset(word, colon: colon)
    }
  }

  /// Lexes the word inside `${NAME…}`; inside double quotes its plain text
  /// counts as quoted.
  private mutating func lexOperand(quoted: Bool, stops: Set<Character>) throws(ShellSyntaxError)
    -> ShellWord
  {
    let word = try lexWord(stoppingAt: stops, countsBraces: true)
    guard quoted else { return word }
    var parts: [ShellWord.Part] = []
    for part in word.parts {
      if case .literal(let text) = part {
        Self.append(.quoted(text), to: &parts)
      } else {
        Self.append(part, to: &parts)
      }
    }
    return ShellWord(parts)
  }

  /// A name, a run of digits, or one special parameter character.
  private mutating func lexParameterName() -> String {
    guard position < chars.count else { return "" }
    let first = chars[position]
    var end = position
    if first == "_" || (first.isASCII && first.isLetter) {
      while end < chars.count
        && (chars[end] == "_"
          || (chars[end].isASCII && (chars[end].isLetter || chars[end].isNumber)))
      {
        end += 1
      }
    } else if first.isASCII && first.isNumber {
      while end < chars.count && chars[end].isASCII && chars[end].isNumber { end += 1 }
    } else if Self.specialParameters.contains(first) {
      end += 1
    }
    defer { position = end }
    return String(chars[position..<end])
  }

  /// Lexes `$'…'` after its opening quote, decoding C escapes.
  mutating func lexANSIQuoted() throws(ShellSyntaxError) -> String {
    var text = ""
    while true {
      guard position < chars.count else { throw .unmatched("'") }
      let character = chars[position]
      position += 1
      if character == "'" { return text }
      guard character == "\\", position < chars.count else {
        text.append(character)
        continue
      }
      let next = chars[position]
      position += 1
      switch next {
      case "n": text.append("\n")
      case "t": text.append("\t")
      case "r": text.append("\r")
      case "a": text.append("\u{07}")
      case "b": text.append("\u{08}")
      case "e", "E": text.append("\u{1B}")
      case "f": text.append("\u{0C}")
      case "v": text.append("\u{0B}")
      case "x":
        var digits = ""
        while digits.count < 2, position < chars.count, chars[position].isHexDigit {
          digits.append(chars[position])
          position += 1
        }
        if let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) {
          text.append(Character(scalar))
        } else {
          text += "\\x"
        }
      case "0"..."7":
        var digits = String(next)
        while digits.count < 3, position < chars.count, ("0"..."7").contains(chars[position]) {
          digits.append(chars[position])
          position += 1
        }
        if let value = UInt32(digits, radix: 8), let scalar = Unicode.Scalar(value) {
          text.append(Character(scalar))
        }
      case "\\", "'", "\"", "?":
        text.append(next)
      default:
        text += "\\" + String(next)
      }
    }
  }

  /// Lexes `` `…` `` from its opening backquote and parses the inside.
  mutating func lexBackquote(quoted: Bool) throws(ShellSyntaxError) -> ShellWord.Part {
    position += 1
    var text = ""
    while true {
      guard position < chars.count else { throw .unmatched("`") }
      let character = chars[position]
      if character == "`" {
        position += 1
        break
      }
      if character == "\\", position + 1 < chars.count {
        let next = chars[position + 1]
        if next == "$" || next == "`" || next == "\\" || (quoted && next == "\"") {
          text.append(next)
          position += 2
          continue
        }
      }
      text.append(character)
      position += 1
    }
    var inner = ShellParser(text)
    return .commandSubstitution(try inner.parseProgram(), quoted: quoted)
  }
}
