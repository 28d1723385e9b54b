import Foundation
import Tutor

/// `reset lesson ID | scenario ID | cluster | all [--yes]`, as the shell's
/// `reset` and `kubetutor reset` read it, with the words they print.
package struct ResetRequest: Equatable, Sendable {
  package var scope: ResetScope
  /// `--yes` (or `-y`): no question asked.
  package var confirmed: Bool

  package init(scope: ResetScope, confirmed: Bool) {
    self.scope = scope
    self.confirmed = confirmed
  }

  /// The usage line, for errors.
  package static let usage = "usage: reset lesson ID | scenario ID | cluster | all [--yes]"

  /// Reads the words after `reset`; an unknown lesson or scenario (one the
  /// course does not list and the records never named) is an error.
  package static func parse(
    _ words: [String], course: Course, recorded: Set<String>
  ) -> Result<ResetRequest, ResetError> {
    var confirmed = false
    var rest: [String] = []
    for word in words {
      if word == "--yes" || word == "-y" { confirmed = true } else { rest.append(word) }
    }
    if let flag = rest.first(where: { $0.hasPrefix("-") }) {
      return .failure(.unknownFlag(flag))
    }
    switch (rest.first, rest.count) {
    case ("cluster"?, 1): return .success(ResetRequest(scope: .cluster, confirmed: confirmed))
    case ("all"?, 1): return .success(ResetRequest(scope: .all, confirmed: confirmed))
    case ("lesson"?, 2), ("scenario"?, 2):
      let id = rest[1]
      let isLesson = rest[0] == "lesson"
      let listed = (isLesson ? course.lessons : course.scenarios).contains { $0.id == id }
      guard listed || recorded.contains(id) else {
        return .failure(isLesson ? .unknownLesson(id) : .unknownScenario(id))
      }
      return .success(
        ResetRequest(scope: isLesson ? .lesson(id) : .scenario(id), confirmed: confirmed))
    default:
      return .failure(.usage)
    }
  }

  /// The question asked before resetting, ending in `[y/N] `.
  package func question(profile: String, language: Language) -> String {
    let en: String
    let ko: String
    switch scope {
    case .lesson(let id):
      en = "Forget the progress of lesson \(id) for \(profile)?"
      ko = "\(profile)의 레슨 \(id) 진행 기록을 지울까요?"
    case .scenario(let id):
      en = "Forget the progress of scenario \(id) for \(profile)?"
      ko = "\(profile)의 시나리오 \(id) 진행 기록을 지울까요?"
    case .cluster:
      en = "Throw away the saved cluster of \(profile) and start a new one?"
      ko = "\(profile)의 저장된 클러스터를 버리고 새로 만들까요?"
    case .all:
      en = "Forget ALL progress of \(profile): lessons, scenarios, quizzes, commands and cluster?"
      ko = "\(profile)의 모든 진행 기록(레슨, 시나리오, 퀴즈, 명령, 클러스터)을 지울까요?"
    }
    return (language == .ko ? ko : en) + " [y/N] "
  }

  /// What was done, one line.
  package func done(language: Language) -> String {
    let ko = language == .ko
    switch scope {
    case .lesson(let id):
      return ko ? "레슨 \(id)의 진행 기록을 지웠습니다.\n" : "The progress of lesson \(id) was reset.\n"
    case .scenario(let id):
      return ko
        ? "시나리오 \(id)의 진행 기록을 지웠습니다.\n" : "The progress of scenario \(id) was reset.\n"
    case .cluster:
      return ko ? "클러스터를 새로 만들었습니다.\n" : "The cluster was reset: a new one was made.\n"
    case .all:
      return ko ? "모든 진행 기록을 지웠습니다.\n" : "All progress was reset.\n"
    }
  }

  /// Whether a typed reply agrees: `y` or `yes` (or `예`/`네`), any case.
  package static func agrees(_ reply: String?) -> Bool {
    let answer = (reply ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    return ["y", "yes", "예", "네", "ㅇ"].contains(answer)
  }
}

/// Why a `reset` was not done; the wording lives in `message`.
package enum ResetError: Error, Equatable, Sendable {
  case usage
  case unknownFlag(String)
  case unknownLesson(String)
  case unknownScenario(String)
  /// Script mode (or no terminal) and no `--yes`.
  case needsConfirmation
  /// The learner answered no.
  case declined

  package func message(_ language: Language) -> String {
    let ko = language == .ko
    switch self {
    case .usage: return "reset: " + ResetRequest.usage
    case .unknownFlag(let flag):
      return "reset: unknown flag: \(flag)\n" + ResetRequest.usage
    case .unknownLesson(let id):
      return ko ? "reset: '\(id)' 레슨이 없습니다" : "reset: no lesson '\(id)'"
    case .unknownScenario(let id):
      return ko ? "reset: '\(id)' 시나리오가 없습니다" : "reset: no scenario '\(id)'"
    case .needsConfirmation:
      return ko
        ? "reset: 물어볼 터미널이 없어(스크립트 모드) 지우지 않았습니다. 정말 지우려면 --yes를 붙이세요"
        : "reset: refusing to reset without confirmation (script mode, no terminal to ask); "
          + "add --yes to reset"
    case .declined:
      return ko ? "아무것도 지우지 않았습니다." : "Nothing was reset."
    }
  }
}
