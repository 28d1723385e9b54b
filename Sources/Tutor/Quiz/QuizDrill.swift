import Foundation
import KubeCluster

/// The drill under way: the questions chosen, which one is being asked,
/// and how many were right. ``TutorSession`` runs it (`quiz`, `answer`).
package final class QuizDrill {
  /// How questions move between boxes.
  package let schedule: LeitnerSchedule
  /// The cards kept when no progress database is open.
  package let memory = MemoryQuizSchedule()
  package private(set) var questions: [QuizQuestion] = []
  package private(set) var index = 0
  package private(set) var rightCount = 0
  /// The boxes of the questions answered before this drill chose them.
  private var boxes: [String: Int] = [:]

  package init(schedule: LeitnerSchedule = .standard) {
    self.schedule = schedule
  }

  /// Whether a question is waiting for its answer.
  package var isActive: Bool { index < questions.count }

  /// The question being asked.
  package var current: QuizQuestion? { isActive ? questions[index] : nil }

  /// The current question's box when the drill began; nil when it is new.
  package var currentBox: Int? { current.flatMap { boxes[$0.id] } }

  /// For the prompt: `quiz 2/5`.
  package var position: String? { isActive ? "quiz \(index + 1)/\(questions.count)" : nil }

  /// Starts a drill of `questions`; `boxes` holds the boxes of those
  /// answered before, by question ID.
  package func begin(_ questions: [QuizQuestion], boxes: [String: Int]) {
    self.questions = questions
    self.boxes = boxes
    index = 0
    rightCount = 0
  }

  /// What one answer did.
  package struct Outcome: Equatable, Sendable {
    package var right: Bool
    /// The question's card after the answer.
    package var card: QuizCard
    /// Its box before; nil when it was new.
    package var boxBefore: Int?
    /// Why the answer could not be saved, if it could not.
    package var saveError: String?
  }

  /// Judges `text` for the current question in `cluster`, moves its card,
  /// records the attempt in `store` and goes on to the next question.
  package func answer(
    _ text: String, cluster: Cluster, store: QuizScheduleStore, at time: Date
  ) -> Outcome {
    guard let question = current else { preconditionFailure("no question is being asked") }
    index += 1
    let right = question.quiz.accepts(text, cluster: cluster)
    if right { rightCount += 1 }
    var saveError: String?
    var old: QuizCard?
    do {
      old = try store.quizCards().first { $0.question == question.id }
    } catch {
      saveError = "\(error)"
    }
    let card = schedule.review(
      old, question: question.id, topic: question.topic, right: right, at: time)
    let attempt = QuizAttempt(
      question: question.id, topic: question.topic, answer: text, correct: right,
      boxBefore: old?.box, boxAfter: card.box, at: time)
    // A card that could not be read is not overwritten.
    if saveError == nil {
      do {
        try store.recordQuizAttempt(attempt, card: card)
      } catch {
        saveError = "\(error)"
      }
    }
    return Outcome(right: right, card: card, boxBefore: old?.box, saveError: saveError)
  }

  /// Ends the drill; returns how many of how many asked were right.
  @discardableResult
  package func stop() -> (right: Int, asked: Int) {
    let result = (rightCount, index)
    questions = []
    index = 0
    rightCount = 0
    return result
  }
}
