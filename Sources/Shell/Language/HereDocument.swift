/// The body of a `<<EOF` redirection, read from the lines after the command.
package struct HereDocument: Equatable, Sendable {
  /// The terminator line, after quote removal.
  package var delimiter: String
  /// Whether the delimiter was quoted (`<<'EOF'`), which turns expansion off.
  package var isQuoted: Bool
  /// Whether leading tabs were stripped (`<<-EOF`).
  package var stripsTabs: Bool
  /// The body, every line ending in a newline.
  ///
  /// A quoted delimiter makes it a single `.quoted` part; otherwise `$VAR`
  /// and `$(...)` are live.
  package var body: ShellWord

  package init(delimiter: String, isQuoted: Bool, stripsTabs: Bool, body: ShellWord) {
    self.delimiter = delimiter
    self.isQuoted = isQuoted
    self.stripsTabs = stripsTabs
    self.body = body
  }
}
