import Foundation

/// The read–evaluate–print loop at a terminal: prompt, read a line, feed
/// the session; continuation lines get `> `; Ctrl-C drops the line (or the
/// unfinished command); Ctrl-D on an empty line leaves.
///
/// Like Lua's `doREPL`, a failing command prints its error and the loop
/// goes on; only end of input, `exit` or `quit` stops it.
package final class InteractiveLoop {
  private let session: ShellSession
  private let reader: any LineReader
  private let colour: Bool

  package init(session: ShellSession, reader: any LineReader, colour: Bool) {
    self.session = session
    self.reader = reader
    self.colour = colour
    session.state.readLine = { [reader] prompt in reader.readLine(prompt: prompt) }
  }

  /// Runs until the learner leaves; returns the status `exit` asked for.
  @discardableResult
  package func run() -> Int32? {
    while true {
      let prompt = session.isPending ? session.prompt : Prompt.render(session.state, colour: colour)
      switch reader.readLine(prompt: prompt) {
      case .line(let line):
        // A Ctrl-C pressed since the line was read stops the command at once
        // (the reader cleared older ones before showing the prompt).
        session.feed(line)
        // Ctrl-C stopped a command: the terminal shows ^C; start a fresh line.
        if Interrupt.take() { session.state.write(.stdout, "\n") }
        if let status = session.exitStatus { return status }
      case .interrupted:
        session.cancelPending()
      case .end:
        if session.isPending {
          session.finish()
        } else {
          session.state.write(.stdout, "\n")
        }
        return session.exitStatus
      }
    }
  }
}
