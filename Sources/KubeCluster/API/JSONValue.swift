import Foundation

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
    var bytes: [UInt8] = []
    bytes.reserveCapacity(256)
    writeCompactJSON(into: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the value as one-line JSON (UTF-8), keys in stored order:
  /// one growing buffer instead of a string per member, so the API server
  /// encodes a list of pods without building thousands of small strings.
  package func writeCompactJSON(into out: inout [UInt8]) {
    switch self {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
    case .int(let value): out.append(contentsOf: String(value).utf8)
    case .double(let value): out.append(contentsOf: JSONValue.format(value).utf8)
    case .string(let value): JSONValue.writeQuoted(value, into: &out)
    case .array(let items):
      out.append(UInt8(ascii: "["))
      for (index, item) in items.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        item.writeCompactJSON(into: &out)
      }
      out.append(UInt8(ascii: "]"))
    case .object(let object):
      out.append(UInt8(ascii: "{"))
      var first = true
      object.forEachMember { key, value in
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        JSONValue.writeQuoted(key, into: &out)
        out.append(UInt8(ascii: ":"))
        value.writeCompactJSON(into: &out)
      }
      out.append(UInt8(ascii: "}"))
    }
  }

  /// A JSON string literal with Go's escaping (`<`, `>`, `&` escaped as
  /// encoding/json does by default).
  package static func quoted(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 2)
    writeQuoted(text, into: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `text` as a JSON string literal with Go's escaping. Most
  /// strings (names, labels, timestamps) need none and are copied whole.
  package static func writeQuoted(_ text: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      if !bytes.contains(where: needsEscape) {
        out.append(contentsOf: bytes)
      } else {
        writeEscaped(bytes, into: &out)
      }
      return true
    }
    if copied == nil { writeEscaped(Array(text.utf8), into: &out) }
    out.append(UInt8(ascii: "\""))
  }

  /// Whether a UTF-8 byte may start something Go escapes: a control
  /// character, `"`, `\`, `<`, `>`, `&`, or the lead byte of U+2028/U+2029.
  private static func needsEscape(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0xE2
  }

  private static func writeEscaped<Bytes: RandomAccessCollection>(_ bytes: Bytes, into out: inout [UInt8])
  where Bytes.Element == UInt8, Bytes.Index == Int {
    let hex = Array("0123456789abcdef".utf8)
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      index += 1
      switch byte {
      case 0x22: out.append(contentsOf: [0x5C, 0x22])
      case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
      case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
      case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
      case 0x3C: out.append(contentsOf: "\\u003c".utf8)
      case 0x3E: out.append(contentsOf: "\\u003e".utf8)
      case 0x26: out.append(contentsOf: "\\u0026".utf8)
      case 0xE2 where index + 1 < bytes.endIndex && bytes[index] == 0x80
        && (bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9):
        out.append(contentsOf: (bytes[index + 1] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
        index += 2
      case ..<0x20:
        out.append(contentsOf: "\\u00".utf8)
        out.append(hex[Int(byte >> 4)])
        out.append(hex[Int(byte & 0xF)])
      default:
        out.append(byte)
      }
    }
  }

  // MARK: Paths

  /// Reads or writes a dotted path such as `metadata.labels.app` or
  /// `spec.containers.0.image`; writing creates the objects on the way.
  package subscript(path path: String) -> JSONValue? {
    get { lookup(path) }
    set {
      // Cut from the path's bytes as `lookup` does: no array of segments.
      var path = path
      path.withUTF8 { bytes in write(newValue, utf8: bytes, from: 0) }
    }
  }

  /// The next non-empty segment of a dotted path's bytes at or after `from`.
  fileprivate static func nextSegment(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Range<Int>? {
    var start = from
    while start < bytes.count {
      var end = start
      while end < bytes.count && bytes[end] != UInt8(ascii: ".") { end += 1 }
      if end > start { return start..<end }
      start = end + 1
    }
    return nil
  }

  /// `write(_:at:)` for the segments of a dotted path's bytes from `from`.
  fileprivate mutating func write(_ newValue: JSONValue?, utf8 bytes: UnsafeBufferPointer<UInt8>, from: Int) {
    guard let first = JSONValue.nextSegment(bytes, from: from) else {
      self = newValue ?? .null
      return
    }
    let last = JSONValue.nextSegment(bytes, from: first.upperBound) == nil
    let segment = String(decoding: UnsafeBufferPointer(rebasing: bytes[first]), as: UTF8.self)
    // `if case`, not `switch`: a switch keeps its own reference to `self`
    // for as long as it runs, so the level taken out below would be shared
    // and copied at every write instead of changed in place.
    if case .array(var items) = self {
      guard let index = Int(segment), items.indices.contains(index) else { return }
      self = .null
      if last {
        if let newValue { items[index] = newValue } else { items.remove(at: index) }
      } else {
        items[index].write(newValue, utf8: bytes, from: first.upperBound)
      }
      self = .array(items)
    } else if case .object(var object) = self {
      if !last && newValue == nil && object[segment] == nil { return }
      self = .null
      object.write(newValue, at: segment, utf8: bytes, from: first.upperBound, last: last)
      self = .object(object)
    } else {
      if !last && newValue == nil { return }
      var object = JSONObject()
      object.write(newValue, at: segment, utf8: bytes, from: first.upperBound, last: last)
      self = .object(object)
    }
  }

  /// Reads a dotted path without building an array of segments: the hot
  /// path of every printer and controller. Segments are cut from the
  /// path's UTF-8 bytes and compared as bytes.
  private func lookup(_ path: String) -> JSONValue? {
    var path = path
    return path.withUTF8 { bytes in find(bytes, from: 0) }
  }

  /// The value at the rest of a dotted path's bytes from `from`. Each level
  /// is read where it is stored, in its parent's buffer, and only the value
  /// found is copied: a walk that copied every level on the way retained and
  /// released each of them, the largest cost of a controller's reads.
  private func find(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> JSONValue? {
    guard let segment = JSONValue.nextSegment(bytes, from: from) else { return self }
    let rest = segment.upperBound
    let key = UnsafeBufferPointer(rebasing: bytes[segment])
    switch self {
    case .object(let object):
      if let found = object.withMember(ascii: key, { $0.find(bytes, from: rest) }) { return found }
      if key.allSatisfy({ $0 < 0x80 }) { return nil }
      return object[String(decoding: key, as: UTF8.self)]?.find(bytes, from: rest)
    case .array(let items):
      guard key.count <= 18, key.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
        // `Int` reads more than digits (`+1`).
        return child(String(decoding: key, as: UTF8.self))?.find(bytes, from: rest)
      }
      let index = key.reduce(0) { $0 * 10 + Int($1 - 0x30) }
      guard items.indices.contains(index) else { return nil }
      return items.withUnsafeBufferPointer { $0[index].find(bytes, from: rest) }
    default:
      return nil
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

  /// The segments of a dotted path, cut at the bytes of `.` (as `lookup`
  /// reads them): splitting at Characters walked grapheme boundaries and
  /// cost more than the write the path was for.
  package static func segments(_ path: String) -> [Substring] {
    path.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: true).map { Substring($0) }
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
    set { write(newValue, at: segments[...]) }
  }

  /// Writes `newValue` at `segments`, creating objects on the way. Each
  /// level is taken out of its parent while it changes, so it changes in
  /// place instead of being copied.
  fileprivate mutating func write(_ newValue: JSONValue?, at segments: ArraySlice<Substring>) {
    guard let first = segments.first else {
      self = newValue ?? .null
      return
    }
    let rest = segments.dropFirst()
    // `if case`, not `switch` (see `write(_:utf8:from:)`).
    if case .array(var items) = self {
      guard let index = Int(first), items.indices.contains(index) else { return }
      self = .null
      if rest.isEmpty {
        if let newValue { items[index] = newValue } else { items.remove(at: index) }
      } else {
        items[index].write(newValue, at: rest)
      }
      self = .array(items)
    } else if case .object(var object) = self {
      let key = String(first)
      if !rest.isEmpty && newValue == nil && object[key] == nil { return }
      self = .null
      object.write(newValue, at: key, then: rest)
      self = .object(object)
    } else {
      // Nothing to remove from a value that is not an object.
      if !rest.isEmpty && newValue == nil { return }
      var object = JSONObject()
      object.write(newValue, at: String(first), then: rest)
      self = .object(object)
    }
  }

  /// Reads a key of an object value.
  package subscript(key: String) -> JSONValue? {
    get {
      guard case .object(let object) = self else { return nil }
      return object[key]
    }
    set {
      if case .object(var object) = self {
        self = .null
        object[key] = newValue
        self = .object(object)
      } else {
        var object = JSONObject()
        object[key] = newValue
        self = .object(object)
      }
    }
    // `value["spec"]?["replicas"] = 3` changes the member in place.
    _modify {
      if case .object(var object) = self {
        self = .null
        defer { self = .object(object) }
        yield &object[key]
      } else {
        var object = JSONObject()
        defer { if !object.isEmpty { self = .object(object) } }
        yield &object[key]
      }
    }
  }

  /// Returns the value with every object's keys sorted, recursively.
  package var sortedKeys: JSONValue {
    switch self {
    case .array(let items): return .array(items.map(\.sortedKeys))
    case .object(let object):
      var sorted = JSONObject()
      for key in object.keys.sorted() { sorted[key] = object[key]?.sortedKeys }
      return .object(sorted)
    default: return self
    }
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
/// Keys and values sit in two arrays in that order. Reading a key of a
/// small object (nearly all of them: metadata, a container, a condition, a
/// status) walks the keys comparing lengths first, which costs less than
/// hashing the key; every printer and controller reads this way, member by
/// member. Objects of more than `indexedCount` members also keep an index
/// from key to position, so large maps (a ConfigMap's data) stay cheap.
package struct JSONObject: Equatable, Hashable, Sendable, Sequence {
  package private(set) var keys: [String] = []
  private var values: [JSONValue] = []
  /// Key to position; nil while the object is small.
  private var index: [String: Int]?
  private static let indexedCount = 16

  package init() {}

  package init(_ pairs: [(String, JSONValue)]) {
    keys.reserveCapacity(pairs.count)
    values.reserveCapacity(pairs.count)
    for (key, value) in pairs { self[key] = value }
  }

  package var count: Int { keys.count }
  package var isEmpty: Bool { keys.isEmpty }

  /// Where `key` sits in `keys`. Keys of different UTF-8 lengths are
  /// different keys here (as in Go's maps), even the rare pairs Unicode
  /// calls equivalent (`K` and the Kelvin sign).
  private func position(of key: String) -> Int? {
    if let index { return index[key] }
    let length = key.utf8.count
    return keys.withUnsafeBufferPointer { keys in
      for position in keys.indices where keys[position].utf8.count == length && keys[position] == key {
        return position
      }
      return nil
    }
  }

  /// `body` applied to the member whose key has exactly these bytes, read
  /// in place; nil when the bytes are not all ASCII or there is no such
  /// member (or `body` finds nothing in it).
  fileprivate func withMember(
    ascii segment: UnsafeBufferPointer<UInt8>, _ body: (borrowing JSONValue) -> JSONValue?
  ) -> JSONValue? {
    if let index {
      guard segment.allSatisfy({ $0 < 0x80 }), let position = index[String(decoding: segment, as: UTF8.self)]
      else { return nil }
      return values.withUnsafeBufferPointer { body($0[position]) }
    }
    guard let wanted = segment.baseAddress else { return self[""].flatMap { body($0) } }
    let length = segment.count
    let found = keys.withUnsafeBufferPointer { keys -> Int? in
      for position in keys.indices where keys[position].utf8.count == length {
        // Compared here, eight bytes at a time: the generic `elementsEqual`
        // cost more than all else, and a call to memcmp for keys this short
        // cost more than the comparing.
        let utf8 = keys[position].utf8
        let equal =
          utf8.withContiguousStorageIfAvailable { JSONObject.sameBytes($0.baseAddress.unsafelyUnwrapped, wanted, length) }
          ?? utf8.elementsEqual(segment)
        if equal { return position }
      }
      return nil
    }
    guard let found, segment.allSatisfy({ $0 < 0x80 }) else { return nil }
    return values.withUnsafeBufferPointer { body($0[found]) }
  }

  /// Whether `count` bytes at `a` and at `b` are the same.
  @inline(__always)
  private static func sameBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    let (x, y) = (UnsafeRawPointer(a), UnsafeRawPointer(b))
    var offset = 0
    while offset + 8 <= count {
      guard x.loadUnaligned(fromByteOffset: offset, as: UInt64.self) == y.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      else { return false }
      offset += 8
    }
    while offset < count {
      guard a[offset] == b[offset] else { return false }
      offset += 1
    }
    return true
  }

  package subscript(key: String) -> JSONValue? {
    get { position(of: key).map { values[$0] } }
    set {
      if let position = position(of: key) {
        if let newValue { values[position] = newValue } else { remove(at: position) }
      } else if let newValue {
        append(key, newValue)
      }
    }
    // The member is taken out while it changes, so it changes in place.
    _modify {
      if let position = position(of: key) {
        var value: JSONValue? = values[position]
        values[position] = .null
        defer {
          if let value { values[position] = value } else { remove(at: position) }
        }
        yield &value
      } else {
        var value: JSONValue?
        defer { if let value { append(key, value) } }
        yield &value
      }
    }
  }

  /// Calls `body` with each member in order, without an iterator object.
  package func forEachMember(_ body: (String, JSONValue) throws -> Void) rethrows {
    for position in keys.indices { try body(keys[position], values[position]) }
  }

  /// Writes `newValue` at `rest` inside the member `key` (creating it as an
  /// object when it is missing), in place.
  fileprivate mutating func write(_ newValue: JSONValue?, at key: String, then rest: ArraySlice<Substring>) {
    guard !rest.isEmpty else {
      self[key] = newValue
      return
    }
    changeMember(key) { $0.write(newValue, at: rest) }
  }

  /// `write(_:at:then:)` for the rest of a dotted path's bytes from `from`
  /// (`last` when nothing follows `key`).
  fileprivate mutating func write(
    _ newValue: JSONValue?, at key: String, utf8 bytes: UnsafeBufferPointer<UInt8>, from: Int, last: Bool
  ) {
    guard !last else {
      self[key] = newValue
      return
    }
    changeMember(key) { $0.write(newValue, utf8: bytes, from: from) }
  }

  /// `body` applied to the member `key` (added as an empty object when
  /// missing), found once and taken out while it changes, so that it
  /// changes in place.
  private mutating func changeMember(_ key: String, _ body: (inout JSONValue) -> Void) {
    let position: Int
    if let found = self.position(of: key) {
      position = found
    } else {
      append(key, .emptyObject)
      position = keys.count - 1
    }
    var member = values[position]
    values[position] = .null
    body(&member)
    values[position] = member
  }

  private mutating func append(_ key: String, _ value: JSONValue) {
    keys.append(key)
    values.append(value)
    if index != nil {
      index?[key] = keys.count - 1
    } else if keys.count > JSONObject.indexedCount {
      reindex()
    }
  }

  private mutating func remove(at position: Int) {
    keys.remove(at: position)
    values.remove(at: position)
    if index != nil { reindex() }
  }

  private mutating func reindex() {
    guard keys.count > JSONObject.indexedCount else {
      index = nil
      return
    }
    var positions: [String: Int] = [:]
    positions.reserveCapacity(keys.count)
    for (position, key) in keys.enumerated() { positions[key] = position }
    index = positions
  }

  package struct Iterator: IteratorProtocol {
    fileprivate let keys: [String]
    fileprivate let values: [JSONValue]
    fileprivate var position = 0

    package mutating func next() -> (key: String, value: JSONValue)? {
      guard position < keys.count else { return nil }
      defer { position += 1 }
      return (keys[position], values[position])
    }
  }

  package func makeIterator() -> Iterator { Iterator(keys: keys, values: values) }

  package var underestimatedCount: Int { keys.count }

  /// Equal when they hold the same members, in any order.
  package static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
    guard lhs.keys.count == rhs.keys.count else { return false }
    // The usual case, the same keys in the same order (and often the same
    // arrays, when one is a copy of the other): compare the values in turn.
    if lhs.keys == rhs.keys { return lhs.values == rhs.values }
    for (position, key) in lhs.keys.enumerated() {
      guard let other = rhs.position(of: key), rhs.values[other] == lhs.values[position] else {
        return false
      }
    }
    return true
  }

  /// Independent of the members' order, as `==` is (Dictionary's scheme).
  package func hash(into hasher: inout Hasher) {
    var combined = 0
    for position in keys.indices {
      var member = hasher
      member.combine(keys[position])
      member.combine(values[position])
      combined ^= member.finalize()
    }
    hasher.combine(combined)
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
