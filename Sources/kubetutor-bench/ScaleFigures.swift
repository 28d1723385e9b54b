import Foundation
import KubeCluster

/// A big Deployment on 100 nodes: create to all Ready, then a rolling
/// update, with simulated time fast-forwarded; wall time and peak memory.
enum ScaleFigures {
  static let nodes = 100

  static func deployment(replicas: Int) {
    var cluster = Cluster.kind(workers: nodes)
    let deployment = CommandFigures.deployment("big", replicas: replicas)
    var ready = 0
    let create = BenchSupport.seconds {
      _ = try? cluster.create(deployment)
      ready = waitForRollout(&cluster, deployment.key, replicas: replicas)
    }
    BenchSupport.line("Deployment of \(replicas) on \(nodes) nodes, create to all Ready (\(ready))", create, "s", key: "create-\(replicas)")
    BenchSupport.line("  peak memory", BenchSupport.peakMemoryMB(), "MB", key: "memory-\(replicas)")

    let update = BenchSupport.seconds {
      guard var current = cluster.store.get(deployment.key) else { return }
      current.content[path: "spec.template.spec.containers"] = [["name": "nginx", "image": "nginx:1.27.4"]]  // a tag the image catalogue has
      _ = try? cluster.update(current)
      ready = waitForRollout(&cluster, deployment.key, replicas: replicas)
    }
    BenchSupport.line("  rolling update to a new image, to all updated and Ready (\(ready))", update, "s", key: "update-\(replicas)")
    BenchSupport.line("  peak memory", BenchSupport.peakMemoryMB(), "MB", key: "memory-update-\(replicas)")
  }

  /// Advances the clock a second at a time until the Deployment's pods are
  /// all updated, ready and the only ones left; returns the ready count.
  private static func waitForRollout(_ cluster: inout Cluster, _ key: ObjectKey, replicas: Int) -> Int {
    var ready = 0
    for _ in 0..<3600 {
      cluster.advance(by: 1)
      guard let status = cluster.store.get(key)?.content["status"] else { continue }
      ready = status["readyReplicas"]?.int ?? 0
      if ready == replicas, status["updatedReplicas"]?.int == replicas, status["replicas"]?.int == replicas {
        break
      }
    }
    return ready
  }

  /// How each figure grew from 1,000 to 10,000 objects, beside n log n's ×13.3.
  static func printGrowth() {
    let figures = BenchSupport.recorded
    var lines: [String] = []
    for (label, small, large) in [
      ("kubectl get pods", "get-pods-1000", "get-pods-10000"),
      ("create to all Ready", "create-1000", "create-10000"),
      ("rolling update", "update-1000", "update-10000"),
      ("peak memory", "memory-update-1000", "memory-update-10000"),
    ] {
      guard let a = figures[small], let b = figures[large], a > 0 else { continue }
      lines.append("  " + label.padding(toLength: 60, withPad: " ", startingAt: 0) + String(format: "%9.1f x", b / a))
    }
    guard !lines.isEmpty else { return }
    BenchSupport.note("growth from 1,000 to 10,000 (linear: 10 x, n log n: 13.3 x)")
    for line in lines { BenchSupport.note(line) }
  }
}
