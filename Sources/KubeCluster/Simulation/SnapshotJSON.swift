/// The JSON text of a saved cluster, written and read byte by byte.
///
/// Foundation's `JSONDecoder` went through `Codable` for every value of
/// every object (trying Bool, Int, Double, String and array in turn, each
/// miss a thrown error): 700 M instructions for a 341-object cluster, most
/// of a restored shell's start-up. These read the same JSON (older
/// snapshots included) in a few percent of that.
package enum SnapshotJSON {
  /// `value` as JSON text, object keys in stored order.
  package static func encode(_ value: JSONValue) -> [UInt8] {
    var writer = Writer(capacity: 256)
    writer.value(value)
    return writer.bytes
  }

  /// The value `bytes` hold, object keys sorted.
  package static func decode(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
    let read = bytes.withUnsafeBufferPointer { buffer in
      Result { () throws(SyntaxError) -> JSONValue in
        var reader = Reader(buffer)
        let value = try reader.value()
        guard reader.atEnd() else { throw SyntaxError(offset: buffer.count, expected: "the end") }
        return value
      }
    }
    return try read.get()
  }

  /// Appends JSON text to a byte buffer.
  struct Writer {
    var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ text: StaticString) {
      text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func byte(_ byte: UInt8) { bytes.append(byte) }

    mutating func number(_ text: String) {
      var text = text
      text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// A string literal: `"`, `\` and control characters escaped, the rest as UTF-8.
    mutating func string(_ text: String) {
      bytes.append(UInt8(ascii: "\""))
      var text = text
      text.withUTF8 { utf8 in
        var start = 0
        for index in 0..<utf8.count {
          let byte = utf8[index]
          guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
          start = index + 1
          switch byte {
          case UInt8(ascii: "\""): raw("\\\"")
          case UInt8(ascii: "\\"): raw("\\\\")
          case UInt8(ascii: "\n"): raw("\\n")
          case UInt8(ascii: "\r"): raw("\\r")
          case UInt8(ascii: "\t"): raw("\\t")
          default:
            raw("\\u00")
            bytes.append(Writer.hexDigits[Int(byte >> 4)])
            bytes.append(Writer.hexDigits[Int(byte & 0xF)])
          }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
      }
      bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A value, object keys in stored order. Doubles keep a `.` or an
    /// exponent (Swift's shortest form), so they read back as doubles;
    /// JSON has no infinity or NaN, so those are written as `null`.
    mutating func value(_ value: JSONValue) {
      switch value {
      case .null: raw("null")
      case .bool(let flag): flag ? raw("true") : raw("false")
      case .int(let integer): number(String(integer))
      case .double(let double): double.isFinite ? number(double.description) : raw("null")
      case .string(let text): string(text)
      case .array(let items):
        byte(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
          if index > 0 { byte(UInt8(ascii: ",")) }
          self.value(item)
        }
        byte(UInt8(ascii: "]"))
      case .object(let object):
        byte(UInt8(ascii: "{"))
        var first = true
        for (key, member) in object {
          if !first { byte(UInt8(ascii: ",")) }
          first = false
          string(key)
          byte(UInt8(ascii: ":"))
          self.value(member)
        }
        byte(UInt8(ascii: "}"))
      }
    }
  }

  /// Malformed JSON, at a byte offset.
  package struct SyntaxError: Error, CustomStringConvertible {
    var offset: Int
    var expected: String
    package var description: String { "malformed JSON at byte \(offset): expected \(expected)" }
  }

  /// Reads JSON text from bytes. Object members come back with their keys
  /// sorted, as the `Codable` reading did (through a dictionary), so a
  /// restored cluster is the same whichever way it was saved.
  struct Reader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private static let maximumDepth = 512

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private mutating func skipSpace() {
      while index < bytes.count {
        switch bytes[index] {
        case 0x20, 0x0A, 0x0D, 0x09: index += 1
        default: return
        }
      }
    }

    private func failure(_ expected: String) -> SyntaxError {
      SyntaxError(offset: index, expected: expected)
    }

    /// Consumes `byte` (after any white space), or throws.
    mutating func expect(_ byte: UInt8) throws(SyntaxError) {
      skipSpace()
      guard index < bytes.count, bytes[index] == byte else {
        throw failure("'\(Character(Unicode.Scalar(byte)))'")
      }
      index += 1
    }

    /// Consumes `byte` if it comes next (after any white space).
    mutating func take(_ byte: UInt8) -> Bool {
      skipSpace()
      guard index < bytes.count, bytes[index] == byte else { return false }
      index += 1
      return true
    }

    /// Whether only white space is left.
    mutating func atEnd() -> Bool {
      skipSpace()
      return index == bytes.count
    }

    /// The members of an object, handed one by one to `member` with the
    /// reader positioned at the member's value, which `member` must read.
    mutating func members(_ member: (String, inout Reader) throws(SyntaxError) -> Void) throws(SyntaxError) {
      try expect(UInt8(ascii: "{"))
      if take(UInt8(ascii: "}")) { return }
      repeat {
        let key = try string()
        try expect(UInt8(ascii: ":"))
        try member(key, &self)
      } while take(UInt8(ascii: ","))
      try expect(UInt8(ascii: "}"))
    }

    /// A string literal.
    mutating func string() throws(SyntaxError) -> String {
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("'\"'") }
      do {
        return try JSONStringLiteral.read(bytes, at: &index)
      } catch {
        switch error {
        case .endOfInput: throw SyntaxError(offset: bytes.count, expected: "'\"'")
        case .invalid(let offset, let context):
          throw SyntaxError(offset: offset, expected: "a valid character \(context)")
        }
      }
    }

    /// The extent of a number literal, and whether it has no fraction or exponent.
    private mutating func numberRange() throws(SyntaxError) -> (Range<Int>, isInteger: Bool) {
      skipSpace()
      let start = index
      var isInteger = true
      scan: while index < bytes.count {
        switch bytes[index] {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"): index += 1
        case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
          isInteger = false
          index += 1
        default: break scan
        }
      }
      guard index > start else { throw failure("a number") }
      return (start..<index, isInteger)
    }

    private func text(_ range: Range<Int>) -> String {
      String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The integer spelled by `range` (an optional `-`, then digits), or
    /// `nil` when it is not one or does not fit.
    private func integer(_ range: Range<Int>) -> Int? {
      var position = range.lowerBound
      let negative = bytes[position] == UInt8(ascii: "-")
      if negative { position += 1 }
      guard position < range.upperBound else { return nil }
      var value = 0
      while position < range.upperBound {
        let digit = bytes[position] &- UInt8(ascii: "0")
        guard digit < 10 else { return nil }
        let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
        let (sum, carry) = negative ? shifted.subtractingReportingOverflow(Int(digit)) : shifted.addingReportingOverflow(Int(digit))
        guard !overflow, !carry else { return nil }
        value = sum
        position += 1
      }
      return value
    }

    /// A number as a double.
    mutating func double() throws(SyntaxError) -> Double { try number("a number") }

    /// A number as an unsigned 64-bit integer.
    mutating func unsigned() throws(SyntaxError) -> UInt64 { try number("an unsigned integer") }

    /// A number read as `T`; `expected` names it when the text is not one.
    private mutating func number<T: LosslessStringConvertible>(_ expected: String) throws(SyntaxError) -> T {
      let start = index
      let (range, _) = try numberRange()
      guard let value = T(text(range)) else {
        index = start
        throw failure(expected)
      }
      return value
    }

    /// Any value. Numbers without a fraction or exponent that fit an `Int`
    /// are integers; the rest are doubles.
    mutating func value(depth: Int = 0) throws(SyntaxError) -> JSONValue {
      skipSpace()
      guard index < bytes.count else { throw failure("a value") }
      switch bytes[index] {
      case UInt8(ascii: "\""):
        return .string(try string())
      case UInt8(ascii: "{"):
        guard depth < Reader.maximumDepth else { throw failure("less nesting") }
        var pairs: [(String, JSONValue)] = []
        var sorted = true
        try members { (key, reader) throws(SyntaxError) in
          if let last = pairs.last, !(last.0 < key) { sorted = false }
          pairs.append((key, try reader.value(depth: depth + 1)))
        }
        if !sorted { pairs.sort { $0.0 < $1.0 } }
        return .object(JSONObject(pairs))
      case UInt8(ascii: "["):
        guard depth < Reader.maximumDepth else { throw failure("less nesting") }
        index += 1
        var items: [JSONValue] = []
        if take(UInt8(ascii: "]")) { return .array(items) }
        repeat {
          items.append(try value(depth: depth + 1))
        } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
        return .array(items)
      case UInt8(ascii: "t"): return try word("true", .bool(true))
      case UInt8(ascii: "f"): return try word("false", .bool(false))
      case UInt8(ascii: "n"): return try word("null", .null)
      default:
        let start = index
        let (range, isInteger) = try numberRange()
        if isInteger, let integer = integer(range) { return .int(integer) }
        guard let double = Double(text(range)) else {
          index = start
          throw failure("a value")
        }
        return .double(double)
      }
    }

    private mutating func word(_ word: StaticString, _ value: JSONValue) throws(SyntaxError) -> JSONValue {
      let count = word.utf8CodeUnitCount
      guard index + count <= bytes.count,
        word.withUTF8Buffer({ $0.elementsEqual(bytes[index..<(index + count)]) })
      else { throw failure("a value") }
      index += count
      return value
    }
  }
}
