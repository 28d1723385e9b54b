import KubeCluster

/// Plays a script in script mode, reporting the cluster after each command.
///
/// Declared here and implemented by the Shell, which owns the shell
/// language (heredocs, pipes); Tutor never runs commands itself.
package protocol ScriptPlayer {
  /// Plays `script` on `cluster`; calls `afterCommand` with the cluster and
  /// the commands so far after each command; returns the final cluster.
  func play(
    _ script: String, on cluster: Cluster,
    afterCommand: (Cluster, [CommandRun]) -> Void
  ) -> (cluster: Cluster, commands: [CommandRun], output: String)
}

/// `kubetutor scenario test`: proves a scenario solvable.
package enum ScenarioTester {
  package struct Report: Sendable {
    package var lines: [String]
    package var passed: Bool
  }

  /// In a fresh cluster: the set-up applies cleanly, no goal holds before
  /// the solution, and every goal holds after it.
  package static func test(
    _ scenario: Scenario, player: some ScriptPlayer, language: Language = .en,
    http: @escaping HTTPProbe = SimulatedHTTP.request
  ) -> Report {
    var lines: [String] = []
    var passed = true
    let (cluster, errors) = scenario.setUp.makeCluster()
    for error in errors {
      lines.append("✗ set-up: \(error.trimmingCharacters(in: .whitespacesAndNewlines))")
      passed = false
    }
    // Nothing may hold before the learner does anything.
    var startMemory = GoalMemory()
    let startContext = GoalContext(cluster: cluster, http: http)
    for (number, task) in scenario.tasks.enumerated() {
      for goal in task.goals
      where goal.goal.isMet(in: startContext, memory: &startMemory) {
        lines.append(
          "✗ task \(number + 1): goal already met before the solution: \(goal.description.text(language))"
        )
        passed = false
      }
    }
    var memories = Array(repeating: GoalMemory(), count: scenario.tasks.count)
    let result = player.play(scenario.solution, on: cluster) { cluster, commands in
      let context = GoalContext(
        cluster: cluster, commands: commands, answers: answers(commands), http: http)
      for index in scenario.tasks.indices {
        for (goalIndex, goal) in scenario.tasks[index].goals.enumerated() {
          _ = goal.goal.isMet(in: context, memory: &memories[index], id: "g\(goalIndex)")
        }
      }
    }
    let context = GoalContext(
      cluster: result.cluster, commands: result.commands, answers: answers(result.commands),
      http: http)
    for (number, task) in scenario.tasks.enumerated() {
      let unmet = task.goals.enumerated().filter { index, goal in
        !goal.goal.isMet(in: context, memory: &memories[number], id: "g\(index)")
      }.map(\.element)
      let title = firstLine(task.text.text(language))
      if unmet.isEmpty {
        lines.append("✓ task \(number + 1): \(title)")
      } else {
        passed = false
        let names = unmet.map { $0.description.text(language) }.joined(separator: "; ")
        lines.append("✗ task \(number + 1): \(title) — unmet after the solution: \(names)")
      }
    }
    return Report(lines: lines, passed: passed)
  }

  /// The texts typed with the `answer` builtin.
  package static func answers(_ commands: [CommandRun]) -> [String] {
    commands.filter { $0.argv.first == "answer" }.map { $0.argv.dropFirst().joined(separator: " ") }
  }

  static func firstLine(_ text: String) -> String {
    let line = text.split(separator: "\n").first.map(String.init) ?? text
    return line.count > 70 ? String(line.prefix(69)) + "…" : line
  }
}
