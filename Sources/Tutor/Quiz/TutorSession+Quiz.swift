import Foundation
import KubeCluster

/// `quiz`: a spaced-repetition drill over the quiz questions of the lessons
/// the learner has started; `answer` answers its question while it runs.
extension TutorSession {
  /// Where the drill's cards live: the progress database when the recorder
  /// is one, else the drill's memory.
  package var quizStore: QuizScheduleStore { (recorder as? QuizScheduleStore) ?? quizDrill.memory }

  /// The lessons the learner has started: the one open now, and every
  /// lesson with a saved position (`start` saves one), a recorded event (a
  /// goal, a quiz answer, a hint, a step, the lesson finished) or a
  /// question answered in a drill.
  package var startedLessonIDs: Set<String> {
    var ids = Set(((try? quizStore.quizCards()) ?? []).map { String($0.question.prefix { $0 != "/" }) })
    if case .lesson(let lesson)? = activity { ids.insert(lesson.id) }
    guard let recorder else { return ids }
    let kinds: [ProgressKind] = [.goal, .quiz, .hint, .step, .lesson]
    let subjects = Set(
      kinds.flatMap { recorder.progressEvents($0) }.map { String($0.subject.prefix { $0 != "#" }) })
    for id in catalog.lessons.keys
    where subjects.contains(id) || recorder.savedPosition(item: id) != nil {
      ids.insert(id)
    }
    return ids
  }

  func say(_ en: String, _ ko: String) -> String { language == .ko ? ko : en }

  /// Runs `quiz ARGUMENTS` at `time` (the cluster's clock in script mode,
  /// the wall clock at a terminal).
  package func quiz(_ arguments: [String], cluster: Cluster, at time: Date) -> TutorOutput {
    let request: QuizRequest
    switch QuizRequest.parse(arguments) {
    case .success(let parsed): request = parsed
    case .failure(let invalid):
      return TutorOutput(stderr: "quiz: \(invalid.message)\n\(QuizRequest.usage)\n", exitCode: 2)
    }
    switch request.action {
    case .help: return TutorOutput(stdout: quizHelp)
    case .stats: return quizStats(at: time)
    case .stop:
      guard quizDrill.isActive else {
        return TutorOutput(stdout: say("No drill is under way.\n", "진행 중인 복습이 없습니다.\n"))
      }
      return TutorOutput(stdout: drillSummary(quizDrill.stop()))
    case .drill:
      return startDrill(request, cluster: cluster, at: time)
    }
  }

  private func startDrill(_ request: QuizRequest, cluster: Cluster, at time: Date) -> TutorOutput {
    if quizDrill.isActive {
      return TutorOutput(
        stdout: say(
          "A drill is under way; `quiz --stop` ends it.\n",
          "복습이 진행 중입니다. 끝내려면 `quiz --stop`을 입력하세요.\n") + "\n" + questionText())
    }
    let catalog = self.catalog
    let tracks = catalog.tracks.map(\.id)
    if let topic = request.topic, !tracks.contains(topic), catalog.lessons[topic] == nil {
      let list = tracks.joined(separator: ", ")
      return .failure(
        say(
          "quiz: unknown topic '\(topic)' — use a track (\(list)) or a lesson id",
          "quiz: '\(topic)' 주제는 없습니다 — 트랙(\(list))이나 레슨 ID를 쓰세요"))
    }
    let started = startedLessonIDs
    guard !started.isEmpty else {
      return .failure(
        say(
          "quiz: no questions yet — the drill asks the quizzes of the lessons you have started. "
            + "Type `lessons` to list them, then `start ID`.",
          "quiz: 아직 낼 문제가 없습니다 — 복습 문제는 시작한 레슨의 퀴즈에서 나옵니다. "
            + "`lessons`로 목록을 보고 `start ID`로 레슨을 시작하세요."))
    }
    var pool = QuizQuestion.all(in: catalog).filter { started.contains($0.lessonID) }
    if let topic = request.topic {
      pool = pool.filter { $0.topic == topic || $0.lessonID == topic }
      guard !pool.isEmpty else {
        let lessons = catalog.ordered.filter { $0.track == topic || $0.id == topic }.map(\.id)
          .joined(separator: ", ")
        return .failure(
          say(
            "quiz: no questions on '\(topic)' yet — start one of its lessons first: \(lessons)",
            "quiz: 아직 '\(topic)' 주제의 문제가 없습니다 — 먼저 이 주제의 레슨을 시작하세요: \(lessons)"))
      }
    }
    let cards: [QuizCard]
    do {
      cards = try quizStore.quizCards()
    } catch {
      return .failure("quiz: \(error)")
    }
    let byID = Dictionary(cards.map { ($0.question, $0) }, uniquingKeysWith: { $1 })
    let selection = QuizSelection(pool, cards: byID, at: time, cluster: cluster)
    let chosen = selection.first(request.count)
    guard !chosen.isEmpty else { return TutorOutput(stdout: nothingToAsk(selection)) }
    quizDrill.begin(chosen, boxes: byID.mapValues(\.box))
    let due = chosen.filter { byID[$0.id] != nil }.count
    let header = say(
      "Quiz drill: \(chosen.count) question\(chosen.count == 1 ? "" : "s") — "
        + "\(due) due for review, \(chosen.count - due) new.\n",
      "퀴즈 복습: \(chosen.count)문제 — 복습할 문제 \(due)개, 새 문제 \(chosen.count - due)개\n")
    return TutorOutput(stdout: header + "\n" + questionText())
  }

  private func nothingToAsk(_ selection: QuizSelection) -> String {
    guard let next = selection.nextDue else {
      return say(
        "Nothing to ask now: the questions left ask about objects of their lessons "
          + "(a pod, a Service) that are not in the cluster.\n",
        "지금은 낼 문제가 없습니다: 남은 문제는 레슨에서 만든 오브젝트(파드, 서비스 등)를 묻는데, "
          + "지금 클러스터에 없습니다.\n")
    }
    let date = Self.dueFormat.string(from: next)
    return say(
      "Nothing to review now: \(selection.waiting) question\(selection.waiting == 1 ? "" : "s") "
        + "wait in their boxes; the next is due on \(date).\n",
      "지금은 복습할 문제가 없습니다: 상자에서 기다리는 문제가 \(selection.waiting)개이고, "
        + "다음 복습은 \(date)입니다.\n")
  }

  /// Due times as the drill prints them: `2025-03-04 09:05 UTC`.
  static let dueFormat: DateFormatter = {
    let format = DateFormatter()
    format.locale = Locale(identifier: "en_US_POSIX")
    format.timeZone = TimeZone(identifier: "UTC")
    format.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
    return format
  }()

  /// The question being asked, with its choices.
  private func questionText() -> String {
    guard let question = quizDrill.current else { return "" }
    let count = quizDrill.questions.count
    let number = quizDrill.index + 1
    let label = quizDrill.currentBox.map { say("box \($0)", "\($0)번 상자") } ?? say("new", "새 문제")
    var text =
      "-- " + say("Question \(number) of \(count)", "\(count)문제 중 \(number)번")
      + " · \(question.lessonTitle.text(language)) · \(label) --\n"
      + render(question.quiz.question.text(language)) + "\n"
    for (index, choice) in question.quiz.choices.enumerated() {
      text += "  \(index + 1)) \(choice.text(language))\n"
    }
    return text + say("(reply with `answer ...`)\n", "(`answer ...`로 답하세요)\n")
  }

  /// Answers the drill's question: judged as the lesson judges it, the
  /// card moved, the attempt recorded; then the next question or the summary.
  package func answerDrill(_ text: String, cluster: Cluster, at time: Date) -> TutorOutput {
    guard let question = quizDrill.current else {
      return .failure(say("answer: no drill is under way", "answer: 진행 중인 복습이 없습니다"))
    }
    let outcome = quizDrill.answer(text, cluster: cluster, store: quizStore, at: time)
    let box = outcome.card.box
    let days = quizDrill.schedule.days(box: box)
    let wait = say("\(days) day\(days == 1 ? "" : "s")", "\(days)일")
    var out: String
    if outcome.right && outcome.boxBefore == box {
      out = say(
        "Correct! Still in box \(box): it comes back in \(wait).\n",
        "정답입니다! \(box)번 상자에 그대로 있습니다. \(wait) 뒤에 다시 나옵니다.\n")
    } else if outcome.right {
      out = say(
        "Correct! Up to box \(box): it comes back in \(wait).\n",
        "정답입니다! \(box)번 상자로 올라갑니다. \(wait) 뒤에 다시 나옵니다.\n")
    } else {
      out = say("Not quite.", "아쉽지만 틀렸습니다.")
      if let right = question.rightAnswer(in: cluster, language: language) {
        out += say(" The answer: \(right)", " 정답: \(right)")
      }
      out += "\n"
        + say(
          "Box \(box): it comes back in \(wait).\n",
          "\(box)번 상자로 갑니다. \(wait) 뒤에 다시 나옵니다.\n")
    }
    if let explanation = question.quiz.explanation {
      out += render(explanation.text(language)) + "\n"
    }
    out += "\n" + (quizDrill.isActive ? questionText() : drillSummary(quizDrill.stop()))
    guard let error = outcome.saveError else { return TutorOutput(stdout: out) }
    return TutorOutput(stdout: out, stderr: "quiz: the answer was not saved: \(error)\n", exitCode: 1)
  }

  private func drillSummary(_ result: (right: Int, asked: Int)) -> String {
    guard result.asked > 0 else {
      return say("Drill stopped before any answer.\n", "답하기 전에 복습을 멈췄습니다.\n")
    }
    return say(
      "Drill over: \(result.right) of \(result.asked) right. "
        + "`quiz --stats` shows your mastery per topic.\n",
      "복습 끝: \(result.asked)문제 중 \(result.right)문제를 맞혔습니다. "
        + "주제별 숙달도는 `quiz --stats`로 볼 수 있습니다.\n")
  }
}
