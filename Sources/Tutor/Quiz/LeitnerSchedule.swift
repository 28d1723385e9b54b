import Foundation

/// The quiz drill's spaced-repetition schedule: Leitner boxes.
///
/// Every question the learner has answered sits in one of five boxes. An
/// answer moves it: right → one box up (box 5 stays in box 5), wrong →
/// back to box 1; a question answered for the first time lands in box 2
/// when right and box 1 when wrong. A question in box *n* is due again
/// `intervalDays[n - 1]` days after its last answer:
///
/// | box | due again after |
/// | --- | --- |
/// | 1 | 1 day |
/// | 2 | 3 days |
/// | 3 | 7 days |
/// | 4 | 14 days |
/// | 5 | 30 days |
///
/// So a question answered right five times in a row comes back a month
/// later, and a miss brings it back the next day.
package struct LeitnerSchedule: Equatable, Sendable {
  /// Days until a question in box 1, 2, … is due again.
  package var intervalDays: [Int]

  package init(intervalDays: [Int]) {
    precondition(!intervalDays.isEmpty, "a Leitner schedule needs at least one box")
    self.intervalDays = intervalDays
  }

  /// The schedule the drill uses.
  package static let standard = LeitnerSchedule(intervalDays: [1, 3, 7, 14, 30])

  /// The number of boxes.
  package var boxCount: Int { intervalDays.count }

  /// Days a question in `box` waits before it is due again.
  package func days(box: Int) -> Int {
    intervalDays[min(max(box, 1), boxCount) - 1]
  }

  /// The box a question moves to; `box` is nil for a question never answered.
  package func box(after box: Int?, right: Bool) -> Int {
    right ? min((box ?? 1) + 1, boxCount) : 1
  }

  /// The card after an answer at `time`: its new box, its due time and counts.
  package func review(
    _ card: QuizCard?, question: String, topic: String, right: Bool, at time: Date
  ) -> QuizCard {
    let box = box(after: card?.box, right: right)
    return QuizCard(
      question: question, topic: topic, box: box,
      dueAt: time.addingTimeInterval(Double(days(box: box)) * 86_400),
      lastAnsweredAt: time,
      rightCount: (card?.rightCount ?? 0) + (right ? 1 : 0),
      wrongCount: (card?.wrongCount ?? 0) + (right ? 0 : 1))
  }
}
