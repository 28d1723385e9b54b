import Foundation
import KubeCluster

/// `kubectl create -f FILE` and the generators `create deployment|namespace|...`.
struct CreateCommand: KubectlCommand {
  static let name = "create"
  static let flags: [FlagSpec] = [
    .strings("filename", short: "f", help: "Filename, directory, or URL to files to use to create the resource"),
    .string("output", short: "o", help: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
    .string("dry-run", default: "none", help: "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."),
    .bool("recursive", short: "R", help: "Process the directory used in -f, --filename recursively."),
    .bool("save-config", help: "If true, the configuration of current object will be saved in its annotation."),
    .string("validate", default: "strict", help: "Must be one of: strict (or true), warn, ignore (or false)."),
    .string("field-manager", default: "kubectl-create", help: "Name of the manager used to track field ownership."),
    .strings("image", help: "Image names to run. A deployment can have multiple images set for multi-container pod."),
    .int("replicas", short: "r", default: 1, help: "Number of replicas to create. Default is 1."),
    .int("port", default: -1, help: "The containerPort that this deployment exposes."),
    .bool("edit", help: "Edit the API resource before creating"),
    .string("selector", short: "l", help: "Selector (label query) to filter on."),
    .bool("allow-missing-template-keys", default: true, help: "If true, ignore any errors in templates when a field or map key is missing in the template."),
    .bool("show-managed-fields", help: "If true, keep the managedFields when printing objects in JSON or YAML format."),
    .string("template", help: "Template string or path to template file to use when -o=go-template, -o=go-template-file."),
  ] + CreateNetworkGenerators.flags + CreateGenerators.flags.filter { flag in !CreateNetworkGenerators.flags.contains { $0.name == flag.name } }

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    let flags = invocation.flags
    let dryRun = try DryRun.parse(flags.string("dry-run"))
    let format = flags.string("output")
    if let sub = invocation.positionals.first {
      switch sub {
      case "deployment", "deploy":
        return try createDeployment(invocation, cluster: &cluster, dryRun: dryRun)
      case "namespace", "ns":
        guard invocation.positionals.count >= 2 else { throw KubectlError.message("exactly one NAME is required, got 0") }
        let object = Generators.namespace(invocation.positionals[1])
        return try submit(object, invocation: invocation, cluster: &cluster, dryRun: dryRun, format: format)
      case "service", "svc":
        guard invocation.positionals.count >= 2 else {
          return CommandOutput(stderr: HelpText.forCommand("create service", flags: []), exitCode: 1)
        }
        guard ["clusterip", "nodeport", "loadbalancer", "externalname"].contains(invocation.positionals[1]) else {
          throw KubectlError.unknownCommand(invocation.positionals.dropFirst().first ?? "", of: "create service")
        }
        var rest = invocation
        rest.flags.positionals.removeFirst()
        let object = try CreateNetworkGenerators.service(invocation.positionals[1], rest)
        let type = object.content[path: "spec.type"]?.string ?? "ClusterIP"
        return try submit(
          object, invocation: invocation, cluster: &cluster, dryRun: dryRun, format: format,
          failure: "failed to create \(type) service: ", saveConfig: false)
      case "ingress", "ing":
        let object = try CreateNetworkGenerators.ingress(invocation)
        return try submit(object, invocation: invocation, cluster: &cluster, dryRun: dryRun, format: format, failure: "failed to create ingress: ")
      default:
        if let output = try CreateGenerators.run(sub, invocation, cluster: &cluster, dryRun: dryRun) { return output }
        throw KubectlError.raw("error: Unexpected args: [\(invocation.positionals.joined(separator: " "))]\nSee 'kubectl create -h' for help and examples\n")
      }
    }
    let files = flags.strings("filename")
    guard !files.isEmpty else { throw KubectlError.message("must specify one of -f and -k") }
    let manifests = try ManifestSource.read(files, recursive: flags.bool("recursive"), environment: invocation.environment, namespace: invocation.namespace, namespaceGiven: invocation.namespaceWasGiven)
    var output = CommandOutput()
    for manifest in manifests {
      do {
        var object = manifest.object
        if flags.bool("save-config") { ApplyCommand.annotateLastApplied(&object) }
        let stored = try cluster.create(object, dryRun: dryRun != .none)
        output.stdout += Printed.result(stored, verb: "created", dryRun: dryRun, format: format)
      } catch {
        output.stderr += ErrorMessage.render(KubectlError.apiWithSource(error, verb: "creating", source: manifest.source))
        output.exitCode = 1
      }
    }
    return output
  }

  static func createDeployment(_ invocation: Invocation, cluster: inout Cluster, dryRun: DryRun) throws -> CommandOutput {
    let flags = invocation.flags
    let images = flags.strings("image")
    guard !images.isEmpty else { throw KubectlError.message("required flag(s) \"image\" not set") }
    guard invocation.positionals.count >= 2 else {
      throw KubectlError.raw("error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n")
    }
    // `create deployment NAME --image=I -- COMMAND ARGS…`: words after `--` are the command.
    let names = flags.argsBeforeDash ?? invocation.positionals.count
    guard names == 2 else {
      throw KubectlError.raw("error: exactly one NAME is required, got \(names - 1)\nSee 'kubectl create deployment -h' for help and examples\n")
    }
    let name = invocation.positionals[1]
    let port = flags.int("port")
    let object = Generators.deployment(
      name: name, images: images, replicas: flags.int("replicas"), port: port >= 0 ? port : nil,
      namespace: invocation.namespaceWasGiven ? invocation.namespace : nil, command: Array(invocation.positionals.dropFirst(2)))
    // kubectl wraps the API server's refusal: `error: failed to create deployment: …`.
    return try submit(
      object, invocation: invocation, cluster: &cluster, dryRun: dryRun, format: flags.string("output"),
      failure: "failed to create deployment: ")
  }

  /// Sends a generated object, or prints it for `--dry-run=client`; with
  /// `failure`, an API error is printed as `error: FAILURE MESSAGE`, as
  /// kubectl's generators wrap it (`failed to create configmap: `). Where
  /// `saveConfig` is false the generator ignores `--save-config`, as
  /// kubectl 1.32's service and clusterrole generators do.
  static func submit(
    _ object: Object, invocation: Invocation, cluster: inout Cluster, dryRun: DryRun, format: String,
    failure: String? = nil, saveConfig: Bool = true
  ) throws -> CommandOutput {
    try Printed.checkFormat(format)
    var object = object
    if saveConfig && invocation.flags.bool("save-config") { Generators.saveConfig(&object) }
    if dryRun == .client {
      return CommandOutput(stdout: try Printed.client(object, verb: "created", format: format))
    }
    if object.kind.isNamespaced && object.namespace.isEmpty { object.namespace = invocation.namespace }
    do {
      let stored = try cluster.create(object, dryRun: dryRun == .server)
      return CommandOutput(stdout: Printed.result(stored, verb: "created", dryRun: dryRun, format: format))
    } catch {
      if let failure { throw KubectlError.message(failure + error.message) }
      throw KubectlError.api(error)
    }
  }
}

/// `--dry-run=none|client|server`.
enum DryRun: Equatable {
  case none, client, server

  static func parse(_ text: String) throws(KubectlError) -> DryRun {
    switch text {
    case "", "none", "false": return .none
    case "client", "true", "unchanged": return .client
    case "server": return .server
    default: throw .message("Invalid dry-run value (\(text)). Must be \"none\", \"server\", or \"client\".")
    }
  }

  /// The klog warning `GetDryRunStrategy` logs for the deprecated forms
  /// (`--dry-run` alone, `--dry-run=true`), or "" for any other value.
  static func deprecation(_ value: String?, now: Date) -> String {
    // The klog time is formatted only for a warning: every command comes here.
    let prefix = { "W\(APIProxy.klogTime(now)) \(APIProxy.klogPID) helpers.go:" }
    switch value {
    case "unchanged": return prefix() + "702] --dry-run is deprecated and can be replaced with --dry-run=client.\n"
    case "true": return prefix() + "716] --dry-run=true is deprecated (boolean value) and can be replaced with --dry-run=client.\n"
    default: return ""
    }
  }

  var suffix: String {
    switch self {
    case .none: ""
    case .client: " (dry run)"
    case .server: " (server dry run)"
    }
  }
}

/// The one-line results and `-o` printing of mutating commands.
enum Printed {
  static func result(_ object: Object, verb: String, dryRun: DryRun, format: String) -> String {
    if let text = try? templated(object.content, format: format) { return text }
    switch format {
    case "yaml": return ObjectPrinter.yaml(object.content)
    case "json": return ObjectPrinter.json(object.content)
    case "name": return ObjectPrinter.name(object) + "\n"
    default: return "\(ObjectPrinter.name(object)) \(verb)\(dryRun.suffix)\n"
    }
  }

  /// A client-side object: JSON keeps Go's struct order, YAML sorts.
  static func client(_ object: Object, verb: String, format: String) throws -> String {
    if let text = try templated(object.content, format: format) { return text }
    switch format {
    case "yaml": return YAMLEmitter.emit(object.content.sortedKeys)
    case "json": return JSONEmitter.emit(object.content, sortKeys: false)
    case "name": return ObjectPrinter.name(object) + "\n"
    default: return "\(ObjectPrinter.name(object)) \(verb) (dry run)\n"
    }
  }
}

extension Printed {
  /// The `-o` formats of create, run and the generators (no tables).
  static let formats = [
    "go-template", "go-template-file", "json", "jsonpath", "jsonpath-as-json", "jsonpath-file", "name", "template",
    "templatefile", "yaml",
  ]

  /// PrintFlags.ToPrinter's refusal of a format it has no printer for (`-o wide`).
  static func checkFormat(_ format: String) throws(KubectlError) {
    let base = format.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
    guard format.isEmpty || formats.contains(base) else {
      throw .message(
        "unable to match a printer suitable for the output format \"\(format)\", allowed formats are: "
          + formats.joined(separator: ","))
    }
  }

  /// `-o jsonpath=…` and `-o go-template=…` output, or nil for other formats.
  static func templated(_ content: JSONValue, format: String) throws(KubectlError) -> String? {
    guard format.contains("template") || format.hasPrefix("jsonpath") else { return nil }
    switch try OutputFormat.parse(format, template: "", readFile: nil) {
    case .jsonpath(let template, let asJSON): return try TemplatePrinter.jsonpath(template, asJSON: asJSON, data: content)
    case .goTemplate(let template): return try TemplatePrinter.goTemplate(template, data: content)
    default: return nil
    }
  }
}

/// kubectl's generators, building objects in Go struct field order.
enum Generators {
  static func meta(_ name: String, namespace: String?, labels: [String: String]) -> JSONValue {
    var meta: JSONValue = ["name": .string(name)]
    if let namespace { meta["namespace"] = .string(namespace) }
    meta["creationTimestamp"] = .null
    if !labels.isEmpty { meta["labels"] = Object.mapValue(labels) }
    return meta
  }

  /// `--save-config` on a generated object (`CreateApplyAnnotation`): the
  /// object as Go encodes its struct, in one line, becomes its
  /// last-applied-configuration annotation, so a later `kubectl apply`
  /// merges against it. Even a client-side dry run shows it.
  static func saveConfig(_ object: inout Object) {
    var recorded = object.content
    var annotations = recorded[path: "metadata.annotations"]?.object ?? JSONObject()
    annotations[ApplyCommand.lastApplied] = nil
    recorded[path: "metadata.annotations"] = annotations.isEmpty ? nil : .object(annotations)
    object.content[segments: ["metadata", "annotations", Substring(ApplyCommand.lastApplied)]] = .string(recorded.compactJSON + "\n")
  }

  static func typed(_ kind: Kind, _ fields: [(String, JSONValue)]) -> Object {
    var content = JSONObject()
    content["kind"] = .string(kind.rawValue)
    content["apiVersion"] = .string(kind.apiVersion)
    for (key, value) in fields { content[key] = value }
    return Object(kind, .object(content))
  }

  static func namespace(_ name: String) -> Object {
    typed(.namespace, [("metadata", meta(name, namespace: nil, labels: [:])), ("spec", .emptyObject), ("status", .emptyObject)])
  }

  /// The container name kubectl derives from an image: `nginx:1.25` → `nginx`.
  static func containerName(_ image: String) -> String {
    var base = image.split(separator: "/").last.map(String.init) ?? image
    if let at = base.firstIndex(of: "@") { base = String(base[..<at]) }
    if let colon = base.firstIndex(of: ":") { base = String(base[..<colon]) }
    return base
  }

  static func deployment(name: String, images: [String], replicas: Int, port: Int?, namespace: String?, command: [String] = []) -> Object {
    let labels = ["app": name]
    let containers: [JSONValue] = images.map { image in
      var container: JSONValue = ["name": .string(containerName(image)), "image": .string(image)]
      if !command.isEmpty { container["command"] = .array(command.map { .string($0) }) }
      if let port { container["ports"] = [["containerPort": .int(port)]] }
      container["resources"] = .emptyObject
      return container
    }
    let spec: JSONValue = [
      "replicas": .int(replicas),
      "selector": ["matchLabels": Object.mapValue(labels) ?? .emptyObject],
      "template": [
        "metadata": ["creationTimestamp": .null, "labels": Object.mapValue(labels) ?? .emptyObject],
        "spec": ["containers": .array(containers)],
      ],
      "strategy": .emptyObject,
    ]
    var ordered = JSONObject()
    for key in ["replicas", "selector", "template", "strategy"] { ordered[key] = spec[key] }
    return typed(.deployment, [("metadata", meta(name, namespace: namespace, labels: labels)), ("spec", .object(ordered)), ("status", .emptyObject)])
  }
}
