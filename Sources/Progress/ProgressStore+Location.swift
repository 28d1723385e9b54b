import Foundation

extension ProgressStore {
  /// kubetutor's data folder: `$XDG_DATA_HOME/kubetutor`, else
  /// `~/.local/share/kubetutor`.
  ///
  /// As the XDG spec asks, an empty or relative `XDG_DATA_HOME` is ignored.
  package static func dataFolder(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String {
    if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
      return (dataHome as NSString).appendingPathComponent("kubetutor")
    }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return (home as NSString).appendingPathComponent(".local/share/kubetutor")
  }

  /// The database used when `--db` is not given: `progress.db` in
  /// ``dataFolder(environment:)``, whose folders are created, private to
  /// the user (0700), when missing.
  package static func defaultDatabasePath(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(DatabaseError) -> String {
    let folder = dataFolder(environment: environment)
    let path = (folder as NSString).appendingPathComponent("progress.db")
    do {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    } catch {
      throw .notWritable(path: path, detail: "cannot create the folder \(folder)")
    }
    return path
  }
}
