import Foundation
import KubeCluster

/// `kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]`.
struct PatchCommand: KubectlCommand {
  static let name = "patch"
  static let flags: [FlagSpec] = [
    .string("patch", short: "p", help: "The patch to be applied to the resource JSON file."),
    .string("patch-file", help: "A file containing a patch to be applied to the resource."),
    .string("type", default: "strategic", help: "The type of patch being provided; one of [json merge strategic]"),
    .strings("filename", short: "f", help: "Filename, directory, or URL to files identifying the resource to update"),
    .bool("local", help: "If true, patch will operate on the content of the file, not the server-side resource."),
    .string("output", short: "o", help: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
    .string("dry-run", default: "none", help: "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."),
    .bool("recursive", short: "R", help: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
    .string("field-manager", default: "kubectl-patch", help: "Name of the manager used to track field ownership."),
    .string("subresource", help: "If specified, patch will operate on the subresource of the requested object."),
    .string("template", help: "Template string or path to template file to use when -o=go-template, -o=go-template-file."),
    .bool("show-managed-fields", help: "If true, keep the managedFields when printing objects in JSON or YAML format."),
    .bool("allow-missing-template-keys", default: true, help: "If true, ignore any errors in templates when a field or map key is missing in the template."),
  ]

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    let flags = invocation.flags
    var patchText = flags.string("patch")
    if patchText.isEmpty, !flags.string("patch-file").isEmpty {
      do {
        patchText = try invocation.environment.readFile(flags.string("patch-file"))
      } catch {
        throw KubectlError.message("unable to read patch file: open \(flags.string("patch-file")): no such file or directory")
      }
    }
    guard !patchText.isEmpty else { throw KubectlError.message("must specify --patch or --patch-file containing the contents of the patch") }
    let type = flags.string("type")
    guard ["json", "merge", "strategic"].contains(type) else {
      throw KubectlError.message("--type must be one of [json merge strategic], not \"\(type)\"")
    }
    let patch: JSONValue
    do {
      guard let document = try ManifestDecoder.decode(patchText).first else { throw KubectlError.message("unable to parse \"\(patchText)\": empty patch") }
      patch = document.value
    } catch let error as ManifestError {
      throw KubectlError.message("unable to parse \"\(patchText)\": \(error.message)")
    }
    let keys = try RolloutCommand.targets(invocation.positionals, invocation: invocation, cluster: cluster, verb: "patch")
    var output = CommandOutput()
    for key in keys {
      guard let live = cluster.store.get(key) else { continue }
      var object = live
      do {
        object.content = try Patching.apply(patch, type: type, to: live.content, kind: key.kind)
      } catch {
        output.stderr += ErrorMessage.render(error)
        output.exitCode = 1
        continue
      }
      let label = RolloutCommand.label(key)
      let dryRun = flags.string("dry-run")
      let suffix = dryRun == "client" ? " (dry run)" : (dryRun == "server" ? " (server dry run)" : "")
      if object.content == live.content {
        output.stdout += try printed(object, format: flags.string("output"), message: "\(label) patched (no change)\n")
        continue
      }
      do {
        let stored = dryRun == "client" ? object : try cluster.update(object, dryRun: dryRun == "server")
        output.stdout += try printed(stored, format: flags.string("output"), message: "\(label) patched\(suffix)\n")
      } catch {
        output.stderr += ErrorMessage.render(error)
        output.exitCode = 1
      }
    }
    return output
  }

  static func printed(_ object: Object, format: String, message: String) throws -> String {
    if let text = try Printed.templated(object.content, format: format) { return text }
    switch format {
    case "yaml": return ObjectPrinter.yaml(object.content)
    case "json": return ObjectPrinter.json(object.content)
    case "name": return ObjectPrinter.name(object) + "\n"
    default: return message
    }
  }
}

/// JSON merge patch (RFC 7386), strategic merge patch for built-in kinds,
/// and JSON patch (RFC 6902).
enum Patching {
  static func apply(_ patch: JSONValue, type: String, to target: JSONValue, kind: Kind) throws(KubectlError) -> JSONValue {
    switch type {
    case "json": return try jsonPatch(patch, target)
    case "merge": return merge(patch, into: target, path: [], strategic: false)
    default: return merge(patch, into: target, path: [], strategic: true)
    }
  }

  /// Lists that a strategic merge patch merges by a key instead of replacing.
  static let mergeKeys: [String: String] = [
    "containers": "name", "initContainers": "name", "ephemeralContainers": "name", "env": "name",
    "ports": "containerPort", "volumes": "name", "volumeMounts": "mountPath", "imagePullSecrets": "name",
    "conditions": "type", "hostAliases": "ip", "volumeDevices": "devicePath", "ownerReferences": "uid",
  ]

  static func merge(_ patch: JSONValue, into target: JSONValue, path: [String], strategic: Bool) -> JSONValue {
    guard case .object(let patchObject) = patch else { return patch }
    var result: JSONObject
    if case .object(let existing) = target { result = existing } else { result = JSONObject() }
    for (key, value) in patchObject {
      if strategic, key.hasPrefix("$") { continue }
      if value == .null {
        result[key] = nil
        continue
      }
      if strategic, case .array(let items) = value, let mergeKey = mergeKeys[key], path.last != "metadata" || key == "ownerReferences",
        case .array(let existing)? = result[key]
      {
        result[key] = .array(mergeList(items, into: existing, key: key == "ports" && path.last == "spec" ? "port" : mergeKey, path: path + [key]))
        continue
      }
      result[key] = merge(value, into: result[key] ?? .null, path: path + [key], strategic: strategic)
    }
    return .object(result)
  }

  static func mergeList(_ patch: [JSONValue], into existing: [JSONValue], key: String, path: [String]) -> [JSONValue] {
    var result = existing
    var appended: [JSONValue] = []
    for item in patch {
      guard let identity = item[path: key] else {
        appended.append(item)
        continue
      }
      if item[path: "$patch"]?.string == "delete" {
        result.removeAll { $0[path: key] == identity }
        continue
      }
      if let index = result.firstIndex(where: { $0[path: key] == identity }) {
        result[index] = merge(item, into: result[index], path: path, strategic: true)
      } else {
        appended.append(merge(item, into: .null, path: path, strategic: true))
      }
    }
    // New entries go first, as the API server's strategic merge orders them.
    return appended + result
  }

  // MARK: JSON patch

  static func jsonPatch(_ patch: JSONValue, _ target: JSONValue) throws(KubectlError) -> JSONValue {
    guard case .array(let operations) = patch else {
      throw .message("json: cannot unmarshal object into Go value of type jsonpatch.Patch")
    }
    var document = target
    for operation in operations {
      let op = operation[path: "op"]?.string ?? ""
      let path = operation[path: "path"]?.string ?? ""
      let pointer = try segments(path)
      switch op {
      case "add", "replace":
        guard let value = operation[path: "value"] else { throw .message("Unable to patch: missing value") }
        if op == "replace", get(document, pointer) == nil {
          throw .message("replace operation does not apply: doc is missing key: \(path)")
        }
        document = try set(document, pointer, value, insert: op == "add")
      case "remove":
        guard get(document, pointer) != nil else {
          throw .message("remove operation does not apply: doc is missing path: \"\(path)\"")
        }
        document = try remove(document, pointer)
      case "move", "copy":
        let from = try segments(operation[path: "from"]?.string ?? "")
        guard let value = get(document, from) else {
          throw .message("\(op) operation does not apply: doc is missing from path: \(operation[path: "from"]?.string ?? "")")
        }
        if op == "move" { document = try remove(document, from) }
        document = try set(document, pointer, value, insert: true)
      case "test":
        guard get(document, pointer) == operation[path: "value"] else {
          throw .message("testing value \(path) failed: test failed")
        }
      default:
        throw .message("Unexpected kind: \(op)")
      }
    }
    return document
  }

  static func segments(_ pointer: String) throws(KubectlError) -> [String] {
    guard !pointer.isEmpty else { return [] }
    guard pointer.hasPrefix("/") else { throw .message("JSON pointer must be empty or start with a \"/\"") }
    return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
      $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }
  }

  static func get(_ value: JSONValue, _ path: [String]) -> JSONValue? {
    var current = value
    for segment in path {
      switch current {
      case .object(let object):
        guard let next = object[segment] else { return nil }
        current = next
      case .array(let items):
        guard let index = Int(segment), index >= 0, index < items.count else { return nil }
        current = items[index]
      default: return nil
      }
    }
    return current
  }

  static func set(_ value: JSONValue, _ path: [String], _ newValue: JSONValue, insert: Bool) throws(KubectlError) -> JSONValue {
    guard let first = path.first else { return newValue }
    let rest = Array(path.dropFirst())
    switch value {
    case .object(var object):
      if rest.isEmpty {
        object[first] = newValue
      } else {
        guard let child = object[first] else { throw .message("add operation does not apply: doc is missing path: \"/\(path.joined(separator: "/"))\": missing value") }
        object[first] = try set(child, rest, newValue, insert: insert)
      }
      return .object(object)
    case .array(var items):
      if rest.isEmpty {
        if first == "-" { items.append(newValue); return .array(items) }
        guard let index = Int(first), index >= 0, index <= items.count else { throw .message("add operation does not apply: index out of bounds") }
        if insert { items.insert(newValue, at: index) } else if index < items.count { items[index] = newValue }
        return .array(items)
      }
      guard let index = Int(first), index >= 0, index < items.count else { throw .message("add operation does not apply: index out of bounds") }
      items[index] = try set(items[index], rest, newValue, insert: insert)
      return .array(items)
    default:
      throw .message("add operation does not apply: doc is missing path")
    }
  }

  static func remove(_ value: JSONValue, _ path: [String]) throws(KubectlError) -> JSONValue {
    guard let first = path.first else { return .null }
    let rest = Array(path.dropFirst())
    switch value {
    case .object(var object):
      if rest.isEmpty { object[first] = nil } else if let child = object[first] { object[first] = try remove(child, rest) }
      return .object(object)
    case .array(var items):
      guard let index = Int(first), index >= 0, index < items.count else { throw .message("remove operation does not apply: index out of bounds") }
      if rest.isEmpty { items.remove(at: index) } else { items[index] = try remove(items[index], rest) }
      return .array(items)
    default:
      return value
    }
  }
}
