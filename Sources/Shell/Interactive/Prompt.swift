/// The shell's prompt: the lesson position, if any, and the namespace,
/// such as `[services 3/7] default ❯ `.
package enum Prompt {
  /// Marks the start and end of an escape sequence for libedit, which then
  /// does not count it as columns (`EL_PROMPT_ESC`).
  package static let ignoreMark: Character = "\u{1}"

  /// The prompt, coloured when `colour` is set. Colour codes sit between
  /// ``ignoreMark`` characters; ``plain(_:)`` removes them for other readers.
  package static func render(_ state: SessionState, colour: Bool) -> String {
    var text = ""
    if let position = state.position, !position.isEmpty {
      text += paint("[\(position)]", "1;36", colour) + " "
    }
    text += paint(state.namespace, "1;34", colour) + " " + paint("❯", "35", colour) + " "
    return text
  }

  /// The prompt without the escape marks (for a reader that is not libedit).
  package static func plain(_ prompt: String) -> String {
    prompt.filter { $0 != ignoreMark }
  }

  private static func paint(_ text: String, _ code: String, _ colour: Bool) -> String {
    guard colour else { return text }
    return "\(ignoreMark)\u{1B}[\(code)m\(ignoreMark)\(text)\(ignoreMark)\u{1B}[0m\(ignoreMark)"
  }
}
