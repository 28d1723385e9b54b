import Foundation
import KubeCluster
import Kubectl

/// `map`: the cluster drawn with box-drawing characters: each node as a
/// box holding its pods (name and status, coloured at a terminal), pods
/// not yet scheduled in a box of their own, then the routes from Ingress
/// to Services to pods. Boxes are laid out side by side as the terminal's
/// width allows.
enum ClusterMap {
  static func command(_ arguments: [String], state: SessionState) -> CommandResult {
    var namespace: String? = state.namespace
    var index = 0
    while index < arguments.count {
      switch arguments[index] {
      case "--all", "-A", "--all-namespaces":
        namespace = nil
      case "-n", "--namespace":
        guard index + 1 < arguments.count else { return .failure("map: -n needs a namespace", exitCode: 2) }
        namespace = arguments[index + 1]
        index += 1
      case let other where other.hasPrefix("--namespace="):
        namespace = String(other.dropFirst("--namespace=".count))
      case let other:
        return .failure("map: unknown argument '\(other)'\nusage: map [-n NAMESPACE | --all]", exitCode: 2)
      }
      index += 1
    }
    let width = state.terminalWidth() ?? 100
    return CommandResult(
      stdout: render(state.cluster, namespace: namespace, width: width, colour: state.usesColour))
  }

  static func render(_ cluster: Cluster, namespace: String?, width: Int, colour: Bool) -> String {
    let pods = cluster.list(.pod, in: namespace)
    let nodes = cluster.list(.node)
    var boxes: [Box] = []
    for node in nodes {
      let status = Columns.nodeStatus(node)
      let mine = pods.filter { $0.content[path: "spec.nodeName"]?.string == node.name }
      boxes.append(Box(title: "\(node.name) (\(status))", titleColour: status == "Ready" ? "32" : "31", lines: lines(mine, all: namespace == nil)))
    }
    let unscheduled = pods.filter { ($0.content[path: "spec.nodeName"]?.string ?? "").isEmpty }
    if !unscheduled.isEmpty {
      boxes.append(Box(title: "not scheduled", titleColour: "33", lines: lines(unscheduled, all: namespace == nil)))
    }
    var text = "Cluster" + (namespace.map { " — namespace \($0)" } ?? " — all namespaces") + "\n"
    text += layout(boxes, width: width, colour: colour)
    let routes = routes(cluster, namespace: namespace, pods: pods)
    if !routes.isEmpty {
      text += "\nRoutes\n" + routes.map { "  " + $0 + "\n" }.joined()
    }
    return text
  }

  struct Line {
    var name: String
    var status: String
  }

  struct Box {
    var title: String
    var titleColour: String
    var lines: [Line]
  }

  static func lines(_ pods: [Object], all: Bool) -> [Line] {
    pods.map { pod in
      let summary = Columns.podSummary(pod)
      return Line(name: all ? "\(pod.namespace)/\(pod.name)" : pod.name, status: summary.reason)
    }
  }

  static func statusColour(_ status: String) -> String {
    switch status {
    case "Running", "Completed", "Succeeded": "32"
    case "Pending", "ContainerCreating", "PodInitializing", "Terminating": "33"
    default: status.hasPrefix("Init:") ? "33" : "31"
    }
  }

  static func paint(_ text: String, _ code: String, _ colour: Bool) -> String {
    colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  /// Boxes side by side, as many per row as fit in `width`.
  static func layout(_ boxes: [Box], width: Int, colour: Bool) -> String {
    guard !boxes.isEmpty else { return "(no nodes)\n" }
    let inner = boxes.map { box in
      max(
        DisplayWidth.of(box.title) + 2,
        box.lines.map { DisplayWidth.of($0.name) + DisplayWidth.of($0.status) + 5 }.max() ?? 8)
    }
    let boxWidth = min(max(inner.max() ?? 20, 20), max(width - 2, 20))
    let perRow = max(1, (width + 1) / (boxWidth + 3))
    var text = ""
    var start = 0
    while start < boxes.count {
      let row = Array(boxes[start..<min(start + perRow, boxes.count)])
      let height = max(1, row.map(\.lines.count).max() ?? 0)
      var lines = Array(repeating: "", count: height + 2)
      for (index, box) in row.enumerated() {
        let gap = index == 0 ? "" : " "
        let title = " " + fit(box.title, boxWidth - 4) + " "
        let dashes = max(0, boxWidth - 1 - DisplayWidth.of(title))
        lines[0] += gap + "┌─" + paint(title, box.titleColour, colour) + String(repeating: "─", count: dashes) + "┐"
        for line in 0..<height {
          var cell = ""
          if line < box.lines.count {
            let entry = box.lines[line]
            let statusWidth = DisplayWidth.of(entry.status)
            let name = fit(entry.name, boxWidth - statusWidth - 5)
            let pad = boxWidth - 4 - DisplayWidth.of(name) - statusWidth
            cell = "● " + name + String(repeating: " ", count: max(1, pad)) + paint(entry.status, statusColour(entry.status), colour)
            cell = (colour ? paint("●", statusColour(entry.status), true) : "●") + String(cell.dropFirst())
            cell = " " + cell + " "
          } else if line == 0 && box.lines.isEmpty {
            cell = " " + fit("(no pods)", boxWidth - 2) + String(repeating: " ", count: max(0, boxWidth - 2 - 9)) + " "
          } else {
            cell = String(repeating: " ", count: boxWidth)
          }
          lines[line + 1] += gap + "│" + cell + "│"
        }
        lines[height + 1] += gap + "└" + String(repeating: "─", count: boxWidth) + "┘"
      }
      text += lines.map { $0 + "\n" }.joined()
      start += perRow
    }
    return text
  }

  /// `text`, cut with `…` to `width` columns.
  static func fit(_ text: String, _ width: Int) -> String {
    guard DisplayWidth.of(text) > width else { return text }
    var out = ""
    for character in text {
      if DisplayWidth.of(out + String(character)) > width - 1 { break }
      out.append(character)
    }
    return out + "…"
  }

  /// `ingress/web (web.local/) → service/web :80 → pod/a, pod/b`.
  static func routes(_ cluster: Cluster, namespace: String?, pods: [Object]) -> [String] {
    var routes: [String] = []
    let services = cluster.list(.service, in: namespace)
    func target(_ service: Object) -> String {
      var selector: [String: String] = [:]
      for (key, value) in service.content[path: "spec.selector"]?.object ?? JSONObject() {
        selector[key] = value.string
      }
      let ports = (service.content[path: "spec.ports"]?.array ?? []).compactMap { $0[path: "port"]?.int }
        .map { ":\($0)" }.joined(separator: ",")
      let type = service.content[path: "spec.type"]?.string ?? "ClusterIP"
      let backends = selector.isEmpty ? [] : pods.filter { pod in
        pod.namespace == service.namespace && selector.allSatisfy { pod.labels[$0.key] == $0.value }
      }
      let list = backends.isEmpty ? "(no pods)" : backends.map { "pod/\($0.name)" }.joined(separator: ", ")
      return "service/\(service.name) (\(type) \(ports)) → \(list)"
    }
    var routed = Set<String>()
    for ingress in cluster.list(.ingress, in: namespace) {
      for rule in ingress.content[path: "spec.rules"]?.array ?? [] {
        let host = rule[path: "host"]?.string ?? "*"
        for path in rule[path: "http.paths"]?.array ?? [] {
          guard let name = path[path: "backend.service.name"]?.string else { continue }
          let where_ = host + (path[path: "path"]?.string ?? "/")
          if let service = services.first(where: { $0.name == name && $0.namespace == ingress.namespace }) {
            routes.append("ingress/\(ingress.name) (\(where_)) → " + target(service))
            routed.insert(service.namespace + "/" + service.name)
          } else {
            routes.append("ingress/\(ingress.name) (\(where_)) → service/\(name) (missing)")
          }
        }
      }
    }
    for service in services where !routed.contains(service.namespace + "/" + service.name) {
      if service.name == "kubernetes" && service.namespace == "default" { continue }
      routes.append(target(service))
    }
    return routes
  }
}
