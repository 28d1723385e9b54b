/// Why the progress database could not be opened or written.
///
/// Each case carries the file it is about and the facts a learner needs; the
/// wording lives in `description`. Every case that stops an open leaves the
/// file exactly as it was.
package enum DatabaseError: Error, Equatable, Sendable {
  /// The file's `user_version` is past the last migration this build knows.
  case newerSchema(path: String, found: Int, known: Int)
  /// The file is not an SQLite database at all, such as a text file.
  case notADatabase(path: String)
  /// The file is an SQLite database that kubetutor did not write.
  case foreignDatabase(path: String)
  /// SQLite found damage, such as torn pages or a truncated file.
  case corrupt(path: String, detail: String)
  /// The file or its folder cannot be created or written.
  case notWritable(path: String, detail: String)
  /// The file to read does not exist or cannot be read.
  case notReadable(path: String)
  /// The disk (or SQLite's page limit) is full; the write was rolled back.
  case full(path: String)
  /// Any other failure, with SQLite's result code and message.
  case sqlite(path: String, code: Int32, message: String)

  /// The file the error is about, or `:memory:`.
  package var path: String {
    switch self {
    case .newerSchema(let path, _, _), .notADatabase(let path), .foreignDatabase(let path),
      .corrupt(let path, _), .notWritable(let path, _), .notReadable(let path), .full(let path),
      .sqlite(let path, _, _):
      path
    }
  }
}

extension DatabaseError: CustomStringConvertible {
  package var description: String {
    switch self {
    case .newerSchema(let path, let found, let known):
      "\(path) was written by a newer kubetutor (schema \(found), this one knows \(known)); "
        + "upgrade kubetutor or use --db to choose another file"
    case .notADatabase(let path):
      "\(path) is not a kubetutor progress database (SQLite: file is not a database); "
        + "it was left untouched. Move it away or use --db to choose another file"
    case .foreignDatabase(let path):
      "\(path) is an SQLite database that kubetutor did not write; it was left untouched. "
        + "Use --db to choose another file"
    case .corrupt(let path, let detail):
      "\(path) is damaged (\(detail)); it was left untouched. Move it away to start afresh, "
        + "or use --db to choose another file"
    case .notWritable(let path, let detail):
      "cannot write progress to \(path): \(detail). Check the permissions of the file and "
        + "its folder, or use --db to choose another file"
    case .notReadable(let path):
      "cannot read \(path): no such file, or it is not readable"
    case .full(let path):
      "cannot write progress to \(path): the disk is full; the last change was not saved "
        + "(the file is intact). Free some space, or use --db to choose another file"
    case .sqlite(let path, let code, let message):
      "\(path): \(message) (SQLite error \(code))"
    }
  }
}
