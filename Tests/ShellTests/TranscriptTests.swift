import Foundation
import KubetutorTestSupport
import Testing

/// Plays every recorded session in Transcripts/ in script mode and compares
/// each command's output line by line.
@Suite("Transcripts")
struct TranscriptTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Transcripts")
  static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
    .filter { $0.hasSuffix(".session") }.sorted()

  @Test("a transcript plays exactly as recorded", arguments: files)
  func plays(_ file: String) throws {
    let text = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
    let transcript = SessionTranscript(parsing: text)
    #expect(!transcript.steps.isEmpty)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubetutor-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let fixtures = Self.folder.appendingPathComponent("files")
    if let names = try? FileManager.default.contentsOfDirectory(atPath: fixtures.path) {
      for name in names {
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: directory.appendingPathComponent(name))
      }
    }
    if ProcessInfo.processInfo.environment["RECORD_TRANSCRIPTS"] == "1" {
      let recorded = transcript.record(workingDirectory: directory)
      try recorded.write(to: Self.folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
      return
    }
    for mismatch in transcript.play(workingDirectory: directory) {
      Issue.record("\(file):\n\(mismatch)")
    }
  }

  @Test("the transcript format matches placeholders and nothing else")
  func placeholders() {
    #expect(SessionTranscript.line("web-7d4b9c8f6d-x2k9p   1/1", matches: "web-{id}-{id}   1/1"))
    #expect(!SessionTranscript.line("web-7d4b9c8f6d-x2k9p   1/2", matches: "web-{id}-{id}   1/1"))
    #expect(SessionTranscript.line("whoami   2m30s", matches: "whoami   {age}"))
    #expect(!SessionTranscript.line("whoami   soon", matches: "whoami   {age}"))
    #expect(!SessionTranscript.line("a.b", matches: "a{id}b") )
  }
}
