import Foundation

/// Where a connection starts: the learner's machine (the docker host of a
/// kind cluster) or a pod's network namespace.
package enum NetworkOrigin: Sendable {
  case host
  case pod(Object)

  /// The address servers see when nothing translates it.
  var address: String {
    switch self {
    case .host: "172.18.0.1"
    case .pod(let pod): pod.content[path: "status.podIP"]?.string ?? ""
    }
  }
}

/// One HTTP request as a client sends it.
package struct HTTPRequest: Sendable {
  package var method: String
  /// The authority the client writes in `Host:` (name or address, with a
  /// port when it is not the scheme's default).
  package var host: String
  package var path: String
  package var headers: [(String, String)]
  package var userAgent: String
  /// Whether the client speaks TLS (an `https://` URL); the host it names
  /// for SNI is `host` without its port.
  package var tls = false
  /// What the client sends after the headers (`curl -d`), empty for none.
  package var body = ""

  package init(
    method: String = "GET", host: String, path: String = "/", headers: [(String, String)] = [],
    userAgent: String
  ) {
    self.method = method
    self.host = host
    self.path = path
    self.headers = headers
    self.userAgent = userAgent
  }

  /// The `Host` header: an explicit one wins.
  var hostHeader: String {
    headers.last { $0.0.lowercased() == "host" }?.1 ?? host
  }
}

/// A server's answer.
package struct HTTPResponse: Sendable {
  package var status: Int
  package var reason: String
  package var headers: [(String, String)]
  package var body: String
  /// Whether the server also speaks TLS on this port (ingress-nginx's fake certificate).
  package var servesTLS = false
  /// The certificate the server showed in the TLS handshake.
  package var certificate: TLSCertificate?
  /// Whether the answer came over HTTP/2 (ingress-nginx over TLS, by ALPN).
  package var http2 = false

  package init(status: Int, reason: String, headers: [(String, String)], body: String) {
    self.status = status
    self.reason = reason
    self.headers = headers
    self.body = body
  }
}

/// Why no answer came back.
package enum NetworkFailure: Error, Equatable, Sendable {
  /// The name has no address (curl's exit 6).
  case unresolved(String)
  /// A reset: nothing listens there, or kube-proxy rejects (exit 7).
  case refused(ip: String, port: Int)
  /// Packets went nowhere (exit 28 once the client gives up).
  case timedOut(ip: String, port: Int)
}

/// Where a connection landed after routing.
enum Destination {
  /// A server in a pod: the pod, the container port, and the address the
  /// server sees as the client.
  case pod(Object, port: Int, client: String)
  /// The ingress-nginx controller, on its port 80 or 443.
  case ingress(Object, port: Int, client: String)
}
