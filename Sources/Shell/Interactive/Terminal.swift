import CEditLine

#if canImport(Glibc)
  import Glibc
#endif

/// The terminal around the shell: its size (read again before every
/// command, so a resized window re-flows tables) and whether colour is wanted.
package enum Terminal {
  /// Columns of the terminal on standard output, or `nil` when it is not one.
  package static func columns() -> Int? {
    let value = Int(kt_terminal_columns(STDOUT_FILENO))
    return value > 0 ? value : nil
  }

  /// Rows of the terminal on standard output, or `nil` when it is not one.
  package static func rows() -> Int? {
    let value = Int(kt_terminal_rows(STDOUT_FILENO))
    return value > 0 ? value : nil
  }

  /// Whether to colour output: standard output is a terminal, `--no-color`
  /// was not given and `NO_COLOR` is unset or empty (no-color.org).
  package static func wantsColour(noColorFlag: Bool, environment: [String: String]) -> Bool {
    guard !noColorFlag, isatty(STDOUT_FILENO) != 0 else { return false }
    return (environment["NO_COLOR"] ?? "").isEmpty
  }
}
