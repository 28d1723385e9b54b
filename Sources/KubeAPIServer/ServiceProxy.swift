import Foundation
import KubeCluster

/// The API server's proxy subresources: `pods/NAME:PORT/proxy/PATH` sends
/// the request to the pod's port, `services/NAME:PORT/proxy/PATH` to the
/// service's port, and the answer comes back as the server wrote it (the
/// basics tutorial's `curl localhost:8001/api/v1/namespaces/default/pods/POD:8080/proxy/`).
enum ServiceProxy {
  /// Where a proxy path points.
  struct Target: Equatable {
    var kind: Kind
    var namespace: String
    var name: String
    /// A port number or name; empty for the default.
    var port: String
    /// The path and query to send, from the slash after `proxy`.
    var path: String

    /// Parses `/api/v1/namespaces/NS/pods|services/[SCHEME:]NAME[:PORT]/proxy[/…]`.
    init?(path full: String) {
      let (path, query) = (full.split(separator: "?", maxSplits: 1).first.map(String.init) ?? full,
        full.contains("?") ? full.split(separator: "?", maxSplits: 1).last.map(String.init) : nil)
      let segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
      // "", "api", "v1", "namespaces", NS, RESOURCE, NAME, "proxy", …
      guard segments.count >= 8, segments[1] == "api", segments[2] == "v1", segments[3] == "namespaces",
        segments[7] == "proxy"
      else { return nil }
      switch segments[5] {
      case "pods": kind = .pod
      case "services": kind = .service
      default: return nil
      }
      namespace = segments[4]
      var parts = (segments[6].removingPercentEncoding ?? segments[6]).split(
        separator: ":", omittingEmptySubsequences: false
      ).map(String.init)
      if parts.count == 3 { parts.removeFirst() }  // http:NAME:PORT
      name = parts[0]
      port = parts.count > 1 ? parts[1] : ""
      var rest = segments.dropFirst(8).joined(separator: "/")
      rest = "/" + rest
      self.path = rest + (query.map { "?" + $0 } ?? "")
    }
  }

  /// Sends `request` where `target` points; the answer passes through, or
  /// the API server's error.
  static func forward(_ request: HTTPRequest, to target: Target, cluster: inout Cluster) -> APIResponse {
    var sent = request
    sent.path = target.path
    let key = ObjectKey(target.kind, target.name, in: target.namespace)
    guard let object = cluster.store.get(key) else { return .failure(.notFound(target.kind, target.name)) }
    if target.kind == .service { return forwardToService(sent, service: object, port: target.port, cluster: &cluster) }
    guard object.content[path: "spec.nodeName"]?.string?.isEmpty == false else {
      return .failure(.badRequest("pod \(object.name) does not have a host assigned"))
    }
    let ip = object.content[path: "status.podIP"]?.string ?? ""
    let port: Int
    if target.port.isEmpty {
      port = 80
    } else if let number = Int(target.port) {
      port = number
    } else if let named = namedPort(target.port, in: object) {
      port = named
    } else {
      return .failure(.badRequest("no such port \(target.port) on pod \(object.name)"))
    }
    sent.host = "\(ip):\(port)"
    switch cluster.sendToPod(sent, pod: key, port: port) {
    case .success(let answer): return .passThrough(answer)
    case .failure(.timedOut):
      return unreachable("dial tcp \(ip):\(port): i/o timeout")
    case .failure:
      return unreachable("dial tcp \(ip):\(port): connect: connection refused")
    }
  }

  private static func forwardToService(_ request: HTTPRequest, service: Object, port: String, cluster: inout Cluster)
    -> APIResponse
  {
    let ports = service.content[path: "spec.ports"]?.array ?? []
    let chosen: JSONValue?
    if port.isEmpty {
      chosen = ports.count == 1 ? ports.first : ports.first { ($0["name"]?.string ?? "").isEmpty }
    } else {
      chosen = ports.first { $0["name"]?.string == port || $0["port"]?.int.map(String.init) == port }
    }
    guard let chosen, let number = chosen["port"]?.int, let ip = service.content[path: "spec.clusterIP"]?.string,
      ip != "None"
    else {
      return unreachable("no endpoints available for service \"\(service.name)\"")
    }
    // The API server reaches the service from the control-plane node.
    let apiserver = cluster.store.list(.pod, in: "kube-system").first { $0.name.hasPrefix("kube-apiserver") }
    var sent = request
    sent.host = "\(ip):\(number)"
    switch cluster.send(sent, to: ip, port: number, from: apiserver.map { .pod($0) } ?? .host) {
    case .success(let answer): return .passThrough(answer)
    case .failure:
      return unreachable("no endpoints available for service \"\(service.name)\"")
    }
  }

  private static func namedPort(_ name: String, in pod: Object) -> Int? {
    for container in pod.content[path: "spec.containers"]?.array ?? [] {
      for port in container["ports"]?.array ?? [] where port["name"]?.string == name {
        return port["containerPort"]?.int
      }
    }
    return nil
  }

  /// apiserver's answer when the backend cannot be reached.
  private static func unreachable(_ detail: String) -> APIResponse {
    let message = detail.hasPrefix("no endpoints") ? detail : "error trying to reach service: \(detail)"
    return .failure(APIError.status("ServiceUnavailable", message, code: 503))
  }
}
