import Foundation
import KubeCluster
import Kubectl

/// CRUD on one resource path, as the API server does it, against the
/// cluster the caller holds.
struct ResourceHandler {
  var request: APIRequest
  var path: ResourcePath

  var kind: Kind { path.kind }

  /// Whether the request writes (and so may tick goals).
  var isWrite: Bool { request.method != "GET" }

  func handle(_ cluster: inout Cluster) -> APIResponse {
    switch (request.method, path.name, path.subresource) {
    case ("GET", nil, nil): return list(&cluster)
    case ("GET", let name?, nil): return get(name, cluster)
    case ("POST", nil, nil): return create(&cluster)
    case ("PUT", let name?, nil): return replace(name, &cluster)
    case ("PATCH", let name?, nil): return patch(name, &cluster)
    case ("DELETE", let name?, nil): return delete(name, &cluster)
    case (_, let name?, let sub?): return Subresources(handler: self).handle(name, sub, &cluster)
    default:
      return .failure(.methodNotAllowed("the server does not allow this method on the requested resource"))
    }
  }

  // MARK: Reading

  func list(_ cluster: inout Cluster) -> APIResponse {
    var labels = LabelSelector.everything
    if let text = request.query["labelSelector"], !text.isEmpty {
      do {
        labels = try LabelSelector.parse(text)
      } catch {
        return .failure(.badRequest(error.message))
      }
    }
    var fields: @Sendable (Object) -> Bool = { _ in true }
    if let text = request.query["fieldSelector"], !text.isEmpty {
      switch ServerSideKubectl.fieldSelectorMatcher(text, kind: kind) {
      case .success(let matcher): fields = matcher
      case .failure(let error): return .failure(error)
      }
    }
    let included = TableEncoder.Included(query: request.query["includeObject"])
    if ["true", "1"].contains(request.query["watch"] ?? "") {
      return .watch(
        WatchRequest(
          kind: kind, namespace: path.namespace, labels: labels, fields: fields,
          resourceVersion: request.query["resourceVersion"].flatMap(Int.init),
          table: request.wantsTable, included: included,
          timeoutSeconds: request.query["timeoutSeconds"].flatMap(Int.init)))
    }
    let objects = cluster.store.list(kind, in: kind.isNamespaced ? path.namespace : nil)
      .filter { labels.matches($0.labels) && fields($0) }
    let revision = String(cluster.store.revision)
    if request.wantsTable {
      return .json(TableEncoder.table(objects, kind: kind, cluster: cluster, included: included, resourceVersion: revision))
    }
    return .json([
      "kind": .string(kind.rawValue + "List"), "apiVersion": .string(kind.apiVersion),
      "metadata": ["resourceVersion": .string(revision)],
      "items": .array(objects.map(\.content)),
    ])
  }

  func key(_ name: String) -> ObjectKey {
    ObjectKey(kind, name, in: kind.isNamespaced ? (path.namespace ?? "default") : "")
  }

  func get(_ name: String, _ cluster: Cluster) -> APIResponse {
    guard let object = cluster.store.get(key(name)) else { return .failure(.notFound(kind, name)) }
    return respond(object, cluster)
  }

  /// The object, or its one-row table when the client asked for a table.
  func respond(_ object: Object, _ cluster: Cluster, status: Int = 200) -> APIResponse {
    if request.wantsTable {
      let included = TableEncoder.Included(query: request.query["includeObject"])
      return .json(
        TableEncoder.table([object], kind: kind, cluster: cluster, included: included, resourceVersion: object.resourceVersion),
        status: status)
    }
    return .json(object.content, status: status)
  }

  // MARK: Writing

  /// The media types the server decodes a create or replace body from.
  static let bodyMediaTypes = ["application/json", "application/yaml", "application/vnd.kubernetes.protobuf"]

  /// The body as an object of this path's kind and namespace.
  func bodyObject(name: String?) -> Result<Object, APIError> {
    let value: JSONValue
    let mediaType = request.header("content-type")?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces)
    if ["POST", "PUT"].contains(request.method), let mediaType, !mediaType.isEmpty,
      !Self.bodyMediaTypes.contains(mediaType)
    {
      // curl's `-d` without `-H 'Content-Type: application/json'`.
      return .failure(
        APIError.status(
          "UnsupportedMediaType",
          "the body of the request was in an unknown format - accepted media types include: "
            + Self.bodyMediaTypes.joined(separator: ", "), code: 415))
    }
    if let type = request.header("content-type"), type.hasPrefix("application/vnd.kubernetes.protobuf") {
      // kubectl's typed clients (`kubectl create deployment` and friends).
      do {
        value = try ProtobufDecoder.decodeObject(request.bodyBytes)
      } catch {
        return .failure(.badRequest("the body of the request was in an unknown format: \(error)"))
      }
    } else {
      switch ServerSideKubectl.parseBody(request.body) {
      case .success(let parsed): value = parsed
      case .failure(let error): return .failure(error)
      }
    }
    guard case .object = value else {
      return .failure(.badRequest("the body of the request was in an unknown format"))
    }
    let bodyKind = value["kind"]?.string ?? kind.rawValue
    let bodyVersion = value["apiVersion"]?.string ?? kind.apiVersion
    guard bodyKind == kind.rawValue, bodyVersion == kind.apiVersion else {
      return .failure(
        .badRequest("the API version in the data (\(bodyVersion)) does not match the expected API version (\(kind.apiVersion))"))
    }
    var object = Object(kind, value)
    if kind.isNamespaced {
      let namespace = path.namespace ?? "default"
      if object.namespace.isEmpty {
        object.namespace = namespace
      } else if object.namespace != namespace {
        return .failure(.badRequest("the namespace of the provided object does not match the namespace sent on the request"))
      }
    }
    if let name, !object.name.isEmpty, object.name != name {
      return .failure(.badRequest("the name of the object (\(object.name)) does not match the name on the URL (\(name))"))
    }
    if let name, object.name.isEmpty { object.name = name }
    return .success(object)
  }

  func create(_ cluster: inout Cluster) -> APIResponse {
    let object: Object
    switch bodyObject(name: nil) {
    case .success(let parsed): object = parsed
    case .failure(let error): return .failure(error)
    }
    do {
      let stored = try cluster.create(object, by: "kubectl", dryRun: request.isDryRun)
      return respond(stored, cluster, status: 201)
    } catch {
      return .failure(error)
    }
  }

  func replace(_ name: String, _ cluster: inout Cluster) -> APIResponse {
    let object: Object
    switch bodyObject(name: name) {
    case .success(let parsed): object = parsed
    case .failure(let error): return .failure(error)
    }
    do {
      let stored = try cluster.update(object, by: "kubectl", dryRun: request.isDryRun)
      return respond(stored, cluster)
    } catch {
      return .failure(error)
    }
  }

  /// The patch type a PATCH request's Content-Type names.
  var patchType: String? {
    switch request.header("content-type")?.split(separator: ";").first.map(String.init) {
    case "application/json-patch+json": "json"
    case "application/merge-patch+json": "merge"
    case "application/strategic-merge-patch+json": "strategic"
    case "application/apply-patch+yaml": "apply"
    default: nil
    }
  }

  /// Applies the request's patch to `target`.
  func patched(_ target: JSONValue) -> Result<JSONValue, APIError> {
    guard let type = patchType else {
      return .failure(
        APIError.status("UnsupportedMediaType", "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json",
          code: 415))
    }
    let patch: JSONValue
    switch ServerSideKubectl.parseBody(request.body) {
    case .success(let parsed): patch = parsed
    case .failure(let error): return .failure(error)
    }
    return ServerSideKubectl.patch(patch, type: type == "apply" ? "strategic" : type, to: target, kind: kind)
  }

  func patch(_ name: String, _ cluster: inout Cluster) -> APIResponse {
    guard let live = cluster.store.get(key(name)) else {
      // Server-side apply creates what is missing.
      if patchType == "apply" { return create(&cluster) }
      return .failure(.notFound(kind, name))
    }
    var object = live
    switch patched(live.content) {
    case .success(let content): object.content = content
    case .failure(let error): return .failure(error)
    }
    if object.content[path: "metadata.resourceVersion"] == nil { object.resourceVersion = live.resourceVersion }
    do {
      let stored = try cluster.update(object, by: "kubectl", dryRun: request.isDryRun)
      return respond(stored, cluster)
    } catch {
      return .failure(error)
    }
  }

  func delete(_ name: String, _ cluster: inout Cluster) -> APIResponse {
    var options = DeleteOptions(dryRun: request.isDryRun)
    var body: JSONValue = .emptyObject
    if !request.body.isEmpty, case .success(let parsed) = ServerSideKubectl.parseBody(request.body) {
      body = parsed
    }
    if let grace = body["gracePeriodSeconds"]?.int ?? request.query["gracePeriodSeconds"].flatMap(Int.init) {
      options.gracePeriodSeconds = grace
    }
    if let text = body["propagationPolicy"]?.string ?? request.query["propagationPolicy"] {
      guard let policy = PropagationPolicy(rawValue: text) else {
        return .failure(.badRequest("propagationPolicy: Unsupported value: \"\(text)\""))
      }
      options.propagation = policy
    }
    if body[path: "dryRun"]?.array?.contains("All") == true { options.dryRun = true }
    do {
      let deleted = try cluster.delete(key(name), options: options, by: "kubectl")
      if !options.dryRun, let remaining = cluster.store.get(key(name)) {
        return respond(remaining, cluster)
      }
      if options.dryRun { return respond(deleted, cluster) }
      return .json(StatusObject.success(kind: kind, name: name, uid: deleted.uid))
    } catch {
      return .failure(error)
    }
  }
}
