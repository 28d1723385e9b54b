/// `test EXPRESSION` and `[ EXPRESSION ]`, as bash's builtins: string,
/// integer and file tests joined by `!`, `-a`, `-o` and parentheses.
package enum TestTool {
  private struct Failure: Error {
    var message: String
  }

  private static let binaryOperators: Set<String> = [
    "=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge",
  ]

  /// Runs `test` (`bracket` false) or `[` (`bracket` true, which needs a closing `]`).
  package static func run(_ arguments: [String], files: FileAccess, bracket: Bool) -> CommandResult
  {
    let name = bracket ? "[" : "test"
    var words = arguments
    if bracket {
      guard words.last == "]" else { return .failure("kubetutor: [: missing `]'", exitCode: 2) }
      words.removeLast()
    }
    var parser = Parser(words: words, files: files)
    do {
      let value = try parser.evaluate()
      return CommandResult(exitCode: value ? 0 : 1)
    } catch {
      return .failure("kubetutor: \(name): \(error.message)", exitCode: 2)
    }
  }

  private struct Parser {
    var words: [String]
    var files: FileAccess
    var index = 0

    mutating func evaluate() throws(Failure) -> Bool {
      switch words.count {
      case 0: return false
      case 1: return !words[0].isEmpty
      case 2 where words[0] == "!": return words[1].isEmpty
      case 2: return try unary(words[0], words[1])
      case 3 where TestTool.binaryOperators.contains(words[1]):
        return try binary(words[0], words[1], words[2])
      case 3 where words[0] == "!" && words[1] != "-a" && words[1] != "-o":
        var inner = Parser(words: Array(words.dropFirst()), files: files)
        return !(try inner.evaluate())
      case 3 where words[0] == "(" && words[2] == ")":
        return !words[1].isEmpty
      case 3 where words[1] != "-a" && words[1] != "-o":
        throw Failure(message: "\(words[1]): binary operator expected")
      default:
        let value = try parseOr()
        guard index == words.count else { throw Failure(message: "too many arguments") }
        return value
      }
    }

    private mutating func parseOr() throws(Failure) -> Bool {
      var value = try parseAnd()
      while index < words.count && words[index] == "-o" {
        index += 1
        let right = try parseAnd()
        value = value || right
      }
      return value
    }

    private mutating func parseAnd() throws(Failure) -> Bool {
      var value = try parseNot()
      while index < words.count && words[index] == "-a" {
        index += 1
        let right = try parseNot()
        value = value && right
      }
      return value
    }

    private mutating func parseNot() throws(Failure) -> Bool {
      if index < words.count && words[index] == "!" {
        index += 1
        return !(try parseNot())
      }
      return try parsePrimary()
    }

    private mutating func parsePrimary() throws(Failure) -> Bool {
      guard index < words.count else { throw Failure(message: "argument expected") }
      let word = words[index]
      if word == "(" {
        index += 1
        let value = try parseOr()
        guard index < words.count && words[index] == ")" else {
          throw Failure(message: "`)' expected")
        }
        index += 1
        return value
      }
      if index + 2 < words.count && TestTool.binaryOperators.contains(words[index + 1]) {
        defer { index += 3 }
        return try binary(word, words[index + 1], words[index + 2])
      }
      if word.hasPrefix("-") && word.count == 2 && index + 1 < words.count {
        defer { index += 2 }
        return try unary(word, words[index + 1])
      }
      index += 1
      return !word.isEmpty
    }

    private func unary(_ op: String, _ operand: String) throws(Failure) -> Bool {
      switch op {
      case "-z": return operand.isEmpty
      case "-n": return !operand.isEmpty
      case "-e", "-a", "-r", "-w": return files.kind(operand) != nil
      case "-f": return files.kind(operand) == .file
      case "-d": return files.kind(operand) == .directory
      case "-s":
        guard files.kind(operand) == .file, case .success(let text) = files.read(operand) else {
          return false
        }
        return !text.isEmpty
      case "-x": return files.kind(operand) == .directory
      default: throw Failure(message: "\(op): unary operator expected")
      }
    }

    private func integer(_ text: String) throws(Failure) -> Int {
      guard let value = Int(text.trimmingWhitespace) else {
        throw Failure(message: "\(text): integer expression expected")
      }
      return value
    }

    private func binary(_ left: String, _ op: String, _ right: String) throws(Failure) -> Bool {
      switch op {
      case "=", "==": return left == right
      case "!=": return left != right
      case "<": return left < right
      case ">": return left > right
      case "-eq": return try integer(left) == integer(right)
      case "-ne": return try integer(left) != integer(right)
      case "-lt": return try integer(left) < integer(right)
      case "-le": return try integer(left) <= integer(right)
      case "-gt": return try integer(left) > integer(right)
      case "-ge": return try integer(left) >= integer(right)
      default: throw Failure(message: "\(op): binary operator expected")
      }
    }
  }
}
