/// Parses awk program text into an `AwkProgram`.
struct AwkParser {
  /// A construct kubetutor's awk does not run, such as `getline`.
  struct Unsupported: Error {
    var what: String
  }

  private var tokens: [(token: AwkToken, line: Int)]
  private var index = 0

  /// Parses `source`.
  ///
  /// - Throws: `AwkLexer.SyntaxError` or `Unsupported`.
  static func parse(_ source: String) throws -> AwkProgram {
    var parser = AwkParser(tokens: try AwkLexer.tokenize(source))
    return try parser.parseProgram()
  }

  private init(tokens: [(token: AwkToken, line: Int)]) {
    self.tokens = tokens
  }

  private var token: AwkToken { tokens[index].token }

  private func peek(_ offset: Int = 1) -> AwkToken {
    tokens[min(index + offset, tokens.count - 1)].token
  }

  private func error() -> AwkLexer.SyntaxError {
    AwkLexer.SyntaxError(line: tokens[index].line, near: token.spelling)
  }

  private mutating func advance() {
    if index < tokens.count - 1 { index += 1 }
  }

  private mutating func expect(_ symbol: String) throws {
    guard token == .symbol(symbol) else { throw error() }
    advance()
  }

  private mutating func skipNewlines() {
    while token == .newline { advance() }
  }

  private mutating func skipTerminators() {
    while token == .newline || token == .symbol(";") { advance() }
  }

  // MARK: Program

  private mutating func parseProgram() throws -> AwkProgram {
    var program = AwkProgram()
    skipTerminators()
    while token != .end {
      switch token {
      case .keyword("BEGIN"):
        advance()
        skipNewlines()
        program.begin.append(try parseAction())
      case .keyword("END"):
        advance()
        skipNewlines()
        program.end.append(try parseAction())
      case .keyword("function"):
        throw Unsupported(what: "user-defined functions")
      case .symbol("{"):
        program.rules.append(
          AwkProgram.Rule(pattern: nil, rangeEnd: nil, action: try parseAction()))
      case .symbol("}"):
        throw AwkLexer.SyntaxError(
          line: tokens[index].line, near: "}",
          message: "extra '}'\nawk: line \(tokens[index].line): syntax error at or near end of line"
        )
      default:
        let pattern = try parseExpression()
        var rangeEnd: AwkExpression?
        if token == .symbol(",") {
          advance()
          skipNewlines()
          rangeEnd = try parseExpression()
        }
        var action: AwkStatement?
        if token == .symbol("{") { action = try parseAction() }
        program.rules.append(AwkProgram.Rule(pattern: pattern, rangeEnd: rangeEnd, action: action))
        if action == nil {
          guard token == .newline || token == .symbol(";") || token == .end else { throw error() }
        }
      }
      skipTerminators()
    }
    return program
  }

  private mutating func parseAction() throws -> AwkStatement {
    try expect("{")
    var statements: [AwkStatement] = []
    skipTerminators()
    while token != .symbol("}") {
      guard token != .end else {
        throw AwkLexer.SyntaxError(
          line: tokens[index].line + 1, near: "", message: "missing } near end of file")
      }
      statements.append(try parseStatement())
      skipTerminators()
    }
    advance()
    return .block(statements)
  }

  // MARK: Statements

  private mutating func parseStatement() throws -> AwkStatement {
    switch token {
    case .symbol("{"):
      return try parseAction()
    case .symbol(";"):
      advance()
      return .block([])
    case .keyword("if"):
      advance()
      try expect("(")
      let condition = try parseExpression()
      try expect(")")
      skipNewlines()
      let body = try parseStatement()
      let saved = index
      skipTerminators()
      if token == .keyword("else") {
        advance()
        skipNewlines()
        return .ifElse(condition, body, try parseStatement())
      }
      index = saved
      return .ifElse(condition, body, nil)
    case .keyword("while"):
      advance()
      try expect("(")
      let condition = try parseExpression()
      try expect(")")
      if token == .symbol(";") {
        advance()
        return .whileLoop(condition, .block([]))
      }
      skipNewlines()
      return .whileLoop(condition, try parseStatement())
    case .keyword("do"):
      advance()
      skipNewlines()
      let body = try parseStatement()
      skipTerminators()
      guard token == .keyword("while") else { throw error() }
      advance()
      try expect("(")
      let condition = try parseExpression()
      try expect(")")
      try endSimpleStatement()
      return .doWhile(body, condition)
    case .keyword("for"):
      return try parseFor()
    default:
      let statement = try parseSimpleStatement()
      try endSimpleStatement()
      return statement
    }
  }

  private mutating func endSimpleStatement() throws {
    switch token {
    case .symbol(";"), .newline: advance()
    case .symbol("}"), .end: break
    default: throw error()
    }
  }

  private mutating func parseFor() throws -> AwkStatement {
    advance()
    try expect("(")
    if case .name(let key) = token, peek() == .keyword("in"), case .name(let array) = peek(2),
      peek(3) == .symbol(")")
    {
      index += 4
      skipNewlines()
      return .forIn(key, array, try parseStatement())
    }
    let initial = token == .symbol(";") ? nil : try parseSimpleStatement()
    try expect(";")
    skipNewlines()
    let condition = token == .symbol(";") ? nil : try parseExpression()
    try expect(";")
    skipNewlines()
    let step = token == .symbol(")") ? nil : try parseSimpleStatement()
    try expect(")")
    if token == .symbol(";") {
      advance()
      return .forLoop(initial, condition, step, .block([]))
    }
    skipNewlines()
    return .forLoop(initial, condition, step, try parseStatement())
  }

  private mutating func parseSimpleStatement() throws -> AwkStatement {
    switch token {
    case .keyword("print"), .keyword("printf"):
      let isPrintf = token == .keyword("printf")
      advance()
      var arguments: [AwkExpression] = []
      if ![.symbol(";"), .newline, .symbol("}"), .end, .symbol(">"), .symbol("|"), .symbol(">>")]
        .contains(token)
      {
        arguments = try parseExpressionList(noGreater: true)
      }
      if arguments.count == 1, case .grouping(let list) = arguments[0] { arguments = list }
      if [.symbol(">"), .symbol(">>"), .symbol("|")].contains(token) {
        throw Unsupported(what: "output redirection")
      }
      if isPrintf {
        guard !arguments.isEmpty else { throw error() }
        return .printf(arguments)
      }
      return .print(arguments)
    case .keyword("next"):
      advance()
      return .next
    case .keyword("exit"):
      advance()
      if [.symbol(";"), .newline, .symbol("}"), .end].contains(token) { return .exit(nil) }
      return .exit(try parseExpression())
    case .keyword("break"):
      advance()
      return .breakLoop
    case .keyword("continue"):
      advance()
      return .continueLoop
    case .keyword("delete"):
      advance()
      guard case .name(let name) = token else { throw error() }
      advance()
      guard token == .symbol("[") else { return .delete(name, nil) }
      advance()
      let subscripts = try parseExpressionList(noGreater: false)
      try expect("]")
      return .delete(name, subscripts)
    case .keyword("getline"):
      throw Unsupported(what: "getline")
    case .keyword("nextfile"):
      throw Unsupported(what: "nextfile")
    case .keyword("return"):
      throw Unsupported(what: "return")
    default:
      return .expression(try parseExpression())
    }
  }

  // MARK: Expressions

  private mutating func parseExpressionList(noGreater: Bool) throws -> [AwkExpression] {
    var list = [try parseExpression(noGreater: noGreater)]
    while token == .symbol(",") {
      advance()
      skipNewlines()
      list.append(try parseExpression(noGreater: noGreater))
    }
    return list
  }

  private static let assignmentOperators: Set<String> = ["=", "+=", "-=", "*=", "/=", "%=", "^="]

  mutating func parseExpression(noGreater: Bool = false) throws -> AwkExpression {
    let left = try parseTernary(noGreater)
    if case .symbol(let op) = token, Self.assignmentOperators.contains(op), left.isLValue {
      advance()
      skipNewlines()
      return .assign(left, op, try parseExpression(noGreater: noGreater))
    }
    return left
  }

  private mutating func parseTernary(_ noGreater: Bool) throws -> AwkExpression {
    let condition = try parseOr(noGreater)
    guard token == .symbol("?") else { return condition }
    advance()
    skipNewlines()
    let yes = try parseExpression(noGreater: noGreater)
    skipNewlines()
    try expect(":")
    skipNewlines()
    return .conditional(condition, yes, try parseExpression(noGreater: noGreater))
  }

  private mutating func parseOr(_ noGreater: Bool) throws -> AwkExpression {
    var left = try parseAnd(noGreater)
    while token == .symbol("||") {
      advance()
      skipNewlines()
      left = .binary("||", left, try parseAnd(noGreater))
    }
    return left
  }

  private mutating func parseAnd(_ noGreater: Bool) throws -> AwkExpression {
    var left = try parseIn(noGreater)
    while token == .symbol("&&") {
      advance()
      skipNewlines()
      left = .binary("&&", left, try parseIn(noGreater))
    }
    return left
  }

  private mutating func parseIn(_ noGreater: Bool) throws -> AwkExpression {
    var left = try parseMatch(noGreater)
    while token == .keyword("in") {
      advance()
      guard case .name(let array) = token else { throw error() }
      advance()
      left = .membership(left, array)
    }
    return left
  }

  private mutating func parseMatch(_ noGreater: Bool) throws -> AwkExpression {
    var left = try parseComparison(noGreater)
    while token == .symbol("~") || token == .symbol("!~") {
      let negated = token == .symbol("!~")
      advance()
      left = .match(left, try parseComparison(noGreater), negated: negated)
    }
    return left
  }

  private mutating func parseComparison(_ noGreater: Bool) throws -> AwkExpression {
    let left = try parseConcatenation()
    guard case .symbol(let op) = token,
      ["<", "<=", "==", "!=", ">=", ">"].contains(op), !(noGreater && op == ">")
    else { return left }
    advance()
    return .binary(op, left, try parseConcatenation())
  }

  private func startsConcatenation() -> Bool {
    switch token {
    case .number, .string, .regex, .name, .builtin: true
    case .symbol(let symbol): symbol == "$" || symbol == "("
    default: false
    }
  }

  private mutating func parseConcatenation() throws -> AwkExpression {
    var left = try parseAdditive()
    while startsConcatenation() {
      left = .binary("concat", left, try parseAdditive())
    }
    return left
  }

  private mutating func parseAdditive() throws -> AwkExpression {
    var left = try parseMultiplicative()
    while case .symbol(let op) = token, op == "+" || op == "-" {
      advance()
      left = .binary(op, left, try parseMultiplicative())
    }
    return left
  }

  private mutating func parseMultiplicative() throws -> AwkExpression {
    var left = try parseUnary()
    while case .symbol(let op) = token, op == "*" || op == "/" || op == "%" {
      advance()
      left = .binary(op, left, try parseUnary())
    }
    return left
  }

  private mutating func parseUnary() throws -> AwkExpression {
    if case .symbol(let op) = token, op == "!" || op == "-" || op == "+" {
      advance()
      return .unary(op, try parseUnary())
    }
    return try parsePower()
  }

  private mutating func parsePower() throws -> AwkExpression {
    let base = try parsePostfix()
    guard token == .symbol("^") else { return base }
    advance()
    if case .symbol(let op) = token, op == "-" || op == "+" || op == "!" {
      advance()
      return .binary("^", base, .unary(op, try parsePower()))
    }
    return .binary("^", base, try parsePower())
  }

  private mutating func parsePostfix() throws -> AwkExpression {
    if case .symbol(let op) = token, op == "++" || op == "--" {
      advance()
      let target = try parsePostfix()
      guard target.isLValue else { throw error() }
      return .increment(target, delta: op == "++" ? 1 : -1, prefix: true)
    }
    let primary = try parsePrimary()
    if primary.isLValue, case .symbol(let op) = token, op == "++" || op == "--" {
      advance()
      return .increment(primary, delta: op == "++" ? 1 : -1, prefix: false)
    }
    return primary
  }

  private mutating func parsePrimary() throws -> AwkExpression {
    let current = token
    switch current {
    case .number(let value):
      advance()
      return .number(value)
    case .string(let text):
      advance()
      return .string(text)
    case .regex(let text):
      advance()
      return .regex(text)
    case .symbol("$"):
      advance()
      if case .symbol(let op) = token, op == "++" || op == "--" {
        return .field(try parsePostfix())
      }
      if token == .symbol("-") {
        advance()
        return .field(.unary("-", try parsePrimary()))
      }
      return .field(try parsePrimary())
    case .symbol("("):
      advance()
      skipNewlines()
      let first = try parseExpression()
      skipNewlines()
      if token == .symbol(",") {
        var list = [first]
        while token == .symbol(",") {
          advance()
          skipNewlines()
          list.append(try parseExpression())
          skipNewlines()
        }
        try expect(")")
        return .grouping(list)
      }
      try expect(")")
      return .grouping([first])
    case .name(let name):
      advance()
      if token == .symbol("[") {
        advance()
        let subscripts = try parseExpressionList(noGreater: false)
        try expect("]")
        return .element(name, subscripts)
      }
      if token == .symbol("(") { throw Unsupported(what: "user-defined functions") }
      return .variable(name)
    case .builtin(let name):
      advance()
      guard token == .symbol("(") else {
        guard name == "length" else { throw error() }
        return .call("length", [])
      }
      advance()
      var arguments: [AwkExpression] = []
      skipNewlines()
      if token != .symbol(")") {
        arguments = try parseExpressionList(noGreater: false)
      }
      skipNewlines()
      try expect(")")
      return .call(name, arguments)
    case .keyword("getline"):
      throw Unsupported(what: "getline")
    default:
      throw error()
    }
  }
}
