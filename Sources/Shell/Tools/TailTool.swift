/// `tail [-n N | -n +N | -N] [-c N] [-q] [-v] [FILE…]`: the last lines or
/// bytes of each input, or everything from line N with `+N`.
package enum TailTool {
  private static let options = ToolOptions(
    tool: "tail",
    options: [
      ToolOptions.Option("n", "lines", value: true),
      ToolOptions.Option("c", "bytes", value: true),
      ToolOptions.Option("q", "quiet"),
      ToolOptions.Option("q", "silent"),
      ToolOptions.Option("v", "verbose"),
    ],
    unsupported: ["-f", "-F", "--follow", "--retry", "--pid", "-s", "--sleep-interval", "-z"])

  package static func run(
    _ arguments: [String], stdin: String, files: FileAccess
  ) -> CommandResult {
    let parsed: ToolOptions.Parsed
    do {
      parsed = try options.parse(HeadTool.expandingNumericOption(arguments))
    } catch {
      return error.result
    }
    var count = 10
    var fromStart = false
    var bytes = false
    if let option = parsed.options.last(where: { $0.key == "n" || $0.key == "c" }) {
      bytes = option.key == "c"
      var text = Substring(option.value)
      if text.hasPrefix("+") {
        fromStart = true
        text = text.dropFirst()
      } else if text.hasPrefix("-") {
        text = text.dropFirst()
      }
      guard let number = Int(text) else {
        let what = bytes ? "bytes" : "lines"
        return .failure("tail: invalid number of \(what): '\(option.value)'")
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
        result.stdout +=
          bytes ? tailBytes(text, count, fromStart) : tailLines(text, count, fromStart)
      case .failure(let error):
        result.stderr += "tail: cannot open '\(source.name)' for reading: \(error)\n"
        result.exitCode = 1
      }
    }
    return result
  }

  private static func tailLines(_ text: String, _ count: Int, _ fromStart: Bool) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let endsWithNewline = text.hasSuffix("\n")
    if endsWithNewline { lines.removeLast() }
    let start = fromStart ? min(lines.count, max(0, count - 1)) : max(0, lines.count - count)
    guard start < lines.count else { return "" }
    let body = lines[start...].joined(separator: "\n")
    return endsWithNewline ? body + "\n" : body
  }

  private static func tailBytes(_ text: String, _ count: Int, _ fromStart: Bool) -> String {
    let bytes = Array(text.utf8)
    let start = fromStart ? min(bytes.count, max(0, count - 1)) : max(0, bytes.count - count)
    return String(decoding: bytes[start...], as: UTF8.self)
  }
}
