/// `if CONDITION; then BODY; elif …; else …; fi`.
package struct IfClause: Equatable, Sendable {
  /// A condition and the list to run when it exits with 0.
  package struct Branch: Equatable, Sendable {
    package var condition: CommandList
    package var body: CommandList

    package init(condition: CommandList, body: CommandList) {
      self.condition = condition
      self.body = body
    }
  }

  /// The `if` branch, then every `elif`, in order.
  package var branches: [Branch]
  package var elseBody: CommandList?

  package init(branches: [Branch], elseBody: CommandList? = nil) {
    self.branches = branches
    self.elseBody = elseBody
  }
}
