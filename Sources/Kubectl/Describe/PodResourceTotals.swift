import KubeCluster

/// A pod's summed requests and limits, as kubectl's
/// `resourcehelper.PodRequestsAndLimits` computes them: the app containers
/// and sidecars (init containers with `restartPolicy: Always`) add up, an
/// ordinary init container counts only where it needs more than that, and
/// the pod's overhead is added on top.
struct PodResourceTotals {
  var requests: [String: Quantity] = [:]
  var limits: [String: Quantity] = [:]

  init(_ pod: Object) {
    let spec = pod.content["spec"] ?? .emptyObject
    requests = Self.total(spec, field: "requests")
    limits = Self.total(spec, field: "limits")
    for (name, value) in Self.list(spec["overhead"]) {
      Self.add(&requests, name, value)
      if let limit = limits[name], !limit.isZero { limits[name] = limit.adding(value) }
    }
  }

  /// The sum over a list of pods, as describe node's Allocated resources.
  init(_ pods: [Object]) {
    for pod in pods {
      let one = PodResourceTotals(pod)
      for (name, value) in one.requests { Self.add(&requests, name, value) }
      for (name, value) in one.limits { Self.add(&limits, name, value) }
    }
  }

  private static func total(_ spec: JSONValue, field: String) -> [String: Quantity] {
    var sum: [String: Quantity] = [:]
    for container in spec["containers"]?.array ?? [] {
      for (name, value) in list(container[path: "resources.\(field)"]) { add(&sum, name, value) }
    }
    var sidecars: [String: Quantity] = [:]
    var initMax: [String: Quantity] = [:]
    for container in spec["initContainers"]?.array ?? [] {
      var needs: [String: Quantity]
      if container["restartPolicy"]?.string == "Always" {
        for (name, value) in list(container[path: "resources.\(field)"]) {
          add(&sum, name, value)
          add(&sidecars, name, value)
        }
        needs = sidecars
      } else {
        needs = [:]
        for (name, value) in list(container[path: "resources.\(field)"]) { add(&needs, name, value) }
        for (name, value) in sidecars { add(&needs, name, value) }
      }
      raise(&initMax, to: needs)
    }
    raise(&sum, to: initMax)
    return sum
  }

  private static func list(_ value: JSONValue?) -> [(String, Quantity)] {
    guard let object = value?.object else { return [] }
    return object.keys.sorted().compactMap { name in Quantity(object[name]).map { (name, $0) } }
  }

  private static func add(_ list: inout [String: Quantity], _ name: String, _ value: Quantity) {
    list[name] = list[name].map { $0.adding(value) } ?? value
  }

  private static func raise(_ list: inout [String: Quantity], to other: [String: Quantity]) {
    for (name, value) in other where list[name].map({ value > $0 }) ?? true { list[name] = value }
  }
}
