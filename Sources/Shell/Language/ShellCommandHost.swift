/// Runs the commands the shell language does not handle itself.
///
/// The interpreter keeps `cd`, `export`, `read`, `exit` and the other
/// builtins that change the shell; every other command line, after
/// expansion, goes to the host, which decides what the name means (kubectl,
/// a text tool, or `command not found`).
package protocol ShellCommandHost {
  /// Runs `argv` (the command name first) with `stdin` as its input.
  ///
  /// The context holds variables, exported names and the working
  /// directory; a host may change it.
  mutating func run(_ argv: [String], stdin: String, context: inout ShellContext) -> CommandResult
}
