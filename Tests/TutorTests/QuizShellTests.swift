import Testing
import Tutor

/// The drill inside the shell: `answer` goes to the drill while it runs,
/// and the prompt shows where it stands.
@Suite("Quiz drill in the shell")
struct QuizShellTests {
  @Test("during a drill `answer` answers the drill; after it, the lesson again")
  func answerRouting() {
    let shell = TutorHarness()
    shell.type("start pods")
    shell.type("next")
    shell.type("quiz -n 1")
    #expect(shell.type("answer 1") == """
      Correct! Up to box 2: it comes back in 3 days.

      Drill over: 1 of 1 right. `quiz --stats` shows your mastery per topic.

      """)
    // The lesson's step 2 is a task, where `answer` is recorded for goals.
    #expect(shell.type("answer 1") == "Recorded, but that is not it yet.\n")
    #expect(shell.session.state.position == "pods 2/6")
  }

  @Test("outside a lesson the prompt shows the drill's place, and loses it at the end")
  func promptPosition() {
    let shell = TutorHarness()
    shell.recorder.savePosition(item: "control-plane", step: 3)
    shell.type("quiz -n 2")
    #expect(shell.session.state.position == "quiz 1/2")
    shell.type("answer 2")
    #expect(shell.session.state.position == "quiz 2/2")
    shell.type("answer 1")
    #expect(shell.session.state.position == nil)
    #expect(shell.session.lastStatus == 0)
  }
}
