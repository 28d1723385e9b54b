import Foundation
import Testing

@testable import KubeCluster

/// JSONObject keeps its members in two arrays (and an index once large):
/// it must behave as the ordered dictionary it replaced.
@Suite("JSONObject")
struct JSONObjectTests {
  /// A reference model: insertion order plus a dictionary.
  struct Model {
    var keys: [String] = []
    var values: [String: JSONValue] = [:]

    mutating func set(_ key: String, _ value: JSONValue?) {
      if let value {
        if values.updateValue(value, forKey: key) == nil { keys.append(key) }
      } else if values.removeValue(forKey: key) != nil {
        keys.removeAll { $0 == key }
      }
    }
  }

  @Test("inserts, replaces and removes as an ordered dictionary, small and indexed", arguments: [5, 40])
  func matchesModel(size: Int) {
    var random = SystemRandomNumberGenerator()
    var object = JSONObject()
    var model = Model()
    let names = (0..<size).map { "key-\($0)" } + ["a", "é", "creationTimestamp", "key-1\u{301}"]
    for step in 0..<2_000 {
      let key = names.randomElement(using: &random)!
      let value: JSONValue? = Int.random(in: 0..<4, using: &random) == 0 ? nil : .int(step)
      object[key] = value
      model.set(key, value)
      #expect(object.keys == model.keys)
      #expect(object.count == model.keys.count)
      for name in names { #expect(object[name] == model.values[name]) }
      #expect(object.map(\.key) == model.keys)
      #expect(object.map(\.value) == model.keys.map { model.values[$0]! })
    }
  }

  @Test("== and hash ignore member order, as the dictionary's did")
  func equalityIgnoresOrder() {
    for size in [3, 30] {
      let pairs = (0..<size).map { ("k\($0)", JSONValue.int($0)) }
      let forward = JSONObject(pairs)
      let backward = JSONObject(Array(pairs.reversed()))
      #expect(forward == backward)
      #expect(forward.hashValue == backward.hashValue)
      #expect(JSONValue.object(forward) == JSONValue.object(backward))
      var changed = backward
      changed["k1"] = .int(99)
      #expect(forward != changed)
      var renamed = forward
      renamed["k1"] = nil
      renamed["other"] = .int(1)
      #expect(forward != renamed)
      var shorter = forward
      shorter["k0"] = nil
      #expect(forward != shorter)
    }
  }

  @Test("path writes create, replace and remove as before, through objects and arrays")
  func pathWrites() {
    var value: JSONValue = ["metadata": ["name": "a"], "spec": ["containers": [["name": "c"]]]]
    let copy = value
    value[path: "metadata.labels.app"] = "web"
    value[path: "spec.containers.0.image"] = "nginx"
    value[path: "spec.containers.5.image"] = "ignored"
    value[path: "metadata.missing.deeper"] = nil
    #expect(value == ["metadata": ["name": "a", "labels": ["app": "web"]], "spec": ["containers": [["name": "c", "image": "nginx"]]]])
    #expect(value["metadata"]?.object?.keys == ["name", "labels"])
    // The copy taken before is untouched: members change in place only when not shared.
    #expect(copy == ["metadata": ["name": "a"], "spec": ["containers": [["name": "c"]]]])
    value[path: "metadata.labels.app"] = nil
    #expect(value[path: "metadata.labels"] == .emptyObject)
    value[path: "spec.containers.0"] = nil
    #expect(value[path: "spec.containers"] == [])
    // A scalar on the way becomes an object, as the dictionary-backed writer did.
    value[path: "metadata.name.first"] = "x"
    #expect(value[path: "metadata.name"] == ["first": "x"])
    var scalar: JSONValue = "text"
    scalar[path: "a.b"] = nil
    #expect(scalar == "text")
    scalar[path: "a"] = nil
    #expect(scalar == .emptyObject)
    // Optional chaining through keys changes members in place and stops at a missing one.
    var pod: JSONValue = ["spec": ["replicas": 1]]
    pod["spec"]?["replicas"] = 3
    pod["status"]?["phase"] = "Running"
    #expect(pod == ["spec": ["replicas": 3]])
  }

  /// SplitMix64: the same cases on every run.
  struct Seeded: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  @Test("dotted paths read and write as their segments do: digits, empty segments, Unicode keys, large objects")
  func pathsMatchSegments() {
    var random = Seeded(state: 10)
    // Canonically equivalent keys (é and e + U+0301, K and the Kelvin sign),
    // index-like keys, and enough names for objects to grow an index.
    let keys =
      ["a", "name", "0", "1", "01", "+1", "é", "e\u{301}", "K", "\u{212A}", "creationTimestamp", "한", "key-1\u{301}"]
      + (0..<20).map { "k\($0)" }
    func value(_ depth: Int) -> JSONValue {
      switch Int.random(in: 0..<(depth > 3 ? 3 : 6), using: &random) {
      case 0: return .int(Int.random(in: 0..<100, using: &random))
      case 1: return "s"
      case 2: return .null
      case 3, 4:
        var object = JSONObject()
        for _ in 0..<Int.random(in: 0..<(Bool.random(using: &random) ? 4 : 20), using: &random) {
          object[keys.randomElement(using: &random)!] = value(depth + 1)
        }
        return .object(object)
      default:
        return .array((0..<Int.random(in: 0..<4, using: &random)).map { _ in value(depth + 1) })
      }
    }
    func path() -> String {
      let parts = (0..<Int.random(in: 0..<5, using: &random)).map { _ -> String in
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return ""
        case 1: return String(Int.random(in: 0..<4, using: &random))
        default: return keys.randomElement(using: &random)!
        }
      }
      var text = parts.joined(separator: ".")
      if Int.random(in: 0..<8, using: &random) == 0 { text = "." + text }
      if Int.random(in: 0..<8, using: &random) == 0 { text += "." }
      return text
    }
    var differences: [String] = []
    for _ in 0..<20_000 {
      let original = value(0)
      let path = path()
      let segments = JSONValue.segments(path)
      if original[path: path] != original[segments: segments] {
        differences.append("read \(path) in \(original.compactJSON)")
      }
      let newValue: JSONValue? = Bool.random(using: &random) ? nil : value(2)
      var byPath = original
      var bySegments = original
      byPath[path: path] = newValue
      bySegments[segments: segments] = newValue
      if byPath.compactJSON != bySegments.compactJSON {
        differences.append("write \(path) in \(original.compactJSON)")
      }
    }
    #expect(differences.prefix(5) == [])
    // Array indexes: digits only (leading zeros allowed), `Int`'s other forms too.
    let items: JSONValue = ["a", "b", "c"]
    #expect(items[path: "2"] == "c")
    #expect(items[path: "02"] == "c")
    #expect(items[path: "+1"] == "b")
    #expect(items[path: "3"] == JSONValue?.none)
    #expect(JSONValue.array([])[path: "0"] == JSONValue?.none)
  }
}
