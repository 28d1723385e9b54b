import Foundation
import KubeCluster
import Progress

extension Bench {
  /// The progress database's costs on a real file: recording one command
  /// line (its own transaction, as the shell commits it before the next
  /// prompt) once 10,000 are recorded, saving the cluster, and reading
  /// everything back for `progress`.
  static func progressRecording(recorded: Int = 10_000) {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("kubetutor-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let store = try ProgressStore(.path(folder.appendingPathComponent("progress.db").path))
      try store.startSession(mode: .script)
      try store.database.transaction { () throws(DatabaseError) in
        for index in 0..<recorded {
          try store.recordCommand(
            line: "kubectl get pods -n team-\(index % 50) -o wide", exitCode: 0,
            startedAt: Date(), durationMs: 1.5, courseItem: index % 3 == 0 ? "pods" : nil)
        }
      }
      var failures = 0
      let record = BenchSupport.median(runs: 201) {
        do {
          try store.recordCommand(
            line: "kubectl get deploy web -o yaml", exitCode: 0, startedAt: Date(),
            durationMs: 2, courseItem: "pods")
          try store.setCurrentItem("pods")
        } catch {
          failures += 1
        }
      }
      BenchSupport.line("record one command, at \(recorded) recorded (median of 201)", record, "ms")
      let snapshot = Cluster.kind().snapshot()
      let save = BenchSupport.median(runs: 21) { try? store.saveSnapshot(name: "current", data: snapshot) }
      BenchSupport.line("save the cluster (kind, \(snapshot.count / 1024) KiB) (median of 21)", save, "ms")
      let read = BenchSupport.median(runs: 5) {
        _ = try? LearnerProgress.read(store.database, profileID: store.profileID)
      }
      BenchSupport.line("read everything for `progress`, at \(recorded) commands", read, "ms")
      if failures > 0 { print("  (\(failures) recordings failed)") }
    } catch {
      print("progress recording: skipped (\(error))")
    }
  }
}
