import Foundation
import Tutor

/// The quiz drill's Leitner cards and attempts, per profile.
extension ProgressStore: QuizScheduleStore {
  /// The profile's cards, by question.
  package func quizCards() throws -> [QuizCard] {
    try storedQuizCards()
  }

  /// Records `attempt` and stores `card` in one transaction.
  package func recordQuizAttempt(_ attempt: QuizAttempt, card: QuizCard) throws {
    try saveQuizAttempt(attempt, card: card)
  }

  /// Mastery per topic at `time` (see ``QuizMastery``), sorted by topic:
  /// what `progress` shows beside the lessons.
  package func quizMastery(at time: Date = Date()) throws(DatabaseError) -> [QuizMastery] {
    QuizMastery.byTopic(try storedQuizCards(), at: time)
  }

  /// The profile's quiz attempts, oldest first.
  package func quizAttempts() throws(DatabaseError) -> [QuizAttempt] {
    let rows = try database.query(
      """
      SELECT question, topic, answer, correct, box_before, box_after, at FROM drill_attempts
      WHERE profile_id = ? ORDER BY id
      """,
      [.integer(profileID)])
    return try rows.map { (row) throws(DatabaseError) in
      QuizAttempt(
        question: try field(row[0], \.stringValue), topic: try field(row[1], \.stringValue),
        answer: try field(row[2], \.stringValue), correct: try field(row[3], \.int64Value) != 0,
        boxBefore: row[4].int64Value.map { Int($0) }, boxAfter: Int(try field(row[5], \.int64Value)),
        at: Date(timeIntervalSince1970: try field(row[6], \.doubleValue)))
    }
  }

  private func storedQuizCards() throws(DatabaseError) -> [QuizCard] {
    let rows = try database.query(
      """
      SELECT question, topic, box, due_at, last_answered_at, right_count, wrong_count
      FROM quiz_cards WHERE profile_id = ? ORDER BY question
      """,
      [.integer(profileID)])
    return try rows.map { (row) throws(DatabaseError) in
      QuizCard(
        question: try field(row[0], \.stringValue), topic: try field(row[1], \.stringValue),
        box: Int(try field(row[2], \.int64Value)),
        dueAt: Date(timeIntervalSince1970: try field(row[3], \.doubleValue)),
        lastAnsweredAt: Date(timeIntervalSince1970: try field(row[4], \.doubleValue)),
        rightCount: Int(try field(row[5], \.int64Value)),
        wrongCount: Int(try field(row[6], \.int64Value)))
    }
  }

  private func saveQuizAttempt(_ attempt: QuizAttempt, card: QuizCard) throws(DatabaseError) {
    try database.transaction { () throws(DatabaseError) in
      try database.execute(
        """
        INSERT INTO drill_attempts
          (profile_id, session_id, question, topic, answer, correct, box_before, box_after, at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
          .integer(profileID), .integer(currentSession), .text(attempt.question),
          .text(attempt.topic), .text(attempt.answer), .integer(attempt.correct ? 1 : 0),
          .integer(attempt.boxBefore.map(Int64.init)), .integer(Int64(attempt.boxAfter)),
          .real(attempt.at.timeIntervalSince1970),
        ])
      try database.execute(
        """
        INSERT INTO quiz_cards
          (profile_id, question, topic, box, due_at, last_answered_at, right_count, wrong_count)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (profile_id, question) DO UPDATE SET
          topic = excluded.topic, box = excluded.box, due_at = excluded.due_at,
          last_answered_at = excluded.last_answered_at, right_count = excluded.right_count,
          wrong_count = excluded.wrong_count
        """,
        [
          .integer(profileID), .text(card.question), .text(card.topic),
          .integer(Int64(card.box)), .real(card.dueAt.timeIntervalSince1970),
          .real(card.lastAnsweredAt.timeIntervalSince1970), .integer(Int64(card.rightCount)),
          .integer(Int64(card.wrongCount)),
        ])
    }
  }
}
