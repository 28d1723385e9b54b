import Foundation
import KubeCluster

/// `kubectl describe` for ResourceQuotas and LimitRanges, and the quota and
/// limit tables `describe namespace` ends with.
enum QuotaDescriber {
  static func quota(_ q: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    w.write(0, "Name:\t\(q.name)\n")
    w.write(0, "Namespace:\t\(q.namespace)\n")
    scopes(&w, q, helpPrefix: " ", level: 0)
    w.write(0, "Resource\tUsed\tHard\n")
    w.write(0, "--------\t----\t----\n")
    usage(&w, q, level: 0, matchFormats: true)
    return w.render()
  }

  static func limitRange(_ range: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    w.write(0, "Name:\t\(range.name)\n")
    w.write(0, "Namespace:\t\(range.namespace)\n")
    w.write(0, "Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n")
    w.write(0, "----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n")
    limitRows(&w, range, prefix: "")
    return w.render()
  }

  /// The `Resource Quotas` and `Resource Limits` sections of a namespace.
  static func namespaceSections(_ w: inout DescribeWriter, namespace: String, cluster: Cluster) {
    let quotas = cluster.list(.resourceQuota, in: namespace).sorted { $0.name < $1.name }
    w.write(0, "\n")
    if quotas.isEmpty {
      w.write(0, "No resource quota.\n")
    } else {
      w.write(0, "Resource Quotas\n")
      for q in quotas {
        w.write(1, "Name:\t\(q.name)\n")
        scopes(&w, q, helpPrefix: "* ", level: 1)
        w.write(1, "Resource\tUsed\tHard\n")
        w.write(1, "--------\t---\t---\n")
        usage(&w, q, level: 1, matchFormats: false)
      }
    }
    let ranges = cluster.list(.limitRange, in: namespace)
    w.write(0, "\n")
    if ranges.isEmpty {
      w.write(0, "No LimitRange resource.\n")
    } else {
      w.write(0, "Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n")
      w.write(0, " ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n")
      for range in ranges { limitRows(&w, range, prefix: " ") }
    }
  }

  /// One row per resource the quota limits, sorted by name. `describe
  /// quota` prints the used amount in the hard limit's format when the two
  /// differ; the namespace's table prints it as stored.
  private static func usage(_ w: inout DescribeWriter, _ q: Object, level: Int, matchFormats: Bool) {
    let hard = q.content[path: "status.hard"]?.object ?? JSONObject()
    let used = q.content[path: "status.used"]?.object ?? JSONObject()
    for name in hard.map(\.key).sorted() {
      let hardQuantity = Quantity(hard[name])
      var usedText = Quantity(used[name])?.description ?? "0"
      if matchFormats, let hardQuantity, let usedQuantity = Quantity(used[name]), usedQuantity.format != hardQuantity.format {
        usedText = Quantity(whole: usedQuantity.value, format: hardQuantity.format).description
      }
      w.write(level, "\(name)\t\(usedText)\t\(hardQuantity?.description ?? hard[name]?.scalarText ?? "")\n")
    }
  }

  private static func scopes(_ w: inout DescribeWriter, _ q: Object, helpPrefix: String, level: Int) {
    let names = (q.content[path: "spec.scopes"]?.array ?? []).compactMap(\.string).sorted()
    guard !names.isEmpty else { return }
    w.write(level, "Scopes:\t\(names.joined(separator: ", "))\n")
    for name in names {
      guard let help = scopeHelp[name] else { continue }
      w.write(level, "\(helpPrefix)\(help)\n")
    }
  }

  private static let scopeHelp: [String: String] = [
    "Terminating": "Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.",
    "NotTerminating": "Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.",
    "BestEffort": "Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.",
    "NotBestEffort": "Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.",
  ]

  /// One row per limit type and resource; kubectl walks a Go map here, so
  /// its order varies between runs; kubetutor sorts by resource name.
  private static func limitRows(_ w: inout DescribeWriter, _ range: Object, prefix: String) {
    for item in range.content[path: "spec.limits"]?.array ?? [] {
      let fields = ["min", "max", "defaultRequest", "default", "maxLimitRequestRatio"]
      var names: Set<String> = []
      for field in fields { names.formUnion((item[field]?.object ?? JSONObject()).map(\.key)) }
      for name in names.sorted() {
        let cells = fields.map { field in
          item[path: "\(field).\(name)"].map { Quantity($0)?.description ?? $0.scalarText } ?? "-"
        }
        w.write(0, "\(prefix)\(item["type"]?.string ?? "")\t\(name)\t" + cells.joined(separator: "\t") + "\n")
      }
    }
  }
}
