import Foundation
import KubeCluster

/// `kubectl proxy [--port=PORT] [--www=DIR] [--www-prefix=PREFIX] [--api-prefix=PREFIX]`.
///
/// The real command listens until Ctrl-C; here it reports where it serves
/// and hands the shell an `APIProxy`, whose `curl http://localhost:8001/…`
/// the API server of `kubetutor serve` answers.
struct ProxyCommand: KubectlCommand {
  static let name = "proxy"
  static let flags: [FlagSpec] = [
    .string(
      "accept-hosts", default: APIProxy.defaultAcceptHosts,
      help: "Regular expression for hosts that the proxy should accept."),
    .string("accept-paths", default: "^.*", help: "Regular expression for paths that the proxy should accept."),
    .string("address", default: "127.0.0.1", help: "The IP address on which to serve on."),
    .string("api-prefix", default: "/", help: "Prefix to serve the proxied API under."),
    .bool(
      "append-server-path",
      help: "If true, enables automatic path appending of the kube context server path to each request."),
    .bool(
      "disable-filter",
      help:
        "If true, disable request filtering in the proxy. This is dangerous, and can leave you vulnerable to XSRF attacks, when used with an accessible port."
    ),
    .duration(
      "keepalive", default: "0s",
      help:
        "keepalive specifies the keep-alive period for an active network connection. Set to 0 to disable keepalive."),
    .int("port", short: "p", default: 8001, help: "The port on which to run the proxy. Set to 0 to pick a random port."),
    .string(
      "reject-methods", default: "^$",
      help:
        "Regular expression for HTTP methods that the proxy should reject (example --reject-methods='POST,PUT,PATCH'). "
    ),
    .string(
      "reject-paths", default: APIProxy.defaultRejectPaths,
      help:
        "Regular expression for paths that the proxy should reject. Paths specified here will be rejected even accepted by --accept-paths."
    ),
    .string("unix-socket", short: "u", help: "Unix socket on which to run the proxy."),
    .string("www", short: "w", help: "Also serve static files from the given directory under the specified prefix."),
    .string(
      "www-prefix", short: "P", default: "/static/",
      help: "Prefix to serve static files under, if static file directory is specified."),
  ]

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    let flags = invocation.flags
    if flags.isSet("port") && !flags.string("unix-socket").isEmpty {
      throw KubectlError.raw("error: cannot set --unix-socket and --port at the same time\n")
    }
    var proxy = APIProxy(port: flags.int("port"))
    proxy.apiPrefix = APIProxy.withSlash(flags.string("api-prefix"))
    proxy.wwwPrefix = APIProxy.withSlash(flags.string("www-prefix"))
    let www = flags.string("www")
    proxy.wwwDirectory = www.isEmpty ? nil : www
    proxy.filterEnabled = !flags.bool("disable-filter")
    for (name, keyPath) in [
      ("accept-hosts", \APIProxy.acceptHosts), ("accept-paths", \APIProxy.acceptPaths),
      ("reject-paths", \APIProxy.rejectPaths), ("reject-methods", \APIProxy.rejectMethods),
    ] as [(String, WritableKeyPath<APIProxy, [String]>)] {
      let patterns = flags.string(name).components(separatedBy: ",")
      for pattern in patterns where (try? NSRegularExpression(pattern: pattern)) == nil {
        throw KubectlError.raw("error: error parsing regexp: invalid --\(name) expression: `\(pattern)`\n")
      }
      proxy[keyPath: keyPath] = patterns
    }
    var output = CommandOutput()
    let socket = flags.string("unix-socket")
    if !socket.isEmpty {
      throw KubectlError.raw(
        "error: kubetutor's kubectl proxy listens on a TCP port only (--port); --unix-socket is not simulated\n")
    }
    // The simulated machine has one address a learner's curl can reach.
    let address = flags.string("address")
    guard address == "localhost" || address.hasPrefix("127.") else {
      throw KubectlError.raw(
        "error: kubetutor's kubectl proxy listens on loopback only (--address=127.0.0.1): an address such as \(address) would open the API to the network\n"
      )
    }
    if proxy.port == 0 { proxy.port = 30_000 + Int(RandomSource.fnv32a("proxy" + proxy.apiPrefix) % 20_000) }
    guard (1...65535).contains(proxy.port) else {
      throw KubectlError.raw("error: listen tcp: address \(proxy.port): invalid port\n")
    }
    if !proxy.filterEnabled {
      output.err(
        "W\(APIProxy.klogTime(cluster.now)) \(APIProxy.klogPID) proxy.go:175] Request filter disabled, your proxy is vulnerable to XSRF attacks, please be cautious\n"
      )
    }
    output.out("Starting to serve on 127.0.0.1:\(proxy.port)\n")
    output.proxies.append(proxy)
    return output
  }
}

/// What a `kubectl proxy` answers on its port: the API server's answers
/// under `--api-prefix`, files under `--www-prefix`, and its request
/// filter's refusals, as k8s.io/kubectl/pkg/proxy words them.
package struct APIProxy: Equatable, Sendable {
  package static let defaultAcceptHosts = "^localhost$,^127\\.0\\.0\\.1$,^\\[::1\\]$"
  package static let defaultRejectPaths = "^/api/.*/pods/.*/exec,^/api/.*/pods/.*/attach"
  /// The process id klog prints in the simulation.
  package static let klogPID = "  20617"

  package var port: Int
  package var apiPrefix = "/"
  package var wwwPrefix = "/static/"
  /// `--www` as typed, relative to the folder `kubectl proxy` ran in.
  package var wwwDirectory: String?
  package var filterEnabled = true
  package var acceptHosts = defaultAcceptHosts.components(separatedBy: ",")
  package var acceptPaths = ["^.*"]
  package var rejectPaths = defaultRejectPaths.components(separatedBy: ",")
  package var rejectMethods = ["^$"]

  package init(port: Int) {
    self.port = port
  }

  /// A static file or folder under `--www`.
  package enum StaticEntry {
    case file(String)
    case folder([String])
  }

  /// The Kubernetes API: the answer to one request, for the cluster.
  package typealias API = (_ request: HTTPRequest, _ cluster: inout Cluster) -> HTTPResponse

  static func withSlash(_ prefix: String) -> String {
    prefix.hasSuffix("/") ? prefix : prefix + "/"
  }

  /// klog's `MMDD HH:MM:SS.uuuuuu` for a moment (UTC).
  package static func klogTime(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    let parts = calendar.dateComponents([.month, .day, .hour, .minute, .second, .nanosecond], from: date)
    func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
    return two(parts.month) + two(parts.day) + " " + two(parts.hour) + ":" + two(parts.minute) + ":"
      + two(parts.second) + "." + String(format: "%06d", (parts.nanosecond ?? 0) / 1000)
  }

  /// Answers `request`, sent to this proxy's port: `api` for the API,
  /// `lookup` (a path under `--www`) for static files.
  package func answer(
    _ request: HTTPRequest, cluster: inout Cluster, api: API, lookup: (String) -> StaticEntry?
  ) -> HTTPResponse {
    let (path, query) = Self.split(request.path)
    if wwwDirectory != nil, path.hasPrefix(wwwPrefix), wwwPrefix.count >= apiPrefix.count || !path.hasPrefix(apiPrefix) {
      return Self.dated(serveFile(String(path.dropFirst(wwwPrefix.count)), request: request, lookup: lookup), cluster.now)
    }
    guard path.hasPrefix(apiPrefix) else {
      if path + "/" == apiPrefix || (wwwDirectory != nil && path + "/" == wwwPrefix) {
        return Self.dated(Self.redirect(to: path + "/" + (query.map { "?" + $0 } ?? ""), request: request), cluster.now)
      }
      return Self.dated(Self.notFound(request), cluster.now)
    }
    var apiPath = path
    if !apiPrefix.hasPrefix("/api") {
      apiPath = String(path.dropFirst(apiPrefix.count))
      if !apiPath.hasPrefix("/") { apiPath = "/" + apiPath }
    }
    if filterEnabled {
      let host = Self.hostWithoutPort(request.headers.last { $0.0.lowercased() == "host" }?.1 ?? request.host)
      let accepted =
        !Self.matches(apiPath, rejectPaths) && !Self.matches(request.method, rejectMethods)
        && Self.matches(apiPath, acceptPaths) && Self.matches(host, acceptHosts)
      guard accepted else {
        return HTTPResponse(
          status: 403, reason: "Forbidden",
          headers: [
            ("Content-Type", "text/html; charset=utf-8"), ("Date", HTTPDate.rfc1123(cluster.now)),
            ("Content-Length", "20"),
          ],
          body: "<h3>Unauthorized</h3>")
      }
    }
    var forwarded = request
    forwarded.path = apiPath + (query.map { "?" + $0 } ?? "")
    // Go's reverse proxy copies the API server's headers, and Go's server
    // writes a handler's headers sorted.
    var answer = api(forwarded, &cluster)
    answer.headers.sort { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
    return answer
  }


  /// A local answer with Date before the final Content-Length, as Go's
  /// server writes them after the handler's sorted headers.
  static func dated(_ response: HTTPResponse, _ now: Date) -> HTTPResponse {
    var result = response
    let length = result.headers.first { $0.0 == "Content-Length" }
    result.headers.removeAll { $0.0 == "Content-Length" }
    result.headers.sort { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
    result.headers.append(("Date", HTTPDate.rfc1123(now)))
    if let length { result.headers.append(length) }
    return result
  }

  /// `http.FileServer` over the `--www` folder.
  private func serveFile(_ relative: String, request: HTTPRequest, lookup: (String) -> StaticEntry?)
    -> HTTPResponse
  {
    let name = relative.removingPercentEncoding ?? relative
    switch lookup(name) {
    case .file(let text)?:
      let type = Self.contentType(name)
      return HTTPResponse(
        status: 200, reason: "OK",
        headers: [("Accept-Ranges", "bytes"), ("Content-Length", String(text.utf8.count)), ("Content-Type", type)],
        body: text)
    case .folder(let names)?:
      if !name.isEmpty && !name.hasSuffix("/") {
        return Self.redirect(to: wwwPrefix + name + "/", request: request, status: 301, relative: true)
      }
      if case .file(let index)? = lookup(name + "index.html") {
        return HTTPResponse(
          status: 200, reason: "OK",
          headers: [
            ("Accept-Ranges", "bytes"), ("Content-Length", String(index.utf8.count)),
            ("Content-Type", "text/html; charset=utf-8"),
          ],
          body: index)
      }
      var body = "<!doctype html>\n<meta name=\"viewport\" content=\"width=device-width\">\n<pre>\n"
      for entry in names.sorted() { body += "<a href=\"\(entry)\">\(entry)</a>\n" }
      body += "</pre>\n"
      return HTTPResponse(
        status: 200, reason: "OK",
        headers: [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", String(body.utf8.count))],
        body: body)
    case nil:
      return Self.notFound(request)
    }
  }

  static func contentType(_ name: String) -> String {
    switch (name as NSString).pathExtension.lowercased() {
    case "html", "htm": "text/html; charset=utf-8"
    case "css": "text/css; charset=utf-8"
    case "js": "text/javascript; charset=utf-8"
    case "json": "application/json"
    case "yaml", "yml": "application/yaml"
    default: "text/plain; charset=utf-8"
    }
  }

  /// Go's `http.NotFound`.
  static func notFound(_ request: HTTPRequest) -> HTTPResponse {
    HTTPResponse(
      status: 404, reason: "Not Found",
      headers: [
        ("Content-Type", "text/plain; charset=utf-8"), ("X-Content-Type-Options", "nosniff"),
        ("Content-Length", "19"),
      ],
      body: "404 page not found\n")
  }

  /// ServeMux's redirect to the folder's path with a slash.
  static func redirect(to location: String, request: HTTPRequest, status: Int = 301, relative: Bool = false)
    -> HTTPResponse
  {
    let body = request.method == "GET" ? "<a href=\"\(location)\">Moved Permanently</a>.\n\n" : ""
    return HTTPResponse(
      status: status, reason: "Moved Permanently",
      headers: [
        ("Content-Type", "text/html; charset=utf-8"), ("Location", location),
        ("Content-Length", String(body.utf8.count)),
      ],
      body: body)
  }

  static func split(_ target: String) -> (path: String, query: String?) {
    guard let mark = target.firstIndex(of: "?") else { return (target, nil) }
    return (String(target[..<mark]), String(target[target.index(after: mark)...]))
  }

  /// Go's `net.SplitHostPort` host, or the whole header when it has no port.
  static func hostWithoutPort(_ host: String) -> String {
    if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
      let rest = host[host.index(after: close)...]
      return rest.hasPrefix(":") ? String(host[host.index(after: host.startIndex)..<close]) : host
    }
    if let colon = host.lastIndex(of: ":"), host.filter({ $0 == ":" }).count == 1 {
      return String(host[..<colon])
    }
    return host
  }

  static func matches(_ text: String, _ patterns: [String]) -> Bool {
    patterns.contains { pattern in
      guard let regex = try? NSRegularExpression(pattern: pattern) else { return false }
      return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
  }
}
