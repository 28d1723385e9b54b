import Foundation
import KubeCluster

/// `kubectl expose (-f FILE | TYPE NAME)`: a Service for a pod, a Service,
/// a Deployment or a ReplicaSet, with the selector and ports introspected
/// as kubectl's service generator does.
struct ExposeCommand: KubectlCommand {
  static let name = "expose"
  static let flags: [FlagSpec] = [
    .strings(
      "filename", short: "f",
      help: "Filename, directory, or URL to files identifying the resource to expose a service"),
    .string(
      "port",
      help:
        "The port that the service should serve on. Copied from the resource being exposed, if unspecified"
    ),
    .string(
      "target-port",
      help:
        "Name or number for the port on the container that the service should direct traffic to. Optional."
    ),
    .string(
      "protocol", help: "The network protocol for the service to be created. Default is 'TCP'."),
    .string(
      "type",
      help:
        "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'."
    ),
    .string("name", help: "The name for the newly created object."),
    .string(
      "selector",
      help:
        "A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)"
    ),
    .string("labels", short: "l", help: "Labels to apply to the service created by this call."),
    .string(
      "external-ip",
      help:
        "Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP."
    ),
    .string(
      "load-balancer-ip",
      help:
        "IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific)."
    ),
    .string(
      "cluster-ip",
      help:
        "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service."
    ),
    .string(
      "session-affinity",
      help:
        "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'"
    ),
    .string(
      "dry-run", default: "none",
      help:
        "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
    ),
    .string(
      "output", short: "o",
      help:
        "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
    ),
    .bool(
      "recursive", short: "R",
      help:
        "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
    ),
    .string(
      "field-manager", default: "kubectl-expose",
      help: "Name of the manager used to track field ownership."),
    .bool(
      "save-config",
      help:
        "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
    ),
  ]

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    let flags = invocation.flags
    let dryRun = try DryRun.parse(flags.string("dry-run"))
    var sources: [Object] = []
    let files = flags.strings("filename")
    if !files.isEmpty {
      sources = try ManifestSource.read(
        files, recursive: flags.bool("recursive"), environment: invocation.environment,
        namespace: invocation.namespace, namespaceGiven: invocation.namespaceWasGiven
      ).map(\.object)
    } else {
      let positionals = invocation.positionals
      guard !positionals.isEmpty else {
        throw KubectlError.raw(
          "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"
        )
      }
      var pairs: [(Kind, String)] = []
      switch try ResourceRequest.parse(positionals) {
      case .byName(let named): pairs = named
      case .byType(let kinds, let names):
        guard let kind = kinds.first, !names.isEmpty else {
          throw KubectlError.raw("error: resource(s) were provided, but no name was specified\n")
        }
        pairs = names.map { (kind, $0) }
      }
      for (kind, name) in pairs {
        guard let object = cluster.store.get(ObjectKey(kind, name, in: invocation.namespace)) else {
          throw KubectlError.api(.notFound(kind, name))
        }
        sources.append(object)
      }
    }
    var output = CommandOutput()
    for source in sources {
      var service = try generate(for: source, flags: flags)
      if flags.bool("save-config") { Generators.saveConfig(&service) }
      if dryRun == .client {
        output.stdout += try Printed.client(service, verb: "exposed", format: flags.string("output"))
        continue
      }
      var object = service
      if object.namespace.isEmpty {
        object.namespace = source.namespace.isEmpty ? invocation.namespace : source.namespace
      }
      let stored = try cluster.create(object, dryRun: dryRun == .server)
      output.stdout += Printed.result(
        stored, verb: "exposed", dryRun: dryRun, format: flags.string("output"))
    }
    return output
  }

  /// The Service kubectl's generator builds, in Go struct field order.
  static func generate(for source: Object, flags: ParsedFlags) throws -> Object {
    switch source.kind {
    case .pod, .service, .deployment, .replicaSet: break
    default:
      throw KubectlError.message("cannot expose a \(source.kind.rawValue)")
    }
    var selector: [String: String]
    let selectorFlag = flags.string("selector")
    if !selectorFlag.isEmpty {
      selector = try parseMap(selectorFlag)
    } else {
      switch source.kind {
      case .pod: selector = source.labels
      case .service: selector = Object.stringMap(source.content[path: "spec.selector"])
      default:
        if let expressions = source.content[path: "spec.selector.matchExpressions"]?.array,
          !expressions.isEmpty
        {
          throw KubectlError.message(
            "couldn't retrieve selectors via --selector flag or introspection: \(source.kind.rawValue) \(source.name) has a selector with matchExpressions, which is not supported"
          )
        }
        selector = Object.stringMap(source.content[path: "spec.selector.matchLabels"])
      }
    }
    guard !selector.isEmpty else {
      throw KubectlError.message(
        "couldn't retrieve selectors via --selector flag or introspection: the \(source.kind.rawValue.lowercased()) has no labels"
      )
    }
    let labelsFlag = flags.string("labels")
    let labels = labelsFlag.isEmpty ? source.labels : try parseMap(labelsFlag)
    let protocolFlag = flags.string("protocol")
    let targetFlag = flags.string("target-port")
    func target(_ fallback: JSONValue) -> JSONValue {
      guard !targetFlag.isEmpty else { return fallback }
      return Int(targetFlag).map { .int($0) } ?? .string(targetFlag)
    }
    var ports: [JSONValue] = []
    let portFlag = flags.string("port")
    if !portFlag.isEmpty {
      guard let number = Int(portFlag) else {
        throw KubectlError.message("strconv.Atoi: parsing \"\(portFlag)\": invalid syntax")
      }
      ports = [
        [
          "protocol": .string(protocolFlag.isEmpty ? "TCP" : protocolFlag), "port": .int(number),
          "targetPort": target(.int(number)),
        ]
      ]
    } else {
      var found: [(Int, String)] = []
      switch source.kind {
      case .service:
        for port in source.content[path: "spec.ports"]?.array ?? [] {
          found.append((port["port"]?.int ?? 0, port["protocol"]?.string ?? "TCP"))
        }
      default:
        let path = source.kind == .pod ? "spec.containers" : "spec.template.spec.containers"
        for container in source.content[path: path]?.array ?? [] {
          for port in container["ports"]?.array ?? [] {
            found.append((port["containerPort"]?.int ?? 0, port["protocol"]?.string ?? "TCP"))
          }
        }
      }
      guard !found.isEmpty else {
        throw KubectlError.message("couldn't find port via --port flag or introspection")
      }
      for (index, (number, proto)) in found.enumerated() {
        var port: JSONValue = [:]
        if found.count > 1 { port["name"] = .string("port-\(index + 1)") }
        port["protocol"] = .string(protocolFlag.isEmpty ? proto : protocolFlag)
        port["port"] = .int(number)
        port["targetPort"] = target(.int(number))
        ports.append(port)
      }
    }
    var spec: JSONValue = [
      "ports": .array(ports), "selector": Object.mapValue(selector) ?? .emptyObject,
    ]
    let clusterIP = flags.string("cluster-ip")
    if !clusterIP.isEmpty { spec["clusterIP"] = .string(clusterIP) }
    let type = flags.string("type")
    if !type.isEmpty { spec["type"] = .string(type) }
    let externalIP = flags.string("external-ip")
    if !externalIP.isEmpty {
      spec["externalIPs"] = .array(externalIP.split(separator: ",").map { .string(String($0)) })
    }
    let affinity = flags.string("session-affinity")
    if !affinity.isEmpty { spec["sessionAffinity"] = .string(affinity) }
    let loadBalancerIP = flags.string("load-balancer-ip")
    if !loadBalancerIP.isEmpty { spec["loadBalancerIP"] = .string(loadBalancerIP) }
    let name = flags.string("name").isEmpty ? source.name : flags.string("name")
    return Generators.typed(
      .service,
      [
        ("metadata", Generators.meta(name, namespace: nil, labels: labels)), ("spec", spec),
        ("status", ["loadBalancer": .emptyObject]),
      ])
  }

  /// `a=b,c=d`.
  static func parseMap(_ text: String) throws -> [String: String] {
    var map: [String: String] = [:]
    for pair in text.split(separator: ",") {
      let parts = pair.split(separator: "=", maxSplits: 1)
      guard parts.count == 2 else { throw KubectlError.message("invalid label spec: \(pair)") }
      map[String(parts[0])] = String(parts[1])
    }
    return map
  }
}
