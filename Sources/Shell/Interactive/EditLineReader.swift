import CEditLine
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Lines typed at a terminal, edited with libedit: emacs keys, history
/// with ↑/↓ and Ctrl-R, TAB completion, Ctrl-C to clear the line and
/// Ctrl-D on an empty line to leave.
///
/// History is kept in a file (deduplicated, the newest 1000 lines, mode
/// 0600) and written after every line, so a killed shell loses none.
package final class EditLineReader: LineReader {
  /// Completes the word at the cursor: the whole line and the cursor as a
  /// count of characters, answering where the word starts (in characters)
  /// and its candidates.
  package typealias Completer = (_ line: String, _ cursor: Int) -> (start: Int, candidates: [String])

  /// The most lines the history file keeps.
  package static let historyLimit = 1000

  private let editLine: OpaquePointer
  private let history: OpaquePointer
  private let historyPath: String?
  private var promptBuffer: UnsafeMutablePointer<CChar>
  /// Called on TAB.
  package var completer: Completer?
  /// The terminal's width, for laying out completion lists.
  package var columns: () -> Int = { 80 }

  /// Opens the line editor on the process's terminal, or returns `nil`
  /// when standard input is not a terminal.
  package init?(historyPath: String?) {
    guard isatty(STDIN_FILENO) != 0 else { return nil }
    Self.useUTF8Locale()
    guard let editLine = el_init("kubetutor", kt_stdin(), kt_stdout(), kt_stderr()) else {
      return nil
    }
    self.editLine = editLine
    history = history_init()
    self.historyPath = historyPath
    promptBuffer = strdup("")
    _ = kt_hist_setsize(history, Int32(Self.historyLimit))
    _ = kt_hist_setunique(history, 1)
    if let historyPath {
      for line in Self.load(historyPath) { _ = kt_hist_enter(history, line) }
    }
    _ = kt_el_set_editor(editLine, "emacs")
    _ = kt_el_set_signal(editLine, 1)
    _ = kt_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
    _ = kt_el_set_prompt_esc(editLine, { editLine in
      guard let editLine, let reader = EditLineReader.owner(of: editLine) else { return nil }
      return reader.promptBuffer
    }, 1)
    _ = kt_el_set_hist(editLine, history)
    _ = kt_el_addfn(editLine, "kt-complete", "Complete the word at the cursor", { editLine, _ in
      guard let editLine, let reader = EditLineReader.owner(of: editLine) else {
        return UInt8(CC_ERROR)
      }
      return reader.complete()
    })
    _ = kt_el_bind(editLine, "^I", "kt-complete")
    // Home, End and Delete as the common terminals send them, whatever TERM says.
    for (sequence, function) in [
      ("\u{1B}[H", "ed-move-to-beg"), ("\u{1B}OH", "ed-move-to-beg"), ("\u{1B}[1~", "ed-move-to-beg"),
      ("\u{1B}[F", "ed-move-to-end"), ("\u{1B}OF", "ed-move-to-end"), ("\u{1B}[4~", "ed-move-to-end"),
      ("\u{1B}[3~", "ed-delete-next-char"), ("\u{1B}[1;5C", "em-next-word"), ("\u{1B}[1;5D", "ed-prev-word"),
    ] {
      _ = kt_el_bind(editLine, sequence, function)
    }
    // Ctrl-R searches the history backwards, as in bash.
    _ = kt_el_bind(editLine, "^R", "em-inc-search-prev")
  }

  deinit {
    history_end(history)
    el_end(editLine)
    free(promptBuffer)
  }

  /// libedit converts input with the current locale: without a UTF-8
  /// `LC_CTYPE`, Hangul is silently dropped.
  static func useUTF8Locale() {
    _ = setlocale(LC_CTYPE, "")
    if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" {
      _ = setlocale(LC_CTYPE, "C.UTF-8")
    }
  }

  private static func owner(of editLine: OpaquePointer) -> EditLineReader? {
    guard let pointer = kt_el_get_clientdata(editLine) else { return nil }
    return Unmanaged<EditLineReader>.fromOpaque(pointer).takeUnretainedValue()
  }

  /// Shows `prompt` and reads a line. Escape sequences in the prompt must
  /// sit between `\u{1}` characters, so they are not counted as columns.
  package func readLine(prompt: String) -> LineInput {
    free(promptBuffer)
    promptBuffer = strdup(prompt)
    _ = Interrupt.take()
    var count: Int32 = 0
    guard let text = el_gets(editLine, &count), count > 0 else {
      if count == -1 && Interrupt.take() {
        FileHandle.standardOutput.write(Data("^C\n".utf8))
        return .interrupted
      }
      if count == -1 && errno == EINTR { return .interrupted }
      return .end
    }
    var line = String(cString: text)
    if line.hasSuffix("\n") { line.removeLast() }
    if !line.trimmingCharacters(in: .whitespaces).isEmpty {
      _ = kt_hist_enter(history, line)
      save()
    }
    return .line(line)
  }

  /// Re-reads the terminal's size, after SIGWINCH outside `readLine`.
  package func resize() {
    _ = kt_el_resize(editLine)
  }

  // MARK: Completion

  private func complete() -> UInt8 {
    guard let completer, let info = el_line(editLine)?.pointee, let buffer = info.buffer else {
      return UInt8(CC_ERROR)
    }
    let raw = UnsafeRawPointer(buffer)
    let whole = String(
      decoding: UnsafeRawBufferPointer(start: raw, count: UnsafeRawPointer(info.lastchar) - raw),
      as: UTF8.self)
    let left = String(
      decoding: UnsafeRawBufferPointer(start: raw, count: UnsafeRawPointer(info.cursor) - raw),
      as: UTF8.self)
    let cursor = left.count
    let (start, candidates) = completer(whole, cursor)
    let typed = String(left.dropFirst(start))
    guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
    let insertion = Completion.insertion(typed: typed, candidates: candidates)
    if let insertion {
      if !typed.isEmpty { el_deletestr(editLine, Int32(typed.count)) }
      _ = el_insertstr(editLine, insertion)
      return UInt8(CC_REFRESH)
    }
    let listing = Completion.layout(candidates, width: columns())
    FileHandle.standardOutput.write(Data(("\n" + listing).utf8))
    return UInt8(CC_REDISPLAY)
  }

  // MARK: History file

  /// The lines of a history file, oldest first.
  static func load(_ path: String) -> [String] {
    guard FileManager.default.fileExists(atPath: path) else { return [] }
    let scratch = history_init()
    defer { history_end(scratch) }
    _ = kt_hist_setsize(scratch, Int32(historyLimit * 2))
    _ = kt_hist_load(scratch, path)
    return entries(of: scratch)
  }

  private static func entries(of history: OpaquePointer?) -> [String] {
    var lines: [String] = []
    var entry = kt_hist_step(history, H_LAST)
    while let text = entry {
      lines.append(String(cString: text))
      entry = kt_hist_step(history, H_PREV)
    }
    return lines
  }

  /// Writes the history: each line once (where it was last used), the
  /// newest `historyLimit`, readable by the learner only.
  private func save() {
    guard let historyPath else { return }
    let lines = Self.deduplicated(Self.entries(of: history), limit: Self.historyLimit)
    let folder = (historyPath as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(
      atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let scratch = history_init()
    defer { history_end(scratch) }
    _ = kt_hist_setsize(scratch, Int32(Self.historyLimit))
    for line in lines { _ = kt_hist_enter(scratch, line) }
    let previous = umask(0o077)
    _ = kt_hist_save(scratch, historyPath)
    umask(previous)
    chmod(historyPath, 0o600)
  }

  /// Keeps the last use of each line, oldest first, at most `limit` lines.
  package static func deduplicated(_ lines: [String], limit: Int) -> [String] {
    var seen = Set<String>()
    var kept: [String] = []
    for line in lines.reversed() where seen.insert(line).inserted {
      kept.append(line)
      if kept.count == limit { break }
    }
    return kept.reversed()
  }
}
