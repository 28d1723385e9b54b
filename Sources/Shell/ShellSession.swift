import Foundation
import KubeCluster
import Kubectl

/// How a session is being run.
package enum SessionMode: Sendable {
  /// Lines come from a file or a pipe; the clock moves only with `sleep`
  /// and kubectl's waits; there is no prompt.
  case script
  /// A learner at a terminal: the clock follows the wall clock.
  case interactive
}

/// The state a session's commands share: the cluster, the kubeconfig
/// namespace, and what failed.
package final class SessionState {
  package var cluster: Cluster
  package var namespace = "default"
  package var failures = 0
  let mode: SessionMode

  init(cluster: Cluster, mode: SessionMode) {
    self.cluster = cluster
    self.mode = mode
  }
}

/// One learner's shell: turns typed lines into commands (shell language,
/// kubectl, builtins) and runs them against the simulated cluster. It never
/// hands a line to the host's shell.
package final class ShellSession {
  package let state: SessionState
  private var interpreter: ShellInterpreter
  private var assembler = InputAssembler()
  private let clock: () -> Date
  /// Called after each complete command line with its text, exit status,
  /// start time and duration in milliseconds: where progress is recorded.
  package var commandFinished: ((String, Int32, Date, Double) -> Void)?

  /// - Parameters:
  ///   - workingDirectory: the learner's folder; files the shell reads and
  ///     writes stay inside it.
  ///   - write: receives output as it is produced, by stream.
  package init(
    cluster: Cluster, mode: SessionMode, workingDirectory: URL,
    clock: @escaping () -> Date = Date.init,
    write: @escaping (ShellStream, String) -> Void
  ) {
    let state = SessionState(cluster: cluster, mode: mode)
    self.state = state
    self.clock = clock
    var table = CommandTable.standard
    Builtins.register(into: &table, state: state)
    TutorBuiltins.register(into: &table, state: state)
    let context = ShellContext(workingDirectory: workingDirectory, variables: ["HOME": workingDirectory.path, "PWD": workingDirectory.path])
    interpreter = ShellInterpreter(context: context, host: table, output: write)
    interpreter.commandFinished = { _, code in
      if code != 0 { state.failures += 1 }
    }
  }

  /// The prompt for the next line: the continuation prompt inside a
  /// heredoc or an open quote.
  package var prompt: String {
    assembler.isPending ? assembler.continuationPrompt : "\(state.namespace) $ "
  }

  /// The exit status of the last complete command line.
  package var lastStatus: Int32 { interpreter.context.lastExitStatus }

  /// Whether the input asked the shell to end (`exit`).
  package var exitStatus: Int32? { interpreter.exitRequested }

  /// Feeds one typed line; runs it once the command is complete.
  package func feed(_ line: String) {
    switch assembler.feed(line) {
    case .needsMore:
      return
    case .complete(let text):
      run(text)
    }
  }

  /// Ends the input: a heredoc still open is an error, as in bash.
  package func finish() {
    guard assembler.isPending else { return }
    let text = assembler.pendingText
    assembler.reset()
    run(text)
  }

  private func run(_ text: String) {
    guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
    if state.mode == .interactive {
      let now = clock()
      if now > state.cluster.now { state.cluster.advance(to: now) }
    }
    let started = Date()
    let status = interpreter.run(text)
    commandFinished?(text, status, started, Date().timeIntervalSince(started) * 1000)
  }
}
