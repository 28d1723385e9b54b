import Foundation
import KubeCluster
import TutorContent

/// What a tutor command printed.
package struct TutorOutput: Equatable, Sendable {
  package var stdout = ""
  package var stderr = ""
  package var exitCode: Int32 = 0

  package init(stdout: String = "", stderr: String = "", exitCode: Int32 = 0) {
    self.stdout = stdout
    self.stderr = stderr
    self.exitCode = exitCode
  }

  static func failure(_ message: String) -> TutorOutput {
    TutorOutput(stderr: message + "\n", exitCode: 1)
  }
}

/// The lesson or scenario the learner is in, and where: the runner behind
/// `lessons`, `start`, `next`, `back`, `hint`, `check`, `goals`, `answer`,
/// `skip`, `reset` and `progress`. It checks the current step's goals
/// after every command.
package final class TutorSession {
  package enum Activity {
    case lesson(Lesson)
    case scenario(Scenario)

    var id: String {
      switch self {
      case .lesson(let lesson): lesson.id
      case .scenario(let scenario): scenario.id
      }
    }

    var setUp: ClusterSetUp {
      switch self {
      case .lesson(let lesson): lesson.setUp
      case .scenario(let scenario): scenario.setUp
      }
    }

    var stepCount: Int {
      switch self {
      case .lesson(let lesson): lesson.steps.count
      case .scenario(let scenario): scenario.tasks.count
      }
    }
  }

  package var language: Language
  /// Whether lesson text may use bold and colour (a terminal that wants them).
  package var usesColour = false
  package var recorder: ProgressRecorder?
  /// Where lessons and shipped scenarios come from.
  package var lessonsDirectory: URL? {
    didSet { catalogCache = nil }
  }
  package var scenariosDirectory: URL?
  /// How behaviour goals send HTTP requests; the networking layer may replace it.
  package var http: HTTPProbe = SimulatedHTTP.request
  /// Plays the earlier steps' solutions when a lesson resumes; the shell sets it.
  package var player: (any ScriptPlayer)?
  /// Called with every command the shell ran and the cluster after it.
  package var onCommand: ((CommandRun, Cluster) -> Void)?
  package private(set) var activity: Activity?
  /// The spaced-repetition drill of `quiz` (Quiz/TutorSession+Quiz.swift).
  package let quizDrill = QuizDrill()
  /// The id of the lesson or scenario open now.
  package var activityID: String? { activity?.id }
  package private(set) var stepIndex = 0
  private var catalogCache: LessonCatalog?
  /// Each started activity's set-up cluster, by activity id.
  private var startSnapshots: [String: (setUp: ClusterSetUp, cluster: Cluster, errors: [String])] = [:]
  private var commands: [CommandRun] = []
  private var answers: [String] = []
  private var memory = GoalMemory()
  private var announced: Set<Int> = []
  private var hintsShown = 0
  private var totalHints = 0
  private var quizCorrectFirstTry = 0
  private var quizWrongThisStep = false
  private var stepDone = false
  private var startedAt: Date?
  private var timeLimitAnnounced = false

  /// Said once when a timed scenario runs over; the learner may go on.
  private func timeLimitNotice(now: Date) -> String {
    guard case .scenario(let scenario)? = activity, let limit = scenario.timeLimit,
      !timeLimitAnnounced, let startedAt, now.timeIntervalSince(startedAt) > Double(limit)
    else { return "" }
    timeLimitAnnounced = true
    recorder?.recordProgress(.scenario, subject: scenario.id, detail: "time limit reached")
    return t(
      "⏱ The time limit (\(limit / 60) min) is over. You may finish; the overrun is recorded.\n",
      "⏱ 제한 시간(\(limit / 60)분)이 지났습니다. 계속 풀어도 되지만 초과한 것은 기록됩니다.\n")
  }

  package init(language: Language = .en, recorder: ProgressRecorder? = nil) {
    self.language = language
    self.recorder = recorder
    lessonsDirectory = TutorContent.lessons
    scenariosDirectory = TutorContent.scenarios
  }

  package var catalog: LessonCatalog {
    if let catalogCache { return catalogCache }
    let loaded = lessonsDirectory.map { LessonCatalog.load(directory: $0).0 } ?? LessonCatalog()
    catalogCache = loaded
    return loaded
  }

  /// The tutor's commands, which the shell registers as builtins.
  package static let commandNames = [
    "lessons", "scenarios", "start", "next", "back", "hint", "check", "goals", "answer", "skip",
    "reset", "progress", "lang",
  ]

  /// A prefix for the prompt: where the learner stands, such as `[pods 2/6] `.
  package var promptPrefix: String {
    guard let activity else { return "" }
    return "[\(activity.id) \(stepIndex + 1)/\(activity.stepCount)] "
  }

  private func t(_ en: String, _ ko: String) -> String { language == .ko ? ko : en }

  // MARK: Commands

  /// Runs one tutor command; `cluster` is replaced by `start` and `reset`.
  package func handle(_ argv: [String], cluster: inout Cluster) -> TutorOutput {
    let name = argv.first ?? ""
    let rest = Array(argv.dropFirst())
    switch name {
    case "lessons": return TutorOutput(stdout: lessonList())
    case "scenarios": return TutorOutput(stdout: scenarioList())
    case "start":
      guard let id = rest.first else {
        return .failure(t("usage: start LESSON|SCENARIO|FILE.yaml", "사용법: start 레슨|시나리오|파일.yaml"))
      }
      return start(id, cluster: &cluster)
    case "lang":
      guard let code = rest.first, let chosen = Language(rawValue: code) else {
        return .failure("usage: lang en|ko")
      }
      language = chosen
      return TutorOutput(stdout: t("Language: English\n", "언어: 한국어\n"))
    case "progress": return TutorOutput(stdout: progressText())
    default: break
    }
    guard activity != nil else {
      return .failure(
        t(
          "\(name): no lesson is open — type `lessons` to list them, then `start ID`",
          "\(name): 열린 레슨이 없습니다 — `lessons`로 목록을 보고 `start ID`로 시작하세요"))
    }
    switch name {
    case "next": return next()
    case "back":
      guard stepIndex > 0 else { return .failure(t("This is the first step.", "첫 단계입니다.")) }
      move(to: stepIndex - 1)
      return TutorOutput(stdout: renderStep(cluster: cluster))
    case "hint": return hint()
    case "check": return TutorOutput(stdout: check(cluster: cluster, verbose: true))
    case "goals": return TutorOutput(stdout: goalsText(cluster: cluster))
    case "answer": return answer(rest.joined(separator: " "), cluster: cluster)
    case "skip":
      recorder?.recordProgress(.step, subject: stepSubject, detail: "skipped")
      return advance(cluster: cluster, prefix: t("Step skipped.\n", "단계를 건너뛰었습니다.\n"))
    case "reset":
      cluster = cluster.rewound(to: startCluster(now: cluster.now).0)
      resetStepState()
      return TutorOutput(
        stdout: t("The cluster is back as this lesson set it up.\n", "클러스터를 이 레슨의 처음 상태로 되돌렸습니다.\n"))
    default:
      return .failure("\(name): unknown tutor command")
    }
  }

  /// Checks the current step's goals after a command; returns what to show:
  /// goals just met, and the next step when this one is complete.
  package func commandFinished(_ run: CommandRun, cluster: Cluster) -> String {
    guard activity != nil, !stepDone, currentTask != nil else { return "" }
    commands.append(run)
    return timeLimitNotice(now: cluster.now) + check(cluster: cluster, verbose: false)
  }

  // MARK: Starting

  private func start(_ id: String, cluster: inout Cluster) -> TutorOutput {
    if let lesson = catalog.lessons[id] {
      activity = .lesson(lesson)
    } else if let scenario = findScenario(id) {
      switch scenario {
      case .success(let scenario): activity = .scenario(scenario)
      case .failure(let errors): return TutorOutput(stderr: errors.description + "\n", exitCode: 1)
      }
    } else {
      return .failure(
        t(
          "start: no lesson or scenario '\(id)' — type `lessons` or `scenarios`",
          "start: '\(id)' 레슨이나 시나리오가 없습니다 — `lessons`나 `scenarios`를 입력하세요"))
    }
    return begin(cluster: &cluster)
  }

  /// The activity's set-up, built once and then kept as a snapshot named
  /// after the activity, its clock moved on to `now`: starting again and
  /// `reset` restore it instead of building the cluster anew.
  private func startCluster(now: Date) -> (Cluster, [String]) {
    let id = activity!.id
    let setUp = activity!.setUp
    guard var saved = startSnapshots[id], saved.setUp == setUp else {
      let (cluster, errors) = setUp.makeCluster(start: now)
      startSnapshots[id] = (setUp, cluster, errors)
      return (cluster, errors)
    }
    if now > saved.cluster.now { saved.cluster.advance(to: now) }
    return (saved.cluster, saved.errors)
  }

  private func begin(cluster: inout Cluster) -> TutorOutput {
    let saved = recorder?.savedPosition(item: activity!.id) ?? 0
    stepIndex = min(max(saved, 0), max(activity!.stepCount - 1, 0))
    let (fresh, errors) = startCluster(now: cluster.now)
    var replayed = false
    // What the earlier steps made is there again, as the learner left it.
    switch activity! {
    case .lesson(let lesson) where stepIndex > 0 && player != nil:
      cluster = lesson.resumedCluster(at: stepIndex, start: cluster.now, player: player!)
      replayed = true
    case .scenario(let scenario) where stepIndex > 0 && player != nil:
      cluster = scenario.resumedCluster(at: stepIndex, start: cluster.now, player: player!)
      replayed = true
    default:
      cluster = fresh
    }
    startedAt = cluster.now
    timeLimitAnnounced = false
    totalHints = 0
    quizCorrectFirstTry = 0
    recorder?.savePosition(item: activity!.id, step: stepIndex)  // started: the quiz drill asks it
    resetStepState()
    var text = ""
    switch activity! {
    case .lesson(let lesson):
      text += "== \(lesson.title.text(language)) ==\n"
    case .scenario(let scenario):
      text +=
        "== \(scenario.title.text(language)) ==\n\(render(scenario.description.text(language)))\n"
      text += t(
        "Difficulty: \(scenario.difficulty), about \(scenario.minutes) min\n",
        "난이도: \(["easy": "쉬움", "medium": "보통", "hard": "어려움"][scenario.difficulty] ?? scenario.difficulty), 약 \(scenario.minutes)분\n")
      if let limit = scenario.timeLimit {
        text += t("Time limit: \(limit / 60) min\n", "제한 시간: \(limit / 60)분\n")
      }
    }
    if stepIndex > 0 {
      text += t("Resuming at step \(stepIndex + 1).\n", "\(stepIndex + 1)단계부터 이어서 합니다.\n")
    }
    if replayed {
      text += t(
        "The cluster was rebuilt with what the earlier steps did.\n",
        "앞 단계에서 한 일까지 반영해 클러스터를 다시 만들었습니다.\n")
    }
    for error in errors { text += "warning: " + error }
    text += "\n" + renderStep(cluster: cluster)
    return TutorOutput(stdout: text)
  }

  private func findScenario(_ id: String) -> Result<Scenario, ContentErrors>? {
    var url: URL?
    if id.hasSuffix(".yaml") || id.hasSuffix(".yml") {
      url = URL(fileURLWithPath: id)
    } else if let directory = scenariosDirectory {
      let candidate = directory.appendingPathComponent(id + ".yaml")
      if FileManager.default.fileExists(atPath: candidate.path) { url = candidate }
    }
    guard let url else { return nil }
    do {
      return .success(try Scenario.load(url: url))
    } catch {
      return .failure(error)
    }
  }

  /// Reopens `id` at its saved step on the cluster as it is, as the shell
  /// does at start-up for the item the learner left open; nil if `id` is
  /// no longer a lesson or shipped scenario.
  package func resume(_ id: String, cluster: Cluster) -> TutorOutput? {
    if let lesson = catalog.lessons[id] {
      activity = .lesson(lesson)
    } else if case .success(let scenario)? = findScenario(id) {
      activity = .scenario(scenario)
    } else {
      return nil
    }
    startedAt = cluster.now
    let saved = recorder?.savedPosition(item: id) ?? 0
    stepIndex = min(max(saved, 0), max(activity!.stepCount - 1, 0))
    resetStepState()
    return TutorOutput(
      stdout: t(
        "Resuming \(id) at step \(stepIndex + 1) of \(activity!.stepCount).\n",
        "\(id): \(activity!.stepCount)단계 중 \(stepIndex + 1)단계부터 이어서 합니다.\n")
        + "\n" + renderStep(cluster: cluster))
  }

  /// Loads a scenario the caller already read (`kubetutor start FILE`).
  package func open(_ scenario: Scenario, cluster: inout Cluster) -> TutorOutput {
    activity = .scenario(scenario)
    return begin(cluster: &cluster)
  }

  // MARK: Steps

  private var currentTask: TutorTask? {
    switch activity {
    case .lesson(let lesson)?:
      guard lesson.steps.indices.contains(stepIndex), case .task(let task) = lesson.steps[stepIndex]
      else { return nil }
      return task
    case .scenario(let scenario)?:
      return scenario.tasks.indices.contains(stepIndex) ? scenario.tasks[stepIndex] : nil
    case nil:
      return nil
    }
  }

  private var currentQuiz: Quiz? {
    guard case .lesson(let lesson)? = activity, lesson.steps.indices.contains(stepIndex),
      case .quiz(let quiz) = lesson.steps[stepIndex]
    else { return nil }
    return quiz
  }

  private var stepSubject: String { "\(activity?.id ?? "")#\(stepIndex + 1)" }

  private func resetStepState() {
    commands = []
    answers = []
    memory = GoalMemory()
    announced = []
    hintsShown = 0
    quizWrongThisStep = false
    stepDone = false
  }

  private func move(to index: Int) {
    stepIndex = index
    resetStepState()
    if let activity { recorder?.savePosition(item: activity.id, step: index) }
  }

  private func next() -> TutorOutput {
    let isSay: Bool
    if case .lesson(let lesson)? = activity, case .say = lesson.steps[stepIndex] {
      isSay = true
    } else {
      isSay = false
    }
    guard isSay || stepDone else {
      return .failure(
        t(
          "This step is not finished yet: `check` shows what is missing, `hint` helps, `skip` moves on.",
          "아직 이 단계를 마치지 않았습니다: `check`로 남은 것을 보고, `hint`로 도움을 받거나 `skip`으로 넘어가세요."))
    }
    return advance(cluster: nil, prefix: "")
  }

  private func advance(cluster: Cluster?, prefix: String) -> TutorOutput {
    guard let activity else { return TutorOutput() }
    if stepIndex + 1 >= activity.stepCount {
      return TutorOutput(stdout: prefix + finish(now: cluster?.now))
    }
    move(to: stepIndex + 1)
    return TutorOutput(stdout: prefix + renderStep(cluster: cluster))
  }

  private var lastNow: Date?

  /// The text of the current step.
  private func renderStep(cluster: Cluster?) -> String {
    guard let activity else { return "" }
    if let cluster { lastNow = cluster.now }
    let header = t(
      "Step \(stepIndex + 1) of \(activity.stepCount)",
      "\(activity.stepCount)단계 중 \(stepIndex + 1)단계")
    switch activity {
    case .scenario(let scenario):
      let task = scenario.tasks[stepIndex]
      return "-- \(header) --\n" + render(task.text.text(language)) + "\n" + goalList(task, met: [])
        + "\n"
    case .lesson(let lesson):
      switch lesson.steps[stepIndex] {
      case .say(let text):
        return "-- \(header) --\n" + render(text.text(language)) + "\n"
          + t("(type `next` to continue)\n", "(계속하려면 `next`를 입력하세요)\n")
      case .task(let task):
        return "-- \(header) --\n" + render(task.text.text(language)) + "\n"
          + goalList(task, met: []) + "\n"
      case .quiz(let quiz):
        var text =
          "-- \(header): " + t("quiz", "퀴즈") + " --\n" + render(quiz.question.text(language)) + "\n"
        for (index, choice) in quiz.choices.enumerated() {
          text += "  \(index + 1)) \(choice.text(language))\n"
        }
        text += t("(reply with `answer ...`)\n", "(`answer ...`로 답하세요)\n")
        return text
      }
    }
  }

  private func goalList(_ task: TutorTask, met: Set<Int>) -> String {
    task.goals.enumerated().map { index, goal in
      "  [\(met.contains(index) ? "x" : " ")] \(goal.description.text(language))\n"
    }.joined()
  }

  /// Evaluates the current task's goals; announces the ones just met and
  /// completes the step when all hold.
  private func check(cluster: Cluster, verbose: Bool) -> String {
    guard let task = currentTask else {
      if verbose, currentQuiz != nil {
        return t("Answer the question with `answer ...`.\n", "`answer ...`로 질문에 답하세요.\n")
      }
      return verbose ? t("Nothing to check in this step.\n", "이 단계에는 확인할 목표가 없습니다.\n") : ""
    }
    if stepDone {
      return verbose
        ? t("This step is complete: type `next`.\n", "이 단계를 마쳤습니다: `next`를 입력하세요.\n") : ""
    }
    let context = GoalContext(cluster: cluster, commands: commands, answers: answers, http: http)
    var met: Set<Int> = []
    for (index, goal) in task.goals.enumerated()
    where goal.goal.isMet(in: context, memory: &memory, id: "g\(index)") {
      met.insert(index)
    }
    var text = ""
    for index in met.sorted() where !announced.contains(index) {
      announced.insert(index)
      text += "✓ \(task.goals[index].description.text(language))\n"
      recorder?.recordProgress(
        .goal, subject: stepSubject, detail: task.goals[index].description.en)
    }
    if met.count == task.goals.count {
      stepDone = true
      recorder?.recordProgress(.step, subject: stepSubject, detail: "done")
      text += t("Step complete!\n", "단계 완료!\n")
      if let explanation = task.explanation { text += render(explanation.text(language)) + "\n" }
      lastNow = cluster.now
      return text + "\n" + advance(cluster: cluster, prefix: "").stdout
    }
    if verbose {
      text += t("Still missing:\n", "아직 남은 목표:\n")
      for (index, goal) in task.goals.enumerated() where !met.contains(index) {
        text += "  [ ] \(goal.description.text(language))\n"
      }
    }
    return text
  }

  private func goalsText(cluster: Cluster) -> String {
    guard let task = currentTask else {
      return t("This step has no goals.\n", "이 단계에는 목표가 없습니다.\n")
    }
    var scratch = memory
    let context = GoalContext(cluster: cluster, commands: commands, answers: answers, http: http)
    let met = Set(
      task.goals.indices.filter {
        stepDone || task.goals[$0].goal.isMet(in: context, memory: &scratch, id: "g\($0)")
      })
    return goalList(task, met: met)
  }

  private func hint() -> TutorOutput {
    let hints: [LocalizedText]
    if let task = currentTask {
      hints = task.hints
    } else {
      hints = []
    }
    guard hintsShown < hints.count else {
      return TutorOutput(
        stdout: hints.isEmpty
          ? t("No hints for this step.\n", "이 단계에는 힌트가 없습니다.\n")
          : t("No more hints.\n", "더 이상 힌트가 없습니다.\n"))
    }
    let text = hints[hintsShown].text(language)
    hintsShown += 1
    totalHints += 1
    recorder?.recordProgress(.hint, subject: stepSubject, detail: String(hintsShown))
    return TutorOutput(
      stdout: t("Hint \(hintsShown)/\(hints.count): ", "힌트 \(hintsShown)/\(hints.count): ")
        + render(text) + "\n")
  }

  private func answer(_ text: String, cluster: Cluster) -> TutorOutput {
    if let quiz = currentQuiz {
      guard !stepDone else {
        return TutorOutput(
          stdout: t("Already answered: type `next`.\n", "이미 답했습니다: `next`를 입력하세요.\n"))
      }
      let right = quiz.accepts(text, cluster: cluster)
      recorder?.recordProgress(
        .quiz, subject: stepSubject, detail: (right ? "right: " : "wrong: ") + text)
      recorder?.recordQuizAttempt(
        subject: stepSubject, question: quiz.question.text(language), answer: text, correct: right)
      guard right else {
        quizWrongThisStep = true
        return TutorOutput(stdout: t("Not quite. Try again.\n", "아쉽지만 틀렸습니다. 다시 해 보세요.\n"))
      }
      if !quizWrongThisStep { quizCorrectFirstTry += 1 }
      stepDone = true
      var out = t("Correct!\n", "정답입니다!\n")
      if let explanation = quiz.explanation { out += render(explanation.text(language)) + "\n" }
      return TutorOutput(stdout: out + "\n" + advance(cluster: cluster, prefix: "").stdout)
    }
    guard currentTask != nil else {
      return .failure(t("answer: this step asks no question", "answer: 이 단계에는 질문이 없습니다"))
    }
    answers.append(text)
    commands.append(
      CommandRun(argv: ["answer"] + text.split(separator: " ").map(String.init), exitCode: 0))
    let report = check(cluster: cluster, verbose: false)
    return TutorOutput(
      stdout: report.isEmpty
        ? t("Recorded, but that is not it yet.\n", "기록했지만 아직 정답이 아닙니다.\n") : report)
  }

  private func finish(now: Date?) -> String {
    guard let activity else { return "" }
    let end = now ?? lastNow ?? startedAt ?? Date()
    let seconds = max(0, Int(end.timeIntervalSince(startedAt ?? end)))
    let time = seconds >= 60 ? "\(seconds / 60)m\(seconds % 60)s" : "\(seconds)s"
    var text = ""
    switch activity {
    case .lesson(let lesson):
      let score = "\(quizCorrectFirstTry)/\(lesson.quizCount)"
      recorder?.recordProgress(
        .lesson, subject: lesson.id, detail: "quiz \(score), hints \(totalHints), \(seconds)s")
      text += t("== Lesson complete: \(lesson.title.en) ==\n", "== 레슨 완료: \(lesson.title.ko) ==\n")
      text += t(
        "Time: \(time)   Hints used: \(totalHints)   Quiz: \(score) right on the first try\n",
        "걸린 시간: \(time)   사용한 힌트: \(totalHints)   퀴즈: 첫 시도에 \(score) 정답\n")
      if let next = catalog.lesson(after: lesson.id) {
        text += t(
          "Next: `start \(next.id)` — \(next.title.en)\n",
          "다음: `start \(next.id)` — \(next.title.ko)\n")
      } else {
        text += t(
          "That was the last lesson. Try a scenario: `scenarios`.\n",
          "마지막 레슨이었습니다. 시나리오에 도전해 보세요: `scenarios`\n")
      }
    case .scenario(let scenario):
      recorder?.recordProgress(
        .scenario, subject: scenario.id, detail: "hints \(totalHints), \(seconds)s")
      text += t(
        "== Scenario solved: \(scenario.title.en) ==\n", "== 시나리오 해결: \(scenario.title.ko) ==\n")
      text += t(
        "Time: \(time)   Hints used: \(totalHints)\n", "걸린 시간: \(time)   사용한 힌트: \(totalHints)\n")
    }
    recorder?.savePosition(item: activity.id, step: 0)
    self.activity = nil
    return text
  }

  // MARK: Lists

  private func lessonList() -> String {
    let done = Dictionary(
      (recorder?.progressEvents(.lesson) ?? []).map { ($0.subject, $0.detail ?? "") },
      uniquingKeysWith: { $1 })
    var text = ""
    for track in catalog.tracks {
      text += "\(track.title.text(language))\n"
      for id in track.lessonIDs {
        guard let lesson = catalog.lessons[id] else { continue }
        let status: String
        if let detail = done[id] {
          status = t("done", "완료") + " (\(detail.split(separator: ",").first ?? ""))"
        } else if let step = recorder?.savedPosition(item: id), step > 0 {
          status = t("in progress, step \(step + 1)", "진행 중, \(step + 1)단계")
        } else {
          status = t("not started", "시작 전")
        }
        let name = id.padding(toLength: 22, withPad: " ", startingAt: 0)
        text += "  \(name) \(lesson.title.text(language)) — \(status)\n"
      }
    }
    return text.isEmpty ? t("No lessons found.\n", "레슨이 없습니다.\n") : text
  }

  private func scenarioList() -> String {
    guard let directory = scenariosDirectory,
      let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
    else { return "" }
    let solved = Set((recorder?.progressEvents(.scenario) ?? []).map(\.subject))
    var text = ""
    for name in names.sorted() where name.hasSuffix(".yaml") {
      guard let scenario = try? Scenario.load(url: directory.appendingPathComponent(name)) else {
        continue
      }
      let mark = solved.contains(scenario.id) ? "✓" : " "
      let id = scenario.id.padding(toLength: 24, withPad: " ", startingAt: 0)
      text += "\(mark) \(id) [\(scenario.difficulty)] \(scenario.title.text(language))\n"
    }
    return text
  }

  private func progressText() -> String {
    let lessons = recorder?.progressEvents(.lesson) ?? []
    let scenarios = recorder?.progressEvents(.scenario) ?? []
    var text = t(
      "Lessons done: \(Set(lessons.map(\.subject)).count) of \(catalog.lessons.count)\n",
      "마친 레슨: \(catalog.lessons.count)개 중 \(Set(lessons.map(\.subject)).count)개\n")
    text += t(
      "Scenarios solved: \(Set(scenarios.map(\.subject)).count)\n",
      "해결한 시나리오: \(Set(scenarios.map(\.subject)).count)개\n")
    if let activity {
      text += t(
        "Now: \(activity.id), step \(stepIndex + 1) of \(activity.stepCount)\n",
        "현재: \(activity.id), \(activity.stepCount)단계 중 \(stepIndex + 1)단계\n")
    }
    return text
  }

  /// Lesson text for the terminal (see `TerminalMarkup`).
  package func render(_ text: String) -> String {
    TerminalMarkup.render(text, colour: usesColour)
  }
}
