import Foundation
import KubeCluster

/// `kubectl create service clusterip|nodeport|loadbalancer|externalname`
/// and `kubectl create ingress`, building objects in Go struct field order.
enum CreateNetworkGenerators {
  static let flags: [FlagSpec] = [
    .strings("tcp", help: "Port pairs can be specified as '<port>:<targetPort>'."),
    .int(
      "node-port", default: 0, help: "Port used to expose the service on each node in a cluster."),
    .string(
      "clusterip",
      help:
        "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing)."),
    .string("external-name", help: "External name of service"),
    .string("class", help: "Ingress Class to be used"),
    .strings(
      "rule",
      help:
        "Rule in format host/path=service:port[,tls=secretname]. Paths containing the leading character '*' are considered pathType=Prefix. tls argument is optional."
    ),
    .string("default-backend", help: "Default service for backend, in format of svcname:port"),
    .strings(
      "annotation",
      help: "Annotation to insert in the ingress object, in the format annotation=value"),
  ]

  static func service(_ type: String, _ invocation: Invocation) throws -> Object {
    let flags = invocation.flags
    let command = "create service \(type)"
    guard invocation.positionals.count == 2 else {
      throw KubectlError.raw(
        "error: exactly one NAME is required, got \(invocation.positionals.count - 1)\nSee 'kubectl \(command) -h' for help and examples\n"
      )
    }
    let name = invocation.positionals[1]
    let tcp = flags.strings("tcp")
    var spec = JSONObject()
    if type == "externalname" {
      let external = flags.string("external-name")
      guard !external.isEmpty else { throw KubectlError.message("external-name must be specified") }
      spec["selector"] = ["app": .string(name)]
      spec["type"] = "ExternalName"
      spec["externalName"] = .string(external)
    } else {
      let clusterIP = flags.string("clusterip")
      if tcp.isEmpty && clusterIP != "None" {
        throw KubectlError.message("at least one tcp port specifier must be provided")
      }
      var ports: [JSONValue] = []
      for specifier in tcp {
        let parts = specifier.split(separator: ":", maxSplits: 1).map(String.init)
        guard let port = UInt16(parts[0]) else {
          throw KubectlError.message("strconv.ParseUint: parsing \"\(parts[0])\": invalid syntax")
        }
        let targetText = parts.count == 2 ? parts[1] : parts[0]
        var entry: JSONValue = [
          "name": .string(parts.count == 2 ? "\(parts[0])-\(parts[1])" : parts[0]),
          "protocol": "TCP",
          "port": .int(Int(port)),
        ]
        entry["targetPort"] = Int(targetText).map { .int($0) } ?? .string(targetText)
        let nodePort = flags.int("node-port")
        if type == "nodeport" && nodePort > 0 { entry["nodePort"] = .int(nodePort) }
        ports.append(entry)
      }
      if !ports.isEmpty { spec["ports"] = .array(ports) }
      spec["selector"] = ["app": .string(name)]
      if !clusterIP.isEmpty { spec["clusterIP"] = .string(clusterIP) }
      spec["type"] = .string(
        ["clusterip": "ClusterIP", "nodeport": "NodePort", "loadbalancer": "LoadBalancer"][type]
          ?? type)
    }
    return Generators.typed(
      .service,
      [
        ("metadata", Generators.meta(name, namespace: nil, labels: ["app": name])),
        ("spec", .object(spec)),
        ("status", ["loadBalancer": .emptyObject]),
      ])
  }

  static func ingress(_ invocation: Invocation) throws -> Object {
    let flags = invocation.flags
    guard invocation.positionals.count == 2 else {
      throw KubectlError.raw(
        "error: exactly one NAME is required, got \(invocation.positionals.count - 1)\nSee 'kubectl create ingress -h' for help and examples\n"
      )
    }
    let name = invocation.positionals[1]
    var metadata: JSONValue = ["name": .string(name), "creationTimestamp": .null]
    let annotations = flags.strings("annotation")
    if !annotations.isEmpty {
      var map = JSONObject()
      for annotation in annotations {
        let parts = annotation.split(separator: "=", maxSplits: 1).map(String.init)
        map[parts[0]] = .string(parts.count == 2 ? parts[1] : "")
      }
      metadata["annotations"] = .object(map)
    }
    var spec = JSONObject()
    let ingressClass = flags.string("class")
    if !ingressClass.isEmpty { spec["ingressClassName"] = .string(ingressClass) }
    let defaultBackend = flags.string("default-backend")
    if !defaultBackend.isEmpty {
      let parts = defaultBackend.split(separator: ":", maxSplits: 1).map(String.init)
      guard parts.count == 2 else {
        throw KubectlError.message("default-backend should be in format servicename:serviceport")
      }
      spec["defaultBackend"] = backend(parts[0], parts[1])
    }
    var tls: [JSONValue] = []
    var rules: [(host: String, paths: [JSONValue])] = []
    for rule in flags.strings("rule") {
      let pieces = rule.split(separator: ",", maxSplits: 1).map(String.init)
      let main = pieces[0]
      guard let equals = main.firstIndex(of: "="), let slash = main.firstIndex(of: "/"),
        slash < equals
      else {
        throw KubectlError.message(
          "rule \(rule) is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]"
        )
      }
      let host = String(main[..<slash])
      var path = String(main[slash..<equals])
      let target = main[main.index(after: equals)...].split(separator: ":", maxSplits: 1).map(
        String.init)
      guard target.count == 2 else {
        throw KubectlError.message(
          "rule \(rule) is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]"
        )
      }
      var pathType = "Exact"
      if path.hasSuffix("*") {
        pathType = "Prefix"
        path.removeLast()
      }
      let entry: JSONValue = [
        "path": .string(path), "pathType": .string(pathType),
        "backend": backend(target[0], target[1]),
      ]
      if let index = rules.firstIndex(where: { $0.host == host }) {
        rules[index].paths.append(entry)
      } else {
        rules.append((host, [entry]))
      }
      if pieces.count == 2, pieces[1].hasPrefix("tls") {
        var entry: JSONValue = [:]
        if !host.isEmpty { entry["hosts"] = [.string(host)] }
        if pieces[1].hasPrefix("tls=") {
          entry["secretName"] = .string(String(pieces[1].dropFirst(4)))
        }
        tls.append(entry)
      }
    }
    if !tls.isEmpty { spec["tls"] = .array(tls) }
    if !rules.isEmpty {
      spec["rules"] = .array(
        rules.map { rule in
          var value: JSONValue = [:]
          if !rule.host.isEmpty { value["host"] = .string(rule.host) }
          value["http"] = ["paths": .array(rule.paths)]
          return value
        })
    }
    return Generators.typed(
      .ingress,
      [("metadata", metadata), ("spec", .object(spec)), ("status", ["loadBalancer": .emptyObject])])
  }

  private static func backend(_ service: String, _ port: String) -> JSONValue {
    let portValue: JSONValue = Int(port).map { ["number": .int($0)] } ?? ["name": .string(port)]
    return ["service": ["name": .string(service), "port": portValue]]
  }
}
