/// Evaluates `$((expression))`: integer arithmetic with bash's operators,
/// variables by bare name, and assignments such as `i += 1`.
struct ArithmeticEvaluator {
  private enum Token: Equatable {
    case number(Int)
    case name(String)
    case op(String)
  }

  /// The shell variables; assignments inside the expression change them.
  var variables: [String: String]
  private var tokens: [Token] = []
  private var index = 0
  private var source = ""

  init(variables: [String: String]) {
    self.variables = variables
  }

  private static let operators = [
    "<<=", ">>=", "**", "++", "--", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=", "*=", "/=",
    "%=", "<<", ">>", "&=", "|=", "^=", "+", "-", "*", "/", "%", "<", ">", "=", "!", "~", "&",
    "|", "^", "(", ")", "?", ":", ",",
  ].map { ($0, Array($0)) }

  /// The value of `text`; an empty expression is 0.
  mutating func evaluate(_ text: String) throws(ShellFailure) -> Int {
    source = text
    tokens = try Self.tokenize(text)
    index = 0
    guard !tokens.isEmpty else { return 0 }
    let value = try parseComma()
    if index < tokens.count {
      throw syntaxError("syntax error in expression")
    }
    return value
  }

  private static func tokenize(_ text: String) throws(ShellFailure) -> [Token] {
    let characters = Array(text)
    var tokens: [Token] = []
    var index = 0
    scan: while index < characters.count {
      let character = characters[index]
      if character.isWhitespace {
        index += 1
        continue
      }
      if character.isASCII && character.isNumber {
        var end = index
        while end < characters.count && (characters[end].isLetter || characters[end].isNumber) {
          end += 1
        }
        let digits = String(characters[index..<end])
        let value: Int?
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
          value = Int(digits.dropFirst(2), radix: 16)
        } else if digits.count > 1 && digits.hasPrefix("0") {
          value = Int(digits.dropFirst(), radix: 8)
        } else {
          value = Int(digits)
        }
        guard let value else {
          throw ShellFailure("\(text): value too great for base (error token is \"\(digits)\")")
        }
        tokens.append(.number(value))
        index = end
        continue
      }
      if character == "_" || character.isLetter {
        var end = index
        while end < characters.count
          && (characters[end] == "_" || characters[end].isLetter || characters[end].isNumber)
        {
          end += 1
        }
        tokens.append(.name(String(characters[index..<end])))
        index = end
        continue
      }
      for (op, spelling) in operators where characters[index...].starts(with: spelling) {
        tokens.append(.op(op))
        index += spelling.count
        continue scan
      }
      throw ShellFailure(
        "\(text): syntax error: invalid arithmetic operator (error token is \"\(String(characters[index...]))\")"
      )
    }
    return tokens
  }

  private func syntaxError(_ message: String) -> ShellFailure {
    let remaining = index < tokens.count ? tokens[index...] : tokens.suffix(1)
    let rest = remaining.map(Self.spelling).joined(separator: " ")
    return ShellFailure("\(source): \(message) (error token is \"\(rest)\")")
  }

  private static func spelling(_ token: Token) -> String {
    switch token {
    case .number(let value): String(value)
    case .name(let name): name
    case .op(let op): op
    }
  }

  private func peekOp() -> String? {
    guard index < tokens.count, case .op(let op) = tokens[index] else { return nil }
    return op
  }

  private mutating func expect(_ op: String) throws(ShellFailure) {
    guard peekOp() == op else { throw syntaxError("syntax error: `\(op)' expected") }
    index += 1
  }

  private func value(of name: String) -> Int {
    let text = (variables[name] ?? "").trimmingWhitespace
    return Int(text) ?? 0
  }

  private mutating func parseComma() throws(ShellFailure) -> Int {
    var value = try parseAssignment()
    while peekOp() == "," {
      index += 1
      value = try parseAssignment()
    }
    return value
  }

  private mutating func parseAssignment() throws(ShellFailure) -> Int {
    if index + 1 < tokens.count, case .name(let name) = tokens[index],
      case .op(let op) = tokens[index + 1],
      ["=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "|=", "^="].contains(op)
    {
      index += 2
      let right = try parseAssignment()
      let result =
        op == "=" ? right : try Self.apply(String(op.dropLast()), value(of: name), right, source)
      variables[name] = String(result)
      return result
    }
    return try parseTernary()
  }

  private mutating func parseTernary() throws(ShellFailure) -> Int {
    let condition = try parseBinary(level: 0)
    guard peekOp() == "?" else { return condition }
    index += 1
    let yes = try parseAssignment()
    try expect(":")
    let no = try parseAssignment()
    return condition != 0 ? yes : no
  }

  private static let levels: [[String]] = [
    ["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<", "<=", ">", ">="], ["<<", ">>"],
    ["+", "-"], ["*", "/", "%"],
  ]

  private mutating func parseBinary(level: Int) throws(ShellFailure) -> Int {
    guard level < Self.levels.count else { return try parsePower() }
    var left = try parseBinary(level: level + 1)
    while let op = peekOp(), Self.levels[level].contains(op) {
      index += 1
      let right = try parseBinary(level: level + 1)
      left = try Self.apply(op, left, right, source)
    }
    return left
  }

  private mutating func parsePower() throws(ShellFailure) -> Int {
    let base = try parseUnary()
    guard peekOp() == "**" else { return base }
    index += 1
    let exponent = try parsePower()
    return try Self.apply("**", base, exponent, source)
  }

  private mutating func parseUnary() throws(ShellFailure) -> Int {
    guard index < tokens.count else { throw syntaxError("syntax error: operand expected") }
    switch tokens[index] {
    case .op("-"):
      index += 1
      return 0 &- (try parseUnary())
    case .op("+"):
      index += 1
      return try parseUnary()
    case .op("!"):
      index += 1
      return try parseUnary() == 0 ? 1 : 0
    case .op("~"):
      index += 1
      return ~(try parseUnary())
    case .op("++"), .op("--"):
      let increment = tokens[index] == .op("++") ? 1 : -1
      index += 1
      guard index < tokens.count, case .name(let name) = tokens[index] else {
        throw syntaxError("syntax error: operand expected")
      }
      index += 1
      let result = value(of: name) &+ increment
      variables[name] = String(result)
      return result
    case .op("("):
      index += 1
      let value = try parseComma()
      try expect(")")
      return value
    case .number(let value):
      index += 1
      return value
    case .name(let name):
      index += 1
      let current = value(of: name)
      if let op = peekOp(), op == "++" || op == "--" {
        index += 1
        variables[name] = String(current &+ (op == "++" ? 1 : -1))
      }
      return current
    case .op:
      throw syntaxError("syntax error: operand expected")
    }
  }

  private static func apply(_ op: String, _ left: Int, _ right: Int, _ source: String)
    throws(ShellFailure) -> Int
  {
    switch op {
    case "+": return left &+ right
    case "-": return left &- right
    case "*": return left &* right
    case "/", "%":
      guard right != 0 else {
        throw ShellFailure("\(source): division by 0 (error token is \"\(right)\")")
      }
      if left == Int.min && right == -1 { return op == "/" ? Int.min : 0 }
      return op == "/" ? left / right : left % right
    case "**":
      guard right >= 0 else {
        throw ShellFailure("\(source): exponent less than 0 (error token is \"\(right)\")")
      }
      var result = 1
      for _ in 0..<right { result = result &* left }
      return result
    case "<<": return left << right
    case ">>": return left >> right
    case "<": return left < right ? 1 : 0
    case "<=": return left <= right ? 1 : 0
    case ">": return left > right ? 1 : 0
    case ">=": return left >= right ? 1 : 0
    case "==": return left == right ? 1 : 0
    case "!=": return left != right ? 1 : 0
    case "&": return left & right
    case "|": return left | right
    case "^": return left ^ right
    case "&&": return left != 0 && right != 0 ? 1 : 0
    case "||": return left != 0 || right != 0 ? 1 : 0
    default: return 0
    }
  }
}
