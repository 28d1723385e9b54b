import Foundation
import KubeCluster
import Kubectl

/// `/status`, `/scale` and `/log`.
struct Subresources {
  var handler: ResourceHandler

  var request: APIRequest { handler.request }
  var kind: Kind { handler.kind }

  func handle(_ name: String, _ sub: String, _ cluster: inout Cluster) -> APIResponse {
    guard let live = cluster.store.get(handler.key(name)) else { return .failure(.notFound(kind, name)) }
    switch (sub, request.method) {
    case ("status", "GET"): return handler.respond(live, cluster)
    case ("status", "PUT"), ("status", "PATCH"): return writeStatus(live, &cluster)
    case ("scale", "GET") where Subresources.scalable.contains(kind):
      return .json(scale(live))
    case ("scale", "PUT"), ("scale", "PATCH"):
      guard Subresources.scalable.contains(kind) else { break }
      return writeScale(live, &cluster)
    case ("log", "GET") where kind == .pod:
      return logs(live, &cluster)
    case ("exec", _), ("attach", _), ("portforward", _):
      return .failure(.badRequest("Upgrade request required"))
    default:
      break
    }
    return .failure(
      APIError.status("NotFound", "the server could not find the requested resource", code: 404))
  }

  static let scalable: Set<Kind> = [.deployment, .replicaSet, .statefulSet]

  /// The object's status replaced (PUT) or patched; the rest stays.
  private func writeStatus(_ live: Object, _ cluster: inout Cluster) -> APIResponse {
    var status: JSONValue?
    if request.method == "PUT" {
      switch handler.bodyObject(name: live.name) {
      case .success(let object): status = object.content["status"]
      case .failure(let error): return .failure(error)
      }
    } else {
      switch handler.patched(live.content) {
      case .success(let content): status = content["status"]
      case .failure(let error): return .failure(error)
      }
    }
    var object = live
    object.content["status"] = status
    guard !request.isDryRun, let stored = cluster.write(object, by: "kubectl", summary: "status updated") else {
      return handler.respond(object, cluster)
    }
    cluster.settle()
    return handler.respond(stored, cluster)
  }

  /// An `autoscaling/v1` Scale for a workload.
  private func scale(_ object: Object) -> JSONValue {
    var metadata: JSONValue = [
      "name": .string(object.name), "namespace": .string(object.namespace), "uid": .string(object.uid),
      "resourceVersion": .string(object.resourceVersion),
    ]
    if let created = object.content[path: "metadata.creationTimestamp"] { metadata["creationTimestamp"] = created }
    var selector = ""
    if let labels = object.content[path: "spec.selector.matchLabels"]?.object {
      selector = labels.map { "\($0.key)=\($0.value.scalarText)" }.sorted().joined(separator: ",")
    }
    return [
      "kind": "Scale", "apiVersion": "autoscaling/v1", "metadata": metadata,
      "spec": ["replicas": .int(object.content[path: "spec.replicas"]?.int ?? 1)],
      "status": [
        "replicas": .int(object.content[path: "status.replicas"]?.int ?? 0), "selector": .string(selector),
      ],
    ]
  }

  private func writeScale(_ live: Object, _ cluster: inout Cluster) -> APIResponse {
    let current = scale(live)
    var desired: JSONValue
    if request.method == "PUT" {
      switch ServerSideKubectl.parseBody(request.body) {
      case .success(let body): desired = body
      case .failure(let error): return .failure(error)
      }
    } else {
      switch handler.patched(current) {
      case .success(let content): desired = content
      case .failure(let error): return .failure(error)
      }
    }
    guard let replicas = desired[path: "spec.replicas"]?.int else {
      return .failure(.badRequest("spec.replicas: Required value"))
    }
    if let version = desired[path: "metadata.resourceVersion"]?.string, !version.isEmpty,
      version != live.resourceVersion
    {
      return .failure(.conflict(kind, live.name))
    }
    var object = live
    object.content[path: "spec.replicas"] = .int(replicas)
    do {
      let stored = try cluster.update(object, by: "kubectl", dryRun: request.isDryRun)
      return .json(scale(stored))
    } catch {
      return .failure(error)
    }
  }

  /// The pod's log, worded and filtered exactly as the shell's `kubectl logs`.
  private func logs(_ pod: Object, _ cluster: inout Cluster) -> APIResponse {
    var arguments = ["logs", pod.name, "-n", pod.namespace]
    let query = request.query
    if let container = query["container"], !container.isEmpty { arguments += ["-c", container] }
    if let tail = query["tailLines"] { arguments += ["--tail", tail] }
    if query["previous"] == "true" { arguments.append("--previous") }
    if query["timestamps"] == "true" { arguments.append("--timestamps") }
    if let since = query["sinceSeconds"] { arguments.append("--since=\(since)s") }
    if let bytes = query["limitBytes"] { arguments += ["--limit-bytes", bytes] }
    let output = CommandRunner.run(arguments, cluster: &cluster)
    if output.exitCode != 0 { return .failure(Subresources.apiError(fromKubectl: output.stderr)) }
    if query["follow"] == "true" {
      // Later lines are found by re-reading the whole log, without --tail.
      var whole = arguments
      if let index = whole.firstIndex(of: "--tail") { whole.removeSubrange(index...(index + 1)) }
      let sent = CommandRunner.run(whole, cluster: &cluster).stdout.utf8.count
      return .follow(LogFollow(namespace: pod.namespace, pod: pod.name, arguments: whole, initial: output.stdout, sent: sent))
    }
    return .body(status: 200, contentType: "text/plain", text: output.stdout)
  }

  /// Reads `Error from server (REASON): MESSAGE` back into the error it
  /// came from.
  static func apiError(fromKubectl text: String) -> APIError {
    let line = text.split(separator: "\n").first.map(String.init) ?? text
    let prefix = "Error from server ("
    guard line.hasPrefix(prefix), let close = line.range(of: "): ") else {
      return .badRequest(line.hasPrefix("error: ") ? String(line.dropFirst(7)) : line)
    }
    let reason = String(line[line.index(line.startIndex, offsetBy: prefix.count)..<close.lowerBound])
    let message = String(line[close.upperBound...])
    let codes = ["BadRequest": 400, "NotFound": 404, "Forbidden": 403, "Conflict": 409, "Invalid": 422]
    return APIError.status(reason, message, code: codes[reason] ?? 500)
  }
}
