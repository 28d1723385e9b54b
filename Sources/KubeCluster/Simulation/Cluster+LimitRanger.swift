import Foundation

extension Cluster {
  /// The LimitRanger admission plugin for pods: fills in the default
  /// requests and limits of each `Container` limit, records what it set in
  /// the `kubernetes.io/limit-ranger` annotation, then enforces min, max
  /// and the limit/request ratio per container and per pod.
  func admitLimitRanges(_ pod: inout Object) throws(APIError) {
    let ranges = store.list(.limitRange, in: pod.namespace).sorted { $0.name < $1.name }
    guard !ranges.isEmpty else { return }
    var problems: [String] = []
    for range in ranges {
      let items = range.content[path: "spec.limits"]?.array ?? []
      applyContainerDefaults(&pod, items)
      for item in items {
        let type = item["type"]?.string ?? ""
        if type == "Container" {
          for container in pod.content[path: "spec.containers"]?.array ?? [] {
            problems += Self.limitProblems(
              item, type: type, requests: Self.resourceList(container[path: "resources.requests"]),
              limits: Self.resourceList(container[path: "resources.limits"]))
          }
        } else if type == "Pod" {
          let containers = pod.content[path: "spec.containers"]?.array ?? []
          problems += Self.limitProblems(
            item, type: type,
            requests: Self.podSum(containers.map { Self.resourceList($0[path: "resources.requests"]) }),
            limits: Self.podSum(containers.map { Self.resourceList($0[path: "resources.limits"]) }))
        }
      }
    }
    guard !problems.isEmpty else { return }
    let body = problems.count == 1 ? problems[0] : "[" + problems.joined(separator: ", ") + "]"
    throw .forbidden(.pod, pod.name, body)
  }

  /// Defaults from the first `Container` item that has any, as
  /// `defaultContainerResourceRequirements` picks them.
  private func applyContainerDefaults(_ pod: inout Object, _ items: [JSONValue]) {
    guard let item = items.first(where: { $0["type"]?.string == "Container" }) else { return }
    let defaultLimits = item["default"]?.object ?? JSONObject()
    let defaultRequests = item["defaultRequest"]?.object ?? JSONObject()
    guard !defaultLimits.isEmpty || !defaultRequests.isEmpty else { return }
    var notes: [String] = []
    for (field, label) in [("containers", "container"), ("initContainers", "init container")] {
      guard var containers = pod.content[path: "spec.\(field)"]?.array else { continue }
      for index in containers.indices {
        var setLimits: [String] = []
        var setRequests: [String] = []
        for (name, value) in defaultLimits where containers[index][path: "resources.limits.\(name)"] == nil {
          containers[index][path: "resources.limits.\(name)"] = value
          setLimits.append(name)
        }
        for (name, value) in defaultRequests where containers[index][path: "resources.requests.\(name)"] == nil {
          containers[index][path: "resources.requests.\(name)"] = value
          setRequests.append(name)
        }
        let name = containers[index]["name"]?.string ?? ""
        if !setRequests.isEmpty { notes.append(setRequests.sorted().joined(separator: ", ") + " request for \(label) \(name)") }
        if !setLimits.isEmpty { notes.append(setLimits.sorted().joined(separator: ", ") + " limit for \(label) \(name)") }
      }
      pod.content[path: "spec.\(field)"] = .array(containers)
    }
    guard !notes.isEmpty else { return }
    var annotations = pod.annotations
    annotations["kubernetes.io/limit-ranger"] = "LimitRanger plugin set: " + notes.joined(separator: "; ")
    pod.annotations = annotations
  }

  private static func resourceList(_ json: JSONValue?) -> [String: Quantity] {
    var list: [String: Quantity] = [:]
    for (name, value) in json?.object ?? JSONObject() {
      if let quantity = Quantity(value) { list[name] = quantity }
    }
    return list
  }

  /// A resource summed over containers, kept only when every container names it.
  private static func podSum(_ lists: [[String: Quantity]]) -> [String: Quantity] {
    guard let first = lists.first else { return [:] }
    var result: [String: Quantity] = [:]
    for name in first.keys where lists.allSatisfy({ $0[name] != nil }) {
      let milli = lists.reduce(Int64(0)) { $0 + (name == "cpu" ? $1[name]!.milli : $1[name]!.value * 1000) }
      result[name] = name == "cpu"
        ? Quantity(mantissa: Int(milli), exponent: -3, format: .decimalSI)
        : Quantity(whole: milli / 1000, format: .decimalSI)
    }
    return result
  }

  /// The min, max and ratio checks of one LimitRange item, worded as the
  /// plugin words them.
  private static func limitProblems(
    _ item: JSONValue, type: String, requests: [String: Quantity], limits: [String: Quantity]
  ) -> [String] {
    var problems: [String] = []
    for (name, value) in (item["min"]?.object ?? JSONObject()).sorted(by: { $0.key < $1.key }) {
      guard let enforced = Quantity(value) else { continue }
      if let request = requests[name] {
        if request.milli < enforced.milli {
          problems.append("minimum \(name) usage per \(type) is \(enforced), but request is \(request).")
        } else if let limit = limits[name], limit.milli < enforced.milli {
          problems.append("minimum \(name) usage per \(type) is \(enforced), but limit is \(limit).")
        }
      } else {
        problems.append("minimum \(name) usage per \(type) is \(enforced).  No request is specified.")
      }
    }
    for (name, value) in (item["max"]?.object ?? JSONObject()).sorted(by: { $0.key < $1.key }) {
      guard let enforced = Quantity(value) else { continue }
      if let limit = limits[name] {
        if limit.milli > enforced.milli {
          problems.append("maximum \(name) usage per \(type) is \(enforced), but limit is \(limit).")
        } else if let request = requests[name], request.milli > enforced.milli {
          problems.append("maximum \(name) usage per \(type) is \(enforced), but request is \(request).")
        }
      } else {
        problems.append("maximum \(name) usage per \(type) is \(enforced).  No limit is specified.")
      }
    }
    for (name, value) in (item["maxLimitRequestRatio"]?.object ?? JSONObject()).sorted(by: { $0.key < $1.key }) {
      guard let enforced = Quantity(value) else { continue }
      guard let request = requests[name], request.milli != 0 else {
        problems.append("\(name) max limit to request ratio per \(type) is \(enforced), but no request is specified or request is 0.")
        continue
      }
      guard let limit = limits[name], limit.milli != 0 else {
        problems.append("\(name) max limit to request ratio per \(type) is \(enforced), but no limit is specified or limit is 0.")
        continue
      }
      let ratio = Double(limit.milli) / Double(request.milli)
      if ratio * 1000 > Double(enforced.milli) {
        problems.append("\(name) max limit to request ratio per \(type) is \(enforced), but provided ratio is \(String(format: "%f", ratio)).")
      }
    }
    return problems
  }
}
