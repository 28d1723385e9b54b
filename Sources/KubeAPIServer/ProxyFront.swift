import Foundation
import KubeCluster
import Kubectl
import NIOCore
import NIOHTTP1
import Shell

/// What a real `kubectl proxy` port puts in front of the API: the request
/// filter, `--api-prefix`, `--www`, and the unauthenticated path to the
/// API server, answered as the shell's `curl` sees them.
package struct ProxyFront: Sendable {
  /// What the proxy does with one request.
  package enum Outcome: Sendable {
    /// The whole answer (the API's, a file, or the filter's refusal).
    case answered(HTTPResponse)
    /// A watch the filter let through, by its API path and query: the
    /// server streams it.
    case watch(String)
  }

  let answer: @Sendable (HTTPRequest) -> Outcome

  /// The request as the proxy reads it.
  static func request(_ head: HTTPRequestHead, body: [UInt8]) -> HTTPRequest {
    var request = HTTPRequest(
      method: head.method.rawValue, host: head.headers["host"].first ?? "127.0.0.1", path: head.uri,
      headers: head.headers.filter { $0.name.lowercased() != "user-agent" }.map { ($0.name, $0.value) },
      userAgent: head.headers["user-agent"].first ?? "")
    request.body = String(decoding: body, as: UTF8.self)
    return request
  }

  /// Whether an API path asks for a watch (`?watch=1`, `?watch=true`).
  static func isWatch(_ path: String) -> Bool {
    guard let query = path.split(separator: "?", maxSplits: 1).dropFirst().first else { return false }
    return query.split(separator: "&").contains { ["watch=1", "watch=true"].contains($0) }
  }
}

/// The interactive shell's `kubectl proxy` ports: one server per port on
/// 127.0.0.1, over the session's cluster, each request under the session's
/// lock as `serve` takes it.
package final class SessionProxyPorts: ProxyPorts, @unchecked Sendable {
  private let session: ShellSession
  private var servers: [Int: APIServer] = [:]

  package init(session: ShellSession) {
    self.session = session
  }

  /// Puts real ports behind the session's interactive `kubectl proxy`.
  package static func install(on session: ShellSession) {
    session.state.proxyPorts = SessionProxyPorts(session: session)
  }

  package func open(_ proxy: APIProxy, context: ShellContext) throws {
    let host = SessionHost(session: session)
    let front = ProxyFront { request in
      host.withCluster { cluster in
        var watch: String?
        let answer = ProxyJobs.answer(proxy, request: request, cluster: &cluster, context: context) { forwarded, cluster in
          if forwarded.method == "GET", ProxyFront.isWatch(forwarded.path) {
            watch = forwarded.path
            return HTTPResponse(status: 200, reason: "OK", headers: [], body: "")
          }
          return ProxiedAPI.answer(forwarded, cluster: &cluster)
        }
        if let watch { return .watch(watch) }
        if request.method != "GET" {
          host.requestFinished(
            argv: ["curl", "-X", request.method, "http://127.0.0.1:\(proxy.port)\(request.path)"], cluster: cluster)
        }
        return .answered(answer)
      }
    }
    let server = APIServer(host: host, front: front)
    do {
      try server.start(port: proxy.port)
    } catch {
      throw ProxyPortError(reason: Self.reason(error))
    }
    servers[proxy.port] = server
  }

  package func close(port: Int) {
    servers.removeValue(forKey: port)?.stop()
  }

  /// Go's wording of a failed listen, from the socket error's errno.
  static func reason(_ error: any Error) -> String {
    switch (error as? IOError)?.errnoCode {
    case EADDRINUSE: "bind: address already in use"
    case EACCES: "bind: permission denied"
    case EADDRNOTAVAIL: "bind: cannot assign requested address"
    default: "\(error)"
    }
  }
}
