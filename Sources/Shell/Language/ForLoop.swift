/// `for NAME in WORDS; do BODY; done`.
package struct ForLoop: Equatable, Sendable {
  package var variable: String
  /// The words after `in`, expanded when the loop starts; `nil` without `in`.
  package var words: [ShellWord]?
  package var body: CommandList

  package init(variable: String, words: [ShellWord]?, body: CommandList) {
    self.variable = variable
    self.words = words
    self.body = body
  }
}
