import Foundation
import KubeAPIServer
import KubeCluster
import KubetutorTestSupport
import Shell

/// A kubetutor shell whose cluster is served on an ephemeral loopback port
/// (`serve on --port 0`), and the real kubectl pointed at it.
final class ServedShell: @unchecked Sendable {
  let session: ShellSession
  let folder: URL
  let kubeconfig: String
  let cacheDirectory: String
  private var stdout = ""
  private var stderr = ""

  /// What one command printed, on either side.
  struct Result: Equatable, CustomStringConvertible {
    var stdout: String
    var stderr: String
    var exitCode: Int32

    var description: String { "exit \(exitCode)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
  }

  /// - Parameter mode: `.interactive` follows the wall clock, which the
  ///   real kubectl's client-side ages (describe's events) need.
  init(mode: SessionMode = .interactive, seed: UInt64 = 7) throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("served-shell-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    kubeconfig = folder.appendingPathComponent("kube/config").path
    cacheDirectory = folder.appendingPathComponent("kube/cache").path
    let start = mode == .interactive ? Date().addingTimeInterval(-600) : Cluster.scriptEpoch
    var box: ServedShell?
    session = ShellSession(
      cluster: Cluster.kind(start: start, seed: seed), mode: mode, workingDirectory: folder
    ) { stream, text in
      if stream == .stdout { box?.stdout += text } else { box?.stderr += text }
    }
    box = self
    ServeBuiltin.install(on: session, server: SessionServerControl(session: session, kubeconfigPath: kubeconfig))
  }

  /// Runs a line in the kubetutor shell.
  @discardableResult
  func shell(_ line: String) -> Result {
    stdout = ""
    stderr = ""
    session.feed(line)
    return Result(stdout: stdout, stderr: stderr, exitCode: session.lastStatus)
  }

  /// Runs the real kubectl against the served cluster.
  func real(_ arguments: [String], stdin: String? = nil) throws -> Result {
    let output = try RealKubectl.run(
      ["--kubeconfig", kubeconfig, "--cache-dir", cacheDirectory] + arguments, stdin: stdin)
    return Result(stdout: output.stdout, stderr: output.stderr, exitCode: output.exitCode)
  }

  /// The cluster, read under the session's lock.
  var cluster: Cluster {
    get { session.state.access.withLock { session.state.cluster } }
    set { session.state.access.withLock { session.state.cluster = newValue } }
  }

  /// Writes a file into the shell's folder; returns its absolute path.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  func close() {
    shell("serve off")
    try? FileManager.default.removeItem(at: folder)
  }
}
