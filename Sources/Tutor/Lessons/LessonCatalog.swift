import Foundation

/// Every lesson, in tracks, as `lessons/catalog.yaml` orders them.
package struct LessonCatalog: Sendable {
  package struct Track: Equatable, Sendable {
    package var id: String
    package var title: LocalizedText
    package var lessonIDs: [String]
  }

  package var tracks: [Track] = []
  package var lessons: [String: Lesson] = [:]

  package init() {}

  /// Lessons in catalog order.
  package var ordered: [Lesson] { tracks.flatMap(\.lessonIDs).compactMap { lessons[$0] } }

  /// The lesson after `id` in catalog order.
  package func lesson(after id: String) -> Lesson? {
    let all = ordered
    guard let index = all.firstIndex(where: { $0.id == id }), index + 1 < all.count else {
      return nil
    }
    return all[index + 1]
  }

  /// Loads `catalog.yaml` and every `ID.yaml` beside it; returns what loaded
  /// and every error (ids are unique, every file is in the catalog, and
  /// every catalog entry has a file).
  package static func load(directory: URL) -> (LessonCatalog, [ContentError]) {
    var catalog = LessonCatalog()
    var errors: [ContentError] = []
    let catalogURL = directory.appendingPathComponent("catalog.yaml")
    guard let text = try? String(contentsOf: catalogURL, encoding: .utf8) else {
      return (catalog, [ContentError(file: catalogURL.path, line: 1, column: 1, message: "missing catalog.yaml")])
    }
    let reader = ContentReader(file: catalogURL.path, text: text)
    reader.mapping([], allowed: ["tracks"], required: ["tracks"])
    for index in (reader.array(["tracks"]) ?? []).indices {
      let path = ["tracks", String(index)]
      reader.mapping(path, allowed: ["id", "title", "lessons"], required: ["id", "title", "lessons"])
      let ids = (reader.array(path + ["lessons"]) ?? []).indices.compactMap {
        reader.string(path + ["lessons", String($0)])
      }
      catalog.tracks.append(
        Track(
          id: reader.string(path + ["id"]) ?? "", title: reader.text(path + ["title"]) ?? LocalizedText(""),
          lessonIDs: ids))
    }
    errors += reader.errors
    let listed = catalog.tracks.flatMap(\.lessonIDs)
    var seen: Set<String> = []
    for id in listed where !seen.insert(id).inserted {
      errors.append(ContentError(file: catalogURL.path, line: 1, column: 1, message: "lesson '\(id)' is listed twice"))
    }
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
      .filter { $0.hasSuffix(".yaml") && $0 != "catalog.yaml" }.sorted()
    for name in files {
      let url = directory.appendingPathComponent(name)
      let id = String(name.dropLast(5))
      guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
      do {
        let lesson = try Lesson.load(file: url.path, text: text)
        if lesson.id != id {
          errors.append(ContentError(file: url.path, line: 1, column: 1, message: "the id '\(lesson.id)' differs from the file name '\(id)'"))
        }
        if !listed.contains(lesson.id) {
          errors.append(ContentError(file: url.path, line: 1, column: 1, message: "lesson '\(lesson.id)' is not in catalog.yaml"))
        }
        catalog.lessons[lesson.id] = lesson
      } catch {
        errors += error.errors
      }
    }
    for id in listed where catalog.lessons[id] == nil && !files.contains(id + ".yaml") {
      errors.append(ContentError(file: catalogURL.path, line: 1, column: 1, message: "catalog lists '\(id)' but there is no \(id).yaml"))
    }
    for lesson in catalog.lessons.values {
      for required in lesson.requires where !listed.contains(required) {
        errors.append(ContentError(file: lesson.file, line: 1, column: 1, message: "requires unknown lesson '\(required)'"))
      }
    }
    return (catalog, errors)
  }
}
