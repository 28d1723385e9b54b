import Foundation

/// Who reports an event: `default-scheduler`, or `kubelet` on a host.
package struct EventSource: Sendable, Equatable {
  package var component: String
  package var host: String?

  package init(_ component: String, host: String? = nil) {
    self.component = component
    self.host = host
  }
}

extension Cluster {
  /// Records an Event about `object`, or bumps the count of the same event
  /// seen before, as client-go's event correlator does.
  mutating func recordEvent(
    _ object: Object, type: String = "Normal", reason: String, message: String,
    source: EventSource, fieldPath: String? = nil
  ) {
    if source.component == "kubelet", let host = source.host {
      // What a kubelet does to containers writes no object of its own; the
      // journal keeps it for `trace`, in the event's words.
      self.store.note(message, about: object, actor: "kubelet/\(host)", at: now)
    }
    let namespace = object.kind.isNamespaced ? object.namespace : "default"
    // The events about this object, read once for both the aggregator and
    // the correlator. Read through `self.store`, never a copy of it: a copy
    // alive across the write below would make the write copy the whole store.
    let earlier = (eventIndex[object.uid] ?? []).compactMap { self.store.get($0) }
    let message = aggregatedMessage(earlier, type: type, reason: reason, message: message, source: source)
    let combined = message.hasPrefix(Cluster.combinedPrefix)
    let similar = earlier.reversed()
      .first {
        $0.content["reason"]?.string == reason
          && (combined
            ? $0.content["message"]?.string?.hasPrefix(Cluster.combinedPrefix) == true
            : $0.content["message"]?.string == message)
          && $0.content[path: "source.component"]?.string == source.component
      }
    let stamp = JSONValue.string(Timestamp.format(now))
    if var event = similar {
      event.content["count"] = .int((event.content["count"]?.int ?? 1) + 1)
      event.content["lastTimestamp"] = stamp
      event.content["message"] = .string(message)
      _ = try? self.store.replace(event, actor: source.component, at: now, checkVersion: false)
      return
    }
    var involved = JSONObject()
    involved["kind"] = .string(object.kind.rawValue)
    involved["name"] = .string(object.name)
    involved["uid"] = .string(object.uid)
    involved["apiVersion"] = .string(object.kind.apiVersion)
    involved["resourceVersion"] = .string(object.resourceVersion)
    if object.kind.isNamespaced { involved["namespace"] = .string(object.namespace) }
    if let fieldPath { involved["fieldPath"] = .string(fieldPath) }
    // Like client-go's recorder, which names events by the nanosecond they
    // were made, names sort in the order events were recorded, also at one
    // simulated instant (kubectl's describe keeps that order for equal times).
    let nanos =
      UInt64(now.timeIntervalSince1970 * 1e9) &+ UInt64(self.store.revision % 1000) * 1000
      &+ random.next() % 1000
    var sourceJSON = JSONObject()
    sourceJSON["component"] = .string(source.component)
    if let host = source.host { sourceJSON["host"] = .string(host) }
    // Built as one tree and wrapped once: setting keys one by one on a
    // JSONValue copies its object each time.
    var metadata = JSONObject()
    metadata["name"] = .string("\(object.name).\(String(nanos, radix: 16))")
    metadata["namespace"] = .string(namespace)
    var content = JSONObject()
    content["apiVersion"] = .string(Kind.event.apiVersion)
    content["kind"] = .string(Kind.event.rawValue)
    content["metadata"] = .object(metadata)
    content["involvedObject"] = .object(involved)
    content["reason"] = .string(reason)
    content["message"] = .string(message)
    content["source"] = .object(sourceJSON)
    content["firstTimestamp"] = stamp
    content["lastTimestamp"] = stamp
    content["count"] = 1
    content["type"] = .string(type)
    content["eventTime"] = .null
    content["reportingComponent"] = .string(source.component == "kubelet" ? "kubelet" : source.component)
    content["reportingInstance"] = .string(source.host ?? "")
    if let stored = write(Object(.event, .object(content)), by: source.component) {
      eventIndex[object.uid, default: []].append(stored.key)
    }
  }

  static let combinedPrefix = "(combined from similar events): "

  /// client-go's event aggregator: once ten different messages with the
  /// same reason about one object were seen within ten minutes, further
  /// ones are folded into one event whose message says so.
  private func aggregatedMessage(
    _ earlier: [Object], type: String, reason: String, message: String, source: EventSource
  ) -> String {
    let recent = earlier.filter {
      $0.content["reason"]?.string == reason && $0.content["type"]?.string == type
        && $0.content[path: "source.component"]?.string == source.component
        && (Timestamp.parse($0.content["lastTimestamp"]?.string) ?? .distantPast)
          >= now.addingTimeInterval(-600)
    }
    let messages = Set(recent.compactMap { $0.content["message"]?.string }.filter { !$0.hasPrefix(Cluster.combinedPrefix) })
    guard messages.count >= 10, !messages.contains(message) else { return message }
    return Cluster.combinedPrefix + message
  }

  /// Events about one object, oldest first.
  package func events(for object: Object) -> [Object] {
    (eventIndex[object.uid] ?? []).compactMap { store.get($0) }
      .sorted {
        (Timestamp.parse($0.content["firstTimestamp"]?.string) ?? .distantPast, $0.resourceVersion.count, $0.resourceVersion)
          < (Timestamp.parse($1.content["firstTimestamp"]?.string) ?? .distantPast, $1.resourceVersion.count, $1.resourceVersion)
      }
  }
}
