import Foundation
import KubeCluster

/// A lesson's quiz question as the drill asks it.
package struct QuizQuestion: Equatable, Sendable {
  /// `LESSON/quiz-N`: N counts the lesson's quiz steps from 1, so editing
  /// the lesson's other steps keeps the learner's schedule.
  package var id: String
  package var lessonID: String
  package var lessonTitle: LocalizedText
  /// The lesson's track (`concepts`, `components`, `objects`, `commands`, `capstone`).
  package var topic: String
  package var quiz: Quiz

  /// Every quiz question of the catalog's lessons, in catalog order.
  package static func all(in catalog: LessonCatalog) -> [QuizQuestion] {
    catalog.ordered.flatMap { lesson in
      lesson.steps.compactMap { step -> Quiz? in
        if case .quiz(let quiz) = step { quiz } else { nil }
      }.enumerated().map { index, quiz in
        QuizQuestion(
          id: "\(lesson.id)/quiz-\(index + 1)", lessonID: lesson.id, lessonTitle: lesson.title,
          topic: lesson.track, quiz: quiz)
      }
    }
  }

  /// Whether it can be asked against `cluster`: a live-cluster question
  /// needs the objects it asks about (the pod `whoami`, the Service `web`);
  /// without them it waits for a later drill, its schedule unchanged.
  package func isAnswerable(in cluster: Cluster) -> Bool {
    guard case .live(let source) = quiz.check else { return true }
    return !(source.values(in: cluster) ?? []).isEmpty
  }

  /// The right answer to show after a miss, when it can be put in words.
  package func rightAnswer(in cluster: Cluster, language: Language) -> String? {
    switch quiz.check {
    case .single(let number):
      guard quiz.choices.indices.contains(number - 1) else { return String(number) }
      return "\(number)) \(quiz.choices[number - 1].text(language))"
    case .multiple(let numbers):
      return numbers.sorted().map(String.init).joined(separator: ", ")
    case .text(let accepted):
      return accepted.first
    case .command:
      return nil
    case .live(let source):
      return source.values(in: cluster)?.first
    }
  }
}

/// Which questions a drill asks: those due first, then new ones.
package struct QuizSelection: Equatable, Sendable {
  /// Answered before and due now, most overdue first.
  package var due: [QuizQuestion] = []
  /// Never answered, in catalog order.
  package var new: [QuizQuestion] = []
  /// Answered before and not due yet: the earliest due time among them.
  package var nextDue: Date?
  /// Answered before and not due yet.
  package var waiting = 0

  /// The first `count` questions to ask.
  package func first(_ count: Int) -> [QuizQuestion] { Array((due + new).prefix(count)) }

  /// Sorts `questions` by the cards' state at `time`; questions not
  /// answerable in `cluster` are left out.
  package init(
    _ questions: [QuizQuestion], cards: [String: QuizCard], at time: Date, cluster: Cluster
  ) {
    var due: [(QuizQuestion, QuizCard, Int)] = []
    for (order, question) in questions.enumerated() {
      guard let card = cards[question.id] else {
        if question.isAnswerable(in: cluster) { new.append(question) }
        continue
      }
      if !card.isDue(at: time) {
        waiting += 1
        nextDue = min(nextDue ?? card.dueAt, card.dueAt)
      } else if question.isAnswerable(in: cluster) {
        due.append((question, card, order))
      }
    }
    // Most overdue first; ties by lower box, then catalog order.
    self.due = due.sorted {
      ($0.1.dueAt, $0.1.box, $0.2) < ($1.1.dueAt, $1.1.box, $1.2)
    }.map(\.0)
  }
}
