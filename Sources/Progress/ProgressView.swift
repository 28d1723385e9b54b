import Foundation
import Tutor

/// The learner's page of `kubetutor progress` and the shell's `progress`:
/// per track a bar and the lessons done out of all, quiz scores, hints and
/// time per lesson, totals, and the lesson to take next.
package enum ProgressView {
  /// Width of a track's bar, in cells.
  static let barWidth = 20

  package static func text(
    _ progress: LearnerProgress, course: Course, language: Language
  ) -> String {
    func t(_ en: String, _ ko: String) -> String { language == .ko ? ko : en }
    let items = progress.items(in: course)
    let byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let totals = ProgressTotals(items: items, commands: progress.commands)
    var text = t("Progress of \(progress.profile)\n", "\(progress.profile)의 진행 상황\n")
    let width = max(22, (course.entries.map(\.id.count).max() ?? 0) + 2)

    func line(_ item: ItemProgress) -> String {
      let mark = item.status == .done ? "✓" : item.status == .inProgress ? "▸" : " "
      var line = "  \(mark) " + item.id.padding(toLength: width, withPad: " ", startingAt: 0)
      guard item.status != .notStarted else { return line + t("not started", "시작 전") + "\n" }
      if item.kind == .lesson {
        let quiz = "\(item.quizFirstTry)/\(item.quizQuestions)"
        line += (t("quiz ", "퀴즈 ") + quiz).padding(toLength: 10, withPad: " ", startingAt: 0)
      }
      line += (t("hints ", "힌트 ") + "\(item.hints)").padding(
        toLength: 10, withPad: " ", startingAt: 0)
      line += duration(item.seconds).padding(toLength: 8, withPad: " ", startingAt: 0)
      switch item.status {
      case .done:
        line += item.kind == .lesson ? t("done", "완료") : t("solved", "해결")
        if item.overTimeLimit == true { line += t(" (over the time limit)", " (제한 시간 초과)") }
      case .inProgress:
        let step = item.step ?? 1
        line += t("step \(step) of \(item.steps)", "\(item.steps)단계 중 \(step)단계")
      case .notStarted:
        break
      }
      return line + "\n"
    }

    for track in course.tracks {
      let done = track.lessons.filter { byID[$0.id]?.status == .done }.count
      text += "\n\(track.title.text(language))  \(bar(done: done, total: track.lessons.count)) "
      text += t("\(done)/\(track.lessons.count) lessons\n", "레슨 \(done)/\(track.lessons.count)\n")
      for entry in track.lessons { if let item = byID[entry.id] { text += line(item) } }
    }
    let scenarios = items.filter { $0.kind == .scenario }
    let solved = scenarios.filter { $0.status == .done }.count
    text += "\n" + t("Scenarios", "시나리오") + "  \(bar(done: solved, total: scenarios.count)) "
    text += t("\(solved)/\(scenarios.count) solved\n", "해결 \(solved)/\(scenarios.count)\n")
    let touched = scenarios.filter { $0.status != .notStarted }
    for item in touched { text += line(item) }
    if touched.isEmpty {
      text += t(
        "  none started yet: `scenarios` lists them\n", "  아직 시작한 시나리오가 없습니다: `scenarios`로 목록을 보세요\n")
    }

    let asked = progress.questionsAnswered
    text += "\n"
    text += t(
      "Lessons: \(totals.lessonsDone) of \(totals.lessons) done   "
        + "Quiz: \(totals.quizFirstTry) of \(asked) right on the first try   "
        + "Hints used: \(totals.hints)   Time: \(duration(totals.seconds))\n",
      "레슨: \(totals.lessons)개 중 \(totals.lessonsDone)개 완료   "
        + "퀴즈: \(asked)문제 중 \(totals.quizFirstTry)문제 첫 시도에 정답   "
        + "사용한 힌트: \(totals.hints)   시간: \(duration(totals.seconds))\n")
    if let next = progress.suggestion(in: course, items: items) {
      let title = language == .ko && !next.titleKo.isEmpty ? next.titleKo : next.title
      var where_ = ""
      if next.status == .inProgress, let step = next.step {
        where_ = t(" (step \(step) of \(next.steps))", " (\(next.steps)단계 중 \(step)단계)")
      }
      text += t("Next: ", "다음: ") + "`start \(next.id)` — \(title)\(where_)\n"
    } else {
      text += t("Everything is done. Well done!\n", "모두 마쳤습니다. 수고하셨습니다!\n")
    }
    return text
  }

  /// `[██████░░░░░░░░░░░░░░]`: the share done, in whole cells.
  package static func bar(done: Int, total: Int) -> String {
    let filled = total == 0 ? 0 : done * barWidth / total
    return "[" + String(repeating: "█", count: filled)
      + String(repeating: "░", count: barWidth - filled) + "]"
  }

  /// `45s`, `4m12s`, `1h02m`, as the lesson's closing line prints times.
  package static func duration(_ seconds: Double) -> String {
    let whole = max(0, Int(seconds.rounded()))
    if whole >= 3600 { return "\(whole / 3600)h" + String(format: "%02dm", whole % 3600 / 60) }
    return whole >= 60 ? "\(whole / 60)m\(whole % 60)s" : "\(whole)s"
  }
}
