import Foundation
import KubeCluster
import Testing

/// ResourceQuota and LimitRange at admission, worded as the API server words them.
@Suite("Quota and LimitRange admission")
struct AdmissionTests {
  static func pod(_ name: String, namespace: String = "default", requests: JSONValue? = nil, limits: JSONValue? = nil) -> Object {
    var pod = Object(.pod, name: name, namespace: namespace)
    var container: JSONValue = ["name": .string(name), "image": "nginx"]
    if let requests { container[path: "resources.requests"] = requests }
    if let limits { container[path: "resources.limits"] = limits }
    pod.content["spec"] = ["containers": [container]]
    return pod
  }

  static func quota(_ hard: JSONValue, name: String = "q") -> Object {
    var quota = Object(.resourceQuota, name: name, namespace: "default")
    quota.content["spec"] = ["hard": hard]
    return quota
  }

  static func message(_ body: () throws(APIError) -> Void) -> String? {
    do {
      try body()
      return nil
    } catch {
      return "\(error.reason): \(error.message)"
    }
  }

  @Test("a pod over the pod count is refused and the status counts what is used")
  func podCount() throws {
    var cluster = Cluster.kind()
    try cluster.create(Self.quota(["pods": "2"]))
    try cluster.create(Self.pod("a"))
    try cluster.create(Self.pod("b"))
    let refused = Self.message { () throws(APIError) in try cluster.create(Self.pod("c")) }
    #expect(refused == "Forbidden: pods \"c\" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2")
    let quota = try cluster.get(ObjectKey(.resourceQuota, "q", in: "default"))
    #expect(quota.content[path: "status.used.pods"] == "2")
    #expect(quota.content[path: "status.hard.pods"] == "2")
  }

  @Test("a quota on cpu and memory names each container that states too little")
  func mustSpecify() throws {
    var cluster = Cluster.kind()
    try cluster.create(Self.quota(["requests.cpu": "1", "limits.memory": "1Gi"]))
    let refused = Self.message { () throws(APIError) in try cluster.create(Self.pod("bare")) }
    #expect(refused == "Forbidden: pods \"bare\" is forbidden: failed quota: q: must specify limits.memory for: bare; requests.cpu for: bare")
    try cluster.create(Self.pod("ok", requests: ["cpu": "600m"], limits: ["memory": "512Mi"]))
    let over = Self.message { () throws(APIError) in
      try cluster.create(Self.pod("more", requests: ["cpu": "500m"], limits: ["memory": "256Mi"]))
    }
    #expect(over == "Forbidden: pods \"more\" is forbidden: exceeded quota: q, requested: requests.cpu=500m, used: requests.cpu=600m, limited: requests.cpu=1")
  }

  @Test("a LimitRange fills in defaults, says so, and enforces its maximum")
  func limitRange() throws {
    var cluster = Cluster.kind()
    var range = Object(.limitRange, name: "lr", namespace: "default")
    range.content["spec"] = ["limits": [["type": "Container", "default": ["memory": "256Mi"], "defaultRequest": ["memory": "128Mi"], "max": ["memory": "512Mi"], "min": ["cpu": "100m"]]]]
    try cluster.create(range)
    // The minimum doubles as the default request, as the API server defaults a LimitRange.
    let bare = try cluster.create(Self.pod("p"))
    #expect(bare.annotations["kubernetes.io/limit-ranger"] == "LimitRanger plugin set: cpu, memory request for container p; memory limit for container p")
    let stored = try cluster.create(Self.pod("q", requests: ["cpu": "200m"]))
    #expect(stored.annotations["kubernetes.io/limit-ranger"] == "LimitRanger plugin set: memory request for container q; memory limit for container q")
    #expect(stored.content[path: "spec.containers"]?.array?.first?[path: "resources.limits.memory"] == "256Mi")
    let big = Self.message { () throws(APIError) in
      try cluster.create(Self.pod("big", requests: ["cpu": "50m"], limits: ["memory": "1Gi"]))
    }
    #expect(big == "Forbidden: pods \"big\" is forbidden: [minimum cpu usage per Container is 100m, but request is 50m., maximum memory usage per Container is 512Mi, but limit is 1Gi.]")
  }

  @Test("a ReplicaSet held back by a quota records FailedCreate and tries again once there is room")
  func replicaSetRetries() throws {
    var cluster = Cluster.kind()
    try cluster.create(Self.quota(["pods": "1"]))
    var replicaSet = Object(.replicaSet, name: "rs", namespace: "default")
    replicaSet.content["spec"] = [
      "replicas": 2, "selector": ["matchLabels": ["app": "rs"]],
      "template": ["metadata": ["labels": ["app": "rs"]], "spec": ["containers": [["name": "c", "image": "nginx"]]]],
    ]
    let stored = try cluster.create(replicaSet)
    cluster.advance(by: 5)
    let events = cluster.events(for: stored)
    #expect(events.contains { $0.content["reason"] == "FailedCreate" && ($0.content["message"]?.string ?? "").hasSuffix("is forbidden: exceeded quota: q, requested: pods=1, used: pods=1, limited: pods=1") })
    #expect(cluster.list(.pod, in: "default").count == 1)
    var quota = try cluster.get(ObjectKey(.resourceQuota, "q", in: "default"))
    quota.content[path: "spec.hard.pods"] = "2"
    try cluster.update(quota)
    cluster.advance(by: 1200)
    #expect(cluster.list(.pod, in: "default").count == 2)
  }

  @Test("quantities add exactly and keep the first non-zero format")
  func quantities() throws {
    let sum = try Quantity(parsing: "128Mi").adding(Quantity(parsing: "128Mi"))
    #expect(sum.description == "256Mi")
    #expect(try Quantity(parsing: "0").adding(Quantity(parsing: "1Gi")).description == "1Gi")
    #expect(try Quantity(parsing: "250m").adding(Quantity(parsing: "1")).description == "1250m")
  }
}
