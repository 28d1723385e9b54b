/// A JSON-like tree: the form every stored object takes, like Kubernetes'
/// unstructured objects.
///
/// Objects keep their keys in insertion order, so a manifest or a client-side
/// object prints in the order it was written; printers that need kubectl's
/// sorted order sort at print time. Integers and doubles stay apart, so
/// `replicas: 3` never prints as `3.0`.
package enum JSONValue: Equatable, Hashable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object(JSONObject)

  package static let emptyObject = JSONValue.object(JSONObject())

  package var string: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  package var int: Int? {
    switch self {
    case .int(let value): return value
    case .double(let value) where value == value.rounded() && abs(value) < 1e15: return Int(value)
    default: return nil
    }
  }

  package var double: Double? {
    switch self {
    case .int(let value): return Double(value)
    case .double(let value): return value
    default: return nil
    }
  }

  package var bool: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  package var array: [JSONValue]? {
    if case .array(let value) = self { return value }
    return nil
  }

  package var object: JSONObject? {
    if case .object(let value) = self { return value }
    return nil
  }

  package var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  /// The name of this value's JSON type, as Go's decoder words it.
  package var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "bool"
    case .int, .double: "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }

  /// A string rendering for labels, columns and messages: scalars as their
  /// text, anything else as compact JSON.
  package var scalarText: String {
    switch self {
    case .null: ""
    case .bool(let value): value ? "true" : "false"
    case .int(let value): String(value)
    case .double(let value): JSONValue.format(value)
    case .string(let value): value
    case .array, .object: compactJSON
    }
  }

  /// Formats a double the way Go's encoding/json does for the common cases.
  package static func format(_ value: Double) -> String {
    if value == value.rounded() && abs(value) < 1e21 {
      return String(Int(value))
    }
    return String(value)
  }

  /// The value as one-line JSON, keys in stored order.
  package var compactJSON: String {
    switch self {
    case .null: return "null"
    case .bool(let value): return value ? "true" : "false"
    case .int(let value): return String(value)
    case .double(let value): return JSONValue.format(value)
    case .string(let value): return JSONValue.quoted(value)
    case .array(let items): return "[" + items.map(\.compactJSON).joined(separator: ",") + "]"
    case .object(let object):
      return "{"
        + object.map { JSONValue.quoted($0.key) + ":" + $0.value.compactJSON }.joined(separator: ",")
        + "}"
    }
  }

  /// A JSON string literal with Go's escaping (`<`, `>`, `&` escaped as
  /// encoding/json does by default).
  package static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "<": out += "\\u003c"
      case ">": out += "\\u003e"
      case "&": out += "\\u0026"
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      default:
        if scalar.value < 0x20 {
          out += "\\u" + String(format4: scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  // MARK: Paths

  /// Reads or writes a dotted path such as `metadata.labels.app` or
  /// `spec.containers.0.image`; writing creates the objects on the way.
  package subscript(path path: String) -> JSONValue? {
    get { lookup(path) }
    set { self[segments: JSONValue.segments(path)] = newValue }
  }

  /// Reads a dotted path without building an array of segments: the hot
  /// path of every printer and controller. Segments are cut from the
  /// path's UTF-8 bytes and become small strings without allocating.
  private func lookup(_ path: String) -> JSONValue? {
    var path = path
    return path.withUTF8 { bytes -> JSONValue? in
      var current = self
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count && bytes[end] != UInt8(ascii: ".") { end += 1 }
        defer { start = end + 1 }
        if end == start { continue }
        let segment = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        guard let next = current.child(segment) else { return nil }
        current = next
      }
      return current
    }
  }

  /// One step of a path: a key of an object or an index of an array.
  private func child(_ segment: String) -> JSONValue? {
    switch self {
    case .object(let object):
      return object[segment]
    case .array(let items):
      guard let index = Int(segment), items.indices.contains(index) else { return nil }
      return items[index]
    default:
      return nil
    }
  }

  package static func segments(_ path: String) -> [Substring] {
    path.split(separator: ".", omittingEmptySubsequences: true)
  }

  package subscript(segments segments: [Substring]) -> JSONValue? {
    get {
      var current = self
      for segment in segments {
        guard let next = current.child(String(segment)) else { return nil }
        current = next
      }
      return current
    }
    set {
      guard let first = segments.first else {
        self = newValue ?? .null
        return
      }
      let rest = Array(segments.dropFirst())
      switch self {
      case .array(var items):
        guard let index = Int(first), items.indices.contains(index) else { return }
        if rest.isEmpty {
          if let newValue { items[index] = newValue } else { items.remove(at: index) }
        } else {
          items[index][segments: rest] = newValue
        }
        self = .array(items)
      default:
        var object = self.object ?? JSONObject()
        if rest.isEmpty {
          object[String(first)] = newValue
        } else {
          if newValue == nil && object[String(first)] == nil { return }
          var child = object[String(first)] ?? .emptyObject
          child[segments: rest] = newValue
          object[String(first)] = child
        }
        self = .object(object)
      }
    }
  }

  /// Reads a key of an object value.
  package subscript(key: String) -> JSONValue? {
    get { object?[key] }
    set {
      var object = self.object ?? JSONObject()
      object[key] = newValue
      self = .object(object)
    }
  }

  /// Returns the value with every object's keys sorted, recursively.
  package var sortedKeys: JSONValue {
    switch self {
    case .array(let items): return .array(items.map(\.sortedKeys))
    case .object(let object):
      let sorted = object.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value.sortedKeys) }
      return .object(JSONObject(distinctKeys: sorted))
    default: return self
    }
  }
}

extension String {
  fileprivate init(format4 value: UInt32) {
    let hex = String(value, radix: 16)
    let padding = hex.count < 4 ? 4 - hex.count : 0
    self = String(repeating: "0", count: padding) + hex
  }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral,
  ExpressibleByNilLiteral, ExpressibleByFloatLiteral
{
  package init(stringLiteral value: String) { self = .string(value) }
  package init(integerLiteral value: Int) { self = .int(value) }
  package init(booleanLiteral value: Bool) { self = .bool(value) }
  package init(floatLiteral value: Double) { self = .double(value) }
  package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  package init(nilLiteral: ()) { self = .null }
  package init(dictionaryLiteral elements: (String, JSONValue)...) {
    var object = JSONObject()
    for (key, value) in elements { object[key] = value }
    self = .object(object)
  }
}

/// The members of a JSON object, in insertion order.
///
/// One array of members: most objects of a stored Kubernetes object have a
/// handful of keys, and a linear search of a few keys costs less than
/// hashing one, and one buffer holds less than a dictionary plus its key
/// order did (a pod's tree is about forty such objects). Objects with many
/// keys (a big ConfigMap's `data`) also keep the members' positions by key.
package struct JSONObject: Equatable, Hashable, Sendable, Sequence {
  package typealias Member = (key: String, value: JSONValue)

  private var members: [Member] = []
  /// Where each key's member is, kept only above `indexedCount` members.
  private var positions: [String: Int]?

  /// Objects with more members than this also keep their positions by key.
  private static let indexedCount = 16

  package init() {}

  package init(_ pairs: [(String, JSONValue)]) {
    members.reserveCapacity(pairs.count)
    for (key, value) in pairs { self[key] = value }
  }

  /// Members whose keys are known to differ, in their order.
  fileprivate init(distinctKeys members: [Member]) {
    self.members = members
    index()
  }

  /// The keys, in insertion order.
  package var keys: [String] { members.map { $0.key } }
  package var count: Int { members.count }
  package var isEmpty: Bool { members.isEmpty }

  private func position(of key: String) -> Int? {
    if let positions { return positions[key] }
    return members.firstIndex { $0.key == key }
  }

  package subscript(key: String) -> JSONValue? {
    get {
      if let positions { return positions[key].map { members[$0].value } }
      for member in members where member.key == key { return member.value }
      return nil
    }
    set {
      if let newValue {
        if let index = position(of: key) {
          members[index].value = newValue
        } else {
          members.append((key, newValue))
          if positions != nil {
            positions?[key] = members.count - 1
          } else if members.count > JSONObject.indexedCount {
            index()
          }
        }
      } else if let index = position(of: key) {
        members.remove(at: index)
        if positions != nil { self.index() }
      }
    }
  }

  /// Builds (or, below the threshold, drops) the positions by key.
  private mutating func index() {
    guard members.count > JSONObject.indexedCount else {
      positions = nil
      return
    }
    var positions: [String: Int] = [:]
    positions.reserveCapacity(members.count)
    for (index, member) in members.enumerated() { positions[member.key] = index }
    self.positions = positions
  }

  package func makeIterator() -> IndexingIterator<[Member]> {
    members.makeIterator()
  }

  /// Equal when they hold the same keys with equal values, in any order.
  package static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
    guard lhs.members.count == rhs.members.count else { return false }
    // The same buffer (an unchanged subtree of a copied object) is equal
    // without a look inside.
    let shared = lhs.members.withUnsafeBufferPointer { a in
      rhs.members.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress }
    }
    if shared { return true }
    // Members in the same order (the usual case) compare pairwise; from
    // the first key out of place, by lookup.
    for index in lhs.members.indices {
      let (a, b) = (lhs.members[index], rhs.members[index])
      guard a.key == b.key else {
        for member in lhs.members[index...] where rhs[member.key] != member.value { return false }
        return true
      }
      if a.value != b.value { return false }
    }
    return true
  }

  /// Hashes the members in any order, as `==` compares them.
  package func hash(into hasher: inout Hasher) {
    var sum = 0
    for member in members {
      var one = Hasher()
      one.combine(member.key)
      one.combine(member.value)
      sum &+= one.finalize()
    }
    hasher.combine(members.count)
    hasher.combine(sum)
  }
}

extension JSONValue: Codable {
  package init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Int.self) {
      self = .int(value)
    } else if let value = try? container.decode(Double.self) {
      self = .double(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      let members = try container.decode([String: JSONValue].self)
      self = .object(JSONObject(members.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
    }
  }

  package func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .int(let value): try container.encode(value)
    case .double(let value): try container.encode(value)
    case .string(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value):
      var members: [String: JSONValue] = [:]
      for (key, member) in value { members[key] = member }
      try container.encode(members)
    }
  }
}
