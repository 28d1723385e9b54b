import Testing
import Tutor

/// The tutor's shell commands outside a full lesson.
@Suite("Tutor commands")
struct TutorCommandTests {
  @Test("reset rebuilds the lesson's set-up")
  func reset() {
    let shell = TutorHarness()
    shell.type("start describe-delete")
    shell.type("kubectl delete pod broken")
    #expect(shell.type("kubectl get pod broken").contains("NotFound"))

    #expect(shell.type("reset") == "The cluster is back as this lesson set it up.\n")

    #expect(shell.type("kubectl get pod broken").contains("broken"))
  }

  @Test("reset restores the set-up kept when the lesson started: same UIDs, clock moving on")
  func resetFromSnapshot() {
    let shell = TutorHarness()
    shell.type("start describe-delete")
    let uid = shell.type("kubectl get pod broken -o jsonpath={.metadata.uid}")
    shell.type("kubectl delete pod broken")
    shell.type("sleep 100")
    shell.type("reset")
    #expect(shell.type("kubectl get pod broken -o jsonpath={.metadata.uid}") == uid)
    #expect(shell.type("kubectl get pod broken").contains("ImagePullBackOff   0          2m10s"))
    shell.type("reset")
    #expect(shell.type("kubectl get pod broken -o jsonpath={.metadata.uid}") == uid)
  }

  @Test("a timed scenario says once that the time is over")
  func timeLimit() throws {
    let shell = TutorHarness()
    let url = ContentPaths.scenario("namespace-per-team")
    var text = try String(contentsOf: url, encoding: .utf8)
    text = text.replacingOccurrences(of: "minutes: 10\n", with: "minutes: 10\ntimeLimit: 120\n")
    let scenario = try Scenario.load(file: "timed.yaml", text: text)
    var cluster = shell.session.state.cluster

    let opened = try #require(shell.tutor).open(scenario, cluster: &cluster)
    shell.session.state.cluster = cluster

    #expect(opened.stdout.contains("Time limit: 2 min"))
    #expect(!shell.type("sleep 60").contains("⏱"))
    #expect(shell.type("sleep 90").contains("⏱ The time limit (2 min) is over."))
    #expect(!shell.type("sleep 1").contains("⏱"))
  }

  @Test("without an open lesson, step commands explain what to do")
  func noLesson() {
    let shell = TutorHarness()

    #expect(shell.type("hint").contains("no lesson is open — type `lessons`"))
    #expect(shell.type("start nothing-here").contains("no lesson or scenario 'nothing-here'"))
    #expect(shell.type("scenarios").contains("image-pull-typo"))
    #expect(shell.type("lang ko") == "언어: 한국어\n")
    #expect(shell.type("hint").contains("열린 레슨이 없습니다"))
  }
}
