/// Joins typed lines into one complete input, the way bash keeps reading
/// after `cat <<EOF`, an open quote, a trailing `\`, `|`, `&&` or `||`, or
/// an unfinished `for … done`.
///
/// Feed it each line as typed; it answers with the whole text once the
/// parser no longer needs more (here-document bodies included), or with
/// the continuation prompt to show. Complete input may still hold a syntax
/// error: the caller parses it and reports that.
package struct InputAssembler: Sendable {
  /// What the assembler needs after a line.
  package enum Status: Equatable, Sendable {
    /// The input is complete: parse and run this text.
    case complete(String)
    /// More lines are needed; show `prompt` for the next one.
    case needsMore(prompt: String)
  }

  /// The prompt for continuation lines, bash's `PS2`.
  package var continuationPrompt = "> "
  private var lines: [String] = []

  package init() {}

  /// Whether lines are waiting for the rest of their input.
  package var isPending: Bool { !lines.isEmpty }

  /// The lines typed so far and not yet returned as complete, each ending
  /// in a newline as bash reads them, so `echo >` fails at `newline`
  /// instead of waiting for more.
  package var pendingText: String { lines.map { $0 + "\n" }.joined() }

  /// Why the pending text is incomplete, such as
  /// `.unterminatedHereDocument(delimiter: "EOF")`; `nil` when nothing is pending.
  package var pendingReason: ShellSyntaxError? {
    guard isPending else { return nil }
    do {
      _ = try ShellParser.parse(pendingText)
      return nil
    } catch {
      return error.isIncomplete ? error : nil
    }
  }

  /// Adds one line, without its newline.
  package mutating func feed(_ line: String) -> Status {
    lines.append(line)
    let text = pendingText
    do {
      _ = try ShellParser.parse(text)
    } catch  where error.isIncomplete {
      return .needsMore(prompt: continuationPrompt)
    } catch {
      // A real syntax error: complete, so the caller reports it now.
    }
    lines = []
    return .complete(text)
  }

  /// Drops pending lines, as Ctrl-C at a continuation prompt does.
  package mutating func reset() {
    lines = []
  }

  /// Ends the input (Ctrl-D): returns the pending text, whose parse reports
  /// what was missing, or `nil` when nothing was pending.
  package mutating func finish() -> String? {
    guard isPending else { return nil }
    defer { lines = [] }
    return pendingText
  }
}
