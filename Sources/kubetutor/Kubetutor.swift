import ArgumentParser
import Foundation
import KubeCluster
import Progress
import Shell
import Tutor

#if canImport(Glibc)
  import Glibc
#endif

/// `kubetutor`: an offline Kubernetes tutorial shell with a simulated cluster.
@main
struct Kubetutor: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kubetutor",
    abstract: "Learn Kubernetes by typing real kubectl commands against a simulated cluster.",
    version: "0.1.0",
    subcommands: [
      LessonsCommand.self, StartCommand.self, ScenarioCommand.self, QuizCommand.self,
      ProgressCommand.self, ReportCommand.self, ResetCommand.self, ServeCommand.self,
    ])

  @Option(name: .long, help: ArgumentHelp("Run the lines of FILE (or - for standard input) as if typed, with no prompt and a simulated clock.", valueName: "FILE"))
  var script: String?

  @Option(name: .long, help: "Seed for generated names and random choices: the same script and seed print the same output.")
  var seed: UInt64 = 1

  @Option(name: .long, help: ArgumentHelp("The progress database to use.", valueName: "PATH"))
  var db: String?

  @Option(name: .long, help: "Language of lessons and messages: en or ko.")
  var lang: String?

  @Flag(name: .long, help: "Print without colours (also when NO_COLOR is set).")
  var noColor = false

  @Option(name: .long, help: "Learner profile, when several learners share a machine.")
  var profile: String = "default"

  @Flag(name: .long, help: "Start a new cluster instead of the saved one; the rest of the progress is kept.")
  var fresh = false

  @Option(name: .long, help: "Number of worker nodes in the simulated cluster.")
  var nodes: Int = 2

  func validate() throws {
    if let lang, !["en", "ko"].contains(lang) {
      throw ValidationError("--lang must be en or ko, not '\(lang)'")
    }
    if nodes < 0 || nodes > 500 {
      throw ValidationError("--nodes must be between 0 and 500")
    }
  }

  /// A plain start of the shell (no subcommand, only the shell's options,
  /// all valid) skips ArgumentParser, whose reflection over every command
  /// and option was most of a script's start-up once the cluster is built
  /// lazily; anything else, `--help` and errors included, goes through it.
  static func main() {
    guard let options = ShellOptions.plain(Array(CommandLine.arguments.dropFirst())) else {
      main(nil)
      return
    }
    do {
      try options.runShell()
    } catch {
      exit(withError: error)
    }
  }

  func run() throws {
    try runShell()
  }

  /// The shell, at a terminal or on a script. `kubetutor start` passes the
  /// lesson, scenario or file to open first, as if `start ITEM` were typed,
  /// and how to set up the tutor (`--content`).
  func runShell(opening item: String? = nil, configure: (TutorSession) -> Void = { _ in }) throws {
    let options = ShellOptions(
      script: script, seed: seed, db: db, lang: lang, noColor: noColor, profile: profile,
      fresh: fresh, nodes: nodes)
    try options.runShell(opening: item, configure: configure)
  }

  /// A word the shell reads back as `word`.
  static func quoted(_ word: String) -> String {
    let plain = !word.isEmpty && word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._/-".contains($0)) }
    return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// The name the current cluster is saved under in the progress database.
  static let clusterSnapshot = ProgressBuiltins.clusterSnapshot
}

/// The root command's options, as plain values.
struct ShellOptions {
  var script: String?
  var seed: UInt64 = 1
  var db: String?
  var lang: String?
  var noColor = false
  var profile = "default"
  var fresh = false
  var nodes = 2

  /// The options of `kubetutor [--script FILE] [--seed N] [--db PATH]
  /// [--lang en|ko] [--profile NAME] [--nodes N] [--no-color] [--fresh]`,
  /// each given once, in `--name value` form and valid; `nil` for any
  /// other command line.
  static func plain(_ arguments: [String]) -> ShellOptions? {
    var options = ShellOptions()
    var seen: Set<String> = []
    var index = 0
    while index < arguments.count {
      let name = arguments[index]
      guard seen.insert(name).inserted else { return nil }
      if name == "--no-color" || name == "--fresh" {
        if name == "--no-color" { options.noColor = true } else { options.fresh = true }
        index += 1
        continue
      }
      guard index + 1 < arguments.count else { return nil }
      let value = arguments[index + 1]
      guard value == "-" ? name == "--script" : !value.hasPrefix("-") else { return nil }
      switch name {
      case "--script": options.script = value
      case "--seed":
        guard let seed = UInt64(value) else { return nil }
        options.seed = seed
      case "--db": options.db = value
      case "--lang":
        guard value == "en" || value == "ko" else { return nil }
        options.lang = value
      case "--profile": options.profile = value
      case "--nodes":
        guard let nodes = Int(value), (0...500).contains(nodes) else { return nil }
        options.nodes = nodes
      default: return nil
      }
      index += 2
    }
    return options
  }

  /// The shell, at a terminal or on a script; `item` is opened first, as if
  /// `start ITEM` were typed.
  func runShell(opening item: String? = nil, configure: (TutorSession) -> Void = { _ in }) throws {
    let interactiveInput = script == nil && isatty(STDIN_FILENO) != 0
    let mode: Shell.SessionMode = interactiveInput ? .interactive : .script
    let store = try openStore(interactive: mode == .interactive)
    let start = mode == .script ? Cluster.scriptEpoch : Date()
    // The cluster is made when a command first needs it, so the first
    // prompt (and a script that needs none) does not wait for it. A new
    // kind cluster is built only when there is no saved one to open.
    let (fresh, seed, nodes) = (fresh, seed, nodes)
    let makeCluster = { () -> Cluster in
      if !fresh, let saved = try? store?.loadSnapshot(name: Kubetutor.clusterSnapshot) {
        do {
          return try Cluster.restore(from: saved)
        } catch {
          FileHandle.standardError.write(Data("kubetutor: \(error); starting a new cluster (the saved one stays in the database until the next command replaces it)\n".utf8))
        }
      }
      return Cluster.kind(start: start, seed: seed, workers: nodes)
    }
    let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let session = ShellSession(building: makeCluster, mode: mode, workingDirectory: directory) { stream, text in
      let handle = stream == .stdout ? FileHandle.standardOutput : FileHandle.standardError
      handle.write(Data(text.utf8))
    }
    ServeWiring.install(on: session)

    session.state.history.snapshots.database = store
    if let tutor = TutorBuiltins.tutor(of: session) {
      tutor.language = Language.preferred(lang, environment: ProcessInfo.processInfo.environment)
      session.state.language = tutor.language.rawValue
      tutor.recorder = store ?? MemoryProgressRecorder()
      configure(tutor)
    }
    let sessionID = try? store?.startSession(mode: mode == .interactive ? .interactive : .script)
    if let store {
      let opening = ProgressBuiltins.attach(
        store, to: session, resume: !fresh && item == nil, replacesSavedCluster: fresh,
        freshCluster: { Cluster.kind(start: $0, seed: seed, workers: nodes) }, confirm: ask,
        report: { FileHandle.standardError.write(Data($0.utf8)) })
      FileHandle.standardOutput.write(Data(opening.utf8))
    }
    defer { if let sessionID { try? store?.endSession(sessionID) } }

    // `kubetutor start ITEM`: the same shell, opened as if `start ITEM` were typed.
    func open() throws {
      guard let item else { return }
      session.feed("start " + Kubetutor.quoted(item))
      if session.lastStatus != 0 { throw ExitCode(session.lastStatus) }
    }

    if mode == .interactive, let reader = EditLineReader(historyPath: historyPath()) {
      try runInteractive(session, reader: reader, open: open)
      if let status = session.exitStatus, status != 0 { throw ExitCode(status) }
      return
    }

    try open()
    let lines: AnyIterator<String>
    switch script {
    case "-"?, nil:
      lines = AnyIterator { Swift.readLine(strippingNewline: true) }
    case let path?:
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        FileHandle.standardError.write(Data("kubetutor: \(path): No such file or directory\n".utf8))
        throw ExitCode(2)
      }
      var all = text.components(separatedBy: "\n")
      if all.last == "" { all.removeLast() }
      lines = AnyIterator(all.makeIterator())
    }

    while true {
      if mode == .interactive {
        FileHandle.standardOutput.write(Data(session.prompt.utf8))
      }
      guard let line = lines.next() else { break }
      session.feed(line)
      if session.exitStatus != nil { break }
    }
    session.finish()
    if let status = session.exitStatus { throw ExitCode(status) }
    if mode == .script && session.state.failures > 0 { throw ExitCode(1) }
  }

  /// The learner at a terminal: libedit, completion, Ctrl-C, a prompt with
  /// the namespace and colour, the clock following the wall clock.
  private func runInteractive(
    _ session: ShellSession, reader: EditLineReader, open: () throws -> Void
  ) throws {
    let environment = ProcessInfo.processInfo.environment
    let state = session.state
    let colour = Terminal.wantsColour(noColorFlag: noColor, environment: environment)
    let languageFile = (ProgressStore.dataFolder() as NSString).appendingPathComponent("language")
    state.usesColour = colour
    state.language = lang ?? (try? String(contentsOfFile: languageFile, encoding: .utf8))
      .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
      .flatMap { ["en", "ko"].contains($0) ? $0 : nil } ?? state.language
    if let tutor = TutorBuiltins.tutor(of: session), let chosen = Language(rawValue: state.language) {
      tutor.language = chosen
    }
    state.languageChanged = { language in
      try? FileManager.default.createDirectory(
        atPath: (languageFile as NSString).deletingLastPathComponent,
        withIntermediateDirectories: true)
      try? (language + "\n").write(toFile: languageFile, atomically: true, encoding: .utf8)
    }
    state.isInterrupted = { Interrupt.isPending }
    state.terminalWidth = { Terminal.columns() }
    state.terminalHeight = { Terminal.rows() }
    reader.completer = { line, cursor in
      // `serve on` may be answering requests on this cluster meanwhile.
      state.access.lock()
      defer { state.access.unlock() }
      state.followWallClock()
      return Completion.complete(line: line, cursor: cursor, state: state)
    }
    reader.columns = { Terminal.columns() ?? 80 }
    Interrupt.install()
    try open()
    InteractiveLoop(session: session, reader: reader, colour: colour).run()
  }

  /// The history file: `history` in the data folder.
  private func historyPath() -> String {
    (ProgressStore.dataFolder() as NSString).appendingPathComponent("history")
  }

  /// The progress database: `--db`, or the default one in the interactive
  /// shell. Script mode without `--db` keeps nothing.
  private func openStore(interactive: Bool) throws -> ProgressStore? {
    do {
      if let db { return try ProgressStore(.path(db), profile: profile) }
      guard interactive else { return nil }
      return try ProgressStore(.path(ProgressStore.defaultDatabasePath()), profile: profile)
    } catch {
      FileHandle.standardError.write(Data("kubetutor: \(error)\n".utf8))
      throw ExitCode(2)
    }
  }
}
