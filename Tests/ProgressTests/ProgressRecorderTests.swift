import Foundation
import Progress
import Testing
import Tutor

/// The SQLite store is the tutor's `ProgressRecorder`.
@Suite("ProgressStore as the tutor's recorder")
struct ProgressRecorderTests {
  @Test("events and positions go through the protocol and survive a reopen")
  func recordsThroughTheProtocol() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("kubetutor-recorder-\(UUID().uuidString).db").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let recorder: ProgressRecorder = try ProgressStore(.path(path), profile: "ana")

    recorder.recordProgress(.hint, subject: "pods#2", detail: "1")
    recorder.recordProgress(.lesson, subject: "pods", detail: "quiz 3/3")
    recorder.savePosition(item: "replicasets", step: 2)

    let reopened: ProgressRecorder = try ProgressStore(.path(path), profile: "ana")
    #expect(reopened.progressEvents(.lesson).map(\.subject) == ["pods"])
    #expect(reopened.progressEvents(.lesson).first?.detail == "quiz 3/3")
    #expect(reopened.progressEvents(.hint).count == 1)
    #expect(reopened.savedPosition(item: "replicasets") == 2)
    #expect(reopened.savedPosition(item: "never") == nil)
  }
}
