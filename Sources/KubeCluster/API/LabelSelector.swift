import Foundation

/// A label query: equality-based (`app=web`, `tier!=db`) and set-based
/// (`env in (prod,dev)`, `!canary`, `app`) requirements, all of which must hold.
package struct LabelSelector: Equatable, Sendable, CustomStringConvertible {
  package enum Operator: String, Sendable {
    case equals = "="
    case notEquals = "!="
    case `in` = "in"
    case notIn = "notin"
    case exists = "exists"
    case doesNotExist = "!"
    case greaterThan = "gt"
    case lessThan = "lt"
  }

  package struct Requirement: Equatable, Sendable {
    package var key: String
    package var op: Operator
    package var values: [String]

    package func matches(_ labels: [String: String]) -> Bool {
      switch op {
      case .equals, .in: return labels[key].map { values.contains($0) } ?? false
      case .notEquals, .notIn: return labels[key].map { !values.contains($0) } ?? true
      case .exists: return labels[key] != nil
      case .doesNotExist: return labels[key] == nil
      case .greaterThan, .lessThan:
        guard values.count == 1, let wanted = Int64(values[0]),
          let have = labels[key].flatMap({ Int64($0) })
        else { return false }
        return op == .greaterThan ? have > wanted : have < wanted
      }
    }

    var text: String {
      switch op {
      case .equals: "\(key)=\(values.first ?? "")"
      case .notEquals: "\(key)!=\(values.first ?? "")"
      case .in: "\(key) in (\(values.sorted().joined(separator: ",")))"
      case .notIn: "\(key) notin (\(values.sorted().joined(separator: ",")))"
      case .exists: key
      case .doesNotExist: "!\(key)"
      case .greaterThan: "\(key)>\(values.first ?? "")"
      case .lessThan: "\(key)<\(values.first ?? "")"
      }
    }
  }

  package var requirements: [Requirement]
  /// A selector that matches nothing, as a nil `spec.selector` does for some kinds.
  package var matchesNothing = false

  package init(_ requirements: [Requirement] = []) {
    self.requirements = requirements
  }

  package static let everything = LabelSelector()
  package static let nothing: LabelSelector = {
    var selector = LabelSelector()
    selector.matchesNothing = true
    return selector
  }()

  package init(matchLabels: [String: String]) {
    requirements = matchLabels.keys.sorted().map {
      Requirement(key: $0, op: .equals, values: [matchLabels[$0] ?? ""])
    }
  }

  package var isEmpty: Bool { requirements.isEmpty && !matchesNothing }

  package func matches(_ labels: [String: String]) -> Bool {
    !matchesNothing && requirements.allSatisfy { $0.matches(labels) }
  }

  /// `app=web,tier in (a,b)`: the form kubectl describe prints.
  package var description: String {
    requirements.map(\.text).joined(separator: ",")
  }

  /// Reads a `metav1.LabelSelector` (`matchLabels` and `matchExpressions`).
  package init(json: JSONValue?) {
    guard let json, json.object != nil else {
      self = .nothing
      return
    }
    var requirements: [Requirement] = []
    let matchLabels = Object.stringMap(json["matchLabels"])
    for key in matchLabels.keys.sorted() {
      requirements.append(Requirement(key: key, op: .equals, values: [matchLabels[key] ?? ""]))
    }
    for expression in json["matchExpressions"]?.array ?? [] {
      let key = expression["key"]?.string ?? ""
      let values = expression["values"]?.array?.compactMap(\.string) ?? []
      let op: Operator
      switch expression["operator"]?.string ?? "" {
      case "In": op = .in
      case "NotIn": op = .notIn
      case "Exists": op = .exists
      case "DoesNotExist": op = .doesNotExist
      default: continue
      }
      requirements.append(Requirement(key: key, op: op, values: values))
    }
    self.requirements = requirements
  }

  /// Parses kubectl's `-l` syntax the way apimachinery's `labels.Parse`
  /// does: the same tokens, the same grammar, the same error text.
  package static func parse(_ text: String) throws(SelectorParseError) -> LabelSelector {
    var parser = SelectorParser(tokens: SelectorLexer.tokens(of: text))
    return LabelSelector(try parser.parse())
  }
}

/// A `-l` selector kubectl cannot parse; `message` is what kubectl prints
/// after `error: `.
package struct SelectorParseError: Error, Equatable, Sendable {
  package var message: String
}

/// The selector's tokens, read byte by byte as Go's lexer reads them.
struct SelectorLexer {
  enum Token: Equatable {
    case end, closePar, comma, not, doubleEquals, equals, greater, identifier, `in`, less, notEquals
    case notIn, openPar, error
  }

  static let symbols: [String: Token] = [
    ")": .closePar, ",": .comma, "!": .not, "==": .doubleEquals, "=": .equals, ">": .greater,
    "<": .less, "!=": .notEquals, "(": .openPar,
  ]

  static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
  }

  static func isSpecial(_ byte: UInt8) -> Bool {
    "=!(),><".utf8.contains(byte)
  }

  static func tokens(of text: String) -> [(Token, String)] {
    let bytes = Array(text.utf8)
    var position = 0
    // A NUL byte ends the text, as Go's lexer reads it.
    func peek() -> UInt8 { position < bytes.count ? bytes[position] : 0 }
    var tokens: [(Token, String)] = []
    while true {
      while isWhitespace(peek()) { position += 1 }
      let first = peek()
      if first == 0 {
        tokens.append((.end, ""))
        return tokens
      }
      if isSpecial(first) {
        var buffer: [UInt8] = []
        var last: (Token, String)?
        while isSpecial(peek()) {
          buffer.append(peek())
          let text = String(decoding: buffer, as: UTF8.self)
          if let token = symbols[text] {
            last = (token, text)
          } else if last != nil {
            break
          }
          position += 1
        }
        tokens.append(last ?? (.error, "error expected: keyword found '\(String(decoding: buffer, as: UTF8.self))'"))
      } else {
        let start = position
        while peek() != 0 && !isSpecial(peek()) && !isWhitespace(peek()) { position += 1 }
        let word = String(decoding: bytes[start..<position], as: UTF8.self)
        tokens.append((word == "in" ? .in : word == "notin" ? .notIn : .identifier, word))
      }
    }
  }
}

/// The recursive descent over the tokens, after apimachinery's `Parser`.
/// `in` and `notin` read as identifiers wherever a value may stand.
struct SelectorParser {
  typealias Token = SelectorLexer.Token
  typealias Requirement = LabelSelector.Requirement
  let tokens: [(Token, String)]
  var position = 0

  init(tokens: [(Token, String)]) { self.tokens = tokens }

  private func peek(asValue: Bool = true) -> (Token, String) {
    let (token, text) = tokens[min(position, tokens.count - 1)]
    return (asValue && (token == .in || token == .notIn) ? .identifier : token, text)
  }

  private mutating func next(asValue: Bool = true) -> (Token, String) {
    defer { position += 1 }
    return peek(asValue: asValue)
  }

  private static func fail(_ message: String) -> SelectorParseError {
    SelectorParseError(message: message)
  }

  mutating func parse() throws(SelectorParseError) -> [Requirement] {
    var requirements: [Requirement] = []
    while true {
      let (token, text) = peek()
      switch token {
      case .identifier, .not:
        do {
          requirements.append(try requirement())
        } catch {
          throw Self.fail("unable to parse requirement: \(error.message)")
        }
        let (after, afterText) = next()
        switch after {
        case .end: return requirements
        case .comma:
          let (following, followingText) = peek()
          if following != .identifier && following != .not {
            throw Self.fail("found '\(followingText)', expected: identifier after ','")
          }
        default:
          throw Self.fail("found '\(afterText)', expected: ',' or 'end of string'")
        }
      case .end:
        return requirements
      default:
        throw Self.fail("found '\(text)', expected: !, identifier, or 'end of string'")
      }
    }
  }

  private mutating func requirement() throws(SelectorParseError) -> Requirement {
    var (token, key) = next()
    var negated = false
    if token == .not {
      negated = true
      (token, key) = next()
    }
    guard token == .identifier else { throw Self.fail("found '\(key)', expected: identifier") }
    let keyProblems = LabelSelector.keyProblems(key)
    if !keyProblems.isEmpty {
      throw Self.fail("<nil>: Invalid value: \(GoSyntax.quoted(key)): \(keyProblems.joined(separator: "; "))")
    }
    let (following, _) = peek()
    if negated || following == .end || following == .comma {
      // `!a` followed by anything else is left for the caller to reject.
      return Requirement(key: key, op: negated ? .doesNotExist : .exists, values: [])
    }
    let (opToken, opText) = next(asValue: false)
    let op: LabelSelector.Operator
    var values: [String]
    switch opToken {
    case .in, .notIn:
      op = opToken == .in ? .in : .notIn
      values = try valueSet()
    case .equals, .doubleEquals, .notEquals, .greater, .less:
      switch opToken {
      case .notEquals: op = .notEquals
      case .greater: op = .greaterThan
      case .less: op = .lessThan
      default: op = .equals
      }
      values = [try exactValue()]
    default:
      throw Self.fail("found '\(opText)', expected: in, notin, =, ==, !=, gt, lt")
    }
    var problems: [String] = []
    if op == .greaterThan || op == .lessThan {
      for (index, value) in values.enumerated() where Int64(value) == nil {
        problems.append(
          "values[\(index)]: Invalid value: \(GoSyntax.quoted(value)): for 'Gt', 'Lt' operators, the value must be an integer")
      }
    }
    for (index, value) in values.enumerated() {
      let valueProblems = LabelSelector.valueProblems(value)
      if !valueProblems.isEmpty {
        problems.append(
          "values[\(index)][\(key)]: Invalid value: \(GoSyntax.quoted(value)): \(valueProblems.joined(separator: "; "))")
      }
    }
    var seen = Set<String>()
    problems = problems.filter { seen.insert($0).inserted }
    if problems.count == 1 { throw Self.fail(problems[0]) }
    if problems.count > 1 { throw Self.fail("[\(problems.joined(separator: ", "))]") }
    return Requirement(key: key, op: op, values: values)
  }

  /// `(a,b)`: a sorted set, where empty places (`()`, `(,a)`) are the empty value.
  private mutating func valueSet() throws(SelectorParseError) -> [String] {
    let (open, openText) = next()
    guard open == .openPar else { throw Self.fail("found '\(openText)' expected: '('") }
    let (first, firstText) = peek()
    var values = Set<String>()
    switch first {
    case .closePar:
      position += 1
      return [""]
    case .identifier, .comma:
      list: while true {
        let (token, text) = next()
        switch token {
        case .identifier:
          values.insert(text)
          let (after, afterText) = peek()
          switch after {
          case .comma: continue list
          case .closePar: break list
          default: throw Self.fail("found '\(afterText)', expected: ',' or ')'")
          }
        case .comma:
          if values.isEmpty { values.insert("") }
          let (after, _) = peek()
          if after == .closePar {
            values.insert("")
            break list
          }
          if after == .comma {
            position += 1
            values.insert("")
          }
        default:
          throw Self.fail("found '\(text)', expected: ',', or identifier")
        }
      }
      guard next().0 == .closePar else { throw Self.fail("found '\(firstText)', expected: ')'") }
      return values.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    default:
      throw Self.fail("found '\(firstText)', expected: ',', ')' or identifier")
    }
  }

  private mutating func exactValue() throws(SelectorParseError) -> String {
    let (token, text) = peek()
    if token == .end || token == .comma { return "" }
    position += 1
    guard token == .identifier else { throw Self.fail("found '\(text)', expected: identifier") }
    return text
  }
}

extension LabelSelector {
  private static let qualifiedPart =
    "consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
    + "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
    + "validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"

  private static func isAlnum(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
  }

  private static func isQualifiedPart(_ text: Substring) -> Bool {
    let bytes = Array(text.utf8)
    guard let first = bytes.first, let last = bytes.last else { return false }
    return isAlnum(first) && isAlnum(last)
      && bytes.allSatisfy { isAlnum($0) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
  }

  /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?` joined by dots, with no length limit.
  private static func isSubdomainShaped(_ text: Substring) -> Bool {
    text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
      let bytes = Array(label.utf8)
      func lowerAlnum(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) }
      guard let first = bytes.first, let last = bytes.last else { return false }
      return lowerAlnum(first) && lowerAlnum(last) && bytes.allSatisfy { lowerAlnum($0) || $0 == 0x2D }
    }
  }

  /// What `validation.IsQualifiedName` finds wrong with a label key.
  static func keyProblems(_ key: String) -> [String] {
    let parts = key.split(separator: "/", omittingEmptySubsequences: false)
    var problems: [String] = []
    let name: Substring
    switch parts.count {
    case 1: name = parts[0]
    case 2:
      let prefix = parts[0]
      name = parts[1]
      if prefix.isEmpty {
        problems.append("prefix part must be non-empty")
      } else {
        if prefix.utf8.count > 253 { problems.append("prefix part must be no more than 253 characters") }
        if !isSubdomainShaped(prefix) { problems.append("prefix part \(NameRules.dns1123SubdomainMessage)") }
      }
    default:
      return ["a qualified name must \(qualifiedPart) with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]
    }
    if name.isEmpty {
      problems.append("name part must be non-empty")
    } else if name.utf8.count > 63 {
      problems.append("name part must be no more than 63 characters")
    }
    if !isQualifiedPart(name) { problems.append("name part must \(qualifiedPart)") }
    return problems
  }

  /// What `validation.IsValidLabelValue` finds wrong with a label value.
  static func valueProblems(_ value: String) -> [String] {
    var problems: [String] = []
    if value.utf8.count > 63 { problems.append("must be no more than 63 characters") }
    if !value.isEmpty && !isQualifiedPart(value[...]) {
      problems.append(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' "
          + "or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or "
          + "'my_value',  or '12345', regex used for validation is "
          + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")
    }
    return problems
  }
}
