/// Names one object: its kind, its namespace (empty for cluster-scoped
/// kinds) and its name.
package struct ObjectKey: Hashable, Comparable, Sendable, CustomStringConvertible {
  package let kind: Kind
  package let namespace: String
  package let name: String
  /// The kind and the bytes of both names, hashed once when the key is
  /// made. The store, the settle loop and the controllers look keys up in
  /// sets and dictionaries many times for each one they make; Swift's
  /// `Hasher` over the two strings, at every lookup, was a tenth of the
  /// simulation's time at 10,000 replicas.
  private let digest: UInt64

  package init(_ kind: Kind, _ name: String, in namespace: String = "") {
    self.kind = kind
    self.name = name
    self.namespace = kind.isNamespaced ? namespace : ""
    digest = ObjectKey.digest(kind, self.namespace, name)
  }

  /// Equal keys have the same kind and names with the same bytes. (Two
  /// names that differ only in how their Unicode is composed are different
  /// keys, with different digests: API names are ASCII, and the API server
  /// compares them byte by byte too.)
  package static func == (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
    lhs.digest == rhs.digest && lhs.kind == rhs.kind && lhs.name == rhs.name && lhs.namespace == rhs.namespace
  }

  package func hash(into hasher: inout Hasher) { hasher.combine(digest) }

  /// What sets and dictionaries ask for: the digest mixed with their seed,
  /// without starting a `Hasher`.
  package func _rawHashValue(seed: Int) -> Int { ObjectKey.mix(digest, seed: seed) }

  /// Spreads `value ^ seed` over all the bits (the finalizer of SplitMix64).
  static func mix(_ value: UInt64, seed: Int) -> Int {
    var bits = value ^ UInt64(bitPattern: Int64(seed))
    bits = (bits ^ (bits >> 30)) &* 0xbf58_476d_1ce4_e5b9
    bits = (bits ^ (bits >> 27)) &* 0x94d0_49bb_1331_11eb
    return Int(bitPattern: UInt(bits ^ (bits >> 31)))
  }

  /// Both names' bytes, eight at a time, each step a multiply and a shift
  /// (bijective, so no two words collide in one step), started from the
  /// kind; each name's length ends its part, which keeps the namespace's
  /// bytes from passing for the name's.
  private static func digest(_ kind: Kind, _ namespace: String, _ name: String) -> UInt64 {
    var hash = 0x9e37_79b9_7f4a_7c15 &* UInt64(kind.ordinal + 1)
    absorb(namespace, into: &hash)
    absorb(name, into: &hash)
    return hash
  }

  static func absorb(_ text: String, into hash: inout UInt64) {
    func step(_ word: UInt64) {
      hash = (hash ^ word) &* 0xff51_afd7_ed55_8ccd
      hash ^= hash >> 29
    }
    let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
      guard let base = bytes.baseAddress else { return step(0) }
      var offset = 0
      while offset + 8 <= bytes.count {
        step(UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
        offset += 8
      }
      var tail: UInt64 = 0
      for index in offset..<bytes.count { tail |= UInt64(base[index]) << (8 * UInt64(index - offset)) }
      step(tail)
    }
    if done == nil {
      // Not stored contiguously: byte by byte, the same words.
      var word: UInt64 = 0
      var filled: UInt64 = 0
      for byte in text.utf8 {
        word |= UInt64(byte) << (8 * filled)
        filled += 1
        if filled == 8 { step(word); (word, filled) = (0, 0) }
      }
      step(word)
    }
    step(UInt64(text.utf8.count))
  }

  package static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
    (lhs.kind, lhs.namespace, lhs.name) < (rhs.kind, rhs.namespace, rhs.name)
  }

  /// `default/web` or `web` for cluster-scoped objects.
  package var namespacedName: String {
    namespace.isEmpty ? name : "\(namespace)/\(name)"
  }

  package var description: String { "\(kind.rawValue) \(namespacedName)" }
}

/// A name hashed once, when made, as `ObjectKey` hashes its names, instead
/// of by `Hasher` at every lookup: namespaces in the store, nodes in the
/// scheduler's sums.
struct HashedName: Hashable, Sendable {
  let name: String
  private let digest: UInt64

  init(_ name: String) {
    self.name = name
    var hash: UInt64 = 0x2545_f491_4f6c_dd1d
    ObjectKey.absorb(name, into: &hash)
    digest = hash
  }

  static func == (lhs: HashedName, rhs: HashedName) -> Bool { lhs.digest == rhs.digest && lhs.name == rhs.name }

  func hash(into hasher: inout Hasher) { hasher.combine(digest) }

  func _rawHashValue(seed: Int) -> Int { ObjectKey.mix(digest, seed: seed) }
}
