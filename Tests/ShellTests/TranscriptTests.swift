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
    let fixtures = Self.folder.appendingPathComponent("files")
    for mismatch in try SessionTranscript.playFile(file, in: Self.folder, fixtures: fixtures) {
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
