/// One word of shell input before expansion, such as `"$POD"-log` or `{1..3}`.
///
/// A word is a sequence of parts so that quoting survives parsing: only
/// `.literal` text takes part in brace expansion and globbing, and only
/// unquoted expansions are split into fields.
package struct ShellWord: Equatable, Sendable {
  /// A piece of a word, in source order.
  package enum Part: Equatable, Sendable {
    /// Unquoted text, subject to brace expansion and globbing.
    case literal(String)
    /// Text from single quotes, double quotes or a backslash escape, taken as is.
    case quoted(String)
    /// `$NAME`, `${NAME}` or `${NAME:-default}`; `quoted` inside double quotes.
    case parameter(ParameterExpansion, quoted: Bool)
    /// `$(list)` or `` `list` ``; `quoted` inside double quotes.
    case commandSubstitution(CommandList, quoted: Bool)
    /// `$((expression))`; the expression is expanded, then evaluated.
    case arithmetic(ShellWord, quoted: Bool)
  }

  package var parts: [Part]

  package init(_ parts: [Part]) {
    self.parts = parts
  }

  /// A word made of one unquoted literal, as the parser builds for `echo`.
  package static func literal(_ text: String) -> ShellWord {
    ShellWord([.literal(text)])
  }

  /// The text of a word made only of unquoted literal parts, or `nil`.
  ///
  /// Reserved words such as `for` and `done` count only when unquoted.
  package var plainText: String? {
    var text = ""
    for part in parts {
      guard case .literal(let piece) = part else { return nil }
      text += piece
    }
    return text
  }

  /// Whether any part of the word was quoted or escaped.
  package var hasQuoting: Bool {
    parts.contains { part in
      switch part {
      case .literal: false
      case .quoted: true
      case .parameter(_, let quoted), .commandSubstitution(_, let quoted),
        .arithmetic(_, let quoted):
        quoted
      }
    }
  }
}
