import Foundation

extension PodShell {
  /// A word (quotes removed; variables expanded when its command runs)
  /// or an operator.
  enum Token: Equatable {
    case word([WordPart])
    case op(String)
  }

  /// Literal text, or a variable (`?` for the last status) to expand.
  enum WordPart: Equatable {
    case text(String)
    case variable(String)
    /// `$(...)`: replaced by the command's output, trailing newlines dropped.
    case command(String)
  }

  /// A word's text with variables expanded.
  static func expand(_ parts: [WordPart], variables: [String: String], status: Int) -> String {
    parts.map { part in
      switch part {
      case .text(let text): return text
      case .variable("?"): return String(status)
      case .variable("$"): return "7"
      case .variable(let name): return variables[name] ?? ""
      case .command: return ""
      }
    }.joined()
  }

  /// Why a line could not be split into words.
  struct SyntaxError: Error, CustomStringConvertible {
    var description: String
  }

  /// Splits a line as a POSIX shell does, for the forms tutorials type.
  static func tokenize(_ line: String) throws -> [Token] {
    var tokens: [Token] = []
    var word: [WordPart] = []
    var inWord = false
    let characters = Array(line)
    var index = 0
    func flush() {
      if inWord { tokens.append(.word(word)) }
      word = []
      inWord = false
    }
    func append(_ text: String) {
      if case .text(let last) = word.last {
        word[word.count - 1] = .text(last + text)
      } else {
        word.append(.text(text))
      }
    }
    func variable(at start: Int) -> (WordPart, Int) {
      // `start` is the index after `$`.
      guard start < characters.count else { return (.text("$"), start) }
      if characters[start] == "(" {
        var depth = 0
        var end = start
        while end < characters.count {
          if characters[end] == "(" { depth += 1 }
          if characters[end] == ")" {
            depth -= 1
            if depth == 0 { break }
          }
          end += 1
        }
        guard end < characters.count else { return (.text("$("), start + 1) }
        return (.command(String(characters[(start + 1)..<end])), end + 1)
      }
      if characters[start] == "?" || characters[start] == "$" {
        return (.variable(String(characters[start])), start + 1)
      }
      if characters[start] == "{" {
        guard let close = characters[start...].firstIndex(of: "}") else { return (.text("${"), start + 1) }
        return (.variable(String(characters[(start + 1)..<close])), close + 1)
      }
      var end = start
      while end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "_" {
        end += 1
      }
      if end == start { return (.text("$"), start) }
      return (.variable(String(characters[start..<end])), end)
    }
    while index < characters.count {
      let c = characters[index]
      switch c {
      case " ", "\t":
        flush()
        index += 1
      case "#" where !inWord:
        index = characters.count
      case "'":
        inWord = true
        guard let close = characters[(index + 1)...].firstIndex(of: "'") else {
          throw SyntaxError(description: "unterminated quoted string")
        }
        append(String(characters[(index + 1)..<close]))
        index = close + 1
      case "\"":
        inWord = true
        index += 1
        var closed = false
        while index < characters.count {
          let d = characters[index]
          if d == "\"" {
            closed = true
            index += 1
            break
          }
          if d == "\\", index + 1 < characters.count, "\"\\$`".contains(characters[index + 1]) {
            append(String(characters[index + 1]))
            index += 2
          } else if d == "$" {
            let (part, next) = variable(at: index + 1)
            word.append(part)
            index = next
          } else {
            append(String(d))
            index += 1
          }
        }
        if !closed { throw SyntaxError(description: "unterminated quoted string") }
      case "\\":
        inWord = true
        if index + 1 < characters.count { append(String(characters[index + 1])) }
        index += 2
      case "$":
        inWord = true
        let (part, next) = variable(at: index + 1)
        word.append(part)
        index = next
      case ";", "&", "|", "<", ">":
        let rest = String(characters[index..<min(index + 4, characters.count)])
        if c == ">" || c == "<" {
          // `2>` and `2>&1` when the word so far is exactly `2`.
          if c == ">", inWord, word == [.text("2")] || word == [.text("1")] {
            let fd = word == [.text("2")] ? "2" : "1"
            word = []
            inWord = false
            if rest.hasPrefix(">&") {
              let other = index + 2 < characters.count ? characters[index + 2] : " "
              tokens.append(.op("\(fd)>&\(other)"))
              index += 3
            } else if rest.hasPrefix(">>") {
              tokens.append(.op(fd == "2" ? "2>>" : ">>"))
              index += 2
            } else {
              tokens.append(.op(fd == "2" ? "2>" : ">"))
              index += 1
            }
            continue
          }
          flush()
          if rest.hasPrefix(">>") {
            tokens.append(.op(">>"))
            index += 2
          } else {
            tokens.append(.op(String(c)))
            index += 1
          }
          continue
        }
        flush()
        if rest.hasPrefix("&&") || rest.hasPrefix("||") {
          tokens.append(.op(String(rest.prefix(2))))
          index += 2
        } else {
          tokens.append(.op(c == "|" ? "|" : ";"))
          index += 1
        }
      default:
        inWord = true
        append(String(c))
        index += 1
      }
    }
    flush()
    if case .op(let last) = tokens.last, ["&&", "||", "|"].contains(last) {
      throw SyntaxError(description: "unexpected end of file")
    }
    return tokens
  }

  /// A filter's options (with grep's pattern) and the files it names.
  static func fileOperands(_ name: String, _ args: [String]) -> (options: [String], files: [String]) {
    var options: [String] = []
    var files: [String] = []
    var index = 0
    var needsPattern = name == "grep"
    while index < args.count {
      let arg = args[index]
      if name == "grep" && (arg == "-e" || arg == "--regexp"), index + 1 < args.count {
        options += ["-e", args[index + 1]]
        needsPattern = false
        index += 1
      } else if name == "grep" && arg.hasPrefix("--regexp=") {
        options += ["-e", String(arg.dropFirst("--regexp=".count))]
        needsPattern = false
      } else if arg.hasPrefix("-") && arg.count > 1 {
        options.append(arg)
        if arg == "-n" && name != "grep", index + 1 < args.count {
          options.append(args[index + 1])
          index += 1
        }
      } else if needsPattern {
        options.append(arg)
        needsPattern = false
      } else {
        files.append(arg)
      }
      index += 1
    }
    return (options, files)
  }

  /// grep's single-letter flags and its patterns: every `-e PATTERN`, or else the first operand.
  static func grepPatterns(_ args: [String]) -> (flags: Set<Character>, patterns: [String]) {
    var flags: Set<Character> = []
    var patterns: [String] = []
    var operand: String?
    var index = 0
    while index < args.count {
      let arg = args[index]
      if arg == "-e", index + 1 < args.count {
        patterns.append(args[index + 1])
        index += 1
      } else if arg.hasPrefix("-") && arg.count > 1 {
        flags.formUnion(arg.dropFirst())
      } else if operand == nil {
        operand = arg
      }
      index += 1
    }
    if patterns.isEmpty, let operand { patterns = [operand] }
    return (flags, patterns)
  }

  /// grep, head, tail and wc reading a pipe: the output and exit status.
  static func filter(_ name: String, _ args: [String], input: String) -> (String, Int) {
    var lines = input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    func joined(_ rows: [String]) -> String { rows.map { $0 + "\n" }.joined() }
    switch name {
    case "grep":
      let (flags, patterns) = grepPatterns(args)
      guard !patterns.isEmpty else { return ("", 2) }
      let regexes = patterns.map { pattern in
        (pattern, try? NSRegularExpression(
          pattern: pattern, options: flags.contains("i") ? [.caseInsensitive] : []))
      }
      let matching = lines.filter { line in
        let found = regexes.contains { pattern, regex in
          regex.map { $0.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil }
            ?? line.contains(pattern)
        }
        return found != flags.contains("v")
      }
      if flags.contains("c") { return ("\(matching.count)\n", matching.isEmpty ? 1 : 0) }
      return (joined(matching), matching.isEmpty ? 1 : 0)
    case "head", "tail":
      var count = 10
      var index = 0
      while index < args.count {
        if args[index] == "-n", index + 1 < args.count {
          count = Int(args[index + 1]) ?? count
          index += 1
        } else if args[index].hasPrefix("-"), let number = Int(args[index].dropFirst()) {
          count = number
        }
        index += 1
      }
      return (joined(name == "head" ? Array(lines.prefix(count)) : Array(lines.suffix(count))), 0)
    default:
      let words = input.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).count
      if args.contains("-l") { return ("\(lines.count)\n", 0) }
      if args.contains("-w") { return ("\(words)\n", 0) }
      if args.contains("-c") { return ("\(input.utf8.count)\n", 0) }
      return ("\(String(repeating: " ", count: 6))\(lines.count)\(String(repeating: " ", count: 7))\(words)\(String(repeating: " ", count: 6))\(input.utf8.count)\n", 0)
    }
  }
}
