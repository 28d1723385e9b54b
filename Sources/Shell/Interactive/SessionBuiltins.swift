import Foundation
import KubeCluster
import Kubectl

/// The shell's own commands around kubectl: `help`, `clear`, `quit`,
/// `lang`, `map`, `watch`, and the editors. Lesson commands are added by
/// the lesson runner through `ShellSession.register(_:_:)`.
enum SessionBuiltins {
  /// One line of `help` per command.
  static let summaries: [(String, String)] = [
    ("kubectl, k", "run kubectl against the simulated cluster (TAB completes)"),
    ("map [-n NS | --all]", "draw the cluster: nodes, their pods, and routes to them"),
    ("watch [-n SECS] CMD", "run a kubectl command again and again until Ctrl-C"),
    ("trace [KIND/NAME]", "which components acted after your last change, and why"),
    ("undo, snapshot", "take back your last change; save and restore the cluster"),
    ("edit FILE, vi, vim, nano", "open your editor on a file in this folder"),
    ("lang en|ko", "switch the language of messages and lessons"),
    ("clear", "clear the screen"),
    ("help", "this list"),
    ("exit, quit", "leave (Ctrl-D does too); your progress is kept"),
  ]

  static func register(into table: inout CommandTable, state: SessionState) {
    table.register("help") { _, _, _ in
      let width = summaries.map { DisplayWidth.of($0.0) }.max() ?? 0
      var text = "kubetutor shell commands:\n"
      for (name, summary) in summaries {
        text += "  " + name + String(repeating: " ", count: width - DisplayWidth.of(name) + 3) + summary + "\n"
      }
      text += "Text tools for pipes and files: echo, cat, grep, head, tail, wc, sort, awk, …\n"
      text += "  such as: kubectl get pods | grep web\n"
      text += "Keys: ↑/↓ history, Ctrl-R search, TAB complete, Ctrl-C cancel, Ctrl-D leave.\n"
      return CommandResult(stdout: text)
    }
    table.register("clear") { _, _, _ in
      guard state.mode == .interactive else { return CommandResult() }
      return CommandResult(stdout: "\u{1B}[H\u{1B}[2J\u{1B}[3J")
    }
    table.register("quit") { _, _, _ in
      state.quitRequested = true
      return CommandResult()
    }
    table.register("lang") { argv, _, _ in
      guard argv.count == 2, ["en", "ko"].contains(argv[1]) else {
        if argv.count == 1 { return CommandResult(stdout: state.language + "\n") }
        return .failure("lang: use 'lang en' or 'lang ko'", exitCode: 2)
      }
      state.language = argv[1]
      state.languageChanged(argv[1])
      return CommandResult(stdout: argv[1] == "ko" ? "언어: 한국어\n" : "Language: English\n")
    }
    table.register("map") { argv, _, _ in
      ClusterMap.command(Array(argv.dropFirst()), state: state)
    }
    table.register("watch") { argv, _, context in
      watch(Array(argv.dropFirst()), state: state, context: context)
    }
    if state.mode == .interactive, let virtualSleep = table.handlers["sleep"] {
      // At a terminal the clock follows the wall clock: sleep really waits,
      // the cluster moving with it, and Ctrl-C cuts it short.
      table.register("sleep") { argv, stdin, context in
        let seconds = argv.dropFirst().compactMap(Builtins.duration)
        guard argv.count >= 2, seconds.count == argv.count - 1 else {
          return virtualSleep(argv, stdin, &context)
        }
        let end = Date().addingTimeInterval(seconds.reduce(0, +))
        while Date() < end {
          if state.isInterrupted() { return CommandResult(exitCode: 130) }
          usleep(useconds_t(max(0, min(Double(Follow.interval), end.timeIntervalSinceNow * 1_000_000))))
          Follow.advance(state)
        }
        return CommandResult()
      }
    }
    for editor in ["edit", "vi", "vim", "nano"] {
      table.register(editor) { argv, _, context in
        Editor.open(argv, state: state, context: context)
      }
    }
  }

  /// `watch [-n SECONDS] kubectl …`: the screen cleared and the command's
  /// output drawn again every interval, until Ctrl-C.
  static func watch(_ arguments: [String], state: SessionState, context: ShellContext)
    -> CommandResult
  {
    var words = arguments
    var interval = 2.0
    while let first = words.first, first.hasPrefix("-") {
      words.removeFirst()
      if first == "-n" || first == "--interval", let value = words.first, let seconds = Double(value) {
        interval = max(0.1, seconds)
        words.removeFirst()
      } else if first.hasPrefix("-n"), let seconds = Double(first.dropFirst(2)) {
        interval = max(0.1, seconds)
      }
    }
    if words.count == 1 { words = words[0].split(separator: " ").map(String.init) }
    guard let command = words.first, ["kubectl", "k"].contains(command) else {
      return .failure("watch: only kubectl commands can be watched here: watch kubectl get pods")
    }
    guard state.mode == .interactive else {
      return .failure("watch: runs until Ctrl-C, so only in the interactive shell")
    }
    let title = "Every \(String(format: "%.1f", interval))s: \(words.joined(separator: " "))"
    var next = Date()
    while !state.isInterrupted() {
      if Date() >= next {
        Follow.advance(state)
        var scratch = context
        let output = Builtins.kubectl(Array(words.dropFirst()), state: state, context: &scratch)
        state.write(.stdout, "\u{1B}[H\u{1B}[2J\(title)\n\n" + output.stdout + output.stderr)
        next = Date().addingTimeInterval(interval)
      }
      usleep(Follow.interval)
    }
    return CommandResult(exitCode: 130)
  }
}

/// The learner's editor on a file inside the working folder: the only
/// host program the shell ever starts, and only at a terminal.
enum Editor {
  static func open(_ argv: [String], state: SessionState, context: ShellContext) -> CommandResult {
    let name = argv.first ?? "edit"
    guard state.mode == .interactive else {
      return .failure(
        "kubetutor: \(name): editors open only in the interactive shell; a script cannot type into one",
        exitCode: 126)
    }
    let files = argv.dropFirst().filter { !$0.hasPrefix("-") }
    guard files.count == 1, let path = files.first else {
      return .failure("usage: \(name) FILE   (a file in this folder)", exitCode: 2)
    }
    let url: URL
    do {
      url = try Builtins.resolve(path, in: context.workingDirectory, root: context.rootDirectory)
    } catch {
      return .failure("kubetutor: \(name): \(path): only files inside \(context.rootDirectory.path) can be edited")
    }
    guard let program = program(preferring: name == "edit" ? nil : name) else {
      return .failure("kubetutor: \(name): no editor found; set EDITOR (for example EDITOR=nano)", exitCode: 127)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = program + [url.path]
    process.currentDirectoryURL = context.workingDirectory
    do {
      try process.run()
      process.waitUntilExit()
    } catch {
      return .failure("kubetutor: \(name): \(error.localizedDescription)", exitCode: 126)
    }
    _ = state.isInterrupted()
    return CommandResult(exitCode: process.terminationStatus)
  }

  /// `$VISUAL` or `$EDITOR` (split into words), else the named editor or
  /// the first of vim, vi, nano on the PATH.
  static func program(
    preferring preferred: String?,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> [String]? {
    for variable in ["VISUAL", "EDITOR"] {
      if let value = environment[variable]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
        return value.split(separator: " ").map(String.init)
      }
    }
    let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
    for candidate in [preferred].compactMap({ $0 }) + ["vim", "vi", "nano"] {
      for folder in path where FileManager.default.isExecutableFile(atPath: folder + "/" + candidate) {
        return [folder + "/" + candidate]
      }
    }
    return nil
  }
}
