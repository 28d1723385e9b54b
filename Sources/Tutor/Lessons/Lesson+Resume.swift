import Foundation
import KubeCluster

extension Lesson {
  /// The cluster a learner resuming at `step` (0-based) finds: the set-up,
  /// then the reference solutions of the earlier `try` steps, its clock
  /// ending at `start` so that at a terminal it goes on with the wall clock.
  package func resumedCluster(at step: Int, start: Date, player: any ScriptPlayer) -> Cluster {
    func build(from origin: Date) -> Cluster {
      var cluster = setUp.makeCluster(start: origin).0
      for case .task(let task) in steps.prefix(step) {
        guard let solution = task.solution else { continue }
        cluster = player.play(solution, on: cluster) { _, _ in }.cluster
      }
      return cluster
    }
    let first = build(from: start)
    let spent = first.now.timeIntervalSince(start)
    return spent > 0 ? build(from: start.addingTimeInterval(-spent)) : first
  }
}
