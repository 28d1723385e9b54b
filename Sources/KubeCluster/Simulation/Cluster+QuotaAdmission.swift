import Foundation

extension Cluster {
  /// The ResourceQuota admission plugin: refuses a new object that a quota
  /// of its namespace does not leave room for, or a pod that does not state
  /// the requests and limits a quota obliges it to.
  func admitQuota(_ object: Object) throws(APIError) {
    guard object.kind.isNamespaced else { return }
    let quotas = store.list(.resourceQuota, in: object.namespace).sorted { $0.name < $1.name }
    guard !quotas.isEmpty else { return }
    let usage = QuotaUsage.usage(of: object, now: now)
    for quota in quotas {
      let hard = quota.content[path: "status.hard"]?.object ?? JSONObject()
      let limited = QuotaUsage.matching(object.kind, hard.map(\.key))
      guard !limited.isEmpty, QuotaUsage.inScopes(quota, object) else { continue }
      if object.kind == .pod, let missing = missingRequirements(object, limited) {
        throw .forbidden(object.kind, object.name, "failed quota: \(quota.name): must specify \(missing)")
      }
      let used = quotaUsed(quota, names: limited)
      var requested: [String: Quantity] = [:]
      var usedNow: [String: Quantity] = [:]
      var limits: [String: Quantity] = [:]
      for name in limited {
        guard let amount = usage[name], !amount.isZero, let limit = Quantity(hard[name]) else { continue }
        let current = used[name] ?? Quantity(whole: 0, format: .decimalSI)
        if limit < current.adding(amount) {
          requested[name] = amount
          usedNow[name] = current
          limits[name] = limit
        }
      }
      guard requested.isEmpty else {
        throw .forbidden(
          object.kind, object.name,
          "exceeded quota: \(quota.name), requested: \(QuotaUsage.pretty(requested)), used: \(QuotaUsage.pretty(usedNow)), limited: \(QuotaUsage.pretty(limits))"
        )
      }
    }
  }

  /// `limits.cpu for: app,sidecar; requests.memory for: app`, or nil when
  /// every container states what the quota needs.
  private func missingRequirements(_ pod: Object, _ limited: [String]) -> String? {
    let required = Set(limited).intersection(QuotaUsage.mustSpecify)
    var missing: [String: Set<String>] = [:]
    for field in ["containers", "initContainers"] {
      for container in pod.content[path: "spec.\(field)"]?.array ?? [] {
        var stated: Set<String> = []
        for name in ["cpu", "memory"] {
          if container[path: "resources.requests.\(name)"] != nil { stated.formUnion([name, "requests.\(name)"]) }
          if container[path: "resources.limits.\(name)"] != nil { stated.insert("limits.\(name)") }
        }
        for resource in required.subtracting(stated) {
          missing[resource, default: []].insert(container["name"]?.string ?? "")
        }
      }
    }
    guard !missing.isEmpty else { return nil }
    return missing.keys.sorted().map { "\($0) for: \(missing[$0]!.sorted().joined(separator: ","))" }
      .joined(separator: "; ")
  }
}
