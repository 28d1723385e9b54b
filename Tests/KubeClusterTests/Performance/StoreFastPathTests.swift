import Foundation
import Testing

@testable import KubeCluster

/// The store's and the controllers' fast paths give what the plain code gave.
@Suite("Store fast paths")
struct StoreFastPathTests {
  @Test("dependents(of:kind:) is dependents(of:) filtered to one kind, in the same order")
  func dependentsOfKind() throws {
    var cluster = Cluster.kind(workers: 3)
    _ = try cluster.create(
      Cluster.workload(.deployment, name: "web", namespace: "default", labels: ["app": "web"], image: "nginx:1.27", replicas: 3))
    cluster.advance(by: 30)
    let owners = Kind.allCases.flatMap { cluster.store.list($0) }
    #expect(owners.count > 20)
    var seen = 0
    for owner in owners {
      let all = cluster.store.dependents(of: owner.uid)
      for kind in Set(all.map(\.kind)).union([.pod, .replicaSet, .controllerRevision]) {
        let expected = all.filter { $0.kind == kind }
        #expect(cluster.store.dependents(of: owner.uid, kind: kind) == expected, "\(owner.key) \(kind)")
        seen += expected.count
      }
    }
    // kube-proxy's and kindnet's pods and revisions, coredns's and web's sets and pods.
    #expect(seen >= 4 * 2 + 2 + 2 + 2 + 3 + 1)
  }

  @Test("Kinds are equal, hash and sort as their names do")
  func kindsFollowTheirNames() {
    for lhs in Kind.allCases {
      for rhs in Kind.allCases {
        #expect((lhs == rhs) == (lhs.rawValue == rhs.rawValue), "\(lhs) \(rhs)")
        #expect((lhs < rhs) == (lhs.rawValue < rhs.rawValue), "\(lhs) \(rhs)")
      }
    }
    #expect(Set(Kind.allCases).count == Kind.allCases.count)
    #expect(Set(Kind.allCases.map(\.hashValue)).count == Kind.allCases.count)
  }

  @Test("A stored version's memo is worked out once, and a new version or a changed copy works it out again")
  func memoFollowsTheVersion() throws {
    var store = ObjectStore()
    let time = Date(timeIntervalSince1970: 0)
    var counted = 0
    func phase(_ object: Object) -> String {
      object.memoized(String.self) { object in
        counted += 1
        return object.content[path: "status.phase"]?.string ?? ""
      }
    }
    var pod = Object(.pod, name: "web", namespace: "default")
    pod.content[path: "status.phase"] = "Pending"
    // Not stored: nothing is kept.
    #expect(phase(pod) == "Pending" && phase(pod) == "Pending" && counted == 2)
    let stored = store.insert(pod, actor: "test", at: time)
    #expect(phase(stored) == "Pending" && phase(store.get(stored.key)!) == "Pending" && counted == 3)
    // A copy changed in place forgets what its original knew.
    var changed = store.get(stored.key)!
    changed.content[path: "status.phase"] = "Running"
    #expect(phase(changed) == "Running" && counted == 4)
    #expect(phase(store.get(stored.key)!) == "Pending" && counted == 4)
    // The new version the store keeps starts afresh.
    let replaced = try store.replace(changed, actor: "test", at: time)
    #expect(phase(store.get(replaced.key)!) == "Running" && phase(replaced) == "Running" && counted == 5)
  }
}
