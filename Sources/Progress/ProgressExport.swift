import Foundation

/// `kubetutor progress --export json|csv` and `kubetutor report --format
/// json|csv`: the documents `docs/progress-export.md` describes.
package enum ProgressExport {
  /// One learner: a profile of one database file.
  package struct Learner: Sendable {
    package var database: String
    package var progress: LearnerProgress

    package init(database: String, progress: LearnerProgress) {
      self.database = database
      self.progress = progress
    }
  }

  /// The JSON document's version; bumped when a field changes meaning.
  package static let formatVersion = 1

  private struct Document: Encodable {
    var format = "kubetutor-progress"
    var version = ProgressExport.formatVersion
    var exportedAt: Date
    var learners: [LearnerDocument]
  }

  private struct LearnerDocument: Encodable {
    var database: String
    var profile: String
    var createdAt: Date
    var currentItem: String?
    var totals: ProgressTotals
    var items: [ItemProgress]
    var quizAttempts: [LearnerProgress.QuizAttempt]
    var events: [LearnerProgress.Event]
    var sessions: [LearnerProgress.Session]
    var commands: [LearnerProgress.Command]
  }

  /// Everything of each learner, as one JSON document.
  package static func json(_ learners: [Learner], course: Course, exportedAt: Date) -> String {
    let document = Document(
      exportedAt: exportedAt,
      learners: learners.map { learner in
        let items = learner.progress.items(in: course)
        return LearnerDocument(
          database: learner.database, profile: learner.progress.profile,
          createdAt: learner.progress.createdAt, currentItem: learner.progress.currentItem,
          totals: ProgressTotals(items: items, commands: learner.progress.commands),
          items: items, quizAttempts: learner.progress.quizAttempts,
          events: learner.progress.events, sessions: learner.progress.sessions,
          commands: learner.progress.commands)
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    guard let data = try? encoder.encode(document) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// The columns of the CSV export, in order.
  package static let csvColumns = [
    "database", "profile", "kind", "id", "track", "status", "step", "steps", "steps_done",
    "goals_met", "hints", "quiz_first_try", "quiz_questions", "quiz_attempts", "seconds",
    "started_at", "finished_at",
  ]

  /// One row per learner and lesson or scenario, then one `total` row per
  /// learner; RFC 4180 quoting, CRLF line ends.
  package static func csv(_ learners: [Learner], course: Course) -> String {
    var rows = [csvColumns]
    for learner in learners {
      let items = learner.progress.items(in: course)
      for item in items {
        rows.append([
          learner.database, learner.progress.profile, item.kind.rawValue, item.id,
          item.track ?? "", item.status.rawValue, item.step.map(String.init) ?? "",
          String(item.steps), String(item.stepsDone), String(item.goalsMet), String(item.hints),
          String(item.quizFirstTry), String(item.quizQuestions), String(item.quizAttempts),
          String(Int(item.seconds.rounded())), item.startedAt.map(timestamp) ?? "",
          item.finishedAt.map(timestamp) ?? "",
        ])
      }
      let totals = ProgressTotals(items: items, commands: learner.progress.commands)
      let done = totals.lessonsDone + totals.scenariosDone
      rows.append([
        learner.database, learner.progress.profile, "total", "", "",
        "\(done)/\(items.count)", "", "", String(items.map(\.stepsDone).reduce(0, +)),
        String(items.map(\.goalsMet).reduce(0, +)), String(totals.hints),
        String(totals.quizFirstTry), String(totals.quizQuestions), String(totals.quizAttempts),
        String(Int(totals.seconds.rounded())), "", "",
      ])
    }
    return rows.map { $0.map(csvField).joined(separator: ",") + "\r\n" }.joined()
  }

  /// A field quoted when it holds a comma, a quote or a line break.
  package static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// `2026-11-26T07:30:00Z`.
  static func timestamp(_ date: Date) -> String {
    date.formatted(.iso8601)
  }
}
