/// `cat [-n] [FILE…]`: concatenates files (or standard input) unchanged.
package enum Cat {
  private static let options = ToolOptions(
    tool: "cat",
    options: [
      ToolOptions.Option("n", "number"),
      ToolOptions.Option("u"),
    ],
    unsupported: ["-A", "-b", "-e", "-E", "-s", "-t", "-T", "-v", "--show-all", "--number-nonblank",
                  "--squeeze-blank", "--show-ends", "--show-tabs", "--show-nonprinting"])

  package static func run(_ arguments: [String], stdin: String, files: FileAccess) -> CommandResult {
    let parsed: ToolOptions.Parsed
    do {
      parsed = try options.parse(arguments)
    } catch {
      return error.result
    }
    var result = CommandResult()
    var lineNumber = 0
    for source in ToolInput.sources(parsed.operands, stdin: stdin, files: files) {
      switch source.text {
      case .success(let text):
        guard parsed.has("n") else {
          result.stdout += text
          continue
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let endsWithNewline = lines.last == ""
        if endsWithNewline { lines.removeLast() }
        for (index, line) in lines.enumerated() {
          lineNumber += 1
          let number = String(lineNumber)
          result.stdout += String(repeating: " ", count: max(0, 6 - number.count)) + number + "\t" + line
          if index < lines.count - 1 || endsWithNewline { result.stdout += "\n" }
        }
      case .failure(let error):
        result.stderr += "cat: \(source.name): \(error)\n"
        result.exitCode = 1
      }
    }
    return result
  }
}
