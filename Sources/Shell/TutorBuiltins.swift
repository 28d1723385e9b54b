import Foundation
import KubeCluster
import Synchronization
import Tutor

/// The tutor's commands in the shell (`lessons`, `start`, `next`, `back`,
/// `hint`, `check`, `goals`, `answer`, `skip`, `reset`, `progress`, `lang`),
/// and the check of the current step's goals after every command.
package enum TutorBuiltins {
  private final class Entry: @unchecked Sendable {
    weak var state: SessionState?
    let tutor: TutorSession
    init(state: SessionState, tutor: TutorSession) {
      self.state = state
      self.tutor = tutor
    }
  }

  private static let registry = Mutex<[ObjectIdentifier: Entry]>([:])

  /// The tutor of a session, to configure its language, recorder and content.
  package static func tutor(of session: ShellSession) -> TutorSession? {
    registry.withLock { entries in
      entries = entries.filter { $0.value.state != nil }
      return entries[ObjectIdentifier(session.state)]?.tutor
    }
  }

  static func register(into table: inout CommandTable, state: SessionState) {
    let tutor = TutorSession(
      language: Language.preferred(nil, environment: ProcessInfo.processInfo.environment))
    tutor.player = ShellScriptPlayer()
    registry.withLock { entries in
      entries = entries.filter { $0.value.state != nil }
      entries[ObjectIdentifier(state)] = Entry(state: state, tutor: tutor)
    }

    // The prompt shows where the learner stands: `[pods 2/6] default ❯`.
    // Only a position the tutor set is cleared by it.
    var shown: String?
    func showPosition() {
      let prefix = tutor.promptPrefix.trimmingCharacters(in: .whitespaces)
      let position = prefix.isEmpty ? nil : String(prefix.dropFirst().dropLast())
      guard position != shown else { return }
      if position != nil || state.position == shown { state.position = position }
      shown = position
    }

    // What the goal checks of a line's commands said, shown on standard
    // output once the whole line has run: after the commands' own output,
    // never inside a pipe or a `$(…)`, and before the next prompt.
    var pending = ""
    func takePending() -> String {
      defer { pending = "" }
      return pending
    }
    state.lineFinished = {
      guard !pending.isEmpty else { return }
      state.write(.stdout, (state.outputEndsLine ? "" : "\n") + takePending())
    }

    // Every other command: run it, then check the goals.
    func observed(_ handler: @escaping CommandTable.Handler) -> CommandTable.Handler {
      { argv, stdin, context in
        let result = handler(argv, stdin, &context)
        let run = CommandRun(argv: argv, exitCode: result.exitCode, namespace: state.namespace)
        tutor.onCommand?(run, state.cluster)
        tutor.usesColour = state.usesColour
        // Without a lesson or scenario open there are no goals to check,
        // and no cluster to build for them.
        if tutor.activity != nil { pending += tutor.commandFinished(run, cluster: state.cluster) }
        showPosition()
        return result
      }
    }
    for (name, handler) in table.handlers { table.register(name, observed(handler)) }
    table.fallback = observed(table.fallback)

    // `lang` is the shell's own command (it keeps the choice); the lessons
    // follow it.
    let sessionLanguage = table.handlers["lang"]
    for name in TutorSession.commandNames {
      table.register(name) { argv, stdin, context in
        if name == "lang", let sessionLanguage {
          let result = sessionLanguage(argv, stdin, &context)
          if let chosen = Language(rawValue: state.language) { tutor.language = chosen }
          return result
        }
        tutor.usesColour = state.usesColour
        let output = tutor.handle(argv, cluster: &state.cluster)
        showPosition()
        tutor.onCommand?(
          CommandRun(argv: argv, exitCode: output.exitCode, namespace: state.namespace),
          state.cluster)
        return CommandResult(
          stdout: takePending() + output.stdout, stderr: output.stderr, exitCode: output.exitCode)
      }
    }
    QuizBuiltins.register(into: &table, state: state, tutor: tutor)
  }
}

/// Plays scenario and lesson solutions through a script-mode shell, in an
/// empty folder of its own: a solution reads no file of the machine.
package struct ShellScriptPlayer: ScriptPlayer {
  package init() {}

  package func play(
    _ script: String, on cluster: Cluster, afterCommand: (Cluster, [CommandRun]) -> Void
  ) -> (cluster: Cluster, commands: [CommandRun], output: String) {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("kubetutor-play-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var output = ""
    let session = ShellSession(cluster: cluster, mode: .script, workingDirectory: directory) {
      _, text in output += text
    }
    var commands: [CommandRun] = []
    withoutActuallyEscaping(afterCommand) { callback in
      TutorBuiltins.tutor(of: session)?.onCommand = { run, cluster in
        commands.append(run)
        callback(cluster, commands)
      }
      var lines = script.components(separatedBy: "\n")
      if lines.last == "" { lines.removeLast() }
      for line in lines {
        session.feed(line)
        if session.exitStatus != nil { break }
      }
      session.finish()
      TutorBuiltins.tutor(of: session)?.onCommand = nil
    }
    return (session.state.cluster, commands, output)
  }
}
