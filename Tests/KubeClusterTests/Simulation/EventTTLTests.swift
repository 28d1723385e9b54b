import Foundation
import Testing

@testable import KubeCluster

/// Events go an hour after their last write, as kube-apiserver's
/// `--event-ttl` has etcd drop them.
@Suite("Event TTL")
struct EventTTLTests {
  static func pod(_ name: String, command: JSONValue? = nil) -> Object {
    var container: JSONValue = ["name": "c", "image": "busybox:1.36"]
    if let command { container["command"] = command }
    var pod = Object(.pod, name: name, namespace: "default")
    pod.content["spec"] = ["containers": [container]]
    return pod
  }

  static func reasons(_ cluster: Cluster, about name: String) -> [String] {
    cluster.store.list(.event, in: "default")
      .filter { $0.content[path: "involvedObject.name"]?.string == name }
      .compactMap { $0.content["reason"]?.string }.sorted()
  }

  @Test("a pod's events are there for an hour, and gone a minute later")
  func eventsExpireAfterAnHour() throws {
    var cluster = Cluster.kind(seed: 3)
    _ = try cluster.create(Self.pod("sleeper", command: ["sleep", "9999"]))
    cluster.advance(by: 10)
    let pod = try cluster.get(ObjectKey(.pod, "sleeper", in: "default"))
    #expect(Self.reasons(cluster, about: "sleeper") == ["Created", "Pulled", "Pulling", "Scheduled", "Started"])
    cluster.advance(by: 3580)
    #expect(Self.reasons(cluster, about: "sleeper").count == 5)
    cluster.advance(by: 80)
    #expect(Self.reasons(cluster, about: "sleeper") == [])
    #expect(cluster.events(for: pod) == [])
    #expect(cluster.eventIndex[pod.uid] == nil)
    // The pod itself stays.
    #expect(cluster.store.get(pod.key) != nil)
  }

  @Test("an event seen again lives an hour from its last time")
  func repeatedEventsLiveFromTheirLastTime() throws {
    var cluster = Cluster.kind(seed: 3)
    _ = try cluster.create(Self.pod("crash", command: ["sh", "-c", "sleep 2; exit 1"]))
    for _ in 0..<24 { cluster.advance(by: 300) }
    // After two hours of crash loop: the one-off events are gone, the
    // ones the kubelet keeps repeating stay, counted since the start.
    let reasons = Self.reasons(cluster, about: "crash")
    #expect(!reasons.contains("Scheduled"))
    #expect(reasons.contains("BackOff"))
    let backOff = try #require(
      cluster.store.list(.event, in: "default").first { $0.content["reason"]?.string == "BackOff" })
    #expect((backOff.content["count"]?.int ?? 0) > 10)
  }

  @Test("watchers see expired events deleted, and the sweep runs once a minute")
  func expiryIsAnOrdinaryDelete() throws {
    var cluster = Cluster.kind(seed: 3)
    _ = try cluster.create(Self.pod("sleeper", command: ["sleep", "9999"]))
    cluster.advance(by: 3599)
    cluster.startChangeFeed()
    // One second steps: each event goes at the first minute boundary
    // after its hour, not before it and not a minute later.
    var deleted: [ObjectChange] = []
    for _ in 0..<125 {
      cluster.advance(by: 1)
      deleted += cluster.drainChangeFeed().filter { $0.key.kind == .event && $0.type == .deleted }
    }
    #expect(Self.reasons(cluster, about: "sleeper") == [])
    #expect(deleted.filter { $0.object.content[path: "involvedObject.name"]?.string == "sleeper" }.count == 5)
    #expect(deleted.allSatisfy { $0.actor == "kube-apiserver" })
  }
}
