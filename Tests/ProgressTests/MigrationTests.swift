import Foundation
import Progress
import Tutor
import Testing

/// Every earlier schema version opens in this build, keeps its rows, and
/// ends with exactly the tables a new file gets.
@Suite("Migrations from every earlier schema version")
struct ProgressMigrationTests {
  let folder: TemporaryFolder

  init() throws {
    folder = try TemporaryFolder()
  }

  /// The progress schema as it was at `version`.
  static func schema(at version: Int) -> DatabaseSchema {
    DatabaseSchema(
      applicationID: DatabaseSchema.progress.applicationID,
      migrations: Array(DatabaseSchema.progress.migrations.prefix(version)))
  }

  /// Tables, indexes and their SQL, as a fresh file gets them.
  static func layout(of database: SQLiteDatabase) throws -> [[SQLiteDatabase.Value]] {
    try database.query("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name")
  }

  @Test(
    "a file at each earlier version migrates to the same layout as a new file",
    arguments: 0..<DatabaseSchema.progress.version)
  func migratesFromVersion(version: Int) throws {
    let old = folder.file("v\(version).db")
    let new = folder.file("new.db")
    _ = try SQLiteDatabase(.path(old), schema: Self.schema(at: version))

    let migrated = try ProgressStore(.path(old))
    let fresh = try ProgressStore(.path(new))

    #expect(
      try migrated.database.integer("PRAGMA user_version")
        == Int64(DatabaseSchema.progress.version))
    #expect(try Self.layout(of: migrated.database) == Self.layout(of: fresh.database))
  }

  /// A version-1 file as the first kubetutor left it: a profile, a command,
  /// a quiz answered wrong then right, a finished lesson.
  func writeVersion1(_ path: String) throws {
    let database = try SQLiteDatabase(.path(path), schema: Self.schema(at: 1))
    try database.execute("INSERT INTO profiles (name, created_at) VALUES ('ana', 1000)")
    try database.execute(
      """
      INSERT INTO commands (profile_id, session_id, line, exit_code, started_at, duration_ms)
      VALUES (1, NULL, 'kubectl get pods', 1, 1001, 3.5)
      """)
    try database.execute(
      """
      INSERT INTO progress_events (profile_id, kind, subject, detail, at) VALUES
      (1, 'quiz', 'pods#3', 'wrong: 2', 1005), (1, 'quiz', 'pods#3', 'right: 1', 1006),
      (1, 'lesson', 'pods', 'quiz 0/1, hints 0, 42s', 1007)
      """)
    try database.execute("INSERT INTO positions VALUES (1, 'services', 2, 1008)")
  }

  @Test("version 1 rows survive, and its quiz events become quiz attempts")
  func keepsVersion1Rows() throws {
    let path = folder.file("progress.db")
    try writeVersion1(path)

    let store = try ProgressStore(.path(path), profile: "ana")

    #expect(
      try store.database.query(
        "SELECT course_item, step, question, answer, correct, at FROM quiz_attempts ORDER BY id")
        == [["pods", 3, "", "2", 0, 1005.0], ["pods", 3, "", "1", 1, 1006.0]])
    #expect(
      try store.database.query("SELECT line, exit_code, course_item FROM commands")
        == [["kubectl get pods", 1, nil]])
    #expect(try store.currentItem() == nil)
    #expect(try store.position(item: "services") == 2)
    #expect(try store.events(kind: .lesson).map(\.detail) == ["quiz 0/1, hints 0, 42s"])
  }

  @Test("a report reads a version 1 file without migrating or changing it")
  func readsVersion1ReadOnly() throws {
    let path = folder.file("progress.db")
    try writeVersion1(path)
    let before = try contents(of: path)

    let database = try SQLiteDatabase(.path(path), schema: .progress, readOnly: true)
    let learners = try LearnerProgress.readAll(database)

    #expect(database.version == 1)
    #expect(learners.map(\.profile) == ["ana"])
    let course = Course(
      tracks: [
        Course.Track(
          id: "t", title: .init("T"),
          lessons: [Course.Entry(id: "pods", kind: .lesson, title: .init("Pods"), steps: 4, quizzes: 1)])
      ], scenarios: [])
    let pods = try #require(learners.first?.items(in: course).first)
    #expect(pods.status == .done)
    #expect(pods.quizAttempts == 2)
    #expect(pods.quizFirstTry == 0)
    #expect(pods.quizAnswered == 1)
    #expect(pods.seconds == 42)
    #expect(try contents(of: path) == before)
  }
}
