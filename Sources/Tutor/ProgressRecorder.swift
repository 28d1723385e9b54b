/// The kinds of progress the tutor reports.
package enum ProgressKind: String, Sendable {
  case goal, quiz, hint, step, lesson, scenario
}

/// Receives every event the learner has seen acknowledged.
///
/// Declared here, implemented by the Progress module, so Tutor never sees
/// SQL and its tests use an in-memory recorder.
package protocol ProgressRecorder: AnyObject {
  func recordProgress(_ kind: ProgressKind, subject: String, detail: String?)
  func savePosition(item: String, step: Int)
  func savedPosition(item: String) -> Int?
  /// Subjects and details of the recorded events of a kind, oldest first.
  func progressEvents(_ kind: ProgressKind) -> [(subject: String, detail: String?)]
  /// One answer to a quiz question (subject `LESSON#STEP`), with the
  /// question as the learner read it.
  func recordQuizAttempt(subject: String, question: String, answer: String, correct: Bool)
}

extension ProgressRecorder {
  /// Recorders that keep only events may ignore the question text.
  package func recordQuizAttempt(
    subject: String, question: String, answer: String, correct: Bool
  ) {}
}

/// A recorder that keeps everything in memory: for tests and script mode.
package final class MemoryProgressRecorder: ProgressRecorder {
  package private(set) var events: [(kind: ProgressKind, subject: String, detail: String?)] = []
  package private(set) var positions: [String: Int] = [:]

  package init() {}

  package func recordProgress(_ kind: ProgressKind, subject: String, detail: String?) {
    events.append((kind, subject, detail))
  }

  package func savePosition(item: String, step: Int) { positions[item] = step }

  package func savedPosition(item: String) -> Int? { positions[item] }

  package func progressEvents(_ kind: ProgressKind) -> [(subject: String, detail: String?)] {
    events.filter { $0.kind == kind }.map { ($0.subject, $0.detail) }
  }
}
