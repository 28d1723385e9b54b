import Foundation

/// apimachinery's `duration.HumanDuration`: the ages kubectl prints
/// (`45s`, `2m30s`, `10m`, `3h5m`, `2d3h`, `90d`, `2y10d`).
package enum HumanDuration {
  package static func format(_ interval: TimeInterval) -> String {
    var bytes: [UInt8] = []
    write(interval, into: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the duration's text as UTF-8: every row of `kubectl get` has
  /// an AGE, and string interpolation cost more than the rest of the cell.
  package static func write(_ interval: TimeInterval, into out: inout [UInt8]) {
    let seconds = Int(interval.rounded(.towardZero))
    if seconds < -1 { return out.append(contentsOf: "<invalid>".utf8) }
    if seconds < 0 { return put(0, "s", into: &out) }
    if seconds < 120 { return put(seconds, "s", into: &out) }
    let minutes = seconds / 60
    if minutes < 10 {
      return put(minutes, "m", then: seconds % 60, "s", into: &out)
    }
    if minutes < 180 { return put(minutes, "m", into: &out) }
    let hours = seconds / 3600
    if hours < 8 {
      return put(hours, "h", then: minutes % 60, "m", into: &out)
    }
    if hours < 48 { return put(hours, "h", into: &out) }
    if hours < 24 * 8 {
      return put(hours / 24, "d", then: hours % 24, "h", into: &out)
    }
    if hours < 24 * 365 * 2 { return put(hours / 24, "d", into: &out) }
    if hours < 24 * 365 * 8 {
      return put(hours / 24 / 365, "y", then: (hours / 24) % 365, "d", into: &out)
    }
    put(hours / 24 / 365, "y", into: &out)
  }

  /// The age of something created at `date`, or `<unknown>` without a date.
  package static func since(_ date: Date?, now: Date) -> String {
    guard let date else { return "<unknown>" }
    return format(now.timeIntervalSince(date))
  }

  /// `since` as UTF-8 bytes.
  package static func write(since date: Date?, now: Date, into out: inout [UInt8]) {
    guard let date else { return out.append(contentsOf: "<unknown>".utf8) }
    write(now.timeIntervalSince(date), into: &out)
  }

  /// `12m`, or `2m30s` (`rest` left out when it is 0).
  private static func put(_ value: Int, _ unit: Unicode.Scalar, then rest: Int = 0, _ restUnit: Unicode.Scalar = "s", into out: inout [UInt8]) {
    Digits.write(value, into: &out)
    out.append(UInt8(unit.value))
    guard rest != 0 else { return }
    Digits.write(rest, into: &out)
    out.append(UInt8(restUnit.value))
  }

  /// Decimal digits of an integer, without going through `String`.
  package enum Digits {
    package static func write(_ value: Int, into out: inout [UInt8]) {
      if value < 0 {
        out.append(UInt8(ascii: "-"))
        // The magnitude of Int.min does not fit an Int.
        guard value != .min else { return out.append(contentsOf: "9223372036854775808".utf8) }
        return write(-value, into: &out)
      }
      if value < 10 { return out.append(UInt8(48 + value)) }
      var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: Int.max has 19 digits
      var count = 0
      var rest = value
      withUnsafeMutableBytes(of: &digits) { buffer in
        while rest > 0 {
          buffer[23 - count] = UInt8(48 + rest % 10)
          rest /= 10
          count += 1
        }
        out.append(contentsOf: buffer[(24 - count)...])
      }
    }
  }
}
