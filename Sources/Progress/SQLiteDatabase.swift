import CSQLite
import Foundation

/// A thin, synchronous SQLite connection: just enough for progress records.
///
/// Opening checks the file before anything is written to it: a file that is
/// not a database, is damaged, belongs to another program or was written by
/// a newer kubetutor is reported and left byte for byte as it was. Only then
/// does the connection switch to WAL and run the schema's migrations.
///
/// Values always travel as bound parameters; they are never spliced into SQL.
/// One connection belongs to one thread at a time.
package final class SQLiteDatabase {
  /// Where the database lives; `.memory` keeps tests hermetic.
  package enum Location: Equatable, Sendable, CustomStringConvertible {
    case path(String)
    case memory

    /// The path, or `:memory:`, as error messages name it.
    package var description: String {
      switch self {
      case .path(let path): path
      case .memory: ":memory:"
      }
    }
  }

  /// How long a statement waits for another connection's write lock.
  package static let busyTimeoutMilliseconds: Int32 = 5_000

  package let location: Location
  /// The file's schema version once opened: the newest for a writable
  /// connection, the file's own for a read-only one.
  package private(set) var version = 0
  private let handle: OpaquePointer

  /// Opens the database at `location`, creating the file if it is missing,
  /// checks it and applies the migrations of `schema` it lacks.
  ///
  /// With `readOnly`, the file must exist; it is checked but never written:
  /// no WAL switch, no migrations (readers cope with older versions).
  package init(_ location: Location, schema: DatabaseSchema = .empty, readOnly: Bool = false)
    throws(DatabaseError)
  {
    if case .path(let path) = location {
      if readOnly {
        guard FileManager.default.isReadableFile(atPath: path) else {
          throw .notReadable(path: path)
        }
      } else {
        try Self.checkWritable(path)
      }
    }
    var opened: OpaquePointer?
    let flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
    let code = sqlite3_open_v2(location.description, &opened, flags, nil)
    guard let opened else {
      throw .sqlite(path: location.description, code: code, message: "out of memory")
    }
    self.location = location
    self.handle = opened
    guard code == SQLITE_OK else { throw failure(code) }
    sqlite3_busy_timeout(handle, Self.busyTimeoutMilliseconds)
    if readOnly {
      try checkIntegrity()
      version = Int(try checkOwnership(schema))
      return
    }
    if sqlite3_db_readonly(handle, "main") == 1 {
      throw .notWritable(path: location.description, detail: "the file is read-only")
    }
    // Another process may be creating or migrating the same new file right
    // now: SQLite answers "busy" without waiting while it switches the
    // journal mode, so the opening steps are tried again for a while.
    try retryingWhileBusy { () throws(DatabaseError) in
      // Read-only checks first, on one snapshot: nothing below may change a
      // file we refuse, and a half-seen migration must not look foreign.
      let found = try readTransaction { () throws(DatabaseError) -> Int64 in
        try checkIntegrity()
        return try checkOwnership(schema)
      }
      // WAL lets several kubetutor processes share one file; NORMAL
      // synchronisation in WAL mode loses nothing when the process is killed.
      try execute("PRAGMA journal_mode = WAL")
      try execute("PRAGMA synchronous = NORMAL")
      try execute("PRAGMA foreign_keys = ON")
      try migrate(schema, from: found)
    }
    version = schema.version
  }

  /// Runs `body` again while SQLite reports the file busy or locked, for up
  /// to ``busyTimeoutMilliseconds`` in all.
  private func retryingWhileBusy<T>(_ body: () throws(DatabaseError) -> T) throws(DatabaseError)
    -> T
  {
    let deadline = Date().addingTimeInterval(Double(Self.busyTimeoutMilliseconds) / 1000)
    while true {
      do {
        return try body()
      } catch .sqlite(_, let code, _)
        where (code & 0xff == SQLITE_BUSY || code & 0xff == SQLITE_LOCKED) && Date() < deadline
      {
        usleep(20_000)
      }
    }
  }

  /// Runs `body` inside a deferred (read) transaction, so that its reads see
  /// one consistent state of the file.
  private func readTransaction<T>(_ body: () throws(DatabaseError) -> T) throws(DatabaseError)
    -> T
  {
    try execute("BEGIN")
    do {
      let result = try body()
      try execute("COMMIT")
      return result
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }

  deinit {
    sqlite3_close_v2(handle)
  }

  // MARK: Statements

  /// Runs one statement, binding `values` to its `?` placeholders in order.
  ///
  /// Rows the statement returns are read and dropped.
  package func execute(_ sql: String, _ values: [Value] = []) throws(DatabaseError) {
    _ = try query(sql, values)
  }

  /// Runs one statement with `values` bound to its `?` placeholders and
  /// returns its rows, each a list of column values in `SELECT` order.
  package func query(_ sql: String, _ values: [Value] = []) throws(DatabaseError) -> [[Value]] {
    let statement = try prepare(sql)
    defer { sqlite3_finalize(statement) }
    try bind(values, to: statement)
    var rows: [[Value]] = []
    while true {
      let code = sqlite3_step(statement)
      switch code {
      case SQLITE_ROW:
        rows.append((0..<sqlite3_column_count(statement)).map { column(statement, $0) })
      case SQLITE_DONE:
        return rows
      default:
        throw failure(code)
      }
    }
  }

  /// Runs `body` inside `BEGIN IMMEDIATE` … `COMMIT`, rolling back if it throws.
  ///
  /// `IMMEDIATE` takes the write lock up front, so two processes never
  /// deadlock upgrading a read to a write; a busy lock is waited for up to
  /// ``busyTimeoutMilliseconds``. Transactions do not nest.
  package func transaction<T>(_ body: () throws(DatabaseError) -> T) throws(DatabaseError) -> T {
    precondition(sqlite3_get_autocommit(handle) != 0, "SQLite transactions do not nest")
    try execute("BEGIN IMMEDIATE")
    do {
      let result = try body()
      try execute("COMMIT")
      return result
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }

  /// The single integer a statement such as `PRAGMA user_version` returns.
  package func integer(_ sql: String, _ values: [Value] = []) throws(DatabaseError) -> Int64 {
    guard let value = try query(sql, values).first?.first?.int64Value else {
      throw .sqlite(
        path: location.description, code: SQLITE_MISMATCH, message: "no integer from \(sql)")
    }
    return value
  }

  // MARK: Opening

  /// Refuses early, with a plain reason, a path SQLite could not write.
  ///
  /// SQLite keeps its WAL and shared-memory files beside the database, so
  /// the folder must be writable as well as the file.
  private static func checkWritable(_ path: String) throws(DatabaseError) {
    let files = FileManager.default
    let folder = (path as NSString).deletingLastPathComponent
    let folderPath = folder.isEmpty ? "." : folder
    var isFolder: ObjCBool = false
    guard files.fileExists(atPath: folderPath, isDirectory: &isFolder), isFolder.boolValue else {
      throw .notWritable(path: path, detail: "the folder \(folderPath) does not exist")
    }
    guard files.isWritableFile(atPath: folderPath) else {
      throw .notWritable(path: path, detail: "the folder \(folderPath) is not writable")
    }
    guard files.fileExists(atPath: path, isDirectory: &isFolder) else { return }
    if isFolder.boolValue {
      throw .notWritable(path: path, detail: "it is a folder")
    }
    guard files.isWritableFile(atPath: path) else {
      throw .notWritable(path: path, detail: "the file is read-only")
    }
  }

  /// Reads every page's header with `PRAGMA quick_check`: a text file fails
  /// with `SQLITE_NOTADB`, torn or truncated pages with `SQLITE_CORRUPT` or
  /// a report other than `ok`.
  private func checkIntegrity() throws(DatabaseError) {
    let report = try query("PRAGMA quick_check").compactMap { $0.first?.stringValue }
    guard report == ["ok"] else {
      throw .corrupt(path: location.description, detail: report.prefix(3).joined(separator: "; "))
    }
  }

  /// Accepts a file stamped with the schema's application ID, or one with
  /// no tables and no stamp yet (new or empty); refuses other programs'
  /// databases and schemas newer than the code.
  ///
  /// - Returns: The file's `user_version`.
  private func checkOwnership(_ schema: DatabaseSchema) throws(DatabaseError) -> Int64 {
    let path = location.description
    let owner = try integer("PRAGMA application_id")
    let version = try integer("PRAGMA user_version")
    if owner != Int64(schema.applicationID) {
      guard owner == 0, version == 0, try integer("SELECT count(*) FROM sqlite_schema") == 0
      else { throw .foreignDatabase(path: path) }
    }
    guard version <= schema.version else {
      throw .newerSchema(path: path, found: Int(version), known: schema.version)
    }
    return version
  }

  /// Applies each missing migration in its own transaction, stamping the
  /// new `user_version` and the application ID in the same commit.
  ///
  /// The version is read again under the write lock, so two processes
  /// opening a new file at once apply each migration exactly once.
  private func migrate(_ schema: DatabaseSchema, from version: Int64) throws(DatabaseError) {
    for (index, statements) in zip(Int64(1)..., schema.migrations) where index > version {
      try transaction { () throws(DatabaseError) in
        guard try integer("PRAGMA user_version") < index else { return }
        for sql in statements { try execute(sql) }
        // Pragmas take no parameters; both numbers come from the code.
        try execute("PRAGMA user_version = \(index)")
        try execute("PRAGMA application_id = \(schema.applicationID)")
      }
    }
  }

  // MARK: The C API

  /// Compiles exactly one statement; trailing statements are an error, not
  /// silently skipped.
  private func prepare(_ sql: String) throws(DatabaseError) -> OpaquePointer {
    var statement: OpaquePointer?
    var extra = false
    let code = sql.withCString { text in
      var tail: UnsafePointer<CChar>?
      let code = sqlite3_prepare_v2(handle, text, -1, &statement, &tail)
      extra = tail.map { String(cString: $0).contains { !$0.isWhitespace && $0 != ";" } } ?? false
      return code
    }
    guard code == SQLITE_OK else { throw failure(code) }
    guard let statement, !extra else {
      sqlite3_finalize(statement)
      throw .sqlite(
        path: location.description, code: SQLITE_MISUSE,
        message: "expected exactly one SQL statement in: \(sql)")
    }
    return statement
  }

  private func bind(_ values: [Value], to statement: OpaquePointer) throws(DatabaseError) {
    let expected = Int(sqlite3_bind_parameter_count(statement))
    guard expected == values.count else {
      throw .sqlite(
        path: location.description, code: SQLITE_RANGE,
        message: "the statement takes \(expected) values, \(values.count) given")
    }
    for (index, value) in zip(Int32(1)..., values) {
      let code: Int32
      switch value {
      case .integer(let number):
        code = sqlite3_bind_int64(statement, index, number)
      case .real(let number):
        code = sqlite3_bind_double(statement, index, number)
      case .text(let text):
        code = sqlite3_bind_text64(
          statement, index, text, UInt64(text.utf8.count), kt_sqlite_transient(),
          UInt8(SQLITE_UTF8))
      case .blob(let data):
        code = data.withUnsafeBytes { bytes in
          guard let base = bytes.baseAddress else {
            return sqlite3_bind_zeroblob(statement, index, 0)
          }
          return sqlite3_bind_blob64(
            statement, index, base, UInt64(bytes.count), kt_sqlite_transient())
        }
      case .null:
        code = sqlite3_bind_null(statement, index)
      }
      guard code == SQLITE_OK else { throw failure(code) }
    }
  }

  private func column(_ statement: OpaquePointer, _ index: Int32) -> Value {
    switch sqlite3_column_type(statement, index) {
    case SQLITE_INTEGER:
      return .integer(sqlite3_column_int64(statement, index))
    case SQLITE_FLOAT:
      return .real(sqlite3_column_double(statement, index))
    case SQLITE_TEXT:
      let text = sqlite3_column_text(statement, index)
      let count = Int(sqlite3_column_bytes(statement, index))
      return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
    case SQLITE_BLOB:
      let bytes = sqlite3_column_blob(statement, index)
      let count = Int(sqlite3_column_bytes(statement, index))
      return .blob(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    default:
      return .null
    }
  }

  /// Turns a result code into the error a learner can act on, naming the file.
  private func failure(_ code: Int32) -> DatabaseError {
    let path = location.description
    let message = String(cString: sqlite3_errmsg(handle))
    switch code & 0xff {
    case SQLITE_NOTADB: return .notADatabase(path: path)
    case SQLITE_CORRUPT: return .corrupt(path: path, detail: message)
    case SQLITE_FULL: return .full(path: path)
    case SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM:
      return .notWritable(path: path, detail: message)
    default: return .sqlite(path: path, code: code, message: message)
    }
  }
}
