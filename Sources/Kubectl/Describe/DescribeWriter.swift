import Foundation
import KubeCluster

/// Builds describe text the way kubectl's PrefixWriter does: two spaces per
/// level, tab-separated cells aligned by `TabWriter` at the end.
struct DescribeWriter {
  private(set) var text = ""

  mutating func write(_ level: Int, _ line: String) {
    text += String(repeating: "  ", count: level) + line
  }

  /// Ends every alignment block, as `w.Flush()` does.
  mutating func flush() { text += TabWriter.flush + "\n" }

  func render() -> String { TabWriter.format(text) }

  /// The text as a PrefixWriter straight onto the output leaves it, cells
  /// still separated by tabs: what `rollout history --revision` and
  /// `rollout undo --dry-run=client` print.
  var rawText: String { text.replacingOccurrences(of: TabWriter.flush + "\n", with: "") }

  /// `Labels:  a=b` then one `\tc=d` line per further label.
  mutating func labels(_ title: String, _ map: [String: String], level: Int = 0) {
    write(level, "\(title):\t")
    guard !map.isEmpty else {
      text += "<none>\n"
      return
    }
    for (index, key) in map.keys.sorted().enumerated() {
      if index != 0 { write(level, "\t") }
      text += "\(key)=\(map[key] ?? "")\n"
    }
  }

  /// The annotations, as kubectl's describe prints them: long values folded,
  /// and never the last-applied-configuration that `kubectl apply` keeps.
  mutating func annotations(_ map: [String: String], level: Int = 0) {
    var map = map
    map["kubectl.kubernetes.io/last-applied-configuration"] = nil
    write(level, "Annotations:\t")
    guard !map.isEmpty else {
      text += "<none>\n"
      return
    }
    for (index, key) in map.keys.sorted().enumerated() {
      if index != 0 { text += String(repeating: "  ", count: level) + "\t" }
      var value = map[key] ?? ""
      if value.hasSuffix("\n") { value.removeLast() }
      if value.count + key.count + 2 > 140 || value.contains("\n") {
        text += "\(key):\n"
        for line in value.split(separator: "\n", omittingEmptySubsequences: false) {
          let shortened = line.count > 138 ? String(line.prefix(138)) + "..." : String(line)
          text += "\t  \(shortened)\n"
        }
      } else {
        text += "\(key): \(value)\n"
      }
    }
  }

  mutating func events(_ events: [Object], now: Date) {
    guard !events.isEmpty else {
      write(0, "Events:\t<none>\n")
      return
    }
    flush()
    let sorted = events.enumerated().sorted { a, b in
      let x = Timestamp.parse(a.element.content["lastTimestamp"]?.string) ?? .distantPast
      let y = Timestamp.parse(b.element.content["lastTimestamp"]?.string) ?? .distantPast
      return x != y ? x < y : a.offset < b.offset
    }.map(\.element)
    write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n")
    write(1, "----\t------\t----\t----\t-------\n")
    for event in sorted {
      let first = Timestamp.parse(event.content["firstTimestamp"]?.string)
      let firstText = HumanDuration.since(first, now: now)
      let count = event.content["count"]?.int ?? 1
      var interval = firstText
      if count > 1 {
        let last = Timestamp.parse(event.content["lastTimestamp"]?.string)
        interval = "\(HumanDuration.since(last, now: now)) (x\(count) over \(firstText))"
      }
      var source = event.content[path: "source.component"]?.string ?? ""
      if source.isEmpty { source = event.content["reportingComponent"]?.string ?? "" }
      let message = (event.content["message"]?.string ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
      write(1, "\(event.content["type"]?.string ?? "")\t\(event.content["reason"]?.string ?? "")\t\(interval)\t\(source)\t\(message)\n")
    }
  }

  /// `Mon, 02 Jan 2006 15:04:05 -0700`.
  static func rfc1123(_ date: Date?) -> String {
    guard let date else { return "<unset>" }
    let stamp = Timestamp.format(date)
    let parts = Array(stamp)
    let year = String(parts[0..<4])
    let month = Int(String(parts[5..<7])) ?? 1
    let day = String(parts[8..<10])
    let time = String(parts[11..<19])
    let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return "\(weekdays[((days % 7) + 7) % 7]), \(day) \(months[month - 1]) \(year) \(time) +0000"
  }
}
