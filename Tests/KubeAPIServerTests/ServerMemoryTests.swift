import Foundation
import KubeAPIServer
import KubeCluster
import Testing

/// What the server keeps of its own stays bounded however long it serves:
/// the watch history (like kube-apiserver's watch cache) and the answers
/// cached for polling clients.
@Suite("server memory")
struct ServerMemoryTests {
  @Test func watchHistoryAndCachedAnswersStayBounded() throws {
    var start = Cluster.kind(seed: 7)
    _ = try? start.create(Object(.configMap, name: "tick", namespace: "default"))
    let host = LockedCluster(start, followsWallClock: false)
    let server = APIServer(host: host)
    let port = try server.start(port: 0)
    defer { server.stop() }
    let auth = ["Authorization": "Bearer \(server.token)"]
    func count(_ name: String) -> Int {
      host.withCluster { _ in server.census.first { $0.name == name }?.count ?? -1 }
    }

    for round in 0..<30 {
      host.withCluster { cluster in
        for step in 0..<100 {
          guard var map = cluster.store.get(ObjectKey(.configMap, "tick", in: "default")) else { continue }
          map.content["data"] = ["n": .string("\(round * 100 + step)")]
          _ = try? cluster.update(map)
        }
      }
      server.publishChanges()
      for path in ["configmaps", "pods", "services"] {
        let answer = try HTTPClient.request(
          "http://127.0.0.1:\(port)/api/v1/namespaces/default/\(path)", headers: auth)
        #expect(answer.status == 200)
      }
      #expect(count("watch history") <= 1_250)
      // Only the current state's answers: older ones can never be asked again.
      #expect(count("cached read answers") <= 3)
    }
    #expect(count("watch history") >= 1_000)
    #expect(count("cached read answers") == 3)
  }
}
