/// Commands joined by `|`, optionally negated with `!`.
package struct Pipeline: Equatable, Sendable {
  package var commands: [CommandNode]
  /// `! cmd`: the exit status is inverted.
  package var isNegated: Bool

  package init(_ commands: [CommandNode], isNegated: Bool = false) {
    self.commands = commands
    self.isNegated = isNegated
  }
}
