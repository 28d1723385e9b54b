import Foundation

/// What `reset` forgets.
package enum ResetScope: Equatable, Sendable {
  /// One lesson's events, quiz attempts, position and time.
  case lesson(String)
  /// One scenario's events, position and time.
  case scenario(String)
  /// The saved cluster: the next start builds a new one.
  case cluster
  /// Everything the profile has, except the profile and the open session.
  case all
}

extension ProgressStore {
  // MARK: Where the learner is

  /// Remembers the lesson or scenario open now (nil when none), so the
  /// next start reopens it where it was.
  package func setCurrentItem(_ item: String?) throws(DatabaseError) {
    try database.execute(
      "UPDATE profiles SET current_item = ? WHERE id = ? AND current_item IS NOT ?",
      [.text(item), .integer(profileID), .text(item)])
  }

  /// The lesson or scenario open when the shell last ran a command.
  package func currentItem() throws(DatabaseError) -> String? {
    try database.query("SELECT current_item FROM profiles WHERE id = ?", [.integer(profileID)])
      .first?.first?.stringValue
  }

  // MARK: Quiz attempts

  /// Records one answer to a quiz question, right or wrong.
  ///
  /// - Parameter step: The question's step, counting from 1.
  package func recordQuizAttempt(
    item: String, step: Int, question: String, answer: String, correct: Bool
  ) throws(DatabaseError) {
    try database.execute(
      """
      INSERT INTO quiz_attempts (profile_id, course_item, step, question, answer, correct, at)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .integer(profileID), .text(item), .integer(Int64(step)), .text(question), .text(answer),
        .integer(correct ? 1 : 0), timestamp(),
      ])
  }

  // MARK: Reset

  /// Forgets what `scope` covers, in one transaction.
  ///
  /// Commands of a reset lesson stay in the history but no longer count
  /// towards its time.
  package func reset(_ scope: ResetScope) throws(DatabaseError) {
    let profile = SQLiteDatabase.Value.integer(profileID)
    try database.transaction { () throws(DatabaseError) in
      switch scope {
      case .lesson(let item), .scenario(let item):
        try database.execute(
          """
          DELETE FROM progress_events WHERE profile_id = ?
          AND (subject = ?2 OR substr(subject, 1, length(?2) + 1) = ?2 || '#')
          """, [profile, .text(item)])
        for table in ["positions", "quiz_attempts"] {
          try database.execute(
            "DELETE FROM \(table) WHERE profile_id = ? AND course_item = ?", [profile, .text(item)])
        }
        try database.execute(
          "UPDATE commands SET course_item = NULL WHERE profile_id = ? AND course_item = ?",
          [profile, .text(item)])
        try database.execute(
          "UPDATE profiles SET current_item = NULL WHERE id = ? AND current_item = ?",
          [profile, .text(item)])
      case .cluster:
        try database.execute("DELETE FROM cluster_snapshots WHERE profile_id = ?", [profile])
      case .all:
        for table in [
          "progress_events", "positions", "quiz_attempts", "cluster_snapshots", "commands",
        ] {
          try database.execute("DELETE FROM \(table) WHERE profile_id = ?", [profile])
        }
        try database.execute(
          "DELETE FROM sessions WHERE profile_id = ? AND id IS NOT ?",
          [profile, .integer(currentSession)])
        try database.execute("UPDATE profiles SET current_item = NULL WHERE id = ?", [profile])
      }
    }
  }
}
