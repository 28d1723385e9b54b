import Foundation

/// A quiz question and how its answer is judged.
package struct Quiz: Equatable, Sendable {
  package enum Check: Equatable, Sendable {
    /// One choice, 1-based.
    case single(Int)
    /// Several choices, 1-based, in any order.
    case multiple(Set<Int>)
    /// Free text, compared after normalising case and spaces.
    case text([String])
    /// A kubectl command whose meaning is checked: any pattern may match.
    case command([CommandPattern])
    /// A value computed from the live cluster.
    case live(AnswerSource)
  }

  package var question: LocalizedText
  package var choices: [LocalizedText]
  package var check: Check
  package var explanation: LocalizedText?

  /// Whether `answer` is right, given the cluster now.
  package func accepts(_ answer: String, cluster: KubeCluster.Cluster) -> Bool {
    let normalized = AnswerSource.normalize(answer)
    switch check {
    case .single(let number):
      if Int(normalized) == number { return true }
      return choices.indices.contains(number - 1)
        && Language.allCases.contains {
          AnswerSource.normalize(choices[number - 1].text($0)) == normalized
        }
    case .multiple(let numbers):
      let given = normalized.split(whereSeparator: { ", ".contains($0) }).compactMap { Int($0) }
      return Set(given) == numbers && given.count == numbers.count
    case .text(let accepted):
      return accepted.map(AnswerSource.normalize).contains(normalized)
    case .command(let patterns):
      let run = CommandRun(argv: Quiz.words(answer), exitCode: 0)
      return patterns.contains { $0.matches(run, cluster: cluster) }
    case .live(let source):
      return (source.values(in: cluster) ?? []).map(AnswerSource.normalize).contains(normalized)
    }
  }

  /// Splits a typed command into words, honouring simple quotes.
  static func words(_ text: String) -> [String] {
    var words: [String] = []
    var current = ""
    var quote: Character?
    var hasWord = false
    for character in text {
      if let open = quote {
        if character == open { quote = nil } else { current.append(character) }
      } else if character == "'" || character == "\"" {
        quote = character
        hasWord = true
      } else if character.isWhitespace {
        if hasWord || !current.isEmpty { words.append(current) }
        current = ""
        hasWord = false
      } else {
        current.append(character)
      }
    }
    if hasWord || !current.isEmpty { words.append(current) }
    return words
  }
}

/// One step of a lesson.
package enum LessonStep: Equatable, Sendable {
  /// Text to read.
  case say(LocalizedText)
  /// A hands-on task checked by goals.
  case task(TutorTask)
  case quiz(Quiz)
}

/// A lesson: text, hands-on tasks and a quiz, in both languages.
package struct Lesson: Equatable, Sendable {
  package var id: String
  package var title: LocalizedText
  package var track: String
  package var order: Int
  package var requires: [String]
  package var setUp: ClusterSetUp
  package var steps: [LessonStep]
  package var file: String

  static let keys = ["id", "title", "track", "order", "requires", "setup", "steps"]

  package static func load(file: String, text: String) throws(ContentErrors) -> Lesson {
    let reader = ContentReader(file: file, text: text)
    guard reader.errors.isEmpty else { throw ContentErrors(reader.errors) }
    let lesson = decode(reader)
    guard reader.errors.isEmpty else { throw ContentErrors(reader.errors) }
    return lesson
  }

  static func decode(_ reader: ContentReader) -> Lesson {
    reader.mapping([], allowed: keys, required: ["id", "title", "track", "steps"])
    let id = reader.string(["id"]) ?? ""
    if !id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) {
      reader.error(["id"], "id: use lower-case letters, digits and '-'")
    }
    var requires: [String] = []
    if let items = reader.array(["requires"]) {
      requires = items.indices.compactMap { reader.string(["requires", String($0)]) }
    }
    var steps: [LessonStep] = []
    if let items = reader.array(["steps"]) {
      for index in items.indices {
        if let step = decodeStep(reader, path: ["steps", String(index)]) { steps.append(step) }
      }
    }
    let hasTask = steps.contains { if case .task = $0 { true } else { false } }
    let quizzes = steps.filter { if case .quiz = $0 { true } else { false } }.count
    if !hasTask { reader.error(["steps"], "a lesson needs at least one hands-on `try` step") }
    if quizzes < 3 { reader.error(["steps"], "a lesson ends with a quiz of at least 3 questions (found \(quizzes))") }
    return Lesson(
      id: id, title: reader.text(["title"]) ?? LocalizedText(id),
      track: reader.string(["track"]) ?? "", order: reader.int(["order"]) ?? 0,
      requires: requires,
      setUp: reader.value(["setup"]) == nil
        ? ClusterSetUp() : ClusterSetUp.decode(reader, path: ["setup"]),
      steps: steps, file: reader.file)
  }

  static func decodeStep(_ reader: ContentReader, path: [String]) -> LessonStep? {
    guard let object = reader.mapping(path, allowed: ["say", "try", "quiz"]) else { return nil }
    guard object.count == 1, let key = object.keys.first else {
      reader.error(path, "a step is exactly one of: say, try, quiz")
      return nil
    }
    switch key {
    case "say":
      return reader.text(path + ["say"]).map(LessonStep.say)
    case "try":
      let task = TutorTask.decode(reader, path: path + ["try"])
      if task.solution == nil {
        reader.error(path + ["try"], "a try step needs a reference `solution`")
      }
      return .task(task)
    default:
      return decodeQuiz(reader, path: path + ["quiz"]).map(LessonStep.quiz)
    }
  }

  static func decodeQuiz(_ reader: ContentReader, path: [String]) -> Quiz? {
    let checks = ["answer", "answers", "accept", "command", "live"]
    guard
      let object = reader.mapping(
        path, allowed: ["question", "choices", "explanation"] + checks, required: ["question"])
    else { return nil }
    let question = reader.text(path + ["question"], required: true) ?? LocalizedText("")
    var choices: [LocalizedText] = []
    if let items = reader.array(path + ["choices"]) {
      choices = items.indices.compactMap { reader.text(path + ["choices", String($0)]) }
    }
    let present = checks.filter { object[$0] != nil }
    guard present.count == 1, let key = present.first else {
      reader.error(path, "a quiz needs exactly one of: \(checks.joined(separator: ", "))")
      return nil
    }
    let check: Quiz.Check
    switch key {
    case "answer":
      guard let number = reader.int(path + ["answer"]) else { return nil }
      if !choices.indices.contains(number - 1) {
        reader.error(path + ["answer"], "answer: expected a choice number from 1 to \(choices.count)")
      }
      check = .single(number)
    case "answers":
      let numbers = (reader.array(path + ["answers"]) ?? []).indices.compactMap {
        reader.int(path + ["answers", String($0)])
      }
      for number in numbers where !choices.indices.contains(number - 1) {
        reader.error(path + ["answers"], "answers: \(number) is not a choice number")
      }
      check = .multiple(Set(numbers))
    case "accept":
      let items = reader.array(path + ["accept"]) ?? []
      check = .text(items.indices.compactMap { reader.string(path + ["accept", String($0)]) })
    case "command":
      let decoder = GoalDecoder(reader: reader)
      let commandPath = path + ["command"]
      let paths =
        reader.value(commandPath)?.array.map { items in
          items.indices.map { commandPath + [String($0)] }
        } ?? [commandPath]
      let patterns = paths.compactMap { decoder.commandPattern($0) }
      check = .command(patterns)
    default:
      guard let source = GoalDecoder(reader: reader).answerSource(path + ["live"]) else {
        return nil
      }
      check = .live(source)
    }
    return Quiz(
      question: question, choices: choices, check: check,
      explanation: reader.text(path + ["explanation"]))
  }

  /// The number of quiz questions.
  package var quizCount: Int {
    steps.filter { if case .quiz = $0 { true } else { false } }.count
  }
}

import KubeCluster
