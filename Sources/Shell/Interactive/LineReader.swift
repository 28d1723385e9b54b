import Foundation

/// What a line reader got.
package enum LineInput: Equatable, Sendable {
  /// A line, without its newline.
  case line(String)
  /// Ctrl-C: the line being typed was thrown away.
  case interrupted
  /// End of input: Ctrl-D on an empty line, or the end of a pipe.
  case end
}

/// A source of input lines for the shell.
///
/// The interactive loop depends on this protocol only, so tests drive it
/// with a script and CI never needs a terminal.
package protocol LineReader: AnyObject {
  /// Shows `prompt` (when the reader shows prompts) and reads one line.
  func readLine(prompt: String) -> LineInput
}

/// Lines from standard input when it is a pipe or a file: no editing, and
/// the prompt is printed only when asked.
package final class StandardInputReader: LineReader {
  private let showsPrompt: Bool

  package init(showsPrompt: Bool = false) {
    self.showsPrompt = showsPrompt
  }

  package func readLine(prompt: String) -> LineInput {
    if showsPrompt {
      FileHandle.standardOutput.write(Data(prompt.utf8))
    }
    guard let line = Swift.readLine(strippingNewline: true) else { return .end }
    return .line(line)
  }
}

/// Lines from a list, for tests.
package final class ScriptedLineReader: LineReader {
  private var lines: [LineInput]
  /// The prompts asked for, in order.
  package private(set) var prompts: [String] = []

  package init(_ lines: [String]) {
    self.lines = lines.map { .line($0) }
  }

  package init(inputs: [LineInput]) {
    self.lines = inputs
  }

  package func readLine(prompt: String) -> LineInput {
    prompts.append(prompt)
    guard !lines.isEmpty else { return .end }
    return lines.removeFirst()
  }
}
