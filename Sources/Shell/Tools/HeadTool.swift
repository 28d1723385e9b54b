/// `head [-n N | -N | -n -N] [-c N] [-q] [-v] [FILE…]`: the first lines or
/// bytes of each input.
package enum HeadTool {
  static let options = ToolOptions(
    tool: "head",
    options: [
      ToolOptions.Option("n", "lines", value: true),
      ToolOptions.Option("c", "bytes", value: true),
      ToolOptions.Option("q", "quiet"),
      ToolOptions.Option("q", "silent"),
      ToolOptions.Option("v", "verbose"),
    ],
    unsupported: ["-z", "--zero-terminated"])

  package static func run(
    _ arguments: [String], stdin: String, files: FileAccess
  ) -> CommandResult {
    let parsed: ToolOptions.Parsed
    do {
      parsed = try options.parse(expandingNumericOption(arguments))
    } catch {
      return error.result
    }
    var count = 10
    var allBut = false
    var bytes = false
    if let option = parsed.options.last(where: { $0.key == "n" || $0.key == "c" }) {
      bytes = option.key == "c"
      var text = Substring(option.value)
      if text.hasPrefix("-") {
        allBut = true
        text = text.dropFirst()
      } else if text.hasPrefix("+") {
        text = text.dropFirst()
      }
      guard let number = Int(text) else {
        let what = bytes ? "bytes" : "lines"
        return .failure("head: invalid number of \(what): '\(option.value)'")
      }
      count = number
    }
    let sources = ToolInput.sources(parsed.operands, stdin: stdin, files: files)
    let headers = parsed.has("v") || (sources.count > 1 && !parsed.has("q"))
    var result = CommandResult()
    for (index, source) in sources.enumerated() {
      switch source.text {
      case .success(let text):
        if headers {
          result.stdout +=
            (index > 0 ? "\n" : "")
            + "==> \(source.name == "-" ? "standard input" : source.name) <==\n"
        }
        result.stdout += bytes ? headBytes(text, count, allBut) : headLines(text, count, allBut)
      case .failure(let error):
        result.stderr += "head: cannot open '\(source.name)' for reading: \(error)\n"
        result.exitCode = 1
      }
    }
    return result
  }

  /// Turns the obsolete `-5` into `-n 5`, as GNU does for the first argument.
  static func expandingNumericOption(_ arguments: [String]) -> [String] {
    guard let first = arguments.first, first.count > 1, first.hasPrefix("-"),
      first.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber })
    else { return arguments }
    return ["-n", String(first.dropFirst())] + arguments.dropFirst()
  }

  /// The text up to the end of line `count`, or all but the last `count` lines.
  private static func headLines(_ text: String, _ count: Int, _ allBut: Bool) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let total = text.hasSuffix("\n") ? lines.count - 1 : lines.count
    let keep = allBut ? max(0, total - count) : min(count, total)
    guard keep > 0 else { return "" }
    let body = lines[..<keep].joined(separator: "\n")
    return keep < lines.count - 1 || text.hasSuffix("\n") ? body + "\n" : body
  }

  private static func headBytes(_ text: String, _ count: Int, _ allBut: Bool) -> String {
    let bytes = Array(text.utf8)
    let keep = allBut ? max(0, bytes.count - count) : min(count, bytes.count)
    return String(decoding: bytes[..<keep], as: UTF8.self)
  }
}
