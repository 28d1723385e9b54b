import Foundation
import Progress
import Testing

/// Opening refuses files it must not touch, with a message naming the file,
/// and leaves them exactly as they were.
@Suite("Opening a progress database")
struct DatabaseOpeningTests {
  let folder: TemporaryFolder
  let path: String

  init() throws {
    folder = try TemporaryFolder()
    path = folder.file("progress.db")
  }

  /// Writes a real progress database with enough commands to span many pages.
  func writeValidDatabase(commands: Int = 2_000) throws {
    let store = try ProgressStore(.path(path))
    try store.database.transaction { () throws(DatabaseError) in
      for index in 0..<commands {
        try store.recordCommand(
          line: "kubectl get pods -n team-\(index) -o wide", exitCode: 0, startedAt: Date(),
          durationMs: 1)
      }
    }
  }

  @Test("an empty file is migrated to the current schema")
  func migratesAnEmptyFile() throws {
    #expect(FileManager.default.createFile(atPath: path, contents: Data()))

    let store = try ProgressStore(.path(path))

    #expect(try store.database.integer("PRAGMA user_version") == Int64(DatabaseSchema.progress.version))
    #expect(try store.database.integer("PRAGMA application_id") == 0x6B74_7574)
    let tables = try store.database.query(
      "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    #expect(
      tables.compactMap { $0[0].stringValue } == [
        "cluster_snapshots", "commands", "drill_attempts", "positions", "profiles",
        "progress_events", "quiz_attempts", "quiz_cards", "sessions",
      ])
  }

  @Test("a schema newer than the code is refused, and the file is left byte for byte")
  func refusesNewerSchema() throws {
    try writeValidDatabase(commands: 3)
    let known = DatabaseSchema.progress.version
    try SQLiteDatabase(.path(path), schema: .progress).execute("PRAGMA user_version = \(known + 1)")
    let before = try contents(of: path)

    let error = #expect(throws: DatabaseError.self) { try ProgressStore(.path(path)) }

    #expect(error == .newerSchema(path: path, found: known + 1, known: known))
    #expect(
      error?.description
        == "\(path) was written by a newer kubetutor (schema \(known + 1), this one knows \(known)); "
        + "upgrade kubetutor or use --db to choose another file")
    #expect(try contents(of: path) == before)
  }

  @Test("a text file is refused as not a database, and left byte for byte")
  func refusesATextFile() throws {
    let text = Data("my kubectl notes\nkubectl get pods\n".utf8)
    #expect(FileManager.default.createFile(atPath: path, contents: text))

    let error = #expect(throws: DatabaseError.self) { try ProgressStore(.path(path)) }

    #expect(error == .notADatabase(path: path))
    #expect(error?.description.hasPrefix("\(path) is not a kubetutor progress database") == true)
    #expect(error?.description.contains("Move it away or use --db") == true)
    #expect(try contents(of: path) == text)
  }

  /// Ways a database file gets damaged on disk.
  enum Damage: CaseIterable, Sendable {
    /// Three pages in the middle overwritten with 0xFF, as a torn write leaves them.
    case tornPages
    /// The second half of the file gone, as a full disk or a bad copy leaves it.
    case truncated

    func apply(to data: inout Data) {
      switch self {
      case .tornPages:
        let page = 4_096
        let start = data.count / 2 / page * page
        data.replaceSubrange(
          start..<start + 3 * page, with: Data(repeating: 0xFF, count: 3 * page))
      case .truncated:
        data.removeLast(data.count / 2)
      }
    }
  }

  @Test("a damaged database is refused, and left byte for byte", arguments: Damage.allCases)
  func refusesADamagedDatabase(damage: Damage) throws {
    try writeValidDatabase()
    try #require(!FileManager.default.fileExists(atPath: path + "-wal"))
    var data = try contents(of: path)
    try #require(data.count > 20 * 4_096)
    damage.apply(to: &data)
    try data.write(to: URL(fileURLWithPath: path))

    let error = #expect(throws: DatabaseError.self) { try ProgressStore(.path(path)) }

    guard case .corrupt(let errorPath, _) = error else {
      Issue.record("expected .corrupt for \(damage), got \(String(describing: error))")
      return
    }
    #expect(errorPath == path)
    #expect(error?.description.contains("is damaged") == true)
    #expect(error?.description.contains("use --db to choose another file") == true)
    #expect(try contents(of: path) == data)
  }

  @Test("another program's SQLite database is refused, not migrated into")
  func refusesAForeignDatabase() throws {
    try SQLiteDatabase(.path(path)).execute("CREATE TABLE notes (body TEXT)")
    let before = try contents(of: path)

    let error = #expect(throws: DatabaseError.self) { try ProgressStore(.path(path)) }

    #expect(error == .foreignDatabase(path: path))
    #expect(try contents(of: path) == before)
  }

  @Test func refusesAMissingFolder() throws {
    let inMissingFolder = folder.file("no-such-folder/progress.db")

    let error = #expect(throws: DatabaseError.self) { try ProgressStore(.path(inMissingFolder)) }

    #expect(
      error
        == .notWritable(
          path: inMissingFolder,
          detail: "the folder \(folder.file("no-such-folder")) does not exist"))
    #expect(!FileManager.default.fileExists(atPath: folder.file("no-such-folder")))
  }

  @Test func refusesAFolderAsTheFile() throws {
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)

    let error = #expect(throws: DatabaseError.self) { try ProgressStore(.path(path)) }

    #expect(error == .notWritable(path: path, detail: "it is a folder"))
  }

  @Test(
    "a read-only folder is refused with a plain reason",
    .enabled(if: TemporaryFolder.permissionsAreEnforced, "chmod does not stop root from writing"))
  func refusesAReadOnlyFolder() throws {
    try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: folder.path)

    let error = #expect(throws: DatabaseError.self) { try ProgressStore(.path(path)) }

    #expect(error == .notWritable(path: path, detail: "the folder \(folder.path) is not writable"))
    #expect(
      error?.description
        == "cannot write progress to \(path): the folder \(folder.path) is not writable. "
        + "Check the permissions of the file and its folder, or use --db to choose another file")
  }

  @Test(
    "a read-only file is refused and left byte for byte",
    .enabled(if: TemporaryFolder.permissionsAreEnforced, "chmod does not stop root from writing"))
  func refusesAReadOnlyFile() throws {
    try writeValidDatabase(commands: 3)
    try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: path)
    let before = try contents(of: path)

    let error = #expect(throws: DatabaseError.self) { try ProgressStore(.path(path)) }

    #expect(error == .notWritable(path: path, detail: "the file is read-only"))
    #expect(try contents(of: path) == before)
  }
}
