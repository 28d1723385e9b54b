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
}
