import Foundation

/// How well the learner knows one topic's quiz questions.
///
/// A question is *mastered* once it sits in box ``masteredBox`` (3) or
/// higher, that is, after at least two right answers in a row; mastery is
/// mastered questions out of the questions of the topic the learner has
/// answered at least once. Questions never answered do not count.
package struct QuizMastery: Equatable, Sendable {
  /// The lowest box whose questions count as mastered.
  package static let masteredBox = 3

  package var topic: String
  /// Questions answered at least once.
  package var answered: Int
  /// Of those, the ones in box 3 or higher.
  package var mastered: Int
  /// Of those, the ones due for review now.
  package var due: Int

  package init(topic: String, answered: Int, mastered: Int, due: Int) {
    self.topic = topic
    self.answered = answered
    self.mastered = mastered
    self.due = due
  }

  /// Mastered out of answered, 0 … 1.
  package var fraction: Double { answered == 0 ? 0 : Double(mastered) / Double(answered) }

  /// Mastery as a whole percentage, rounded down.
  package var percent: Int { answered == 0 ? 0 : mastered * 100 / answered }

  /// Mastery of each topic the cards touch, sorted by topic.
  package static func byTopic(_ cards: [QuizCard], at time: Date) -> [QuizMastery] {
    Dictionary(grouping: cards, by: \.topic).map { topic, cards in
      QuizMastery(
        topic: topic, answered: cards.count,
        mastered: cards.filter { $0.box >= masteredBox }.count,
        due: cards.filter { $0.isDue(at: time) }.count)
    }.sorted { $0.topic < $1.topic }
  }
}
