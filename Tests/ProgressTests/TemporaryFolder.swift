import Foundation

/// A fresh folder under the system's temporary directory, removed with
/// everything in it when the test lets go of it.
final class TemporaryFolder {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("kubetutor-progress-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit {
    // A test may have made the folder read-only; give write access back first.
    try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path)
    try? FileManager.default.removeItem(atPath: path)
  }

  /// The path of `name` inside the folder.
  func file(_ name: String) -> String {
    (path as NSString).appendingPathComponent(name)
  }

  /// Whether a folder with mode 0500 refuses new files here.
  ///
  /// It does not for root (tests run as root in CI), which bypasses
  /// permission bits.
  static let permissionsAreEnforced: Bool = {
    guard let probe = try? TemporaryFolder() else { return false }
    let files = FileManager.default
    guard (try? files.setAttributes([.posixPermissions: 0o500], ofItemAtPath: probe.path)) != nil
    else { return false }
    return !files.createFile(atPath: probe.file("probe"), contents: Data("x".utf8))
  }()
}

/// The bytes of the file at `path`.
func contents(of path: String) throws -> Data {
  try Data(contentsOf: URL(fileURLWithPath: path))
}

/// Overwrites `count` bytes of the file at `path`, starting at `offset`, with `byte`.
func overwrite(_ path: String, at offset: Int, count: Int, with byte: UInt8) throws {
  let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
  defer { try? handle.close() }
  try handle.seek(toOffset: UInt64(offset))
  try handle.write(contentsOf: Data(repeating: byte, count: count))
}
