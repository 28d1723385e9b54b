/// The timestamp check of go-yaml v2's resolver: whether `time.Parse`
/// accepts a scalar in one of the four layouts go-yaml tries.
///
/// go-yaml reads such scalars as strings when decoding into `interface{}`,
/// but quotes them when encoding, so `"2024-01-01"` keeps its quotes in
/// kubectl's YAML output.
package enum GoTimestamp {
  /// Whether go-yaml v2 treats `text` as a timestamp.
  package static func matches(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    // go-yaml's quick check: every layout starts with four digits and a dash.
    guard bytes.count > 4, bytes[0..<4].allSatisfy(isDigit), bytes[4] == UInt8(ascii: "-") else {
      return false
    }
    return parse(bytes, time: "T") || parse(bytes, time: "t") || parse(bytes, time: " ")
      || parse(bytes, time: nil)
  }

  /// Tries `2006-1-2` followed, when `time` is given, by that separator,
  /// `15:4:5.999999999` and (for `T` and `t`) a `Z07:00` zone.
  private static func parse(_ bytes: [UInt8], time separator: Character?) -> Bool {
    var reader = Reader(bytes: bytes)
    guard let year = reader.fixedNumber(4), reader.literal("-"),
      let month = reader.number(), (1...12).contains(month), reader.literal("-"),
      let day = reader.number()
    else { return false }
    if let separator {
      if separator == " " {
        guard reader.spaces() else { return false }
      } else {
        guard reader.literal(separator) else { return false }
      }
      guard let hour = reader.number(), hour < 24, reader.literal(":"),
        let minute = reader.number(), minute < 60, reader.literal(":"),
        let second = reader.number(), second < 60
      else { return false }
      reader.fraction()
      if separator != " " {
        guard reader.zone() else { return false }
      }
    }
    guard reader.atEnd else { return false }
    return day >= 1 && day <= daysIn(month: month, year: year)
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  /// A cursor over the bytes with Go's `time.Parse` field readers.
  private struct Reader {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    func digit(at offset: Int) -> Int? {
      let position = index + offset
      guard position < bytes.count, GoTimestamp.isDigit(bytes[position]) else { return nil }
      return Int(bytes[position] - UInt8(ascii: "0"))
    }

    /// Go's `getnum(value, false)`: one or two digits.
    mutating func number() -> Int? {
      guard let first = digit(at: 0) else { return nil }
      guard let second = digit(at: 1) else {
        index += 1
        return first
      }
      index += 2
      return first * 10 + second
    }

    mutating func fixedNumber(_ count: Int) -> Int? {
      var value = 0
      for offset in 0..<count {
        guard let next = digit(at: offset) else { return nil }
        value = value * 10 + next
      }
      index += count
      return value
    }

    mutating func literal(_ character: Character) -> Bool {
      guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else {
        return false
      }
      index += 1
      return true
    }

    /// A space in a Go layout matches one or more spaces.
    mutating func spaces() -> Bool {
      guard index < bytes.count, bytes[index] == UInt8(ascii: " ") else { return false }
      while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
      return true
    }

    /// `.999999999`: optional; a period or comma followed by any digits.
    mutating func fraction() {
      guard index + 1 < bytes.count,
        bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ","),
        digit(at: 1) != nil
      else { return }
      index += 1
      while digit(at: 0) != nil { index += 1 }
    }

    /// `Z07:00`: `Z`, or a sign, two hour digits, a colon and two minute digits.
    mutating func zone() -> Bool {
      if index < bytes.count, bytes[index] == UInt8(ascii: "Z") {
        index += 1
        return true
      }
      guard bytes.count - index >= 6, bytes[index + 3] == UInt8(ascii: ":"),
        bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
        let h1 = digit(at: 1), let h2 = digit(at: 2), let m1 = digit(at: 4), let m2 = digit(at: 5),
        h1 * 10 + h2 <= 24, m1 * 10 + m2 <= 60
      else { return false }
      index += 6
      return true
    }
  }
}
