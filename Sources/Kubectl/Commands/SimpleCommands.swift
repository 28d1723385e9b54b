import Foundation
import KubeCluster

/// `kubectl scale`.
struct ScaleCommand: KubectlCommand {
  static let name = "scale"
  static let flags: [FlagSpec] = [
    .int("replicas", default: -1, help: "The new desired number of replicas. Required."),
    .int("current-replicas", default: -1, help: "Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition."),
    .string("resource-version", help: "Precondition for resource version. Requires that the current resource version match this value in order to scale."),
    .strings("selector", short: "l", help: "Selector (label query) to filter on."),
    .bool("all", help: "Select all resources in the namespace of the specified resource types"),
    .strings("filename", short: "f", help: "Filename, directory, or URL to files identifying the resource to set a new size"),
    .string("output", short: "o", help: "Output format."),
    .string("timeout", default: "0s", help: "The length of time to wait before giving up on a scale operation."),
    .string("dry-run", default: "none", help: "Must be \"none\", \"server\", or \"client\"."),
    .bool("recursive", short: "R", help: "Process the directory used in -f, --filename recursively."),
  ]

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    let flags = invocation.flags
    guard flags.isSet("replicas") else { throw KubectlError.message("required flag(s) \"replicas\" not set") }
    let replicas = flags.int("replicas")
    guard replicas >= 0 else { throw KubectlError.message("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0") }
    guard !invocation.positionals.isEmpty else {
      throw KubectlError.raw("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n")
    }
    var keys: [ObjectKey] = []
    switch try ResourceRequest.parse(invocation.positionals) {
    case .byType(let kinds, let names):
      for kind in kinds { keys += names.map { ObjectKey(kind, $0, in: invocation.namespace) } }
      if names.isEmpty { throw KubectlError.message("resource(s) were provided, but no name was specified") }
    case .byName(let pairs): keys = pairs.map { ObjectKey($0.0, $0.1, in: invocation.namespace) }
    }
    var output = CommandOutput()
    for key in keys {
      guard [.deployment, .replicaSet, .statefulSet].contains(key.kind) else {
        output.stderr += "error: no objects passed to scale \(key.kind.groupResource) \"\(key.name)\" is not scalable\n"
        output.exitCode = 1
        continue
      }
      guard var object = cluster.store.get(key) else {
        output.stderr += "error: no objects passed to scale \(APIError.notFound(key.kind, key.name).message)\n"
        output.exitCode = 1
        continue
      }
      let current = object.content[path: "spec.replicas"]?.int ?? 1
      if flags.int("current-replicas") >= 0 && flags.int("current-replicas") != current {
        output.stderr += "error: Expected replicas to be \(flags.int("current-replicas")), was \(current)\n"
        output.exitCode = 1
        continue
      }
      object.content[path: "spec.replicas"] = .int(replicas)
      do {
        try cluster.update(object)
        output.stdout += "\(key.kind.groupSingular)/\(key.name) scaled\n"
      } catch {
        output.stderr += ErrorMessage.render(error)
        output.exitCode = 1
      }
    }
    return output
  }
}

/// `kubectl version`.
struct VersionCommand: KubectlCommand {
  static let name = "version"
  static let flags: [FlagSpec] = [
    .bool("client", help: "If true, shows client version only (no server required)."),
    .string("output", short: "o", help: "One of 'yaml' or 'json'."),
  ]

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    if !invocation.positionals.isEmpty {
      throw KubectlError.message("extra arguments: [\(invocation.positionals.joined(separator: " "))]")
    }
    let format = invocation.flags.string("output")
    guard ["", "yaml", "json"].contains(format) else { throw KubectlError.message("--output must be 'yaml' or 'json'") }
    let client: JSONValue = [
      "major": "1", "minor": "32", "gitVersion": "v1.32.5",
      "gitCommit": "9894294ef13a5b32803e3ca2c0d620a088cc84d1", "gitTreeState": "clean",
      "buildDate": "2025-05-15T09:12:10Z", "goVersion": "go1.23.8", "compiler": "gc",
      "platform": "linux/amd64",
    ]
    if !format.isEmpty {
      // version.Info in Go's struct order; YAML sorts, JSON is indented by two.
      var info: JSONValue = ["clientVersion": client, "kustomizeVersion": "v5.5.0"]
      if !invocation.flags.bool("client") { info["serverVersion"] = Cluster.serverVersion }
      if format == "yaml" { return CommandOutput(stdout: YAMLEmitter.emit(info.sortedKeys) + "\n") }
      let lines: [String] = JSONEmitter.emit(info, sortKeys: false).components(separatedBy: "\n")
      let json = lines.map { (line: String) -> String in
        let indent = line.prefix { $0 == " " }.count
        return String(repeating: " ", count: indent / 2) + String(line.dropFirst(indent))
      }
      return CommandOutput(stdout: json.joined(separator: "\n"))
    }
    var text = "Client Version: v1.32.5\nKustomize Version: v5.5.0\n"
    if !invocation.flags.bool("client") { text += "Server Version: v1.32.2\n" }
    return CommandOutput(stdout: text)
  }
}

/// `kubectl cluster-info`.
struct ClusterInfoCommand: KubectlCommand {
  static let name = "cluster-info"
  static let flags: [FlagSpec] = []

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    if invocation.positionals.first == "dump" {
      throw KubectlError.message("cluster-info dump is not available in kubetutor; use kubectl get and describe")
    }
    var text = "Kubernetes control plane is running at https://127.0.0.1:6443\n"
    if cluster.store.contains(ObjectKey(.service, "kube-dns", in: "kube-system")) {
      text += "CoreDNS is running at https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n"
    }
    text += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n"
    return CommandOutput(stdout: text)
  }
}

/// `kubectl api-resources`.
struct APIResourcesCommand: KubectlCommand {
  static let name = "api-resources"
  static let flags: [FlagSpec] = [
    .bool("namespaced", default: true, help: "If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default."),
    .string("output", short: "o", help: "Output format. One of: (wide, name)."),
    .string("api-group", help: "Limit to resources in the specified API group."),
    .bool("no-headers", help: "When using the default or custom-column output format, don't print headers (default print headers)."),
    .string("sort-by", help: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'."),
    .strings("verbs", splitCommas: true, help: "Limit to resources that support the specified verbs."),
    .bool("cached", help: "Use the cached list of resources if available."),
    .strings("categories", splitCommas: true, help: "Limit to resources that belong to the specified categories."),
  ]

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    let flags = invocation.flags
    let mode = flags.string("output")
    guard ["", "wide", "name"].contains(mode) else { throw KubectlError.message("--output \(mode) is not available") }
    guard ["", "name", "kind"].contains(flags.string("sort-by")) else { throw KubectlError.message("--sort-by accepts only name or kind") }
    if !invocation.positionals.isEmpty {
      throw KubectlError.raw("error: unexpected arguments: [\(invocation.positionals.joined(separator: " "))]\nSee 'kubectl api-resources -h' for help and examples\n")
    }
    var kinds = Kind.allCases.filter(\.isListable)
    kinds.sort { ($0.group.isEmpty ? "" : $0.group, $0.resource) < ($1.group.isEmpty ? "" : $1.group, $1.resource) }
    if flags.isSet("namespaced") {
      let wanted = flags.string("namespaced") == "true"
      kinds = kinds.filter { $0.isNamespaced == wanted }
    }
    if flags.isSet("api-group") { kinds = kinds.filter { $0.group == flags.string("api-group") } }
    let verbs = flags.strings("verbs")
    if !verbs.isEmpty { kinds = kinds.filter { kind in verbs.allSatisfy(kind.verbs.contains) } }
    if flags.string("sort-by") == "kind" { kinds.sort { $0.rawValue < $1.rawValue } }
    if flags.string("sort-by") == "name" { kinds.sort { $0.resource < $1.resource } }
    if flags.string("output") == "name" {
      return CommandOutput(stdout: kinds.map { $0.groupResource + "\n" }.joined())
    }
    var rows: [[String]] = []
    let wide = mode == "wide"
    if !flags.bool("no-headers") {
      rows.append(["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"] + (wide ? ["VERBS", "CATEGORIES"] : []))
    }
    for kind in kinds {
      var row = [kind.resource, kind.shortNames.joined(separator: ","), kind.apiVersion, kind.isNamespaced ? "true" : "false", kind.rawValue]
      if wide { row += [kind.verbs.joined(separator: ","), kind.categories.joined(separator: ",")] }
      rows.append(row)
    }
    return CommandOutput(stdout: TablePrinter.render(rows))
  }
}

/// `kubectl label` and `kubectl annotate`.
enum MetadataEdit {
  static let flags: [FlagSpec] = [
    .bool("overwrite", help: "If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels."),
    .bool("all", help: "Select all resources, in the namespace of the specified resource types"),
    .bool("all-namespaces", short: "A", help: "If true, check the specified action in all namespaces."),
    .strings("selector", short: "l", help: "Selector (label query) to filter on."),
    .strings("filename", short: "f", help: "Filename, directory, or URL to files identifying the resource to update the labels"),
    .string("output", short: "o", help: "Output format."),
    .bool("list", help: "If true, display the labels for a given resource."),
    .bool("local", help: "If true, label will NOT contact api-server but run locally."),
    .string("dry-run", default: "none", help: "Must be \"none\", \"server\", or \"client\"."),
    .string("resource-version", help: "If non-empty, the labels update will only succeed if this is the current resource-version for the object."),
    .string("field-selector", help: "Selector (field query) to filter on."),
    .bool("recursive", short: "R", help: "Process the directory used in -f, --filename recursively."),
  ]

  static func run(_ invocation: Invocation, cluster: inout Cluster, field: String, verb: String) throws -> CommandOutput {
    let flags = invocation.flags
    var targets: [String] = []
    var changes: [String] = []
    for argument in invocation.positionals {
      if argument.contains("=") || (argument.hasSuffix("-") && !targets.isEmpty) {
        changes.append(argument)
      } else {
        targets.append(argument)
      }
    }
    guard !targets.isEmpty else {
      throw KubectlError.message("one or more resources must be specified as <resource> <name> or <resource>/<name>")
    }
    var additions: [(String, String)] = []
    var removals: [String] = []
    for change in changes {
      if change.hasSuffix("-") && !change.contains("=") {
        removals.append(String(change.dropLast()))
      } else {
        let parts = change.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        if field == "labels", let problem = NameRules.labelValueProblem(parts[1]) {
          throw KubectlError.message("invalid label value: \"\(change)\": at key: \"\(parts[0])\": \(problem)")
        }
        additions.append((parts[0], parts[1]))
      }
    }
    if changes.isEmpty && !flags.bool("list") {
      throw KubectlError.message("at least one \(field == "labels" ? "label" : "annotation") update is required")
    }
    var keys: [ObjectKey] = []
    switch try ResourceRequest.parse(targets) {
    case .byType(let kinds, let names):
      let selector = names.isEmpty ? try GetCommand.listSelector(flags, for: kinds) : .everything
      for kind in kinds {
        if names.isEmpty {
          guard flags.bool("all") || !selector.isEmpty else { throw KubectlError.message("resource(s) were provided, but no name was specified") }
          keys += cluster.list(kind, in: kind.isNamespaced ? invocation.namespace : nil, selector: selector).map(\.key)
        } else {
          keys += names.map { ObjectKey(kind, $0, in: invocation.namespace) }
        }
      }
    case .byName(let pairs): keys = pairs.map { ObjectKey($0.0, $0.1, in: invocation.namespace) }
    }
    var output = CommandOutput()
    for key in keys {
      guard var object = cluster.store.get(key) else {
        output.stderr += ErrorMessage.render(APIError.notFound(key.kind, key.name))
        output.exitCode = 1
        continue
      }
      var map = Object.stringMap(object.content[path: "metadata.\(field)"])
      if flags.bool("list") {
        output.stdout += map.keys.sorted().map { "\($0)=\(map[$0] ?? "")\n" }.joined()
        continue
      }
      for (key, value) in additions where !flags.bool("overwrite") {
        if let existing = map[key], existing != value {
          throw KubectlError.message("'\(key)' already has a value (\(existing)), and --overwrite is false")
        }
      }
      let before = map
      for name in removals { map[name] = nil }
      for (name, value) in additions { map[name] = value }
      let singular = field == "labels" ? "labeled" : "annotated"
      guard map != before else {
        output.stdout += "\(ObjectPrinter.name(object)) not \(singular)\n"
        continue
      }
      object.content[path: "metadata.\(field)"] = Object.mapValue(map)
      do {
        try cluster.update(object)
      } catch {
        output.stderr += ErrorMessage.render(error)
        output.exitCode = 1
        continue
      }
      let word = additions.isEmpty ? (field == "labels" ? "unlabeled" : "annotated") : singular
      output.stdout += "\(ObjectPrinter.name(object)) \(word)\n"
    }
    return output
  }
}

struct LabelCommand: KubectlCommand {
  static let name = "label"
  static let flags = MetadataEdit.flags
  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    try MetadataEdit.run(invocation, cluster: &cluster, field: "labels", verb: "labeled")
  }
}

struct AnnotateCommand: KubectlCommand {
  static let name = "annotate"
  static let flags = MetadataEdit.flags
  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    try MetadataEdit.run(invocation, cluster: &cluster, field: "annotations", verb: "annotated")
  }
}
