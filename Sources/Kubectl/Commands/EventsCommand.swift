import Foundation
import KubeCluster

/// `kubectl events [--for TYPE/NAME] [--types=Normal,Warning] [-A]`: the
/// events of a namespace, oldest first, as kubectl's EventPrinter lays them
/// out (`LAST SEEN  TYPE  REASON  OBJECT  MESSAGE`, the object as
/// `Kind/name`, and `(xN over AGE)` for a repeated event).
struct EventsCommand: KubectlCommand {
  static let name = "events"
  static let flags: [FlagSpec] = [
    .bool("all-namespaces", short: "A", help: "If present, list the requested object(s) across all namespaces."),
    .string("for", help: "Filter events to only those pertaining to the specified resource."),
    .strings("types", splitCommas: true, help: "Output only events of given types."),
    .bool("no-headers", help: "When using the default output format, don't print headers."),
    .string("output", short: "o", help: "Output format."),
    .bool("watch", short: "w", help: "After listing the requested events, watch for more events."),
    .int("chunk-size", default: 500, help: "Return large lists in chunks rather than all at once."),
    .bool("show-managed-fields", help: "If true, keep the managedFields when printing objects in JSON or YAML format."),
    .bool("allow-missing-template-keys", default: true, help: "If true, ignore any errors in templates when a field or map key is missing in the template."),
    .string("template", help: "Template string or path to template file to use when -o=go-template, -o=go-template-file."),
  ]

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    let flags = invocation.flags
    let format = flags.string("output")
    try Printed.checkFormat(format)
    for type in flags.strings("types") where !["normal", "warning"].contains(type.lowercased()) {
      throw KubectlError.message("valid --types are Normal or Warning")
    }
    var forKind: Kind?
    var forName = ""
    if flags.isSet("for") {
      let parts = flags.string("for").split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
      guard parts.count == 2 else { throw KubectlError.message("--for must be in resource/name form") }
      guard let kind = ResourceResolver.kind(for: parts[0]) else {
        throw KubectlError.raw("the server doesn't have a resource type \"\(parts[0])\"\n")
      }
      forKind = kind
      forName = parts[1]
    }
    let all = flags.bool("all-namespaces")
    let namespace = invocation.namespace
    let types = flags.strings("types").map { $0.lowercased() }
    var events = cluster.store.list(.event, in: all ? nil : namespace).filter { event in
      if let forKind {
        guard event.content[path: "involvedObject.kind"]?.string == forKind.rawValue,
          event.content[path: "involvedObject.name"]?.string == forName
        else { return false }
      }
      return types.isEmpty || types.contains((event.content["type"]?.string ?? "").lowercased())
    }
    // SortableEvents: by the series' last observation, else lastTimestamp, else eventTime.
    func moment(_ event: Object) -> Date {
      let content = event.content
      return Timestamp.parse(content[path: "series.lastObservedTime"]?.string)
        ?? Timestamp.parse(content["lastTimestamp"]?.string)
        ?? Timestamp.parse(content["eventTime"]?.string) ?? .distantPast
    }
    events = events.enumerated().sorted { a, b in
      let (left, right) = (moment(a.element), moment(b.element))
      return left == right ? a.offset < b.offset : left < right
    }.map(\.element)
    if !format.isEmpty {
      if let text = try Printed.templated(ObjectPrinter.list(events), format: format) { return CommandOutput(stdout: text) }
      switch format {
      case "yaml": return CommandOutput(stdout: ObjectPrinter.yaml(ObjectPrinter.list(events)))
      case "json": return CommandOutput(stdout: ObjectPrinter.json(ObjectPrinter.list(events)))
      default: return CommandOutput(stdout: events.map { ObjectPrinter.name($0) + "\n" }.joined())
      }
    }
    guard !events.isEmpty else {
      return CommandOutput(stderr: all ? "No events found.\n" : "No events found in \(namespace) namespace.\n")
    }
    var rows: [[String]] = []
    if !flags.bool("no-headers") {
      rows.append((all ? ["NAMESPACE"] : []) + ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"])
    }
    for event in events {
      let content = event.content
      let kind = content[path: "involvedObject.kind"]?.string ?? ""
      let name = content[path: "involvedObject.name"]?.string ?? ""
      rows.append((all ? [event.namespace] : []) + [
        interval(event, now: cluster.now), content["type"]?.string ?? "", content["reason"]?.string ?? "",
        "\(kind)/\(name)", (content["message"]?.string ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
      ])
    }
    return CommandOutput(stdout: TemplatePrinter.tabwriter(rows))
  }

  /// getInterval: the age, or `LAST (xN over FIRST)` for a repeated event.
  static func interval(_ event: Object, now: Date) -> String {
    let content = event.content
    let first = Timestamp.parse(content["eventTime"]?.string) ?? Timestamp.parse(content["firstTimestamp"]?.string)
    let firstSince = HumanDuration.since(first, now: now)
    if let count = content[path: "series.count"]?.int {
      let last = Timestamp.parse(content[path: "series.lastObservedTime"]?.string)
      return "\(HumanDuration.since(last, now: now)) (x\(count) over \(firstSince))"
    }
    if let count = content["count"]?.int, count > 1 {
      let last = Timestamp.parse(content["lastTimestamp"]?.string)
      return "\(HumanDuration.since(last, now: now)) (x\(count) over \(firstSince))"
    }
    return firstSince
  }
}
