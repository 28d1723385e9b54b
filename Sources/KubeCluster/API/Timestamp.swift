import Foundation

/// RFC 3339 timestamps at second precision, as Kubernetes writes
/// `metav1.Time`, without Foundation's locale-dependent formatters.
package enum Timestamp {
  /// `2024-05-01T09:30:00Z`.
  package static func format(_ date: Date) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondOfDay = seconds - days * 86_400
    let (year, month, day) = civil(fromDays: days)
    guard (0...9999).contains(year) else {
      return String(
        format: "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day, secondOfDay / 3600,
        secondOfDay / 60 % 60, secondOfDay % 60)
    }
    // By hand: every write stamps times, and String(format:) costs more
    // than the rest of a write.
    var bytes = [UInt8](repeating: 0, count: 20)
    func put(_ value: Int, at offset: Int, width: Int) {
      var value = value
      for index in stride(from: offset + width - 1, through: offset, by: -1) {
        bytes[index] = UInt8(48 + value % 10)
        value /= 10
      }
    }
    put(year, at: 0, width: 4)
    put(month, at: 5, width: 2)
    put(day, at: 8, width: 2)
    put(secondOfDay / 3600, at: 11, width: 2)
    put(secondOfDay / 60 % 60, at: 14, width: 2)
    put(secondOfDay % 60, at: 17, width: 2)
    for (offset, mark) in [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "Z")] as [(Int, Unicode.Scalar)] {
      bytes[offset] = UInt8(mark.value)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `2024-05-01T09:30:00.123456Z`, as `metav1.MicroTime` prints.
  package static func formatMicro(_ date: Date) -> String {
    let base = format(date)
    let micros = Int(((date.timeIntervalSince1970 - date.timeIntervalSince1970.rounded(.down)) * 1_000_000).rounded())
    return String(base.dropLast()) + String(format: ".%06dZ", min(micros, 999_999))
  }

  package static func parse(_ text: String?) -> Date? {
    // Bytes, not Characters: counting Characters walks grapheme breaks, and
    // every AGE cell parses a time. Characters are counted only for text
    // that is not ASCII, so such text is refused exactly as before.
    guard var text, text.utf8.count >= 20 else { return nil }
    var ascii = true
    let date = text.withUTF8 { bytes -> Date? in
      for byte in bytes where byte >= 0x80 {
        ascii = false
        return nil
      }
      return parse(bytes: bytes)
    }
    if ascii { return date }
    return text.count < 20 ? nil : text.withUTF8 { parse(bytes: $0) }
  }

  private static func parse(bytes chars: UnsafeBufferPointer<UInt8>) -> Date? {
    func number(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= chars.count else { return nil }
      var value = 0
      for index in range {
        let digit = Int(chars[index]) - 48
        guard (0...9).contains(digit) else { return nil }
        value = value * 10 + digit
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
    else { return nil }
    var fraction = 0.0
    if chars.count > 20, chars[19] == UInt8(ascii: ".") {
      var scale = 0.1
      var index = 20
      while index < chars.count, let digit = number(index..<(index + 1)) {
        fraction += Double(digit) * scale
        scale /= 10
        index += 1
      }
    }
    let days = daysFromCivil(year: year, month: month, day: day)
    let total = days * 86_400 + hour * 3600 + minute * 60 + second
    return Date(timeIntervalSince1970: Double(total) + fraction)
  }

  // Howard Hinnant's civil-date algorithms.
  private static func civil(fromDays days: Int) -> (Int, Int, Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }

  private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = month > 2 ? month - 3 : month + 9
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }
}
