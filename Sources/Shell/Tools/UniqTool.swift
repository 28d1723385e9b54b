/// `uniq [-c] [-d] [-u] [-i] [INPUT]`: drops adjacent repeated lines.
package enum UniqTool {
  private static let options = ToolOptions(
    tool: "uniq",
    options: [
      ToolOptions.Option("c", "count"),
      ToolOptions.Option("d", "repeated"),
      ToolOptions.Option("u", "unique"),
      ToolOptions.Option("i", "ignore-case"),
    ],
    unsupported: [
      "-D", "-f", "-s", "-w", "-z", "--all-repeated", "--skip-fields", "--skip-chars",
      "--check-chars", "--group",
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
    guard parsed.operands.count <= 1 else {
      return .failure("kubetutor: uniq: an output file is not supported here")
    }
    let source = ToolInput.sources(parsed.operands, stdin: stdin, files: files)[0]
    let text: String
    switch source.text {
    case .success(let value): text = value
    case .failure(let error): return .failure("uniq: \(source.name): \(error)")
    }
    let ignoreCase = parsed.has("i")
    var groups: [(line: Substring, count: Int)] = []
    for line in ToolInput.lines(text) {
      if let last = groups.last,
        ignoreCase ? last.line.lowercased() == line.lowercased() : last.line == line
      {
        groups[groups.count - 1].count += 1
      } else {
        groups.append((line, 1))
      }
    }
    var output = ""
    for group in groups {
      if parsed.has("d") && group.count < 2 { continue }
      if parsed.has("u") && group.count > 1 { continue }
      if parsed.has("c") {
        let number = String(group.count)
        output += String(repeating: " ", count: max(0, 7 - number.count)) + number + " "
      }
      output += group.line + "\n"
    }
    return CommandResult(stdout: output)
  }
}
