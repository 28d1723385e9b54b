import Foundation

extension Cluster {
  /// How long an Event lives after its last write: kube-apiserver's
  /// `--event-ttl`, one hour by default.
  package static let eventTTL: TimeInterval = 3600

  /// How often expired Events are looked for, in cluster time.
  ///
  /// kube-apiserver stores each Event under an etcd lease of `--event-ttl`,
  /// and hands out one lease for all the writes of a minute (its lease
  /// manager's reuse period, 60 s), lengthened by that minute: a real
  /// Event goes between one hour and one hour and a minute after its last
  /// write. A sweep each minute of cluster time gives the same span.
  static let eventSweepInterval: TimeInterval = 60

  /// Removes the Events whose last write is `eventTTL` old, once per
  /// minute of cluster time crossed since `began`. The Events go through
  /// the store's ordinary removal, so watchers see them `DELETED`; a
  /// finalizer does not keep one (etcd drops the key with its lease).
  mutating func expireEvents(since began: Date) {
    let period = Cluster.eventSweepInterval
    guard (now.timeIntervalSince1970 / period).rounded(.down) > (began.timeIntervalSince1970 / period).rounded(.down)
    else { return }
    // Timestamps compare as text to the second (`2024-05-01T09:30:00`):
    // the sweep reads every Event, and parsing each time costs more.
    let cutoff = Timestamp.format(now.addingTimeInterval(-Cluster.eventTTL)).utf8.prefix(19)
    // The expired ones are found without sorting every Event (a big
    // cluster holds tens of thousands), then removed in `list` order.
    var expired: [Object] = []
    store.forEach(.event) { event in
      let content = event.content
      // Made within the hour: no later write can be older (the common case,
      // read with one lookup).
      if let made = content[path: "metadata.creationTimestamp"]?.string, cutoff.lexicographicallyPrecedes(made.utf8.prefix(19)) {
        return
      }
      let written = [
        content[path: "metadata.creationTimestamp"], content["lastTimestamp"], content["eventTime"],
        content[path: "series.lastObservedTime"],
      ]
      .compactMap { $0?.string?.utf8.prefix(19) }
      guard let last = written.max(by: { $0.lexicographicallyPrecedes($1) }),
        !cutoff.lexicographicallyPrecedes(last)
      else { return }
      expired.append(event)
    }
    expired.sort { ($0.key.namespace, $0.key.name) < ($1.key.namespace, $1.key.name) }
    for event in expired {
      let content = event.content
      store.remove(event.key, actor: "kube-apiserver", at: now, summary: "expired (event-ttl)")
      if let uid = content[path: "involvedObject.uid"]?.string, var keys = eventIndex[uid] {
        keys.removeAll { $0.key == event.key }
        eventIndex[uid] = keys.isEmpty ? nil : keys
      }
    }
  }
}
