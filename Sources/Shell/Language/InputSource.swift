/// A command's standard input, shared by the commands of a compound command
/// so that `read` in `… | while read line` takes one line at a time.
final class InputSource {
  private var remaining: Substring

  init(_ text: String) {
    remaining = Substring(text)
  }

  /// Everything not yet read.
  ///
  /// Commands other than `read` see all of it but do not consume it, like
  /// programs that never read their input.
  var text: String { String(remaining) }

  /// Takes the next line without its newline, or `nil` when nothing is left.
  func readLine() -> String? {
    guard !remaining.isEmpty else { return nil }
    guard let newline = remaining.firstIndex(of: "\n") else {
      defer { remaining = "" }
      return String(remaining)
    }
    defer { remaining = remaining[remaining.index(after: newline)...] }
    return String(remaining[..<newline])
  }
}
