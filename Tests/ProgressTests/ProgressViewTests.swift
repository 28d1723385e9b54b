import Foundation
import Progress
import Testing
import Tutor

/// What `progress`, `progress --export` and `report` print for a learner
/// whose records are known to the second.
@Suite("Progress views, exports and reports")
struct ProgressViewTests {
  let folder: TemporaryFolder

  init() throws {
    folder = try TemporaryFolder()
  }

  /// Two lessons in one track, and a scenario.
  static let course = Course(
    tracks: [
      Course.Track(
        id: "basics", title: LocalizedText(en: "1. Basics", ko: "1. 기초"),
        lessons: [
          Course.Entry(
            id: "pods", kind: .lesson, track: "basics",
            title: LocalizedText(en: "Pods", ko: "파드"), steps: 4, quizzes: 1),
          Course.Entry(
            id: "services", kind: .lesson, track: "basics",
            title: LocalizedText(en: "Services", ko: "서비스"), steps: 3, quizzes: 1,
            requires: ["pods"]),
        ])
    ],
    scenarios: [
      Course.Entry(id: "fix-it", kind: .scenario, title: LocalizedText("Fix it"), steps: 2)
    ])

  static let start = Date(timeIntervalSince1970: 1_800_000_000)

  /// Ana finished pods in 90 s (one hint, the quiz right on the second
  /// try) and is at step 2 of services after 10 s more.
  func ana(_ path: String) throws -> ProgressStore {
    var clock = Self.start
    let store = try ProgressStore(.path(path), profile: "ana", now: { clock })
    try store.startSession(mode: .interactive)
    func command(_ line: String, at seconds: Double, in item: String?) throws {
      clock = Self.start + seconds
      try store.recordCommand(
        line: line, exitCode: line.hasPrefix("kubectl get nope") ? 1 : 0, startedAt: clock,
        durationMs: 5, courseItem: item)
    }
    try command("start pods", at: 0, in: nil)
    try command("kubectl run web --image=nginx", at: 60, in: "pods")
    try store.record(kind: .hint, subject: "pods#2", detail: "1")
    try store.record(kind: .goal, subject: "pods#2", detail: "pod web is Running")
    try store.record(kind: .step, subject: "pods#2", detail: "done")
    try store.recordQuizAttempt(
      item: "pods", step: 3, question: "Which?", answer: "2", correct: false)
    try store.recordQuizAttempt(
      item: "pods", step: 3, question: "Which?", answer: "1", correct: true)
    try command("answer 1", at: 90, in: "pods")
    try store.record(kind: .lesson, subject: "pods", detail: "quiz 0/1, hints 1, 90s")
    try store.setPosition(item: "pods", step: 0)
    try command("kubectl get nope", at: 100, in: "services")
    try store.setPosition(item: "services", step: 1)
    try store.setCurrentItem("services")
    return store
  }

  func progress(_ store: ProgressStore) throws -> LearnerProgress {
    try LearnerProgress.read(store.database, profileID: store.profileID)
  }

  @Test("the page shows each track's bar, each lesson's figures, totals and the next lesson")
  func englishPage() throws {
    let store = try ana(folder.file("ana.db"))

    let text = ProgressView.text(try progress(store), course: Self.course, language: .en)

    #expect(
      text == """
        Progress of ana

        1. Basics  [██████████░░░░░░░░░░] 1/2 lessons
          ✓ pods                  quiz 0/1  hints 1   1m30s   done
          ▸ services              quiz 0/1  hints 0   10s     step 2 of 3

        Scenarios  [░░░░░░░░░░░░░░░░░░░░] 0/1 solved
          none started yet: `scenarios` lists them

        Lessons: 1 of 2 done   Quiz: 0 of 1 right on the first try   Hints used: 1   Time: 1m40s
        Next: `start services` — Services (step 2 of 3)

        """)
  }

  @Test("the page in Korean")
  func koreanPage() throws {
    let store = try ana(folder.file("ana.db"))

    let text = ProgressView.text(try progress(store), course: Self.course, language: .ko)

    let lines = text.components(separatedBy: "\n")
    #expect(lines[0] == "ana의 진행 상황")
    #expect(lines[2] == "1. 기초  [██████████░░░░░░░░░░] 레슨 1/2")
    #expect(lines[3] == "  ✓ pods                  퀴즈 0/1    힌트 1      1m30s   완료")
    #expect(lines[4] == "  ▸ services              퀴즈 0/1    힌트 0      10s     3단계 중 2단계")
    #expect(lines.contains("다음: `start services` — 서비스 (3단계 중 2단계)"))
  }

  @Test("with nothing open, the next lesson is the first whose requirements are done")
  func suggestsTheNextReadyLesson() throws {
    let store = try ProgressStore(.path(folder.file("new.db")), profile: "bo")
    try store.record(kind: .lesson, subject: "pods", detail: "quiz 1/1, hints 0, 30s")

    let text = ProgressView.text(try progress(store), course: Self.course, language: .en)

    #expect(text.hasSuffix("Next: `start services` — Services\n"))
  }

  @Test("the CSV export has a row per lesson and scenario and a total row")
  func csvExport() throws {
    let store = try ana(folder.file("ana.db"))
    let learner = ProgressExport.Learner(database: "ana.db", progress: try progress(store))

    let csv = ProgressExport.csv([learner], course: Self.course)

    #expect(
      csv.components(separatedBy: "\r\n") == [
        "database,profile,kind,id,track,status,step,steps,steps_done,goals_met,hints,"
          + "quiz_first_try,quiz_questions,quiz_attempts,seconds,started_at,finished_at",
        "ana.db,ana,lesson,pods,basics,done,,4,1,1,1,0,1,2,90,2027-01-15T08:01:00Z,"
          + "2027-01-15T08:01:30Z",
        "ana.db,ana,lesson,services,basics,in-progress,2,3,0,0,0,0,1,0,10,2027-01-15T08:01:40Z,",
        "ana.db,ana,scenario,fix-it,,not-started,,2,0,0,0,0,0,0,0,,",
        "ana.db,ana,total,,,1/3,,,1,1,1,0,2,2,100,,",
        "",
      ])
  }

  @Test("fields with commas or quotes are quoted as RFC 4180 says")
  func csvQuoting() {
    #expect(ProgressExport.csvField("plain") == "plain")
    #expect(ProgressExport.csvField("a,b") == "\"a,b\"")
    #expect(ProgressExport.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
  }

  @Test("the JSON export holds totals, items, quiz attempts, events and commands")
  func jsonExport() throws {
    let store = try ana(folder.file("ana.db"))
    let learner = ProgressExport.Learner(database: "ana.db", progress: try progress(store))

    let text = ProgressExport.json([learner], course: Self.course, exportedAt: Self.start)

    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(document["format"] as? String == "kubetutor-progress")
    #expect(document["version"] as? Int == 1)
    #expect(document["exportedAt"] as? String == "2027-01-15T08:00:00Z")
    let learners = try #require(document["learners"] as? [[String: Any]])
    let ana = try #require(learners.first)
    #expect(ana["profile"] as? String == "ana")
    #expect(ana["currentItem"] as? String == "services")
    let totals = try #require(ana["totals"] as? [String: Any])
    #expect(totals["lessonsDone"] as? Int == 1)
    #expect(totals["hints"] as? Int == 1)
    #expect(totals["commands"] as? Int == 4)
    #expect(totals["failedCommands"] as? Int == 1)
    let attempts = try #require(ana["quizAttempts"] as? [[String: Any]])
    #expect(attempts.map { $0["answer"] as? String } == ["2", "1"])
    #expect(attempts.map { $0["correct"] as? Bool } == [false, true])
    #expect(attempts.first?["question"] as? String == "Which?")
    let items = try #require(ana["items"] as? [[String: Any]])
    #expect(items.map { $0["id"] as? String } == ["pods", "services", "fix-it"])
    #expect(items.map { $0["status"] as? String } == ["done", "in-progress", "not-started"])
    #expect((ana["commands"] as? [[String: Any]])?.count == 4)
    #expect((ana["events"] as? [[String: Any]])?.count == 4)
  }

  @Test("the workshop table puts learners side by side with totals")
  func reportTable() throws {
    let ana = try ana(folder.file("ana.db"))
    let bo = try ProgressStore(.path(folder.file("bo.db")), profile: "bo")
    try bo.record(kind: .hint, subject: "fix-it#1", detail: "1")
    try bo.record(kind: .scenario, subject: "fix-it", detail: "hints 1, 75s")
    let learners = [
      ProgressExport.Learner(database: "ana.db", progress: try progress(ana)),
      ProgressExport.Learner(database: "bo.db", progress: try progress(bo)),
    ]

    let table = ProgressReport.table(learners, course: Self.course)

    #expect(
      table == """
        ITEM               ana            bo             DONE
        pods               ✓ 1m30s h1     -              1/2
        services           2/3 10s h0     -              0/2
        fix-it             -              ✓ 1m15s h1     1/2
        lessons done       1/2            0/2
        scenarios solved   0/1            1/1
        quiz first try     0/1            0/0
        hints              1              1              2
        time               1m40s          1m15s          2m55s
        commands           4 (1 failed)   0 (0 failed)

        """)
  }

  @Test("the same profile name in two files is told apart by the file")
  func labelsTellFilesApart() throws {
    let one = try ProgressStore(.path(folder.file("one.db")))
    let two = try ProgressStore(.path(folder.file("two.db")))
    let learners = [
      ProgressExport.Learner(database: "/x/one.db", progress: try progress(one)),
      ProgressExport.Learner(database: "/y/two.db", progress: try progress(two)),
    ]

    #expect(ProgressReport.labels(learners) == ["default@one.db", "default@two.db"])
  }

  // MARK: Reset

  @Test("resetting a lesson forgets its events, quiz, position and time, and nothing else")
  func resetLesson() throws {
    let store = try ana(folder.file("ana.db"))
    try store.saveSnapshot(name: "current", data: Data([1]))

    try store.reset(.lesson("pods"))

    let after = try progress(store)
    #expect(after.events.isEmpty)
    #expect(after.quizAttempts.isEmpty)
    #expect(after.positions["pods"] == nil)
    #expect(after.positions["services"]?.step == 1)
    #expect(after.secondsByItem == ["services": 10])
    #expect(after.commands.count == 4)
    #expect(after.currentItem == "services")
    #expect(try store.loadSnapshot(name: "current") == Data([1]))
    let pods = after.items(in: Self.course)[0]
    #expect(pods.status == .notStarted)
  }

  @Test("resetting the cluster drops only the saved cluster")
  func resetCluster() throws {
    let store = try ana(folder.file("ana.db"))
    try store.saveSnapshot(name: "current", data: Data([1]))

    try store.reset(.cluster)

    #expect(try store.loadSnapshot(name: "current") == nil)
    #expect(try progress(store).events.count == 4)
  }

  @Test("resetting all leaves an empty profile, and other profiles untouched")
  func resetAll() throws {
    let path = folder.file("shared.db")
    let store = try ana(path)
    let other = try ProgressStore(.path(path), profile: "bo")
    try other.record(kind: .hint, subject: "pods#2", detail: "1")
    try store.saveSnapshot(name: "current", data: Data([1]))

    try store.reset(.all)

    let after = try progress(store)
    #expect(after.events.isEmpty && after.quizAttempts.isEmpty && after.commands.isEmpty)
    #expect(after.positions.isEmpty)
    #expect(after.currentItem == nil)
    #expect(after.sessions.map(\.id) == [try #require(store.currentSession)])
    #expect(try store.loadSnapshot(name: "current") == nil)
    #expect(try progress(other).events.count == 1)
  }

  @Test("reset words: scopes, --yes, and errors in kubectl-like words")
  func resetParsing() throws {
    let recorded: Set<String> = ["old-lesson"]
    func parse(_ words: String) -> Result<ResetRequest, ResetError> {
      ResetRequest.parse(
        words.split(separator: " ").map(String.init), course: Self.course, recorded: recorded)
    }
    #expect(try parse("lesson pods").get() == ResetRequest(scope: .lesson("pods"), confirmed: false))
    #expect(try parse("--yes cluster").get() == ResetRequest(scope: .cluster, confirmed: true))
    #expect(try parse("all -y").get() == ResetRequest(scope: .all, confirmed: true))
    #expect(try parse("lesson old-lesson").get().scope == .lesson("old-lesson"))
    #expect(try parse("scenario fix-it").get().scope == .scenario("fix-it"))
    #expect(throws: ResetError.unknownLesson("nope")) { try parse("lesson nope").get() }
    #expect(throws: ResetError.unknownScenario("pods")) { try parse("scenario pods").get() }
    #expect(throws: ResetError.usage) { try parse("everything").get() }
    #expect(throws: ResetError.unknownFlag("--force")) { try parse("all --force").get() }
    #expect(ResetError.usage.message(.en) == "reset: " + ResetRequest.usage)
    #expect(ResetRequest.agrees("y") && ResetRequest.agrees(" YES ") && ResetRequest.agrees("네"))
    #expect(!ResetRequest.agrees("") && !ResetRequest.agrees(nil) && !ResetRequest.agrees("n"))
  }
}
