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
    // A kubelet's messages repeat from pod to pod: kept once.
    let said = source.component == "kubelet" ? sharedText.intern(message) : message
    if source.component == "kubelet", let host = source.host {
      // What a kubelet does to containers writes no object of its own; the
      // journal keeps it for `trace`, in the event's words.
      self.store.note(said, about: object, actor: sharedText.kubeletActor(host), at: now)
    }
    // The object's metadata, read once for every field the event copies.
    let about = object.content["metadata"]?.object
    let (objectName, objectUID) = (about?["name"]?.string ?? "", about?["uid"]?.string ?? "")
    let objectNamespace = about?["namespace"]?.string ?? ""
    let namespace = object.kind.isNamespaced ? objectNamespace : "default"
    // The events recorded about this object. Read through `self.store`,
    // never a copy of it: a copy alive across the write below would make
    // the write copy the whole store.
    let recorded = eventIndex[objectUID] ?? []
    let message = aggregatedMessage(recorded, type: type, reason: reason, message: said, source: source)
    let combined = message.hasPrefix(Cluster.combinedPrefix)
    // Like client-go's correlator, which keeps what it recorded instead of
    // reading events back: only an event recorded with this reason and
    // source is read, to compare its message.
    var similar: Object?
    for entry in recorded.reversed() where entry.reason == reason && entry.component == source.component {
      guard let event = self.store.get(entry.key) else { continue }
      let repeated =
        combined
        ? event.content["message"]?.string?.hasPrefix(Cluster.combinedPrefix) == true
        : event.content["message"]?.string == message
      if repeated, event.content["reason"]?.string == reason,
        event.content[path: "source.component"]?.string == source.component
      {
        similar = event
        break
      }
    }
    let stamp = JSONValue.string(sharedText.stamp(now))
    if var event = similar {
      event.content["count"] = .int((event.content["count"]?.int ?? 1) + 1)
      event.content["lastTimestamp"] = stamp
      event.content["message"] = .string(message)
      _ = try? self.store.replace(event, actor: source.component, at: now, checkVersion: false)
      return
    }
    // Like client-go's recorder, which names events by the nanosecond they
    // were made, names sort in the order events were recorded, also at one
    // simulated instant (kubectl's describe keeps that order for equal times).
    let nanos =
      UInt64(now.timeIntervalSince1970 * 1e9) &+ UInt64(self.store.revision % 1000) * 1000
      &+ random.next() % 1000
    // Every event has the same members in the same order: each is filled
    // in from a template, so all events share the templates' key lists, and
    // the texts many events repeat (times, kubelet messages, field paths)
    // are kept once. An event is most of what a big cluster stores.
    var involved = EventTemplate.involved[(object.kind.isNamespaced ? 1 : 0) + (fieldPath == nil ? 0 : 2)]
    involved["kind"] = .string(object.kind.rawValue)
    involved["name"] = .string(objectName)
    involved["uid"] = .string(objectUID)
    involved["apiVersion"] = .string(object.kind.apiVersion)
    involved["resourceVersion"] = .string(about?["resourceVersion"]?.string ?? "")
    if object.kind.isNamespaced { involved["namespace"] = .string(objectNamespace) }
    if let fieldPath { involved["fieldPath"] = .string(sharedText.intern(fieldPath)) }
    var sourceJSON = EventTemplate.source[source.host == nil ? 0 : 1]
    sourceJSON["component"] = .string(source.component)
    if let host = source.host { sourceJSON["host"] = .string(host) }
    // The members `write` and the store would add (uid, creationTimestamp,
    // resourceVersion) are in the template too, filled in here in the order
    // `write` fills them (the uid after the name's random part).
    var metadata = EventTemplate.metadata
    let name = "\(objectName).\(String(nanos, radix: 16))"
    metadata["name"] = .string(name)
    metadata["namespace"] = .string(namespace)
    let eventKey = ObjectKey(.event, name, in: namespace)
    let taken = self.store.contains(eventKey)
    if taken {
      // `write` replaces the event of that name and adds no identity.
      metadata["uid"] = nil
      metadata["creationTimestamp"] = nil
    } else {
      metadata["uid"] = .string(random.uuid())
      metadata["creationTimestamp"] = stamp
    }
    var content = EventTemplate.event
    content["metadata"] = .object(consume metadata)
    content["involvedObject"] = .object(consume involved)
    content["reason"] = .string(reason)
    content["message"] = .string(message)
    content["source"] = .object(consume sourceJSON)
    content["firstTimestamp"] = stamp
    content["lastTimestamp"] = stamp
    content["count"] = 1
    content["type"] = .string(type)
    content["reportingComponent"] = .string(source.component == "kubelet" ? "kubelet" : source.component)
    content["reportingInstance"] = .string(source.host ?? "")
    // Each part is consumed into the next, so the tree the store stamps
    // its revision on is held only once and changes in place.
    let event = Object(.event, .object(consume content))
    // A new name: stored as `write` would store it, without asking the
    // store again whether it is taken.
    let stored = taken ? write(consume event, by: source.component) : store.insert(consume event, actor: source.component, at: now, summary: "created")
    if stored != nil {
      eventIndex[objectUID, default: []].append(IndexedEvent(key: eventKey, reason: reason, component: source.component))
    }
  }

  static let combinedPrefix = "(combined from similar events): "

  /// client-go's event aggregator: once ten different messages with the
  /// same reason about one object were seen within ten minutes, further
  /// ones are folded into one event whose message says so.
  private func aggregatedMessage(
    _ recorded: [IndexedEvent], type: String, reason: String, message: String, source: EventSource
  ) -> String {
    // Fewer than ten events about the object cannot hold ten messages.
    guard recorded.count >= 10 else { return message }
    let since = now.addingTimeInterval(-600)
    let recent = recorded.compactMap { store.get($0.key) }.map(AggregatedFacts.of).filter {
      $0.reason == reason && $0.type == type && $0.component == source.component
        && ($0.lastSeen ?? .distantPast) >= since
    }
    let messages = Set(recent.compactMap(\.message).filter { !$0.hasPrefix(Cluster.combinedPrefix) })
    guard messages.count >= 10, !messages.contains(message) else { return message }
    return Cluster.combinedPrefix + message
  }

  /// Events about one object, oldest first.
  package func events(for object: Object) -> [Object] {
    (eventIndex[object.uid] ?? []).compactMap { store.get($0.key) }
      .sorted {
        (Timestamp.parse($0.content["firstTimestamp"]?.string) ?? .distantPast, $0.resourceVersion.count, $0.resourceVersion)
          < (Timestamp.parse($1.content["firstTimestamp"]?.string) ?? .distantPast, $1.resourceVersion.count, $1.resourceVersion)
      }
  }
}

/// An event the recorder wrote about an object, with what tells whether a
/// new event repeats it.
struct IndexedEvent: Sendable, Equatable {
  var key: ObjectKey
  var reason: String?
  var component: String?

  init(key: ObjectKey, reason: String?, component: String?) {
    self.key = key
    self.reason = reason
    self.component = component
  }

  /// An event read from the store (a restored cluster's).
  init(_ event: Object) {
    self.init(key: event.key, reason: event.content["reason"]?.string, component: event.content[path: "source.component"]?.string)
  }
}

/// What the aggregator compares of an event, read once per stored version
/// of it: a controller's events about one object (a ReplicaSet's
/// `SuccessfulCreate`) are each compared again for every later one.
private struct AggregatedFacts: Sendable {
  var reason: String?
  var type: String?
  var component: String?
  var message: String?
  var lastSeen: Date?

  static func of(_ event: Object) -> AggregatedFacts { event.memoized(AggregatedFacts.self, AggregatedFacts.init) }

  private init(_ event: Object) {
    let content = event.content
    reason = content["reason"]?.string
    type = content["type"]?.string
    component = content[path: "source.component"]?.string
    message = content["message"]?.string
    lastSeen = Timestamp.parse(content["lastTimestamp"]?.string)
  }
}

/// The members of an Event, in the order they are written, with no values:
/// events filled in from these share their key lists.
private enum EventTemplate {
  static let event = template([
    "apiVersion", "kind", "metadata", "involvedObject", "reason", "message", "source",
    "firstTimestamp", "lastTimestamp", "count", "type", "eventTime", "reportingComponent",
    "reportingInstance",
  ]).settingConstants()

  static let metadata = template(["name", "namespace", "uid", "creationTimestamp", "resourceVersion"])

  /// Indexed by 1 for a namespaced object, plus 2 with a field path.
  static let involved = [
    template(["kind", "name", "uid", "apiVersion", "resourceVersion"]),
    template(["kind", "name", "uid", "apiVersion", "resourceVersion", "namespace"]),
    template(["kind", "name", "uid", "apiVersion", "resourceVersion", "fieldPath"]),
    template(["kind", "name", "uid", "apiVersion", "resourceVersion", "namespace", "fieldPath"]),
  ]

  /// Indexed by 1 when the source names a host.
  static let source = [template(["component"]), template(["component", "host"])]

  private static func template(_ keys: [String]) -> JSONObject {
    JSONObject(keys.map { ($0, JSONValue.null) })
  }
}

extension JSONObject {
  /// An Event template with the members every event has the same value of.
  fileprivate func settingConstants() -> JSONObject {
    var object = self
    object["apiVersion"] = .string(Kind.event.apiVersion)
    object["kind"] = .string(Kind.event.rawValue)
    return object
  }
}

/// Texts many objects hold the same value of, kept once: a Swift string
/// copied from another shares its storage, so a thousand events stamped at
/// one instant hold one time text instead of a thousand.
struct SharedText: Sendable {
  private var stampTimes: [Date] = []
  private var stampTexts: [String] = []
  private var texts: [String: String] = [:]
  private var actors: [String: String] = [:]
  private var images: [String: (String, String)] = [:]
  private var references: [String: (reference: ImageReference, behavior: ImageBehavior?)] = [:]
  private var expandedTime: Date?
  private var expandedTexts: [String: String] = [:]

  /// `Timestamp.format(date)`, remembered for the last few instants asked.
  mutating func stamp(_ date: Date) -> String {
    if let index = stampTimes.firstIndex(of: date) { return stampTexts[index] }
    let text = Timestamp.format(date)
    if stampTimes.count == 4 {
      stampTimes.removeFirst()
      stampTexts.removeFirst()
    }
    stampTimes.append(date)
    stampTexts.append(text)
    return text
  }

  /// The same text, sharing storage with an equal text asked for before.
  mutating func intern(_ text: String) -> String {
    if let known = texts[text] { return known }
    // Forgotten now and then, so texts seen once do not pile up.
    if texts.count >= 4096 { texts.removeAll(keepingCapacity: true) }
    texts[text] = text
    return text
  }

  /// An image's normalised name and its image ID as a container status
  /// shows them, made by `make` the first time an image is asked for.
  mutating func imageTexts(_ image: String, make: () -> (String, String)) -> (String, String) {
    if let known = images[image] { return known }
    let texts = make()
    if images.count >= 1024 { images.removeAll(keepingCapacity: true) }
    images[image] = texts
    return texts
  }

  /// An image reference parsed, with what the registry serves for it:
  /// the kubelet asks several times per container it starts.
  mutating func image(_ image: String) -> (reference: ImageReference, behavior: ImageBehavior?) {
    if let known = references[image] { return known }
    let reference = ImageReference(image)
    let parsed = (reference, ImageCatalog.lookup(reference))
    if references.count >= 1024 { references.removeAll(keepingCapacity: true) }
    references[image] = parsed
    return parsed
  }

  /// A log line's text with its clock placeholders filled in for `time`,
  /// if asked for at that instant (`remember`).
  func expanded(_ text: String, at time: Date) -> String? {
    expandedTime == time ? expandedTexts[text] : nil
  }

  /// Keeps a log line's text as filled in for `time`; only the latest
  /// instant's are kept. The text must depend on nothing but the time.
  mutating func remember(_ text: String, expanded: String, at time: Date) {
    if expandedTime != time {
      expandedTexts.removeAll(keepingCapacity: true)
      expandedTime = time
    }
    if expandedTexts.count < 1024 { expandedTexts[text] = expanded }
  }

  /// `kubelet/NODE`, the actor of what a node's kubelet writes.
  mutating func kubeletActor(_ node: String) -> String {
    if let known = actors[node] { return known }
    let actor = "kubelet/\(node)"
    actors[node] = actor
    return actor
  }
}
