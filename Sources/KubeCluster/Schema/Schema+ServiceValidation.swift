extension Schema {
  static let serviceTypes = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"]

  /// `ValidateService`, the registry's node port range check, and on update
  /// `ValidateServiceUpdate`'s rule that cluster IPs never change.
  static func validateService(_ content: JSONValue, old: JSONValue?) -> [FieldError] {
    var spec = content["spec"] ?? .emptyObject
    var errors: [FieldError] = []
    let type = spec["type"]?.string ?? ""
    let headless = spec["clusterIP"] == "None"
    let ports = spec["ports"]?.array ?? []

    if let old, let oldSpec = old["spec"] {
      // The strategy copies a changed clusterIP into clusterIPs before comparing.
      if spec["clusterIP"] != oldSpec["clusterIP"], spec["clusterIPs"] == oldSpec["clusterIPs"],
        var clusterIPs = spec["clusterIPs"]?.array, !clusterIPs.isEmpty
      {
        clusterIPs[0] = spec["clusterIP"] ?? ""
        spec["clusterIPs"] = .array(clusterIPs)
      }
      let wasHeadless = oldSpec["clusterIP"] == "None"
      if type != "ExternalName" && oldSpec["type"] != "ExternalName" && !(headless && wasHeadless) {
        let newIPs = spec["clusterIPs"]?.array ?? []
        let oldIPs = oldSpec["clusterIPs"]?.array ?? []
        if newIPs.count == oldIPs.count {
          for (index, address) in oldIPs.enumerated() where newIPs[index] != address {
            errors.append(
              .invalid(
                "spec.clusterIPs[\(index)]", goValue: GoSyntax.stringSlice(spec["clusterIPs"]),
                "may not change once set"))
          }
        } else if newIPs.isEmpty {
          errors.append(
            .invalid(
              "spec.clusterIPs[0]", goValue: GoSyntax.stringSlice(spec["clusterIPs"]),
              "primary clusterIP can not be unset"))
        }
      }
    }

    if ports.isEmpty && !headless && type != "ExternalName" {
      errors.append(.required("spec.ports"))
    }
    switch type {
    case "LoadBalancer", "NodePort":
      if headless {
        errors.append(
          .invalid("spec.clusterIPs[0]", "None", "may not be set to 'None' for \(type) services"))
      }
    case "ExternalName":
      if !(spec["clusterIPs"]?.array?.isEmpty ?? true) {
        errors.append(.forbidden("spec.clusterIPs", "may not be set for ExternalName services"))
      }
      let name = (spec["externalName"]?.string ?? "")
      let cname = name.hasSuffix(".") ? String(name.dropLast()) : name
      if cname.isEmpty {
        errors.append(.required("spec.externalName"))
      } else {
        errors += NameChecks.dns1123Subdomain(cname).map {
          .invalid("spec.externalName", .string(cname), $0)
        }
      }
    default:
      break
    }
    var names = Set<String>()
    for (index, port) in ports.enumerated() {
      let here = "spec.ports[\(index)]"
      let name = port["name"]?.string ?? ""
      if ports.count > 1 && name.isEmpty {
        errors.append(.required(here + ".name"))
      } else if !name.isEmpty {
        errors += NameChecks.dns1123Label(name).map { .invalid(here + ".name", .string(name), $0) }
        if names.contains(name) {
          errors.append(.duplicate(here + ".name", .string(name)))
        } else {
          names.insert(name)
        }
      }
      let number = port["port"]?.int ?? 0
      if !NameChecks.isValidPort(number) {
        errors.append(.invalid(here + ".port", .int(number), NameChecks.portRange))
      }
      let portProtocol = port["protocol"]?.string ?? ""
      if portProtocol.isEmpty {
        errors.append(.required(here + ".protocol"))
      } else if !supportedProtocols.contains(portProtocol) {
        errors.append(
          .notSupported(here + ".protocol", .string(portProtocol), supported: supportedProtocols))
      }
      errors += portNumberOrName(port["targetPort"], path: here + ".targetPort")
    }
    if let selector = spec["selector"], selector != .null {
      errors += validateLabels(selector, path: "spec.selector")
    }
    let affinity = spec["sessionAffinity"]?.string ?? ""
    if affinity.isEmpty {
      errors.append(.required("spec.sessionAffinity"))
    } else if affinity != "ClientIP" && affinity != "None" {
      errors.append(
        .notSupported("spec.sessionAffinity", .string(affinity), supported: ["ClientIP", "None"]))
    }
    if type.isEmpty {
      errors.append(.required("spec.type"))
    } else if !serviceTypes.contains(type) {
      errors.append(.notSupported("spec.type", .string(type), supported: serviceTypes))
    }
    if type == "ClusterIP" {
      for (index, port) in ports.enumerated() where (port["nodePort"]?.int ?? 0) != 0 {
        errors.append(
          .forbidden("spec.ports[\(index)].nodePort", "may not be used when `type` is 'ClusterIP'"))
      }
    }
    var nodePorts = Set<String>()
    for (index, port) in ports.enumerated() {
      guard let nodePort = port["nodePort"]?.int, nodePort != 0 else { continue }
      let key = "\(port["protocol"]?.string ?? "")/\(nodePort)"
      if nodePorts.contains(key) {
        errors.append(.duplicate("spec.ports[\(index)].nodePort", .int(nodePort)))
      }
      nodePorts.insert(key)
    }
    var seen = Set<String>()
    for (index, port) in ports.enumerated() {
      let portProtocol = port["protocol"]?.string ?? ""
      let number = port["port"]?.int ?? 0
      let key = "\(portProtocol)/\(number)"
      if seen.contains(key) {
        errors.append(
          FieldError(
            .duplicate, "spec.ports[\(index)]",
            GoSyntax.servicePortKey(portProtocol: portProtocol, port: number)))
      }
      seen.insert(key)
    }
    if spec["allocateLoadBalancerNodePorts"] != nil
      && spec["allocateLoadBalancerNodePorts"] != .null
      && type != "LoadBalancer"
    {
      errors.append(
        .forbidden(
          "spec.allocateLoadBalancerNodePorts", "may only be used when `type` is 'LoadBalancer'"))
    }
    let externallyAccessible =
      type == "LoadBalancer" || type == "NodePort"
      || (type == "ClusterIP" && !(spec["externalIPs"]?.array?.isEmpty ?? true))
    let trafficPolicy = spec["externalTrafficPolicy"]?.string ?? ""
    if !externallyAccessible {
      if !trafficPolicy.isEmpty {
        errors.append(
          .invalid(
            "spec.externalTrafficPolicy", .string(trafficPolicy),
            "may only be set for externally-accessible services"))
      }
    } else if trafficPolicy.isEmpty {
      errors.append(.required("spec.externalTrafficPolicy"))
    } else if trafficPolicy != "Cluster" && trafficPolicy != "Local" {
      errors.append(
        .notSupported(
          "spec.externalTrafficPolicy", .string(trafficPolicy), supported: ["Cluster", "Local"]))
    }
    if let policy = spec["internalTrafficPolicy"]?.string, policy != "Cluster" && policy != "Local"
    {
      errors.append(
        .notSupported(
          "spec.internalTrafficPolicy", .string(policy), supported: ["Cluster", "Local"]))
    }
    // The registry's port allocator checks explicit node ports against the
    // default range.
    if type == "NodePort" || type == "LoadBalancer" {
      for (index, port) in ports.enumerated() {
        guard let nodePort = port["nodePort"]?.int, nodePort != 0,
          !(30000...32767).contains(nodePort)
        else {
          continue
        }
        errors.append(
          .invalid(
            "spec.ports[\(index)].nodePort", .int(nodePort),
            "provided port is not in the valid range. The range of valid ports is 30000-32767"))
      }
    }
    return errors
  }

  /// `ValidateConfigMap` and, when `immutable` was set, the update rule.
  static func validateConfigMap(_ content: JSONValue, old: JSONValue?) -> [FieldError] {
    var errors: [FieldError] = []
    if old?["immutable"] == true {
      if content["immutable"] != true {
        errors.append(.forbidden("immutable", "field is immutable when `immutable` is set"))
      }
      for field in ["data", "binaryData"] where content[field] != old?[field] {
        errors.append(.forbidden(field, "field is immutable when `immutable` is set"))
      }
    }
    for (key, _) in content["data"]?.object ?? JSONObject() {
      errors += NameChecks.configMapKey(key).map { .invalid("data[\(key)]", .string(key), $0) }
      if content["binaryData"]?[key] != nil {
        errors.append(
          .invalid("data[\(key)]", .string(key), "duplicate of key present in binaryData"))
      }
    }
    for (key, _) in content["binaryData"]?.object ?? JSONObject() {
      errors += NameChecks.configMapKey(key).map {
        .invalid("binaryData[\(key)]", .string(key), $0)
      }
    }
    return errors
  }

  /// `ValidateSecret`: keys, and the keys each secret type requires.
  static func validateSecret(_ content: JSONValue, old: JSONValue?) -> [FieldError] {
    var errors: [FieldError] = []
    if let old {
      if content["type"] != old["type"] {
        errors.append(.invalid("type", content["type"] ?? "", "field is immutable"))
      }
      if old["immutable"] == true {
        if content["immutable"] != true {
          errors.append(.forbidden("immutable", "field is immutable when `immutable` is set"))
        }
        if content["data"] != old["data"] {
          errors.append(.forbidden("data", "field is immutable when `immutable` is set"))
        }
      }
    }
    let data = content["data"]?.object ?? JSONObject()
    for (key, _) in data {
      errors += NameChecks.configMapKey(key).map { .invalid("data[\(key)]", .string(key), $0) }
    }
    let required: [String]
    switch content["type"]?.string ?? "" {
    case "kubernetes.io/tls": required = ["tls.crt", "tls.key"]
    case "kubernetes.io/dockerconfigjson": required = [".dockerconfigjson"]
    case "kubernetes.io/dockercfg": required = [".dockercfg"]
    case "kubernetes.io/ssh-auth": required = ["ssh-privatekey"]
    case "kubernetes.io/basic-auth":
      required = data["username"] == nil && data["password"] == nil ? ["username", "password"] : []
    case "kubernetes.io/service-account-token":
      if content["metadata"]?["annotations"]?["kubernetes.io/service-account.name"].isUnset ?? true
      {
        errors.append(.required("metadata.annotations[kubernetes.io/service-account.name]"))
      }
      required = []
    default: required = []
    }
    for key in required where data[key] == nil {
      errors.append(.required("data[\(key)]"))
    }
    return errors
  }

  /// The common mistakes in a PersistentVolumeClaim spec.
  static func validateClaimSpec(_ spec: JSONValue?, path: String) -> [FieldError] {
    var errors: [FieldError] = []
    let modes = spec?["accessModes"]?.array ?? []
    if modes.isEmpty {
      errors.append(.required(path + ".accessModes", "at least 1 access mode is required"))
    }
    let supported = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"]
    for mode in modes where !supported.contains(mode.scalarText) {
      errors.append(
        .notSupported(path + ".accessModes", .string(mode.scalarText), supported: supported))
    }
    if let storage = spec?["resources"]?["requests"]?["storage"], let amount = quantity(storage) {
      if amount.mantissa <= 0 {
        errors.append(
          .invalid(
            path + ".resources.requests[storage]", .string(amount.description),
            "must be greater than zero"))
      }
    } else {
      errors.append(.required(path + ".resources[storage]"))
    }
    return errors
  }
}
