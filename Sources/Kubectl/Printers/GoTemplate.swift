import Foundation
import KubeCluster

/// The part of Go's text/template that `kubectl get -o go-template` uses:
/// `{{.a.b}}`, variables, pipelines, `if`/`with`/`range` with `else`,
/// trim markers, comments, and the functions `index`, `len`, `printf`,
/// `print`, `println`, `eq`, `ne`, `lt`, `le`, `gt`, `ge`, `and`, `or`,
/// `not`, plus kubectl's `exists` and `base64decode`.
struct GoTemplate {
  struct Failure: Error {
    /// `LINE: message` or `LINE:COL: executing ...`, after `template: output:`.
    var message: String
  }

  indirect enum Node {
    case text(String)
    case action(Pipeline, line: Int, source: String)
    case branch(keyword: String, Pipeline, body: [Node], otherwise: [Node])
  }

  struct Pipeline {
    var declarations: [String] = []
    var commands: [[Operand]] = []
  }

  indirect enum Operand {
    case dot([String])
    case variable(String, [String])
    case literal(JSONValue)
    case function(String)
    case nested(Pipeline, [String])
  }

  static let functions: Set<String> = [
    "and", "or", "not", "len", "index", "printf", "print", "println", "eq", "ne", "lt", "le", "gt",
    "ge", "exists", "base64decode", "html", "js", "urlquery", "slice",
  ]

  let root: [Node]

  init(_ text: String) throws(Failure) {
    var lexer = Lexer(text)
    let items = try lexer.items()
    var index = 0
    let (nodes, terminator) = try GoTemplate.parseList(items, &index)
    if let terminator { throw Failure(message: "\(terminator.line): unexpected {{\(terminator.word)}}") }
    root = nodes
  }

  // MARK: Lexing

  enum Item {
    case text(String)
    case action([Token], line: Int, source: String)
  }

  enum Token: Equatable {
    case dot([String])
    case variable(String, [String])
    case string(String)
    case number(String)
    case identifier(String)
    case pipe
    case open
    case close([String])
    case declare
    case assign
    case comma
  }

  struct Lexer {
    let chars: [Character]
    var pos = 0
    init(_ text: String) { chars = Array(text) }

    func line(at index: Int) -> Int { chars[..<min(index, chars.count)].filter { $0 == "\n" }.count + 1 }

    mutating func items() throws(Failure) -> [Item] {
      var items: [Item] = []
      var text = ""
      while pos < chars.count {
        guard starts("{{") else {
          text.append(chars[pos])
          pos += 1
          continue
        }
        let open = pos
        pos += 2
        if starts("- ") || starts("-\t") || starts("-\n") {
          while let last = text.last, last.isWhitespace { text.removeLast() }
          pos += 1
        }
        if !text.isEmpty { items.append(.text(text)) }
        text = ""
        var end = pos
        var inString: Character?
        while end < chars.count {
          let c = chars[end]
          if let quote = inString {
            if c == "\\" && quote != "`" { end += 2; continue }
            if c == quote { inString = nil }
          } else if c == "\"" || c == "`" || c == "'" {
            inString = c
          } else if c == "}" && end + 1 < chars.count && chars[end + 1] == "}" {
            break
          } else if c == "\n" && inString == nil && !String(chars[pos..<end]).hasPrefix("/*") {
            throw Failure(message: "\(line(at: open)): unclosed action")
          }
          end += 1
        }
        guard end < chars.count else { throw Failure(message: "\(line(at: open)): unclosed action") }
        var body = String(chars[pos..<end])
        var trimAfter = false
        if body.hasSuffix(" -") || body.hasSuffix("\t-") || body.hasSuffix("\n-") {
          body.removeLast(2)
          trimAfter = true
        }
        let source = body.trimmingCharacters(in: .whitespaces)
        pos = end + 2
        if trimAfter { while pos < chars.count, chars[pos].isWhitespace { pos += 1 } }
        if source.hasPrefix("/*") { continue }
        items.append(.action(try tokens(source, line: line(at: open)), line: line(at: open), source: source))
      }
      if !text.isEmpty { items.append(.text(text)) }
      return items
    }

    private func starts(_ prefix: String) -> Bool {
      let p = Array(prefix)
      return pos + p.count <= chars.count && Array(chars[pos..<(pos + p.count)]) == p
    }

    private func tokens(_ source: String, line: Int) throws(Failure) -> [Token] {
      let c = Array(source)
      var i = 0
      var tokens: [Token] = []
      func fields() -> [String] {
        var names: [String] = []
        while i < c.count, c[i] == ".", i + 1 < c.count, c[i + 1].isLetter || c[i + 1] == "_" {
          i += 1
          var name = ""
          while i < c.count, c[i].isLetter || c[i].isNumber || c[i] == "_" { name.append(c[i]); i += 1 }
          names.append(name)
        }
        return names
      }
      while i < c.count {
        let ch = c[i]
        if ch.isWhitespace { i += 1; continue }
        switch ch {
        case "|": tokens.append(.pipe); i += 1
        case "(": tokens.append(.open); i += 1
        case ")":
          i += 1
          tokens.append(.close(fields()))
        case ",": tokens.append(.comma); i += 1
        case ":":
          guard i + 1 < c.count, c[i + 1] == "=" else { throw Failure(message: "\(line): expected :=") }
          tokens.append(.declare); i += 2
        case "=": tokens.append(.assign); i += 1
        case ".":
          let names = fields()
          if names.isEmpty { i += 1 }
          tokens.append(.dot(names))
        case "$":
          i += 1
          var name = "$"
          while i < c.count, c[i].isLetter || c[i].isNumber || c[i] == "_" { name.append(c[i]); i += 1 }
          tokens.append(.variable(name, fields()))
        case "\"", "`":
          var j = i + 1
          while j < c.count, c[j] != ch {
            if c[j] == "\\" && ch == "\"" { j += 1 }
            j += 1
          }
          guard j < c.count else { throw Failure(message: "\(line): unterminated quoted string") }
          let raw = String(c[i...j])
          if ch == "`" {
            tokens.append(.string(String(raw.dropFirst().dropLast())))
          } else {
            guard let text = JSONPath.unquote(raw) else { throw Failure(message: "\(line): invalid syntax") }
            tokens.append(.string(text))
          }
          i = j + 1
        default:
          if ch.isNumber || ch == "-" || ch == "+" {
            var j = i + 1
            while j < c.count, c[j].isNumber || c[j] == "." || c[j] == "e" || c[j] == "x" { j += 1 }
            tokens.append(.number(String(c[i..<j])))
            i = j
          } else if ch.isLetter || ch == "_" {
            var j = i
            while j < c.count, c[j].isLetter || c[j].isNumber || c[j] == "_" { j += 1 }
            tokens.append(.identifier(String(c[i..<j])))
            i = j
          } else {
            throw Failure(message: "\(line): unexpected \"\(ch)\" in command")
          }
        }
      }
      return tokens
    }
  }

  // MARK: Parsing

  private static func parseList(_ items: [Item], _ index: inout Int) throws(Failure) -> ([Node], (word: String, line: Int, tokens: [Token])?) {
    var nodes: [Node] = []
    while index < items.count {
      let item = items[index]
      index += 1
      switch item {
      case .text(let text):
        nodes.append(.text(text))
      case .action(let tokens, let line, let source):
        if case .identifier(let word)? = tokens.first {
          switch word {
          case "end", "else":
            return (nodes, (word, line, Array(tokens.dropFirst())))
          case "if", "range", "with":
            let pipeline = try parsePipeline(Array(tokens.dropFirst()), line: line)
            let (body, end) = try parseList(items, &index)
            var otherwise: [Node] = []
            guard var terminator = end else { throw Failure(message: "\(line): unexpected EOF") }
            if terminator.word == "else" {
              if case .identifier(let inner)? = terminator.tokens.first, inner == "if" || inner == "with" {
                // `else if`: the rest is a nested branch sharing this end.
                let nestedPipeline = try parsePipeline(Array(terminator.tokens.dropFirst()), line: terminator.line)
                let (nestedBody, nestedEnd) = try parseList(items, &index)
                var nestedOtherwise: [Node] = []
                if nestedEnd?.word == "else" {
                  let (rest, last) = try parseList(items, &index)
                  nestedOtherwise = rest
                  guard last?.word == "end" else { throw Failure(message: "\(line): unexpected EOF") }
                } else if nestedEnd == nil {
                  throw Failure(message: "\(line): unexpected EOF")
                }
                otherwise = [.branch(keyword: inner, nestedPipeline, body: nestedBody, otherwise: nestedOtherwise)]
                nodes.append(.branch(keyword: word, pipeline, body: body, otherwise: otherwise))
                continue
              }
              let (rest, last) = try parseList(items, &index)
              otherwise = rest
              guard let last, last.word == "end" else { throw Failure(message: "\(line): unexpected EOF") }
              terminator = last
            }
            nodes.append(.branch(keyword: word, pipeline, body: body, otherwise: otherwise))
          case "define", "template", "block", "break", "continue":
            throw Failure(message: "\(line): \(word) is not supported in kubetutor's go-template")
          default:
            nodes.append(.action(try parsePipeline(tokens, line: line), line: line, source: source))
          }
        } else {
          nodes.append(.action(try parsePipeline(tokens, line: line), line: line, source: source))
        }
      }
    }
    return (nodes, nil)
  }

  private static func parsePipeline(_ tokens: [Token], line: Int) throws(Failure) -> Pipeline {
    var pipeline = Pipeline()
    var tokens = tokens
    if let declare = tokens.firstIndex(where: { $0 == .declare || $0 == .assign }),
      tokens[..<declare].allSatisfy({ if case .variable(_, []) = $0 { return true }; return $0 == .comma })
    {
      pipeline.declarations = tokens[..<declare].compactMap { if case .variable(let name, _) = $0 { return name }; return nil }
      tokens = Array(tokens[(declare + 1)...])
    }
    guard !tokens.isEmpty else { throw Failure(message: "\(line): missing value for command") }
    var index = 0
    pipeline.commands = try parseCommands(tokens, &index, line: line, nested: false)
    return pipeline
  }

  private static func parseCommands(_ tokens: [Token], _ index: inout Int, line: Int, nested: Bool) throws(Failure) -> [[Operand]] {
    var commands: [[Operand]] = []
    var current: [Operand] = []
    while index < tokens.count {
      let token = tokens[index]
      index += 1
      switch token {
      case .pipe:
        guard !current.isEmpty else { throw Failure(message: "\(line): missing command") }
        commands.append(current)
        current = []
      case .close(let fields):
        guard nested else { throw Failure(message: "\(line): unexpected right paren") }
        if !current.isEmpty { commands.append(current) }
        if !fields.isEmpty { commands.append([.dot(["\u{0}"] + fields)]) }
        return commands
      case .open:
        let inner = try parseCommands(tokens, &index, line: line, nested: true)
        var fields: [String] = []
        if case .dot(let trailing)? = inner.last?.first, trailing.first == "\u{0}" {
          fields = Array(trailing.dropFirst())
          current.append(.nested(Pipeline(commands: Array(inner.dropLast())), fields))
        } else {
          current.append(.nested(Pipeline(commands: inner), fields))
        }
      case .dot(let fields): current.append(.dot(fields))
      case .variable(let name, let fields): current.append(.variable(name, fields))
      case .string(let text): current.append(.literal(.string(text)))
      case .number(let text):
        if let number = Int(text) {
          current.append(.literal(.int(number)))
        } else if let number = Double(text) {
          current.append(.literal(.double(number)))
        } else {
          throw Failure(message: "\(line): bad number syntax: \"\(text)\"")
        }
      case .identifier(let name):
        switch name {
        case "true", "false": current.append(.literal(.bool(name == "true")))
        case "nil": current.append(.literal(.null))
        default:
          guard functions.contains(name) else { throw Failure(message: "\(line): function \"\(name)\" not defined") }
          current.append(.function(name))
        }
      case .comma, .declare, .assign:
        throw Failure(message: "\(line): unexpected token in command")
      }
    }
    if nested { throw Failure(message: "\(line): unclosed left paren") }
    if !current.isEmpty { commands.append(current) }
    return commands
  }

  // MARK: Execution

  /// A value during execution; `nil` is Go's missing value.
  typealias Value = JSONValue?

  private struct State {
    var variables: [(String, Value)]
    var output = ""
  }

  func execute(_ data: JSONValue) throws(Failure) -> String {
    var state = State(variables: [("$", data)])
    try run(root, dot: data, &state)
    return state.output
  }

  private func run(_ nodes: [Node], dot: Value, _ state: inout State) throws(Failure) {
    let depth = state.variables.count
    defer { state.variables.removeLast(state.variables.count - depth) }
    for node in nodes {
      switch node {
      case .text(let text):
        state.output += text
      case .action(let pipeline, let line, let source):
        let value = try evaluate(pipeline, dot: dot, &state, line: line, source: source)
        if pipeline.declarations.isEmpty { state.output += GoTemplate.printed(value) }
      case .branch(let keyword, let pipeline, let body, let otherwise):
        let value = try evaluate(pipeline, dot: dot, &state, line: 0, source: keyword, declare: keyword != "range")
        switch keyword {
        case "if":
          try run(GoTemplate.truth(value) ? body : otherwise, dot: dot, &state)
        case "with":
          if GoTemplate.truth(value) { try run(body, dot: value, &state) } else { try run(otherwise, dot: dot, &state) }
        default:
          var pairs: [(JSONValue, JSONValue)] = []
          switch value {
          case .array(let items)?: pairs = items.enumerated().map { (.int($0.offset), $0.element) }
          case .object(let object)?: pairs = object.keys.sorted().map { (.string($0), object[$0] ?? .null) }
          case .int(let count)?: pairs = (0..<max(count, 0)).map { (.int($0), .int($0)) }
          case nil, .null?: pairs = []
          case let other?:
            throw Failure(message: "\(0): range can't iterate over \(GoValueFormat.plain(other))")
          }
          if pairs.isEmpty {
            try run(otherwise, dot: dot, &state)
            continue
          }
          for (key, element) in pairs {
            let mark = state.variables.count
            switch pipeline.declarations.count {
            case 1: state.variables.append((pipeline.declarations[0], element))
            case 2:
              state.variables.append((pipeline.declarations[0], key))
              state.variables.append((pipeline.declarations[1], element))
            default: break
            }
            try run(body, dot: element, &state)
            state.variables.removeLast(state.variables.count - mark)
          }
        }
      }
    }
  }

  private func evaluate(_ pipeline: Pipeline, dot: Value, _ state: inout State, line: Int, source: String, declare: Bool = true) throws(Failure) -> Value {
    var value: Value = nil
    var piped = false
    for command in pipeline.commands {
      value = try evaluate(command, dot: dot, &state, piped: piped ? value : nil, hasPiped: piped, line: line, source: source)
      piped = true
    }
    if declare, pipeline.declarations.count == 1 {
      if let existing = state.variables.lastIndex(where: { $0.0 == pipeline.declarations[0] }), pipeline.commands.isEmpty {
        state.variables[existing].1 = value
      } else {
        state.variables.append((pipeline.declarations[0], value))
      }
    }
    return value
  }

  private func evaluate(_ command: [Operand], dot: Value, _ state: inout State, piped: Value, hasPiped: Bool, line: Int, source: String) throws(Failure) -> Value {
    guard let first = command.first else { return nil }
    if case .function(let name) = first {
      var arguments: [Value] = []
      for operand in command.dropFirst() { arguments.append(try operandValue(operand, dot: dot, &state, line: line, source: source)) }
      if hasPiped { arguments.append(piped) }
      return try call(name, arguments, line: line, source: source)
    }
    guard command.count == 1, !hasPiped else {
      throw Failure(message: "\(line): can't give argument to non-function \(source)")
    }
    return try operandValue(first, dot: dot, &state, line: line, source: source)
  }

  private func operandValue(_ operand: Operand, dot: Value, _ state: inout State, line: Int, source: String) throws(Failure) -> Value {
    switch operand {
    case .dot(let fields): return GoTemplate.lookup(dot, fields)
    case .variable(let name, let fields):
      guard let entry = state.variables.last(where: { $0.0 == name }) else {
        throw Failure(message: "\(line): undefined variable \"\(name)\"")
      }
      return GoTemplate.lookup(entry.1, fields)
    case .literal(let value): return value
    case .function(let name): return try call(name, [], line: line, source: source)
    case .nested(let pipeline, let fields):
      return GoTemplate.lookup(try evaluate(pipeline, dot: dot, &state, line: line, source: source, declare: false), fields)
    }
  }

  private static func lookup(_ value: Value, _ fields: [String]) -> Value {
    var current = value
    for field in fields {
      guard case .object(let object)? = current else { return nil }
      current = object[field]
    }
    return current
  }

  private func call(_ name: String, _ args: [Value], line: Int, source: String) throws(Failure) -> Value {
    func fail(_ text: String) -> Failure {
      Failure(message: "\(line): executing \"output\" at <\(name)>: error calling \(name): \(text)")
    }
    switch name {
    case "not": return .bool(!GoTemplate.truth(args.first ?? nil))
    case "and": return args.first(where: { !GoTemplate.truth($0) }) ?? args.last ?? nil
    case "or": return args.first(where: { GoTemplate.truth($0) }) ?? args.last ?? nil
    case "len":
      switch args.first ?? nil {
      case .array(let items)?: return .int(items.count)
      case .object(let object)?: return .int(object.count)
      case .string(let text)?: return .int(text.utf8.count)
      default: throw fail("len of type \(GoValueFormat.typeName((args.first ?? nil) ?? .null))")
      }
    case "index":
      var current = args.first ?? nil
      for key in args.dropFirst() {
        switch (current, key) {
        case (.object(let object)?, .string(let name)?): current = object[name] ?? .null
        case (.array(let items)?, .int(let position)?):
          guard position >= 0 && position < items.count else {
            throw fail("error indexing index: index out of range: \(position)")
          }
          current = items[position]
        case (nil, _), (.null?, _): throw fail("index of untyped nil")
        default: throw fail("cannot index slice/array with type string")
        }
      }
      return current
    case "exists":
      var current = args.first ?? nil
      for key in args.dropFirst() {
        switch (current, key) {
        case (.object(let object)?, .string(let name)?): current = object[name]
        case (.array(let items)?, .int(let position)?): current = position >= 0 && position < items.count ? items[position] : nil
        default: return .bool(false)
        }
        if current == nil { return .bool(false) }
      }
      return .bool(current != nil && current != .null)
    case "base64decode":
      guard case .string(let text)?? = args.first, let data = Data(base64Encoded: text) else {
        throw fail("illegal base64 data")
      }
      return .string(String(decoding: data, as: UTF8.self))
    case "print": return .string(GoTemplate.sprint(args))
    case "println": return .string(args.map(GoTemplate.formatted).joined(separator: " ") + "\n")
    case "printf":
      guard case .string(let format)?? = args.first else { throw fail("wrong type for value; expected string") }
      return .string(GoFormat.sprintf(format, Array(args.dropFirst())))
    case "eq", "ne", "lt", "le", "gt", "ge":
      guard args.count >= 2 else { throw fail("missing argument for comparison") }
      let ops = ["eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="]
      let left = (args[0] ?? .null)
      if name == "eq" {
        for right in args.dropFirst() {
          if left == .null || right == nil || right == .null {
            if left == (right ?? .null) { return .bool(true) }
            continue
          }
          do {
            if try JSONPath.compare(left, right ?? .null, "==") { return .bool(true) }
          } catch {
            throw fail(error.message)
          }
        }
        return .bool(false)
      }
      do {
        return .bool(try JSONPath.compare(left, args[1] ?? .null, ops[name] ?? "=="))
      } catch {
        throw fail(error.message)
      }
    case "html", "js", "urlquery":
      return .string(GoTemplate.sprint(args))
    default:
      throw fail("function not supported")
    }
  }

  static func truth(_ value: Value) -> Bool {
    switch value {
    case nil, .null?: return false
    case .bool(let flag)?: return flag
    case .int(let number)?: return number != 0
    case .double(let number)?: return number != 0
    case .string(let text)?: return !text.isEmpty
    case .array(let items)?: return !items.isEmpty
    case .object(let object)?: return !object.isEmpty
    }
  }

  /// How an action's value prints: `<no value>` for missing or nil.
  static func printed(_ value: Value) -> String {
    switch value {
    case nil, .null?: return "<no value>"
    case let value?: return GoValueFormat.plain(value)
    }
  }

  static func formatted(_ value: Value) -> String { GoValueFormat.plain(value ?? .null) }

  /// `fmt.Sprint`: a space between operands when neither is a string.
  static func sprint(_ args: [Value]) -> String {
    var out = ""
    for (index, arg) in args.enumerated() {
      if index > 0 {
        let previousIsString: Bool
        if case .string?? = Optional(args[index - 1]) { previousIsString = true } else { previousIsString = false }
        let currentIsString: Bool
        if case .string? = arg { currentIsString = true } else { currentIsString = false }
        if !previousIsString && !currentIsString { out += " " }
      }
      out += formatted(arg)
    }
    return out
  }
}

/// Go's `fmt.Sprintf` for the verbs templates use.
enum GoFormat {
  static func sprintf(_ format: String, _ args: [JSONValue?]) -> String {
    var out = ""
    var chars = Array(format)[...]
    var next = 0
    while let c = chars.popFirst() {
      guard c == "%" else { out.append(c); continue }
      var flags = ""
      while let f = chars.first, "-+# 0".contains(f) { flags.append(f); chars.removeFirst() }
      var width = ""
      while let d = chars.first, d.isNumber { width.append(d); chars.removeFirst() }
      var precision: Int?
      if chars.first == "." {
        chars.removeFirst()
        var digits = ""
        while let d = chars.first, d.isNumber { digits.append(d); chars.removeFirst() }
        precision = Int(digits) ?? 0
      }
      guard let verb = chars.popFirst() else { out += "%!(NOVERB)"; break }
      if verb == "%" { out += "%"; continue }
      guard next < args.count else { out += "%!\(verb)(MISSING)"; continue }
      let arg = args[next] ?? .null
      next += 1
      var text: String
      switch (verb, arg) {
      case ("d", .int(let n)): text = String(n)
      case ("s", .string(let s)), ("v", .string(let s)): text = s
      case ("q", .string(let s)): text = TemplatePrinter.goQuoted(s)
      case ("f", .double(let x)): text = String(format: "%.\(precision ?? 6)f", x)
      case ("f", .int(let n)): text = "%!f(int64=\(n))"
      case ("x", .int(let n)): text = String(n, radix: 16)
      case ("x", .string(let s)): text = s.utf8.map { String(format: "%02x", $0) }.joined()
      case ("t", .bool(let b)): text = b ? "true" : "false"
      case ("v", _): text = GoValueFormat.plain(arg)
      case ("s", .null): text = "%!s(<nil>)"
      default: text = "%!\(verb)(\(GoValueFormat.typeName(arg))=\(GoValueFormat.plain(arg)))"
      }
      if verb == "s", let precision { text = String(text.prefix(precision)) }
      if let w = Int(width), text.count < w {
        let pad = String(repeating: flags.contains("0") && !flags.contains("-") ? "0" : " ", count: w - text.count)
        text = flags.contains("-") ? text + pad : pad + text
      }
      out += text
    }
    if next < args.count {
      out += "%!(EXTRA " + args[next...].map { "\(GoValueFormat.typeName($0 ?? .null))=\(GoValueFormat.plain($0 ?? .null))" }.joined(separator: ", ") + ")"
    }
    return out
  }
}
