import Foundation
import KubeCluster
import Tutor

/// The quiz drill in the shell: `quiz` starts it (or prints stats), and
/// `answer` answers its question while it runs; otherwise `answer` is the
/// lesson's. The drill's clock is the cluster's: virtual in script mode,
/// the wall clock at a terminal.
enum QuizBuiltins {
  static func register(into table: inout CommandTable, state: SessionState, tutor: TutorSession) {
    func now() -> Date {
      state.followWallClock()
      return state.cluster.now
    }

    // The prompt shows `[quiz 2/5]` while a drill runs outside a lesson;
    // only a position the drill set is cleared by it.
    var shown: String?
    func showPosition() {
      let position = tutor.activity == nil ? tutor.quizDrill.position : nil
      if position != nil || (shown != nil && state.position == shown) { state.position = position }
      shown = position
    }

    func result(_ output: TutorOutput) -> CommandResult {
      showPosition()
      return CommandResult(stdout: output.stdout, stderr: output.stderr, exitCode: output.exitCode)
    }

    table.register("quiz") { argv, _, _ in
      result(tutor.quiz(Array(argv.dropFirst()), cluster: state.cluster, at: now()))
    }
    let lessonAnswer = table.handlers["answer"]
    table.register("answer") { argv, stdin, context in
      guard tutor.quizDrill.isActive else {
        return lessonAnswer?(argv, stdin, &context) ?? .commandNotFound("answer")
      }
      let text = argv.dropFirst().joined(separator: " ")
      return result(tutor.answerDrill(text, cluster: state.cluster, at: now()))
    }
  }
}
