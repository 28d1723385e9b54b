import ArgumentParser
import Foundation
import KubeCluster
import Progress
import Shell
import Tutor

#if canImport(Glibc)
  import Glibc
#endif

/// `kubetutor quiz`: the spaced-repetition drill over the lessons the
/// learner has started, in a shell (kubectl is there to look answers up)
/// that ends with the drill. Live-cluster questions are asked against the
/// cluster saved in the database; what the drill's commands change in it
/// is not saved.
struct QuizCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quiz",
    abstract: "Review the quiz questions of the lessons you started, with spaced repetition.")

  @Option(
    name: .long,
    help: "Only one track (concepts, components, objects, commands, capstone) or one lesson id.")
  var topic: String?

  @Option(name: [.customShort("n"), .customLong("count")], help: "How many questions (default 5).")
  var count: Int?

  @Flag(name: .long, help: "Print mastery per topic instead of asking.")
  var stats = false

  @OptionGroup var options: TutorOptions

  @Option(name: .long, help: "Seed for generated names.")
  var seed: UInt64 = 1

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Read the answers from FILE (or -), one `answer ...` line each, with no prompt.",
      valueName: "FILE"))
  var script: String?

  func run() throws {
    let script = script ?? rawOption("script")
    let seed = rawOption("seed").flatMap(UInt64.init) ?? seed
    let interactive = script == nil && isatty(STDIN_FILENO) != 0
    let store = options.openStore(required: interactive)
    if store == nil && (interactive || (options.db ?? rawOption("db")) != nil) { throw ExitCode(2) }
    var cluster = Cluster.kind(start: interactive ? Date() : Cluster.scriptEpoch, seed: seed)
    if let saved = try? store?.loadSnapshot(name: Kubetutor.clusterSnapshot),
      let restored = try? Cluster.restore(from: saved)
    {
      cluster = restored
    }
    let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let session = ShellSession(
      cluster: cluster, mode: interactive ? .interactive : .script, workingDirectory: directory
    ) { stream, text in
      let handle = stream == .stdout ? FileHandle.standardOutput : FileHandle.standardError
      handle.write(Data(text.utf8))
    }
    guard let tutor = TutorBuiltins.tutor(of: session) else { throw ExitCode(2) }
    options.configure(tutor)
    tutor.recorder = store.map { $0 as ProgressRecorder } ?? MemoryProgressRecorder()

    var words = ["quiz"] + (stats ? ["--stats"] : [])
    if let topic { words += ["--topic", topic] }
    if let count { words += ["-n", String(count)] }
    session.feed(words.map(Self.quoted).joined(separator: " "))
    guard session.lastStatus == 0 else { throw ExitCode(session.lastStatus) }

    let lines = try inputLines(script: script)
    while tutor.quizDrill.isActive {
      if interactive { FileHandle.standardOutput.write(Data(session.prompt.utf8)) }
      guard let line = lines.next() else { break }
      session.feed(line)
      if session.exitStatus != nil { break }
    }
    session.finish()
    if let status = session.exitStatus { throw ExitCode(status) }
    if !interactive && session.state.failures > 0 { throw ExitCode(1) }
  }

  /// A word the shell reads back as itself.
  static func quoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
