import Foundation
import KubeCluster

/// The nodes named on the command line (`kind-worker`, `node/kind-worker`)
/// or picked by `-l`.
enum NodeTargets {
  static func resolve(_ invocation: Invocation, cluster: Cluster) throws -> [Object] {
    var arguments = invocation.positionals
    if let first = arguments.first, ResourceResolver.kind(for: first) == .node { arguments.removeFirst() }
    let selectorText = invocation.flags.strings("selector")
    if arguments.isEmpty && !selectorText.isEmpty {
      return cluster.list(.node, selector: try GetCommand.parseSelector(selectorText))
    }
    guard !arguments.isEmpty else {
      throw KubectlError.raw("error: USAGE: \(invocation.command) NODE [flags]\nSee 'kubectl \(invocation.command) -h' for help and examples\n")
    }
    return try arguments.map { argument in
      let name = argument.hasPrefix("node/") ? String(argument.dropFirst(5)) : (argument.hasPrefix("nodes/") ? String(argument.dropFirst(6)) : argument)
      guard let node = cluster.store.get(ObjectKey(.node, name, in: "")) else {
        throw KubectlError.api(APIError.notFound(.node, name))
      }
      return node
    }
  }

  static func setUnschedulable(_ node: Object, _ value: Bool, cluster: inout Cluster) throws -> String {
    let current = node.content[path: "spec.unschedulable"]?.bool == true
    let verb = value ? "cordoned" : "uncordoned"
    guard current != value else { return "node/\(node.name) already \(verb)\n" }
    var changed = node
    changed.content[path: "spec.unschedulable"] = value ? .bool(true) : nil
    try cluster.update(changed)
    return "node/\(node.name) \(verb)\n"
  }
}

/// `kubectl cordon NODE`.
struct CordonCommand: KubectlCommand {
  static let name = "cordon"
  static let flags: [FlagSpec] = [
    .strings("selector", short: "l", help: "Selector (label query) to filter on"),
    .string("dry-run", default: "none", help: "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."),
  ]

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    var output = CommandOutput()
    for node in try NodeTargets.resolve(invocation, cluster: cluster) {
      output.stdout += try NodeTargets.setUnschedulable(node, true, cluster: &cluster)
    }
    return output
  }
}

/// `kubectl uncordon NODE`.
struct UncordonCommand: KubectlCommand {
  static let name = "uncordon"
  static let flags = CordonCommand.flags

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    var output = CommandOutput()
    for node in try NodeTargets.resolve(invocation, cluster: cluster) {
      output.stdout += try NodeTargets.setUnschedulable(node, false, cluster: &cluster)
    }
    return output
  }
}

/// `kubectl drain NODE`: cordons, then evicts every pod but mirror pods,
/// refusing (as kubectl does) DaemonSet pods without `--ignore-daemonsets`,
/// pods without a controller without `--force`, and emptyDir pods without
/// `--delete-emptydir-data`.
struct DrainCommand: KubectlCommand {
  static let name = "drain"
  static let flags: [FlagSpec] = [
    .bool("force", help: "Continue even if there are pods that do not declare a controller."),
    .bool("ignore-daemonsets", help: "Ignore DaemonSet-managed pods."),
    .bool("delete-emptydir-data", help: "Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained)."),
    .bool("delete-local-data", help: "Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained)."),
    .int("grace-period", default: -1, help: "Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used."),
    .duration("timeout", default: "0s", help: "The length of time to wait before giving up, zero means infinite"),
    .strings("selector", short: "l", help: "Selector (label query) to filter on"),
    .string("pod-selector", help: "Label selector to filter pods on the node"),
    .bool("disable-eviction", help: "Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution."),
    .int("skip-wait-for-delete-timeout", default: 0, help: "If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip."),
    .int("chunk-size", default: 500, help: "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future."),
    .string("dry-run", default: "none", help: "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."),
  ]

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    let flags = invocation.flags
    var output = CommandOutput()
    var remaining: [String] = []
    var fatal: [String] = []
    for node in try NodeTargets.resolve(invocation, cluster: cluster) {
      output.out(try NodeTargets.setUnschedulable(node, true, cluster: &cluster))
      let pods = cluster.list(.pod).filter { $0.content[path: "spec.nodeName"]?.string == node.name && !$0.isTerminating }
        .sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
      var daemonSetPods: [String] = []
      var bare: [String] = []
      var local: [String] = []
      var evict: [Object] = []
      for pod in pods {
        let id = "\(pod.namespace)/\(pod.name)"
        if pod.annotations["kubernetes.io/config.mirror"] != nil { continue }
        let phase = pod.content[path: "status.phase"]?.string ?? ""
        let finished = phase == "Succeeded" || phase == "Failed"
        let owner = pod.ownerReferences.first { $0.controller }
        if owner?.kind == "DaemonSet" {
          daemonSetPods.append(id)
          continue
        }
        if owner == nil && !finished { bare.append(id) }
        let usesEmptyDir = (pod.content[path: "spec.volumes"]?.array ?? []).contains { $0[path: "emptyDir"] != nil }
        if usesEmptyDir && !finished { local.append(id) }
        evict.append(pod)
      }
      var errors: [String] = []
      if !bare.isEmpty && !flags.bool("force") {
        errors.append("cannot delete Pods declare no controller (use --force to override): " + bare.joined(separator: ", "))
      }
      if !daemonSetPods.isEmpty && !flags.bool("ignore-daemonsets") {
        errors.append("cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): " + daemonSetPods.joined(separator: ", "))
      }
      if !local.isEmpty && !flags.bool("delete-emptydir-data") && !flags.bool("delete-local-data") {
        errors.append("cannot delete Pods with local storage (use --delete-emptydir-data to override): " + local.joined(separator: ", "))
      }
      if !errors.isEmpty {
        let joined = errors.count == 1 ? errors[0] : "[" + errors.joined(separator: ", ") + "]"
        output.err("error: unable to drain node \"\(node.name)\" due to error: \(joined), continuing command...\n")
        remaining.append(node.name)
        fatal = errors
        continue
      }
      var warnings: [String] = []
      if !bare.isEmpty { warnings.append("deleting Pods that declare no controller: " + bare.joined(separator: ", ")) }
      if !daemonSetPods.isEmpty { warnings.append("ignoring DaemonSet-managed Pods: " + daemonSetPods.joined(separator: ", ")) }
      if !local.isEmpty { warnings.append("deleting Pods with local storage: " + local.joined(separator: ", ")) }
      if !warnings.isEmpty { output.err("Warning: " + warnings.joined(separator: "; ") + "\n") }
      for pod in evict { output.out("evicting pod \(pod.namespace)/\(pod.name)\n") }
      var options = DeleteOptions()
      if flags.int("grace-period") >= 0 { options.gracePeriodSeconds = flags.int("grace-period") }
      // The eviction API marks each pod DisruptionTarget; --disable-eviction deletes.
      for pod in evict {
        if flags.bool("disable-eviction") {
          _ = try? cluster.delete(pod.key, options: options)
        } else {
          _ = try? cluster.evict(pod.key, options: options)
        }
      }
      let keys = evict.map(\.key)
      let timeout = GoDuration.parse(flags.string("timeout")) ?? 0
      let finished = Waiting.until(cluster: &cluster, timeout: timeout > 0 ? timeout : 3600) { cluster in
        keys.allSatisfy { !cluster.store.contains($0) }
      }
      guard finished else {
        output.err("There are pending pods in node \"\(node.name)\" when an error occurred: drain did not complete within \(GoDuration.format(timeout))\n")
        output.err("error: unable to drain node \"\(node.name)\" due to error: drain did not complete within \(GoDuration.format(timeout)), continuing command...\n")
        remaining.append(node.name)
        fatal = ["drain did not complete within \(GoDuration.format(timeout))"]
        continue
      }
      for pod in evict { output.out("pod/\(pod.name) evicted\n") }
      output.out("node/\(node.name) drained\n")
    }
    if !remaining.isEmpty {
      output.err("There are pending nodes to be drained:\n" + remaining.map { " \($0)\n" }.joined())
      output.err(fatal.map { "error: \($0)\n" }.joined())
      output.exitCode = 1
    }
    return output
  }
}

/// `kubectl taint nodes NODE key=value:Effect` and `key[:Effect]-`.
struct TaintCommand: KubectlCommand {
  static let name = "taint"
  static let flags: [FlagSpec] = [
    .bool("all", help: "Select all nodes in the cluster"),
    .bool("overwrite", help: "If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints."),
    .strings("selector", short: "l", help: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."),
    .string("output", short: "o", help: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
    .string("dry-run", default: "none", help: "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."),
    .string("field-manager", default: "kubectl-taint", help: "Name of the manager used to track field ownership."),
    .bool("validate", default: true, help: "Must be one of: strict (or true), warn, ignore (or false)."),
    .string("template", help: "Template string or path to template file to use when -o=go-template, -o=go-template-file."),
    .bool("show-managed-fields", help: "If true, keep the managedFields when printing objects in JSON or YAML format."),
    .bool("allow-missing-template-keys", default: true, help: "If true, ignore any errors in templates when a field or map key is missing in the template."),
  ]

  static let effects = ["NoSchedule", "PreferNoSchedule", "NoExecute"]

  /// parseTaint: `KEY=VALUE:EFFECT`, `KEY:EFFECT` or `KEY`, with
  /// kubectl's wording for each way it can be wrong.
  static func parseTaint(_ text: String) throws -> (key: String, value: String?, effect: String?) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    var key = parts[0]
    var value: String?
    var effect: String?
    switch parts.count {
    case 1: break
    case 2:
      guard effects.contains(parts[1]) else { throw KubectlError.message("invalid taint effect: \(parts[1]), unsupported taint effect") }
      effect = parts[1]
      let pair = parts[0].split(separator: "=", omittingEmptySubsequences: false).map(String.init)
      guard pair.count <= 2 else { throw KubectlError.message("invalid taint spec: \(text)") }
      key = pair[0]
      if pair.count == 2 {
        value = pair[1]
        if let problem = NameRules.labelValueProblem(pair[1]) { throw KubectlError.message("invalid taint spec: \(text), \(problem)") }
      }
    default:
      throw KubectlError.message("invalid taint spec: \(text)")
    }
    if let problem = NameRules.qualifiedNameProblem(key) { throw KubectlError.message("invalid taint spec: \(text), \(problem)") }
    return (key, value, effect)
  }

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    // TaintOptions.Complete: resources first, then taint changes (anything
    // with `=`, `:` or a trailing `-`), each parsed as parseTaints does.
    var resources: [String] = []
    var specs: [String] = []
    for argument in invocation.positionals {
      let isTaint = argument.contains("=") || argument.contains(":") || argument.hasSuffix("-")
      if isTaint {
        specs.append(argument)
      } else if specs.isEmpty {
        resources.append(argument)
      } else {
        throw KubectlError.message("all resources must be specified before taint changes: \(argument)")
      }
    }
    guard !resources.isEmpty else { throw KubectlError.message("one or more resources must be specified as <resource> <name>") }
    guard !specs.isEmpty else { throw KubectlError.message("at least one taint update is required") }
    var add: [(key: String, value: String?, effect: String)] = []
    var remove: [(key: String, effect: String?)] = []
    do {
      for spec in specs {
        if spec.hasSuffix("-") {
          let taint = try parseTaint(String(spec.dropLast()))
          remove.append((taint.key, taint.effect))
          continue
        }
        let taint = try parseTaint(spec)
        guard let effect = taint.effect else { throw KubectlError.message("invalid taint spec: \(spec)") }
        if add.contains(where: { $0.key == taint.key && $0.effect == effect }) {
          throw KubectlError.message("duplicated taints with the same key and effect: {\(taint.key) \(taint.value ?? "") \(effect) <nil>}")
        }
        add.append((taint.key, taint.value, effect))
      }
    } catch KubectlError.message(let text) {
      // parseTaints' errors come back as usage errors.
      throw KubectlError.raw("error: \(text)\nSee 'kubectl taint -h' for help and examples\n")
    }
    let first = resources[0]
    guard ResourceResolver.kind(for: first.split(separator: "/").first.map(String.init) ?? first) == .node else {
      throw KubectlError.message("invalid resource type \(first), only node types are supported")
    }
    var nodes: [Object]
    if first.contains("/") {
      let name = String(first.split(separator: "/", maxSplits: 1)[1])
      guard let node = cluster.store.get(ObjectKey(.node, name, in: "")) else { throw KubectlError.api(APIError.notFound(.node, name)) }
      nodes = [node]
    } else if invocation.flags.bool("all") {
      nodes = cluster.list(.node)
    } else {
      guard resources.count >= 2 else {
        throw KubectlError.message("at least one resource name must be specified since 'all' parameter is not set")
      }
      nodes = []
      for name in resources.dropFirst() {
        guard let node = cluster.store.get(ObjectKey(.node, name, in: "")) else { throw KubectlError.api(APIError.notFound(.node, name)) }
        nodes.append(node)
      }
    }
    var output = CommandOutput()
    for node in nodes {
      var taints = node.content[path: "spec.taints"]?.array ?? []
      for taint in add {
        let same = taints.firstIndex { $0[path: "key"]?.string == taint.key && $0[path: "effect"]?.string == taint.effect }
        if same != nil && !invocation.flags.bool("overwrite") {
          throw KubectlError.message("node \(node.name) already has \(taint.key) taint(s) with same effect(s) and --overwrite is false")
        }
        var entry: JSONValue = ["effect": .string(taint.effect), "key": .string(taint.key)]
        if let value = taint.value { entry["value"] = .string(value) }
        if let same { taints[same] = entry } else { taints.append(entry) }
      }
      for taint in remove {
        let before = taints.count
        taints.removeAll { $0[path: "key"]?.string == taint.key && (taint.effect == nil || $0[path: "effect"]?.string == taint.effect) }
        if taints.count == before {
          throw KubectlError.message("taint \"\(taint.key)\(taint.effect.map { ":" + $0 } ?? "")\" not found")
        }
      }
      var changed = node
      changed.content[path: "spec.taints"] = taints.isEmpty ? nil : .array(taints)
      try cluster.update(changed)
      let verb = remove.isEmpty ? "tainted" : (add.isEmpty ? "untainted" : "modified")
      output.stdout += "node/\(node.name) \(verb)\n"
    }
    return output
  }
}

/// `kubectl top nodes|pods`: kind installs no metrics-server, so, as on a
/// fresh kind cluster, the Metrics API is not available.
struct TopCommand: KubectlCommand {
  static let name = "top"
  static let flags: [FlagSpec] = [
    .strings("selector", short: "l", help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'."),
    .bool("all-namespaces", short: "A", help: "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace."),
    .bool("containers", help: "If present, print usage of containers within a pod."),
    .bool("no-headers", help: "If present, print output without headers"),
    .string("sort-by", help: "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'."),
    .bool("use-protocol-buffers", default: true, help: "Enables using protocol-buffers to access Metrics API."),
    .bool("show-capacity", help: "Print node resources based on Capacity instead of Allocatable(default) of the nodes."),
    .bool("sum", help: "Print the sum of the resource usage"),
    .string("field-selector", help: "Selector (field query) to filter on, supports '=', '==', and '!='."),
  ]

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    guard let what = invocation.positionals.first else {
      return CommandOutput(stderr: HelpText.forCommand("top", flags: []), exitCode: 1)
    }
    guard ["node", "nodes", "no", "pod", "pods", "po"].contains(what) else { throw KubectlError.unknownCommand(what, of: "top") }
    _ = try GetCommand.parseSelector(invocation.flags.strings("selector"))
    throw KubectlError.message("Metrics API not available")
  }
}
