/// Why a file in the working directory could not be read or written.
///
/// `description` is the `strerror` text tools append to the path, as in
/// `cat: x.yaml: No such file or directory`.
package enum FileAccessError: Error, Equatable, Sendable {
  case notFound
  /// The path leaves the shell's root directory.
  case permissionDenied
  case isDirectory
  case notDirectory
  case other(String)
}

extension FileAccessError: CustomStringConvertible {
  package var description: String {
    switch self {
    case .notFound: "No such file or directory"
    case .permissionDenied: "Permission denied"
    case .isDirectory: "Is a directory"
    case .notDirectory: "Not a directory"
    case .other(let message): message
    }
  }
}
