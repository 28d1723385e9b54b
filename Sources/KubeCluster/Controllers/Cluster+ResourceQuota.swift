import Foundation

/// What the quota evaluators count: for each kind, the quota resource names
/// that can limit it and what one object of it uses.
enum QuotaUsage {
  /// The compute resources a pod's containers request or are limited to.
  static let computeResources = ["cpu", "memory", "ephemeral-storage"]

  /// The resources a quota on pods can name.
  static let podResources: Set<String> = [
    "pods", "count/pods", "cpu", "memory", "ephemeral-storage", "requests.cpu",
    "requests.memory", "requests.ephemeral-storage", "limits.cpu", "limits.memory",
    "limits.ephemeral-storage",
  ]

  /// Resources whose quota obliges every container to say how much it wants.
  static let mustSpecify: Set<String> = [
    "cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory",
  ]

  /// The pre-`count/` names that still count objects of a few kinds.
  static func legacyName(_ kind: Kind) -> String? {
    switch kind {
    case .pod: "pods"
    case .service: "services"
    case .configMap: "configmaps"
    case .secret: "secrets"
    case .persistentVolumeClaim: "persistentvolumeclaims"
    case .resourceQuota: "resourcequotas"
    default: nil
    }
  }

  /// `count/pods`, `count/deployments.apps`.
  static func countName(_ kind: Kind) -> String {
    kind.group.isEmpty ? "count/\(kind.resource)" : "count/\(kind.resource).\(kind.group)"
  }

  /// Every resource name a quota may hold that limits objects of `kind`.
  static func matching(_ kind: Kind, _ names: [String]) -> [String] {
    names.filter { name in
      if name == countName(kind) || name == legacyName(kind) { return true }
      switch kind {
      case .pod: return podResources.contains(name)
      case .service: return name == "services.nodeports" || name == "services.loadbalancers"
      case .persistentVolumeClaim: return name == "requests.storage"
      default: return false
      }
    }
  }

  /// The kind whose objects a quota resource name counts.
  static func kind(of name: String) -> Kind? {
    if podResources.contains(name) { return .pod }
    switch name {
    case "services.nodeports", "services.loadbalancers": return .service
    case "requests.storage": return .persistentVolumeClaim
    default: break
    }
    return Kind.allCases.first { legacyName($0) == name || countName($0) == name }
  }

  /// What one object uses, as the evaluator for its kind measures it.
  static func usage(of object: Object, now: Date) -> [String: Quantity] {
    var result: [String: Quantity] = [countName(object.kind): Quantity(whole: 1, format: .decimalSI)]
    if let legacy = legacyName(object.kind), object.kind != .pod {
      result[legacy] = Quantity(whole: 1, format: .decimalSI)
    }
    switch object.kind {
    case .pod:
      guard chargesCompute(object, now: now) else { break }
      result["pods"] = Quantity(whole: 1, format: .decimalSI)
      let (requests, limits) = podRequirements(object)
      for (name, value) in requests {
        result["requests.\(name)"] = value
        result[name] = value
      }
      for (name, value) in limits { result["limits.\(name)"] = value }
    case .service:
      let type = object.content[path: "spec.type"]?.string ?? "ClusterIP"
      let ports = object.content[path: "spec.ports"]?.array?.count ?? 0
      if type == "LoadBalancer" { result["services.loadbalancers"] = Quantity(whole: 1, format: .decimalSI) }
      if type == "NodePort" || type == "LoadBalancer" {
        result["services.nodeports"] = Quantity(whole: Int64(ports), format: .decimalSI)
      }
    case .persistentVolumeClaim:
      if let storage = Quantity(object.content[path: "spec.resources.requests.storage"]) {
        result["requests.storage"] = storage
      }
    default:
      break
    }
    return result
  }

  /// A pod stops using compute quota once it has finished, or once its
  /// grace period has run out.
  static func chargesCompute(_ pod: Object, now: Date) -> Bool {
    let phase = pod.content[path: "status.phase"]?.string
    if phase == "Succeeded" || phase == "Failed" { return false }
    if let deletion = pod.deletionTimestamp,
      let grace = pod.content[path: "metadata.deletionGracePeriodSeconds"]?.int,
      now > deletion.addingTimeInterval(Double(grace))
    {
      return false
    }
    return true
  }

  /// The pod's requests and limits: the sum over its containers, or the
  /// largest init container's when that is more.
  static func podRequirements(_ pod: Object) -> (requests: [String: Quantity], limits: [String: Quantity]) {
    func total(_ field: String) -> [String: Quantity] {
      var sum: [String: Quantity] = [:]
      for container in pod.content[path: "spec.containers"]?.array ?? [] {
        for name in computeResources {
          guard let value = Quantity(container[path: "resources.\(field).\(name)"]) else { continue }
          sum[name] = sum[name].map { $0.adding(value) } ?? value
        }
      }
      for container in pod.content[path: "spec.initContainers"]?.array ?? [] {
        for name in computeResources {
          guard let value = Quantity(container[path: "resources.\(field).\(name)"]) else { continue }
          if let current = sum[name], !(current < value) { continue }
          sum[name] = value
        }
      }
      return sum
    }
    return (total("requests"), total("limits"))
  }

  /// Whether a pod falls in a quota's scopes; objects of other kinds fall
  /// in no scope.
  static func inScopes(_ quota: Object, _ object: Object) -> Bool {
    var scopes: [(name: String, op: String, values: [String])] =
      (quota.content[path: "spec.scopes"]?.array ?? []).compactMap { $0.string }.map { ($0, "Exists", []) }
    for expression in quota.content[path: "spec.scopeSelector.matchExpressions"]?.array ?? [] {
      scopes.append((
        expression["scopeName"]?.string ?? "", expression["operator"]?.string ?? "",
        expression["values"]?.array?.compactMap(\.string) ?? []
      ))
    }
    guard !scopes.isEmpty else { return true }
    guard object.kind == .pod else { return false }
    let deadline = object.content[path: "spec.activeDeadlineSeconds"]?.int.map { $0 >= 0 } ?? false
    let bestEffort = podRequirements(object) == ([:], [:])
    return scopes.allSatisfy { scope in
      switch scope.name {
      case "Terminating": return deadline
      case "NotTerminating": return !deadline
      case "BestEffort": return bestEffort
      case "NotBestEffort": return !bestEffort
      case "PriorityClass":
        let priority = object.content[path: "spec.priorityClassName"]?.string ?? ""
        switch scope.op {
        case "Exists": return !priority.isEmpty
        case "DoesNotExist": return priority.isEmpty
        case "In": return scope.values.contains(priority)
        case "NotIn": return !scope.values.contains(priority)
        default: return false
        }
      default: return false
      }
    }
  }

  /// `cpu=500m,memory=1Gi`, sorted by name, as the admission errors print it.
  static func pretty(_ list: [String: Quantity]) -> String {
    list.keys.sorted().map { "\($0)=\(list[$0]!)" }.joined(separator: ",")
  }
}

extension Cluster {
  /// The resourcequota-controller: copies `spec.hard` to the status and
  /// counts what the namespace uses of each resource it names.
  mutating func reconcileResourceQuota(_ key: ObjectKey) {
    guard var quota = store.get(key), !quota.isTerminating else { return }
    let hard = quota.content[path: "spec.hard"]?.object ?? JSONObject()
    let used = quotaUsed(quota, names: hard.map(\.key))
    var hardStatus = JSONObject()
    var usedStatus = JSONObject()
    for (name, value) in hard {
      hardStatus[name] = .string(Quantity(value)?.description ?? value.scalarText)
      usedStatus[name] = .string(used[name]?.description ?? "0")
    }
    let status: JSONValue = ["hard": .object(hardStatus), "used": .object(usedStatus)]
    guard quota.content["status"]?.sortedKeys != status.sortedKeys else { return }
    quota.content["status"] = status
    write(quota, by: "resourcequota-controller", summary: "usage recalculated")
  }

  /// What the quota's namespace uses now of each of `names`, counting the
  /// objects in the quota's scopes.
  func quotaUsed(_ quota: Object, names: [String]) -> [String: Quantity] {
    var used: [String: Quantity] = [:]
    let kinds = Set(names.compactMap(QuotaUsage.kind(of:))).sorted()
    for kind in kinds {
      for object in store.list(kind, in: quota.namespace) where QuotaUsage.inScopes(quota, object) {
        for (name, value) in QuotaUsage.usage(of: object, now: now) where names.contains(name) {
          used[name] = used[name].map { $0.adding(value) } ?? value
        }
      }
    }
    return used
  }

  /// The quotas that must look again after a change to `object`.
  func quotasAffected(by object: Object) -> [ObjectKey] {
    guard object.kind.isNamespaced, object.kind != .event else { return [] }
    return store.list(.resourceQuota, in: object.namespace).map(\.key)
  }
}
