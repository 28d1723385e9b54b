import Foundation

/// Where a command's output goes: the terminal sink, a pipe buffer, a file
/// or nowhere.
///
/// A class because every command of a compound command shares its channel:
/// `for …; done > out.txt` appends each iteration to the same open file.
final class OutputChannel {
  private enum Destination {
    case sink(ShellStream, (ShellStream, String) -> Void)
    case buffer
    case file(FileHandle)
    case discard
  }

  private let destination: Destination
  /// What a buffer channel collected.
  private(set) var text = ""

  private init(_ destination: Destination) {
    self.destination = destination
  }

  /// Forwards every write to `sink` at once, so output appears as commands finish.
  static func sink(_ stream: ShellStream, _ sink: @escaping (ShellStream, String) -> Void)
    -> OutputChannel
  {
    OutputChannel(.sink(stream, sink))
  }

  /// Collects writes, for pipes and `$(…)`.
  static func buffer() -> OutputChannel {
    OutputChannel(.buffer)
  }

  /// Drops writes, for `> /dev/null`.
  static func discard() -> OutputChannel {
    OutputChannel(.discard)
  }

  /// Writes to an open file.
  static func file(_ handle: FileHandle) -> OutputChannel {
    OutputChannel(.file(handle))
  }

  func write(_ output: String) {
    guard !output.isEmpty else { return }
    switch destination {
    case .sink(let stream, let sink): sink(stream, output)
    case .buffer: text += output
    case .file(let handle): handle.write(Data(output.utf8))
    case .discard: break
    }
  }

  /// Closes a file channel; other channels ignore it.
  func close() {
    if case .file(let handle) = destination {
      try? handle.close()
    }
  }
}
