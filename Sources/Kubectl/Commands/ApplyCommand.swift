import Foundation
import KubeCluster

/// `kubectl apply -f`: client-side apply with the last-applied annotation.
struct ApplyCommand: KubectlCommand {
  static let name = "apply"
  static let lastApplied = "kubectl.kubernetes.io/last-applied-configuration"
  static let flags: [FlagSpec] = [
    .strings("filename", short: "f", help: "The files that contain the configurations to apply."),
    .string("kustomize", short: "k", help: "Process a kustomization directory. This flag can't be used together with -f or -R."),
    .string("output", short: "o", help: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
    .string("dry-run", default: "none", help: "Must be \"none\", \"server\", or \"client\"."),
    .bool("recursive", short: "R", help: "Process the directory used in -f, --filename recursively."),
    .bool("prune", help: "Automatically delete resource objects that do not appear in the configs and are created by either apply or create --save-config."),
    .string("selector", short: "l", help: "Selector (label query) to filter on."),
    .bool("all", help: "Select all resources in the namespace of the specified resource types."),
    .strings("prune-allowlist", help: "Overwrite the default allowlist with <group/version/kind> for --prune"),
    .strings("prune-whitelist", help: "Overwrite the default allowlist with <group/version/kind> for --prune"),
    .bool("force", help: "If true, immediately remove resources from API and bypass graceful deletion."),
    .bool("server-side", help: "If true, apply runs in the server instead of the client."),
    .string("validate", default: "strict", help: "Must be one of: strict (or true), warn, ignore (or false)."),
    .string("field-manager", default: "kubectl-client-side-apply", help: "Name of the manager used to track field ownership."),
    .bool("overwrite", default: true, help: "Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration"),
    .bool("wait", help: "If true, wait for resources to be gone before returning. This waits for finalizers."),
    .int("grace-period", default: -1, help: "Period of time in seconds given to the resource to terminate gracefully."),
    .string("cascade", default: "background", help: "Must be \"background\", \"orphan\", or \"foreground\"."),
    .bool("force-conflicts", help: "If true, server-side apply will force the changes against conflicts."),
  ]

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    let flags = invocation.flags
    if flags.isSet("kustomize") {
      throw KubectlError.message("kustomize (-k) is not available in kubetutor's simulated cluster; apply the manifests with -f instead")
    }
    let files = flags.strings("filename")
    guard !files.isEmpty else { throw KubectlError.message("must specify one of -f and -k") }
    let dryRun = try DryRun.parse(flags.string("dry-run"))
    let format = flags.string("output")
    if files.count == 1, Cluster.ingressNginxManifests.contains(files[0]), dryRun == .none {
      // The well-known ingress-nginx manifests, which the simulated cluster installs itself.
      return CommandOutput(stdout: cluster.installIngressNginx().map { $0 + "\n" }.joined())
    }
    try ApplyPrune.validate(flags)
    let selectorText = flags.string("selector")
    let selector: LabelSelector
    do {
      selector = selectorText.isEmpty ? .everything : try LabelSelector.parse(selectorText)
    } catch {
      throw KubectlError.message("the provided selector \(GoScalar.goQuoted(selectorText)) is not valid: \(error.message)")
    }
    var pruner: ApplyPrune?
    if flags.bool("prune") {
      pruner = ApplyPrune(
        kinds: try ApplyPrune.kinds(flags.strings("prune-allowlist") + flags.strings("prune-whitelist")),
        selector: selector)
    }
    let manifests = try ManifestSource.read(files, recursive: flags.bool("recursive"), environment: invocation.environment, namespace: invocation.namespace, namespaceGiven: invocation.namespaceWasGiven)
    var output = CommandOutput()
    // `-l` narrows what is applied, not only what is pruned.
    for manifest in manifests where selector.matches(manifest.object.labels) {
      var desired = manifest.object
      annotateLastApplied(&desired)
      let existed = cluster.store.contains(desired.key)
      if dryRun != .client, let live = cluster.store.get(desired.key), live.annotations[lastApplied] == nil {
        output.err("Warning: resource \(desired.kind.resource)/\(desired.name) is missing the \(lastApplied) annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n")
      }
      let result: Result<String, APIError> = apply(desired, cluster: &cluster, dryRun: dryRun, format: format)
      switch result {
      case .success(let text):
        output.out(text)
        if let applied = cluster.store.get(desired.key) { pruner?.visited(applied) }
      case .failure(let error):
        output.err(ErrorMessage.render(KubectlError.apiWithSource(error, verb: existed ? "patching" : "creating", source: manifest.source)))
        output.exitCode = 1
      }
    }
    // kubectl prunes only after every object applied cleanly.
    if let pruner, output.exitCode == 0 {
      let grace = flags.int("grace-period")
      output.append(
        pruner.prune(
          cluster: &cluster, dryRun: dryRun, format: format,
          propagation: PropagationPolicy(rawValue: flags.string("cascade").capitalized) ?? .background,
          gracePeriod: grace < 0 ? nil : grace))
    }
    return output
  }

  private static func apply(_ desired: Object, cluster: inout Cluster, dryRun: DryRun, format: String) -> Result<String, APIError> {
    guard let live = cluster.store.get(desired.key) else {
      if dryRun == .client { return .success(Printed.result(desired, verb: "created", dryRun: dryRun, format: format)) }
      return Result { () throws(APIError) -> String in
        let stored = try cluster.create(desired, dryRun: dryRun == .server)
        return Printed.result(stored, verb: "created", dryRun: dryRun, format: format)
      }
    }
    if dryRun == .client { return .success(Printed.result(live, verb: "configured", dryRun: dryRun, format: format)) }
    var previous: JSONValue?
    if let text = live.annotations[lastApplied], let documents = try? ManifestDecoder.decode(text) {
      previous = documents.first?.value
    }
    var merged = live
    merged.content = ThreeWayMerge.apply(live: live.content, desired: desired.content, previous: previous)
    merged.resourceVersion = live.resourceVersion
    if merged.content == live.content {
      return .success(Printed.result(live, verb: "unchanged", dryRun: dryRun, format: format))
    }
    return Result { () throws(APIError) -> String in
      let stored = try cluster.update(merged, dryRun: dryRun == .server)
      return Printed.result(stored, verb: "configured", dryRun: dryRun, format: format)
    }
  }

  /// Records the manifest, as kubectl does, in the object's annotation.
  static func annotateLastApplied(_ object: inout Object) {
    var recorded = object.content
    var annotations = Object.stringMap(recorded[path: "metadata.annotations"])
    annotations[lastApplied] = nil
    recorded[path: "metadata.annotations"] = Object.mapValue(annotations) ?? .emptyObject
    var live = object.annotations
    live[lastApplied] = recorded.sortedKeys.compactJSON + "\n"
    object.annotations = live
  }
}

/// kubectl's three-way merge, simplified: fields from the new manifest win,
/// fields the previous manifest set and the new one dropped are removed,
/// and everything else (server defaults, status) stays.
enum ThreeWayMerge {
  static func apply(live: JSONValue, desired: JSONValue, previous: JSONValue?) -> JSONValue {
    guard case .object(let desiredObject) = desired, case .object(var liveObject) = live else { return desired }
    let previousObject = previous?.object ?? JSONObject()
    for (key, value) in desiredObject {
      if let current = liveObject[key], current.object != nil, value.object != nil {
        liveObject[key] = apply(live: current, desired: value, previous: previousObject[key])
      } else if let current = liveObject[key], let items = value.array, let liveItems = current.array, items.count == liveItems.count, items.allSatisfy({ $0.object != nil }) {
        // Lists of objects merge item by item (containers by position).
        let previousItems = previousObject[key]?.array ?? []
        liveObject[key] = .array(zip(items, liveItems).enumerated().map { index, pair in
          apply(live: pair.1, desired: pair.0, previous: previousItems.indices.contains(index) ? previousItems[index] : nil)
        })
      } else {
        liveObject[key] = value
      }
    }
    for (key, _) in previousObject where desiredObject[key] == nil {
      liveObject[key] = nil
    }
    return .object(liveObject)
  }
}
