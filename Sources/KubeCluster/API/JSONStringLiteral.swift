/// Reads one JSON string literal from UTF-8 bytes, unescaping as Go's
/// `encoding/json` does: a lone or mismatched surrogate becomes U+FFFD.
///
/// Saved clusters (`SnapshotJSON`) and kubectl's JSON manifests
/// (`JSONStreamParser`) both read strings through it; each words its own
/// errors from the `Failure`.
package enum JSONStringLiteral {
  /// Why a literal could not be read.
  package enum Failure: Error, Equatable {
    /// The bytes ended inside the literal.
    case endOfInput
    /// The byte at `offset` may not stand there; `context` says where, in
    /// Go's words (`in string literal`, `in string escape code`, ...).
    case invalid(offset: Int, context: String)
  }

  /// Reads the literal whose opening quote is at `index` and leaves `index`
  /// just past its closing quote.
  package static func read(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int
  ) throws(Failure) -> String {
    index += 1
    let start = index
    // Most literals have no escape: decode them straight from the input.
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), as: UTF8.self)
      }
      if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
      index += 1
    }
    var utf8 = Array(bytes[start..<index])
    while true {
      guard index < bytes.count else { throw .endOfInput }
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        return String(decoding: utf8, as: UTF8.self)
      case UInt8(ascii: "\\"):
        index += 1
        guard index < bytes.count else { throw .endOfInput }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
          var code = try hex4(bytes, at: &index)
          if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count,
            bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
            let low = peekHex4(bytes, at: index + 2), (0xDC00..<0xE000).contains(low)
          {
            index += 6
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          }
          let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
          utf8.append(contentsOf: String(scalar).utf8)
        default:
          throw .invalid(offset: index - 1, context: "in string escape code")
        }
      default:
        if byte < 0x20 { throw .invalid(offset: index, context: "in string literal") }
        utf8.append(byte)
        index += 1
      }
    }
  }

  private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) throws(Failure) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard index < bytes.count else { throw .endOfInput }
      guard let digit = hexValue(bytes[index]) else {
        throw .invalid(offset: index, context: "in \\u hexadecimal character escape")
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  private static func peekHex4(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> UInt32? {
    guard start + 4 <= bytes.count else { return nil }
    var value: UInt32 = 0
    for offset in 0..<4 {
      guard let digit = hexValue(bytes[start + offset]) else { return nil }
      value = value << 4 | digit
    }
    return value
  }

  private static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a")) + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A")) + 10
    default: nil
    }
  }
}
