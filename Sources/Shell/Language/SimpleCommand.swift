/// A command with its words, such as `A=1 kubectl get pods > pods.txt`.
package struct SimpleCommand: Equatable, Sendable {
  /// Prefix assignments; alone they set shell variables.
  package var assignments: [Assignment]
  /// The command name and its arguments, before expansion.
  package var words: [ShellWord]
  /// Redirections in source order, wherever they appeared.
  package var redirections: [Redirection]

  package init(
    assignments: [Assignment] = [], words: [ShellWord] = [], redirections: [Redirection] = []
  ) {
    self.assignments = assignments
    self.words = words
    self.redirections = redirections
  }
}
