import Foundation
import KubeAPIServer
import KubeCluster
import Testing

/// `watch=true`: every change once, in order, to every watcher.
@Suite("watch streams")
struct WatchTests {
  static let deployment = #"""
    {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}
    """#

  /// The resourceVersions of a watch stream's events, in order.
  static func revisions(_ body: String) throws -> [(type: String, revision: Int)] {
    try body.split(separator: "\n").map { line in
      let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let object = try #require(event["object"] as? [String: Any])
      let metadata = try #require(object["metadata"] as? [String: Any])
      return (try #require(event["type"] as? String), Int(try #require(metadata["resourceVersion"] as? String))!)
    }
  }

  @Test func everyWatcherSeesEachPodChangeOnceInOrder() throws {
    let host = LockedCluster(Cluster.kind(seed: 5), followsWallClock: false)
    let server = APIServer(host: host)
    let port = try server.start(port: 0)
    defer { server.stop() }
    let base = "http://127.0.0.1:\(port)"
    let auth = ["Authorization": "Bearer \(server.token)"]
    let start = host.withCluster { $0.store.revision }

    // Five watchers from the same revision, closed by the server after 4 s.
    let bodies = Bodies()
    let group = DispatchGroup()
    for index in 0..<5 {
      group.enter()
      // Threads of their own: blocked Dispatch workers starve the pool
      // that URLSession answers on.
      Thread {
        let response = try? HTTPClient.request(
          "\(base)/api/v1/namespaces/default/pods?watch=1&resourceVersion=\(start)&timeoutSeconds=4",
          headers: auth, timeout: 20)
        bodies.set(index, response?.body ?? "")
        group.leave()
      }.start()
    }
    // Changes start once all five are open: on a busy machine a watcher
    // that connected after the 90 s of cluster time below would ask for a
    // revision already out of the watch window, and rightly get 410 Gone.
    let connectBy = Date().addingTimeInterval(20)
    while server.watchCount < 5 && Date() < connectBy { Thread.sleep(forTimeInterval: 0.01) }
    #expect(server.watchCount == 5)
    let created = try HTTPClient.request(
      "\(base)/apis/apps/v1/namespaces/default/deployments", method: "POST",
      headers: auth.merging(["Content-Type": "application/json"]) { $1 }, body: Self.deployment)
    #expect(created.status == 201)
    host.withCluster { $0.advance(by: 30) }
    let scaled = try HTTPClient.request(
      "\(base)/apis/apps/v1/namespaces/default/deployments/web/scale", method: "PATCH",
      headers: auth.merging(["Content-Type": "application/merge-patch+json"]) { $1 }, body: #"{"spec":{"replicas":1}}"#)
    #expect(scaled.status == 200)
    #expect(scaled.body.contains(#""spec":{"replicas":1}"#))
    host.withCluster { $0.advance(by: 60) }
    group.wait()

    let expected = host.withCluster { cluster in
      cluster.store.journal.filter { $0.key.kind == .pod && $0.key.namespace == "default" && ($0.revision ?? 0) > start }
        .compactMap(\.revision)
    }
    #expect(expected.count >= 3 * 4)
    for index in 0..<5 {
      let events = try Self.revisions(bodies.get(index))
      #expect(events.map(\.revision) == expected, "watcher \(index)")
      #expect(events.filter { $0.type == "ADDED" }.count == 3)
      #expect(events.filter { $0.type == "DELETED" }.count == 2)
    }
  }

  @Test func aWatchFromBeforeTheServerStartedIsGone() throws {
    let host = LockedCluster(Cluster.kind(seed: 5), followsWallClock: false)
    let server = APIServer(host: host)
    let port = try server.start(port: 0)
    defer { server.stop() }
    host.withCluster { cluster in
      _ = try? cluster.create(Object(.configMap, name: "a", namespace: "default"))
    }

    let response = try HTTPClient.request(
      "http://127.0.0.1:\(port)/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=1",
      headers: ["Authorization": "Bearer \(server.token)"])

    #expect(response.status == 200)
    #expect(response.body.hasPrefix(#"{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 1 ("#))
    #expect(response.body.hasSuffix(#""reason":"Expired","code":410}}"# + "\n"))
  }

  private final class Bodies: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: String] = [:]
    func set(_ index: Int, _ body: String) { lock.withLock { values[index] = body } }
    func get(_ index: Int) -> String { lock.withLock { values[index] ?? "" } }
  }
}
