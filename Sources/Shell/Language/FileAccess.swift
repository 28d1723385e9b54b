/// How text tools read files, such as `cat pods.txt` or `grep web notes.txt`.
///
/// Tools receive this instead of touching the file system, so they stay
/// pure functions and tests can hand them files from a dictionary.
package struct FileAccess: Sendable {
  /// What a path names.
  package enum Kind: Equatable, Sendable {
    case file
    case directory
  }

  /// Reads the text at a path as the learner typed it.
  package var read: @Sendable (String) -> Result<String, FileAccessError>
  /// What the path names, or `nil` when nothing is there.
  package var kind: @Sendable (String) -> Kind?

  package init(
    read: @escaping @Sendable (String) -> Result<String, FileAccessError>,
    kind: @escaping @Sendable (String) -> Kind? = { _ in nil }
  ) {
    self.read = read
    self.kind = kind
  }

  /// Files held in memory, keyed by path; for tests.
  package static func files(_ files: [String: String]) -> FileAccess {
    FileAccess(
      read: { path in files[path].map { .success($0) } ?? .failure(.notFound) },
      kind: { path in files[path] == nil ? nil : .file })
  }

  /// No files at all.
  package static let none = files([:])

  /// The text at `path`.
  package func contents(of path: String) throws(FileAccessError) -> String {
    try read(path).get()
  }
}
