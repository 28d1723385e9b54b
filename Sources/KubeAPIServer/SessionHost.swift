import Foundation
import KubeCluster
import Shell
import Tutor

/// A shell session's cluster, served: requests take the session's lock
/// (the one each typed command holds), and the tutor checks the current
/// goals after each request, as it does after each command.
package final class SessionHost: ClusterHost, @unchecked Sendable {
  private let session: ShellSession
  private var state: SessionState { session.state }

  package init(session: ShellSession) {
    self.session = session
  }

  package func withCluster<T>(_ body: (inout Cluster) -> T) -> T {
    let state = self.state
    state.access.lock()
    defer { state.access.unlock() }
    return body(&state.cluster)
  }

  package var followsWallClock: Bool { state.followsWallClock }

  package func requestFinished(argv: [String], cluster: Cluster) {
    guard let tutor = TutorBuiltins.tutor(of: session) else { return }
    let run = CommandRun(argv: argv, exitCode: 0, namespace: state.namespace)
    tutor.onCommand?(run, cluster)
    let report = tutor.commandFinished(run, cluster: cluster)
    if !report.isEmpty { state.write(.stderr, report) }
  }
}

/// `serve on|off` for a shell session: an `APIServer` over the session's
/// cluster, with its kubeconfig and token files.
package final class SessionServerControl: SessionServer {
  private let host: SessionHost
  private let kubeconfigPath: String
  private var server: APIServer?

  package init(session: ShellSession, kubeconfigPath: String) {
    host = SessionHost(session: session)
    self.kubeconfigPath = kubeconfigPath
  }

  package var port: Int? { server?.port }

  package func start(port: Int) throws -> String {
    let server = APIServer(host: host)
    let bound = try server.start(port: port)
    self.server = server
    let files = try Kubeconfig.write(
      to: kubeconfigPath, port: bound, token: server.token, certificateAuthority: server.certificate?.pem ?? "")
    return Kubeconfig.announcement(port: bound, files: files)
  }

  package func stop() {
    server?.stop()
    server = nil
  }

  /// Blocks until the server stops.
  package func wait() {
    try? server?.wait()
  }
}
