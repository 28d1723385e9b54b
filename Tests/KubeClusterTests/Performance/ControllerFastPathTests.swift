import Foundation
import Testing

@testable import KubeCluster

/// The controllers' shortcuts decide what the plain reading decided.
@Suite("Controller fast paths")
struct ControllerFastPathTests {
  /// A ReplicaSet `web` selecting `app=web`, with `replicas` pods.
  private static func replicaSet(replicas: Int) -> Object {
    var set = Object(.replicaSet, name: "web", namespace: "default")
    set.content["spec"] = [
      "replicas": .int(replicas), "selector": ["matchLabels": ["app": "web"]],
      "template": ["metadata": ["labels": ["app": "web"]], "spec": ["containers": [["name": "c", "image": "nginx:1.27"]]]],
    ]
    return set
  }

  /// A pod labelled `app=web` that no controller owns; `placeable: false`
  /// asks for a node that does not exist, so it stays unscheduled.
  private static func orphan(_ name: String, placeable: Bool) -> Object {
    var pod = Object(.pod, name: name, namespace: "default")
    pod.labels = ["app": "web"]
    pod.content["spec"] = ["containers": [["name": "c", "image": "nginx:1.27"]]]
    if !placeable { pod.content[path: "spec.nodeSelector"] = ["disk": "none"] }
    return pod
  }

  /// The order the controller ranks pods for deletion in, read the plain
  /// way: the set's pods by name, then the ones it adopts, stable-sorted by
  /// (unscheduled, pending, not ready, newest first).
  private static func plainDeletionOrder(owned: [Object], adopted: [Object]) -> [String] {
    func rank(_ pod: Object) -> (Int, Int, Int, Double) {
      let assigned = pod.content[path: "spec.nodeName"]?.string == nil ? 0 : 1
      let running = pod.content[path: "status.phase"]?.string == "Pending" ? 0 : 1
      let ready = Cluster.isPodReady(pod) ? 1 : 0
      return (assigned, running, ready, -(pod.creationTimestamp?.timeIntervalSince1970 ?? 0))
    }
    let candidates = (owned.sorted { $0.name < $1.name } + adopted).filter { pod in
      let phase = pod.content[path: "status.phase"]?.string
      return !pod.isTerminating && phase != "Succeeded" && phase != "Failed"
    }
    let ranked = candidates.enumerated().map { (rank: rank($0.element), place: $0.offset, name: $0.element.name) }
    return ranked.sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.place < $1.place }.map(\.name)
  }

  @Test("a scale-down deletes the pods the plain ranking puts first, adopted ones after owned ones of the same rank")
  func scaleDownOrder() throws {
    var cluster = Cluster.kind()
    _ = try cluster.create(Self.replicaSet(replicas: 4))
    cluster.advance(by: 30)
    // Pods of every rank: ready ones created at different seconds, pending
    // ones, unscheduled ones, created one second apart.
    var set = try cluster.get(ObjectKey(.replicaSet, "web", in: "default"))
    set.content[path: "spec.replicas"] = 7
    _ = try cluster.update(set)
    cluster.advance(by: 1)
    _ = try cluster.create(Self.orphan("stray-b", placeable: false))
    cluster.advance(by: 1)
    _ = try cluster.create(Self.orphan("stray-a", placeable: false))
    cluster.advance(by: 1)
    set = try cluster.get(set.key)
    set.content[path: "spec.replicas"] = 9
    _ = try cluster.update(set)
    cluster.advance(by: 1)
    let owned = cluster.store.dependents(of: set.uid).filter { $0.kind == .pod }
    #expect(owned.count == 9)
    #expect(owned.contains { $0.content[path: "spec.nodeName"] == nil })
    #expect(owned.contains { $0.content[path: "status.phase"]?.string == "Pending" })
    #expect(owned.contains { Cluster.isPodReady($0) })
    // Two strays adopted in the same sync that scales the set down to 3.
    let strays = [Self.orphan("stray-c", placeable: true), Self.orphan("stray-d", placeable: false)]
    for stray in strays { _ = try cluster.create(stray) }
    let adopted = try strays.map { try cluster.get($0.key) }.sorted { $0.name < $1.name }
    set = try cluster.get(set.key)
    set.content[path: "spec.replicas"] = 3
    _ = try cluster.update(set)
    let expected = Self.plainDeletionOrder(owned: owned, adopted: adopted).prefix(11 - 3)
    cluster.settle()
    let left = cluster.store.list(.pod, in: "default").filter { !$0.isTerminating }.map(\.name)
    let deleted = (owned + adopted).map(\.name).filter { !left.contains($0) }
    #expect(Set(deleted) == Set(expected))
    #expect(left.count == 3)
  }

  @Test("pods of equal rank go in the set's order: its own by name, then the ones it adopts in that sync")
  func scaleDownTies() throws {
    var cluster = Cluster.kind()
    // Nothing can be placed: every pod ranks as unscheduled and pending.
    var set = Self.replicaSet(replicas: 3)
    set.content[path: "spec.template.spec.nodeSelector"] = ["disk": "none"]
    _ = try cluster.create(set)
    cluster.settle()
    let owned = cluster.store.list(.pod, in: "default").map(\.name)
    #expect(owned.count == 3)
    // In the same second: two strays (named to sort before the set's
    // pods) and a scale-down to 2.
    for name in ["a-stray", "b-stray"] { _ = try cluster.create(Self.orphan(name, placeable: false)) }
    set = try cluster.get(set.key)
    set.content[path: "spec.replicas"] = 2
    _ = try cluster.update(set)
    cluster.settle()
    let left = cluster.store.list(.pod, in: "default").filter { !$0.isTerminating }.map(\.name)
    #expect(left == ["a-stray", "b-stray"])
  }

  @Test("pod IPs come from the node's /24 after the last one given, skip those in use and wrap from .254 to .2")
  func podIPs() {
    var network = NetworkAllocator()
    let cidr = "10.244.1.0/24"
    #expect(network.allocatePodIP(cidr: cidr, node: "a") == "10.244.1.2")
    #expect(network.allocatePodIP(cidr: cidr, node: "a") == "10.244.1.3")
    // A restored cluster's addresses are taken, wherever they are.
    network.claimPodIP("10.244.1.4", node: "a")
    network.claimPodIP("10.244.1.254", node: "a")
    #expect(network.allocatePodIP(cidr: cidr, node: "a") == "10.244.1.5")
    // Another node's /24 is its own.
    #expect(network.allocatePodIP(cidr: "10.244.2.0/24", node: "b") == "10.244.2.2")
    // Fill the rest: .6 to .253 (248 addresses), then .2 and .3 are freed.
    for host in 6...253 { #expect(network.allocatePodIP(cidr: cidr, node: "a") == "10.244.1.\(host)") }
    #expect(network.allocatePodIP(cidr: cidr, node: "a") == nil)
    for ip in ["10.244.1.3", "10.244.1.2"] {
      var pod = Object(.pod, name: ip, namespace: "default")
      pod.content[path: "status.podIP"] = .string(ip)
      network.releasePodIP(pod)
    }
    // The search goes on from .254 (taken), wraps to .2.
    #expect(network.allocatePodIP(cidr: cidr, node: "a") == "10.244.1.2")
    #expect(network.allocatePodIP(cidr: cidr, node: "a") == "10.244.1.3")
    #expect(network.allocatePodIP(cidr: cidr, node: "a") == nil)
    // A host-network pod's address is the node's: releasing it frees nothing.
    var host = Object(.pod, name: "h", namespace: "default")
    host.content[path: "spec.hostNetwork"] = true
    host.content[path: "status.podIP"] = "10.244.1.9"
    network.releasePodIP(host)
    #expect(network.allocatePodIP(cidr: cidr, node: "a") == nil)
  }

  @Test("an unschedulable pod retried after other pods go is written once per reason, and placed when room comes")
  func unschedulableRetries() throws {
    var cluster = Cluster.kind()
    // Each worker has room for one such pod.
    func pod(_ name: String) -> Object {
      var pod = Object(.pod, name: name, namespace: "default")
      pod.content["spec"] = [
        "containers": [["name": "c", "image": "nginx:1.27", "resources": ["requests": ["cpu": "3"]]]]
      ]
      return pod
    }
    for name in ["one", "two", "three"] { _ = try cluster.create(pod(name)) }
    cluster.advance(by: 10)
    let waiting = try #require(cluster.store.list(.pod, in: "default").first { $0.content[path: "spec.nodeName"] == nil })
    let version = waiting.resourceVersion
    func failures() -> Int {
      cluster.store.list(.event, in: "default").filter {
        $0.content[path: "involvedObject.name"]?.string == waiting.name && $0.content["reason"] == "FailedScheduling"
      }.count
    }
    #expect(failures() == 1)
    // Pods coming and going elsewhere ask for a retry that finds the same reason.
    for round in 0..<3 {
      var small = Object(.pod, name: "small-\(round)", namespace: "default")
      small.content["spec"] = ["containers": [["name": "c", "image": "nginx:1.27"]]]
      _ = try cluster.create(small)
      cluster.advance(by: 5)
      _ = try cluster.delete(small.key)
      cluster.advance(by: 40)
    }
    #expect(try cluster.get(waiting.key).resourceVersion == version)
    #expect(failures() == 1)
    // A placed one goes: the waiting pod takes its room.
    let placed = try #require(cluster.store.list(.pod, in: "default").first { $0.content[path: "spec.nodeName"] != nil && $0.name != waiting.name })
    _ = try cluster.delete(placed.key)
    cluster.advance(by: 40)
    #expect(try cluster.get(waiting.key).content[path: "spec.nodeName"] != nil)
  }

  @Test("a repeated event counts up the one recorded before, also in a restored cluster")
  func eventsCountUp() throws {
    var cluster = Cluster.kind()
    var pod = Object(.pod, name: "typo", namespace: "default")
    pod.content["spec"] = ["containers": [["name": "c", "image": "nginx:1.27-typo"]]]
    _ = try cluster.create(pod)
    cluster.advance(by: 60)
    func events(_ cluster: Cluster) -> [String: [Int]] {
      var counts: [String: [Int]] = [:]
      for event in cluster.store.list(.event, in: "default") where event.content[path: "involvedObject.name"] == "typo" {
        counts[event.content["reason"]?.string ?? "", default: []].append(event.content["count"]?.int ?? 0)
      }
      return counts
    }
    let before = events(cluster)
    // The pull's three failure messages, each counted up at every retry.
    let failed = try #require(before["Failed"])
    #expect(failed.count == 3 && failed.allSatisfy { $0 > 1 }, "\(before)")
    var restored = try Cluster.restore(from: cluster.snapshot())
    restored.advance(by: 120)
    let after = events(restored)
    // The same events, counted further: none recorded twice.
    #expect(after.mapValues(\.count) == before.mapValues(\.count), "\(after)")
    for (reason, counts) in after where reason != "Scheduled" {
      #expect(zip(counts, before[reason] ?? []).allSatisfy { $0 > $1 }, "\(reason): \(counts)")
    }
    #expect(after["Scheduled"] == [1])
  }
}

