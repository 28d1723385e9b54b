import Foundation

extension Cluster {
  /// Appends a line to a running container's log, stamped now: what a
  /// server writes when it answers a request.
  ///
  /// Does nothing when the container is not running.
  package mutating func appendLog(_ text: String, to pod: Object, container: String) {
    guard var runtime = runtimes[pod.uid],
      let index = runtime.containers.firstIndex(where: { $0.name == container && $0.isRunning })
    else { return }
    runtime.containers[index].logs.append(LogLine(time: now, text: text))
    runtimes[pod.uid] = runtime
  }
}
