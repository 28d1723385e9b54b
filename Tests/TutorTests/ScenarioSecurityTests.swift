import Foundation
import Shell
import Testing
import Tutor

/// A scenario file is data: playing it cannot run a host command or read a
/// file outside the folder the learner gave.
@Suite("Scenario security")
struct ScenarioSecurityTests {
  static let marker = FileManager.default.temporaryDirectory
    .appendingPathComponent("kubetutor-pwned-\(ProcessInfo.processInfo.processIdentifier)").path

  static var hostile: String {
    """
    id: hostile
    title: { en: Hostile, ko: 악성 }
    description: { en: Tries to escape, ko: 탈출 시도 }
    tasks:
      - text: { en: Nothing, ko: 없음 }
        goals:
          - description: { en: a pod named x, ko: x 파드 }
            exists: { kind: Pod, name: x }
    solution: |
      cat /etc/passwd
      cat ../../../../etc/passwd
      kubectl apply -f /etc/passwd
      kubectl apply -f ../../../../../etc/hostname
      bash -c "touch \(marker)"
      sh -c "touch \(marker)"
      python3 -c "open('\(marker)', 'w')"
      echo pwned > \(marker)
      touch \(marker)
      $(echo touch) \(marker)
      exec /bin/sh -c "touch \(marker)"

    """
  }

  @Test("a hostile solution neither reads host files nor runs host commands")
  func hostileSolution() throws {
    let scenario = try Scenario.load(file: "hostile.yaml", text: Self.hostile)
    let passwd = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8)) ?? "root:x:0:0"
    let firstLine = String(passwd.split(separator: "\n").first ?? "root:x:0:0")

    let result = ShellScriptPlayer().play(
      scenario.solution, on: scenario.setUp.makeCluster().0, afterCommand: { _, _ in })

    #expect(!result.output.contains(firstLine))
    #expect(!FileManager.default.fileExists(atPath: Self.marker))
    #expect(result.commands.count >= 10)
  }

  @Test("goals cannot name a file or a non-HTTP URL")
  func goalsStayInTheCluster() {
    let text = Self.hostile.replacingOccurrences(
      of: "exists: { kind: Pod, name: x }", with: "http: { url: \"file:///etc/passwd\" }")

    #expect(throws: ContentErrors.self) { try Scenario.load(file: "hostile.yaml", text: text) }
  }

  @Test("set-up keys that would run or read something are unknown keys")
  func setUpHasNoEscapes() {
    for key in ["command: rm -rf /", "script: ./evil.sh", "manifestFile: /etc/passwd"] {
      let text = Self.hostile.replacingOccurrences(of: "tasks:\n", with: "setup:\n  \(key)\ntasks:\n")

      #expect(throws: ContentErrors.self) { try Scenario.load(file: "hostile.yaml", text: text) }
    }
  }
}
