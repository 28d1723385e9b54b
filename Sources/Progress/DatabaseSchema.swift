/// What a database file must hold: whose it is and how to bring it up to date.
///
/// Migration `n` (counting from 1) moves a file from `user_version` `n - 1`
/// to `n`. Migrations are appended, never edited: a file written by this
/// build must open in every later one.
package struct DatabaseSchema: Sendable {
  /// Stamped into the header as `PRAGMA application_id`, so a file another
  /// program wrote is never mistaken for an empty one and migrated.
  package var applicationID: Int32
  /// The statements of each migration, oldest first, one statement a string.
  package var migrations: [[String]]

  package init(applicationID: Int32, migrations: [[String]]) {
    self.applicationID = applicationID
    self.migrations = migrations
  }

  /// The newest `user_version` this build can write.
  package var version: Int { migrations.count }

  /// No tables and no stamp: for scratch databases and tests of the wrapper.
  package static let empty = DatabaseSchema(applicationID: 0, migrations: [])
}
