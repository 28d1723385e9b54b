import Foundation
import KubeCluster

/// Answers one authenticated request: discovery from static documents,
/// resources against the host's cluster under its lock.
final class APIRouter: Sendable {
  let host: ClusterHost
  let hub: WatchHub
  /// The kubectl invocations (`Kubectl-Session`) already reported to the host.
  private let reported = ReportedSessions()
  /// Recent answers to reads, by cluster state and request.
  private let answers = ReadCache()

  init(host: ClusterHost, hub: WatchHub) {
    self.host = host
    self.hub = hub
  }

  /// How many answers to reads are cached.
  var cachedAnswers: Int { answers.count }

  static let notFound = APIError.status("NotFound", "the server could not find the requested resource", code: 404)

  /// The answer to a route that does not read the cluster (discovery and
  /// OpenAPI documents), or nil for a resource.
  static func document(_ route: Route) -> APIResponse? {
    switch route {
    case .version: return .json(Discovery.version)
    case .legacyVersions: return .json(Discovery.api)
    case .groups: return .json(Discovery.apis)
    case .groupVersion(let group, let version):
      guard let list = Discovery.resourceList(group: group, version: version) else {
        return .failure(Self.notFound)
      }
      return .json(list)
    case .openAPI(let rest):
      if rest == "v3" { return .json(OpenAPIDocuments.index) }
      if rest.hasPrefix("v3/"), let document = OpenAPIDocuments.document(String(rest.dropFirst(3))) {
        return .json(document)
      }
      return .failure(Self.notFound)
    case .resource:
      return nil
    }
  }

  func handle(_ request: APIRequest) -> APIResponse {
    if let target = ServiceProxy.Target(path: request.path + (request.rawQuery.map { "?" + $0 } ?? "")) {
      return proxy(request, to: target)
    }
    guard let route = ResourcePath.route(request.path) else { return .failure(Self.notFound) }
    if let document = Self.document(route) { return document }
    switch route {
    case .resource(let path):
      let handler = ResourceHandler(request: request, path: path)
      guard handler.isWrite else {
        // The same read of the same cluster state (revision, journal, clock)
        // answers the same: clients polling a list are served from memory.
        // Otherwise the read works on a copy (a value: copying is cheap), so
        // encoding the answer does not hold the lock the shell and writers need.
        let asked = "\(request.path)?\(request.rawQuery ?? "") \(request.header("accept") ?? "")"
        let (state, cached, copied): (String, APIResponse?, Cluster?) = host.withCluster { cluster in
          tick(&cluster)
          if reported.isFirst(request.header("kubectl-session")) {
            host.requestFinished(argv: commandLine(request, path), cluster: cluster)
          }
          let state = "\(cluster.store.revision) \(cluster.store.lastJournalID) \(cluster.now.timeIntervalSince1970)"
          if let cached = answers.get(state: state, asked: asked) { return (state, cached, nil) }
          return (state, nil, cluster)
        }
        if let cached { return cached }
        guard var copy = copied else { return .failure(Self.notFound) }
        copy.stopChangeFeed()
        let response = handler.handle(&copy)
        if case .body = response { answers.put(state: state, asked: asked, response) }
        return response
      }
      return host.withCluster { cluster in
        tick(&cluster)
        let response = handler.handle(&cluster)
        hub.publish(&cluster)
        host.requestFinished(argv: commandLine(request, path), cluster: cluster)
        return response
      }
    default:
      return .failure(Self.notFound)
    }
  }

  /// `pods/NAME:PORT/proxy/…` and `services/NAME:PORT/proxy/…`: the
  /// answer of the pod's server, passed through.
  func proxy(_ request: APIRequest, to target: ServiceProxy.Target) -> APIResponse {
    let http = HTTPRequest(
      method: request.method, host: "127.0.0.1", path: request.path + (request.rawQuery.map { "?" + $0 } ?? ""),
      headers: request.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
      userAgent: request.header("user-agent") ?? "")
    return host.withCluster { cluster in
      tick(&cluster)
      return ServiceProxy.forward(http, to: target, cluster: &cluster)
    }
  }

  /// Moves the clock to the wall clock when the host's does, and sends
  /// watchers what happened since.
  func tick(_ cluster: inout Cluster) {
    if host.followsWallClock {
      let now = Date()
      if now > cluster.now { cluster.advance(to: now) }
    }
    hub.publish(&cluster)
  }

  /// The kubectl command a request stands for: kubectl's own
  /// `Kubectl-Command` header when it sent one (`kubectl scale`), else a
  /// verb from the method; then the resource and the name.
  func commandLine(_ request: APIRequest, _ path: ResourcePath) -> [String] {
    var argv: [String]
    if let command = request.header("kubectl-command"), command.hasPrefix("kubectl") {
      argv = command.split(separator: " ").map(String.init)
    } else {
      let verbs = ["GET": "get", "POST": "create", "PUT": "replace", "PATCH": "patch", "DELETE": "delete"]
      argv = ["kubectl", verbs[request.method] ?? request.method.lowercased()]
    }
    argv.append(path.kind.resource)
    if let name = path.name { argv.append(name) }
    if let namespace = path.namespace { argv += ["-n", namespace] }
    return argv
  }
}

/// The `Kubectl-Session` ids seen, so a read-only kubectl command counts
/// once however many requests it makes.
private final class ReportedSessions: @unchecked Sendable {
  private let lock = NSLock()
  private var seen: [String] = []

  func isFirst(_ session: String?) -> Bool {
    guard let session else { return false }
    return lock.withLock {
      if seen.contains(session) { return false }
      seen.append(session)
      if seen.count > 1000 { seen.removeFirst(seen.count - 1000) }
      return true
    }
  }
}

/// Answers to reads of the cluster's current state. A state (revision,
/// journal, clock) never comes back once the cluster moved on, so the
/// answers to an older one are dropped when a newer one is cached: the
/// cache holds one state's answers, at most `limit` of them and `byteLimit`
/// bytes (a list of thousands of pods is megabytes).
private final class ReadCache: @unchecked Sendable {
  private let lock = NSLock()
  private var state = ""
  private var entries: [String: APIResponse] = [:]
  private var bytes = 0
  private let limit = 64
  private let byteLimit = 16 << 20

  var count: Int { lock.withLock { entries.count } }

  func get(state: String, asked: String) -> APIResponse? {
    lock.withLock { state == self.state ? entries[asked] : nil }
  }

  func put(state: String, asked: String, _ response: APIResponse) {
    guard case .body(_, _, let text) = response else { return }
    lock.withLock {
      if state != self.state {
        self.state = state
        entries.removeAll()
        bytes = 0
      }
      guard entries.count < limit, bytes + text.utf8.count <= byteLimit, entries[asked] == nil else { return }
      entries[asked] = response
      bytes += text.utf8.count
    }
  }
}
