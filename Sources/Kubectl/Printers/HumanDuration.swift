import Foundation

/// apimachinery's `duration.HumanDuration`: the ages kubectl prints
/// (`45s`, `2m30s`, `10m`, `3h5m`, `2d3h`, `90d`, `2y10d`).
package enum HumanDuration {
  package static func format(_ interval: TimeInterval) -> String {
    let seconds = Int(interval.rounded(.towardZero))
    if seconds < -1 { return "<invalid>" }
    if seconds < 0 { return "0s" }
    if seconds < 120 { return "\(seconds)s" }
    let minutes = seconds / 60
    if minutes < 10 {
      let rest = seconds % 60
      return rest == 0 ? "\(minutes)m" : "\(minutes)m\(rest)s"
    }
    if minutes < 180 { return "\(minutes)m" }
    let hours = seconds / 3600
    if hours < 8 {
      let rest = minutes % 60
      return rest == 0 ? "\(hours)h" : "\(hours)h\(rest)m"
    }
    if hours < 48 { return "\(hours)h" }
    if hours < 24 * 8 {
      let rest = hours % 24
      return rest == 0 ? "\(hours / 24)d" : "\(hours / 24)d\(rest)h"
    }
    if hours < 24 * 365 * 2 { return "\(hours / 24)d" }
    if hours < 24 * 365 * 8 {
      let days = (hours / 24) % 365
      return days == 0 ? "\(hours / 24 / 365)y" : "\(hours / 24 / 365)y\(days)d"
    }
    return "\(hours / 24 / 365)y"
  }

  /// The age of something created at `date`, or `<unknown>` without a date.
  package static func since(_ date: Date?, now: Date) -> String {
    guard let date else { return "<unknown>" }
    return format(now.timeIntervalSince(date))
  }
}
