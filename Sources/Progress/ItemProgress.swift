import Foundation

/// One lesson's or scenario's figures for one learner, as views, exports
/// and reports show them. `docs/progress-export.md` documents each field.
package struct ItemProgress: Codable, Equatable, Sendable {
  package enum Kind: String, Codable, Sendable {
    case lesson, scenario
  }

  package enum Status: String, Codable, Sendable {
    case notStarted = "not-started"
    case inProgress = "in-progress"
    case done
  }

  package var kind: Kind
  package var id: String
  package var track: String?
  package var title: String
  package var titleKo: String
  package var status: Status
  /// The step the learner stands at, from 1, while in progress.
  package var step: Int?
  package var steps: Int
  package var stepsDone: Int
  package var goalsMet: Int
  package var hints: Int
  /// Questions answered right on the first try.
  package var quizFirstTry: Int
  /// Questions answered right at all.
  package var quizAnswered: Int
  /// Questions the lesson asks.
  package var quizQuestions: Int
  package var quizAttempts: Int
  package var seconds: Double
  package var startedAt: Date?
  package var finishedAt: Date?
  /// For timed scenarios: whether the time limit ran out.
  package var overTimeLimit: Bool?
}

/// One learner's sums over every item.
package struct ProgressTotals: Codable, Equatable, Sendable {
  package var lessonsDone = 0
  package var lessons = 0
  package var scenariosDone = 0
  package var scenarios = 0
  package var quizFirstTry = 0
  package var quizQuestions = 0
  package var quizAttempts = 0
  package var hints = 0
  package var seconds = 0.0
  package var commands = 0
  package var failedCommands = 0

  package init(items: [ItemProgress], commands: [LearnerProgress.Command]) {
    for item in items {
      switch item.kind {
      case .lesson:
        lessons += 1
        if item.status == .done { lessonsDone += 1 }
      case .scenario:
        scenarios += 1
        if item.status == .done { scenariosDone += 1 }
      }
      quizFirstTry += item.quizFirstTry
      quizQuestions += item.quizQuestions
      quizAttempts += item.quizAttempts
      hints += item.hints
      seconds += item.seconds
    }
    self.commands = commands.count
    failedCommands = commands.filter { $0.exitCode != 0 }.count
  }
}

extension LearnerProgress {
  /// The lesson to take next: the one left open, else the lesson in
  /// progress touched last, else the first lesson not done whose required
  /// lessons are done, else the first scenario not solved.
  package func suggestion(in course: Course, items: [ItemProgress]) -> ItemProgress? {
    let byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    if let current = currentItem, let item = byID[current], item.status != .done { return item }
    let open = items.filter { $0.kind == .lesson && $0.status == .inProgress }
    if let latest = open.max(by: { latestActivity($0) < latestActivity($1) }) { return latest }
    let done = Set(items.filter { $0.status == .done }.map(\.id))
    if let ready = course.lessons.first(where: {
      !done.contains($0.id) && $0.requires.allSatisfy(done.contains)
    }) {
      return byID[ready.id]
    }
    if let lesson = course.lessons.first(where: { !done.contains($0.id) }) {
      return byID[lesson.id]
    }
    return course.scenarios.first { !done.contains($0.id) }.flatMap { byID[$0.id] }
  }

  private func latestActivity(_ item: ItemProgress) -> Date {
    let times =
      events.filter { Self.subject($0.subject, belongsTo: item.id) }.map(\.at)
      + commands.filter { $0.item == item.id }.map(\.at)
      + (positions[item.id].map { [$0.at] } ?? [])
    return times.max() ?? .distantPast
  }
}
