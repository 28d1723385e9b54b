import Foundation

extension Cluster {
  /// A controller whose create failed (a quota, a LimitRange) tries again
  /// with the work queue's per-item exponential back-off: 5ms, 10ms, 20ms,
  /// … up to 1000s, counted by the failures since the last success.
  mutating func retryAfterFailedCreate(_ work: Work, owner: Object) {
    let events = events(for: owner)
    let lastSuccess = events.last { $0.content["reason"]?.string == "SuccessfulCreate" }
      .flatMap { Timestamp.parse($0.content["lastTimestamp"]?.string) } ?? .distantPast
    let failures = events.filter {
      $0.content["reason"]?.string == "FailedCreate"
        && (Timestamp.parse($0.content["lastTimestamp"]?.string) ?? .distantPast) >= lastSuccess
    }.reduce(0) { $0 + ($1.content["count"]?.int ?? 1) }
    let delay = min(0.005 * pow(2, Double(max(failures - 1, 0))), 1000)
    schedule(work, after: delay)
  }
}
