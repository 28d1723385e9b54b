import Foundation

/// `kubetutor report DB…` as a table: one row per lesson or scenario that
/// any learner started, one column per learner, then totals.
package enum ProgressReport {
  /// The table. A cell is `-` (not started), `STEP/STEPS TIME hHINTS` (in
  /// progress) or `✓ TIME hHINTS` (done); `DONE` counts the learners
  /// who finished the row's item.
  package static func table(_ learners: [ProgressExport.Learner], course: Course) -> String {
    let names = labels(learners)
    let items = learners.map { $0.progress.items(in: course) }
    var order: [String] = []
    for list in items {
      for item in list where item.status != .notStarted && !order.contains(item.id) {
        order.append(item.id)
      }
    }
    let rank = Dictionary(
      (items.first ?? []).enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    order.sort { (rank[$0] ?? Int.max, $0) < (rank[$1] ?? Int.max, $1) }
    var rows = [["ITEM"] + names + ["DONE"]]
    for id in order {
      var row = [id]
      var done = 0
      for list in items {
        guard let item = list.first(where: { $0.id == id }), item.status != .notStarted else {
          row.append("-")
          continue
        }
        let figures = "\(ProgressView.duration(item.seconds)) h\(item.hints)"
        if item.status == .done {
          done += 1
          row.append("✓ " + figures)
        } else {
          row.append("\(item.step ?? 1)/\(item.steps) " + figures)
        }
      }
      rows.append(row + ["\(done)/\(learners.count)"])
    }
    let totals = zip(learners, items).map { learner, list in
      ProgressTotals(items: list, commands: learner.progress.commands)
    }
    rows.append(["lessons done"] + totals.map { "\($0.lessonsDone)/\($0.lessons)" } + [""])
    rows.append(["scenarios solved"] + totals.map { "\($0.scenariosDone)/\($0.scenarios)" } + [""])
    rows.append(
      ["quiz first try"]
        + zip(learners, totals).map { learner, totals in
          "\(totals.quizFirstTry)/\(learner.progress.questionsAnswered)"
        } + [""])
    rows.append(["hints"] + totals.map { String($0.hints) } + [String(totals.map(\.hints).reduce(0, +))])
    rows.append(
      ["time"] + totals.map { ProgressView.duration($0.seconds) }
        + [ProgressView.duration(totals.map(\.seconds).reduce(0, +))])
    rows.append(["commands"] + totals.map { "\($0.commands) (\($0.failedCommands) failed)" } + [""])
    return align(rows)
  }

  /// Each learner's column name: the profile, with the file's name when
  /// two files hold the same profile name.
  package static func labels(_ learners: [ProgressExport.Learner]) -> [String] {
    let counts = Dictionary(learners.map { ($0.progress.profile, 1) }, uniquingKeysWith: +)
    return learners.map { learner in
      let name = learner.progress.profile
      guard counts[name, default: 0] > 1 else { return name }
      return name + "@" + (learner.database as NSString).lastPathComponent
    }
  }

  /// Columns padded to their widest cell, three spaces apart, as kubectl's
  /// tables are; no trailing spaces.
  static func align(_ rows: [[String]]) -> String {
    let columns = rows.map(\.count).max() ?? 0
    let widths = (0..<columns).map { column in
      rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
    }
    return rows.map { row in
      row.enumerated().map { column, cell in
        column == row.count - 1 ? cell : cell.padding(toLength: widths[column] + 3, withPad: " ", startingAt: 0)
      }.joined().replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }.joined(separator: "\n") + "\n"
  }
}
