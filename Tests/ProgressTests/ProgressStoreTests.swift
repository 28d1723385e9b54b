import Foundation
import Progress
import Synchronization
import Testing

@Suite("Progress store")
struct ProgressStoreTests {
  let folder: TemporaryFolder
  let path: String

  init() throws {
    folder = try TemporaryFolder()
    path = folder.file("progress.db")
  }

  /// A clock that reads a fixed instant.
  static let noon = Date(timeIntervalSince1970: 1_800_000_000)

  @Test("data written by one store is there after reopening the file")
  func reopeningKeepsData() throws {
    do {
      let store = try ProgressStore(.path(path), now: { Self.noon })
      let session = try store.startSession(mode: .script)
      try store.recordCommand(
        line: "kubectl get pods", exitCode: 1, startedAt: Self.noon, durationMs: 12.5)
      try store.endSession(session)
      try store.saveSnapshot(name: "autosave", data: Data([1, 2, 3]))
      try store.record(kind: .goal, subject: "lesson/pods#1", detail: "pod web is running")
      try store.setPosition(item: "lesson/pods", step: 3)
    }

    let store = try ProgressStore(.path(path))

    let commands = try store.recentCommands(limit: 10)
    #expect(commands.count == 1)
    #expect(commands.first?.line == "kubectl get pods")
    #expect(commands.first?.exitCode == 1)
    #expect(commands.first?.startedAt == Self.noon)
    #expect(commands.first?.durationMs == 12.5)
    #expect(commands.first?.sessionID != nil)
    #expect(try store.loadSnapshot(name: "autosave") == Data([1, 2, 3]))
    #expect(try store.events(kind: .goal).map(\.subject) == ["lesson/pods#1"])
    #expect(try store.position(item: "lesson/pods") == 3)
    let sessions = try store.database.query("SELECT mode, started_at, ended_at FROM sessions")
    #expect(sessions == [["script", .real(1_800_000_000), .real(1_800_000_000)]])
  }

  @Test("commands belong to the open session, and to none once it ends")
  func commandsFollowTheSession() throws {
    let store = try ProgressStore(.path(path))

    let session = try store.startSession(mode: .interactive)
    try store.recordCommand(line: "in", exitCode: 0, startedAt: Date(), durationMs: 1)
    try store.endSession(session)
    try store.recordCommand(line: "after", exitCode: 0, startedAt: Date(), durationMs: 1)

    #expect(store.currentSession == nil)
    #expect(try store.recentCommands(limit: 5).map(\.sessionID) == [session, nil])
  }

  @Test("recentCommands returns the last few, oldest first")
  func recentCommandsAreTheNewest() throws {
    let store = try ProgressStore(.path(path))
    for index in 1...5 {
      try store.recordCommand(line: "c\(index)", exitCode: 0, startedAt: Date(), durationMs: 1)
    }

    #expect(try store.recentCommands(limit: 2).map(\.line) == ["c4", "c5"])
  }

  @Test("saving a snapshot again replaces it; an unknown name has none")
  func snapshotsAreReplaced() throws {
    let store = try ProgressStore(.path(path))
    let big = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0) })

    try store.saveSnapshot(name: "autosave", data: Data([9]))
    try store.saveSnapshot(name: "autosave", data: big)
    try store.saveSnapshot(name: "empty", data: Data())

    #expect(try store.loadSnapshot(name: "autosave") == big)
    #expect(try store.loadSnapshot(name: "empty") == Data())
    #expect(try store.loadSnapshot(name: "missing") == nil)
  }

  @Test("snapshots lists each profile's own snapshots by name, with when they were saved")
  func snapshotsAreListed() throws {
    var clock = Self.noon
    let store = try ProgressStore(.path(path), now: { clock })
    let other = try ProgressStore(.path(path), profile: "other", now: { clock })

    try store.saveSnapshot(name: "b", data: Data([1]))
    clock = Self.noon.addingTimeInterval(60)
    try store.saveSnapshot(name: "a", data: Data([2]))
    try other.saveSnapshot(name: "c", data: Data([3]))

    let listed = try store.snapshots()
    #expect(listed.map(\.name) == ["a", "b"])
    #expect(listed.map(\.savedAt) == [Self.noon.addingTimeInterval(60), Self.noon])
    #expect(try other.snapshots().map(\.name) == ["c"])
  }

  @Test func eventsFilterByKind() throws {
    let store = try ProgressStore(.path(path), now: { Self.noon })

    try store.record(kind: .hint, subject: "lesson/pods#1")
    try store.record(kind: .quiz, subject: "q-ports", detail: "b")
    try store.record(kind: .hint, subject: "lesson/pods#2")

    #expect(try store.events(kind: .hint).map(\.subject) == ["lesson/pods#1", "lesson/pods#2"])
    let quiz = try store.events(kind: .quiz)
    #expect(quiz.map(\.detail) == ["b"])
    #expect(quiz.map(\.at) == [Self.noon])
    #expect(try store.events().map(\.kind) == [.hint, .quiz, .hint])
  }

  @Test func positionsAreUpdatedInPlace() throws {
    let store = try ProgressStore(.path(path))

    try store.setPosition(item: "lesson/pods", step: 1)
    try store.setPosition(item: "lesson/pods", step: 2)

    #expect(try store.position(item: "lesson/pods") == 2)
    #expect(try store.position(item: "lesson/services") == nil)
    #expect(try store.database.integer("SELECT count(*) FROM positions") == 1)
  }

  @Test("each profile sees only its own rows")
  func profilesAreSeparate() throws {
    let kim = try ProgressStore(.path(path), profile: "kim")
    let lee = try ProgressStore(.path(path), profile: "lee")

    try kim.recordCommand(line: "kim's", exitCode: 0, startedAt: Date(), durationMs: 1)
    try kim.setPosition(item: "lesson/pods", step: 4)
    try kim.saveSnapshot(name: "autosave", data: Data([4]))
    try kim.record(kind: .lesson, subject: "lesson/pods")

    #expect(try lee.recentCommands(limit: 10).isEmpty)
    #expect(try lee.position(item: "lesson/pods") == nil)
    #expect(try lee.loadSnapshot(name: "autosave") == nil)
    #expect(try lee.events().isEmpty)
    #expect(try ProgressStore(.path(path), profile: "kim").recentCommands(limit: 10).count == 1)
  }

  @Test("two stores on one file, writing in turn, both see all 400 commands in order")
  func twoStoresInterleaved() throws {
    let first = try ProgressStore(.path(path))
    let second = try ProgressStore(.path(path))

    for index in 0..<200 {
      try first.recordCommand(line: "first \(index)", exitCode: 0, startedAt: Date(), durationMs: 1)
      try second.recordCommand(
        line: "second \(index)", exitCode: 0, startedAt: Date(), durationMs: 1)
    }

    let expected = (0..<200).flatMap { ["first \($0)", "second \($0)"] }
    #expect(try first.recentCommands(limit: 1_000).map(\.line) == expected)
    #expect(try second.recentCommands(limit: 1_000).map(\.line) == expected)
  }

  @Test("two threads with their own stores writing at once lose nothing")
  func twoStoresConcurrently() throws {
    let path = path
    let failures = Mutex<[String]>([])

    DispatchQueue.concurrentPerform(iterations: 2) { worker in
      do {
        let store = try ProgressStore(.path(path))
        for index in 0..<200 {
          try store.recordCommand(
            line: "worker \(worker) #\(index)", exitCode: 0, startedAt: Date(), durationMs: 1)
        }
      } catch {
        failures.withLock { $0.append("\(error)") }
      }
    }

    #expect(failures.withLock { $0 } == [])
    let lines = try ProgressStore(.path(path)).recentCommands(limit: 1_000).map(\.line)
    #expect(Set(lines) == Set((0..<2).flatMap { w in (0..<200).map { "worker \(w) #\($0)" } }))
    #expect(lines.count == 400)
  }

  @Test("10,000 commands, each committed on its own, are all kept")
  func tenThousandCommands() throws {
    let store = try ProgressStore(.path(path))

    for index in 0..<10_000 {
      try store.recordCommand(line: "c\(index)", exitCode: 0, startedAt: Date(), durationMs: 1)
    }

    let commands = try ProgressStore(.path(path)).recentCommands(limit: 20_000)
    #expect(commands.count == 10_000)
    #expect(commands.first?.line == "c0")
    #expect(commands.last?.line == "c9999")
  }
}

@Suite("Default database location")
struct DefaultLocationTests {
  let folder: TemporaryFolder

  init() throws { folder = try TemporaryFolder() }

  func permissions(_ path: String) throws -> Int? {
    try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
  }

  @Test("XDG_DATA_HOME wins, and the folder is created private to the user")
  func usesXDGDataHome() throws {
    let dataHome = folder.file("data")

    let path = try ProgressStore.defaultDatabasePath(
      environment: ["XDG_DATA_HOME": dataHome, "HOME": folder.file("home")])

    #expect(path == dataHome + "/kubetutor/progress.db")
    #expect(try permissions(dataHome + "/kubetutor") == 0o700)
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test("without XDG_DATA_HOME, or with a relative one, ~/.local/share is used")
  func fallsBackToHome() throws {
    let home = folder.file("home")

    let path = try ProgressStore.defaultDatabasePath(
      environment: ["XDG_DATA_HOME": "relative/data", "HOME": home])

    #expect(path == home + "/.local/share/kubetutor/progress.db")
    #expect(try permissions(home + "/.local/share/kubetutor") == 0o700)
  }

  @Test("an existing folder keeps its permissions")
  func keepsAnExistingFolder() throws {
    let kubetutor = folder.file("data/kubetutor")
    try FileManager.default.createDirectory(
      atPath: kubetutor, withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o750])

    _ = try ProgressStore.defaultDatabasePath(environment: ["XDG_DATA_HOME": folder.file("data")])

    #expect(try permissions(kubetutor) == 0o750)
  }
}
