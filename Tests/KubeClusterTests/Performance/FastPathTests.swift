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
}
