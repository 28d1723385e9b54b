import Foundation

/// The state a shell keeps between commands: variables, the last exit
/// status and the working directory.
///
/// Commands see the context and may change it, as `cd` and `export` do.
/// Files are confined to `rootDirectory`: a path that leaves it by `..` or
/// an absolute path is refused with `Permission denied`.
package struct ShellContext: Sendable {
  /// Shell variables by name.
  package var variables: [String: String]
  /// The names of variables passed to commands as their environment.
  package var exportedNames: Set<String>
  /// `$?`: the exit status of the last command.
  package var lastExitStatus: Int32 = 0
  /// Where relative paths start; always inside `rootDirectory`.
  package var workingDirectory: URL
  /// The directory nothing may escape.
  package var rootDirectory: URL
  /// `$1`, `$2`, …; empty in an interactive shell.
  package var positionalParameters: [String] = []
  /// Whether the running command was started with `&`.
  package var runsInBackground = false
  /// How many background jobs have been started, for `[N] PID`.
  package var backgroundJobs = 0

  package init(workingDirectory: URL, rootDirectory: URL? = nil, variables: [String: String] = [:])
  {
    self.workingDirectory = workingDirectory
    self.rootDirectory = rootDirectory ?? workingDirectory
    self.variables = variables
    exportedNames = Set(variables.keys)
  }

  /// The exported variables, as a command's environment.
  package var environment: [String: String] {
    variables.filter { exportedNames.contains($0.key) }
  }

  /// Turns a path as typed into an absolute, normalized path.
  package func absolutePath(_ path: String) -> String {
    let joined = path.hasPrefix("/") ? path : workingDirectory.path + "/" + path
    var components: [Substring] = []
    for component in joined.split(separator: "/", omittingEmptySubsequences: true) {
      switch component {
      case ".": continue
      case "..": _ = components.popLast()
      default: components.append(component)
      }
    }
    return "/" + components.joined(separator: "/")
  }

  /// The file URL for a path as typed, if it stays inside the root.
  package func resolve(_ path: String) throws(FileAccessError) -> URL {
    let absolute = absolutePath(path)
    let root = absolutePath(rootDirectory.path)
    guard absolute == root || absolute.hasPrefix(root == "/" ? "/" : root + "/") else {
      throw .permissionDenied
    }
    return URL(fileURLWithPath: absolute)
  }

  /// What `path` names, or `nil` when nothing is there or it is outside.
  package func kind(of path: String) -> FileAccess.Kind? {
    guard let url = try? resolve(path) else { return nil }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      return nil
    }
    return isDirectory.boolValue ? .directory : .file
  }

  /// Reads a text file, such as a manifest named in `kubectl apply -f`.
  ///
  /// `/dev/null` reads as empty.
  package func readFile(_ path: String) throws(FileAccessError) -> String {
    if path == "/dev/null" { return "" }
    let url = try resolve(path)
    switch kind(of: path) {
    case nil: throw .notFound
    case .directory: throw .isDirectory
    case .file: break
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw .permissionDenied
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// File access for text tools, resolved against this context.
  package var fileAccess: FileAccess {
    let context = self
    return FileAccess(
      read: { path in Result { () throws(FileAccessError) -> String in try context.readFile(path) }
      },
      kind: { path in context.kind(of: path) })
  }
}
