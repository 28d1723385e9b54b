import Foundation

/// Something the learner must do: shown as text, checked by goals.
package struct TutorTask: Equatable, Sendable {
  package var text: LocalizedText
  package var goals: [TaskGoal]
  package var hints: [LocalizedText]
  package var explanation: LocalizedText?
  /// The commands an expert would type, for lessons' `try` steps.
  package var solution: String?

  /// Reads `text`, `goals`, `hints`, `explanation` (and `solution`) at `path`.
  static func decode(_ reader: ContentReader, path: [String], extraKeys: [String] = [])
    -> TutorTask
  {
    reader.mapping(
      path, allowed: ["text", "goals", "hints", "explanation", "solution"] + extraKeys,
      required: ["text", "goals"])
    let text = reader.text(path + ["text"], required: true) ?? LocalizedText("")
    let goals = GoalDecoder(reader: reader).taskGoals(path + ["goals"])
    var hints: [LocalizedText] = []
    if let items = reader.array(path + ["hints"]) {
      hints = items.indices.compactMap { reader.text(path + ["hints", String($0)]) }
    }
    let explanation = reader.text(path + ["explanation"])
    let solution = reader.string(path + ["solution"])
    return TutorTask(
      text: text, goals: goals, hints: hints, explanation: explanation, solution: solution)
  }
}

/// An instructor's exercise: a broken or empty cluster, tasks in order,
/// and the reference solution that proves it solvable.
package struct Scenario: Equatable, Sendable {
  package var id: String
  package var title: LocalizedText
  package var description: LocalizedText
  package var difficulty: String
  package var minutes: Int
  /// Seconds the learner has, if the scenario is timed.
  package var timeLimit: Int?
  package var setUp: ClusterSetUp
  package var tasks: [TutorTask]
  package var solution: String
  package var file: String

  static let keys = [
    "id", "title", "description", "difficulty", "minutes", "timeLimit", "setup", "tasks",
    "solution",
  ]
  static let difficulties = ["easy", "medium", "hard"]

  /// Reads a scenario file; throws every problem found.
  package static func load(file: String, text: String) throws(ContentErrors) -> Scenario {
    let reader = ContentReader(file: file, text: text)
    guard reader.errors.isEmpty else { throw ContentErrors(reader.errors) }
    let scenario = decode(reader)
    guard reader.errors.isEmpty else { throw ContentErrors(reader.errors) }
    return scenario
  }

  /// Reads a scenario from a path the learner gave.
  package static func load(url: URL) throws(ContentErrors) -> Scenario {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw ContentErrors([
        ContentError(file: url.path, line: 1, column: 1, message: "cannot read the file")
      ])
    }
    return try load(file: url.path, text: text)
  }

  static func decode(_ reader: ContentReader) -> Scenario {
    reader.mapping([], allowed: keys, required: ["id", "title", "description", "tasks", "solution"])
    let id = reader.string(["id"]) ?? ""
    if !id.isEmpty && !id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) {
      reader.error(["id"], "id: use lower-case letters, digits and '-'")
    }
    let difficulty = reader.string(["difficulty"]) ?? "easy"
    if !difficulties.contains(difficulty) {
      reader.error(["difficulty"], "difficulty: expected one of easy, medium, hard")
    }
    var tasks: [TutorTask] = []
    if let items = reader.array(["tasks"]) {
      if items.isEmpty { reader.error(["tasks"], "a scenario needs at least one task") }
      tasks = items.indices.map { TutorTask.decode(reader, path: ["tasks", String($0)]) }
    }
    return Scenario(
      id: id,
      title: reader.text(["title"]) ?? LocalizedText(id),
      description: reader.text(["description"]) ?? LocalizedText(""),
      difficulty: difficulty, minutes: reader.int(["minutes"]) ?? 10,
      timeLimit: reader.int(["timeLimit"]),
      setUp: ClusterSetUp.decode(reader, path: ["setup"]),
      tasks: tasks, solution: reader.string(["solution"]) ?? "", file: reader.file)
  }
}
