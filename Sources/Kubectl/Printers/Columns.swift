import Foundation
import KubeCluster

/// The columns `kubectl get` prints for each kind, as printers.go declares them.
package enum Columns {
  package static func columns(for kind: Kind) -> [TableColumn] {
    switch kind {
    case .pod: return pod
    case .service: return service
    case .deployment: return deployment
    case .replicaSet: return replicaSet
    case .daemonSet: return daemonSet
    case .statefulSet: return statefulSet
    case .job: return job
    case .cronJob: return cronJob
    case .namespace: return [name, text("STATUS", "status.phase"), age]
    case .node: return node
    case .event: return event
    case .configMap:
      return [name, TableColumn("DATA") { o, _ in String((o.content["data"]?.object?.count ?? 0) + (o.content["binaryData"]?.object?.count ?? 0)) }, age]
    case .secret:
      return [name, text("TYPE", "type"), TableColumn("DATA") { o, _ in String(o.content["data"]?.object?.count ?? 0) }, age]
    case .serviceAccount:
      return [name, TableColumn("SECRETS") { o, _ in String(o.content["secrets"]?.array?.count ?? 0) }, age]
    case .endpoints: return [name, TableColumn("ENDPOINTS") { o, _ in endpoints(o) }, age]
    case .endpointSlice: return endpointSlice
    case .ingress: return ingress
    case .ingressClass:
      return [name, text("CONTROLLER", "spec.controller"), TableColumn("PARAMETERS") { o, _ in
        guard let p = o.content[path: "spec.parameters"] else { return "<none>" }
        return "\(p["kind"]?.string ?? "")/\(p["name"]?.string ?? "")"
      }, age]
    case .persistentVolume: return persistentVolume
    case .persistentVolumeClaim: return persistentVolumeClaim
    case .storageClass:
      return [
        TableColumn("NAME") { o, _ in
          o.annotations["storageclass.kubernetes.io/is-default-class"] == "true" ? "\(o.name) (default)" : o.name
        },
        text("PROVISIONER", "provisioner"), text("RECLAIMPOLICY", "reclaimPolicy", default: "Delete"),
        text("VOLUMEBINDINGMODE", "volumeBindingMode", default: "Immediate"),
        TableColumn("ALLOWVOLUMEEXPANSION") { o, _ in o.content["allowVolumeExpansion"]?.bool == true ? "true" : "false" },
        age,
      ]
    case .resourceQuota: return resourceQuota
    case .limitRange, .role, .clusterRole: return [name, createdAt]
    case .roleBinding, .clusterRoleBinding:
      return [
        name,
        TableColumn("ROLE") { o, _ in "\(o.content[path: "roleRef.kind"]?.string ?? "")/\(o.content[path: "roleRef.name"]?.string ?? "")" },
        age,
        TableColumn("USERS", priority: 1) { o, _ in subjects(o, "User") },
        TableColumn("GROUPS", priority: 1) { o, _ in subjects(o, "Group") },
        TableColumn("SERVICEACCOUNTS", priority: 1) { o, _ in
          let list = (o.content["subjects"]?.array ?? []).filter { $0["kind"]?.string == "ServiceAccount" }
            .map { "\($0["namespace"]?.string ?? ""):\($0["name"]?.string ?? "")" }
          return list.joined(separator: ", ")
        },
      ]
    case .horizontalPodAutoscaler: return horizontalPodAutoscaler
    case .networkPolicy:
      return [name, TableColumn("POD-SELECTOR") { o, _ in selectorText(o.content[path: "spec.podSelector"], emptyIsNone: true) }, age]
    case .podDisruptionBudget:
      return [
        name, text("MIN AVAILABLE", "spec.minAvailable", default: "N/A"),
        text("MAX UNAVAILABLE", "spec.maxUnavailable", default: "N/A"),
        text("ALLOWED DISRUPTIONS", "status.disruptionsAllowed", default: "0"), age,
      ]
    case .priorityClass:
      return [
        name, text("VALUE", "value", default: "0"),
        TableColumn("GLOBAL-DEFAULT") { o, _ in o.content["globalDefault"]?.bool == true ? "true" : "false" },
        age, text("PREEMPTIONPOLICY", "preemptionPolicy", default: "PreemptLowerPriority"),
      ]
    case .lease: return [name, text("HOLDER", "spec.holderIdentity"), age]
    case .controllerRevision:
      return [
        name,
        TableColumn("CONTROLLER") { o, _ in
          guard let owner = o.controller else { return "<none>" }
          let kind = Kind(rawValue: owner.kind)?.groupSingular ?? owner.kind.lowercased()
          return "\(kind)/\(owner.name)"
        },
        text("REVISION", "revision"), age,
      ]
    case .binding: return [name, age]
    }
  }

  // MARK: Shared cells

  static let name = TableColumn("NAME") { o, _ in o.name }
  static let age = TableColumn("AGE") { o, c in HumanDuration.since(o.creationTimestamp, now: c.now) }
  static let createdAt = TableColumn("CREATED AT") { o, _ in o.content[path: "metadata.creationTimestamp"]?.string ?? "" }

  static func text(_ header: String, _ path: String, default fallback: String = "", priority: Int = 0) -> TableColumn {
    TableColumn(header, priority: priority) { o, _ in
      guard let value = o.content[path: path], !value.isNull else { return fallback }
      let text = value.scalarText
      return text.isEmpty ? fallback : text
    }
  }

  static func int(_ object: Object, _ path: String) -> Int { object.content[path: path]?.int ?? 0 }

  static func containers(_ object: Object, _ path: String = "spec.template.spec.containers") -> [JSONValue] {
    object.content[path: path]?.array ?? []
  }

  static func containerNames(_ path: String = "spec.template.spec.containers") -> TableColumn {
    TableColumn("CONTAINERS", priority: 1) { o, _ in containers(o, path).compactMap { $0["name"]?.string }.joined(separator: ",") }
  }

  static func images(_ path: String = "spec.template.spec.containers") -> TableColumn {
    TableColumn("IMAGES", priority: 1) { o, _ in containers(o, path).compactMap { $0["image"]?.string }.joined(separator: ",") }
  }

  static let selector = TableColumn("SELECTOR", priority: 1) { o, _ in selectorText(o.content[path: "spec.selector"], emptyIsNone: false) }

  /// A `metav1.LabelSelector` as kubectl prints it: `app=web,tier in (a,b)`.
  static func selectorText(_ value: JSONValue?, emptyIsNone: Bool) -> String {
    guard let value, value.object != nil else { return emptyIsNone ? "<none>" : "<none>" }
    let selector = LabelSelector(json: value)
    if selector.requirements.isEmpty { return emptyIsNone ? "<none>" : "<none>" }
    return selector.description
  }

  /// `labels.FormatLabels`: `a=b,c=d` sorted, or `<none>`.
  package static func formatLabels(_ map: [String: String]) -> String {
    guard !map.isEmpty else { return "<none>" }
    return map.keys.sorted().map { "\($0)=\(map[$0] ?? "")" }.joined(separator: ",")
  }

  static func subjects(_ o: Object, _ kind: String) -> String {
    (o.content["subjects"]?.array ?? []).filter { $0["kind"]?.string == kind }.compactMap { $0["name"]?.string }.joined(separator: ", ")
  }

  // MARK: Pods

  /// The STATUS, READY and RESTARTS of a pod, as printPod works them out.
  package struct PodSummary: Sendable {
    package var ready: Int
    package var total: Int
    package var reason: String
    package var restarts: Int
    package var lastRestart: Date?
  }

  package static func podSummary(_ pod: Object) -> PodSummary {
    let root = pod.content.object
    return podSummary(root, metadata: root?["metadata"]?.object)
  }

  /// `podSummary` of a pod's members, its metadata already read (the rows
  /// of `get pods` read it for the name too).
  ///
  /// Each object on the way is taken out once and read as a `JSONObject`;
  /// the Initialized and Ready conditions are looked for only when they
  /// decide the STATUS, and condition types of another length are passed
  /// over without comparing text: keyed reads are most of what a row costs.
  static func podSummary(_ root: JSONObject?, metadata: JSONObject?) -> PodSummary {
    let spec = root?["spec"]?.object
    let status = root?["status"]?.object
    let phase = status?["phase"]?.string ?? ""
    var summary = PodSummary(ready: 0, total: spec?["containers"]?.array?.count ?? 0, reason: phase, restarts: 0)
    let statusReason = status?["reason"]?.string
    if let statusReason, !statusReason.isEmpty { summary.reason = statusReason }
    let conditions = status?["conditions"]?.array ?? []
    for case .object(let condition) in conditions {
      if let type = condition["type"]?.string, Key.same(type, "PodScheduled"),
        condition["reason"]?.string == "SchedulingGated"
      {
        summary.reason = "SchedulingGated"
      }
    }
    /// Whether a condition of `type` is True; asked only when it decides
    /// the STATUS (a pod still initializing, or a Completed container).
    func conditionIsTrue(_ type: StaticString) -> Bool {
      conditions.contains { condition in
        guard case .object(let condition) = condition, let text = condition["type"]?.string else { return false }
        return Key.same(text, type) && condition["status"]?.string == "True"
      }
    }
    func noteRestart(_ status: JSONObject) {
      guard let lastState = status["lastState"]?.object, !lastState.isEmpty,
        let finished = Timestamp.parse(lastState["terminated"]?["finishedAt"]?.string)
      else { return }
      if summary.lastRestart.map({ $0 < finished }) ?? true { summary.lastRestart = finished }
    }
    var initializing = false
    if let initStatuses = status?["initContainerStatuses"]?.array {
      for (index, status) in initStatuses.enumerated() {
        guard case .object(let status) = status else {
          summary.reason = "Init:\(index)/\(spec?["initContainers"]?.array?.count ?? 0)"
          initializing = true
          break
        }
        summary.restarts += status["restartCount"]?.int ?? 0
        noteRestart(status)
        let state = status["state"]
        if let terminated = state?["terminated"], terminated["exitCode"]?.int == 0 { continue }
        if let terminated = state?["terminated"] {
          if let reason = terminated["reason"]?.string, !reason.isEmpty {
            summary.reason = "Init:" + reason
          } else if let signal = terminated["signal"]?.int, signal != 0 {
            summary.reason = "Init:Signal:\(signal)"
          } else {
            summary.reason = "Init:ExitCode:\(terminated["exitCode"]?.int ?? 0)"
          }
        } else if let waiting = state?["waiting"]?["reason"]?.string, !waiting.isEmpty, waiting != "PodInitializing" {
          summary.reason = "Init:" + waiting
        } else {
          summary.reason = "Init:\(index)/\(spec?["initContainers"]?.array?.count ?? 0)"
        }
        initializing = true
        break
      }
    }
    if !initializing || conditionIsTrue("Initialized") {
      summary.restarts = 0
      summary.lastRestart = nil
      var hasRunning = false
      for case .object(let status) in (status?["containerStatuses"]?.array ?? []).reversed() {
        summary.restarts += status["restartCount"]?.int ?? 0
        noteRestart(status)
        guard let state = status["state"]?.object else { continue }
        if let waiting = state["waiting"]?["reason"]?.string, !waiting.isEmpty {
          summary.reason = waiting
        } else if let terminated = state["terminated"] {
          if let reason = terminated["reason"]?.string, !reason.isEmpty {
            summary.reason = reason
          } else if let signal = terminated["signal"]?.int, signal != 0 {
            summary.reason = "Signal:\(signal)"
          } else {
            summary.reason = "ExitCode:\(terminated["exitCode"]?.int ?? 0)"
          }
        } else if state["running"] != nil, status["ready"]?.bool == true {
          hasRunning = true
          summary.ready += 1
        }
      }
      if summary.reason == "Completed" && hasRunning {
        summary.reason = conditionIsTrue("Ready") ? "Running" : "NotReady"
      }
    }
    let terminating = metadata?["deletionTimestamp"] != nil
    if terminating && statusReason == "NodeLost" {
      summary.reason = "Unknown"
    } else if terminating && phase != "Succeeded" && phase != "Failed" {
      summary.reason = "Terminating"
    }
    return summary
  }

  /// Key comparisons that rule out keys of another length before comparing
  /// text: most of the keys and condition types a row meets differ in length.
  enum Key {
    @inline(__always) static func same(_ text: String, _ key: StaticString) -> Bool {
      guard text.utf8.count == key.utf8CodeUnitCount else { return false }
      return key.withUTF8Buffer { key in
        var text = text
        return text.withUTF8 { $0.elementsEqual(key) }
      }
    }
  }

  // The cells of a row read the pod the table read once (`PrintContext.pod`),
  // and are written as bytes: this is the table of `kubectl get pods`.
  static let pod: [TableColumn] = [
    TableColumn("NAME") { o, c, out in TableBuilder.append(c.pod?.name ?? o.name, to: &out) },
    TableColumn("READY") { o, c, out in
      let s = c.pod?.summary ?? podSummary(o)
      HumanDuration.Digits.write(s.ready, into: &out)
      out.append(UInt8(ascii: "/"))
      HumanDuration.Digits.write(s.total, into: &out)
    },
    TableColumn("STATUS") { o, c, out in TableBuilder.append((c.pod?.summary ?? podSummary(o)).reason, to: &out) },
    TableColumn("RESTARTS") { o, c, out in
      let s = c.pod?.summary ?? podSummary(o)
      HumanDuration.Digits.write(s.restarts, into: &out)
      guard s.restarts != 0, let last = s.lastRestart else { return }
      out.append(contentsOf: " (".utf8)
      HumanDuration.write(since: last, now: c.now, into: &out)
      out.append(contentsOf: " ago)".utf8)
    },
    TableColumn("AGE") { o, c, out in
      let created = if let pod = c.pod { pod.created } else { o.creationTimestamp }
      HumanDuration.write(since: created, now: c.now, into: &out)
    },
    text("IP", "status.podIP", default: "<none>", priority: 1),
    text("NODE", "spec.nodeName", default: "<none>", priority: 1),
    text("NOMINATED NODE", "status.nominatedNodeName", default: "<none>", priority: 1),
    TableColumn("READINESS GATES", priority: 1) { o, _ in
      guard let gates = o.content[path: "spec.readinessGates"]?.array, !gates.isEmpty else { return "<none>" }
      let conditions = o.content[path: "status.conditions"]?.array ?? []
      let ready = gates.filter { gate in
        conditions.contains { $0["type"] == gate["conditionType"] && $0["status"]?.string == "True" }
      }.count
      return "\(ready)/\(gates.count)"
    },
  ]

  // MARK: Workloads

  static let deployment: [TableColumn] = [
    name,
    TableColumn("READY") { o, _ in "\(int(o, "status.readyReplicas"))/\(o.content[path: "spec.replicas"]?.int ?? 1)" },
    TableColumn("UP-TO-DATE") { o, _ in String(int(o, "status.updatedReplicas")) },
    TableColumn("AVAILABLE") { o, _ in String(int(o, "status.availableReplicas")) },
    age, containerNames(), images(), selector,
  ]

  static let replicaSet: [TableColumn] = [
    name,
    TableColumn("DESIRED") { o, _ in String(o.content[path: "spec.replicas"]?.int ?? 1) },
    TableColumn("CURRENT") { o, _ in String(int(o, "status.replicas")) },
    TableColumn("READY") { o, _ in String(int(o, "status.readyReplicas")) },
    age, containerNames(), images(), selector,
  ]

  static let daemonSet: [TableColumn] = [
    name,
    TableColumn("DESIRED") { o, _ in String(int(o, "status.desiredNumberScheduled")) },
    TableColumn("CURRENT") { o, _ in String(int(o, "status.currentNumberScheduled")) },
    TableColumn("READY") { o, _ in String(int(o, "status.numberReady")) },
    TableColumn("UP-TO-DATE") { o, _ in String(int(o, "status.updatedNumberScheduled")) },
    TableColumn("AVAILABLE") { o, _ in String(int(o, "status.numberAvailable")) },
    TableColumn("NODE SELECTOR") { o, _ in formatLabels(Object.stringMap(o.content[path: "spec.template.spec.nodeSelector"])) },
    age, containerNames(), images(), selector,
  ]

  static let statefulSet: [TableColumn] = [
    name,
    TableColumn("READY") { o, _ in "\(int(o, "status.readyReplicas"))/\(o.content[path: "spec.replicas"]?.int ?? 1)" },
    age, containerNames(), images(),
  ]

  static let job: [TableColumn] = [
    name,
    TableColumn("STATUS") { o, _ in jobStatus(o) },
    TableColumn("COMPLETIONS") { o, _ in
      let succeeded = int(o, "status.succeeded")
      if let completions = o.content[path: "spec.completions"]?.int {
        return "\(succeeded)/\(completions)"
      }
      let parallelism = o.content[path: "spec.parallelism"]?.int ?? 1
      return parallelism > 1 ? "\(succeeded)/1 of \(parallelism)" : "\(succeeded)/1"
    },
    TableColumn("DURATION") { o, c in
      guard let start = Timestamp.parse(o.content[path: "status.startTime"]?.string) else { return "" }
      let end = Timestamp.parse(o.content[path: "status.completionTime"]?.string) ?? c.now
      return HumanDuration.format(end.timeIntervalSince(start))
    },
    age, containerNames(), images(), selector,
  ]

  static func jobStatus(_ job: Object) -> String {
    let conditions = job.content[path: "status.conditions"]?.array ?? []
    func has(_ type: String) -> Bool {
      conditions.contains { $0["type"]?.string == type && $0["status"]?.string == "True" }
    }
    if has("Failed") { return "Failed" }
    if has("Complete") { return "Complete" }
    if has("Suspended") { return "Suspended" }
    if has("FailureTarget") { return "FailureTarget" }
    if has("SuccessCriteriaMet") { return "SuccessCriteriaMet" }
    if job.isTerminating { return "Terminating" }
    return "Running"
  }

  static let cronJob: [TableColumn] = [
    name, text("SCHEDULE", "spec.schedule"), text("TIMEZONE", "spec.timeZone", default: "<none>"),
    TableColumn("SUSPEND") { o, _ in o.content[path: "spec.suspend"]?.bool == true ? "True" : "False" },
    TableColumn("ACTIVE") { o, _ in String(o.content[path: "status.active"]?.array?.count ?? 0) },
    TableColumn("LAST SCHEDULE") { o, c in
      guard let last = Timestamp.parse(o.content[path: "status.lastScheduleTime"]?.string) else { return "<none>" }
      return HumanDuration.since(last, now: c.now)
    },
    age,
    containerNames("spec.jobTemplate.spec.template.spec.containers"),
    images("spec.jobTemplate.spec.template.spec.containers"),
    TableColumn("SELECTOR", priority: 1) { o, _ in selectorText(o.content[path: "spec.jobTemplate.spec.selector"], emptyIsNone: true) },
  ]

  // MARK: Services and networking

  static let service: [TableColumn] = [
    name, text("TYPE", "spec.type", default: "ClusterIP"),
    TableColumn("CLUSTER-IP") { o, _ in
      if o.content[path: "spec.type"]?.string == "ExternalName" { return "<none>" }
      return o.content[path: "spec.clusterIP"]?.string ?? "<none>"
    },
    TableColumn("EXTERNAL-IP") { o, _ in externalIP(o) },
    TableColumn("PORT(S)") { o, _ in servicePorts(o) },
    age,
    TableColumn("SELECTOR", priority: 1) { o, _ in formatLabels(Object.stringMap(o.content[path: "spec.selector"])) },
  ]

  static func externalIP(_ service: Object) -> String {
    let external = service.content[path: "spec.externalIPs"]?.array?.compactMap(\.string) ?? []
    switch service.content[path: "spec.type"]?.string ?? "ClusterIP" {
    case "ClusterIP", "NodePort":
      return external.isEmpty ? "<none>" : external.joined(separator: ",")
    case "LoadBalancer":
      let ingress = (service.content[path: "status.loadBalancer.ingress"]?.array ?? []).compactMap {
        $0["ip"]?.string ?? $0["hostname"]?.string
      }
      let all = ingress + external
      return all.isEmpty ? "<pending>" : all.joined(separator: ",")
    case "ExternalName":
      return service.content[path: "spec.externalName"]?.string ?? "<none>"
    default:
      return "<unknown>"
    }
  }

  static func servicePorts(_ service: Object) -> String {
    let ports = service.content[path: "spec.ports"]?.array ?? []
    guard !ports.isEmpty else { return "<none>" }
    return ports.map { port in
      let number = port["port"]?.int ?? 0
      let proto = port["protocol"]?.string ?? "TCP"
      if let nodePort = port["nodePort"]?.int, nodePort != 0 {
        return "\(number):\(nodePort)/\(proto)"
      }
      return "\(number)/\(proto)"
    }.joined(separator: ",")
  }

  static func endpoints(_ object: Object) -> String {
    let subsets = object.content["subsets"]?.array ?? []
    guard !subsets.isEmpty else { return "<none>" }
    var list: [String] = []
    var more = false
    var count = 0
    for subset in subsets {
      let addresses = subset["addresses"]?.array ?? []
      let ports = subset["ports"]?.array ?? []
      if ports.isEmpty {
        count += addresses.count
        for address in addresses {
          if list.count == 3 {
            more = true
            break
          }
          list.append(address["ip"]?.string ?? "")
        }
        continue
      }
      for port in ports {
        count += addresses.count
        for address in addresses {
          if list.count == 3 {
            more = true
            break
          }
          list.append("\(address["ip"]?.string ?? ""):\(port["port"]?.int ?? 0)")
        }
      }
    }
    let joined = list.joined(separator: ",")
    return more ? "\(joined) + \(count - 3) more..." : joined
  }

  static let endpointSlice: [TableColumn] = [
    name, text("ADDRESSTYPE", "addressType"),
    TableColumn("PORTS") { o, _ in
      guard let ports = o.content["ports"]?.array, !ports.isEmpty else { return "<unset>" }
      return ports.map { $0["port"]?.int.map(String.init) ?? "<unset>" }.joined(separator: ",")
    },
    TableColumn("ENDPOINTS") { o, _ in
      let addresses = (o.content["endpoints"]?.array ?? []).flatMap { $0["addresses"]?.array?.compactMap(\.string) ?? [] }
      guard !addresses.isEmpty else { return "<unset>" }
      let shown = addresses.prefix(3).joined(separator: ",")
      return addresses.count > 3 ? "\(shown) + \(addresses.count - 3) more..." : shown
    },
    age,
  ]

  static let ingress: [TableColumn] = [
    name,
    text("CLASS", "spec.ingressClassName", default: "<none>"),
    TableColumn("HOSTS") { o, _ in
      let hosts = (o.content[path: "spec.rules"]?.array ?? []).map { $0["host"]?.string ?? "*" }
      return hosts.isEmpty ? "*" : hosts.joined(separator: ",")
    },
    TableColumn("ADDRESS") { o, _ in
      (o.content[path: "status.loadBalancer.ingress"]?.array ?? []).compactMap { $0["ip"]?.string ?? $0["hostname"]?.string }.joined(separator: ",")
    },
    TableColumn("PORTS") { o, _ in
      (o.content[path: "spec.tls"]?.array ?? []).isEmpty ? "80" : "80, 443"
    },
    age,
  ]

  // MARK: Nodes and storage

  static let node: [TableColumn] = [
    name,
    TableColumn("STATUS") { o, _ in nodeStatus(o) },
    TableColumn("ROLES") { o, _ in
      let roles = o.labels.keys.compactMap { key -> String? in
        if key.hasPrefix("node-role.kubernetes.io/") { return String(key.dropFirst("node-role.kubernetes.io/".count)) }
        if key == "kubernetes.io/role" { return o.labels[key] }
        return nil
      }.filter { !$0.isEmpty }.sorted()
      return roles.isEmpty ? "<none>" : roles.joined(separator: ",")
    },
    age,
    text("VERSION", "status.nodeInfo.kubeletVersion"),
    TableColumn("INTERNAL-IP", priority: 1) { o, _ in address(o, "InternalIP") },
    TableColumn("EXTERNAL-IP", priority: 1) { o, _ in address(o, "ExternalIP") },
    text("OS-IMAGE", "status.nodeInfo.osImage", default: "<unknown>", priority: 1),
    text("KERNEL-VERSION", "status.nodeInfo.kernelVersion", default: "<unknown>", priority: 1),
    text("CONTAINER-RUNTIME", "status.nodeInfo.containerRuntimeVersion", default: "<unknown>", priority: 1),
  ]

  static func address(_ node: Object, _ type: String) -> String {
    (node.content[path: "status.addresses"]?.array ?? []).first { $0["type"]?.string == type }?["address"]?.string ?? "<none>"
  }

  package static func nodeStatus(_ node: Object) -> String {
    let ready = (node.content[path: "status.conditions"]?.array ?? []).first { $0["type"]?.string == "Ready" }
    var status: String
    switch ready?["status"]?.string {
    case "True": status = "Ready"
    case "False": status = "NotReady"
    case nil: status = "Unknown"
    default: status = "NotReady"
    }
    if node.content[path: "spec.unschedulable"]?.bool == true { status += ",SchedulingDisabled" }
    return status
  }

  static func accessModes(_ value: JSONValue?) -> String {
    let short = ["ReadWriteOnce": "RWO", "ReadOnlyMany": "ROX", "ReadWriteMany": "RWX", "ReadWriteOncePod": "RWOP"]
    return (value?.array ?? []).compactMap { $0.string.flatMap { short[$0] } }.joined(separator: ",")
  }

  static let persistentVolume: [TableColumn] = [
    name, text("CAPACITY", "spec.capacity.storage"),
    TableColumn("ACCESS MODES") { o, _ in accessModes(o.content[path: "spec.accessModes"]) },
    text("RECLAIM POLICY", "spec.persistentVolumeReclaimPolicy"), text("STATUS", "status.phase"),
    TableColumn("CLAIM") { o, _ in
      guard let ref = o.content[path: "spec.claimRef"] else { return "" }
      return "\(ref["namespace"]?.string ?? "")/\(ref["name"]?.string ?? "")"
    },
    text("STORAGECLASS", "spec.storageClassName"),
    text("VOLUMEATTRIBUTESCLASS", "spec.volumeAttributesClassName", default: "<unset>"),
    text("REASON", "status.reason"), age,
    text("VOLUMEMODE", "spec.volumeMode", default: "Filesystem", priority: 1),
  ]

  static let persistentVolumeClaim: [TableColumn] = [
    name, text("STATUS", "status.phase"), text("VOLUME", "spec.volumeName"),
    text("CAPACITY", "status.capacity.storage"),
    TableColumn("ACCESS MODES") { o, _ in accessModes(o.content[path: "status.accessModes"]) },
    text("STORAGECLASS", "spec.storageClassName", default: "<unset>"),
    text("VOLUMEATTRIBUTESCLASS", "spec.volumeAttributesClassName", default: "<unset>"), age,
    text("VOLUMEMODE", "spec.volumeMode", default: "Filesystem", priority: 1),
  ]

  static let resourceQuota: [TableColumn] = [
    name, age,
    TableColumn("REQUEST") { o, _ in quota(o, limits: false) },
    TableColumn("LIMIT") { o, _ in quota(o, limits: true) },
  ]

  static func quota(_ o: Object, limits: Bool) -> String {
    let hard = o.content[path: "status.hard"]?.object ?? o.content[path: "spec.hard"]?.object ?? JSONObject()
    let used = o.content[path: "status.used"]?.object ?? JSONObject()
    return hard.keys.sorted().filter { $0.hasPrefix("limits.") == limits }.map {
      "\($0): \(used[$0]?.scalarText ?? "0")/\(hard[$0]?.scalarText ?? "")"
    }.joined(separator: ", ")
  }

  static let horizontalPodAutoscaler: [TableColumn] = [
    name,
    TableColumn("REFERENCE") { o, _ in "\(o.content[path: "spec.scaleTargetRef.kind"]?.string ?? "")/\(o.content[path: "spec.scaleTargetRef.name"]?.string ?? "")" },
    TableColumn("TARGETS") { o, _ in
      let metrics = o.content[path: "spec.metrics"]?.array ?? []
      let current = o.content[path: "status.currentMetrics"]?.array ?? []
      guard !metrics.isEmpty else { return "<none>" }
      return metrics.enumerated().map { index, metric in
        let name = metric[path: "resource.name"]?.string ?? ""
        let target = metric[path: "resource.target.averageUtilization"]?.int.map { "\($0)%" } ?? metric[path: "resource.target.averageValue"]?.scalarText ?? ""
        let value = current.indices.contains(index) ? (current[index][path: "resource.current.averageUtilization"]?.int.map { "\($0)%" } ?? "<unknown>") : "<unknown>"
        return "\(name): \(value)/\(target)"
      }.joined(separator: ", ")
    },
    text("MINPODS", "spec.minReplicas", default: "1"), text("MAXPODS", "spec.maxReplicas"),
    text("REPLICAS", "status.currentReplicas", default: "0"), age,
  ]

  // MARK: Events

  static let event: [TableColumn] = [
    TableColumn("LAST SEEN") { o, c in
      let first = Timestamp.parse(o.content["firstTimestamp"]?.string) ?? Timestamp.parse(o.content["eventTime"]?.string)
      let last = Timestamp.parse(o.content["lastTimestamp"]?.string) ?? first
      return HumanDuration.since(last, now: c.now)
    },
    text("TYPE", "type"), text("REASON", "reason"),
    TableColumn("OBJECT") { o, _ in
      let kind = (o.content[path: "involvedObject.kind"]?.string ?? "").lowercased()
      let name = o.content[path: "involvedObject.name"]?.string ?? ""
      return name.isEmpty ? kind : "\(kind)/\(name)"
    },
    text("SUBOBJECT", "involvedObject.fieldPath", priority: 1),
    TableColumn("SOURCE", priority: 1) { o, _ in
      let component = o.content[path: "source.component"]?.string ?? o.content["reportingComponent"]?.string ?? ""
      if let host = o.content[path: "source.host"]?.string, !host.isEmpty { return "\(component), \(host)" }
      return component
    },
    TableColumn("MESSAGE") { o, _ in (o.content["message"]?.string ?? "").trimmingCharacters(in: .whitespacesAndNewlines) },
    TableColumn("FIRST SEEN", priority: 1) { o, c in
      HumanDuration.since(Timestamp.parse(o.content["firstTimestamp"]?.string), now: c.now)
    },
    text("COUNT", "count", priority: 1),
    TableColumn("NAME", priority: 1) { o, _ in o.name },
  ]
}
