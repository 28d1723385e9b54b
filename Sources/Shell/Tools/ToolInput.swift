/// The inputs of a tool: standard input or the files named on its command
/// line, with GNU's `TOOL: NAME: No such file or directory` errors.
enum ToolInput {
  /// One input, by the name used in messages and headers.
  struct Source {
    var name: String
    var text: Result<String, FileAccessError>
  }

  /// The sources for `operands`: standard input when there are none, and
  /// for each `-`.
  static func sources(_ operands: [String], stdin: String, files: FileAccess) -> [Source] {
    guard !operands.isEmpty else { return [Source(name: "-", text: .success(stdin))] }
    return operands.map { name in
      name == "-"
        ? Source(name: "-", text: .success(stdin)) : Source(name: name, text: read(name, files))
    }
  }

  private static func read(_ name: String, _ files: FileAccess) -> Result<String, FileAccessError> {
    if files.kind(name) == .directory { return .failure(.isDirectory) }
    return files.read(name)
  }

  /// The lines of `text` without their newlines; a final newline does not
  /// start another line.
  static func lines(_ text: String) -> [Substring] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if text.hasSuffix("\n") || text.isEmpty { lines.removeLast() }
    return lines
  }

  /// Lines joined back, each ending in a newline.
  static func joined(_ lines: [some StringProtocol]) -> String {
    lines.map { $0 + "\n" }.joined()
  }
}
