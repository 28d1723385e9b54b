import Foundation

/// Where one question stands in the learner's Leitner schedule.
package struct QuizCard: Equatable, Sendable {
  /// The question's ID: `LESSON/quiz-N`, N counting the lesson's quiz steps from 1.
  package var question: String
  /// The topic it counts towards: the lesson's track.
  package var topic: String
  /// 1 … the schedule's box count.
  package var box: Int
  package var dueAt: Date
  package var lastAnsweredAt: Date
  package var rightCount: Int
  package var wrongCount: Int

  package init(
    question: String, topic: String, box: Int, dueAt: Date, lastAnsweredAt: Date,
    rightCount: Int = 0, wrongCount: Int = 0
  ) {
    self.question = question
    self.topic = topic
    self.box = box
    self.dueAt = dueAt
    self.lastAnsweredAt = lastAnsweredAt
    self.rightCount = rightCount
    self.wrongCount = wrongCount
  }

  /// Whether the drill should ask it again at `time`.
  package func isDue(at time: Date) -> Bool { dueAt <= time }
}

/// One answer given in the drill, kept for ever.
package struct QuizAttempt: Equatable, Sendable {
  package var question: String
  package var topic: String
  /// What the learner typed after `answer`.
  package var answer: String
  package var correct: Bool
  /// The box before the answer; nil for a question never answered before.
  package var boxBefore: Int?
  package var boxAfter: Int
  package var at: Date

  package init(
    question: String, topic: String, answer: String, correct: Bool, boxBefore: Int?,
    boxAfter: Int, at: Date
  ) {
    self.question = question
    self.topic = topic
    self.answer = answer
    self.correct = correct
    self.boxBefore = boxBefore
    self.boxAfter = boxAfter
    self.at = at
  }
}
