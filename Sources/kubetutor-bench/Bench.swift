import Foundation
import KubeCluster
import Kubectl

#if canImport(Glibc)
  import Glibc
#endif

/// `kubetutor-bench`: prints one line per figure, each the median of
/// repeated runs. Build in release mode: `swift run -c release kubetutor-bench`.
@main
struct Bench {
  static func main() throws {
    let arguments = CommandLine.arguments.dropFirst()
    let quick = arguments.contains("--quick")
    print("kubetutor-bench  \(Timestamp.format(Date()))  \(ProcessInfo.processInfo.activeProcessorCount) cores")
    if arguments.contains("--api-load") {
      var options = APILoad.Options()
      if let index = arguments.firstIndex(of: "--seconds"), let value = arguments.dropFirst(index - arguments.startIndex + 1).first.flatMap(Int.init) {
        options.seconds = value
      }
      try APILoad.run(options)
      return
    }
    // `--progress`: only the progress database's figures.
    if arguments.contains("--progress") { return progressRecording() }
    startup(binary: arguments.first { !$0.hasPrefix("--") })
    progressRecording()
    for count in quick ? [10, 100, 1000] : [10, 100, 1000, 10_000] {
      getPods(count)
    }
    scale(1000)
    if !quick { scale(10_000) }
  }

  /// Median wall time of `body` in milliseconds over `runs` runs.
  static func median(runs: Int, _ body: () -> Void) -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
      let start = DispatchTime.now().uptimeNanoseconds
      body()
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    times.sort()
    return times[times.count / 2]
  }

  static func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(0), &usage)  // RUSAGE_SELF
    return Double(usage.ru_maxrss) / 1024
  }

  static func line(_ name: String, _ value: Double, _ unit: String) {
    print(name.padding(toLength: 58, withPad: " ", startingAt: 0) + String(format: "%10.2f %@", value, unit))
  }

  static func startup(binary: String?) {
    let path = binary ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kubetutor").path
    guard FileManager.default.isExecutableFile(atPath: path) else {
      print("start-up: skipped (no kubetutor binary at \(path))")
      return
    }
    let time = median(runs: 21) {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: path)
      process.arguments = ["--script", "-"]
      let input = Pipe()
      process.standardInput = input
      process.standardOutput = FileHandle.nullDevice
      try? process.run()
      input.fileHandleForWriting.write(Data("echo ok\n".utf8))
      try? input.fileHandleForWriting.close()
      process.waitUntilExit()
    }
    line("start-up, script mode to `echo ok` (median of 21)", time, "ms")
  }

  /// A cluster with `count` running pods in the default namespace.
  static func cluster(pods count: Int) -> Cluster {
    let workers = max(2, count / 100 + 1)
    var cluster = Cluster.kind(workers: workers)
    var deployment = Object(.deployment, name: "web", namespace: "default")
    deployment.content["spec"] = [
      "replicas": .int(count), "selector": ["matchLabels": ["app": "web"]],
      "template": ["metadata": ["labels": ["app": "web"]], "spec": ["containers": [["name": "nginx", "image": "nginx:1.27"]]]],
    ]
    _ = try? cluster.create(deployment)
    cluster.advance(by: 120)
    return cluster
  }

  static func getPods(_ count: Int) {
    var cluster = cluster(pods: count)
    let ready = cluster.list(.pod, in: "default").filter { Columns.podSummary($0).reason == "Running" }.count
    let time = median(runs: count >= 10_000 ? 5 : 21) {
      _ = CommandRunner.run(["get", "pods"], cluster: &cluster)
    }
    line("kubectl get pods, \(count) pods (\(ready) running)", time, "ms")
  }

  static func scale(_ replicas: Int) {
    let nodes = 100
    var cluster = Cluster.kind(workers: nodes)
    var deployment = Object(.deployment, name: "big", namespace: "default")
    deployment.content["spec"] = [
      "replicas": .int(replicas), "selector": ["matchLabels": ["app": "big"]],
      "template": ["metadata": ["labels": ["app": "big"]], "spec": ["containers": [["name": "nginx", "image": "nginx:1.27"]]]],
    ]
    let start = DispatchTime.now().uptimeNanoseconds
    _ = try? cluster.create(deployment)
    var ready = 0
    for _ in 0..<600 {
      cluster.advance(by: 1)
      ready = cluster.store.get(deployment.key)?.content[path: "status.readyReplicas"]?.int ?? 0
      if ready == replicas { break }
    }
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    line("Deployment of \(replicas) replicas on \(nodes) nodes to all Ready (\(ready))", wall, "s")
    line("  peak memory so far", peakMemoryMB(), "MB")
  }
}
