import Foundation
import Tutor

/// Everything one profile of a progress database holds, read in one go:
/// the raw records, from which ``items(in:)`` computes per-lesson figures.
package struct LearnerProgress: Sendable {
  /// One answer to a quiz question.
  package struct QuizAttempt: Codable, Equatable, Sendable {
    package var item: String
    package var step: Int
    package var question: String
    package var answer: String
    package var correct: Bool
    package var at: Date
  }

  /// One progress event: a goal met, a step done, a hint shown…
  package struct Event: Codable, Equatable, Sendable {
    package var kind: String
    package var subject: String
    package var detail: String?
    package var at: Date
  }

  /// One command line, with the lesson or scenario it was typed in.
  package struct Command: Codable, Equatable, Sendable {
    package var session: Int64?
    package var item: String?
    package var line: String
    package var exitCode: Int32
    package var at: Date
    package var durationMs: Double
  }

  /// One run of the shell.
  package struct Session: Codable, Equatable, Sendable {
    package var id: Int64
    package var mode: String
    package var startedAt: Date
    package var endedAt: Date?
  }

  package var profile: String
  package var createdAt: Date
  /// The lesson or scenario left open, if any.
  package var currentItem: String?
  /// Saved steps (0-based, as the tutor keeps them) by item, with when.
  package var positions: [String: (step: Int, at: Date)]
  package var events: [Event]
  package var quizAttempts: [QuizAttempt]
  package var commands: [Command]
  package var sessions: [Session]

  /// A gap between two commands longer than this counts as a break, not
  /// as time spent on the lesson.
  package static let idleSeconds = 600.0

  // MARK: Reading

  /// Every profile of the database, by name.
  package static func readAll(_ database: SQLiteDatabase) throws(DatabaseError) -> [LearnerProgress] {
    let ids = try database.query("SELECT id FROM profiles ORDER BY name")
    var all: [LearnerProgress] = []
    for row in ids {
      guard let id = row.first?.int64Value else { continue }
      all.append(try read(database, profileID: id))
    }
    return all
  }

  /// One profile's records. Files of schema version 1 (no quiz table, no
  /// lesson on commands) read too: their quiz attempts come from events.
  package static func read(_ database: SQLiteDatabase, profileID: Int64) throws(DatabaseError)
    -> LearnerProgress
  {
    let path = database.location.description
    let modern = database.version >= 3
    let id = SQLiteDatabase.Value.integer(profileID)
    let profileRow = try database.query(
      modern
        ? "SELECT name, created_at, current_item FROM profiles WHERE id = ?"
        : "SELECT name, created_at, NULL FROM profiles WHERE id = ?", [id]
    ).first
    guard let profileRow, let name = profileRow[0].stringValue else {
      throw .sqlite(path: path, code: 0, message: "no profile \(profileID)")
    }
    func date(_ value: SQLiteDatabase.Value) -> Date {
      Date(timeIntervalSince1970: value.doubleValue ?? 0)
    }
    var progress = LearnerProgress(
      profile: name, createdAt: date(profileRow[1]), currentItem: profileRow[2].stringValue,
      positions: [:], events: [], quizAttempts: [], commands: [], sessions: [])
    for row in try database.query(
      "SELECT course_item, step, updated_at FROM positions WHERE profile_id = ?", [id])
    {
      guard let item = row[0].stringValue else { continue }
      progress.positions[item] = (Int(row[1].int64Value ?? 0), date(row[2]))
    }
    progress.events = try database.query(
      "SELECT kind, subject, detail, at FROM progress_events WHERE profile_id = ? ORDER BY id",
      [id]
    ).map {
      Event(
        kind: $0[0].stringValue ?? "", subject: $0[1].stringValue ?? "",
        detail: $0[2].stringValue, at: date($0[3]))
    }
    if modern {
      progress.quizAttempts = try database.query(
        """
        SELECT course_item, step, question, answer, correct, at FROM quiz_attempts
        WHERE profile_id = ? ORDER BY id
        """, [id]
      ).map {
        QuizAttempt(
          item: $0[0].stringValue ?? "", step: Int($0[1].int64Value ?? 0),
          question: $0[2].stringValue ?? "", answer: $0[3].stringValue ?? "",
          correct: $0[4].int64Value == 1, at: date($0[5]))
      }
    } else {
      progress.quizAttempts = progress.events.filter { $0.kind == "quiz" }.compactMap { event in
        let parts = event.subject.split(separator: "#", maxSplits: 1)
        guard parts.count == 2, let step = Int(parts[1]) else { return nil }
        let detail = event.detail ?? ""
        let marked = detail.hasPrefix("right: ") || detail.hasPrefix("wrong: ")
        return QuizAttempt(
          item: String(parts[0]), step: step, question: "",
          answer: marked ? String(detail.dropFirst(7)) : detail,
          correct: detail.hasPrefix("right: "), at: event.at)
      }
    }
    progress.commands = try database.query(
      """
      SELECT session_id, \(modern ? "course_item" : "NULL"), line, exit_code, started_at,
        duration_ms FROM commands WHERE profile_id = ? ORDER BY id
      """, [id]
    ).map {
      Command(
        session: $0[0].int64Value, item: $0[1].stringValue, line: $0[2].stringValue ?? "",
        exitCode: Int32(truncatingIfNeeded: $0[3].int64Value ?? 0), at: date($0[4]),
        durationMs: $0[5].doubleValue ?? 0)
    }
    progress.sessions = try database.query(
      "SELECT id, mode, started_at, ended_at FROM sessions WHERE profile_id = ? ORDER BY id", [id]
    ).map {
      Session(
        id: $0[0].int64Value ?? 0, mode: $0[1].stringValue ?? "", startedAt: date($0[2]),
        endedAt: $0[3].doubleValue.map(Date.init(timeIntervalSince1970:)))
    }
    return progress
  }

  // MARK: Figures

  /// Seconds spent per lesson or scenario: for each command, the time
  /// since the previous command of the same session (breaks longer than
  /// ``idleSeconds`` do not count), given to the item it was typed in.
  package var secondsByItem: [String: Double] {
    var seconds: [String: Double] = [:]
    var previous: [Int64: Date] = [:]
    for command in commands {
      let key = command.session ?? -1
      let spent =
        previous[key].map { min(max(command.at.timeIntervalSince($0), 0), Self.idleSeconds) }
        ?? command.durationMs / 1000
      previous[key] = command.at
      if let item = command.item { seconds[item, default: 0] += spent }
    }
    return seconds
  }

  /// How many quiz questions the learner answered at least once.
  package var questionsAnswered: Int {
    Set(quizAttempts.map { "\($0.item)#\($0.step)" }).count
  }

  /// Whether `subject` (`ITEM` or `ITEM#STEP`) belongs to `item`.
  static func subject(_ subject: String, belongsTo item: String) -> Bool {
    subject == item || subject.hasPrefix(item + "#")
  }

  /// The figures of every lesson and scenario of `course`, in its order,
  /// then of items the course does not list but the records name.
  package func items(in course: Course) -> [ItemProgress] {
    let seconds = secondsByItem
    var known = Set(course.entries.map(\.id))
    var extra: [Course.Entry] = []
    let named =
      events.map { String($0.subject.split(separator: "#").first ?? "") }
      + positions.keys.sorted() + commands.compactMap(\.item)
    for id in named where !id.isEmpty && known.insert(id).inserted {
      let kind: ItemProgress.Kind =
        events.contains { $0.kind == "lesson" && $0.subject == id } ? .lesson : .scenario
      extra.append(
        Course.Entry(
          id: id, kind: kind, track: nil, title: LocalizedText(id), steps: 0,
          quizzes: 0, requires: []))
    }
    return (course.entries + extra).map { item($0, seconds: seconds[$0.id] ?? 0) }
  }

  private func item(_ entry: Course.Entry, seconds: Double) -> ItemProgress {
    let id = entry.id
    let mine = events.filter { Self.subject($0.subject, belongsTo: id) }
    let finished = mine.first {
      $0.subject == id && $0.kind == entry.kind.rawValue && $0.detail != "time limit reached"
    }
    let attempts = quizAttempts.filter { $0.item == id }
    var firstTry = 0
    var answered: Set<Int> = []
    var seenSteps: Set<Int> = []
    for attempt in attempts {
      if seenSteps.insert(attempt.step).inserted, attempt.correct { firstTry += 1 }
      if attempt.correct { answered.insert(attempt.step) }
    }
    let position = positions[id]
    let starts = mine.map(\.at) + attempts.map(\.at) + commands.filter { $0.item == id }.map(\.at)
    var status = ItemProgress.Status.notStarted
    if finished != nil {
      status = .done
    } else if !starts.isEmpty || position != nil || currentItem == id {
      status = .inProgress
    }
    var detailSeconds = 0.0
    if let detail = finished?.detail,
      let last = detail.split(separator: " ").last, last.hasSuffix("s"),
      let number = Double(last.dropLast())
    {
      detailSeconds = number
    }
    return ItemProgress(
      kind: entry.kind, id: id, track: entry.track, title: entry.title.en,
      titleKo: entry.title.ko, status: status,
      step: status == .inProgress ? (position?.step ?? 0) + 1 : nil, steps: entry.steps,
      stepsDone: Set(mine.filter { $0.kind == "step" }.map(\.subject)).count,
      goalsMet: Set(mine.filter { $0.kind == "goal" }.map { "\($0.subject) \($0.detail ?? "")" })
        .count,
      hints: mine.filter { $0.kind == "hint" }.count,
      quizFirstTry: firstTry, quizAnswered: answered.count, quizQuestions: entry.quizzes,
      quizAttempts: attempts.count,
      seconds: seconds > 0 ? seconds : detailSeconds,
      startedAt: (starts + (position.map { [$0.at] } ?? [])).min(),
      finishedAt: finished?.at,
      overTimeLimit: entry.kind == .scenario
        ? mine.contains { $0.kind == "scenario" && $0.detail == "time limit reached" } : nil)
  }
}
