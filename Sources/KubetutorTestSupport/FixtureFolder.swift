import Foundation

/// A folder of fixture files under the system's temporary directory, at a
/// fixed name so both kubetutor and the real kubectl read them by the same
/// absolute path (and so the commands that name them compare equal).
package enum FixtureFolder {
  /// Writes `files` (name to contents) into the folder `name` and returns
  /// its path. Writing again with the same contents is harmless, so suites
  /// may each call it once from a static.
  package static func make(_ name: String, files: [String: String]) -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(name)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    for (file, text) in files {
      try? text.write(to: url.appendingPathComponent(file), atomically: true, encoding: .utf8)
    }
    return url.path
  }
}
