/// What one command produced: its output streams and exit status.
package struct CommandResult: Equatable, Sendable {
  package var stdout: String
  package var stderr: String
  package var exitCode: Int32
  /// Whether the shell writes `stderr` before `stdout`.
  ///
  /// Set it for a command whose errors or warnings came before its output,
  /// such as kubectl's `Warning:` lines. By default standard output goes first.
  package var writesErrorsFirst: Bool
  /// Output and errors in the order they were written (`kubectl drain`'s
  /// warning between its lines); empty when the two streams go in whole.
  package var ordered: [OrderedText] = []

  package init(
    stdout: String = "", stderr: String = "", exitCode: Int32 = 0, writesErrorsFirst: Bool = false
  ) {
    self.stdout = stdout
    self.stderr = stderr
    self.exitCode = exitCode
    self.writesErrorsFirst = writesErrorsFirst
  }

  /// A failure that writes `message` and a newline to standard error.
  package static func failure(_ message: String, exitCode: Int32 = 1) -> CommandResult {
    CommandResult(stderr: message + "\n", exitCode: exitCode)
  }

  /// Bash's answer for a name that is neither a builtin nor a known
  /// command: `kubetutor: NAME: command not found`, status 127.
  package static func commandNotFound(_ name: String) -> CommandResult {
    failure("kubetutor: \(name): command not found", exitCode: 127)
  }
}

/// A piece of output and whether it went to standard error.
package struct OrderedText: Equatable, Sendable {
  package var isError: Bool
  package var text: String

  package init(isError: Bool, text: String) {
    self.isError = isError
    self.text = text
  }
}
