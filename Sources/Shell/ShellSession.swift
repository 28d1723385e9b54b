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
  /// The cluster the session's commands act on. A session started with
  /// `building:` builds it on first use, so a script or a prompt that
  /// needs no cluster does not wait for one (building kind's cluster is
  /// most of start-up).
  package var cluster: Cluster {
    get {
      if let storedCluster { return storedCluster }
      return buildCluster()
    }
    _modify {
      if storedCluster == nil { _ = buildCluster() }
      yield &storedCluster!
    }
    set {
      // Built first all the same: the cluster it replaces is what `undo` goes back to.
      if storedCluster == nil { _ = buildCluster() }
      storedCluster = newValue
    }
  }
  private var storedCluster: Cluster?
  private var makeCluster: (() -> Cluster)?
  /// The cluster as first built, until the command line that built it is
  /// recorded (for `undo` and `trace`, it is the state before that line).
  private var firstCluster: Cluster?
  /// Held while a command runs; an API server serving this cluster
  /// (`serve on`) takes it for each request, so both see the same objects.
  package let access = NSRecursiveLock()
  package var namespace = "default"
  package var failures = 0
  /// Open `kubectl port-forward`s by local port; they last as long as the session.
  package var portForwards: [Int: PortForward] = [:]
  /// Running `kubectl proxy`s by local port; they last as long as the session.
  package var proxies: [Int: APIProxy] = [:]
  /// Opens real loopback ports for the interactive shell's proxies (wired
  /// by the executable, like `kubernetesAPI`).
  package var proxyPorts: ProxyPorts?
  /// The Kubernetes API that answers `kubectl proxy`'s requests (the
  /// executable wires `kubetutor serve`'s router); without it nothing
  /// listens behind a proxy.
  package var kubernetesAPI: APIProxy.API?
  package let mode: SessionMode
  /// Stops the interactive shell's clock from following the wall clock
  /// while set, so that two runs of a command (the real kubectl through
  /// `serve`, then the shell) start from the same moment and draw the same
  /// names and UIDs.
  package var wallClockPaused = false
  /// Whether the clock follows the wall clock now: the interactive shell,
  /// unless paused.
  package var followsWallClock: Bool { mode == .interactive && !wallClockPaused }
  /// Polled by long commands (watches, `logs -f`, `sleep` in the
  /// interactive shell): `true` once Ctrl-C was pressed.
  package var isInterrupted: () -> Bool = { false }
  /// Writes output at once, for commands that stream until Ctrl-C.
  package var write: (ShellStream, String) -> Void = { _, _ in }
  /// The terminal's width in columns, or `nil` when output is not a terminal.
  package var terminalWidth: () -> Int? = { nil }
  /// The terminal's height in rows, or `nil` when output is not a terminal.
  package var terminalHeight: () -> Int? = { nil }
  /// Whether output may use colour.
  package var usesColour = false
  /// The language of messages and lessons: `en` or `ko`.
  package var language = "en"
  /// Called when `lang` changes the language, to keep the choice.
  package var languageChanged: (String) -> Void = { _ in }
  /// Where the learner stands in a lesson or scenario, such as
  /// `services 3/7`; shown in the prompt. Set by the lesson runner.
  package var position: String?
  /// Reads one line from the learner's terminal with the given prompt, in
  /// the interactive shell only (the in-pod shell of `kubectl exec -it`).
  package var readLine: ((String) -> LineInput)?
  /// Whether `quit` asked the shell to end.
  package var quitRequested = false
  /// Whether the last output ended a line, so that a message can start on a fresh one.
  package internal(set) var outputEndsLine = true
  /// Called once a typed line's commands have all run, before the next
  /// prompt: the tutor reports the goals they met here, after their output.
  package var lineFinished: () -> Void = {}
  /// Earlier clusters for `undo`, the last change for `trace`, snapshots.
  package let history = ClusterHistory()
  /// The names of the commands the shell runs, for completion and `help`.
  package internal(set) var commandNames: [String] = []
  /// The shell's working directory.
  package internal(set) var currentDirectory: () -> URL = {
    URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }

  init(cluster: Cluster, mode: SessionMode) {
    storedCluster = cluster
    self.mode = mode
  }

  init(building makeCluster: @escaping () -> Cluster, mode: SessionMode) {
    self.makeCluster = makeCluster
    self.mode = mode
  }

  private func buildCluster() -> Cluster {
    let built = makeCluster?() ?? Cluster(emptyAt: Cluster.scriptEpoch, seed: 1)
    makeCluster = nil
    storedCluster = built
    firstCluster = built
    return built
  }

  /// The cluster if it has been built, and, when it was built during the
  /// current line, what it was then.
  var builtCluster: (now: Cluster, first: Cluster?)? {
    storedCluster.map { ($0, firstCluster) }
  }

  /// Forgets the first-built cluster once the line that built it is recorded.
  func lineRecorded() { firstCluster = nil }
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
  package convenience init(
    cluster: Cluster, mode: SessionMode, workingDirectory: URL,
    clock: @escaping () -> Date = Date.init,
    write: @escaping (ShellStream, String) -> Void
  ) {
    self.init(
      state: SessionState(cluster: cluster, mode: mode), workingDirectory: workingDirectory,
      clock: clock, write: write)
  }

  /// A session whose cluster is built by `makeCluster` when a command first
  /// needs it.
  package convenience init(
    building makeCluster: @escaping () -> Cluster, mode: SessionMode, workingDirectory: URL,
    clock: @escaping () -> Date = Date.init,
    write: @escaping (ShellStream, String) -> Void
  ) {
    self.init(
      state: SessionState(building: makeCluster, mode: mode), workingDirectory: workingDirectory,
      clock: clock, write: write)
  }

  private init(
    state: SessionState, workingDirectory: URL, clock: @escaping () -> Date,
    write: @escaping (ShellStream, String) -> Void
  ) {
    self.state = state
    self.clock = clock
    let write: (ShellStream, String) -> Void = { stream, text in
      if let last = text.last { state.outputEndsLine = last == "\n" }
      write(stream, text)
    }
    state.write = write
    var table = CommandTable.standard
    Builtins.register(into: &table, state: state)
    SessionBuiltins.register(into: &table, state: state)
    TraceBuiltins.register(into: &table, state: state)
    TutorBuiltins.register(into: &table, state: state)
    state.commandNames = table.commandNames
    let context = ShellContext(workingDirectory: workingDirectory, variables: ["HOME": workingDirectory.path, "PWD": workingDirectory.path])
    interpreter = ShellInterpreter(context: context, host: table, output: write)
    interpreter.commandFinished = { _, code in
      if code != 0 { state.failures += 1 }
    }
    interpreter.isInterrupted = { state.isInterrupted() }
    state.currentDirectory = { [unowned self] in self.interpreter.context.workingDirectory }
  }

  /// Adds a command to the shell, or replaces one, such as the lesson
  /// commands (`lessons`, `start`, `next`, `hint`, `check`…).
  package func register(_ name: String, _ handler: @escaping CommandTable.Handler) {
    guard var table = interpreter.host as? CommandTable else { return }
    table.register(name, handler)
    interpreter.host = table
    state.commandNames = table.commandNames
  }

  /// Drops the lines of an unfinished command, as Ctrl-C at a
  /// continuation prompt does.
  package func cancelPending() {
    assembler.reset()
  }

  /// Whether lines are waiting for the rest of their command.
  package var isPending: Bool { assembler.isPending }

  /// The prompt for the next line: the continuation prompt inside a
  /// heredoc or an open quote.
  package var prompt: String {
    assembler.isPending ? assembler.continuationPrompt : Prompt.render(state, colour: false)
  }

  /// The exit status of the last complete command line.
  package var lastStatus: Int32 { interpreter.context.lastExitStatus }

  /// Whether the input asked the shell to end (`exit`).
  package var exitStatus: Int32? { interpreter.exitRequested ?? (state.quitRequested ? 0 : nil) }

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
    state.access.lock()
    defer { state.access.unlock() }
    if state.followsWallClock {
      let now = clock()
      if now > state.cluster.now { state.cluster.advance(to: now) }
    }
    let started = Date()
    let before = state.builtCluster?.now
    let status = interpreter.run(text)
    state.lineFinished()
    // A line that did not need the cluster (before it was first built)
    // changed nothing in it.
    if let (after, first) = state.builtCluster, let before = before ?? first {
      state.history.commandFinished(text, before: before, after: after)
    }
    state.lineRecorded()
    commandFinished?(text, status, started, Date().timeIntervalSince(started) * 1000)
  }
}
