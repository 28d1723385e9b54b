import Foundation
import KubeCluster
import Shell

/// A recorded shell session: commands typed after `$ `, continuation lines
/// after `> `, and the output each command must print (stdout and stderr,
/// in order). `[exit N]` after an output block asserts the exit status.
///
/// Expected lines may hold `{id}` (a generated name part, `[a-z0-9]+`),
/// `{age}` (a kubectl age) or `{*}` (anything on the line).
package struct SessionTranscript {
  package struct Step {
    package var input: [String]
    package var expected: [String]
    package var exitCode: Int32?
  }

  package var steps: [Step] = []

  package init(parsing text: String) {
    var current: Step?
    for line in text.components(separatedBy: "\n") {
      if line.hasPrefix("$ ") {
        if let step = current { steps.append(step) }
        current = Step(input: [String(line.dropFirst(2))], expected: [])
      } else if line.hasPrefix("> ") || line == ">", current != nil, current?.expected.isEmpty == true {
        current?.input.append(line == ">" ? "" : String(line.dropFirst(2)))
      } else if line.hasPrefix("[exit "), line.hasSuffix("]"), let code = Int32(line.dropFirst(6).dropLast()) {
        current?.exitCode = code
      } else if line.hasPrefix("#") && current == nil {
        continue
      } else {
        current?.expected.append(line)
      }
    }
    if let step = current { steps.append(step) }
    for index in steps.indices {
      while steps[index].expected.last == "" { steps[index].expected.removeLast() }
    }
  }

  /// A mismatch between what a step printed and what the transcript says.
  package struct Mismatch: CustomStringConvertible {
    package var command: String
    package var expected: String
    package var actual: String
    package var description: String { "$ \(command)\n--- expected\n\(expected)\n--- actual\n\(actual)" }
  }

  /// Plays the transcript file `file` of `folder` in a fresh working folder
  /// holding copies of the files in `fixtures`; with `RECORD_TRANSCRIPTS=1`
  /// records it instead. Returns every mismatch.
  package static func playFile(
    _ file: String, in folder: URL, fixtures: URL?, configure: (ShellSession) -> Void = { _ in }
  ) throws -> [Mismatch] {
    let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
    let transcript = SessionTranscript(parsing: text)
    guard !transcript.steps.isEmpty else {
      return [Mismatch(command: file, expected: "at least one command", actual: "none")]
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubetutor-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    if let fixtures, let names = try? FileManager.default.contentsOfDirectory(atPath: fixtures.path) {
      for name in names {
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: directory.appendingPathComponent(name))
      }
    }
    if ProcessInfo.processInfo.environment["RECORD_TRANSCRIPTS"] == "1" {
      let recorded = transcript.record(workingDirectory: directory, configure: configure)
      try recorded.write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
      return []
    }
    return transcript.play(workingDirectory: directory, configure: configure)
  }

  /// Plays the transcript in a fresh script-mode session; returns every mismatch.
  ///
  /// - Parameter configure: wires the session before it plays, such as the
  ///   API behind `kubectl proxy` (KubeAPIServerTests).
  package func play(
    seed: UInt64 = 1, workingDirectory: URL, configure: (ShellSession) -> Void = { _ in }
  ) -> [Mismatch] {
    var output = ""
    let session = ShellSession(building: { Cluster.kind(seed: seed) }, mode: .script, workingDirectory: workingDirectory) { _, text in
      output += text
    }
    configure(session)
    var mismatches: [Mismatch] = []
    for step in steps {
      output = ""
      for line in step.input { session.feed(line) }
      var actual = output.components(separatedBy: "\n")
      // Trailing blank lines cannot be told apart from the gap before the
      // next command in a transcript file, so they are not compared.
      while actual.last == "" { actual.removeLast() }
      let matches = actual.count == step.expected.count
        && zip(actual, step.expected).allSatisfy { SessionTranscript.line($0, matches: $1) }
      let exitMatches = step.exitCode.map { $0 == session.lastStatus } ?? true
      if !matches || !exitMatches {
        mismatches.append(Mismatch(
          command: step.input.joined(separator: "\n"),
          expected: step.expected.joined(separator: "\n") + (step.exitCode.map { "\n[exit \($0)]" } ?? ""),
          actual: actual.joined(separator: "\n") + "\n[exit \(session.lastStatus)]"))
      }
    }
    return mismatches
  }

  /// Plays the transcript and writes it back with what each command printed:
  /// how a new transcript is recorded (then read and checked by a person).
  package func record(
    seed: UInt64 = 1, workingDirectory: URL, configure: (ShellSession) -> Void = { _ in }
  ) -> String {
    var output = ""
    let session = ShellSession(building: { Cluster.kind(seed: seed) }, mode: .script, workingDirectory: workingDirectory) { _, text in
      output += text
    }
    configure(session)
    var text = ""
    for step in steps {
      output = ""
      for (index, line) in step.input.enumerated() { text += (index == 0 ? "$ " : "> ") + line + "\n" }
      for line in step.input { session.feed(line) }
      // Output without a final newline (JSON indented by the API server)
      // still ends its block.
      text += output + (output.isEmpty || output.hasSuffix("\n") ? "" : "\n")
      if session.lastStatus != 0 { text += "[exit \(session.lastStatus)]\n" }
    }
    return text
  }

  /// Whether an output line matches an expected line with placeholders.
  package static func line(_ actual: String, matches expected: String) -> Bool {
    guard expected.contains("{") else { return actual == expected }
    var pattern = "^"
    var rest = Substring(expected)
    let placeholders = ["{id}": "[a-z0-9]+", "{age}": "[0-9]+[smhdy][0-9smhdy]*", "{*}": ".*"]
    while !rest.isEmpty {
      if let (token, regex) = placeholders.first(where: { rest.hasPrefix($0.key) }) {
        pattern += regex
        rest = rest.dropFirst(token.count)
      } else {
        pattern += NSRegularExpression.escapedPattern(for: String(rest.prefix(1)))
        rest = rest.dropFirst()
      }
    }
    pattern += "$"
    return actual.range(of: pattern, options: .regularExpression) != nil
  }
}
