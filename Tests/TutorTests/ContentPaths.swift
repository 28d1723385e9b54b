import Foundation

/// The repository's content folders, found from this file's place.
enum ContentPaths {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let scenarios = root.appendingPathComponent("scenarios")
  static let lessons = root.appendingPathComponent("lessons")

  static func scenario(_ id: String) -> URL { scenarios.appendingPathComponent(id + ".yaml") }
}
