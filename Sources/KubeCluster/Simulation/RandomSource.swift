/// A seedable generator (SplitMix64): every generated name, UID and random
/// choice in the cluster comes from it, so a seed fixes the whole run.
package struct RandomSource: RandomNumberGenerator, Sendable {
  package private(set) var state: UInt64

  package init(seed: UInt64) {
    state = seed
  }

  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// The alphabet of `utilrand.String`: no vowels, no look-alikes.
  static let nameAlphabet = Array("bcdfghjklmnpqrstvwxz2456789")

  /// A suffix like the API server's `generateName` adds: `x2k9p`.
  package mutating func nameSuffix(length: Int = 5) -> String {
    String((0..<length).map { _ in RandomSource.nameAlphabet[Int(next() % 27)] })
  }

  package mutating func uuid() -> String {
    // Written as bytes: every object the cluster creates (each Event too)
    // gets one.
    // Straight into the string's own storage: one allocation.
    let digits = RandomSource.hexDigits
    return String(unsafeUninitializedCapacity: 36) { bytes in
      var position = 0
      for index in 0..<32 {
        var nibble = Int(next() % 16)
        if index == 12 { nibble = 4 }
        if index == 16 { nibble = 8 | (nibble & 3) }
        bytes[position] = digits[nibble]
        if index == 7 || index == 11 || index == 15 || index == 19 {
          bytes[position + 1] = UInt8(ascii: "-")
          position += 2
        } else {
          position += 1
        }
      }
      return 36
    }
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  package mutating func hex(_ count: Int) -> String {
    var bytes = [UInt8](repeating: 0, count: count)
    for index in 0..<count { bytes[index] = RandomSource.hexDigits[Int(next() % 16)] }
    return String(decoding: bytes, as: UTF8.self)
  }

  package mutating func int(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }

  /// `utilrand.SafeEncodeString`: the pod-template-hash alphabet applied to
  /// the decimal digits of a 32-bit hash.
  package static func safeEncode(_ text: String) -> String {
    String(text.utf8.map { nameAlphabet[Int($0) % 27] })
  }

  /// FNV-1a, 32 bits: the hash family Kubernetes uses for template hashes.
  package static func fnv32a(_ text: String) -> UInt32 {
    var hash: UInt32 = 2_166_136_261
    for byte in text.utf8 {
      hash ^= UInt32(byte)
      hash = hash &* 16_777_619
    }
    return hash
  }
}

/// FNV-1a, 32 bits, fed piece by piece: `fnv32a(a + b)` is `feed(a)`
/// then `feed(b)`.
struct FNV32a {
  private(set) var value: UInt32 = 2_166_136_261

  mutating func feed(_ byte: UInt8) {
    value ^= UInt32(byte)
    value = value &* 16_777_619
  }

  mutating func feed(_ text: String) {
    for byte in text.utf8 { feed(byte) }
  }
}

extension JSONValue {
  /// Feeds `sortedKeys.compactJSON` to `hash` without building it.
  func feedSortedCompactJSON(into hash: inout FNV32a) {
    switch self {
    case .string(let text):
      // Text with nothing to escape is its own JSON body.
      if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x80 && $0 != 0x22 && $0 != 0x5C && $0 != 0x3C && $0 != 0x3E && $0 != 0x26 }) {
        hash.feed(0x22)
        hash.feed(text)
        hash.feed(0x22)
      } else {
        hash.feed(JSONValue.quoted(text))
      }
    case .array(let items):
      hash.feed(0x5B)
      for (index, item) in items.enumerated() {
        if index > 0 { hash.feed(0x2C) }
        item.feedSortedCompactJSON(into: &hash)
      }
      hash.feed(0x5D)
    case .object(let object):
      hash.feed(0x7B)
      for (index, key) in object.keys.sorted().enumerated() {
        if index > 0 { hash.feed(0x2C) }
        JSONValue.string(key).feedSortedCompactJSON(into: &hash)
        hash.feed(0x3A)
        object[key]?.feedSortedCompactJSON(into: &hash)
      }
      hash.feed(0x7D)
    default:
      hash.feed(compactJSON)
    }
  }
}
