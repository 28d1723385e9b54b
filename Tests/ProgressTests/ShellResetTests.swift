import Foundation
import KubeCluster
import Progress
import Shell
import Testing

/// The shell's `reset` at a terminal asks first, and `progress` reads the database.
@Suite("The shell's reset and progress on a database")
struct ShellResetTests {
  let folder: TemporaryFolder
  let store: ProgressStore
  let session: ShellSession
  let output: Output
  let answers: Answers

  final class Output: @unchecked Sendable { var text = "" }
  final class Answers: @unchecked Sendable {
    var next = false
    var asked: [String] = []
  }

  init() throws {
    folder = try TemporaryFolder()
    store = try ProgressStore(.path(folder.file("progress.db")), profile: "ana")
    let output = Output()
    let answers = Answers()
    session = ShellSession(
      cluster: Cluster.kind(start: Cluster.scriptEpoch), mode: .interactive,
      workingDirectory: URL(fileURLWithPath: folder.path)
    ) { _, text in output.text += text }
    self.output = output
    self.answers = answers
    _ = ProgressBuiltins.attach(
      store, to: session, resume: true, freshCluster: { Cluster.kind(start: $0) },
      confirm: { question in
        answers.asked.append(question)
        return answers.next
      }, report: { output.text += $0 })
  }

  func run(_ line: String) -> String {
    output.text = ""
    session.feed(line)
    return output.text
  }

  @Test("reset asks; no keeps everything, yes forgets the lesson and starts it again")
  func resetAsks() throws {
    _ = run("start pods")
    _ = run("next")
    _ = run("hint")
    #expect(try store.events(kind: .hint).count == 1)

    answers.next = false
    #expect(run("reset lesson pods") == "Nothing was reset.\n")
    #expect(answers.asked == ["Forget the progress of lesson pods for ana? [y/N] "])
    #expect(try store.events(kind: .hint).count == 1)

    answers.next = true
    let reset = run("reset lesson pods")
    #expect(reset.hasPrefix("The progress of lesson pods was reset.\n\n== Pods: the smallest unit ==\n"))
    #expect(reset.contains("-- Step 1 of 6 --"))
    #expect(try store.events(kind: .hint).isEmpty)
    #expect(answers.asked.count == 2)

    #expect(run("reset all --yes") .hasPrefix("All progress was reset.\n"))
    #expect(answers.asked.count == 2)
  }

  @Test("progress shows the lesson in progress and its hint")
  func progressBuiltin() throws {
    _ = run("start pods")
    _ = run("next")
    _ = run("hint")

    let page = run("progress")

    #expect(page.hasPrefix("Progress of ana\n"))
    #expect(page.contains("  ▸ pods    "))
    #expect(page.contains("quiz 0/3  hints 1   "))
    #expect(page.hasSuffix("Next: `start pods` — Pods: the smallest unit (step 2 of 6)\n"))
    #expect(try store.recentCommands(limit: 10).map(\.line) == ["start pods", "next", "hint", "progress"])
    #expect(try store.currentItem() == "pods")
  }
}
