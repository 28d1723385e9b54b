import Foundation
import KubeCluster

/// `kubectl get -w` and `--watch-only` off the wall clock.
///
/// A real watch runs until Ctrl-C. kubetutor's script mode cannot be
/// interrupted, so the watch follows the simulated clock event by event,
/// printing a row for each object that was added, changed or deleted, and
/// stops when no event is pending or when `--request-timeout` (else five
/// simulated minutes) has passed: a script never hangs.
enum GetWatch {
  /// The longest a watch follows the clock when no `--request-timeout` is given.
  static let defaultLimit: TimeInterval = 300

  struct Rows {
    /// Column widths remembered across flushes, as kubectl's tabwriter
    /// (`tabwriter.RememberWidths`) keeps them.
    var widths: [Int] = []

    mutating func render(_ rows: [[String]]) -> String {
      var out = ""
      for row in rows {
        if widths.count < row.count { widths += [Int](repeating: 0, count: row.count - widths.count) }
        for (index, cell) in row.enumerated() where index < row.count - 1 {
          widths[index] = max(widths[index], DisplayWidth.of(cell) + 3)
        }
      }
      for row in rows {
        out += row.enumerated().map { index, cell in
          index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - DisplayWidth.of(cell))
        }.joined() + "\n"
      }
      return out
    }
  }

  static func follow(
    cluster: inout Cluster, initial: [Object], kind: Kind, options: ObjectPrinter.TableOptions,
    requestTimeout: String, printInitial: Bool, current: (Cluster) -> [Object]
  ) -> String {
    var printer = Rows()
    var options = options
    var out = ""
    let header = ObjectPrinter.tableRows([], kind: kind, options: options, context: PrintContext(now: cluster.now, cluster: cluster))
    if printInitial && !initial.isEmpty {
      let rows = ObjectPrinter.tableRows(initial, kind: kind, options: options, context: PrintContext(now: cluster.now, cluster: cluster))
      out += printer.render(rows)
    }
    var headerPending = (!printInitial || initial.isEmpty) && !options.noHeaders
    options.noHeaders = true
    var known: [ObjectKey: Object] = Dictionary(initial.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    var limit = GoDuration.parse(requestTimeout) ?? 0
    if limit <= 0 { limit = defaultLimit }
    let deadline = cluster.now.addingTimeInterval(limit)
    while let next = cluster.nextEventTime, next <= deadline {
      cluster.advance(to: max(next, cluster.now))
      let objects = current(cluster)
      var changed: [(Int, Object)] = []
      var seen: Set<ObjectKey> = []
      for object in objects {
        seen.insert(object.key)
        if known[object.key]?.resourceVersion != object.resourceVersion {
          changed.append((Int(object.resourceVersion) ?? 0, object))
          known[object.key] = object
        }
      }
      for (key, object) in known where !seen.contains(key) {
        changed.append((Int.max, object))
        known[key] = nil
      }
      guard !changed.isEmpty else { continue }
      changed.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1.name < $1.1.name) }
      let context = PrintContext(now: cluster.now, cluster: cluster)
      var rows = ObjectPrinter.tableRows(changed.map(\.1), kind: kind, options: options, context: context)
      if headerPending {
        rows.insert(header[0], at: 0)
        headerPending = false
      }
      out += printer.render(rows)
    }
    return out
  }
}
