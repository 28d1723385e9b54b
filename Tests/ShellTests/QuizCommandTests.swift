import Foundation
import Progress
import Testing

/// `quiz` in the shell and `kubetutor quiz`, run as the real binary on one database.
@Suite("The quiz drill across runs")
struct QuizCommandTests {
  @Test(
    "answers of one run decide what the next runs ask, in the shell and in kubetutor quiz",
    .enabled(if: DeterminismTests.binary != nil, "needs the kubetutor binary (swift build)"))
  func acrossRuns() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("kubetutor-quiz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("progress.db").path

    let (empty, emptyStatus) = try DeterminismTests.runBinary(["quiz", "--db", db], stdin: "")
    #expect(emptyStatus == 1)
    #expect(empty.hasPrefix("quiz: no questions yet — the drill asks the quizzes"))

    let (first, firstStatus) = try DeterminismTests.runBinary(
      ["--db", db], stdin: "start control-plane\nquiz -n 2\nanswer 2\nanswer 3\n")
    #expect(firstStatus == 0)
    #expect(first.hasSuffix("Drill over: 1 of 2 right. `quiz --stats` shows your mastery per topic.\n"))

    // Only the third question is new; the two answered are not due yet.
    let (second, secondStatus) = try DeterminismTests.runBinary(
      ["quiz", "--db", db, "-n", "1"], stdin: "answer api server\nkubectl get pods\n")
    #expect(secondStatus == 0)
    #expect(
      second == """
        Quiz drill: 1 question — 0 due for review, 1 new.

        -- Question 1 of 1 · The control plane, hands-on in kube-system · new --
        Which component do all others talk to?
        (reply with `answer ...`)
        Correct! Up to box 2: it comes back in 3 days.

        Drill over: 1 of 1 right. `quiz --stats` shows your mastery per topic.

        """)

    // The shell's clock is the saved cluster's: a day later the miss is due.
    let (third, thirdStatus) = try DeterminismTests.runBinary(
      ["--db", db], stdin: "quiz\nanswer 2\nsleep 1d\nquiz\nanswer 1\n")
    #expect(thirdStatus == 0)
    // The lesson left open comes back first; the drill follows.
    #expect(third.hasPrefix("Resuming control-plane at step 1 of 10.\n"))
    #expect(third.contains("Quiz drill: 1 question — 0 due for review, 1 new.\n"))
    #expect(third.contains("· new --\nIn the trace, which component created the pods"))
    #expect(third.contains("Quiz drill: 1 question — 1 due for review, 0 new.\n"))
    #expect(third.contains("· box 1 --\nA new pod stays Pending"))

    let (stats, _) = try DeterminismTests.runBinary(
      ["quiz", "--db", db, "--stats", "--lang", "ko"], stdin: "")
    #expect(
      stats == """
        주제별 퀴즈 숙달도 (숙달: 3번 상자 이상):
          components   답한 4문제 중 0문제 숙달 (0%), 지금 복습할 문제 0개
        상자별 문제 수: 1번 0개   2번 4개   3번 0개   4번 0개   5번 0개

        """)

    // `progress` shows the drill's mastery under the lessons, in both places.
    let (page, pageStatus) = try DeterminismTests.runBinary(["progress", "--db", db], stdin: "")
    #expect(pageStatus == 0)
    #expect(page.contains("\nQuiz mastery per topic (mastered: in box 3 or higher):\n  components   0 of 4 answered mastered (0%)"))
    let (shell, _) = try DeterminismTests.runBinary(["--db", db], stdin: "progress\n")
    #expect(shell.contains("\nQuiz mastery per topic (mastered: in box 3 or higher):\n  components   0 of 4 answered mastered (0%)"))

    let attempts = try ProgressStore(.path(db)).quizAttempts()
    #expect(attempts.map(\.question) == ["control-plane/quiz-1", "control-plane/quiz-2", "control-plane/quiz-3", "control-plane/quiz-4", "control-plane/quiz-2"])
    #expect(attempts.map(\.correct) == [true, false, true, true, true])
    #expect(attempts.map(\.boxAfter) == [2, 1, 2, 2, 2])
  }
}
