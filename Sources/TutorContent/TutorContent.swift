import Foundation

/// Where the shipped lessons and scenarios are, as bundle resources.
package enum TutorContent {
  package static var lessons: URL? { Bundle.module.url(forResource: "lessons", withExtension: nil) }
  package static var scenarios: URL? { Bundle.module.url(forResource: "scenarios", withExtension: nil) }
}
