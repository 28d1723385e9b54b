import Foundation
import Shell
import Testing
import Tutor

/// Every shipped lesson loads without errors, in both languages, and each
/// `try` step's solution turns its goals from unmet to met.
@Suite("Shipped lessons")
struct LessonContentTests {
  static let loaded = LessonCatalog.load(directory: ContentPaths.lessons)

  /// Lessons written ahead of the cluster features their hands-on steps need.
  static let pending: [String: String] = [:]

  static var playable: [String] { loaded.0.ordered.map(\.id).filter { pending[$0] == nil } }

  @Test("the catalog and every lesson load without errors")
  func loads() {
    let (catalog, errors) = Self.loaded

    #expect(errors.map(\.description) == [])
    #expect(catalog.ordered.count == catalog.lessons.count)
    #expect(catalog.ordered.count >= 24)
    #expect(Set(Self.pending.keys).isSubset(of: Set(catalog.lessons.keys)))
  }

  @Test(
    "each try step's solution meets its goals, which were unmet before",
    arguments: playable)
  func plays(id: String) throws {
    let lesson = try #require(Self.loaded.0.lessons[id])

    let report = LessonTester.test(lesson, player: ShellScriptPlayer())

    #expect(report.passed, "\(report.lines.joined(separator: "\n"))")
  }
}
