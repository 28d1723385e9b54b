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
    for kind in Kind.allCases {
      #expect(Kind(rawValue: kind.rawValue) == kind)
      #expect(Kind(rawValue: String(decoding: Array(kind.rawValue.utf8), as: UTF8.self)) == kind)
      for wrong in [kind.rawValue.lowercased(), kind.rawValue + "s", " " + kind.rawValue, String(kind.rawValue.dropLast())] {
        #expect(Kind(rawValue: wrong) == nil, "\(wrong)")
      }
    }
    #expect(Kind(rawValue: "") == nil && Kind(rawValue: String(repeating: "x", count: 300)) == nil)
    #expect(Kind(rawValue: "Pod") == .pod && Kind(rawValue: "Pòd") == nil)
  }

  @Test("Object keys are equal, and hash alike, exactly when their kind and their names' bytes are, however the strings were made")
  func keysFollowTheirNames() {
    var random = JSONObjectTests.Seeded(state: 27)
    // Few pieces, so that many keys share a kind, a namespace or a name, or
    // split the same bytes differently between namespace and name; lengths
    // that cross eight-byte words and Swift's small-string limit.
    let pieces = ["a", "b", "ab", "-", ".", "web", "default", "é", "e\u{301}", "한", "0123456", "kube-system"]
    let kinds: [Kind] = [.pod, .event, .node, .service, .namespace]
    func text() -> String {
      (0..<Int.random(in: 0...5, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }
    /// The same characters in a string built another way: from bytes, or
    /// cut out of a longer one.
    func rebuilt(_ text: String) -> String {
      Bool.random(using: &random)
        ? String(decoding: Array(text.utf8), as: UTF8.self) : String(("x" + text + "y").dropFirst().dropLast())
    }
    var keys = Set<ObjectKey>()
    var references = Set<[UInt8]>()
    var values: [ObjectKey: Int] = [:]
    for number in 0..<20_000 {
      let (kind, namespace, name) = (kinds.randomElement(using: &random)!, text(), text())
      let key = ObjectKey(kind, name, in: namespace)
      let same = ObjectKey(kind, rebuilt(name), in: rebuilt(namespace))
      #expect(key == same && key.hashValue == same.hashValue, "\(key)")
      let (space, sameSpace) = (HashedName(namespace), HashedName(rebuilt(namespace)))
      #expect(space == sameSpace && space.hashValue == sameSpace.hashValue, "\(namespace)")
      // What tells keys apart: the kind, and the bytes of each name on its own.
      let storedNamespace = kind.isNamespaced ? namespace : ""
      let reference = [UInt8(kind.ordinal)] + Array(storedNamespace.utf8) + [0xFF] + Array(name.utf8)
      #expect(keys.insert(key).inserted == references.insert(reference).inserted, "\(key)")
      if values[same] == nil { values[key] = number }
    }
    #expect(keys.count == references.count && values.count == keys.count)
    for key in keys {
      #expect(values[ObjectKey(key.kind, rebuilt(key.name), in: rebuilt(key.namespace))] != nil, "\(key)")
    }
    // Split differently between namespace and name: different keys.
    #expect(ObjectKey(.pod, "bc", in: "a") != ObjectKey(.pod, "c", in: "ab"))
    #expect(ObjectKey(.node, "a", in: "x") == ObjectKey(.node, "a"))
    #expect(HashedName("default") != HashedName("kube-system") && HashedName("é") != HashedName("e\u{301}"))
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
