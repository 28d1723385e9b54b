import Foundation
import KubeCluster

extension Scenario {
  /// The cluster a learner resuming at `task` (0-based) finds: the set-up,
  /// then the reference solution played up to the command after which
  /// every earlier task had been completed, in order, as the learner did.
  /// Its clock ends at `start`, so that at a terminal it goes on with the
  /// wall clock.
  package func resumedCluster(at task: Int, start: Date, player: any ScriptPlayer) -> Cluster {
    func build(from origin: Date) -> Cluster {
      let initial = setUp.makeCluster(start: origin).0
      var memories = Array(repeating: GoalMemory(), count: task)
      var completed = 0
      var reached: Cluster?
      let played = player.play(solution, on: initial) { cluster, commands in
        guard reached == nil else { return }
        let context = GoalContext(
          cluster: cluster, commands: commands, answers: ScenarioTester.answers(commands))
        while completed < task {
          let met = tasks[completed].goals.enumerated().map { index, goal in
            goal.goal.isMet(in: context, memory: &memories[completed], id: "g\(index)")
          }
          guard met.allSatisfy({ $0 }) else { break }
          completed += 1
        }
        if completed == task { reached = cluster }
      }
      return reached ?? played.cluster
    }
    let first = build(from: start)
    let spent = first.now.timeIntervalSince(start)
    return spent > 0 ? build(from: start.addingTimeInterval(-spent)) : first
  }
}
