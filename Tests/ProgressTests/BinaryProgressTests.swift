import Foundation
import KubetutorTestSupport
import Progress
import Shell
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The real `kubetutor` binary on a real database file: killed mid-lesson,
/// two at once, quit and started again, and its progress commands.
@Suite("kubetutor and its progress database", .serialized)
struct BinaryProgressTests {
  /// The built binary, when `swift build` has made it.
  static let binary: URL? = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let candidate = root.appendingPathComponent(".build/debug/kubetutor")
    return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
  }()

  let folder: TemporaryFolder
  let db: String

  init() throws {
    folder = try TemporaryFolder()
    db = folder.file("progress.db")
  }

  /// Starts the binary with `arguments`, its output and errors on one pipe.
  static func launch(_ arguments: [String], in folder: TemporaryFolder) throws
    -> (Process, input: Pipe, output: Pipe)
  {
    let process = Process()
    process.executableURL = try #require(binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = output
    try process.run()
    return (process, input, output)
  }

  /// Runs the binary to its end with `stdin`; returns what it printed and its status.
  func run(_ arguments: [String], stdin: String) throws -> (output: String, status: Int32) {
    try ProcessLock.run {
      let (process, input, output) = try Self.launch(arguments, in: folder)
      input.fileHandleForWriting.write(Data(stdin.utf8))
      try input.fileHandleForWriting.close()
      let data = output.fileHandleForReading.readDataToEndOfFile()
      process.waitForExit()
      return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }
  }

  @Test(
    "kill -9 after a goal is shown: the goal is in the database and the next start opens cleanly",
    .enabled(if: binary != nil, "needs the kubetutor binary (swift build)"))
  func killedAfterAGoal() throws {
    let shown = try ProcessLock.run { () throws -> String in
      let (process, input, output) = try Self.launch(["--db", db], in: folder)
      // Whatever happens, the process dies within two minutes.
      let pid = process.processIdentifier
      DispatchQueue.global().asyncAfter(deadline: .now() + 120) { kill(pid, SIGKILL) }
      input.fileHandleForWriting.write(
        Data("start pods\nnext\nkubectl run whoami --image=subicura/whoami:1\nsleep 30\n".utf8))
      var seen = ""
      while !seen.contains("✓ pod whoami is Running and Ready") {
        let chunk = output.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        seen += String(decoding: chunk, as: UTF8.self)
      }
      // The shell is still waiting for input: this is mid-session.
      kill(pid, SIGKILL)
      process.waitUntilExit()
      #expect(process.terminationReason == .uncaughtSignal)
      return seen
    }
    try #require(shown.contains("✓ pod whoami is Running and Ready"))

    let store = try ProgressStore(.path(db))
    #expect(
      try store.events(kind: .goal).map(\.subject) == ["pods#2"])
    #expect(try store.events(kind: .step).map(\.detail) == ["done"])
    #expect(try store.position(item: "pods") == 2)
    #expect(try store.database.query("PRAGMA integrity_check") == [["ok"]])

    let (again, status) = try run(["--db", db], stdin: "kubectl get pod whoami\n")
    #expect(status == 0)
    #expect(again.hasPrefix("Resuming pods at step 3 of 6.\n"))
    // The cluster is the one saved after the last command that finished
    // before the kill: the pod is there.
    #expect(again.contains("\nwhoami   "))
  }

  @Test(
    "quit and start again: the same cluster objects, ages moving on, and the same lesson step",
    .enabled(if: binary != nil, "needs the kubetutor binary (swift build)"))
  func quitAndRestart() throws {
    let (first, firstStatus) = try run(
      ["--db", db], stdin: "start pods\nnext\nkubectl run web --image=nginx\nsleep 20\nexit\n")
    #expect(firstStatus == 0)
    #expect(first.contains("pod/web created"))

    let (second, status) = try run(["--db", db], stdin: "sleep 40\nkubectl get pods\nprogress\n")

    #expect(status == 0)
    #expect(second.hasPrefix("Resuming pods at step 2 of 6.\n\n-- Step 2 of 6 --\n"))
    #expect(second.contains("NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          60s\n"))
    #expect(second.contains("  ▸ pods    "))
    #expect(second.contains("quiz 0/3  hints 0   "))
    #expect(second.contains("step 2 of 6\n"))
    #expect(second.hasSuffix("Next: `start pods` — Pods: the smallest unit (step 2 of 6)\n"))
  }

  @Test(
    "two shells on one database at once: neither loses a command or an event",
    .enabled(if: binary != nil, "needs the kubetutor binary (swift build)"))
  func twoWritersAtOnce() throws {
    let script = { (name: String) in
      "start pods\nnext\nhint\nhint\n"
        + (1...40).map { "echo \(name)-\($0)\n" }.joined()
    }
    let outputs = try ProcessLock.run { () throws -> [(String, Int32)] in
      let shells = try ["one", "two"].map { name in
        let shell = try Self.launch(["--db", db], in: folder)
        return (shell, name)
      }
      for (shell, name) in shells {
        shell.input.fileHandleForWriting.write(Data(script(name).utf8))
        try shell.input.fileHandleForWriting.close()
      }
      return shells.map { shell, _ in
        let data = shell.output.fileHandleForReading.readDataToEndOfFile()
        shell.0.waitForExit()
        return (String(decoding: data, as: UTF8.self), shell.0.terminationStatus)
      }
    }
    // Which shell starts the lesson first varies, so the other may resume
    // it and fail its `next` (status 1); what matters is that no write failed.
    for (output, _) in outputs {
      #expect(!output.contains("kubetutor: "), "a write failed: \(output)")
      #expect(output.contains("-40\n"))
    }

    let store = try ProgressStore(.path(db))
    let lines = try store.recentCommands(limit: 1_000).map(\.line)
    #expect(lines.count == 2 * 44)
    for name in ["one", "two"] {
      #expect(lines.filter { $0.hasPrefix("echo \(name)-") }.count == 40)
    }
    #expect(try store.events(kind: .hint).count == 4)
    #expect(try store.database.integer("SELECT count(*) FROM sessions") == 2)
    #expect(try store.database.integer("SELECT count(*) FROM sessions WHERE ended_at IS NULL") == 0)
  }

  @Test(
    "reset in script mode refuses without --yes, and --yes resets",
    .enabled(if: binary != nil, "needs the kubetutor binary (swift build)"))
  func resetInScriptMode() throws {
    _ = try run(["--db", db], stdin: "start pods\nnext\nhint\n")

    let (refused, refusedStatus) = try run(["--db", db], stdin: "reset lesson pods\n")
    let store = try ProgressStore(.path(db))
    #expect(refusedStatus == 1)
    #expect(
      refused.contains(
        "reset: refusing to reset without confirmation (script mode, no terminal to ask); "
          + "add --yes to reset\n"))
    #expect(try store.events(kind: .hint).count == 1)

    let (done, status) = try run(["--db", db], stdin: "reset lesson pods --yes\n")
    #expect(status == 0)
    #expect(done.contains("The progress of lesson pods was reset.\n"))
    #expect(done.contains("-- Step 1 of 6 --"))
    #expect(try store.events(kind: .hint).isEmpty)

    let (cli, cliStatus) = try run(["reset", "all", "--db", db], stdin: "")
    #expect(cliStatus == 1)
    #expect(
      cli == "kubetutor: refusing to reset without confirmation (script mode, no terminal to "
        + "ask); add --yes to reset\n")
    let (yes, yesStatus) = try run(["reset", "cluster", "--yes", "--db", db], stdin: "")
    #expect(yesStatus == 0)
    #expect(yes == "The cluster was reset: a new one was made.\n")
    #expect(try store.loadSnapshot(name: "current") == nil)
  }

  @Test(
    "kubetutor progress, --export and report read real files; report changes none of them",
    .enabled(if: binary != nil, "needs the kubetutor binary (swift build)"))
  func progressCommands() throws {
    let other = folder.file("bo.db")
    _ = try run(["--db", db, "--profile", "ana"], stdin: "start pods\nnext\nhint\n")
    _ = try run(["--db", other, "--profile", "bo"], stdin: "echo hi\n")

    let (page, status) = try run(["progress", "--db", db, "--profile", "ana"], stdin: "")
    #expect(status == 0)
    #expect(page.hasPrefix("Progress of ana\n\n1. Concepts  [░░░░░░░░░░░░░░░░░░░░] 0/2 lessons\n"))
    #expect(page.contains("  ▸ pods    "))
    #expect(page.contains("quiz 0/3  hints 1   "))
    let (korean, _) = try run(["progress", "--db", db, "--profile", "ana", "--lang", "ko"], stdin: "")
    #expect(korean.hasPrefix("ana의 진행 상황\n\n1. 개념  [░░░░░░░░░░░░░░░░░░░░] 레슨 0/2\n"))

    let (csv, _) = try run(["progress", "--export", "csv", "--db", db, "--profile", "ana"], stdin: "")
    #expect(csv.hasPrefix("database,profile,kind,id,"))
    #expect(csv.contains("\(db),ana,lesson,pods,objects,in-progress,2,6,0,0,1,0,3,0,"))
    let (json, _) = try run(["progress", "--export", "json", "--db", db, "--profile", "ana"], stdin: "")
    #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)

    let before = try [contents(of: db), contents(of: other)]
    let (table, reportStatus) = try run(["report", db, other], stdin: "")
    #expect(reportStatus == 0)
    let rows = table.components(separatedBy: "\n")
    #expect(rows.first == "ITEM               ana            bo             DONE")
    #expect(rows.contains { $0.hasPrefix("pods               2/6 ") && $0.hasSuffix("0/2") })
    #expect(try [contents(of: db), contents(of: other)] == before)

    let (bad, badStatus) = try run(["report", db, folder.file("missing.db")], stdin: "")
    #expect(badStatus == 1)
    #expect(bad.contains("kubetutor: cannot read \(folder.file("missing.db")): no such file"))
    let (wrong, wrongStatus) = try run(["report", "--format", "xml", db], stdin: "")
    #expect(wrongStatus == 64)
    #expect(wrong.contains("--format must be table, csv or json, not 'xml'"))
  }
}

extension BinaryProgressTests {
  @Test(
    "kubetutor start records like the shell, and the next start resumes where it stopped",
    .enabled(if: binary != nil, "needs the kubetutor binary (swift build)"))
  func startRecords() throws {
    let (first, status) = try run(["start", "pods", "--db", db], stdin: "next\nhint\n")
    #expect(status == 0)
    #expect(first.contains("Hint 1/2: "))

    let store = try ProgressStore(.path(db))
    let recorded = try store.recentCommands(limit: 5).map(\.line)
    #expect(recorded == ["start pods", "next", "hint"], "\(recorded)")
    #expect(try store.currentItem() == "pods")
    #expect(try store.loadSnapshot(name: ProgressBuiltins.clusterSnapshot) != nil)

    let (second, _) = try run(["--db", db], stdin: "progress\n")
    #expect(second.hasPrefix("Resuming pods at step 2 of 6.\n"))
    #expect(second.contains("quiz 0/3  hints 1   "))
  }
}
