import Foundation
import KubeCluster
import Shell

/// Runs a script through a shell session in script mode and collects
/// what a learner would see, for tests.
package struct Transcript {
  package var stdout = ""
  package var stderr = ""
  /// Both streams, in the order written.
  package var combined = ""
  package var failures = 0
  package var cluster: Cluster

  package static func run(_ script: String, seed: UInt64 = 1, workingDirectory: URL? = nil) -> Transcript {
    let directory = workingDirectory ?? FileManager.default.temporaryDirectory
    var out = ""
    var err = ""
    var all = ""
    let session = ShellSession(building: { Cluster.kind(seed: seed) }, mode: .script, workingDirectory: directory) { stream, text in
      if stream == .stdout { out += text } else { err += text }
      all += text
    }
    var lines = script.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    for line in lines {
      session.feed(line)
      if session.exitStatus != nil { break }
    }
    session.finish()
    return Transcript(stdout: out, stderr: err, combined: all, failures: session.state.failures, cluster: session.state.cluster)
  }
}
