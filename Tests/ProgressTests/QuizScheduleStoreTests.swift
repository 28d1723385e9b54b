import Foundation
import KubeCluster
import Progress
import Testing
import Tutor

/// The drill's Leitner cards and attempts in the progress database.
@Suite("Quiz schedule in SQLite")
struct QuizScheduleStoreTests {
  let folder: TemporaryFolder
  let path: String
  static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

  init() throws {
    folder = try TemporaryFolder()
    path = folder.file("progress.db")
  }

  static func attempt(_ question: String, right: Bool, before: Int?, after: Int, at: Date)
    -> QuizAttempt
  {
    QuizAttempt(
      question: question, topic: "objects", answer: right ? "1" : "2", correct: right,
      boxBefore: before, boxAfter: after, at: at)
  }

  @Test("cards and attempts survive a reopen, one row per question, every attempt kept")
  func persists() throws {
    let schedule = LeitnerSchedule.standard
    do {
      let store = try ProgressStore(.path(path))
      let session = try store.startSession(mode: .script)
      let first = schedule.review(nil, question: "pods/quiz-1", topic: "objects", right: true, at: Self.t0)
      try store.recordQuizAttempt(Self.attempt("pods/quiz-1", right: true, before: nil, after: 2, at: Self.t0), card: first)
      let later = Self.t0.addingTimeInterval(3 * 86_400)
      let second = schedule.review(first, question: "pods/quiz-1", topic: "objects", right: false, at: later)
      try store.recordQuizAttempt(Self.attempt("pods/quiz-1", right: false, before: 2, after: 1, at: later), card: second)
      try store.endSession(session)
    }
    let store = try ProgressStore(.path(path))
    let cards = try store.quizCards()
    #expect(
      cards == [
        QuizCard(
          question: "pods/quiz-1", topic: "objects", box: 1,
          dueAt: Self.t0.addingTimeInterval(4 * 86_400),
          lastAnsweredAt: Self.t0.addingTimeInterval(3 * 86_400), rightCount: 1, wrongCount: 1)
      ])
    #expect(try store.quizAttempts().map(\.correct) == [true, false])
    #expect(try store.quizAttempts().map(\.boxBefore) == [nil, 2])
    let sessions = try store.database.query("SELECT count(DISTINCT session_id) FROM drill_attempts")
    #expect(sessions.first?.first?.int64Value == 1)
    // Another learner on the same file sees none of it.
    #expect(try ProgressStore(.path(path), profile: "kim").quizCards().isEmpty)
  }

  @Test("mastery per topic counts questions in box 3 or higher of those answered")
  func mastery() throws {
    let store = try ProgressStore(.path(path))
    let cards = [("pods/quiz-1", "objects", 3), ("pods/quiz-2", "objects", 1), ("control-plane/quiz-1", "components", 5)]
    for (question, topic, box) in cards {
      let card = QuizCard(
        question: question, topic: topic, box: box, dueAt: Self.t0.addingTimeInterval(Double(box) * 86_400),
        lastAnsweredAt: Self.t0)
      let attempt = QuizAttempt(
        question: question, topic: topic, answer: "x", correct: true, boxBefore: nil, boxAfter: box, at: Self.t0)
      try store.recordQuizAttempt(attempt, card: card)
    }
    let mastery = try store.quizMastery(at: Self.t0.addingTimeInterval(86_400))
    #expect(
      mastery == [
        QuizMastery(topic: "components", answered: 1, mastered: 1, due: 0),
        QuizMastery(topic: "objects", answered: 2, mastered: 1, due: 1),
      ])
    #expect(mastery.map(\.percent) == [100, 50])
  }

  @Test("a version-1 file gains the quiz tables and keeps its rows")
  func migratesVersionOne() throws {
    let progress = DatabaseSchema.progress
    do {
      let old = DatabaseSchema(
        applicationID: progress.applicationID, migrations: Array(progress.migrations.prefix(1)))
      let database = try SQLiteDatabase(.path(path), schema: old)
      try database.execute("INSERT INTO profiles (name, created_at) VALUES ('default', 0)")
      try database.execute(
        "INSERT INTO progress_events (profile_id, kind, subject, at) VALUES (1, 'lesson', 'pods', 0)")
    }
    let store = try ProgressStore(.path(path))
    #expect(try store.database.integer("PRAGMA user_version") == Int64(progress.version))
    #expect(try store.events(kind: .lesson).map(\.subject) == ["pods"])
    #expect(try store.quizCards().isEmpty)
    let card = QuizCard(question: "pods/quiz-1", topic: "objects", box: 2, dueAt: Self.t0, lastAnsweredAt: Self.t0)
    try store.recordQuizAttempt(
      Self.attempt("pods/quiz-1", right: true, before: nil, after: 2, at: Self.t0), card: card)
    #expect(try store.quizCards() == [card])
  }

  @Test("two drills on one database: the second run knows what the first answered")
  func twoRuns() throws {
    let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lessons")
    func tutor() throws -> TutorSession {
      let tutor = TutorSession(recorder: try ProgressStore(.path(path)))
      tutor.lessonsDirectory = lessons
      return tutor
    }
    let cluster = Cluster(emptyAt: Self.t0, seed: 1)
    do {
      let first = try tutor()
      var scratch = cluster
      _ = first.handle(["start", "control-plane"], cluster: &scratch)
      _ = first.quiz(["-n", "2"], cluster: cluster, at: Self.t0)
      _ = first.answerDrill("2", cluster: cluster, at: Self.t0)  // right: box 2
      _ = first.answerDrill("3", cluster: cluster, at: Self.t0)  // wrong: box 1
    }
    let second = try tutor()
    #expect(second.startedLessonIDs == ["control-plane"])
    let early = second.quiz(["-n", "1"], cluster: cluster, at: Self.t0.addingTimeInterval(3_600))
    // Only the new third question: the two answered ones are not due.
    #expect(early.stdout.hasPrefix("Quiz drill: 1 question — 0 due for review, 1 new.\n"))
    #expect(second.quizDrill.questions.map(\.id) == ["control-plane/quiz-3"])
    _ = second.quiz(["--stop"], cluster: cluster, at: Self.t0)
    _ = second.quiz(["-n", "2"], cluster: cluster, at: Self.t0.addingTimeInterval(86_400))
    #expect(second.quizDrill.questions.map(\.id) == ["control-plane/quiz-2", "control-plane/quiz-3"])
    let rows = try ProgressStore(.path(path)).database.query(
      "SELECT question, correct, box_before, box_after FROM drill_attempts ORDER BY id")
    #expect(
      rows == [
        [.text("control-plane/quiz-1"), .integer(1), .null, .integer(2)],
        [.text("control-plane/quiz-2"), .integer(0), .null, .integer(1)],
      ])
  }
}
