extension Schema {
  static let supportedProtocols = ["SCTP", "TCP", "UDP"]

  /// `ValidatePodSpec` and, for a pod itself, the pod-only checks of
  /// `validatePodMetadataAndSpec` (image whitespace).
  static func validatePodSpec(_ spec: JSONValue?, path: String, isPod: Bool) -> [FieldError] {
    let spec = spec ?? .emptyObject
    var errors: [FieldError] = []
    if spec["terminationGracePeriodSeconds"] == nil
      || spec["terminationGracePeriodSeconds"] == .null
    {
      errors.append(.required(path + ".terminationGracePeriodSeconds"))
    }
    let (volumes, volumeErrors) = validateVolumes(spec["volumes"], path: path + ".volumes")
    errors += volumeErrors
    let restartPolicy = spec["restartPolicy"]?.string ?? ""
    errors += validateContainers(spec["containers"], volumes: volumes, path: path + ".containers")
    errors += validateInitContainers(
      spec["initContainers"], regular: spec["containers"], volumes: volumes,
      path: path + ".initContainers")
    if isPod, !(spec["ephemeralContainers"]?.array?.isEmpty ?? true) {
      // Checked by the create path below; templates reject them elsewhere.
    }
    switch restartPolicy {
    case "Always", "OnFailure", "Never": break
    case "": errors.append(.required(path + ".restartPolicy"))
    default:
      errors.append(
        .notSupported(
          path + ".restartPolicy", .string(restartPolicy),
          supported: ["Always", "OnFailure", "Never"]))
    }
    let dnsPolicy = spec["dnsPolicy"]?.string ?? ""
    switch dnsPolicy {
    case "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None": break
    case "": errors.append(.required(path + ".dnsPolicy"))
    default:
      errors.append(
        .notSupported(
          path + ".dnsPolicy", .string(dnsPolicy),
          supported: ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"]))
    }
    errors += validateLabels(spec["nodeSelector"], path: path + ".nodeSelector")
    if dnsPolicy == "None" {
      if spec["dnsConfig"] == nil || spec["dnsConfig"] == .null {
        errors.append(
          .required(path + ".dnsConfig", "must provide `dnsConfig` when `dnsPolicy` is None"))
      } else if spec["dnsConfig"]?["nameservers"].isUnset ?? true {
        errors.append(
          .required(
            path + ".dnsConfig.nameservers",
            "must provide at least one DNS nameserver when `dnsPolicy` is None"))
      }
    }
    errors += validateTopologySpread(
      spec["topologySpreadConstraints"], path: path + ".topologySpreadConstraints")
    for (field, check) in [
      ("serviceAccountName", NameChecks.dns1123Subdomain),
      ("nodeName", NameChecks.dns1123Subdomain),
      ("priorityClassName", NameChecks.dns1123Subdomain),
    ] as [(String, (String) -> [String])] {
      guard let value = spec[field]?.string, !value.isEmpty else { continue }
      for problem in check(value) {
        errors.append(.invalid("\(path).\(field)", .string(value), problem))
      }
    }
    if let deadline = spec["activeDeadlineSeconds"]?.int, deadline < 1 || deadline > Int(Int32.max)
    {
      errors.append(
        .invalid(
          path + ".activeDeadlineSeconds", .int(deadline),
          "must be between 1 and 2147483647, inclusive"))
    }
    for field in ["hostname", "subdomain"] {
      guard let value = spec[field]?.string, !value.isEmpty else { continue }
      for problem in NameChecks.dns1123Label(value) {
        errors.append(.invalid("\(path).\(field)", .string(value), problem))
      }
    }
    errors += validateTolerations(spec["tolerations"], path: path + ".tolerations")
    if isPod {
      for list in ["containers", "initContainers"] {
        for (index, container) in (spec[list]?.array ?? []).enumerated() {
          let image = container["image"]?.string ?? ""
          if image != image.trimmingCharacters(in: .whitespaces) {
            errors.append(
              .invalid(
                "\(path).\(list)[\(index)].image", .string(image),
                "must not have leading or trailing whitespace"))
          }
        }
      }
    }
    return errors
  }

  /// `ValidateVolumes`: names, and the checks of the common volume sources.
  ///
  /// Returns the names of the valid volumes, for volume mounts to refer to.
  static func validateVolumes(_ volumes: JSONValue?, path: String) -> (Set<String>, [FieldError]) {
    var names = Set<String>()
    var errors: [FieldError] = []
    for (index, volume) in (volumes?.array ?? []).enumerated() {
      let here = "\(path)[\(index)]"
      var volumeErrors: [FieldError] = []
      if let source = volume["configMap"], source.object != nil, source["name"].isUnset {
        volumeErrors.append(.required(here + ".configMap.name"))
      }
      if let source = volume["secret"], source.object != nil, source["secretName"].isUnset {
        volumeErrors.append(.required(here + ".secret.secretName"))
      }
      if let source = volume["persistentVolumeClaim"], source.object != nil,
        source["claimName"].isUnset
      {
        volumeErrors.append(.required(here + ".persistentVolumeClaim.claimName"))
      }
      if let source = volume["hostPath"], source.object != nil, source["path"].isUnset {
        volumeErrors.append(.required(here + ".hostPath.path"))
      }
      if let source = volume["nfs"], source.object != nil {
        if source["server"].isUnset { volumeErrors.append(.required(here + ".nfs.server")) }
        let nfsPath = source["path"]?.string ?? ""
        if nfsPath.isEmpty { volumeErrors.append(.required(here + ".nfs.path")) }
        if !nfsPath.hasPrefix("/") {
          volumeErrors.append(
            .invalid(here + ".nfs.path", .string(nfsPath), "must be an absolute path"))
        }
      }
      let name = volume["name"]?.string ?? ""
      if name.isEmpty {
        volumeErrors.append(.required(here + ".name"))
      } else {
        for problem in NameChecks.dns1123Label(name) {
          volumeErrors.append(.invalid(here + ".name", .string(name), problem))
        }
      }
      if names.contains(name) { volumeErrors.append(.duplicate(here + ".name", .string(name))) }
      if volumeErrors.isEmpty { names.insert(name) }
      errors += volumeErrors
    }
    return (names, errors)
  }

  /// `validateContainers`: at least one container, each valid, names unique.
  static func validateContainers(_ containers: JSONValue?, volumes: Set<String>, path: String)
    -> [FieldError]
  {
    let list = containers?.array ?? []
    guard !list.isEmpty else { return [.required(path)] }
    var errors: [FieldError] = []
    var names = Set<String>()
    for (index, container) in list.enumerated() {
      let here = "\(path)[\(index)]"
      errors += validateContainerCommon(container, volumes: volumes, path: here)
      let name = container["name"]?.string ?? ""
      if names.contains(name) {
        errors.append(.duplicate(here + ".name", .string(name)))
      } else {
        names.insert(name)
      }
      errors += validateLifecycle(container["lifecycle"], path: here + ".lifecycle")
      errors += validateProbe(
        container["livenessProbe"], path: here + ".livenessProbe", mustSucceedOnce: true)
      errors += validateProbe(
        container["readinessProbe"], path: here + ".readinessProbe", mustSucceedOnce: false)
      errors += validateProbe(
        container["startupProbe"], path: here + ".startupProbe", mustSucceedOnce: true)
      if container["restartPolicy"] != nil && container["restartPolicy"] != .null {
        errors.append(.forbidden(here + ".restartPolicy", "may not be set for non-init containers"))
      }
    }
    errors += hostPortConflicts(list, path: path)
    return errors
  }

  static func validateInitContainers(
    _ containers: JSONValue?, regular: JSONValue?, volumes: Set<String>, path: String
  ) -> [FieldError] {
    var errors: [FieldError] = []
    var names = Set((regular?.array ?? []).map { $0["name"]?.string ?? "" })
    for (index, container) in (containers?.array ?? []).enumerated() {
      let here = "\(path)[\(index)]"
      errors += validateContainerCommon(container, volumes: volumes, path: here)
      let sidecar = container["restartPolicy"] == "Always"
      if let policy = container["restartPolicy"]?.string, policy != "Always" {
        errors.append(
          .notSupported(here + ".restartPolicy", .string(policy), supported: ["Always"]))
      }
      let name = container["name"]?.string ?? ""
      if names.contains(name) {
        errors.append(.duplicate(here + ".name", .string(name)))
      } else if !name.isEmpty {
        names.insert(name)
      }
      errors += hostPortConflicts([container], path: path)
      if sidecar {
        errors += validateLifecycle(container["lifecycle"], path: here + ".lifecycle")
        errors += validateProbe(
          container["livenessProbe"], path: here + ".livenessProbe", mustSucceedOnce: true)
        errors += validateProbe(
          container["readinessProbe"], path: here + ".readinessProbe", mustSucceedOnce: false)
        errors += validateProbe(
          container["startupProbe"], path: here + ".startupProbe", mustSucceedOnce: true)
      } else {
        for field in ["lifecycle", "livenessProbe", "readinessProbe", "startupProbe"]
        where container[field] != nil && container[field] != .null {
          errors.append(
            .forbidden(
              "\(here).\(field)", "may not be set for init containers without restartPolicy=Always")
          )
        }
      }
    }
    return errors
  }

  /// `validateContainerCommon`, in its Go order.
  static func validateContainerCommon(_ container: JSONValue, volumes: Set<String>, path: String)
    -> [FieldError]
  {
    var errors: [FieldError] = []
    let name = container["name"]?.string ?? ""
    if name.isEmpty {
      errors.append(.required(path + ".name"))
    } else {
      for problem in NameChecks.dns1123Label(name) {
        errors.append(.invalid(path + ".name", .string(name), problem))
      }
    }
    if (container["image"]?.string ?? "").isEmpty { errors.append(.required(path + ".image")) }
    let messagePolicy = container["terminationMessagePolicy"]?.string ?? ""
    switch messagePolicy {
    case "File", "FallbackToLogsOnError": break
    case "": errors.append(.required(path + ".terminationMessagePolicy"))
    default:
      errors.append(
        .notSupported(
          path + ".terminationMessagePolicy", .string(messagePolicy),
          supported: ["File", "FallbackToLogsOnError"]))
    }
    errors += validateContainerPorts(container["ports"], path: path + ".ports")
    errors += validateEnv(container["env"], path: path + ".env")
    errors += validateEnvFrom(container["envFrom"], path: path + ".envFrom")
    var mountPaths = Set<String>()
    for (index, mount) in (container["volumeMounts"]?.array ?? []).enumerated() {
      let here = "\(path).volumeMounts[\(index)]"
      let mountName = mount["name"]?.string ?? ""
      if mountName.isEmpty { errors.append(.required(here + ".name")) }
      if !volumes.contains(mountName) {
        errors.append(.notFound(here + ".name", .string(mountName)))
      }
      let mountPath = mount["mountPath"]?.string ?? ""
      if mountPath.isEmpty { errors.append(.required(here + ".mountPath")) }
      if mountPaths.contains(mountPath) {
        errors.append(.invalid(here + ".mountPath", .string(mountPath), "must be unique"))
      }
      mountPaths.insert(mountPath)
    }
    let pullPolicy = container["imagePullPolicy"]?.string ?? ""
    switch pullPolicy {
    case "Always", "IfNotPresent", "Never": break
    case "": errors.append(.required(path + ".imagePullPolicy"))
    default:
      errors.append(
        .notSupported(
          path + ".imagePullPolicy", .string(pullPolicy),
          supported: ["Always", "IfNotPresent", "Never"]))
    }
    errors += validateResources(container["resources"], path: path + ".resources")
    return errors
  }

  /// `validateContainerPorts`.
  static func validateContainerPorts(_ ports: JSONValue?, path: String) -> [FieldError] {
    var errors: [FieldError] = []
    var names = Set<String>()
    for (index, port) in (ports?.array ?? []).enumerated() {
      let here = "\(path)[\(index)]"
      if let name = port["name"]?.string, !name.isEmpty {
        let problems = NameChecks.portName(name)
        if !problems.isEmpty {
          errors += problems.map { .invalid(here + ".name", .string(name), $0) }
        } else if names.contains(name) {
          errors.append(.duplicate(here + ".name", .string(name)))
        } else {
          names.insert(name)
        }
      }
      let containerPort = port["containerPort"]?.int ?? 0
      if containerPort == 0 {
        errors.append(.required(here + ".containerPort"))
      } else if !NameChecks.isValidPort(containerPort) {
        errors.append(.invalid(here + ".containerPort", .int(containerPort), NameChecks.portRange))
      }
      if let hostPort = port["hostPort"]?.int, hostPort != 0, !NameChecks.isValidPort(hostPort) {
        errors.append(.invalid(here + ".hostPort", .int(hostPort), NameChecks.portRange))
      }
      let portProtocol = port["protocol"]?.string ?? ""
      if portProtocol.isEmpty {
        errors.append(.required(here + ".protocol"))
      } else if !supportedProtocols.contains(portProtocol) {
        errors.append(
          .notSupported(here + ".protocol", .string(portProtocol), supported: supportedProtocols))
      }
    }
    return errors
  }

  static func hostPortConflicts(_ containers: [JSONValue], path: String) -> [FieldError] {
    var seen = Set<String>()
    var errors: [FieldError] = []
    for (containerIndex, container) in containers.enumerated() {
      for (portIndex, port) in (container["ports"]?.array ?? []).enumerated() {
        let hostPort = port["hostPort"]?.int ?? 0
        guard hostPort != 0 else { continue }
        let key = "\(port["protocol"]?.string ?? "")/\(port["hostIP"]?.string ?? "")/\(hostPort)"
        if seen.contains(key) {
          errors.append(
            .duplicate("\(path)[\(containerIndex)].ports[\(portIndex)].hostPort", .string(key)))
        } else {
          seen.insert(key)
        }
      }
    }
    return errors
  }

  /// `ValidateEnv`, with the relaxed variable names of Kubernetes 1.32.
  static func validateEnv(_ env: JSONValue?, path: String) -> [FieldError] {
    var errors: [FieldError] = []
    for (index, variable) in (env?.array ?? []).enumerated() {
      let here = "\(path)[\(index)]"
      let name = variable["name"]?.string ?? ""
      if name.isEmpty {
        errors.append(.required(here + ".name"))
      } else {
        errors += NameChecks.envVarName(name).map { .invalid(here + ".name", .string(name), $0) }
      }
      guard let source = variable["valueFrom"], source.object != nil else { continue }
      let sources = ["fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef"].filter {
        source[$0] != nil && source[$0] != .null
      }
      for kind in ["configMapKeyRef", "secretKeyRef"] where sources.contains(kind) {
        let reference = source[kind] ?? .emptyObject
        let refName = reference["name"]?.string ?? ""
        for problem in NameChecks.dns1123Subdomain(refName) {
          errors.append(.invalid("\(here).valueFrom.\(kind).name", .string(refName), problem))
        }
        let key = reference["key"]?.string ?? ""
        if key.isEmpty {
          errors.append(.required("\(here).valueFrom.\(kind).key"))
        } else {
          errors += NameChecks.configMapKey(key).map {
            .invalid("\(here).valueFrom.\(kind).key", .string(key), $0)
          }
        }
      }
      if sources.isEmpty {
        errors.append(
          .invalid(
            here + ".valueFrom", "",
            "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"
          ))
      } else if !(variable["value"]?.string ?? "").isEmpty {
        errors.append(
          .invalid(here + ".valueFrom", "", "may not be specified when `value` is not empty"))
      } else if sources.count > 1 {
        errors.append(
          .invalid(here + ".valueFrom", "", "may not have more than one field specified at a time"))
      }
    }
    return errors
  }

  static func validateEnvFrom(_ envFrom: JSONValue?, path: String) -> [FieldError] {
    var errors: [FieldError] = []
    for (index, source) in (envFrom?.array ?? []).enumerated() {
      let here = "\(path)[\(index)]"
      if let prefix = source["prefix"]?.string, !prefix.isEmpty {
        errors += NameChecks.envVarName(prefix).map {
          .invalid(here + ".prefix", .string(prefix), $0)
        }
      }
      let sources = ["configMapRef", "secretRef"].filter {
        source[$0] != nil && source[$0] != .null
      }
      for kind in sources {
        let name = source[kind]?["name"]?.string ?? ""
        if name.isEmpty {
          errors.append(.required("\(here).\(kind).name"))
        } else {
          errors += NameChecks.dns1123Subdomain(name).map {
            .invalid("\(here).\(kind).name", .string(name), $0)
          }
        }
      }
      if sources.isEmpty {
        errors.append(.invalid(path, "", "must specify one of: `configMapRef` or `secretRef`"))
      } else if sources.count > 1 {
        errors.append(.invalid(path, "", "may not have more than one field specified at a time"))
      }
    }
    return errors
  }

  static let standardContainerResources: Set<String> = ["cpu", "memory", "ephemeral-storage"]

  /// `ValidateContainerResourceRequirements`: names, non-negative amounts,
  /// and requests no greater than limits.
  static func validateResources(_ resources: JSONValue?, path: String) -> [FieldError] {
    var errors: [FieldError] = []
    let limits = resources?["limits"]?.object ?? JSONObject()
    let requests = resources?["requests"]?.object ?? JSONObject()
    func check(_ name: String, _ value: JSONValue, _ here: String) -> Quantity? {
      if !name.contains("/") && !standardContainerResources.contains(name)
        && !name.hasPrefix("hugepages-")
      {
        errors.append(.invalid(here, .string(name), "must be a standard resource for containers"))
      }
      guard let quantity = quantity(value) else { return nil }
      if quantity.mantissa < 0 {
        errors.append(
          .invalid(here, .string(quantity.description), "must be greater than or equal to 0"))
      }
      return quantity
    }
    for (name, value) in limits { _ = check(name, value, "\(path).limits[\(name)]") }
    for (name, value) in requests {
      guard let request = check(name, value, "\(path).requests[\(name)]") else { continue }
      if let limitValue = limits[name], let limit = quantity(limitValue), request > limit {
        errors.append(
          .invalid(
            path + ".requests", .string(request.description),
            "must be less than or equal to \(name) limit of \(limit.description)"))
      }
    }
    return errors
  }

  /// `validateProbe` with the liveness and startup rule that
  /// successThreshold must be 1.
  static func validateProbe(_ probe: JSONValue?, path: String, mustSucceedOnce: Bool)
    -> [FieldError]
  {
    guard let probe, probe.object != nil else { return [] }
    var errors = validateHandler(
      probe, path: path, allowed: ["exec", "httpGet", "tcpSocket", "grpc"])
    for field in [
      "initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold",
      "failureThreshold",
    ] {
      errors += nonNegative(probe[field], path: "\(path).\(field)")
    }
    if let grace = probe["terminationGracePeriodSeconds"]?.int, grace <= 0 {
      errors.append(
        .invalid(path + ".terminationGracePeriodSeconds", .int(grace), "must be greater than 0"))
    }
    if mustSucceedOnce, let threshold = probe["successThreshold"]?.int, threshold != 1 {
      errors.append(.invalid(path + ".successThreshold", .int(threshold), "must be 1"))
    }
    return errors
  }

  static func validateLifecycle(_ lifecycle: JSONValue?, path: String) -> [FieldError] {
    guard let lifecycle, lifecycle.object != nil else { return [] }
    var errors: [FieldError] = []
    for hook in ["postStart", "preStop"] {
      guard let handler = lifecycle[hook], handler.object != nil else { continue }
      errors += validateHandler(
        handler, path: "\(path).\(hook)", allowed: ["exec", "httpGet", "tcpSocket", "sleep"])
    }
    return errors
  }

  /// `validateHandler`: exactly one handler type, each one checked.
  static func validateHandler(_ handler: JSONValue, path: String, allowed: [String]) -> [FieldError]
  {
    var errors: [FieldError] = []
    var count = 0
    for type in allowed {
      guard let action = handler[type], action != .null else { continue }
      if count > 0 {
        errors.append(.forbidden("\(path).\(type)", "may not specify more than 1 handler type"))
        continue
      }
      count += 1
      switch type {
      case "exec":
        if action["command"].isUnset { errors.append(.required(path + ".exec.command")) }
      case "httpGet":
        if action["path"].isUnset { errors.append(.required(path + ".httpGet.path")) }
        errors += portNumberOrName(action["port"], path: path + ".httpGet.port")
        let scheme = action["scheme"]?.string ?? ""
        if scheme != "HTTP" && scheme != "HTTPS" {
          errors.append(
            .notSupported(path + ".httpGet.scheme", .string(scheme), supported: ["HTTP", "HTTPS"]))
        }
      case "tcpSocket":
        errors += portNumberOrName(action["port"], path: path + ".tcpSocket.port")
      case "grpc":
        errors += portNumberOrName(.int(action["port"]?.int ?? 0), path: path + ".grpc.port")
      default:
        break
      }
    }
    if count == 0 { errors.append(.required(path, "must specify a handler type")) }
    return errors
  }

  /// `ValidatePortNumOrName`.
  static func portNumberOrName(_ port: JSONValue?, path: String) -> [FieldError] {
    switch port {
    case .string(let name)?:
      return NameChecks.portName(name).map { .invalid(path, .string(name), $0) }
    default:
      let number = port?.int ?? 0
      return NameChecks.isValidPort(number)
        ? [] : [.invalid(path, .int(number), NameChecks.portRange)]
    }
  }

  /// `ValidateTolerations`.
  static func validateTolerations(_ tolerations: JSONValue?, path: String) -> [FieldError] {
    var errors: [FieldError] = []
    for (index, toleration) in (tolerations?.array ?? []).enumerated() {
      let here = "\(path)[\(index)]"
      let key = toleration["key"]?.string ?? ""
      let op = toleration["operator"]?.string ?? ""
      let value = toleration["value"]?.string ?? ""
      let effect = toleration["effect"]?.string ?? ""
      if !key.isEmpty { errors += qualifiedNameErrors(key, path: here + ".key") }
      if key.isEmpty && op != "Exists" {
        errors.append(
          .invalid(
            here + ".operator", .string(op),
            "operator must be Exists when `key` is empty, which means \"match all values and all keys\""
          ))
      }
      if toleration["tolerationSeconds"] != nil && toleration["tolerationSeconds"] != .null
        && effect != "NoExecute"
      {
        errors.append(
          .invalid(
            here + ".effect", .string(effect),
            "effect must be 'NoExecute' when `tolerationSeconds` is set"))
      }
      switch op {
      case "Equal", "":
        let problems = NameChecks.labelValue(value)
        if !problems.isEmpty {
          errors.append(
            .invalid(here + ".operator", .string(value), problems.joined(separator: ";")))
        }
      case "Exists":
        if !value.isEmpty {
          errors.append(
            .invalid(
              here + ".operator", .string(value), "value must be empty when `operator` is 'Exists'")
          )
        }
      default:
        errors.append(
          .notSupported(here + ".operator", .string(op), supported: ["Equal", "Exists"]))
      }
      if !effect.isEmpty && !["NoSchedule", "PreferNoSchedule", "NoExecute"].contains(effect) {
        errors.append(
          .notSupported(
            here + ".effect", .string(effect),
            supported: ["NoSchedule", "PreferNoSchedule", "NoExecute"]))
      }
    }
    return errors
  }

  static func validateTopologySpread(_ constraints: JSONValue?, path: String) -> [FieldError] {
    var errors: [FieldError] = []
    let list = constraints?.array ?? []
    for (index, constraint) in list.enumerated() {
      let here = "\(path)[\(index)]"
      let skew = constraint["maxSkew"]?.int ?? 0
      if skew <= 0 {
        errors.append(.invalid(here + ".maxSkew", .int(skew), "must be greater than zero"))
      }
      if constraint["topologyKey"].isUnset {
        errors.append(.required(here + ".topologyKey", "can not be empty"))
      }
      let action = constraint["whenUnsatisfiable"]?.string ?? ""
      if action != "DoNotSchedule" && action != "ScheduleAnyway" {
        errors.append(
          .notSupported(
            here + ".whenUnsatisfiable", .string(action),
            supported: ["DoNotSchedule", "ScheduleAnyway"]))
      }
      errors += validateLabelSelector(constraint["labelSelector"], path: here + ".labelSelector")
    }
    return errors
  }

  /// `ValidatePodUpdate`: only images, activeDeadlineSeconds, added
  /// tolerations and a few more may change.
  static func validatePodUpdate(_ new: JSONValue, old: JSONValue) -> [FieldError] {
    var errors: [FieldError] = []
    let newSpec = new["spec"] ?? .emptyObject
    let oldSpec = old["spec"] ?? .emptyObject
    for list in ["containers", "initContainers"] {
      let newList = newSpec[list]?.array ?? []
      let oldList = oldSpec[list]?.array ?? []
      if newList.count != oldList.count {
        errors.append(.forbidden("spec.\(list)", "pod updates may not add or remove containers"))
        return errors
      }
      for (index, container) in newList.enumerated()
      where (container["image"]?.string ?? "").isEmpty {
        errors.append(.required("spec.\(list)[\(index)].image"))
      }
    }
    var munged = newSpec
    for list in ["containers", "initContainers"] {
      guard var containers = munged[list]?.array else { continue }
      for index in containers.indices {
        containers[index]["image"] = oldSpec[list]?.array?[index]["image"]
      }
      munged[list] = .array(containers)
    }
    munged["activeDeadlineSeconds"] = oldSpec["activeDeadlineSeconds"]
    munged["tolerations"] = oldSpec["tolerations"]
    munged["schedulingGates"] = oldSpec["schedulingGates"]
    if munged.sortedKeys != oldSpec.sortedKeys {
      let fields = [
        "`spec.containers[*].image`", "`spec.initContainers[*].image`",
        "`spec.activeDeadlineSeconds`",
        "`spec.tolerations` (only additions to existing tolerations)",
        "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
      ]
      errors.append(
        .forbidden(
          "spec",
          "pod updates may not change fields other than " + fields.joined(separator: ",") + "\n"
            + podSpecDiff(old: oldSpec, new: munged)))
    }
    return errors
  }

  /// A short diff of two pod specs in the style of go-cmp's output, naming
  /// the top-level fields that changed.
  ///
  /// The real server prints go-cmp's full
  /// diff of its internal types, which this only approximates.
  static func podSpecDiff(old: JSONValue, new: JSONValue) -> String {
    var lines = ["  core.PodSpec{"]
    let keys = Set((old.object?.keys ?? []) + (new.object?.keys ?? [])).sorted()
    for key in keys where old[key]?.sortedKeys != new[key]?.sortedKeys {
      let goField = key.prefix(1).uppercased() + key.dropFirst()
      if let value = old[key] { lines.append("- \t\(goField): \(value.sortedKeys.compactJSON),") }
      if let value = new[key] { lines.append("+ \t\(goField): \(value.sortedKeys.compactJSON),") }
    }
    lines.append("  }")
    return lines.joined(separator: "\n") + "\n"
  }
}
