import Foundation

/// Runs an `AwkProgram` over input records.
struct AwkMachine {
  /// Non-local exits of awk statements.
  enum Jump: Error {
    case next
    case exit(Int32)
    case breakLoop
    case continueLoop
  }

  /// A fatal error at run time, printed as `awk: MESSAGE`.
  struct RuntimeError: Error {
    var message: String
  }

  /// An associative array that remembers insertion order, so `for (k in a)`
  /// is deterministic.
  struct AwkArray {
    var keys: [String] = []
    var values: [String: AwkValue] = [:]

    subscript(key: String) -> AwkValue? {
      get { values[key] }
      set {
        if values[key] == nil, newValue != nil { keys.append(key) }
        if newValue == nil { keys.removeAll { $0 == key } }
        values[key] = newValue
      }
    }
  }

  private static let loopLimit = 1_000_000
  private static let fieldLimit = 32767

  var variables: [String: AwkValue] = [
    "FS": .string(" "), "OFS": .string(" "), "ORS": .string("\n"), "SUBSEP": .string("\u{1C}"),
    "CONVFMT": .string("%.6g"), "OFMT": .string("%.6g"), "NR": .number(0), "FNR": .number(0),
    "RSTART": .number(0), "RLENGTH": .number(-1), "FILENAME": .string(""),
  ]
  var arrays: [String: AwkArray] = [:]
  /// `$0` then `$1`…`$NF`.
  private(set) var fields: [String] = [""]
  var output = ""
  private var regexCache: [String: NSRegularExpression] = [:]

  private var convfmt: String { variables["CONVFMT"]?.string() ?? "%.6g" }
  private var ofmt: String { variables["OFMT"]?.string() ?? "%.6g" }

  // MARK: Records and fields

  /// Makes `text` the current record and splits it into fields.
  mutating func setRecord(_ text: String) throws {
    fields = [text] + (try split(text, separator: variables["FS"]?.string() ?? " "))
  }

  private mutating func split(_ text: String, separator: String) throws -> [String] {
    guard !text.isEmpty else { return [] }
    if separator == " " {
      return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
    }
    if separator.count == 1, separator != "\\" {
      return text.split(separator: Character(separator), omittingEmptySubsequences: false).map(
        String.init)
    }
    return try split(text, regex: regex(separator))
  }

  private func split(_ text: String, regex: NSRegularExpression) -> [String] {
    var pieces: [String] = []
    var start = text.startIndex
    for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
    where match.range.length > 0 {
      guard let range = Range(match.range, in: text) else { continue }
      pieces.append(String(text[start..<range.lowerBound]))
      start = range.upperBound
    }
    pieces.append(String(text[start...]))
    return pieces
  }

  private mutating func field(_ index: Int) throws -> AwkValue {
    guard index >= 0 else {
      throw RuntimeError(message: "trying to access out of range field \(index)")
    }
    return index < fields.count ? .strnum(fields[index]) : .uninitialized
  }

  private mutating func setField(_ index: Int, _ value: String) throws {
    guard index >= 0 else {
      throw RuntimeError(message: "trying to access out of range field \(index)")
    }
    guard index <= Self.fieldLimit else {
      throw RuntimeError(
        message: "program limit exceeded: maximum number of fields size=\(Self.fieldLimit)")
    }
    if index == 0 {
      try setRecord(value)
      return
    }
    while fields.count <= index { fields.append("") }
    fields[index] = value
    rebuildRecord()
  }

  private mutating func rebuildRecord() {
    fields[0] = fields.dropFirst().joined(separator: variables["OFS"]?.string() ?? " ")
  }

  // MARK: Variables

  private func variable(_ name: String) -> AwkValue {
    name == "NF" ? .number(Double(fields.count - 1)) : variables[name] ?? .uninitialized
  }

  private mutating func setVariable(_ name: String, _ value: AwkValue) throws {
    guard name == "NF" else {
      variables[name] = value
      return
    }
    let count = max(0, AwkValue.integer(value.number))
    guard count <= Self.fieldLimit else {
      throw RuntimeError(
        message: "program limit exceeded: maximum number of fields size=\(Self.fieldLimit)")
    }
    while fields.count - 1 < count { fields.append("") }
    fields = Array(fields.prefix(count + 1))
    rebuildRecord()
  }

  private mutating func key(_ subscripts: [AwkExpression]) throws -> String {
    let separator = variables["SUBSEP"]?.string() ?? "\u{1C}"
    return try subscripts.map { try evaluate($0).string(format: convfmt) }.joined(
      separator: separator)
  }

  private mutating func assign(_ target: AwkExpression, _ value: AwkValue) throws {
    switch target {
    case .variable(let name):
      try setVariable(name, value)
    case .field(let index):
      try setField(AwkValue.integer(try evaluate(index).number), value.string(format: convfmt))
    case .element(let name, let subscripts):
      let key = try key(subscripts)
      arrays[name, default: AwkArray()][key] = value
    case .grouping(let list) where list.count == 1:
      try assign(list[0], value)
    default:
      throw RuntimeError(message: "assignment to a non-variable")
    }
  }

  // MARK: Regular expressions

  mutating func regex(_ pattern: String) throws -> NSRegularExpression {
    if let cached = regexCache[pattern] { return cached }
    do {
      let compiled = try NSRegularExpression(
        pattern: try PosixRegex.translate(pattern, extended: true))
      regexCache[pattern] = compiled
      return compiled
    } catch {
      throw RuntimeError(message: "regular expression compile failed: \(pattern)")
    }
  }

  private mutating func regex(for expression: AwkExpression) throws -> NSRegularExpression {
    if case .regex(let pattern) = expression { return try regex(pattern) }
    return try regex(try evaluate(expression).string(format: convfmt))
  }

  private static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
    regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
  }

  // MARK: Statements

  mutating func execute(_ statement: AwkStatement) throws {
    switch statement {
    case .expression(let expression):
      _ = try evaluate(expression)
    case .print(let arguments):
      if arguments.isEmpty {
        output += fields[0]
      } else {
        var pieces: [String] = []
        for argument in arguments { pieces.append(try evaluate(argument).string(format: ofmt)) }
        output += pieces.joined(separator: variables["OFS"]?.string() ?? " ")
      }
      output += variables["ORS"]?.string() ?? "\n"
    case .printf(let arguments):
      output += try format(arguments)
    case .block(let statements):
      for inner in statements { try execute(inner) }
    case .ifElse(let condition, let body, let otherwise):
      if try evaluate(condition).isTrue {
        try execute(body)
      } else if let otherwise {
        try execute(otherwise)
      }
    case .whileLoop(let condition, let body):
      var count = 0
      while try evaluate(condition).isTrue {
        count += 1
        guard try runLoopBody(body, count) else { break }
      }
    case .doWhile(let body, let condition):
      var count = 0
      repeat {
        count += 1
        guard try runLoopBody(body, count) else { break }
      } while try evaluate(condition).isTrue
    case .forLoop(let initial, let condition, let step, let body):
      if let initial { try execute(initial) }
      var count = 0
      while try condition.map({ try evaluate($0).isTrue }) ?? true {
        count += 1
        guard try runLoopBody(body, count) else { break }
        if let step { try execute(step) }
      }
    case .forIn(let name, let array, let body):
      var count = 0
      for key in arrays[array]?.keys ?? [] {
        try setVariable(name, .strnum(key))
        count += 1
        guard try runLoopBody(body, count) else { break }
      }
    case .next:
      throw Jump.next
    case .exit(let code):
      throw Jump.exit(
        Int32(truncatingIfNeeded: AwkValue.integer(try code.map { try evaluate($0).number } ?? 0)))
    case .breakLoop:
      throw Jump.breakLoop
    case .continueLoop:
      throw Jump.continueLoop
    case .delete(let name, let subscripts):
      guard let subscripts else {
        arrays[name] = AwkArray()
        return
      }
      let key = try key(subscripts)
      arrays[name]?[key] = nil
    }
  }

  /// Runs a loop body; returns whether the loop goes on.
  private mutating func runLoopBody(_ body: AwkStatement, _ count: Int) throws -> Bool {
    guard count <= Self.loopLimit else {
      throw RuntimeError(message: "loop stopped after \(Self.loopLimit) iterations")
    }
    do {
      try execute(body)
    } catch Jump.breakLoop {
      return false
    } catch Jump.continueLoop {
      return true
    }
    return true
  }

  // MARK: Expressions

  mutating func evaluate(_ expression: AwkExpression) throws -> AwkValue {
    switch expression {
    case .number(let value):
      return .number(value)
    case .string(let text):
      return .string(text)
    case .regex(let pattern):
      return .number(Self.matches(try regex(pattern), fields[0]) ? 1 : 0)
    case .field(let index):
      return try field(AwkValue.integer(try evaluate(index).number))
    case .variable(let name):
      return variable(name)
    case .element(let name, let subscripts):
      let key = try key(subscripts)
      if let value = arrays[name]?[key] { return value }
      arrays[name, default: AwkArray()][key] = .uninitialized
      return .uninitialized
    case .grouping(let list):
      if list.count == 1 { return try evaluate(list[0]) }
      return .string(try key(list))
    case .assign(let target, let op, let valueExpression):
      let value = try evaluate(valueExpression)
      let result: AwkValue =
        op == "="
        ? value
        : .number(try arithmetic(String(op.dropLast()), try evaluate(target).number, value.number))
      try assign(target, result)
      return result
    case .conditional(let condition, let yes, let no):
      return try evaluate(condition).isTrue ? try evaluate(yes) : try evaluate(no)
    case .binary(let op, let left, let right):
      switch op {
      case "&&":
        guard try evaluate(left).isTrue else { return .number(0) }
        return .number(try evaluate(right).isTrue ? 1 : 0)
      case "||":
        if try evaluate(left).isTrue { return .number(1) }
        return .number(try evaluate(right).isTrue ? 1 : 0)
      case "concat":
        let first = try evaluate(left).string(format: convfmt)
        return .string(first + (try evaluate(right).string(format: convfmt)))
      case "<", "<=", "==", "!=", ">", ">=":
        let order = compare(try evaluate(left), try evaluate(right))
        let result =
          switch op {
          case "<": order < 0
          case "<=": order <= 0
          case "==": order == 0
          case "!=": order != 0
          case ">": order > 0
          default: order >= 0
          }
        return .number(result ? 1 : 0)
      default:
        let first = try evaluate(left).number
        return .number(try arithmetic(op, first, try evaluate(right).number))
      }
    case .match(let left, let right, let negated):
      let text = try evaluate(left).string(format: convfmt)
      let found = Self.matches(try regex(for: right), text)
      return .number(found != negated ? 1 : 0)
    case .membership(let subscriptExpression, let array):
      let key: String
      if case .grouping(let list) = subscriptExpression {
        key = try self.key(list)
      } else {
        key = try evaluate(subscriptExpression).string(format: convfmt)
      }
      return .number(arrays[array]?[key] != nil ? 1 : 0)
    case .unary(let op, let operand):
      let value = try evaluate(operand)
      switch op {
      case "!": return .number(value.isTrue ? 0 : 1)
      case "-": return .number(-value.number)
      default: return .number(value.number)
      }
    case .increment(let target, let delta, let prefix):
      let old = try evaluate(target).number
      try assign(target, .number(old + delta))
      return .number(prefix ? old + delta : old)
    case .call(let name, let arguments):
      return try call(name, arguments)
    }
  }

  private func arithmetic(_ op: String, _ left: Double, _ right: Double) throws -> Double {
    switch op {
    case "+": return left + right
    case "-": return left - right
    case "*": return left * right
    case "/":
      guard right != 0 else { throw RuntimeError(message: "division by zero") }
      return left / right
    case "%":
      guard right != 0 else { throw RuntimeError(message: "division by zero in %") }
      return fmod(left, right)
    case "^": return pow(left, right)
    default: return 0
    }
  }

  private func compare(_ left: AwkValue, _ right: AwkValue) -> Int {
    if left.isNumeric && right.isNumeric {
      let first = left.number
      let second = right.number
      return first < second ? -1 : (first == second ? 0 : 1)
    }
    let first = left.string(format: convfmt)
    let second = right.string(format: convfmt)
    return first < second ? -1 : (first == second ? 0 : 1)
  }

  // MARK: Builtin functions

  private mutating func call(_ name: String, _ arguments: [AwkExpression]) throws -> AwkValue {
    func argument(_ index: Int) throws -> AwkValue {
      index < arguments.count ? try evaluate(arguments[index]) : .uninitialized
    }
    func text(_ index: Int) throws -> String { try argument(index).string(format: convfmt) }
    switch name {
    case "length":
      guard let first = arguments.first else { return .number(Double(fields[0].count)) }
      if case .variable(let array) = first, let values = arrays[array] {
        return .number(Double(values.keys.count))
      }
      return .number(Double(try text(0).count))
    case "substr":
      let characters = Array(try text(0))
      let start = try argument(1).number.rounded()
      let length = arguments.count > 2 ? try argument(2).number.rounded() : Double.infinity
      let from = max(1, start)
      let to = min(Double(characters.count + 1), start + length)
      guard from < to else { return .string("") }
      return .string(String(characters[(Int(from) - 1)..<(Int(to) - 1)]))
    case "index":
      let haystack = try text(0)
      let needle = try text(1)
      guard !needle.isEmpty else { return .number(0) }
      guard let range = haystack.range(of: needle) else { return .number(0) }
      return .number(Double(haystack.distance(from: haystack.startIndex, to: range.lowerBound) + 1))
    case "split":
      guard arguments.count >= 2, case .variable(let array) = arguments[1] else {
        throw RuntimeError(message: "split: second argument is not an array")
      }
      let source = try text(0)
      let pieces: [String]
      if arguments.count > 2 {
        if case .regex(let pattern) = arguments[2] {
          pieces = source.isEmpty ? [] : split(source, regex: try regex(pattern))
        } else {
          pieces = try split(source, separator: try text(2))
        }
      } else {
        pieces = try split(source, separator: variables["FS"]?.string() ?? " ")
      }
      var values = AwkArray()
      for (index, piece) in pieces.enumerated() { values[String(index + 1)] = .strnum(piece) }
      arrays[array] = values
      return .number(Double(pieces.count))
    case "sub", "gsub":
      guard arguments.count >= 2 else {
        throw RuntimeError(message: "\(name): not enough arguments")
      }
      let target = arguments.count > 2 ? arguments[2] : .field(.number(0))
      let compiled = try regex(for: arguments[0])
      let replacement = try text(1)
      let original = try evaluate(target).string(format: convfmt)
      let (result, count) = Self.substitute(
        compiled, in: original, with: replacement, all: name == "gsub")
      if count > 0 { try assign(target, .string(result)) }
      return .number(Double(count))
    case "match":
      let source = try text(0)
      let compiled = try regex(for: arguments.count > 1 ? arguments[1] : .string(""))
      guard
        let found = compiled.firstMatch(
          in: source, range: NSRange(source.startIndex..., in: source)),
        let range = Range(found.range, in: source)
      else {
        variables["RSTART"] = .number(0)
        variables["RLENGTH"] = .number(-1)
        return .number(0)
      }
      let start = source.distance(from: source.startIndex, to: range.lowerBound) + 1
      variables["RSTART"] = .number(Double(start))
      variables["RLENGTH"] = .number(Double(source[range].count))
      return .number(Double(start))
    case "sprintf":
      return .string(try format(arguments))
    case "tolower":
      return .string(try text(0).lowercased())
    case "toupper":
      return .string(try text(0).uppercased())
    case "int":
      return .number(try argument(0).number.rounded(.towardZero))
    case "sqrt":
      return .number(sqrt(try argument(0).number))
    case "exp":
      return .number(exp(try argument(0).number))
    case "log":
      return .number(log(try argument(0).number))
    case "sin":
      return .number(sin(try argument(0).number))
    case "cos":
      return .number(cos(try argument(0).number))
    case "atan2":
      return .number(atan2(try argument(0).number, try argument(1).number))
    default:
      throw AwkParser.Unsupported(what: "\(name)()")
    }
  }

  /// Replaces the first match (or all) of `regex` in `text`; in the
  /// replacement `&` is the match and `\&` a literal ampersand.
  private static func substitute(
    _ regex: NSRegularExpression, in text: String, with replacement: String, all: Bool
  ) -> (String, Int) {
    var result = ""
    var count = 0
    var position = text.startIndex
    for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
      guard let range = Range(match.range, in: text), range.lowerBound >= position else { continue }
      let matched = text[range]
      result += text[position..<range.lowerBound]
      var characters = replacement[...]
      while let character = characters.popFirst() {
        if character == "\\", let next = characters.first, next == "&" || next == "\\" {
          result.append(next)
          characters = characters.dropFirst()
        } else if character == "&" {
          result += matched
        } else {
          result.append(character)
        }
      }
      position = range.upperBound
      count += 1
      if !all { break }
    }
    result += text[position...]
    return (result, count)
  }

  /// `printf`/`sprintf`: the first argument is the format.
  private mutating func format(_ arguments: [AwkExpression]) throws -> String {
    guard let first = arguments.first else { return "" }
    let format = Array(try evaluate(first).string(format: convfmt))
    var values: [AwkValue] = []
    for argument in arguments.dropFirst() { values.append(try evaluate(argument)) }
    var next = values[...]
    var output = ""
    var index = 0
    while index < format.count {
      let character = format[index]
      index += 1
      guard character == "%", index < format.count else {
        output.append(character)
        continue
      }
      if format[index] == "%" {
        output += "%"
        index += 1
        continue
      }
      var flags = ""
      while index < format.count, "-+ #0".contains(format[index]) {
        flags.append(format[index])
        index += 1
      }
      func number() -> String {
        if index < format.count, format[index] == "*" {
          index += 1
          return String(AwkValue.integer((next.popFirst() ?? .uninitialized).number))
        }
        var digits = ""
        while index < format.count, format[index].isASCII, format[index].isNumber {
          digits.append(format[index])
          index += 1
        }
        return digits
      }
      let width = number()
      var precision = ""
      if index < format.count, format[index] == "." {
        index += 1
        precision = "." + number()
        if precision == "." { precision = ".0" }
      }
      guard index < format.count else { break }
      let conversion = format[index]
      index += 1
      let value = next.popFirst() ?? .uninitialized
      let specification = "%" + flags + width + precision
      switch conversion {
      case "d", "i":
        output += String(format: specification + "ld", AwkValue.integer(value.number))
      case "o", "x", "X", "u":
        output += String(
          format: specification + "l" + String(conversion), AwkValue.integer(value.number))
      case "e", "E", "f", "F", "g", "G":
        output += String(format: specification + String(conversion), value.number)
      case "c":
        let text: String
        if case .number(let code) = value {
          text =
            Unicode.Scalar(UInt32(clamping: AwkValue.integer(code))).map { String(Character($0)) }
            ?? ""
        } else {
          text = String(value.string(format: convfmt).prefix(1))
        }
        output += Self.pad(text, flags: flags, width: Int(width))
      case "s":
        var text = value.string(format: convfmt)
        if let limit = Int(precision.dropFirst()) { text = String(text.prefix(limit)) }
        output += Self.pad(text, flags: flags, width: Int(width))
      default:
        output += specification + String(conversion)
      }
    }
    return output
  }

  private static func pad(_ text: String, flags: String, width: Int?) -> String {
    let missing = (width ?? 0) - text.count
    guard missing > 0 else { return text }
    let padding = String(repeating: " ", count: missing)
    return flags.contains("-") ? text + padding : padding + text
  }
}
