import Foundation
import Shell

/// What a test run of the shell printed and returned.
struct ShellRun: Equatable {
  var stdout = ""
  var stderr = ""
  var status: Int32 = 0
  /// Both streams interleaved in the order they were written.
  var transcript = ""
}

/// A throwaway working directory, removed when the value is deinitialized.
final class ScratchDirectory {
  let url: URL

  init() {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("kubetutor-shell-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  /// Writes a file relative to the directory.
  func write(_ path: String, _ text: String) {
    let file = url.appendingPathComponent(path)
    try? FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? text.write(to: file, atomically: false, encoding: .utf8)
  }

  /// The text of a file relative to the directory, or `nil`.
  func read(_ path: String) -> String? {
    try? String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
  }
}

/// Builds an interpreter over `directory` with the standard tools, and
/// records what it prints.
final class ShellHarness {
  let directory: ScratchDirectory
  var shell: ShellInterpreter
  private let recorder: Recorder
  private(set) var finished: [[String]] = []

  private final class Recorder {
    var run = ShellRun()
  }

  init(host: CommandTable = .standard, directory: ScratchDirectory = ScratchDirectory()) {
    self.directory = directory
    let recorder = Recorder()
    self.recorder = recorder
    shell = ShellInterpreter(
      context: ShellContext(workingDirectory: directory.url), host: host,
      output: { stream, text in
        switch stream {
        case .stdout: recorder.run.stdout += text
        case .stderr: recorder.run.stderr += text
        }
        recorder.run.transcript += text
      })
  }

  /// Runs one complete input and returns what this input printed.
  @discardableResult
  func run(_ source: String) -> ShellRun {
    recorder.run = ShellRun()
    shell.commandFinished = { [weak self] argv, _ in self?.finished.append(argv) }
    recorder.run.status = shell.run(source)
    return recorder.run
  }
}

/// Runs `source` in a fresh shell with the standard tools.
func runShell(_ source: String) -> ShellRun {
  ShellHarness().run(source)
}

/// The standard output of `source` in a fresh shell.
func shellStdout(_ source: String) -> String {
  runShell(source).stdout
}
