import Foundation
import Shell
import Testing
import Tutor

/// Every shipped scenario loads and lints; the ones the cluster can play
/// today are proven solvable the way `kubetutor scenario test` does.
@Suite("Shipped scenarios")
struct ScenarioContentTests {
  /// Scenarios whose solution passes on today's cluster.
  static let passing = [
    "image-pull-typo", "crashloop-bad-command", "pending-huge-requests",
    "service-selector-mismatch", "wrong-target-port", "failing-readiness-probe",
    "scheduler-down", "node-not-ready-drain", "bad-rollout-undo", "ingress-wrong-service",
    "full-app", "job-completions", "namespace-per-team", "statefulset-storage",
    "pending-untolerated-taint", "pending-full-node", "exam-three-faults",
  ]

  /// Scenarios written ahead of the cluster features they need.
  static let pending: [String: String] = [:]

  @Test("every scenario file is listed as passing or pending")
  func everyFileIsListed() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: ContentPaths.scenarios.path)
      .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
    #expect(Set(names) == Set(Self.passing).union(Self.pending.keys))
    #expect(names.count >= 14)
  }

  @Test(
    "every scenario lints clean, in both languages",
    arguments: Self.passing + Self.pending.keys.sorted())
  func lints(id: String) throws {
    let scenario = try Scenario.load(url: ContentPaths.scenario(id))
    #expect(scenario.id == id)
    #expect(!scenario.title.ko.isEmpty && !scenario.description.ko.isEmpty)
  }

  @Test("the solution proves the scenario", arguments: Self.passing)
  func solves(id: String) throws {
    let scenario = try Scenario.load(url: ContentPaths.scenario(id))

    let report = ScenarioTester.test(scenario, player: ShellScriptPlayer())

    #expect(report.passed, "\(report.lines.joined(separator: "\n"))")
    #expect(report.lines.count == scenario.tasks.count)
  }
}
