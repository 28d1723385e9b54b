import Foundation
import Tutor

/// What kubetutor offers, as progress views list it: lessons by track,
/// then scenarios. Views take it as a value so tests can pass a small one.
package struct Course: Sendable {
  /// One lesson or scenario.
  package struct Entry: Sendable {
    package var id: String
    package var kind: ItemProgress.Kind
    /// The lesson's track; nil for scenarios.
    package var track: String?
    package var title: LocalizedText
    package var steps: Int
    package var quizzes: Int
    /// Lessons to finish first.
    package var requires: [String]

    package init(
      id: String, kind: ItemProgress.Kind, track: String? = nil, title: LocalizedText,
      steps: Int, quizzes: Int = 0, requires: [String] = []
    ) {
      self.id = id
      self.kind = kind
      self.track = track
      self.title = title
      self.steps = steps
      self.quizzes = quizzes
      self.requires = requires
    }
  }

  /// A track: its title and its lessons in order.
  package struct Track: Sendable {
    package var id: String
    package var title: LocalizedText
    package var lessons: [Entry]

    package init(id: String, title: LocalizedText, lessons: [Entry]) {
      self.id = id
      self.title = title
      self.lessons = lessons
    }
  }

  package var tracks: [Track]
  package var scenarios: [Entry]

  package init(tracks: [Track], scenarios: [Entry]) {
    self.tracks = tracks
    self.scenarios = scenarios
  }

  /// The shipped (or `--content`) lessons and the scenarios of a folder,
  /// scenarios sorted by id.
  package init(catalog: LessonCatalog, scenariosDirectory: URL?) {
    tracks = catalog.tracks.map { track in
      Track(
        id: track.id, title: track.title,
        lessons: track.lessonIDs.compactMap { catalog.lessons[$0] }.map {
          Entry(
            id: $0.id, kind: .lesson, track: track.id, title: $0.title, steps: $0.steps.count,
            quizzes: $0.quizCount, requires: $0.requires)
        })
    }
    var scenarios: [Entry] = []
    if let directory = scenariosDirectory,
      let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
    {
      for name in names.sorted() where name.hasSuffix(".yaml") {
        guard let scenario = try? Scenario.load(url: directory.appendingPathComponent(name))
        else { continue }
        scenarios.append(
          Entry(
            id: scenario.id, kind: .scenario, track: nil, title: scenario.title,
            steps: scenario.tasks.count, quizzes: 0, requires: []))
      }
    }
    self.scenarios = scenarios.sorted { $0.id < $1.id }
  }

  /// Lessons in course order.
  package var lessons: [Entry] { tracks.flatMap(\.lessons) }

  /// Every entry: lessons in course order, then scenarios.
  package var entries: [Entry] { lessons + scenarios }
}
