import Foundation
import KubeCluster

/// client-go's `util/jsonpath`: templates such as
/// `{range .items[*]}{.metadata.name}{"\n"}{end}`, with fields, `[*]`,
/// slices, unions, filters `[?(@.x=="y")]` and recursive descent `..`.
///
/// Parsing and evaluation follow client-go's rules, including its quirks:
/// text outside braces is printed as is, several results of one action are
/// joined by spaces, and maps and lists print as compact JSON.
struct JSONPath {
  /// One parsed piece of a template.
  indirect enum Node {
    case list([Node])
    case text(String)
    case field(String)
    case array([SliceParameter])
    case filter(left: [Node], right: [Node], op: String)
    case int(Int)
    case float(Double)
    case bool(Bool)
    case wildcard
    case recursive
    case union([[Node]])
    case identifier(String)
  }

  struct SliceParameter {
    var value = 0
    var known = false
    var derived = false
  }

  /// A failure to parse or run a template, worded as client-go words it.
  struct Failure: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
  }

  let nodes: [Node]
  /// The most values one run of a template may go through, counted over
  /// all its steps: recursive descent over recursive descent grows as a
  /// power of the object's size, and would otherwise run for hours.
  static let resultLimit = 1_000_000
  /// Values gone through so far in this run.
  private let budget = Budget()
  var allowMissingKeys = true

  private final class Budget {
    var used = 0
  }
  var outputJSON = false

  init(_ template: String) throws(Failure) {
    var parser = Parser(template)
    nodes = try parser.parseTemplate()
  }

  // MARK: Evaluation

  /// The results of every top-level action, in order, as client-go's
  /// `FindResults` returns them.
  func findResults(_ data: JSONValue) throws(Failure) -> [[JSONValue]] {
    budget.used = 0
    var index = 0
    return try findResults([data], nodes: nodes, index: &index, inRange: false)
  }

  private func findResults(_ data: [JSONValue], nodes: [Node], index: inout Int, inRange: Bool) throws(Failure) -> [[JSONValue]] {
    var all: [[JSONValue]] = []
    while index < nodes.count {
      let node = nodes[index]
      index += 1
      if case .list(let items) = node, case .identifier("end")? = items.first {
        guard inRange else { throw Failure("not in range, nothing to end") }
        return all
      }
      if case .list(let items) = node, case .identifier("range")? = items.first {
        let values = try evalList(data, Array(items.dropFirst()))
        let bodyStart = index
        var bodyEnd = index
        if values.isEmpty {
          _ = try findResults([], nodes: nodes, index: &bodyEnd, inRange: true)
        }
        var produced = 0
        for value in values {
          bodyEnd = bodyStart
          let results = try findResults([value], nodes: nodes, index: &bodyEnd, inRange: true)
          produced += results.reduce(results.count) { $0 + $1.count }
          try charge(produced)
          all += results
        }
        index = bodyEnd
        continue
      }
      all.append(try walk(data, node))
    }
    return all
  }

  /// The printed text: client-go's `Execute` over `findResults`.
  func execute(_ data: JSONValue) throws(Failure) -> String {
    var out = ""
    for results in try findResults(data) {
      if outputJSON {
        out += JSONEmitter.emit(JSONValue.array(results).sortedKeys, sortKeys: true)
        continue
      }
      out += results.map(JSONPath.text(of:)).joined(separator: " ")
    }
    return out
  }

  /// How one result prints: maps and lists as compact JSON, the rest as Go's
  /// `fmt.Print`.
  static func text(of value: JSONValue) -> String {
    switch value {
    case .array, .object: return value.sortedKeys.compactJSON
    case .null: return "null"
    default: return GoValueFormat.plain(value)
    }
  }

  private func walk(_ values: [JSONValue], _ node: Node) throws(Failure) -> [JSONValue] {
    switch node {
    case .list(let nodes): return try evalList(values, nodes)
    case .text(let text): return [.string(text)]
    case .field(let name): return try evalField(values, name)
    case .array(let parameters): return try evalArray(values, parameters)
    case .filter(let left, let right, let op): return try evalFilter(values, left, right, op)
    case .int(let number): return values.map { _ in .int(number) }
    case .float(let number): return values.map { _ in .double(number) }
    case .bool(let flag): return values.map { _ in .bool(flag) }
    case .wildcard: return values.flatMap(JSONPath.children(of:))
    case .recursive:
      var result: [JSONValue] = []
      for value in values {
        let found = JSONPath.descendants(of: value)
        try charge(found.count)
        result += found
      }
      return result
    case .union(let lists):
      var result: [JSONValue] = []
      for list in lists { result += try evalList(values, list) }
      return result
    case .identifier(let name):
      switch name {
      case "range": return values
      case "end": throw Failure("not in range, nothing to end")
      default: throw Failure("unrecognized identifier \(name)")
      }
    }
  }

  private func evalList(_ values: [JSONValue], _ nodes: [Node]) throws(Failure) -> [JSONValue] {
    var current = values
    for node in nodes {
      current = try walk(current, node)
      try charge(current.count)
    }
    return current
  }

  private func charge(_ count: Int) throws(Failure) {
    budget.used += count
    guard budget.used > JSONPath.resultLimit else { return }
    throw Failure("the template went through more than \(JSONPath.resultLimit) values; recursive descent (..) over a list of objects grows fast, so name the fields instead")
  }

  private func evalField(_ values: [JSONValue], _ name: String) throws(Failure) -> [JSONValue] {
    guard !values.isEmpty else { return [] }
    var results: [JSONValue] = []
    for value in values {
      if case .object(let object) = value, let member = object[name] { results.append(member) }
    }
    if results.isEmpty && !allowMissingKeys { throw Failure("\(name) is not found") }
    return results
  }

  private func evalArray(_ values: [JSONValue], _ parameters: [SliceParameter]) throws(Failure) -> [JSONValue] {
    var result: [JSONValue] = []
    for value in values {
      if value.isNull { continue }
      guard case .array(let items) = value else {
        throw Failure("\(GoValueFormat.typeName(value)) is not array or slice")
      }
      var p = parameters
      if !p[0].known { p[0].value = 0 }
      if p[0].value < 0 { p[0].value += items.count }
      if !p[1].known { p[1].value = items.count }
      if p[1].value < 0 || (p[1].value == 0 && p[1].derived) { p[1].value += items.count }
      guard p[1].value != p[0].value else { return result }
      if p[0].value >= items.count || p[0].value < 0 {
        throw Failure("array index out of bounds: index \(p[0].value), length \(items.count)")
      }
      if p[1].value > items.count || p[1].value < 0 {
        throw Failure("array index out of bounds: index \(p[1].value - 1), length \(items.count)")
      }
      if p[0].value > p[1].value {
        throw Failure("starting index \(p[0].value) is greater than ending index \(p[1].value)")
      }
      var step = 1
      if p[2].known {
        guard p[2].value > 0 else { throw Failure("step must be > 0") }
        step = p[2].value
      }
      let slice = Array(items[p[0].value..<p[1].value])
      for index in stride(from: 0, to: slice.count, by: step) { result.append(slice[index]) }
    }
    return result
  }

  private func evalFilter(_ values: [JSONValue], _ left: [Node], _ right: [Node], _ op: String) throws(Failure) -> [JSONValue] {
    var results: [JSONValue] = []
    for value in values {
      guard case .array(let items) = value else {
        throw Failure("\(GoValueFormat.goSyntax(value)) is not array or slice and cannot be filtered")
      }
      for item in items {
        if op == "exists" {
          if let lefts = try? evalList([item], left), !lefts.isEmpty { results.append(item) }
          continue
        }
        let lefts = try evalList([item], left)
        if lefts.isEmpty { continue }
        guard lefts.count == 1 else { throw Failure("can only compare one element at a time") }
        let rights = try evalList([item], right)
        if rights.isEmpty { continue }
        guard rights.count == 1 else { throw Failure("can only compare one element at a time") }
        if try JSONPath.compare(lefts[0], rights[0], op) { results.append(item) }
      }
    }
    return results
  }

  /// text/template's `eq`, `lt` and friends, as the filter uses them.
  static func compare(_ a: JSONValue, _ b: JSONValue, _ op: String) throws(Failure) -> Bool {
    if op == "=~" {
      guard case .string(let data) = a, case .string(let pattern) = b else {
        throw Failure("regexp search only support string now")
      }
      return data.range(of: pattern, options: .regularExpression) != nil
    }
    enum Basic { case int(Int), float(Double), string(String), bool(Bool) }
    func basic(_ value: JSONValue) -> Basic? {
      switch value {
      case .int(let x): return .int(x)
      case .double(let x): return .float(x)
      case .string(let x): return .string(x)
      case .bool(let x): return .bool(x)
      default: return nil
      }
    }
    guard let x = basic(a), let y = basic(b) else { throw Failure("invalid type for comparison") }
    let order: Int
    switch (x, y) {
    case (.int(let p), .int(let q)): order = p < q ? -1 : (p == q ? 0 : 1)
    case (.float(let p), .float(let q)): order = p < q ? -1 : (p == q ? 0 : 1)
    case (.string(let p), .string(let q)): order = p < q ? -1 : (p == q ? 0 : 1)
    case (.bool(let p), .bool(let q)):
      guard op == "==" || op == "!=" else { throw Failure("invalid type for comparison") }
      order = p == q ? 0 : 1
    default: throw Failure("incompatible types for comparison")
    }
    switch op {
    case "==": return order == 0
    case "!=": return order != 0
    case "<": return order < 0
    case ">": return order > 0
    case "<=": return order <= 0
    case ">=": return order >= 0
    default: throw Failure("unrecognized filter operator \(op)")
    }
  }

  /// A value's members in key order (Go leaves map order random; sorted keys
  /// keep the output deterministic).
  static func children(of value: JSONValue) -> [JSONValue] {
    switch value {
    case .object(let object): return object.keys.sorted().compactMap { object[$0] }
    case .array(let items): return items
    case .string(let text): return text.utf8.map { .int(Int($0)) }
    default: return []
    }
  }

  static func descendants(of value: JSONValue) -> [JSONValue] {
    let children = children(of: value)
    guard !children.isEmpty else { return [] }
    if case .string = value { return [value] }
    return [value] + children.flatMap(descendants(of:))
  }

  // MARK: Parsing

  /// client-go's hand-written parser, rune by rune.
  struct Parser {
    let input: [Character]
    var pos = 0
    var start = 0

    init(_ text: String) { input = Array(text) }

    private func peek(_ offset: Int = 0) -> Character? {
      pos + offset < input.count ? input[pos + offset] : nil
    }

    private func hasPrefix(_ prefix: String) -> Bool {
      let chars = Array(prefix)
      guard pos + chars.count <= input.count else { return false }
      return Array(input[pos..<(pos + chars.count)]) == chars
    }

    private mutating func consume() -> String {
      let text = String(input[start..<pos])
      start = pos
      return text
    }

    mutating func parseTemplate() throws(Failure) -> [Node] {
      var root: [Node] = []
      while pos < input.count {
        if hasPrefix("{") {
          if pos > start { root.append(.text(consume())) }
          pos += 1
          _ = consume()
          var action: [Node] = []
          try parseInsideAction(&action)
          root.append(.list(action))
          continue
        }
        pos += 1
      }
      if pos > start { root.append(.text(consume())) }
      return root
    }

    /// Parses one `{...}` body (the opening brace already consumed) up to and
    /// including its closing brace.
    mutating func parseInsideAction(_ current: inout [Node]) throws(Failure) {
      while true {
        if hasPrefix("}") {
          pos += 1
          _ = consume()
          return
        }
        if hasPrefix("[?(") {
          try parseFilter(&current)
          continue
        }
        if hasPrefix("..") {
          if case .recursive? = current.last { throw Failure("invalid multiple recursive descent") }
          pos += 2
          _ = consume()
          current.append(.recursive)
          if let next = peek(), JSONPath.isAlphaNumeric(next) { parseField(&current) }
          continue
        }
        guard let character = peek() else { throw Failure("unclosed action") }
        pos += 1
        switch character {
        case "\r", "\n":
          throw Failure("unclosed action")
        case " ", "@", "$":
          _ = consume()
        case "[":
          try parseArray(&current)
        case "\"", "'":
          try parseQuote(&current, end: character)
        case ".":
          _ = consume()
          parseField(&current)
        case "+", "-", _ where character.isNumber:
          pos -= 1
          try parseNumber(&current)
        case _ where JSONPath.isAlphaNumeric(character):
          pos -= 1
          while let next = peek(), !JSONPath.isTerminator(next) { pos += 1 }
          let value = consume()
          if value == "true" || value == "false" {
            current.append(.bool(value == "true"))
          } else {
            current.append(.identifier(value))
          }
        default:
          throw Failure("unrecognized character in action: \(JSONPath.goRune(character))")
        }
      }
    }

    private mutating func parseField(_ current: inout [Node]) {
      _ = consume()
      while let next = peek() {
        if next == "\\" {
          pos += min(2, input.count - pos)
          continue
        }
        if JSONPath.isTerminator(next) { break }
        pos += 1
      }
      let value = consume()
      current.append(value == "*" ? .wildcard : .field(value.replacingOccurrences(of: "\\", with: "")))
    }

    private mutating func parseNumber(_ current: inout [Node]) throws(Failure) {
      if let sign = peek(), sign == "+" || sign == "-" { pos += 1 }
      while let next = peek(), next == "." || next.isNumber { pos += 1 }
      let value = consume()
      if let number = Int(value) {
        current.append(.int(number))
      } else if let number = Double(value) {
        current.append(.float(number))
      } else {
        throw Failure("cannot parse number \(value)")
      }
    }

    private mutating func parseArray(_ current: inout [Node]) throws(Failure) {
      while true {
        guard let next = peek(), next != "\n" else { throw Failure("unterminated array") }
        pos += 1
        if next == "]" { break }
      }
      var text = String(consume().dropFirst().dropLast())
      if text == "*" { text = ":" }
      let parts = text.split(separator: ",", omittingEmptySubsequences: false)
      if parts.count > 1 {
        var union: [[Node]] = []
        for part in parts {
          var parser = Parser("{[\(part.trimmingCharacters(in: .whitespaces))]}")
          let parsed = try parser.parseTemplate()
          if case .list(let items)? = parsed.first { union.append(items) }
        }
        current.append(.union(union))
        return
      }
      if text.count >= 2, text.first == "'", text.last == "'", !text.dropFirst().dropLast().contains("'") {
        var parser = Parser("{.\(text.dropFirst().dropLast())}")
        if case .list(let items)? = try parser.parseTemplate().first { current += items }
        return
      }
      guard let parameters = JSONPath.sliceParameters(text) else {
        throw Failure("invalid array index \(text)")
      }
      current.append(.array(parameters))
    }

    private mutating func parseFilter(_ current: inout [Node]) throws(Failure) {
      pos += 3
      _ = consume()
      var begin = false
      var end = false
      var pair: Character = "\""
      loop: while true {
        guard let next = peek(), next != "\n" else { throw Failure("unterminated filter") }
        pos += 1
        switch next {
        case "\"", "'":
          if !begin {
            begin = true
            pair = next
            continue
          }
          if input[pos - 2] != "\\" && next == pair { end = true }
        case ")":
          if begin == end { break loop }
        default:
          break
        }
      }
      guard peek() == "]" else { throw Failure("unclosed array expect ]") }
      pos += 1
      let text = String(consume().dropLast(2))
      if let match = JSONPath.splitComparison(text) {
        var left = Parser("{\(match.left)}")
        var right = Parser("{\(match.right)}")
        guard case .list(let l)? = try left.parseTemplate().first,
          case .list(let r)? = try right.parseTemplate().first
        else { throw Failure("invalid filter") }
        current.append(.filter(left: l, right: r, op: match.op))
      } else {
        var parser = Parser("{\(text)}")
        guard case .list(let l)? = try parser.parseTemplate().first else { throw Failure("invalid filter") }
        current.append(.filter(left: l, right: [], op: "exists"))
      }
    }

    private mutating func parseQuote(_ current: inout [Node], end: Character) throws(Failure) {
      while true {
        guard let next = peek(), next != "\n" else { throw Failure("unterminated quoted string") }
        pos += 1
        if next == end && input[pos - 2] != "\\" { break }
      }
      let value = consume()
      guard let text = JSONPath.unquote(value) else {
        throw Failure("unquote string \(value) error invalid syntax")
      }
      current.append(.text(text))
    }
  }

  /// `^([^!<>=]+)([!<>=~]+)(.+?)$`
  static func splitComparison(_ text: String) -> (left: String, op: String, right: String)? {
    let operators: Set<Character> = ["!", "<", ">", "=", "~"]
    let chars = Array(text)
    var index = 0
    while index < chars.count, !["!", "<", ">", "="].contains(chars[index]) { index += 1 }
    guard index > 0, index < chars.count else { return nil }
    var opEnd = index
    while opEnd < chars.count, operators.contains(chars[opEnd]) { opEnd += 1 }
    guard opEnd < chars.count else { return nil }
    return (String(chars[..<index]), String(chars[index..<opEnd]), String(chars[opEnd...]))
  }

  /// `^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$` and client-go's defaults.
  static func sliceParameters(_ text: String) -> [SliceParameter]? {
    let pieces = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard pieces.count <= 3 else { return nil }
    func valid(_ piece: String) -> Bool {
      let digits = piece.hasPrefix("-") ? String(piece.dropFirst()) : piece
      return digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }
    guard pieces.allSatisfy(valid) else { return nil }
    var parameters = [SliceParameter](repeating: SliceParameter(), count: 3)
    for index in 0..<3 {
      if index < pieces.count, index == 0 ? !pieces[0].isEmpty : true {
        let piece = pieces[index]
        if index > 0 && piece.isEmpty {
          parameters[index].known = false
        } else {
          guard let number = Int(piece) else { return nil }
          parameters[index] = SliceParameter(value: number, known: true)
        }
      } else if index == 1 {
        parameters[1] = SliceParameter(value: parameters[0].value + 1, known: true, derived: true)
      }
    }
    return parameters
  }

  static func unquote(_ quoted: String) -> String? {
    let chars = Array(quoted)
    guard chars.count >= 2, chars.first == chars.last, chars.first == "\"" || chars.first == "'" else { return nil }
    var out = ""
    var index = 1
    while index < chars.count - 1 {
      let c = chars[index]
      index += 1
      guard c == "\\" else {
        out.append(c)
        continue
      }
      guard index < chars.count - 1 else { return nil }
      let e = chars[index]
      index += 1
      switch e {
      case "n": out += "\n"
      case "t": out += "\t"
      case "r": out += "\r"
      case "a": out += "\u{07}"
      case "b": out += "\u{08}"
      case "f": out += "\u{0C}"
      case "v": out += "\u{0B}"
      case "\\": out += "\\"
      case "\"", "'": out.append(e)
      case "x", "u", "U":
        let length = e == "x" ? 2 : (e == "u" ? 4 : 8)
        guard index + length <= chars.count - 1,
          let code = UInt32(String(chars[index..<(index + length)]), radix: 16),
          let scalar = Unicode.Scalar(code)
        else { return nil }
        out.unicodeScalars.append(scalar)
        index += length
      default: return nil
      }
    }
    return out
  }

  static func isAlphaNumeric(_ c: Character) -> Bool { c == "_" || c.isLetter || c.isNumber }

  static func isTerminator(_ c: Character) -> Bool {
    [" ", "\t", "\r", "\n", ".", ",", "[", "]", "$", "@", "{", "}"].contains(c)
  }

  /// Go's `%#U`: `U+002C ','`.
  static func goRune(_ c: Character) -> String {
    let scalar = c.unicodeScalars.first?.value ?? 0
    return String(format: "U+%04X '%@'", scalar, String(c))
  }
}

/// Go's `fmt` renderings of decoded JSON (`map[string]interface{}` and
/// friends), for the places where kubectl prints values with `%v` or `%#v`.
enum GoValueFormat {
  /// `fmt.Sprint(value)`: `map[a:b]`, `[x y]`, `<nil>`.
  static func plain(_ value: JSONValue) -> String {
    switch value {
    case .null: return "<nil>"
    case .bool(let flag): return flag ? "true" : "false"
    case .int(let number): return String(number)
    case .double(let number): return float(number)
    case .string(let text): return text
    case .array(let items): return "[" + items.map(plain).joined(separator: " ") + "]"
    case .object(let object):
      return "map[" + object.keys.sorted().map { "\($0):\(plain(object[$0] ?? .null))" }.joined(separator: " ") + "]"
    }
  }

  /// `%#v` of decoded JSON, as kubectl's template error messages show it.
  static func goSyntax(_ value: JSONValue) -> String {
    switch value {
    case .null: return "interface {}(nil)"
    case .bool(let flag): return flag ? "true" : "false"
    case .int(let number): return String(number)
    case .double(let number): return float(number)
    case .string(let text): return JSONValue.quoted(text)
    case .array(let items): return "[]interface {}{" + items.map(goSyntax).joined(separator: ", ") + "}"
    case .object(let object):
      return "map[string]interface {}{"
        + object.keys.sorted().map { "\(JSONValue.quoted($0)):\(goSyntax(object[$0] ?? .null))" }.joined(separator: ", ") + "}"
    }
  }

  static func typeName(_ value: JSONValue) -> String {
    switch value {
    case .null: return "interface {}"
    case .bool: return "bool"
    case .int: return "int64"
    case .double: return "float64"
    case .string: return "string"
    case .array: return "[]interface {}"
    case .object: return "map[string]interface {}"
    }
  }

  /// Go's `%v` of a float64: shortest digits, exponent form below 1e-4 or
  /// from 1e21 on.
  static func float(_ number: Double) -> String {
    if number.isNaN { return "NaN" }
    if number.isInfinite { return number > 0 ? "+Inf" : "-Inf" }
    let magnitude = abs(number)
    if magnitude != 0 && (magnitude < 1e-4 || magnitude >= 1e21) {
      var text = "\(number)"  // Swift: 1e+21 / 1e-05
      if let e = text.firstIndex(of: "e") {
        var mantissa = String(text[..<e])
        if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
        var exponent = String(text[text.index(after: e)...])
        var sign = "+"
        if exponent.hasPrefix("-") { sign = "-"; exponent.removeFirst() } else if exponent.hasPrefix("+") { exponent.removeFirst() }
        if exponent.count < 2 { exponent = "0" + exponent }
        text = mantissa + "e" + sign + exponent
      }
      return text
    }
    if number == number.rounded() { return String(Int(number)) }
    return "\(number)"
  }
}
