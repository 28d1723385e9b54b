import Foundation
import KubeCluster

/// `kubectl wait --for=condition=Ready pod/NAME --timeout=60s`: moves the
/// simulated clock until the condition holds or the timeout passes.
struct WaitCommand: KubectlCommand {
  static let name = "wait"
  static let flags: [FlagSpec] = [
    .string("for", help: "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]."),
    .duration("timeout", default: "30s", help: "The length of time to wait before giving up.  Zero means check once and don't wait, negative means wait for a week."),
    .strings("selector", short: "l", help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'."),
    .bool("all", help: "Select all resources in the namespace of the specified resource types"),
    .bool("all-namespaces", short: "A", help: "If present, list the requested object(s) across all namespaces."),
    .strings("filename", short: "f", help: "identifying the resource."),
    .string("field-selector", help: "Selector (field query) to filter on, supports '=', '==', and '!='."),
    .string("output", short: "o", help: "Output format."),
    .bool("local", help: "If true, annotation will NOT contact api-server but run locally."),
    .bool("recursive", short: "R", help: "Process the directory used in -f, --filename recursively."),
  ]

  enum Condition {
    case condition(String, String)
    case delete
    case create
    case jsonPath(String, String?)
  }

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    let flags = invocation.flags
    let condition = try parseCondition(flags.string("for"))
    var timeout = GoDuration.parse(flags.string("timeout")) ?? 30
    if timeout < 0 { timeout = 7 * 86_400 }
    let namespace = invocation.namespace
    guard !invocation.positionals.isEmpty || !flags.strings("filename").isEmpty else {
      throw KubectlError.raw("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n")
    }
    var keys: [ObjectKey] = []
    var kinds: [Kind] = []
    switch try ResourceRequest.parse(invocation.positionals) {
    case .byType(let requested, let names):
      kinds = requested
      if names.isEmpty {
        let selector = try GetCommand.listSelector(flags, for: requested)
        guard flags.bool("all") || !selector.isEmpty else {
          throw KubectlError.message("resource(s) were provided, but no name was specified")
        }
        for kind in requested { keys += cluster.list(kind, in: kind.isNamespaced ? namespace : nil, selector: selector).map(\.key) }
        if keys.isEmpty {
          throw KubectlError.message("no matching resources found")
        }
      } else {
        for kind in requested { keys += names.map { ObjectKey(kind, $0, in: namespace) } }
      }
    case .byName(let pairs):
      keys = pairs.map { ObjectKey($0.0, $0.1, in: namespace) }
      kinds = pairs.map(\.0)
    }
    _ = kinds
    var output = CommandOutput()
    for key in keys {
      if case .delete = condition {
        guard cluster.store.contains(key) else {
          output.stdout += "\(key.kind.groupSingular)/\(key.name) condition met\n"
          continue
        }
      } else if case .create = condition {
      } else if !cluster.store.contains(key) {
        output.stderr += ErrorMessage.render(APIError.notFound(key.kind, key.name))
        output.exitCode = 1
        continue
      }
      let met = Waiting.until(cluster: &cluster, timeout: timeout) { cluster in
        holds(condition, cluster.store.get(key))
      }
      if met {
        output.stdout += "\(key.kind.groupSingular)/\(key.name) condition met\n"
      } else {
        output.stderr += "error: timed out waiting for the condition on \(key.kind.groupResource)/\(key.name)\n"
        output.exitCode = 1
      }
    }
    return output
  }

  static func parseCondition(_ text: String) throws(KubectlError) -> Condition {
    if text == "delete" { return .delete }
    if text == "create" { return .create }
    if text.hasPrefix("condition=") {
      let body = text.dropFirst("condition=".count)
      let parts = body.split(separator: "=", maxSplits: 1).map(String.init)
      guard let name = parts.first, !name.isEmpty else { throw .message("unrecognized condition: \"\(text)\"") }
      return .condition(name, parts.count > 1 ? parts[1] : "True")
    }
    if text.hasPrefix("jsonpath=") {
      var body = String(text.dropFirst("jsonpath=".count))
      var value: String?
      if let brace = body.lastIndex(of: "}"), let equals = body[brace...].firstIndex(of: "=") {
        value = String(body[body.index(after: equals)...])
        body = String(body[..<equals])
      }
      return .jsonPath(body, value)
    }
    throw .message("unrecognized condition: \"\(text)\"")
  }

  static func holds(_ condition: Condition, _ object: Object?) -> Bool {
    switch condition {
    case .delete: return object == nil
    case .create: return object != nil
    case .condition(let name, let value):
      guard let object else { return false }
      return (object.content[path: "status.conditions"]?.array ?? []).contains {
        ($0["type"]?.string ?? "").lowercased() == name.lowercased() && ($0["status"]?.string ?? "").lowercased() == value.lowercased()
      }
    case .jsonPath(let expression, let value):
      guard let object else { return false }
      var path = expression
      if path.hasPrefix("{") && path.hasSuffix("}") { path = String(path.dropFirst().dropLast()) }
      if path.hasPrefix(".") { path.removeFirst() }
      path = path.replacingOccurrences(of: "[", with: ".").replacingOccurrences(of: "]", with: "")
      guard let found = object.content[path: path] else { return false }
      guard let value else { return true }
      return found.scalarText == value
    }
  }
}
