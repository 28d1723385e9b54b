/// `echo [-n] [-e] [-E] [ARG…]`, as bash's builtin: arguments joined by
/// spaces and a newline.
///
/// Only leading words made of `n`, `e` and `E` after a dash are options, so
/// `echo -x` prints `-x`.
package enum EchoTool {
  package static func run(
    _ arguments: [String], stdin: String, files: FileAccess
  ) -> CommandResult {
    var newline = true
    var escapes = false
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      guard argument.count > 1, argument.hasPrefix("-"),
        argument.dropFirst().allSatisfy({ "neE".contains($0) })
      else { break }
      for option in argument.dropFirst() {
        switch option {
        case "n": newline = false
        case "e": escapes = true
        default: escapes = false
        }
      }
      index += 1
    }
    var text = arguments[index...].joined(separator: " ")
    if escapes {
      let decoded = EscapeSequences.decode(text, octalNeedsZero: true)
      if decoded.stopsOutput { return CommandResult(stdout: decoded.text) }
      text = decoded.text
    }
    return CommandResult(stdout: newline ? text + "\n" : text)
  }
}
