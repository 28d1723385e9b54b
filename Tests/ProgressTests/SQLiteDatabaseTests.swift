import Foundation
import Progress
import Testing

@Suite("SQLite wrapper")
struct SQLiteDatabaseTests {
  typealias Value = SQLiteDatabase.Value

  @Test("every kind of value survives a round trip through a bound parameter")
  func valuesRoundTrip() throws {
    let database = try SQLiteDatabase(.memory)
    try database.execute("CREATE TABLE t (v)")
    let values: [Value] = [
      .integer(Int64.min), .integer(42), .real(2.5), .text("한국어 메모 ✓"), .text(""),
      .blob(Data([0, 1, 2, 255])), .blob(Data()), .null,
    ]

    for value in values { try database.execute("INSERT INTO t (v) VALUES (?)", [value]) }

    #expect(try database.query("SELECT v FROM t ORDER BY rowid").map { $0[0] } == values)
  }

  @Test("text that looks like SQL is stored as text, never run")
  func parametersAreNeverSpliced() throws {
    let database = try SQLiteDatabase(.memory)
    try database.execute("CREATE TABLE t (v TEXT)")
    let hostile = "x'); DROP TABLE t; --"

    try database.execute("INSERT INTO t (v) VALUES (?)", [.text(hostile)])

    #expect(try database.query("SELECT v FROM t") == [[.text(hostile)]])
  }

  @Test func rowsKeepColumnOrder() throws {
    let database = try SQLiteDatabase(.memory)

    let rows = try database.query("SELECT ?, ?, ? + 1", ["a", 1.5, 2])

    #expect(rows == [["a", 1.5, 3]])
  }

  @Test("a second statement in one string is an error, not silently skipped")
  func oneStatementAtATime() throws {
    let database = try SQLiteDatabase(.memory)

    #expect(throws: DatabaseError.self) {
      try database.execute("CREATE TABLE a (x); CREATE TABLE b (x)")
    }
    #expect(try database.query("SELECT name FROM sqlite_schema").isEmpty)
  }

  @Test func valueCountMustMatchPlaceholders() throws {
    let database = try SQLiteDatabase(.memory)

    #expect(throws: DatabaseError.self) { try database.query("SELECT ?, ?", [1]) }
  }

  @Test("a throwing transaction leaves nothing behind; a finished one commits")
  func transactionRollsBack() throws {
    let database = try SQLiteDatabase(.memory)
    try database.execute("CREATE TABLE t (v)")
    let planned = DatabaseError.sqlite(path: ":memory:", code: 1, message: "planned")

    #expect(throws: planned) {
      try database.transaction { () throws(DatabaseError) in
        try database.execute("INSERT INTO t VALUES (1)")
        throw planned
      }
    }
    try database.transaction { () throws(DatabaseError) in
      try database.execute("INSERT INTO t VALUES (2)")
    }

    #expect(try database.query("SELECT v FROM t") == [[2]])
  }

  @Test("files open in WAL mode with foreign keys and a five-second busy timeout")
  func connectionSettings() throws {
    let folder = try TemporaryFolder()
    let database = try SQLiteDatabase(.path(folder.file("settings.db")))

    #expect(try database.query("PRAGMA journal_mode") == [["wal"]])
    #expect(try database.integer("PRAGMA foreign_keys") == 1)
    #expect(try database.integer("PRAGMA busy_timeout") == 5_000)
  }

  @Test("errors carry SQLite's message and the file")
  func errorsNameTheFile() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("errors.db")
    let database = try SQLiteDatabase(.path(path))

    let error = #expect(throws: DatabaseError.self) { try database.query("SELECT * FROM missing") }

    #expect(error?.path == path)
    #expect(error.map(String.init(describing:))?.contains("no such table: missing") == true)
  }
}

@Suite("Migrations")
struct MigrationTests {
  static let two = DatabaseSchema(
    applicationID: 7, migrations: [["CREATE TABLE a (x)"], ["CREATE TABLE b (x)"]])

  @Test("each missing migration runs once, in order, and stamps user_version")
  func appliesOnlyMissingMigrations() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("m.db")
    let first = DatabaseSchema(applicationID: 7, migrations: [Self.two.migrations[0]])
    try SQLiteDatabase(.path(path), schema: first).execute("INSERT INTO a VALUES (1)")

    let database = try SQLiteDatabase(.path(path), schema: Self.two)

    #expect(try database.integer("PRAGMA user_version") == 2)
    #expect(try database.integer("PRAGMA application_id") == 7)
    #expect(try database.query("SELECT x FROM a") == [[1]])
    #expect(try database.query("SELECT count(*) FROM b") == [[0]])
  }

  @Test("a failing migration is rolled back whole and the version stays put")
  func failedMigrationRollsBack() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("m.db")
    let broken = DatabaseSchema(
      applicationID: 7,
      migrations: Self.two.migrations + [["CREATE TABLE c (x)", "CREATE TABLE a (x)"]])

    #expect(throws: DatabaseError.self) { try SQLiteDatabase(.path(path), schema: broken) }

    let database = try SQLiteDatabase(.path(path), schema: Self.two)
    #expect(try database.integer("PRAGMA user_version") == 2)
    #expect(try database.query("SELECT name FROM sqlite_schema WHERE name = 'c'").isEmpty)
  }
}
