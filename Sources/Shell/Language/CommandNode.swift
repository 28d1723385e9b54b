/// One element of a pipeline: a simple command or a compound command.
package indirect enum CommandNode: Equatable, Sendable {
  case simple(SimpleCommand)
  /// `for NAME in WORDS; do LIST; done`
  case forLoop(ForLoop)
  /// `if LIST; then LIST; [elif …;] [else LIST;] fi`
  case ifClause(IfClause)
  /// `while LIST; do LIST; done` or `until …`
  case whileLoop(WhileLoop)
  /// `{ LIST; }`
  case braceGroup(CommandList)
  /// `( LIST )`: variables set inside do not survive.
  case subshell(CommandList)
  /// A compound command followed by redirections, such as `for …; done > out.txt`.
  case redirected(CommandNode, [Redirection])
}
