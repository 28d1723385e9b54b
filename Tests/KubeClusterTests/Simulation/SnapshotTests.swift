import Foundation
import KubeCluster
import Testing

@Suite("Saved clusters")
struct SnapshotTests {
  /// Values whose text needs care: escapes, control characters, astral
  /// scalars, Go's `<>&`, integer extremes and doubles of every form.
  static let awkward: JSONValue = [
    "text": "quote \" backslash \\ slash / newline \n tab \t bell \u{7} nul \u{0} <a>&b é 한 😀",
    "integers": [0, -1, .int(Int.max), .int(Int.min), 42],
    "doubles": [0.1, 1.0, -2.5e-7, 1e300, 123456.75, .double(-0.0)],
    "nested": ["z": [["b": true, "a": false]], "a": nil, "empty": [:], "none": []],
  ]

  @Test("JSON text reads back as the same value, object keys sorted")
  func roundTrip() throws {
    let bytes = SnapshotJSON.encode(Self.awkward)
    let read = try SnapshotJSON.decode(bytes)
    #expect(read == Self.awkward)
    #expect(read.compactJSON == Self.awkward.sortedKeys.compactJSON)
    // Doubles stay doubles, integers integers.
    #expect(read[path: "doubles"]?.array?[1] == .double(1.0))
    #expect(read[path: "integers"]?.array?[2] == .int(Int.max))
  }

  @Test("JSONEncoder's text (snapshots saved before) reads as JSONDecoder read it")
  func foundationText() throws {
    let value = JSONValue.object(JSONObject([
      ("text", Self.awkward["text"]!), ("integers", Self.awkward["integers"]!),
      ("fractions", [0.1, 123456.75, -2.5e-7]), ("nested", Self.awkward["nested"]!),
    ]))
    let encoder = JSONEncoder()
    let data = try encoder.encode(value)
    let old = try JSONDecoder().decode(JSONValue.self, from: data)
    let new = try SnapshotJSON.decode(Array(data))
    #expect(new == old)
    #expect(new.compactJSON == old.compactJSON)
  }

  @Test("malformed text is an error, not a crash", arguments: [
    "", "{", "{\"a\":}", "[1,]", "\"open", "\"bad \\q escape\"", "tru", "{\"a\" 1}", "[1] 2", "-", "1e",
  ])
  func malformed(_ text: String) {
    #expect(throws: SnapshotJSON.SyntaxError.self) { try SnapshotJSON.decode(Array(text.utf8)) }
  }

  @Test("a restored cluster has the same objects, clock, random source and images")
  func restoredCluster() throws {
    var cluster = Cluster.kind(seed: 7)
    var settings = Object(.configMap, name: "settings", namespace: "default")
    settings.content["data"] = ["motd": Self.awkward["text"]!, "empty": ""]
    _ = try cluster.create(settings, by: "kubectl")
    cluster.advance(by: 30)
    let saved = cluster.snapshot()
    let restored = try Cluster.restore(from: saved)
    #expect(restored.now == cluster.now)
    #expect(restored.random.state == cluster.random.state)
    for kind in Kind.allCases {
      let before = cluster.list(kind).map(\.content.sortedKeys.compactJSON)
      let after = restored.list(kind).map(\.content.compactJSON)
      #expect(before == after, "\(kind)")
    }
    #expect(restored.list(.configMap, in: "default").first { $0.name == "settings" }?.content[path: "data.motd"] == Self.awkward["text"])
    // Saving the restored cluster and reading that back changes nothing.
    let again = restored.snapshot()
    #expect(try Cluster.restore(from: again).snapshot() == again)
  }

  @Test("the random source survives above Int.max, and a broken snapshot is refused")
  func edges() throws {
    let cluster = Cluster(emptyAt: Cluster.scriptEpoch, seed: UInt64.max - 5)
    let restored = try Cluster.restore(from: cluster.snapshot())
    #expect(restored.random.state == UInt64.max - 5)
    let saved = cluster.snapshot()
    #expect(throws: SnapshotError.self) { try Cluster.restore(from: saved.prefix(saved.count / 2)) }
  }
}
