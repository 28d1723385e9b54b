/// Parses one complete shell input, possibly several lines, into a
/// `CommandList`.
///
/// A hand-written recursive-descent parser over bash's grammar: simple
/// commands, pipelines, `&&`/`||`, `;`/`&`/newline lists, redirections,
/// here-documents, `for`, `while`/`until`, `if` and `{ }`/`( )` groups.
/// Here-document bodies are read from the lines after the command line,
/// as bash does, and cut out of the input.
package struct ShellParser {
  /// A token already lexed, with where its source text starts and ends.
  struct Lookahead {
    var token: ShellToken
    var start: Int
    var end: Int
  }

  /// Words that are reserved at the start of a command.
  static let closingWords: Set<String> = ["then", "else", "elif", "fi", "do", "done", "esac", "}"]

  var chars: [Character]
  var position = 0
  var lookahead: Lookahead?
  /// Whether a here-document may end at the end of input, as in a script;
  /// bash then warns and uses the lines it has.
  var allowsUnterminatedHereDocuments = false
  /// Warnings for the caller to print, such as an unterminated here-document.
  var warnings: [String] = []

  init(_ source: String) {
    chars = source.map { $0 == "\r\n" ? "\n" : $0 }
  }

  /// Parses `source` as a whole program.
  ///
  /// - Throws: `ShellSyntaxError`; `isIncomplete` tells whether more lines
  ///   could complete the input.
  package static func parse(_ source: String) throws(ShellSyntaxError) -> CommandList {
    var parser = ShellParser(source)
    return try parser.parseProgram()
  }

  /// Parses `source` as a script: a here-document may end at the end of the
  /// input, with a warning in bash's words, such as
  /// `warning: here-document at line 1 delimited by end-of-file (wanted `EOF')`.
  package static func parseScript(_ source: String) throws(ShellSyntaxError) -> (
    CommandList, warnings: [String]
  ) {
    var parser = ShellParser(source)
    parser.allowsUnterminatedHereDocuments = true
    let list = try parser.parseProgram()
    return (list, parser.warnings)
  }

  mutating func parseProgram() throws(ShellSyntaxError) -> CommandList {
    let list = try parseList(until: [])
    let token = try peek()
    guard token == .end else { throw unexpected(token) }
    return list
  }

  // MARK: Tokens

  /// The next token, lexed once and kept until `advance()`.
  mutating func peek() throws(ShellSyntaxError) -> ShellToken {
    if let lookahead { return lookahead.token }
    try skipBlanks()
    let start = position
    let token = try lexToken()
    lookahead = Lookahead(token: token, start: start, end: position)
    return token
  }

  /// Consumes the token returned by the last `peek()`.
  mutating func advance() {
    lookahead = nil
  }

  /// The error for finding `token` where it cannot appear.
  func unexpected(_ token: ShellToken) -> ShellSyntaxError {
    switch token {
    case .end:
      return .unexpectedEndOfFile
    case .newline:
      return .unexpectedToken("newline")
    case .op(let op):
      return .unexpectedToken(op)
    case .word, .ioNumber:
      guard let lookahead else { return .unexpectedToken("") }
      return .unexpectedToken(String(chars[lookahead.start..<lookahead.end]))
    }
  }

  mutating func skipNewlines() throws(ShellSyntaxError) {
    while try peek() == .newline { advance() }
  }

  /// The reserved word `token` spells, when it is an unquoted word.
  func keyword(_ token: ShellToken) -> String? {
    guard case .word(let word) = token else { return nil }
    return word.plainText
  }

  /// Consumes the reserved word `word` or throws.
  mutating func expectKeyword(_ word: String) throws(ShellSyntaxError) {
    let token = try peek()
    guard keyword(token) == word else { throw unexpected(token) }
    advance()
  }

  // MARK: Lists

  /// Parses and-or lists separated by `;`, `&` or newlines, stopping before
  /// `end`, before one of the reserved `terminators` at command position,
  /// or before `)` when `closeParen`.
  mutating func parseList(
    until terminators: Set<String>, closeParen: Bool = false
  ) throws(ShellSyntaxError) -> CommandList {
    var items: [CommandList.Item] = []
    try skipNewlines()
    while true {
      let token = try peek()
      if token == .end { break }
      if closeParen && token == .op(")") { break }
      if let word = keyword(token), terminators.contains(word) { break }
      let andOr = try parseAndOr()
      switch try peek() {
      case .op(";"):
        advance()
        items.append(CommandList.Item(andOr))
        try skipNewlines()
      case .op("&"):
        advance()
        items.append(CommandList.Item(andOr, isBackground: true))
        try skipNewlines()
      case .newline:
        advance()
        items.append(CommandList.Item(andOr))
        try skipNewlines()
      default:
        items.append(CommandList.Item(andOr))
        return CommandList(items)
      }
    }
    return CommandList(items)
  }

  /// Parses a list that must hold at least one command, as bodies do.
  mutating func parseBody(until terminators: Set<String>) throws(ShellSyntaxError) -> CommandList {
    let list = try parseList(until: terminators)
    guard !list.isEmpty else { throw unexpected(try peek()) }
    return list
  }

  mutating func parseAndOr() throws(ShellSyntaxError) -> AndOrList {
    var list = AndOrList(try parsePipeline())
    while true {
      let connective: AndOrList.Connective
      switch try peek() {
      case .op("&&"): connective = .and
      case .op("||"): connective = .or
      default: return list
      }
      advance()
      try skipNewlines()
      list.rest.append(AndOrList.Link(connective, try parsePipeline()))
    }
  }

  mutating func parsePipeline() throws(ShellSyntaxError) -> Pipeline {
    var pipeline = Pipeline([])
    if keyword(try peek()) == "!" {
      advance()
      pipeline.isNegated = true
    }
    pipeline.commands.append(try parseCommand())
    while true {
      let token = try peek()
      guard token == .op("|") || token == .op("|&") else { return pipeline }
      advance()
      if token == .op("|&"), let last = pipeline.commands.popLast() {
        pipeline.commands.append(
          Self.addingRedirection(.duplicate(fd: 2, target: .literal("1")), to: last))
      }
      try skipNewlines()
      pipeline.commands.append(try parseCommand())
    }
  }

  private static func addingRedirection(_ redirection: Redirection, to node: CommandNode)
    -> CommandNode
  {
    switch node {
    case .simple(var command):
      command.redirections.append(redirection)
      return .simple(command)
    case .redirected(let inner, let redirections):
      return .redirected(inner, redirections + [redirection])
    case .forLoop, .ifClause, .whileLoop, .braceGroup, .subshell:
      return .redirected(node, [redirection])
    }
  }

  // MARK: Commands

  mutating func parseCommand() throws(ShellSyntaxError) -> CommandNode {
    let token = try peek()
    switch token {
    case .end, .newline:
      throw unexpected(token)
    case .ioNumber:
      return .simple(try parseSimpleCommand())
    case .op(let op):
      if op == "(" {
        advance()
        if try peek() == .op("(") { throw .unsupported("arithmetic commands") }
        let body = try parseList(until: [], closeParen: true)
        let close = try peek()
        guard close == .op(")") else { throw unexpected(close) }
        guard !body.isEmpty else { throw unexpected(close) }
        advance()
        return try parseTrailingRedirections(.subshell(body))
      }
      guard token.startsRedirection else { throw unexpected(token) }
      return .simple(try parseSimpleCommand())
    case .word(let word):
      switch word.plainText {
      case "for":
        return try parseTrailingRedirections(.forLoop(parseFor()))
      case "if":
        return try parseTrailingRedirections(.ifClause(parseIf()))
      case "while", "until":
        return try parseTrailingRedirections(.whileLoop(parseWhile()))
      case "{":
        advance()
        let body = try parseBody(until: ["}"])
        try expectKeyword("}")
        return try parseTrailingRedirections(.braceGroup(body))
      case "case":
        throw .unsupported("case statements")
      case "select":
        throw .unsupported("select loops")
      case "function":
        throw .unsupported("function definitions")
      case "[[":
        throw .unsupported("[[ ]] tests (use [ ])")
      case let text? where Self.closingWords.contains(text):
        throw unexpected(token)
      default:
        return .simple(try parseSimpleCommand())
      }
    }
  }

  mutating func parseTrailingRedirections(_ node: CommandNode) throws(ShellSyntaxError)
    -> CommandNode
  {
    var redirections: [Redirection] = []
    while try peek().startsRedirection {
      redirections.append(try parseRedirection())
    }
    return redirections.isEmpty ? node : .redirected(node, redirections)
  }

  mutating func parseSimpleCommand() throws(ShellSyntaxError) -> SimpleCommand {
    var command = SimpleCommand()
    loop: while true {
      let token = try peek()
      switch token {
      case .word(let word):
        advance()
        if command.words.isEmpty, let assignment = Assignment.split(word) {
          command.assignments.append(assignment)
        } else {
          command.words.append(word)
        }
      case _ where token.startsRedirection:
        command.redirections.append(try parseRedirection())
      default:
        break loop
      }
    }
    if try peek() == .op("(") {
      if command.words.isEmpty, let last = command.assignments.last, last.value.parts.isEmpty {
        throw .unsupported("arrays")
      }
      if command.words.count == 1 && command.assignments.isEmpty {
        throw .unsupported("function definitions")
      }
    }
    return command
  }

  mutating func parseFor() throws(ShellSyntaxError) -> ForLoop {
    advance()
    let nameToken = try peek()
    if nameToken == .op("(") { throw .unsupported("arithmetic for loops") }
    guard case .word(let nameWord) = nameToken else { throw unexpected(nameToken) }
    guard let name = nameWord.plainText, Assignment.isValidName(name) else {
      guard let lookahead else { throw unexpected(nameToken) }
      throw .notAnIdentifier(String(chars[lookahead.start..<lookahead.end]))
    }
    advance()
    try skipNewlines()
    var words: [ShellWord]?
    switch try peek() {
    case .word(let word) where word.plainText == "in":
      advance()
      var list: [ShellWord] = []
      wordList: while true {
        let token = try peek()
        switch token {
        case .word(let word):
          advance()
          list.append(word)
        case .op(";"), .newline:
          advance()
          break wordList
        default:
          throw unexpected(token)
        }
      }
      words = list
    case .op(";"):
      advance()
    default:
      break
    }
    try skipNewlines()
    try expectKeyword("do")
    let body = try parseBody(until: ["done"])
    try expectKeyword("done")
    return ForLoop(variable: name, words: words, body: body)
  }

  mutating func parseIf() throws(ShellSyntaxError) -> IfClause {
    advance()
    var clause = IfClause(branches: [])
    while true {
      let condition = try parseBody(until: ["then"])
      try expectKeyword("then")
      let body = try parseBody(until: ["elif", "else", "fi"])
      clause.branches.append(IfClause.Branch(condition: condition, body: body))
      let token = try peek()
      switch keyword(token) {
      case "elif":
        advance()
        continue
      case "else":
        advance()
        clause.elseBody = try parseBody(until: ["fi"])
        try expectKeyword("fi")
        return clause
      case "fi":
        advance()
        return clause
      default:
        throw unexpected(token)
      }
    }
  }

  mutating func parseWhile() throws(ShellSyntaxError) -> WhileLoop {
    let isUntil = keyword(try peek()) == "until"
    advance()
    let condition = try parseBody(until: ["do"])
    try expectKeyword("do")
    let body = try parseBody(until: ["done"])
    try expectKeyword("done")
    return WhileLoop(condition: condition, body: body, isUntil: isUntil)
  }

  // MARK: Redirections

  mutating func parseRedirection() throws(ShellSyntaxError) -> Redirection {
    var fd: Int?
    if case .ioNumber(let number) = try peek() {
      advance()
      fd = number
    }
    let token = try peek()
    guard case .op(let op) = token else { throw unexpected(token) }
    advance()
    let targetToken = try peek()
    guard case .word(let target) = targetToken, let lookahead else { throw unexpected(targetToken) }
    let raw = String(chars[lookahead.start..<lookahead.end])
    advance()
    switch op {
    case "<<", "<<-":
      return .hereDocument(fd: fd ?? 0, try readHereDocument(raw: raw, stripsTabs: op == "<<-"))
    case "<<<":
      return .hereString(fd: fd ?? 0, target)
    case "<", "<>":
      return .file(fd: fd ?? 0, mode: .read, target: target)
    case ">>":
      return .file(fd: fd ?? 1, mode: .append, target: target)
    case "<&":
      return .duplicate(fd: fd ?? 0, target: target)
    case ">&":
      return .duplicate(fd: fd ?? 1, target: target)
    case "&>":
      return .allOutput(target: target, append: false)
    case "&>>":
      return .allOutput(target: target, append: true)
    default:
      return .file(fd: fd ?? 1, mode: .write, target: target)
    }
  }

  /// Reads the body of a here-document whose delimiter word was just
  /// consumed, from the line after the current one, and removes the body
  /// and its terminator line from the input.
  mutating func readHereDocument(raw: String, stripsTabs: Bool) throws(ShellSyntaxError)
    -> HereDocument
  {
    let quoteCharacters: Set<Character> = ["'", "\"", "\\"]
    let isQuoted = raw.contains { quoteCharacters.contains($0) }
    let delimiter = String(raw.filter { !quoteCharacters.contains($0) })
    let operatorLine = chars[..<position].filter { $0 == "\n" }.count + 1
    var lines: [String] = []
    func unterminated() throws(ShellSyntaxError) {
      guard allowsUnterminatedHereDocuments else {
        throw .unterminatedHereDocument(delimiter: delimiter)
      }
      warnings.append(
        "warning: here-document at line \(operatorLine) delimited by end-of-file (wanted `\(delimiter)')"
      )
    }
    if let lineEnd = endOfCurrentLine() {
      var cursor = lineEnd + 1
      while true {
        guard cursor < chars.count else {
          try unterminated()
          chars.removeSubrange((lineEnd + 1)...)
          break
        }
        let stop = chars[cursor...].firstIndex(of: "\n") ?? chars.count
        var line = chars[cursor..<stop]
        if stripsTabs {
          line = line.drop { $0 == "\t" }
        }
        if String(line) == delimiter {
          chars.removeSubrange((lineEnd + 1)..<min(stop + 1, chars.count))
          break
        }
        lines.append(String(line))
        cursor = stop + 1
      }
    } else {
      try unterminated()
    }
    let text = lines.map { $0 + "\n" }.joined()
    let body: ShellWord
    if isQuoted {
      body = ShellWord([.quoted(text)])
    } else {
      var parser = ShellParser(text)
      body = try parser.lexExpandingText()
    }
    return HereDocument(
      delimiter: delimiter, isQuoted: isQuoted, stripsTabs: stripsTabs, body: body)
  }

  /// The index of the newline that ends the current logical line, skipping
  /// quoted text and comments, or `nil` at end of input.
  func endOfCurrentLine() -> Int? {
    var index = position
    var inSingle = false
    var inDouble = false
    while index < chars.count {
      let character = chars[index]
      if inSingle {
        if character == "'" { inSingle = false }
      } else if character == "\\" {
        index += 1
      } else if inDouble {
        if character == "\"" { inDouble = false }
      } else {
        switch character {
        case "'": inSingle = true
        case "\"": inDouble = true
        case "\n": return index
        case "#" where index == 0 || chars[index - 1] == " " || chars[index - 1] == "\t":
          return chars[index...].firstIndex(of: "\n")
        default: break
        }
      }
      index += 1
    }
    return nil
  }
}
