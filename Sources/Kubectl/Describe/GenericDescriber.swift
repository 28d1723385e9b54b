import Foundation
import KubeCluster

/// kubectl's genericDescriber, for kinds without a describer of their own
/// (Lease, ControllerRevision, Event, …): the metadata kubectl always
/// shows, then every field with a readable label, keys sorted.
enum GenericDescriber {
  static func describe(_ o: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    w.write(0, "Name:\t\(o.name)\n")
    w.write(0, "Namespace:\t\(o.kind.isNamespaced ? o.namespace : "")\n")
    w.labels("Labels", o.labels)
    w.annotations(o.annotations)
    let skip: Set<String> = [".metadata.managedFields", ".metadata.name", ".metadata.namespace", ".metadata.labels", ".metadata.annotations"]
    content(&w, level: 0, o.content.object ?? JSONObject(), prefix: "", skip: skip)
    w.events(cluster.events(for: o), now: cluster.now)
    return w.render()
  }

  private static func content(_ w: inout DescribeWriter, level: Int, _ object: JSONObject, prefix: String, skip: Set<String>) {
    for key in object.map(\.key).sorted() {
      let value = object[key] ?? .null
      let path = "\(prefix).\(key)"
      guard !skip.contains(path) else { continue }
      switch value {
      case .object(let inner):
        w.write(level, "\(label(key)):\n")
        content(&w, level: level + 1, inner, prefix: path, skip: skip)
      case .array(let items):
        w.write(level, "\(label(key)):\n")
        for item in items {
          if let inner = item.object {
            content(&w, level: level + 1, inner, prefix: path, skip: skip)
          } else {
            w.write(level + 1, "\(text(item))\n")
          }
        }
      default:
        w.write(level, "\(label(key)):\t\(text(value))\n")
      }
    }
  }

  private static func text(_ value: JSONValue) -> String {
    value == .null ? "<nil>" : value.scalarText
  }

  /// `creationTimestamp` → `Creation Timestamp`, `uid` → `UID`, as
  /// smartLabelFor words a field.
  static func label(_ field: String) -> String {
    guard field.allSatisfy({ $0.isLetter || $0 == "-" }) else { return field }
    let acronyms: Set<String> = ["API", "URL", "UID", "OSB", "GUID"]
    return camelCaseParts(field).map { part in
      acronyms.contains(part.uppercased()) ? part.uppercased() : part.prefix(1).uppercased() + part.dropFirst()
    }.joined(separator: " ")
  }

  /// fatih/camelcase's Split: runs of lower case, upper case, digits and
  /// other characters, where an upper-case run gives its last letter to a
  /// lower-case run that follows.
  static func camelCaseParts(_ text: String) -> [String] {
    func kind(_ c: Character) -> Int { c.isLowercase ? 1 : c.isUppercase ? 2 : c.isNumber ? 3 : 4 }
    var runs: [[Character]] = []
    var lastKind = 0
    for c in text {
      let k = kind(c)
      if k == lastKind { runs[runs.count - 1].append(c) } else { runs.append([c]) }
      lastKind = k
    }
    var index = 0
    while index < runs.count - 1 {
      if let first = runs[index].first, first.isUppercase, let next = runs[index + 1].first, next.isLowercase {
        let moved = runs[index].removeLast()
        runs[index + 1].insert(moved, at: 0)
      }
      index += 1
    }
    return runs.filter { !$0.isEmpty }.map { String($0) }
  }
}
