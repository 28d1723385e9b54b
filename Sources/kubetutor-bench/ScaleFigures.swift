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
    var cpu = BenchSupport.cpuSeconds()
    let create = BenchSupport.seconds {
      _ = try? cluster.create(deployment)
      ready = waitForRollout(&cluster, deployment.key, replicas: replicas)
    }
    BenchSupport.line("Deployment of \(replicas) on \(nodes) nodes, create to all Ready (\(ready))", create, "s", key: "create-\(replicas)")
    // CPU time too: on a machine shared with other builds, wall time says
    // more about them than about this.
    BenchSupport.line("  cpu time", BenchSupport.cpuSeconds() - cpu, "s", key: "cpu-create-\(replicas)")
    BenchSupport.line("  peak memory", BenchSupport.peakMemoryMB(), "MB", key: "memory-\(replicas)")

    cpu = BenchSupport.cpuSeconds()
    let update = BenchSupport.seconds {
      guard var current = cluster.store.get(deployment.key) else { return }
      current.content[path: "spec.template.spec.containers"] = [["name": "nginx", "image": "nginx:1.27.4"]]  // a tag the image catalogue has
      _ = try? cluster.update(current)
      ready = waitForRollout(&cluster, deployment.key, replicas: replicas)
    }
    BenchSupport.line("  rolling update to a new image, to all updated and Ready (\(ready))", update, "s", key: "update-\(replicas)")
    BenchSupport.line("  cpu time", BenchSupport.cpuSeconds() - cpu, "s", key: "cpu-update-\(replicas)")
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
      ("create to all Ready, cpu time", "cpu-create-1000", "cpu-create-10000"),
      ("rolling update", "update-1000", "update-10000"),
      ("rolling update, cpu time", "cpu-update-1000", "cpu-update-10000"),
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

/// `kubetutor-bench --fingerprint REPLICAS [NODES]`: plays a scale story
/// (create, roll out, update the image, scale down, delete pods) and prints
/// a digest of everything the cluster holds and journaled after each step,
/// so a change meant only to make the simulation faster can prove that it
/// changed nothing a learner could see.
enum ScaleFingerprint {
  static func run(replicas: Int, nodes: Int) {
    var cluster = Cluster.kind(workers: nodes)
    var deployment = CommandFigures.deployment("big", replicas: replicas)
    func step(_ name: String, seconds: Int) {
      for _ in 0..<seconds { cluster.advance(by: 1) }
      BenchSupport.note("\(name): revision \(cluster.store.revision), \(digest(cluster))")
    }
    _ = try? cluster.create(deployment)
    step("create", seconds: 120)
    guard var current = cluster.store.get(deployment.key) else { return }
    current.content[path: "spec.template.spec.containers"] = [["name": "nginx", "image": "nginx:1.27.4"]]
    _ = try? cluster.update(current)
    step("update", seconds: 300)
    deployment = cluster.store.get(deployment.key) ?? deployment
    deployment.content[path: "spec.replicas"] = .int(replicas / 2)
    _ = try? cluster.update(deployment)
    step("scale down", seconds: 60)
    for pod in cluster.list(.pod, in: "default").prefix(3) {
      _ = try? cluster.delete(pod.key)
    }
    step("delete pods", seconds: 60)
  }

  /// FNV-1a (64 bits) over every object's sorted JSON, and over every journal entry.
  static func digest(_ cluster: Cluster) -> String {
    func fnv(_ texts: [String]) -> String {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for text in texts {
        for byte in text.utf8 + [0] {
          hash ^= UInt64(byte)
          hash = hash &* 0x100_0000_01b3
        }
      }
      return String(hash, radix: 16)
    }
    let objects = Kind.allCases.flatMap { cluster.store.list($0) }.map { $0.content.sortedKeys.compactJSON }
    let journal = cluster.store.journal.map { entry in
      "\(entry.id) \(entry.revision ?? -1) \(entry.time.timeIntervalSince1970) \(entry.actor) \(entry.type?.rawValue ?? "-") "
        + "\(entry.key) \(entry.uid) \(entry.owner?.description ?? "-") \(entry.cause ?? -1) \(entry.summary)"
    }
    let next = cluster.nextEventTime.map { Timestamp.format($0) } ?? "none"
    var random = cluster.random
    return "\(objects.count) objects \(fnv(objects)), \(journal.count) journal entries \(fnv(journal)), "
      + "next event \(next), next random \(random.next() % 1_000_000)"
  }
}
