/// Why a piece of shell input could not be parsed.
///
/// `description` uses bash's wording without the program prefix; the shell
/// prints it as `kubetutor: syntax error near unexpected token `;'`.
package enum ShellSyntaxError: Error, Equatable, Sendable {
  /// A token that cannot appear here; `newline` for a line end.
  case unexpectedToken(String)
  /// The input ended inside a construct, such as after `&&` or before `done`.
  case unexpectedEndOfFile
  /// The input ended inside quotes or `$(`: the character that would close them.
  case unmatched(Character)
  /// The input ended with a backslash that continues the line.
  case lineContinuation
  /// The input ended before a here-document's terminator line.
  case unterminatedHereDocument(delimiter: String)
  /// `for 1 in …`: a loop variable that is not a valid name.
  case notAnIdentifier(String)
  /// `${…}` that is not a valid parameter expansion.
  case badSubstitution(String)
  /// Valid bash that kubetutor does not run, named in the plural, such as
  /// `function definitions`.
  case unsupported(String)

  /// Whether more input could complete the text: the assembler then asks
  /// for another line instead of reporting the error.
  package var isIncomplete: Bool {
    switch self {
    case .unexpectedEndOfFile, .unmatched, .lineContinuation, .unterminatedHereDocument:
      true
    case .unexpectedToken, .notAnIdentifier, .badSubstitution, .unsupported:
      false
    }
  }
}

extension ShellSyntaxError: CustomStringConvertible {
  package var description: String {
    switch self {
    case .unexpectedToken(let token):
      "syntax error near unexpected token `\(token)'"
    case .unexpectedEndOfFile, .lineContinuation:
      "syntax error: unexpected end of file"
    case .unmatched(let character):
      "unexpected EOF while looking for matching `\(character)'"
    case .unterminatedHereDocument(let delimiter):
      "here-document delimited by end-of-file (wanted `\(delimiter)')"
    case .notAnIdentifier(let name):
      "`\(name)': not a valid identifier"
    case .badSubstitution(let text):
      "\(text): bad substitution"
    case .unsupported(let what):
      "\(what) are not supported here"
    }
  }
}
