import Foundation
import KubeCluster
import Testing
import Tutor

/// A tutor on the repository's lessons, driven with an explicit clock.
private final class Drill {
  let tutor: TutorSession
  var cluster = Cluster.kind(seed: 1)

  init(language: Language = .en, recorder: ProgressRecorder = MemoryProgressRecorder()) {
    tutor = TutorSession(language: language, recorder: recorder)
    tutor.lessonsDirectory = ContentPaths.lessons
  }

  func start(_ id: String) {
    let output = tutor.handle(["start", id], cluster: &cluster)
    precondition(output.exitCode == 0, output.stderr)
  }

  @discardableResult
  func quiz(_ arguments: String..., at time: Date) -> TutorOutput {
    tutor.quiz(arguments, cluster: cluster, at: time)
  }

  @discardableResult
  func answer(_ text: String, at time: Date) -> TutorOutput {
    tutor.answerDrill(text, cluster: cluster, at: time)
  }

  func card(_ question: String) -> QuizCard? { tutor.quizDrill.memory.cards[question] }

  var asked: [String] { tutor.quizDrill.questions.map(\.id) }
}

private let t0 = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15 08:00 UTC
private func days(_ count: Double) -> TimeInterval { count * 86_400 }

@Suite("Quiz drill")
struct QuizDrillTests {
  @Test("the Leitner schedule: right moves up one box, wrong back to box 1, box 5 keeps")
  func leitner() {
    let schedule = LeitnerSchedule.standard
    #expect(schedule.intervalDays == [1, 3, 7, 14, 30])
    #expect(schedule.box(after: nil, right: true) == 2)
    #expect(schedule.box(after: nil, right: false) == 1)
    #expect(schedule.box(after: 3, right: true) == 4)
    #expect(schedule.box(after: 5, right: true) == 5)
    #expect(schedule.box(after: 4, right: false) == 1)
    let card = schedule.review(nil, question: "q", topic: "t", right: true, at: t0)
    #expect(card == QuizCard(question: "q", topic: "t", box: 2, dueAt: t0 + days(3), lastAnsweredAt: t0, rightCount: 1))
    let missed = schedule.review(card, question: "q", topic: "t", right: false, at: t0 + days(3))
    #expect(missed.box == 1 && missed.dueAt == t0 + days(4) && missed.rightCount == 1 && missed.wrongCount == 1)
  }

  @Test("right answers climb the boxes, each due after its interval; a miss falls to box 1")
  func climbAndFall() {
    let drill = Drill()
    drill.start("pods")
    var time = t0
    let steps = [
      (2, 3, "Up to box 2"), (3, 7, "Up to box 3"), (4, 14, "Up to box 4"), (5, 30, "Up to box 5"),
      (5, 30, "Still in box 5"),
    ]
    for (box, wait, moved) in steps {
      drill.quiz("--topic", "pods", "-n", "1", at: time)
      #expect(drill.asked == ["pods/quiz-1"])
      let output = drill.answer("1", at: time)
      #expect(drill.card("pods/quiz-1")?.box == box)
      #expect(drill.card("pods/quiz-1")?.dueAt == time + days(Double(wait)))
      #expect(output.stdout.hasPrefix("Correct! \(moved): it comes back in \(wait) days.\n"))
      time = time + days(Double(wait))
    }
    drill.quiz("--topic", "pods", "-n", "1", at: time)
    let output = drill.answer("2", at: time)
    #expect(
      output.stdout
        == "Not quite. The answer: 1) An IP address and volumes\nBox 1: it comes back in 1 day.\n\n"
        + "Drill over: 0 of 1 right. `quiz --stats` shows your mastery per topic.\n")
    #expect(drill.card("pods/quiz-1")?.box == 1)
    #expect(drill.card("pods/quiz-1")?.dueAt == time + days(1))
    #expect(drill.tutor.quizDrill.memory.attempts.map(\.correct) == [true, true, true, true, true, false])
    #expect(drill.tutor.quizDrill.memory.attempts.map(\.boxBefore) == [nil, 2, 3, 4, 5, 5])
  }

  @Test("a question not due is not asked; once its interval has passed it is")
  func notDueNotAsked() {
    let drill = Drill()
    drill.start("pods")
    // The live question (the node of pod whoami) waits: there is no whoami yet.
    #expect(
      drill.quiz(at: t0).stdout.hasPrefix("Quiz drill: 2 questions — 0 due for review, 2 new.\n"))
    drill.answer("1", at: t0)
    drill.answer("kubectl get pods", at: t0)
    #expect(drill.card("pods/quiz-1")?.box == 2)
    #expect(drill.card("pods/quiz-2")?.box == 1)

    let early = drill.quiz(at: t0 + days(1) - 1)
    #expect(
      early.stdout == "Nothing to review now: 2 questions wait in their boxes; "
        + "the next is due on 2027-01-16 08:00 UTC.\n")
    #expect(!drill.tutor.quizDrill.isActive)

    let due = drill.quiz(at: t0 + days(1))
    #expect(drill.asked == ["pods/quiz-2"])
    #expect(
      due.stdout == """
        Quiz drill: 1 question — 1 due for review, 0 new.

        -- Question 1 of 1 · Pods: the smallest unit · box 1 --
        Type a command that lists pods with their IP addresses.
        (reply with `answer ...`)

        """)
  }

  @Test("due questions come first, most overdue first, then new ones in lesson order")
  func dueBeforeNew() {
    let drill = Drill()
    drill.start("control-plane")
    drill.quiz("-n", "2", at: t0)
    drill.answer("1", at: t0)  // control-plane/quiz-1 wrong: box 1, due t0+1d
    drill.answer("1", at: t0)  // control-plane/quiz-2 right: box 2, due t0+3d
    drill.quiz("-n", "3", at: t0 + days(5))
    #expect(drill.asked == ["control-plane/quiz-1", "control-plane/quiz-2", "control-plane/quiz-3"])
    drill.tutor.quizDrill.stop()
    drill.quiz("-n", "1", at: t0 + days(2))
    #expect(drill.asked == ["control-plane/quiz-1"])
  }

  @Test("--topic narrows the drill to a track or a lesson")
  func topic() {
    let drill = Drill()
    drill.start("pods")
    drill.start("control-plane")
    drill.quiz("--topic", "components", "-n", "10", at: t0)
    #expect(
      drill.asked == [
        "control-plane/quiz-1", "control-plane/quiz-2", "control-plane/quiz-3", "control-plane/quiz-4",
      ])
    drill.quiz("--stop", at: t0)
    drill.quiz("--topic=objects", "-n", "10", at: t0)
    #expect(drill.asked == ["pods/quiz-1", "pods/quiz-2"])
    drill.quiz("--stop", at: t0)
    drill.quiz("--topic", "pods", at: t0)
    #expect(drill.asked == ["pods/quiz-1", "pods/quiz-2"])
    drill.quiz("--stop", at: t0)
    drill.quiz(at: t0)
    #expect(Set(drill.tutor.quizDrill.questions.map(\.topic)) == ["objects", "components"])
    drill.quiz("--stop", at: t0)

    let unknown = drill.quiz("--topic", "networking", at: t0)
    #expect(unknown.exitCode == 1)
    #expect(
      unknown.stderr == "quiz: unknown topic 'networking' — use a track "
        + "(concepts, components, objects, commands, capstone) or a lesson id\n")
    let notStarted = drill.quiz("--topic", "commands", at: t0)
    #expect(notStarted.exitCode == 1)
    #expect(
      notStarted.stderr == "quiz: no questions on 'commands' yet — start one of its lessons first: "
        + "kubectl-run, get-output, logs-exec, describe-delete, rollouts\n")
  }

  @Test("with no lesson started the drill says how to start one")
  func nothingStarted() {
    let drill = Drill()
    let output = drill.quiz(at: t0)
    #expect(output.exitCode == 1)
    #expect(output.stdout.isEmpty)
    #expect(
      output.stderr == "quiz: no questions yet — the drill asks the quizzes of the lessons you have "
        + "started. Type `lessons` to list them, then `start ID`.\n")
    #expect(
      drill.quiz("--stats", at: t0).stdout
        == "No quiz answers yet: `quiz` starts a drill on the lessons you have started.\n")
    let korean = Drill(language: .ko)
    #expect(
      korean.quiz(at: t0).stderr == "quiz: 아직 낼 문제가 없습니다 — 복습 문제는 시작한 레슨의 퀴즈에서 "
        + "나옵니다. `lessons`로 목록을 보고 `start ID`로 레슨을 시작하세요.\n")
  }

  @Test("a lesson counts as started once opened, even after the learner moved on")
  func startedLessons() {
    let drill = Drill()
    drill.start("pods")
    drill.start("control-plane")
    #expect(drill.tutor.startedLessonIDs == ["pods", "control-plane"])
  }

  @Test("--stats prints mastery per topic: questions in box 3 or higher of those answered")
  func stats() {
    let drill = Drill()
    drill.start("pods")
    drill.start("control-plane")
    drill.quiz("-n", "6", at: t0)
    for answer in ["1", "1", "api server", "2", "1", "kubectl get pods -o wide"] {
      drill.answer(answer, at: t0)
    }
    drill.quiz("--topic", "pods", "-n", "1", at: t0 + days(3))
    drill.answer("1", at: t0 + days(3))  // pods/quiz-1: box 3
    let output = drill.quiz("--stats", at: t0 + days(3))
    #expect(
      output.stdout == """
        Quiz mastery per topic (mastered: in box 3 or higher):
          components   0 of 4 answered mastered (0%), 4 due now
          objects      1 of 2 answered mastered (50%), 1 due now
        Boxes: 1: 1   2: 4   3: 1   4: 0   5: 0

        """)
    let mastery = QuizMastery.byTopic(drill.tutor.quizDrill.memory.quizCards(), at: t0 + days(3))
    #expect(
      mastery == [
        QuizMastery(topic: "components", answered: 4, mastered: 0, due: 4),
        QuizMastery(topic: "objects", answered: 2, mastered: 1, due: 1),
      ])
    #expect(mastery[1].percent == 50 && mastery[1].fraction == 0.5)
  }

  @Test("Korean: questions, verdicts and the summary")
  func korean() {
    let drill = Drill(language: .ko)
    drill.start("control-plane")
    let asked = drill.quiz("-n", "2", at: t0)
    #expect(
      asked.stdout == """
        퀴즈 복습: 2문제 — 복습할 문제 0개, 새 문제 2개

        -- 2문제 중 1번 · 컨트롤 플레인, kube-system에서 직접 보기 · 새 문제 --
        클러스터 상태를 저장하는 구성 요소는?
          1) kube-scheduler
          2) etcd
          3) kubelet
        (`answer ...`로 답하세요)

        """)
    #expect(drill.answer("2", at: t0).stdout.hasPrefix("정답입니다! 2번 상자로 올라갑니다. 3일 뒤에 다시 나옵니다.\n"))
    let last = drill.answer("3", at: t0).stdout
    #expect(last.hasPrefix("아쉽지만 틀렸습니다. 정답: 1) 스케줄러\n1번 상자로 갑니다. 1일 뒤에 다시 나옵니다.\n"))
    #expect(last.hasSuffix("복습 끝: 2문제 중 1문제를 맞혔습니다. 주제별 숙달도는 `quiz --stats`로 볼 수 있습니다.\n"))
    #expect(
      drill.quiz("--topic", "networking", at: t0).stderr
        == "quiz: 'networking' 주제는 없습니다 — 트랙(concepts, components, objects, commands, "
        + "capstone)이나 레슨 ID를 쓰세요\n")
  }

  @Test("quiz reads --topic, -n, --stats, --stop and refuses the rest in pflag's words")
  func arguments() {
    func parse(_ words: String...) -> Result<QuizRequest, QuizRequest.Invalid> {
      QuizRequest.parse(words)
    }
    #expect(parse() == .success(QuizRequest()))
    #expect(parse("-n", "3", "--topic", "pods") == .success(QuizRequest(topic: "pods", count: 3)))
    #expect(parse("-n7") == .success(QuizRequest(count: 7)))
    #expect(parse("--count=2", "--topic=objects") == .success(QuizRequest(topic: "objects", count: 2)))
    #expect(parse("--stats") == .success(QuizRequest(action: .stats)))
    #expect(parse("--stop") == .success(QuizRequest(action: .stop)))
    #expect(parse("-n") == .failure(.init(message: "flag needs an argument: -n")))
    #expect(parse("--topic") == .failure(.init(message: "flag needs an argument: --topic")))
    #expect(
      parse("-n", "0") == .failure(
        .init(message: "invalid argument \"0\" for \"-n\": expected a number of questions from 1 to 100")))
    #expect(parse("--all") == .failure(.init(message: "unknown flag: --all")))
    #expect(parse("pods") == .failure(.init(message: "unexpected argument 'pods'")))
  }
}
