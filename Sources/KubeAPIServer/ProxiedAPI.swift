import Foundation
import KubeCluster
import Kubectl
import Shell

/// The API server as `kubectl proxy` reaches it from the shell's `curl`:
/// the same routes and handlers as `kubetutor serve`, run on the cluster
/// the shell's command already holds, with the API server's answer as
/// curl sees it (indented JSON in Go's field order for curl's user agent).
package enum ProxiedAPI {
  /// Puts the API behind the session's `kubectl proxy`.
  package static func install(on session: ShellSession) {
    session.state.kubernetesAPI = { request, cluster in answer(request, cluster: &cluster) }
  }

  /// Answers one request that came through `kubectl proxy`.
  package static func answer(_ http: HTTPRequest, cluster: inout Cluster) -> HTTPResponse {
    var headers: [String: String] = [:]
    for (name, value) in http.headers { headers[name.lowercased()] = value }
    headers["user-agent"] = http.userAgent
    if !http.body.isEmpty && headers["content-type"] == nil {
      headers["content-type"] = "application/x-www-form-urlencoded"
    }
    let request = APIRequest(method: http.method, uri: http.path, headers: headers, body: Array(http.body.utf8))
    let response: APIResponse
    if let target = ServiceProxy.Target(path: http.path) {
      response = ServiceProxy.forward(http, to: target, cluster: &cluster)
    } else if let route = ResourcePath.route(request.path) {
      if let document = APIRouter.document(route) {
        response = document
      } else if case .resource(let path) = route {
        response = ResourceHandler(request: request, path: path).handle(&cluster)
      } else {
        response = .failure(APIRouter.notFound)
      }
    } else {
      response = .failure(APIRouter.notFound)
    }
    return httpResponse(response, request: request, cluster: &cluster, rawJSON: route(request) == .version)
  }

  private static func route(_ request: APIRequest) -> Route? { ResourcePath.route(request.path) }

  /// apiserver's `isPrettyPrint`: `?pretty=`, else curl, Wget and browsers.
  static func isPretty(_ request: APIRequest) -> Bool {
    if let pretty = request.query["pretty"], !pretty.isEmpty { return ["1", "t", "T", "true", "TRUE", "True"].contains(pretty) }
    let agent = request.header("user-agent") ?? ""
    return agent.hasPrefix("curl") || agent.hasPrefix("Wget") || agent.hasPrefix("Mozilla/5.0")
  }

  /// The HTTP answer the API server writes for `response`. `/version` is
  /// written with `WriteRawJSON` (always indented).
  static func httpResponse(_ response: APIResponse, request: APIRequest, cluster: inout Cluster, rawJSON: Bool)
    -> HTTPResponse
  {
    var status = 200
    var contentType = "application/json"
    var body = ""
    switch response {
    case .body(let code, let type, let text):
      status = code
      contentType = type
      body = text
      if type == "application/json", rawJSON || isPretty(request),
        case .success(let value) = ServerSideKubectl.parseBody(text)
      {
        // Indented by json.MarshalIndent, which writes no final newline.
        body = PrettyJSON.text(GoFieldOrder.ordered(value))
      }
    case .watch(let watch):
      // A watch through curl prints the current objects as ADDED events;
      // the simulated curl cannot wait for more, so the stream ends here.
      var lines = ""
      for object in cluster.store.list(watch.kind, in: watch.kind.isNamespaced ? watch.namespace : nil)
      where watch.labels.matches(object.labels) && watch.fields(object) {
        lines += (["type": "ADDED", "object": GoFieldOrder.ordered(object.content)] as JSONValue).compactJSON + "\n"
      }
      body = lines
    case .follow(let follow):
      contentType = "text/plain"
      body = follow.initial
    case .passThrough(let answer):
      var passed = answer
      passed.headers.insert(("Audit-Id", auditID(request, cluster: cluster)), at: 0)
      return passed
    }
    var headers: [(String, String)] = [
      ("Audit-Id", auditID(request, cluster: cluster)), ("Cache-Control", "no-cache, private"),
      ("Content-Type", contentType),
    ]
    if status < 400 || status == 404 {
      headers += [
        ("X-Kubernetes-Pf-Flowschema-Uid", "3c4a1f36-2e1c-4c5b-9d3e-6a0b8f1d2e47"),
        ("X-Kubernetes-Pf-Prioritylevel-Uid", "8d2f6b1a-7c3e-4f5d-a1b2-c3d4e5f60718"),
      ]
    }
    headers += [("Date", HTTPDate.rfc1123(cluster.now)), ("Content-Length", String(body.utf8.count))]
    return HTTPResponse(status: status, reason: reason(status), headers: headers, body: body)
  }

  /// A UUID the same for the same request at the same moment.
  static func auditID(_ request: APIRequest, cluster: Cluster) -> String {
    var source = RandomSource(seed: UInt64(RandomSource.fnv32a(request.method + request.path + String(cluster.store.revision))))
    return source.uuid()
  }

  static func reason(_ status: Int) -> String {
    switch status {
    case 200: "OK"
    case 201: "Created"
    case 400: "Bad Request"
    case 401: "Unauthorized"
    case 403: "Forbidden"
    case 404: "Not Found"
    case 405: "Method Not Allowed"
    case 409: "Conflict"
    case 415: "Unsupported Media Type"
    case 422: "Unprocessable Entity"
    case 500: "Internal Server Error"
    case 503: "Service Unavailable"
    default: "Status"
    }
  }
}

/// Go's `json.MarshalIndent(value, "", "  ")`: two spaces, `"key": value`,
/// `{}` and `[]` for empty ones, and no newline at the end.
enum PrettyJSON {
  static func text(_ value: JSONValue) -> String {
    var out = ""
    write(value, indent: "", into: &out)
    return out
  }

  private static func write(_ value: JSONValue, indent: String, into out: inout String) {
    switch value {
    case .array(let items):
      guard !items.isEmpty else { return out += "[]" }
      out += "[\n"
      for (index, item) in items.enumerated() {
        out += indent + "  "
        write(item, indent: indent + "  ", into: &out)
        out += index == items.count - 1 ? "\n" : ",\n"
      }
      out += indent + "]"
    case .object(let object):
      guard !object.isEmpty else { return out += "{}" }
      out += "{\n"
      var index = 0
      for (key, item) in object {
        out += indent + "  " + JSONValue.quoted(key) + ": "
        write(item, indent: indent + "  ", into: &out)
        index += 1
        out += index == object.count ? "\n" : ",\n"
      }
      out += indent + "}"
    default:
      out += value.compactJSON
    }
  }
}

/// The order Go's encoder writes an API object's fields in: `kind` and
/// `apiVersion` first, then each struct's fields as declared (the schema
/// registry keeps that order), and map keys sorted.
enum GoFieldOrder {
  /// `value` reordered, when its `kind` is one the cluster knows.
  static func ordered(_ value: JSONValue) -> JSONValue {
    guard case .object(let object) = value, let kindName = object["kind"]?.string else { return value }
    if kindName.hasSuffix("List"), let kind = Kind(rawValue: String(kindName.dropLast(4))),
      let items = object["items"]?.array
    {
      var result = JSONObject()
      for key in ["kind", "apiVersion", "metadata"] { if let item = object[key] { result[key] = item } }
      result["items"] = .array(items.map { order($0, structKey: Schema.rootKey(for: kind), top: true) })
      for (key, item) in object where result[key] == nil { result[key] = item }
      return .object(result)
    }
    guard let kind = Kind(rawValue: kindName) else { return value }
    return order(value, structKey: Schema.rootKey(for: kind), top: true)
  }

  private static func order(_ value: JSONValue, structKey: String, top: Bool = false) -> JSONValue {
    guard case .object(let object) = value, let schema = Schema.structSchema(structKey) else { return value }
    var result = JSONObject()
    if top {
      for key in ["kind", "apiVersion"] { if let item = object[key] { result[key] = item } }
    }
    for field in schema.fields where result[field.name] == nil {
      guard let item = object[field.name] else { continue }
      result[field.name] = order(item, type: field.type)
    }
    for (key, item) in object where result[key] == nil { result[key] = item }
    return .object(result)
  }

  private static func order(_ value: JSONValue, type: FieldType) -> JSONValue {
    switch (type.underlying, value) {
    case (.object(let key), _): return order(value, structKey: key)
    case (.array(let element), .array(let items)): return .array(items.map { order($0, type: element) })
    case (.map(let element), .object(let object)):
      var result = JSONObject()
      for key in object.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
        if let item = object[key] { result[key] = order(item, type: element) }
      }
      return .object(result)
    case (.anyObject, .object(let object)):
      var result = JSONObject()
      for key in object.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
        result[key] = object[key]
      }
      return .object(result)
    default:
      return value
    }
  }
}
