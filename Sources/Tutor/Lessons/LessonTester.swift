import KubeCluster

/// Proves a lesson: in a fresh cluster with its set-up, each `try` step's
/// goals are unmet when the step begins and met after its solution.
package enum LessonTester {
  package static func test(
    _ lesson: Lesson, player: some ScriptPlayer, http: @escaping HTTPProbe = SimulatedHTTP.request
  ) -> ScenarioTester.Report {
    var lines: [String] = []
    var passed = true
    var (cluster, errors) = lesson.setUp.makeCluster()
    for error in errors {
      lines.append("✗ set-up: \(error)")
      passed = false
    }
    for (index, step) in lesson.steps.enumerated() {
      guard case .task(let task) = step else { continue }
      var startMemory = GoalMemory()
      for goal in task.goals
      where goal.goal.isMet(in: GoalContext(cluster: cluster, http: http), memory: &startMemory) {
        lines.append("✗ step \(index + 1): already met at the start: \(goal.description.en)")
        passed = false
      }
      var memory = GoalMemory()
      let result = player.play(task.solution ?? "", on: cluster) { cluster, commands in
        let context = GoalContext(
          cluster: cluster, commands: commands, answers: ScenarioTester.answers(commands),
          http: http)
        for (goalIndex, goal) in task.goals.enumerated() {
          _ = goal.goal.isMet(in: context, memory: &memory, id: "g\(goalIndex)")
        }
      }
      cluster = result.cluster
      let context = GoalContext(
        cluster: cluster, commands: result.commands,
        answers: ScenarioTester.answers(result.commands), http: http)
      let unmet = task.goals.enumerated().filter { goalIndex, goal in
        !goal.goal.isMet(in: context, memory: &memory, id: "g\(goalIndex)")
      }.map(\.element.description.en)
      if unmet.isEmpty {
        lines.append("✓ step \(index + 1)")
      } else {
        passed = false
        lines.append(
          "✗ step \(index + 1): unmet after the solution: \(unmet.joined(separator: "; "))")
      }
    }
    return ScenarioTester.Report(lines: lines, passed: passed)
  }
}
