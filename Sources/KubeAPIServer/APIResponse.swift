import Foundation
import KubeCluster

/// One parsed HTTP request, as the router sees it.
package struct APIRequest: Sendable {
  package var method: String
  /// The path without the query, percent-decoded segment by segment.
  package var path: String
  package var query: [String: String]
  /// The query as sent, without the `?`.
  package var rawQuery: String?
  package var headers: [String: String]
  package var body: String
  /// The body as sent, for binary (protobuf) bodies.
  package var bodyBytes: [UInt8]

  package init(method: String, uri: String, headers: [String: String], body: [UInt8]) {
    self.method = method
    self.headers = headers
    bodyBytes = body
    self.body = String(decoding: body, as: UTF8.self)
    let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    path = String(parts.first ?? "")
    var query: [String: String] = [:]
    rawQuery = parts.count > 1 ? String(parts[1]) : nil
    if parts.count > 1 {
      for pair in parts[1].split(separator: "&") {
        let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let key = APIRequest.decode(String(kv[0]))
        query[key] = kv.count > 1 ? APIRequest.decode(String(kv[1])) : ""
      }
    }
    self.query = query
  }

  /// Decodes `%XX` escapes and `+` (a space in a query).
  static func decode(_ text: String) -> String {
    (text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding) ?? text
  }

  package func header(_ name: String) -> String? { headers[name.lowercased()] }

  /// Whether the client asked for a server-side table (`as=Table`).
  var wantsTable: Bool {
    (header("accept") ?? "").contains("as=Table")
  }

  var isDryRun: Bool { query["dryRun"] == "All" }
}

/// What the server answers: a whole body, or a watch stream.
package enum APIResponse: Sendable {
  case body(status: Int, contentType: String, text: String)
  case watch(WatchRequest)
  case follow(LogFollow)
  /// A pod's or a service's own answer, passed through (the proxy subresources).
  case passThrough(HTTPResponse)

  static func json(_ value: JSONValue, status: Int = 200) -> APIResponse {
    .body(status: status, contentType: "application/json", text: jsonLine(value))
  }

  /// The value as compact JSON with the encoder's final newline, written
  /// into one buffer.
  static func jsonLine(_ value: JSONValue) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(1024)
    value.writeCompactJSON(into: &bytes)
    bytes.append(UInt8(ascii: "\n"))
    return String(decoding: bytes, as: UTF8.self)
  }

  static func failure(_ error: APIError) -> APIResponse {
    json(StatusObject.failure(error), status: error.code)
  }
}

/// `metav1.Status`: how the API server words a failure, and kubectl's
/// `Error from server (REASON): MESSAGE` reads it back.
enum StatusObject {
  static func failure(_ error: APIError) -> JSONValue {
    var status: JSONValue = [
      "kind": "Status", "apiVersion": "v1", "metadata": .emptyObject, "status": "Failure",
      "message": .string(error.message), "reason": .string(error.reason),
    ]
    var details = JSONObject()
    let name = error.detailsName.isEmpty ? StatusObject.quotedName(error.message) : error.detailsName
    if let name { details["name"] = .string(name) }
    if !error.detailsKind.isEmpty {
      if !error.detailsGroup.isEmpty { details["group"] = .string(error.detailsGroup) }
      details["kind"] = .string(error.detailsKind)
    } else if ["NotFound", "AlreadyExists"].contains(error.reason), name != nil,
      let resource = error.message.split(separator: " ").first, !resource.hasPrefix("\"")
    {
      // `NewNotFound(qualifiedResource, name)`: the resource and its group.
      let parts = resource.split(separator: ".", maxSplits: 1).map(String.init)
      if parts.count == 2 { details["group"] = .string(parts[1]) }
      details["kind"] = .string(parts[0])
    }
    if !error.causes.isEmpty {
      details["causes"] = .array(
        error.causes.map { cause in
          [
            "reason": .string("Field" + cause.type.rawValue.replacingOccurrences(of: " ", with: "")),
            "message": .string(cause.body), "field": .string(cause.field),
          ]
        })
    }
    if !details.isEmpty { status["details"] = .object(details) }
    status["code"] = .int(error.code)
    return status
  }

  static func success(kind: Kind, name: String, uid: String) -> JSONValue {
    [
      "kind": "Status", "apiVersion": "v1", "metadata": .emptyObject, "status": "Success",
      "details": ["name": .string(name), "group": .string(kind.group), "kind": .string(kind.resource), "uid": .string(uid)],
    ]
  }

  /// The first `"name"` in a message such as `pods "web" not found`.
  private static func quotedName(_ message: String) -> String? {
    guard let open = message.firstIndex(of: "\"") else { return nil }
    let rest = message[message.index(after: open)...]
    guard let close = rest.firstIndex(of: "\"") else { return nil }
    return String(rest[..<close])
  }

  static let unauthorized = APIError.status("Unauthorized", "Unauthorized", code: 401)
}
