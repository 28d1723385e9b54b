import Foundation
import KubeCluster

/// Reads the Kubernetes protobuf encoding (`application/vnd.kubernetes.protobuf`)
/// that kubectl's typed clients send, into the JSON tree the cluster
/// stores, as the API server's JSON form of the same object would be.
///
/// Go's generated marshallers write every non-pointer field, empty or not,
/// so empty strings, zeros, `false` and empty messages are dropped, as
/// `omitempty` drops them from JSON; `replicas` keeps a zero, since it is a
/// pointer that was set.
enum ProtobufDecoder {
  /// The 4-byte prefix of every Kubernetes protobuf body.
  static let magic: [UInt8] = [0x6b, 0x38, 0x73, 0x00]

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// One field of a message.
  struct Field {
    enum Kind {
      case string, integer, bool, bytes, double
      case message(String)
      case stringMap, bytesMap
      case messageMap(String)
    }
    var name: String
    var kind: Kind
    var repeated: Bool
  }

  /// Message name to its fields by number, parsed once from the schema text.
  static let schema: [String: [Int: Field]] = {
    var messages: [String: [Int: Field]] = [:]
    for line in ProtobufSchemaText.text.split(separator: "\n") {
      let words = line.split(separator: " ")
      guard let name = words.first else { continue }
      var fields: [Int: Field] = [:]
      for word in words.dropFirst() {
        guard let equals = word.firstIndex(of: "="), let colon = word.firstIndex(of: ":"),
          let number = Int(word[..<equals])
        else { continue }
        let fieldName = String(word[word.index(after: equals)..<colon])
        var type = word[word.index(after: colon)...]
        let repeated = type.hasPrefix("*")
        if repeated { type = type.dropFirst() }
        let kind: Field.Kind
        switch type {
        case "s": kind = .string
        case "i": kind = .integer
        case "b": kind = .bool
        case "y": kind = .bytes
        case "d": kind = .double
        case "Ms": kind = .stringMap
        case "My": kind = .bytesMap
        default:
          if type.hasPrefix("Mm:") {
            kind = .messageMap(String(type.dropFirst(3)))
          } else {
            kind = .message(String(type.dropFirst(2)))
          }
        }
        fields[number] = Field(name: fieldName, kind: kind, repeated: repeated)
      }
      messages[String(name)] = fields
    }
    return messages
  }()

  /// Decodes a whole request body: the magic prefix, the `runtime.Unknown`
  /// envelope, then the object its `typeMeta` names.
  static func decodeObject(_ bytes: [UInt8]) throws -> JSONValue {
    guard bytes.count >= 4, Array(bytes[0..<4]) == magic else {
      throw Failure(description: "the body does not start with the protobuf magic number")
    }
    var reader = Reader(bytes: bytes, start: 4, end: bytes.count)
    var apiVersion = ""
    var kind = ""
    var raw: (Int, Int)?
    while let (number, wire) = try reader.tag() {
      switch (number, wire) {
      case (1, 2):
        var typeMeta = try reader.nested()
        while let (field, fieldWire) = try typeMeta.tag() {
          if field == 1, fieldWire == 2 { apiVersion = try typeMeta.string() }
          else if field == 2, fieldWire == 2 { kind = try typeMeta.string() }
          else { try typeMeta.skip(fieldWire) }
        }
      case (2, 2):
        let nested = try reader.nested()
        raw = (nested.index, nested.end)
      default:
        try reader.skip(wire)
      }
    }
    guard let raw, let found = Kind.from(apiVersion: apiVersion, kind: kind) else {
      throw Failure(description: "no kind \(kind) in \(apiVersion)")
    }
    let package = found.group.isEmpty ? "core" : found.group
    var body = Reader(bytes: bytes, start: raw.0, end: raw.1)
    var object = try message("\(package).\(found.rawValue)", &body)
    var ordered: JSONValue = ["apiVersion": .string(apiVersion), "kind": .string(kind)]
    for (key, value) in object.object ?? JSONObject() { ordered[key] = value }
    object = ordered
    return object
  }

  /// Decodes one message; an unknown message type keeps nothing.
  static func message(_ type: String, _ reader: inout Reader) throws -> JSONValue {
    switch type {
    case "meta.Time", "meta.MicroTime":
      var seconds = 0
      var nanos = 0
      while let (number, wire) = try reader.tag() {
        if number == 1, wire == 0 { seconds = try reader.integer() }
        else if number == 2, wire == 0 { nanos = try reader.integer() }
        else { try reader.skip(wire) }
      }
      guard seconds != 0 || nanos != 0 else { return .null }
      return .string(Timestamp.format(Date(timeIntervalSince1970: TimeInterval(seconds))))
    case "intstr.IntOrString":
      var isString = false
      var number = 0
      var text = ""
      while let (field, wire) = try reader.tag() {
        switch (field, wire) {
        case (1, 0): isString = try reader.integer() == 1
        case (2, 0): number = try reader.integer()
        case (3, 2): text = try reader.string()
        default: try reader.skip(wire)
        }
      }
      return isString ? .string(text) : .int(number)
    case "resource.Quantity":
      var text = ""
      while let (field, wire) = try reader.tag() {
        if field == 1, wire == 2 { text = try reader.string() } else { try reader.skip(wire) }
      }
      return .string(text)
    default:
      break
    }
    let fields = schema[type] ?? [:]
    var object = JSONValue.emptyObject
    while let (number, wire) = try reader.tag() {
      guard let field = fields[number] else {
        try reader.skip(wire)
        continue
      }
      switch field.kind {
      case .stringMap, .bytesMap, .messageMap:
        var entry = try reader.nested()
        var key = ""
        var value: JSONValue = .string("")
        while let (entryField, entryWire) = try entry.tag() {
          switch (entryField, field.kind) {
          case (1, _): key = try entry.string()
          case (2, .bytesMap): value = .string(Data(try entry.data()).base64EncodedString())
          case (2, .messageMap(let valueType)):
            var nested = try entry.nested()
            value = try message(valueType, &nested)
          case (2, _): value = .string(try entry.string())
          default: try entry.skip(entryWire)
          }
        }
        var map = object[field.name] ?? .emptyObject
        map[key] = value
        object[field.name] = map
      default:
        let values = try scalarOrMessage(field, wire: wire, &reader)
        if field.repeated {
          object[field.name] = .array((object[field.name]?.array ?? []) + values)
        } else if let value = values.last {
          object[field.name] = value
        }
      }
    }
    return pruned(object)
  }

  private static func scalarOrMessage(_ field: Field, wire: Int, _ reader: inout Reader) throws -> [JSONValue] {
    switch field.kind {
    case .string: return [.string(try reader.string())]
    case .bytes: return [.string(Data(try reader.data()).base64EncodedString())]
    case .integer, .bool:
      // Repeated numbers may come packed in one length-delimited field.
      if wire == 2 {
        var packed = try reader.nested()
        var values: [JSONValue] = []
        while !packed.isAtEnd {
          let value = try packed.integer()
          values.append(field.kind.isBool ? .bool(value != 0) : .int(value))
        }
        return values
      }
      let value = try reader.integer()
      return [field.kind.isBool ? .bool(value != 0) : .int(value)]
    case .double:
      return [.double(try reader.double())]
    case .message(let type):
      var nested = try reader.nested()
      return [try message(type, &nested)]
    default:
      try reader.skip(wire)
      return []
    }
  }

  /// Drops what JSON's `omitempty` would: empty strings, zeros, `false`,
  /// nulls, empty objects and lists; a set `replicas` stays.
  static func pruned(_ object: JSONValue) -> JSONValue {
    guard case .object(let members) = object else { return object }
    var result = JSONObject()
    for (key, value) in members {
      switch value {
      case .null: continue
      case .string(""), .bool(false): continue
      case .int(0) where key != "replicas": continue
      case .object(let inner) where inner.isEmpty: continue
      case .array(let items) where items.isEmpty: continue
      default: result[key] = value
      }
    }
    return .object(result)
  }

  /// A cursor over protobuf wire format.
  struct Reader {
    let bytes: [UInt8]
    var index: Int
    let end: Int

    init(bytes: [UInt8], start: Int, end: Int) {
      self.bytes = bytes
      index = start
      self.end = end
    }

    var isAtEnd: Bool { index >= end }

    mutating func varint() throws -> UInt64 {
      var result: UInt64 = 0
      var shift: UInt64 = 0
      while true {
        guard index < end, shift < 64 else { throw Failure(description: "truncated varint") }
        let byte = bytes[index]
        index += 1
        result |= UInt64(byte & 0x7f) << shift
        if byte & 0x80 == 0 { return result }
        shift += 7
      }
    }

    /// The next field's number and wire type, or `nil` at the end.
    mutating func tag() throws -> (Int, Int)? {
      guard !isAtEnd else { return nil }
      let key = try varint()
      return (Int(key >> 3), Int(key & 7))
    }

    /// A varint as a signed integer (int32 and int64 sign-extend).
    mutating func integer() throws -> Int { Int(Int64(bitPattern: try varint())) }

    mutating func nested() throws -> Reader {
      let length = Int(try varint())
      guard length >= 0, index + length <= end else { throw Failure(description: "truncated field") }
      defer { index += length }
      return Reader(bytes: bytes, start: index, end: index + length)
    }

    mutating func data() throws -> [UInt8] {
      let inner = try nested()
      return Array(bytes[inner.index..<inner.end])
    }

    mutating func string() throws -> String { String(decoding: try data(), as: UTF8.self) }

    mutating func double() throws -> Double {
      guard index + 8 <= end else { throw Failure(description: "truncated double") }
      var bits: UInt64 = 0
      for offset in 0..<8 { bits |= UInt64(bytes[index + offset]) << (8 * UInt64(offset)) }
      index += 8
      return Double(bitPattern: bits)
    }

    mutating func skip(_ wire: Int) throws {
      switch wire {
      case 0: _ = try varint()
      case 1: index += 8
      case 2: _ = try nested()
      case 5: index += 4
      default: throw Failure(description: "unsupported wire type \(wire)")
      }
      guard index <= end else { throw Failure(description: "truncated field") }
    }
  }
}

extension ProtobufDecoder.Field.Kind {
  var isBool: Bool {
    if case .bool = self { return true }
    return false
  }
}
