/// The order go-yaml v2 gives map keys when it encodes: mostly alphabetical,
/// but runs of digits compare by value (`a9` < `a09` < `a10`) and
/// non-letters sort before letters (`_b` < `1` < `A` < `a`).
///
/// kubectl's `-o yaml` goes JSON → `map[interface{}]interface{}` → go-yaml,
/// so every object's keys come out in this order, not in byte order.
package enum YAMLKeyOrder {
  /// Whether `lhs` sorts before `rhs`, as go-yaml's `keyList.Less` decides
  /// for two string keys.
  package static func less(_ lhs: String, _ rhs: String) -> Bool {
    less(Array(lhs.unicodeScalars), Array(rhs.unicodeScalars))
  }

  /// Sorts `keys` in go-yaml's order.
  package static func sorted(_ keys: [String]) -> [String] {
    keys.map { (key: $0, scalars: Array($0.unicodeScalars)) }
      .sorted { less($0.scalars, $1.scalars) }
      .map(\.key)
  }

  /// `less` on keys already split into Unicode scalars.
  static func less(_ left: [Unicode.Scalar], _ right: [Unicode.Scalar]) -> Bool {
    var index = 0
    while index < left.count && index < right.count {
      let a = left[index]
      let b = right[index]
      if a == b {
        index += 1
        continue
      }
      let aLetter = isLetter(a)
      let bLetter = isLetter(b)
      if aLetter && bLetter { return a.value < b.value }
      if aLetter || bLetter { return bLetter }
      // Neither is a letter: compare the digit runs starting here by value.
      var aNumber: Int64 = 0
      var bNumber: Int64 = 0
      if a == "0" || b == "0" {
        // A zero inside a longer number (`10` vs `1a`) is not a leading zero.
        var back = index - 1
        while back >= 0 && isDigit(left[back]) {
          if left[back] != "0" {
            aNumber = 1
            bNumber = 1
            break
          }
          back -= 1
        }
      }
      var aEnd = index
      while aEnd < left.count && isDigit(left[aEnd]) {
        aNumber = aNumber &* 10 &+ (Int64(left[aEnd].value) &- 48)
        aEnd += 1
      }
      var bEnd = index
      while bEnd < right.count && isDigit(right[bEnd]) {
        bNumber = bNumber &* 10 &+ (Int64(right[bEnd].value) &- 48)
        bEnd += 1
      }
      if aNumber != bNumber { return aNumber < bNumber }
      if aEnd != bEnd { return aEnd < bEnd }
      return a.value < b.value
    }
    return left.count < right.count
  }

  /// Go's `unicode.IsLetter`: categories Lu, Ll, Lt, Lm and Lo.
  private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      return (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
    }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
      return true
    default:
      return false
    }
  }

  /// Go's `unicode.IsDigit`: ASCII digits, and category Nd beyond Latin-1.
  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x100 { return scalar >= "0" && scalar <= "9" }
    return scalar.properties.generalCategory == .decimalNumber
  }
}
