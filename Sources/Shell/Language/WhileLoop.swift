/// `while CONDITION; do BODY; done`, or `until` when `isUntil`.
package struct WhileLoop: Equatable, Sendable {
  package var condition: CommandList
  package var body: CommandList
  /// `until`: loop while the condition fails.
  package var isUntil: Bool

  package init(condition: CommandList, body: CommandList, isUntil: Bool = false) {
    self.condition = condition
    self.body = body
    self.isUntil = isUntil
  }
}
