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

  /// Plays the transcript in a fresh script-mode session; returns every mismatch.
  package func play(seed: UInt64 = 1, workingDirectory: URL) -> [Mismatch] {
    var output = ""
    let session = ShellSession(building: { Cluster.kind(seed: seed) }, mode: .script, workingDirectory: workingDirectory) { _, text in
      output += text
    }
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
  package func record(seed: UInt64 = 1, workingDirectory: URL) -> String {
    var output = ""
    let session = ShellSession(building: { Cluster.kind(seed: seed) }, mode: .script, workingDirectory: workingDirectory) { _, text in
      output += text
    }
    var text = ""
    for step in steps {
      output = ""
      for (index, line) in step.input.enumerated() { text += (index == 0 ? "$ " : "> ") + line + "\n" }
      for line in step.input { session.feed(line) }
      text += output
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
