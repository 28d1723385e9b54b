import Foundation
import Progress
import Testing

/// A full disk, simulated with SQLite's page limit: the write fails with a
/// message naming the file, and what was committed before stays.
@Suite("A full disk")
struct FullDiskTests {
  @Test("a write that does not fit is refused, and the file is left byte for byte")
  func fullDisk() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("progress.db")
    let store = try ProgressStore(.path(path))
    try store.recordCommand(line: "kubectl get pods", exitCode: 0, startedAt: Date(), durationMs: 1)
    try store.database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    let before = try contents(of: path)
    let pages = try store.database.integer("PRAGMA page_count")
    try store.database.execute("PRAGMA max_page_count = \(pages)")

    let error = #expect(throws: DatabaseError.self) {
      try store.saveSnapshot(name: "current", data: Data(repeating: 7, count: 1_000_000))
    }

    #expect(error == .full(path: path))
    #expect(
      error?.description
        == "cannot write progress to \(path): the disk is full; the last change was not saved "
        + "(the file is intact). Free some space, or use --db to choose another file")
    #expect(try contents(of: path) == before)
    let reopened = try ProgressStore(.path(path))
    #expect(try reopened.recentCommands(limit: 5).map(\.line) == ["kubectl get pods"])
    #expect(try reopened.loadSnapshot(name: "current") == nil)
  }
}
