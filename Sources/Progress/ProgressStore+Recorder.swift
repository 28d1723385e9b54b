import Tutor

/// The SQLite store is the tutor's recorder: every event is committed
/// before the prompt comes back.
extension ProgressStore: ProgressRecorder {
  package func recordProgress(_ kind: ProgressKind, subject: String, detail: String?) {
    guard let kind = ProgressEvent.Kind(rawValue: kind.rawValue) else { return }
    _ = try? record(kind: kind, subject: subject, detail: detail)
  }

  package func savePosition(item: String, step: Int) {
    try? setPosition(item: item, step: step)
  }

  package func savedPosition(item: String) -> Int? {
    (try? position(item: item)) ?? nil
  }

  package func progressEvents(_ kind: ProgressKind) -> [(subject: String, detail: String?)] {
    guard let kind = ProgressEvent.Kind(rawValue: kind.rawValue) else { return [] }
    return ((try? events(kind: kind)) ?? []).map { ($0.subject, $0.detail) }
  }
}

extension ProgressStore {
  package func recordQuizAttempt(
    subject: String, question: String, answer: String, correct: Bool
  ) {
    let parts = subject.split(separator: "#", maxSplits: 1)
    let step = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
    try? recordQuizAttempt(
      item: String(parts.first ?? ""), step: step, question: question, answer: answer,
      correct: correct)
  }
}
