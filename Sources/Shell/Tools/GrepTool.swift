import Foundation

/// `grep [-i] [-v] [-E|-F|-G] [-c] [-n] [-w] [-x] [-o] [-q] [-l] [-h|-H]
/// [-s] [-m N] [-A N] [-B N] [-C N] [-e PATTERN]… PATTERN [FILE…]`.
package enum GrepTool {
  private static let options = ToolOptions(
    tool: "grep",
    options: [
      ToolOptions.Option("i", "ignore-case"),
      ToolOptions.Option("y", key: "i"),
      ToolOptions.Option("v", "invert-match"),
      ToolOptions.Option("E", "extended-regexp"),
      ToolOptions.Option("F", "fixed-strings"),
      ToolOptions.Option("G", "basic-regexp"),
      ToolOptions.Option("c", "count"),
      ToolOptions.Option("n", "line-number"),
      ToolOptions.Option("w", "word-regexp"),
      ToolOptions.Option("x", "line-regexp"),
      ToolOptions.Option("o", "only-matching"),
      ToolOptions.Option("q", "quiet"),
      ToolOptions.Option(nil, "silent", key: "q"),
      ToolOptions.Option("l", "files-with-matches"),
      ToolOptions.Option("L", "files-without-match"),
      ToolOptions.Option("h", "no-filename"),
      ToolOptions.Option("H", "with-filename"),
      ToolOptions.Option("s", "no-messages"),
      ToolOptions.Option("m", "max-count", value: true),
      ToolOptions.Option("A", "after-context", value: true),
      ToolOptions.Option("B", "before-context", value: true),
      ToolOptions.Option("C", "context", value: true),
      ToolOptions.Option("e", "regexp", value: true),
      ToolOptions.Option("a", "text"),
      ToolOptions.Option(nil, "no-ignore-case"),
    ],
    unsupported: [
      "-P", "--perl-regexp", "-r", "-R", "--recursive", "--dereference-recursive",
      "-f", "--file", "-z", "--null-data", "-Z", "--null", "-b", "--byte-offset",
      "-T", "--initial-tab", "-U", "--binary", "-D", "-d", "--include", "--exclude",
      "--exclude-dir", "--label", "--line-buffered",
    ],
    usage: "Usage: grep [OPTION]... PATTERNS [FILE]...",
    failureStatus: 2)

  package static func run(
    _ arguments: [String], stdin: String, files: FileAccess
  ) -> CommandResult {
    let parsed: ToolOptions.Parsed
    do {
      parsed = try options.parse(
        arguments.filter { !$0.hasPrefix("--color") && !$0.hasPrefix("--colour") })
    } catch {
      return error.result
    }
    var operands = parsed.operands
    var patterns = parsed.all("e")
    if patterns.isEmpty {
      guard !operands.isEmpty else {
        return CommandResult(
          stderr:
            "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
          exitCode: 2)
      }
      patterns = [operands.removeFirst()]
    }
    patterns = patterns.flatMap {
      $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
    let syntax = parsed.options.last { ["E", "F", "G"].contains($0.key) }?.key ?? "G"
    var ignoreCase = false
    for (key, _) in parsed.options {
      if key == "i" { ignoreCase = true }
      if key == "no-ignore-case" { ignoreCase = false }
    }
    let regex: NSRegularExpression
    do {
      regex = try PosixRegex.compile(
        patterns, extended: syntax == "E", fixed: syntax == "F", ignoreCase: ignoreCase,
        word: parsed.has("w"), line: parsed.has("x"))
    } catch {
      return .failure("grep: \(error.message)", exitCode: 2)
    }
    func count(_ key: String) -> Int?? {
      guard let value = parsed.last(key) else { return .some(nil) }
      guard let number = Int(value), number >= 0 else { return nil }
      return .some(number)
    }
    guard let maximum = count("m"), let after = count("A"), let before = count("B"),
      let context = count("C")
    else {
      let bad = parsed.options.last { ["m", "A", "B", "C"].contains($0.key) }?.value ?? ""
      return .failure("grep: \(bad): invalid context length argument", exitCode: 2)
    }
    let settings = Settings(
      regex: regex, invert: parsed.has("v"), onlyMatching: parsed.has("o"),
      lineNumbers: parsed.has("n"), maximum: maximum,
      after: after ?? context ?? 0, before: before ?? context ?? 0)

    let sources = ToolInput.sources(operands, stdin: stdin, files: files)
    let showNames = parsed.has("H") || (sources.count > 1 && !parsed.has("h"))
    var result = CommandResult(exitCode: 1)
    var failed = false
    for source in sources {
      let name = source.name == "-" ? "(standard input)" : source.name
      let text: String
      switch source.text {
      case .success(let value): text = value
      case .failure(let error):
        if !parsed.has("s") { result.stderr += "grep: \(source.name): \(error)\n" }
        failed = true
        continue
      }
      let search = settings.search(text, name: showNames ? name : nil)
      if search.matches > 0 { result.exitCode = 0 }
      if parsed.has("q") {
        if search.matches > 0 { return CommandResult() }
        continue
      }
      if parsed.has("l") {
        if search.matches > 0 { result.stdout += name + "\n" }
      } else if parsed.has("L") {
        if search.matches == 0 { result.stdout += name + "\n" }
      } else if parsed.has("c") {
        result.stdout += (showNames ? name + ":" : "") + String(search.matches) + "\n"
      } else {
        result.stdout += search.output
      }
    }
    if failed { result.exitCode = 2 }
    return result
  }

  /// What to select and print, fixed for one run.
  private struct Settings {
    var regex: NSRegularExpression
    var invert: Bool
    var onlyMatching: Bool
    var lineNumbers: Bool
    var maximum: Int?
    var after: Int
    var before: Int

    /// Searches one input; `name` prefixes output lines when given.
    func search(_ text: String, name: String?) -> (matches: Int, output: String) {
      let lines = ToolInput.lines(text)
      var output = ""
      var matches = 0
      var lastPrinted = -1
      var afterRemaining = 0
      let usesContext = (after > 0 || before > 0) && !onlyMatching
      func prefix(_ index: Int, _ separator: String) -> String {
        (name.map { $0 + separator } ?? "") + (lineNumbers ? String(index + 1) + separator : "")
      }
      func emit(_ index: Int, selected: Bool) {
        if usesContext && lastPrinted >= 0 && index > lastPrinted + 1 { output += "--\n" }
        output += prefix(index, selected ? ":" : "-") + lines[index] + "\n"
        lastPrinted = index
      }
      for (index, line) in lines.enumerated() {
        if let maximum, matches >= maximum {
          guard afterRemaining > 0 && usesContext else { break }
          emit(index, selected: false)
          afterRemaining -= 1
          continue
        }
        let string = String(line)
        let range = NSRange(string.startIndex..., in: string)
        let found = regex.firstMatch(in: string, range: range) != nil
        guard found != invert else {
          if afterRemaining > 0 && usesContext {
            emit(index, selected: false)
            afterRemaining -= 1
          }
          continue
        }
        matches += 1
        if onlyMatching {
          guard !invert else { continue }
          for match in regex.matches(in: string, range: range) where match.range.length > 0 {
            if let bounds = Range(match.range, in: string) {
              output += prefix(index, ":") + string[bounds] + "\n"
            }
          }
          continue
        }
        if usesContext {
          for earlier in max(lastPrinted + 1, index - before)..<index {
            emit(earlier, selected: false)
          }
        }
        emit(index, selected: true)
        afterRemaining = after
      }
      return (matches, output)
    }
  }
}
