import Foundation
import Testing

@testable import KubeCluster

/// The fast paths written for speed give what the plain code gave.
@Suite("Fast paths")
struct FastPathTests {
  @Test(
    "templateHash equals FNV-1a of the sorted compact JSON, escapes and all",
    arguments: [
      ["metadata": ["labels": ["app": "web", "pod-template-hash": "x"]], "spec": ["containers": [["name": "c", "image": "nginx:1.27"]]]],
      ["metadata": ["labels": ["b": "<&>", "a": "quote \" and \\ back"]], "spec": ["x": 1.5, "y": .null, "z": [true, false, 3]]],
      ["spec": ["command": ["sh", "-c", "echo 한글 \u{2028} tab\there\nnew"], "empty": .emptyObject, "list": []]],
    ] as [JSONValue])
  func templateHash(_ template: JSONValue) {
    var bare = template
    bare[path: "metadata.labels.pod-template-hash"] = nil
    for collisions in [0, 3] {
      let text = bare.sortedKeys.compactJSON + (collisions > 0 ? String(collisions) : "")
      let expected = RandomSource.safeEncode(String(RandomSource.fnv32a(text)))
      #expect(Cluster.templateHash(template, collisionCount: collisions) == expected)
    }
  }

  @Test("Timestamp.format writes RFC 3339 at second precision", arguments: [0.0, 1_740_819_600.9, 951_782_400, 4_102_444_799, -1])
  func timestamp(_ seconds: Double) {
    let date = Date(timeIntervalSince1970: seconds)
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
    #expect(Timestamp.format(date) == formatter.string(from: Date(timeIntervalSince1970: seconds.rounded(.down))))
  }

  @Test("uncontrolled(kind, in:) is list(kind, in:) without the controlled objects, sorted by name")
  func uncontrolledIndex() throws {
    var cluster = Cluster.kind()
    var deployment = Object(.deployment, name: "web", namespace: "default")
    deployment.content["spec"] = [
      "replicas": 2, "selector": ["matchLabels": ["app": "web"]],
      "template": ["metadata": ["labels": ["app": "web"]], "spec": ["containers": [["name": "c", "image": "nginx"]]]],
    ]
    _ = try cluster.create(deployment)
    for name in ["zeta", "alpha", "mid"] {
      var pod = Object(.pod, name: name, namespace: "default")
      pod.content["spec"] = ["containers": [["name": "c", "image": "nginx"]]]
      _ = try cluster.create(pod)
    }
    cluster.advance(by: 5)
    for namespace in ["default", "kube-system"] {
      let expected = cluster.store.list(.pod, in: namespace).filter { $0.controller == nil }.map(\.name)
      #expect(cluster.store.uncontrolled(.pod, in: namespace).map(\.name) == expected)
    }
    #expect(cluster.store.uncontrolled(.pod, in: "default").map(\.name) == ["alpha", "mid", "zeta"])
  }

  @Test("podGroups(of:) counts what dependents(of:) lists, through relabels, rollouts and deletions")
  func podGroupsIndex() throws {
    var cluster = Cluster.kind()
    var deployment = Object(.deployment, name: "web", namespace: "default")
    deployment.content["spec"] = [
      "replicas": 4, "selector": ["matchLabels": ["app": "web"]],
      "template": ["metadata": ["labels": ["app": "web"]], "spec": ["containers": [["name": "c", "image": "nginx:1.27"]]]],
    ]
    _ = try cluster.create(deployment)
    cluster.advance(by: 30)
    func expectConsistent() {
      for owner in cluster.store.list(.replicaSet) + cluster.store.list(.deployment) {
        var expected: [PodGroup: Int] = [:]
        for pod in cluster.store.dependents(of: owner.uid) where pod.kind == .pod {
          expected[PodGroup(pod), default: 0] += 1
        }
        #expect(cluster.store.podGroups(of: owner.uid) == expected, "\(owner.key)")
      }
    }
    expectConsistent()
    // A pod relabelled out of the selector is released and replaced.
    var pod = try #require(cluster.store.list(.pod, in: "default").first)
    pod.labels = ["app": "other"]
    _ = try cluster.update(pod)
    cluster.advance(by: 30)
    expectConsistent()
    #expect(cluster.store.list(.pod, in: "default").count == 5)
    // A rolling update, a scale down and a deletion.
    var current = try cluster.get(deployment.key)
    current.content[path: "spec.template.spec.containers"] = [["name": "c", "image": "nginx:1.27.4"]]
    _ = try cluster.update(current)
    cluster.advance(by: 120)
    expectConsistent()
    current = try cluster.get(deployment.key)
    current.content[path: "spec.replicas"] = 2
    _ = try cluster.update(current)
    cluster.advance(by: 5)
    expectConsistent()
    cluster.advance(by: 60)
    expectConsistent()
    let status = try cluster.get(deployment.key).content["status"]
    #expect(status?["readyReplicas"] == 2 && status?["updatedReplicas"] == 2)
  }

  @Test("SchemaMemo answers what Schema answers, for objects alike but for their names")
  func schemaMemo() throws {
    var memo = SchemaMemo()
    let pods: [JSONValue] = [
      ["spec": ["containers": [["name": "c", "image": "nginx", "resources": ["limits": ["cpu": "1.5"]]]]]],
      ["spec": ["containers": [["name": "c", "image": "nginx", "ports": [["containerPort": 80]]]], "restartPolicy": "Never"]],
      ["spec": ["containers": [["name": "Bad_Name", "image": ""]]]],
      ["spec": ["containers": "not a list"]],
      ["spec": ["containers": [["name": "c", "image": "nginx", "unknownField": 1]]]],
    ]
    for (index, spec) in pods.enumerated() {
      for name in ["a-\(index)", "b-\(index)", "a-\(index)", "Not_Valid"] {
        var pod = Object(.pod, name: name, namespace: "default")
        pod.content["spec"] = spec["spec"] ?? .null
        #expect(memo.decodeError(pod.content, kind: .pod) == Schema.decodeError(pod.content, kind: .pod))
        var plain = pod
        Schema.applyDefaults(to: &plain)
        var memoized = pod
        memo.applyDefaults(to: &memoized)
        #expect(memoized == plain)
        #expect(memo.validateNew(plain) == Schema.validate(plain, old: nil))
      }
    }
  }

  @Test("best(n, of:) is the first n of the sorted list")
  func bestOf() {
    var random = RandomSource(seed: 7)
    for size in [0, 1, 4, 5, 6, 30] {
      let items = (0..<size).map { _ in (Int(random.next() % 10), "n\(random.next() % 1000)") }
      let before: ((Int, String), (Int, String)) -> Bool = { ($1.0, $0.1) < ($0.0, $1.1) }
      let expected = Array(items.sorted(by: before).prefix(5))
      let best = Cluster.best(5, of: items, by: before)
      #expect(best.map(\.0) == expected.map(\.0) && best.map(\.1) == expected.map(\.1))
    }
  }
}
