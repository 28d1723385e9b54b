import ArgumentParser
import Foundation
import KubeCluster
import Progress
import Shell
import Tutor

#if canImport(Glibc)
  import Glibc
#endif

/// The value of `--NAME VALUE` or `--NAME=VALUE` on the command line.
///
/// The root command declares `--lang`, `--db`, `--profile`, `--seed` and
/// `--script` too, and ArgumentParser gives a shared option's value to the
/// root; the subcommands read them back from the raw arguments.
func rawOption(_ name: String) -> String? {
  let arguments = CommandLine.arguments
  for (index, argument) in arguments.enumerated() {
    if argument == "--\(name)", index + 1 < arguments.count { return arguments[index + 1] }
    if argument.hasPrefix("--\(name)=") { return String(argument.dropFirst(name.count + 3)) }
  }
  return nil
}

/// Options the tutor subcommands share.
struct TutorOptions: ParsableArguments {
  @Option(name: .long, help: "Language of lessons and messages: en or ko.")
  var lang: String?

  @Option(name: .long, help: ArgumentHelp("The progress database to use.", valueName: "PATH"))
  var db: String?

  @Option(name: .long, help: "Learner profile, when several learners share a machine.")
  var profile: String = "default"

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Read lessons and scenarios from DIR instead of the shipped ones.", valueName: "DIR"))
  var content: String?

  var language: Language {
    Language.preferred(lang ?? rawOption("lang"), environment: ProcessInfo.processInfo.environment)
  }

  func validate() throws {
    if let lang, Language(rawValue: lang) == nil {
      throw ValidationError("--lang must be en or ko, not '\(lang)'")
    }
  }

  func configure(_ tutor: TutorSession) {
    tutor.language = language
    let directory = content ?? ProcessInfo.processInfo.environment["KUBETUTOR_CONTENT"]
    if let directory {
      let root = URL(fileURLWithPath: directory)
      tutor.lessonsDirectory = root.appendingPathComponent("lessons")
      tutor.scenariosDirectory = root.appendingPathComponent("scenarios")
    }
  }

  func openStore(required: Bool) -> ProgressStore? {
    do {
      let profile = rawOption("profile") ?? profile
      if let db = db ?? rawOption("db") { return try ProgressStore(.path(db), profile: profile) }
      guard required else { return nil }
      return try ProgressStore(.path(ProgressStore.defaultDatabasePath()), profile: profile)
    } catch {
      FileHandle.standardError.write(Data("kubetutor: \(error)\n".utf8))
      return nil
    }
  }
}

/// `kubetutor lessons`: tracks and lessons with the learner's progress.
struct LessonsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lessons", abstract: "List lessons with progress.")

  @OptionGroup var options: TutorOptions

  func run() throws {
    let tutor = TutorSession(language: options.language)
    options.configure(tutor)
    tutor.recorder = options.openStore(required: true)
    var cluster = Cluster(emptyAt: Cluster.scriptEpoch, seed: 1)
    let output = tutor.handle(["lessons"], cluster: &cluster)
    print(output.stdout, terminator: "")
  }
}

/// `kubetutor start LESSON|SCENARIO|FILE`: the shell, opened at that item.
struct StartCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "start",
    abstract: "Open the shell at a lesson or scenario (an id or a .yaml file).")

  @Argument(help: "A lesson id, a shipped scenario id, or a scenario file.")
  var item: String

  @OptionGroup var options: TutorOptions

  @Option(name: .long, help: "Seed for generated names.")
  var seed: UInt64 = 1

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Run the lines of FILE (or -) after opening, with no prompt.", valueName: "FILE"))
  var script: String?

  func run() throws {
    let script = script ?? rawOption("script")
    let seed = rawOption("seed").flatMap(UInt64.init) ?? seed
    let interactive = script == nil && isatty(STDIN_FILENO) != 0
    let mode: Shell.SessionMode = interactive ? .interactive : .script
    let cluster = Cluster.kind(start: interactive ? Date() : Cluster.scriptEpoch, seed: seed)
    let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let session = ShellSession(cluster: cluster, mode: mode, workingDirectory: directory) {
      stream, text in
      let handle = stream == .stdout ? FileHandle.standardOutput : FileHandle.standardError
      handle.write(Data(text.utf8))
    }
    guard let tutor = TutorBuiltins.tutor(of: session) else { throw ExitCode(2) }
    options.configure(tutor)
    tutor.recorder = options.openStore(required: interactive) ?? MemoryProgressRecorder()
    let store = tutor.recorder as? ProgressStore
    let sessionID = try? store?.startSession(mode: interactive ? .interactive : .script)
    defer { if let sessionID { try? store?.endSession(sessionID) } }
    if let store { _ = ProgressBuiltins.attach(store, startingIn: session, seed: seed) }
    session.state.cluster = cluster
    var state = session.state.cluster
    let opened = tutor.handle(["start", item], cluster: &state)
    session.state.cluster = state
    FileHandle.standardOutput.write(Data(opened.stdout.utf8))
    FileHandle.standardError.write(Data(opened.stderr.utf8))
    guard opened.exitCode == 0 else { throw ExitCode(opened.exitCode) }

    let lines: AnyIterator<String>
    if let script, script != "-" {
      guard let text = try? String(contentsOfFile: script, encoding: .utf8) else {
        FileHandle.standardError.write(
          Data("kubetutor: \(script): No such file or directory\n".utf8))
        throw ExitCode(2)
      }
      var all = text.components(separatedBy: "\n")
      if all.last == "" { all.removeLast() }
      lines = AnyIterator(all.makeIterator())
    } else {
      lines = AnyIterator { Swift.readLine(strippingNewline: true) }
    }
    while true {
      if interactive {
        FileHandle.standardOutput.write(Data((tutor.promptPrefix + session.prompt).utf8))
      }
      guard let line = lines.next() else { break }
      session.feed(line)
      if session.exitStatus != nil { break }
    }
    session.finish()
    if let status = session.exitStatus { throw ExitCode(status) }
  }
}

/// `kubetutor scenario lint|test FILE…`: tools for scenario authors.
struct ScenarioCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scenario", abstract: "Check scenario files.",
    subcommands: [ScenarioLintCommand.self, ScenarioTestCommand.self])
}

struct ScenarioLintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Report schema and reference errors with file:line:column.")

  @Argument(help: "Scenario files.")
  var files: [String]

  func run() throws {
    var failed = false
    for file in files {
      do {
        _ = try Scenario.load(url: URL(fileURLWithPath: file))
        print("\(file): ok")
      } catch {
        failed = true
        FileHandle.standardError.write(Data((error.description + "\n").utf8))
      }
    }
    if failed { throw ExitCode(1) }
  }
}

struct ScenarioTestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: "Play each scenario's solution in a fresh cluster and prove its goals.")

  @Argument(help: "Scenario files.")
  var files: [String]

  @Option(name: .long, help: "Language of the task lines: en or ko.")
  var lang: String?

  func run() throws {
    var failed = false
    let language = Language.preferred(lang, environment: [:])
    for file in files {
      let scenario: Scenario
      do {
        scenario = try Scenario.load(url: URL(fileURLWithPath: file))
      } catch {
        failed = true
        FileHandle.standardError.write(Data((error.description + "\n").utf8))
        continue
      }
      let report = ScenarioTester.test(scenario, player: ShellScriptPlayer(), language: language)
      print("\(report.passed ? "PASS" : "FAIL") \(file)")
      for line in report.lines { print("  " + line) }
      if !report.passed { failed = true }
    }
    if failed { throw ExitCode(1) }
  }
}
