/// A token of shell input, as the parser sees it.
enum ShellToken: Equatable {
  case word(ShellWord)
  /// The digits of `2>`: a file descriptor for the next redirection.
  case ioNumber(Int)
  /// A control or redirection operator, such as `&&`, `|`, `;` or `>>`.
  case op(String)
  case newline
  case end

  /// The operators that start a redirection.
  static let redirectionOperators: Set<String> = [
    "<", ">", ">>", ">|", "<<", "<<-", "<<<", "<&", ">&", "&>", "&>>", "<>",
  ]

  /// Every operator, longest first so that `&&` wins over `&`.
  static let operators: [String] = [
    "<<<", "<<-", "&>>", "&&", "||", ";;", "|&", "&>", "<<", "<&", "<>", ">>", ">&", ">|",
    "&", "|", ";", "<", ">", "(", ")",
  ]

  /// Whether this token starts a redirection.
  var startsRedirection: Bool {
    switch self {
    case .ioNumber: true
    case .op(let op): Self.redirectionOperators.contains(op)
    case .word, .newline, .end: false
    }
  }
}
