/// `cat [-A] [-b] [-e] [-E] [-n] [-s] [-t] [-T] [-v] [FILE…]`: concatenates
/// files (or standard input), optionally numbering lines or showing
/// invisible characters, which helps spot tabs in YAML.
package enum CatTool {
  private static let options = ToolOptions(
    tool: "cat",
    options: [
      ToolOptions.Option("A", "show-all"),
      ToolOptions.Option("b", "number-nonblank"),
      ToolOptions.Option("e"),
      ToolOptions.Option("E", "show-ends"),
      ToolOptions.Option("n", "number"),
      ToolOptions.Option("s", "squeeze-blank"),
      ToolOptions.Option("t"),
      ToolOptions.Option("T", "show-tabs"),
      ToolOptions.Option("u"),
      ToolOptions.Option("v", "show-nonprinting"),
    ])

  package static func run(
    _ arguments: [String], stdin: String, files: FileAccess
  ) -> CommandResult {
    let parsed: ToolOptions.Parsed
    do {
      parsed = try options.parse(arguments)
    } catch {
      return error.result
    }
    let showEnds = parsed.has("A") || parsed.has("e") || parsed.has("E")
    let showTabs = parsed.has("A") || parsed.has("t") || parsed.has("T")
    let showNonprinting = parsed.has("A") || parsed.has("e") || parsed.has("t") || parsed.has("v")
    let numberNonblank = parsed.has("b")
    let number = numberNonblank || parsed.has("n")
    let squeeze = parsed.has("s")
    let plain = !(showEnds || showTabs || showNonprinting || number || squeeze)

    var result = CommandResult()
    var lineNumber = 0
    var previousBlank = false
    for source in ToolInput.sources(parsed.operands, stdin: stdin, files: files) {
      let text: String
      switch source.text {
      case .success(let value): text = value
      case .failure(let error):
        result.stderr += "cat: \(source.name): \(error)\n"
        result.exitCode = 1
        continue
      }
      guard !plain else {
        result.stdout += text
        continue
      }
      var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      let endsWithNewline = lines.last == ""
      if endsWithNewline { lines.removeLast() }
      for (index, line) in lines.enumerated() {
        let hasNewline = index < lines.count - 1 || endsWithNewline
        let blank = line.isEmpty && hasNewline
        if squeeze && blank && previousBlank { continue }
        previousBlank = blank
        if number && !(numberNonblank && blank) {
          lineNumber += 1
          let digits = String(lineNumber)
          result.stdout += String(repeating: " ", count: max(0, 6 - digits.count)) + digits + "\t"
        }
        result.stdout += render(line, tabs: showTabs, nonprinting: showNonprinting)
        if hasNewline { result.stdout += showEnds ? "$\n" : "\n" }
      }
    }
    return result
  }

  /// A line with tabs as `^I` and other control bytes in `^X`/`M-` notation.
  private static func render(_ line: Substring, tabs: Bool, nonprinting: Bool) -> String {
    guard nonprinting else {
      return tabs ? line.map { $0 == "\t" ? "^I" : String($0) }.joined() : String(line)
    }
    var output = ""
    for byte in line.utf8 {
      switch byte {
      case 9:
        output += tabs ? "^I" : "\t"
      case 0..<32:
        output += "^" + String(Unicode.Scalar(byte + 64))
      case 127:
        output += "^?"
      case 128...:
        let low = byte - 128
        output +=
          "M-"
          + (low < 32
            ? "^" + String(Unicode.Scalar(low + 64))
            : low == 127 ? "^?" : String(Unicode.Scalar(low)))
      default:
        output += String(Unicode.Scalar(byte))
      }
    }
    return output
  }
}
