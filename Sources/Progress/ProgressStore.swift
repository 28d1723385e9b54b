import Foundation

/// One learner's progress in a SQLite file: sessions, commands, cluster
/// snapshots, progress events and where each lesson was left.
///
/// Every write is one short transaction, committed before the method
/// returns, so killing the process loses nothing already acknowledged.
/// Several stores, in this process or others, may share one file.
package final class ProgressStore {
  /// The connection, for reports and exports that read the tables directly.
  package let database: SQLiteDatabase
  /// The learner whose rows this store reads and writes.
  package let profile: String
  /// The session `recordCommand` attaches commands to, if one is open.
  package private(set) var currentSession: Int64?
  /// The profile's row in `profiles`.
  package let profileID: Int64
  let now: () -> Date

  /// Opens (creating and migrating as needed) the database at `location`
  /// and the profile named `profile`, creating it on first use.
  ///
  /// - Parameters:
  ///   - location: The database file, or `.memory`.
  ///   - profile: The learner's name; `--profile` chooses it.
  ///   - now: The clock stamped on rows; tests pass a fixed one.
  /// - Throws: `DatabaseError` when the file cannot be used; it is then left as it was.
  package init(
    _ location: SQLiteDatabase.Location, profile: String = "default",
    now: @escaping () -> Date = Date.init
  ) throws(DatabaseError) {
    let database = try SQLiteDatabase(location, schema: .progress)
    self.database = database
    self.profile = profile
    self.now = now
    profileID = try database.transaction { () throws(DatabaseError) -> Int64 in
      try database.execute(
        "INSERT INTO profiles (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
        [.text(profile), .real(now().timeIntervalSince1970)])
      return try database.integer("SELECT id FROM profiles WHERE name = ?", [.text(profile)])
    }
  }

  // MARK: Sessions

  /// Opens a session; later commands belong to it until it ends.
  @discardableResult
  package func startSession(mode: SessionMode) throws(DatabaseError) -> Int64 {
    let id = try database.integer(
      "INSERT INTO sessions (profile_id, started_at, mode) VALUES (?, ?, ?) RETURNING id",
      [.integer(profileID), timestamp(), .text(mode.rawValue)])
    currentSession = id
    return id
  }

  /// Stamps the session's end; commands recorded afterwards belong to no session.
  package func endSession(_ id: Int64) throws(DatabaseError) {
    try database.execute(
      "UPDATE sessions SET ended_at = ? WHERE id = ? AND profile_id = ?",
      [timestamp(), .integer(id), .integer(profileID)])
    if currentSession == id { currentSession = nil }
  }

  // MARK: Commands

  /// Records one command line in the current session, committed before
  /// this returns; returns its row ID.
  @discardableResult
  ///
  /// - Parameter courseItem: The lesson or scenario open when the line was
  ///   typed; its time is added up from these rows.
  package func recordCommand(
    line: String, exitCode: Int32, startedAt: Date, durationMs: Double, courseItem: String? = nil
  ) throws(DatabaseError) -> Int64 {
    try database.integer(
      """
      INSERT INTO commands
        (profile_id, session_id, line, exit_code, started_at, duration_ms, course_item)
      VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
      """,
      [
        .integer(profileID), .integer(currentSession), .text(line), .integer(Int64(exitCode)),
        .real(startedAt.timeIntervalSince1970), .real(durationMs), .text(courseItem),
      ])
  }

  /// The profile's last `limit` commands, from every session and process,
  /// oldest first.
  package func recentCommands(limit: Int) throws(DatabaseError) -> [CommandRecord] {
    let rows = try database.query(
      """
      SELECT id, session_id, line, exit_code, started_at, duration_ms FROM commands
      WHERE profile_id = ? ORDER BY id DESC LIMIT ?
      """,
      [.integer(profileID), .integer(Int64(limit))])
    return try rows.reversed().map { (row) throws(DatabaseError) in
      CommandRecord(
        id: try field(row[0], \.int64Value),
        sessionID: row[1].int64Value,
        line: try field(row[2], \.stringValue),
        exitCode: Int32(truncatingIfNeeded: try field(row[3], \.int64Value)),
        startedAt: Date(timeIntervalSince1970: try field(row[4], \.doubleValue)),
        durationMs: try field(row[5], \.doubleValue))
    }
  }

  // MARK: Cluster snapshots

  /// Saves the cluster's state under `name`, replacing an older one.
  ///
  /// The bytes are opaque here; the cluster encodes and decodes them.
  package func saveSnapshot(name: String, data: Data) throws(DatabaseError) {
    try database.execute(
      """
      INSERT INTO cluster_snapshots (profile_id, name, saved_at, data) VALUES (?, ?, ?, ?)
      ON CONFLICT (profile_id, name) DO UPDATE SET saved_at = excluded.saved_at, data = excluded.data
      """,
      [.integer(profileID), .text(name), timestamp(), .blob(data)])
  }

  /// The snapshot saved under `name`, or nil if there is none.
  package func loadSnapshot(name: String) throws(DatabaseError) -> Data? {
    let rows = try database.query(
      "SELECT data FROM cluster_snapshots WHERE profile_id = ? AND name = ?",
      [.integer(profileID), .text(name)])
    guard let row = rows.first else { return nil }
    return try field(row[0], \.dataValue)
  }

  /// The names of the saved snapshots and when each was saved, by name.
  package func snapshots() throws(DatabaseError) -> [(name: String, savedAt: Date)] {
    let rows = try database.query(
      "SELECT name, saved_at FROM cluster_snapshots WHERE profile_id = ? ORDER BY name",
      [.integer(profileID)])
    return try rows.map { (row) throws(DatabaseError) in
      (try field(row[0], \.stringValue), Date(timeIntervalSince1970: try field(row[1], \.doubleValue)))
    }
  }

  // MARK: Progress events

  /// Records one acknowledged event; returns its row ID.
  @discardableResult
  package func record(kind: ProgressEvent.Kind, subject: String, detail: String? = nil)
    throws(DatabaseError) -> Int64
  {
    try database.integer(
      """
      INSERT INTO progress_events (profile_id, kind, subject, detail, at)
      VALUES (?, ?, ?, ?, ?) RETURNING id
      """,
      [.integer(profileID), .text(kind.rawValue), .text(subject), .text(detail), timestamp()])
  }

  /// The profile's events of `kind` (every kind when nil), oldest first.
  ///
  /// Events of kinds this build does not know, written by a newer one, are skipped.
  package func events(kind: ProgressEvent.Kind? = nil) throws(DatabaseError) -> [ProgressEvent] {
    let rows = try database.query(
      """
      SELECT id, kind, subject, detail, at FROM progress_events
      WHERE profile_id = ? AND (?2 IS NULL OR kind = ?2) ORDER BY id
      """,
      [.integer(profileID), .text(kind?.rawValue)])
    var events: [ProgressEvent] = []
    for row in rows {
      guard let kind = row[1].stringValue.flatMap(ProgressEvent.Kind.init(rawValue:)) else {
        continue
      }
      events.append(
        ProgressEvent(
          id: try field(row[0], \.int64Value), kind: kind,
          subject: try field(row[2], \.stringValue),
          detail: row[3].stringValue,
          at: Date(timeIntervalSince1970: try field(row[4], \.doubleValue))))
    }
    return events
  }

  // MARK: Positions

  /// Remembers that the learner stands at `step` of `item`, such as a lesson.
  package func setPosition(item: String, step: Int) throws(DatabaseError) {
    try database.execute(
      """
      INSERT INTO positions (profile_id, course_item, step, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (profile_id, course_item)
      DO UPDATE SET step = excluded.step, updated_at = excluded.updated_at
      """,
      [.integer(profileID), .text(item), .integer(Int64(step)), timestamp()])
  }

  /// The step the learner last stood at in `item`, or nil if never started.
  package func position(item: String) throws(DatabaseError) -> Int? {
    let rows = try database.query(
      "SELECT step FROM positions WHERE profile_id = ? AND course_item = ?",
      [.integer(profileID), .text(item)])
    guard let row = rows.first else { return nil }
    return Int(try field(row[0], \.int64Value))
  }

  // MARK: Helpers

  func timestamp() -> SQLiteDatabase.Value {
    .real(now().timeIntervalSince1970)
  }

  /// Reads a column the schema declares `NOT NULL` with a known type; any
  /// other value means the file was damaged or edited by hand.
  func field<T>(_ value: SQLiteDatabase.Value, _ read: KeyPath<SQLiteDatabase.Value, T?>)
    throws(DatabaseError) -> T
  {
    guard let result = value[keyPath: read] else {
      throw .corrupt(path: database.location.description, detail: "unexpected value \(value)")
    }
    return result
  }
}
