import Foundation

/// Keeps the drill's Leitner cards and every attempt.
///
/// Declared here and implemented by the Progress module (its SQLite
/// store), so Tutor never sees SQL; without a database the drill keeps its
/// cards in a ``MemoryQuizSchedule``.
package protocol QuizScheduleStore: AnyObject {
  /// Every card of the learner, in any order.
  func quizCards() throws -> [QuizCard]
  /// Records `attempt` and stores `card` (the question's state after it)
  /// together, committed before this returns.
  func recordQuizAttempt(_ attempt: QuizAttempt, card: QuizCard) throws
}

/// Cards and attempts in memory: for tests and script mode without `--db`.
package final class MemoryQuizSchedule: QuizScheduleStore {
  package private(set) var cards: [String: QuizCard] = [:]
  package private(set) var attempts: [QuizAttempt] = []

  package init() {}

  package func quizCards() -> [QuizCard] {
    cards.values.sorted { $0.question < $1.question }
  }

  package func recordQuizAttempt(_ attempt: QuizAttempt, card: QuizCard) {
    attempts.append(attempt)
    cards[card.question] = card
  }
}
