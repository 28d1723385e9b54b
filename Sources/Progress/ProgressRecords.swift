import Foundation

/// How a session was started.
package enum SessionMode: String, CaseIterable, Sendable {
  /// A learner at the prompt.
  case interactive
  /// `kubetutor --script`: lines read from a file or stdin.
  case script
}

/// One command line the learner ran, as the store kept it.
package struct CommandRecord: Equatable, Sendable {
  package var id: Int64
  /// The session it ran in, if one was open.
  package var sessionID: Int64?
  package var line: String
  package var exitCode: Int32
  package var startedAt: Date
  package var durationMs: Double
}

/// One acknowledged step of progress: a goal met, a quiz answered, a hint shown.
package struct ProgressEvent: Equatable, Sendable {
  /// What sort of progress an event records.
  package enum Kind: String, CaseIterable, Sendable {
    /// A goal of a step held; the subject names the goal.
    case goal
    /// A quiz question was answered; the detail holds the answer.
    case quiz
    /// A hint was shown.
    case hint
    /// A step of a lesson or scenario was completed.
    case step
    /// A lesson was finished.
    case lesson
    /// A scenario was finished.
    case scenario
  }

  package var id: Int64
  package var kind: Kind
  /// What the event is about, such as `lesson/pods#2` or a quiz question's ID.
  package var subject: String
  package var detail: String?
  package var at: Date
}
