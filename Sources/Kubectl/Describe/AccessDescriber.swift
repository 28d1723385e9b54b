import Foundation
import KubeCluster

/// `kubectl describe` for ServiceAccounts, RBAC objects, PriorityClasses,
/// PodDisruptionBudgets, IngressClasses, Endpoints and HPAs.
enum AccessDescriber {
  static func serviceAccount(_ sa: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    w.write(0, "Name:\t\(sa.name)\n")
    w.write(0, "Namespace:\t\(sa.namespace)\n")
    w.labels("Labels", sa.labels)
    w.annotations(sa.annotations)
    let pull = (sa.content["imagePullSecrets"]?.array ?? []).compactMap { $0["name"]?.string }
    let mount = (sa.content["secrets"]?.array ?? []).compactMap { $0["name"]?.string }
    let tokens = cluster.list(.secret, in: sa.namespace).filter {
      $0.content["type"]?.string == "kubernetes.io/service-account-token"
        && $0.annotations["kubernetes.io/service-account.name"] == sa.name
    }.map(\.name).sorted()
    let empty = "                   "
    for (header, names) in [("Image pull secrets:", pull), ("Mountable secrets: ", mount), ("Tokens:            ", tokens)] {
      guard !names.isEmpty else {
        w.write(0, "\(header)\t<none>\n")
        continue
      }
      for (index, name) in names.enumerated() {
        let missing = header != "Tokens:            " && cluster.store.get(ObjectKey(.secret, name, in: sa.namespace)) == nil
        w.write(0, "\(index == 0 ? header : empty)\t\(name)\(missing ? " (not found)" : "")\n")
      }
    }
    w.events(cluster.events(for: sa), now: cluster.now)
    return w.render()
  }

  /// Role and ClusterRole: rules split to one resource each, merged again
  /// by resource, sorted as kubectl sorts them.
  static func role(_ role: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    w.write(0, "Name:\t\(role.name)\n")
    w.labels("Labels", role.labels)
    w.annotations(role.annotations)
    w.write(0, "PolicyRule:\n")
    w.write(1, "Resources\tNon-Resource URLs\tResource Names\tVerbs\n")
    w.write(1, "---------\t-----------------\t--------------\t-----\n")
    for rule in compactRules(role.content["rules"]?.array ?? []) {
      var resource = rule.resources.first.map { String($0.split(separator: "/", maxSplits: 1).first ?? "") } ?? ""
      if let group = rule.groups.first, !group.isEmpty, !resource.isEmpty { resource += ".\(group)" }
      if let first = rule.resources.first, first.contains("/") {
        resource += "/" + first.split(separator: "/", maxSplits: 1)[1]
      }
      w.write(1, "\(resource)\t\(goList(rule.urls))\t\(goList(rule.names))\t\(goList(rule.verbs))\n")
    }
    return w.render()
  }

  struct Rule {
    var verbs: [String]
    var groups: [String]
    var resources: [String]
    var names: [String]
    var urls: [String]

    /// The rule's protobuf `String()`, which kubectl sorts by.
    var sortKey: String {
      "&PolicyRule{Verbs:\(AccessDescriber.goList(verbs)),APIGroups:\(AccessDescriber.goList(groups)),Resources:\(AccessDescriber.goList(resources)),ResourceNames:\(AccessDescriber.goList(names)),NonResourceURLs:\(AccessDescriber.goList(urls)),}"
    }
  }

  static func goList(_ items: [String]) -> String { "[" + items.joined(separator: " ") + "]" }

  static func compactRules(_ rules: [JSONValue]) -> [Rule] {
    var simple: [String: Int] = [:]
    var result: [Rule] = []
    for rule in rules {
      func list(_ key: String) -> [String] { (rule[key]?.array ?? []).compactMap(\.string) }
      let verbs = list("verbs")
      var pieces: [Rule] = []
      for group in list("apiGroups") {
        for resource in list("resources") {
          for verb in verbs {
            let names = list("resourceNames")
            if names.isEmpty {
              pieces.append(Rule(verbs: [verb], groups: [group], resources: [resource], names: [], urls: []))
            } else {
              for name in names {
                pieces.append(Rule(verbs: [verb], groups: [group], resources: [resource], names: [name], urls: []))
              }
            }
          }
        }
      }
      for url in list("nonResourceURLs") {
        for verb in verbs { pieces.append(Rule(verbs: [verb], groups: [], resources: [], names: [], urls: [url])) }
      }
      for piece in pieces {
        guard piece.urls.isEmpty else {
          result.append(piece)
          continue
        }
        let key = "\(piece.groups[0])\u{0}\(piece.resources[0])\u{0}\(piece.names.first ?? "\u{1}")"
        if let index = simple[key] {
          result[index].verbs += piece.verbs
        } else {
          simple[key] = result.count
          result.append(piece)
        }
      }
    }
    return result.enumerated().sorted { ($0.element.sortKey, $0.offset) < ($1.element.sortKey, $1.offset) }.map(\.element)
  }

  static func binding(_ binding: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    w.write(0, "Name:\t\(binding.name)\n")
    w.labels("Labels", binding.labels)
    w.annotations(binding.annotations)
    w.write(0, "Role:\n")
    w.write(1, "Kind:\t\(binding.content[path: "roleRef.kind"]?.string ?? "")\n")
    w.write(1, "Name:\t\(binding.content[path: "roleRef.name"]?.string ?? "")\n")
    w.write(0, "Subjects:\n")
    w.write(1, "Kind\tName\tNamespace\n")
    w.write(1, "----\t----\t---------\n")
    for subject in binding.content["subjects"]?.array ?? [] {
      w.write(1, "\(subject["kind"]?.string ?? "")\t\(subject["name"]?.string ?? "")\t\(subject["namespace"]?.string ?? "")\n")
    }
    return w.render()
  }

  static func priorityClass(_ pc: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    w.write(0, "Name:\t\(pc.name)\n")
    w.write(0, "Value:\t\(pc.content["value"]?.int ?? 0)\n")
    w.write(0, "GlobalDefault:\t\(pc.content["globalDefault"]?.bool ?? false)\n")
    w.write(0, "PreemptionPolicy:\t\(pc.content["preemptionPolicy"]?.string ?? "")\n")
    w.write(0, "Description:\t\(pc.content["description"]?.string ?? "")\n")
    w.write(0, "Annotations:\t\(ControllerDescriber.formatLabels(pc.annotations))\n")
    w.events(cluster.events(for: pc), now: cluster.now)
    return w.render()
  }

  static func disruptionBudget(_ pdb: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    let c = pdb.content
    w.write(0, "Name:\t\(pdb.name)\n")
    w.write(0, "Namespace:\t\(pdb.namespace)\n")
    if let minimum = c[path: "spec.minAvailable"] {
      w.write(0, "Min available:\t\(minimum.scalarText)\n")
    } else if let maximum = c[path: "spec.maxUnavailable"] {
      w.write(0, "Max unavailable:\t\(maximum.scalarText)\n")
    }
    if let selector = c[path: "spec.selector"], selector.object != nil {
      w.write(0, "Selector:\t\(Columns.selectorText(selector, emptyIsNone: false))\n")
    } else {
      w.write(0, "Selector:\t<unset>\n")
    }
    func status(_ field: String) -> Int { c[path: "status.\(field)"]?.int ?? 0 }
    w.write(0, "Status:\n")
    w.write(2, "Allowed disruptions:\t\(status("disruptionsAllowed"))\n")
    w.write(2, "Current:\t\(status("currentHealthy"))\n")
    w.write(2, "Desired:\t\(status("desiredHealthy"))\n")
    w.write(2, "Total:\t\(status("expectedPods"))\n")
    w.events(cluster.events(for: pdb), now: cluster.now)
    return w.render()
  }

  static func ingressClass(_ ic: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    w.write(0, "Name:\t\(ic.name)\n")
    w.labels("Labels", ic.labels)
    w.annotations(ic.annotations)
    w.write(0, "Controller:\t\(ic.content[path: "spec.controller"]?.string ?? "")\n")
    if let parameters = ic.content[path: "spec.parameters"], parameters.object != nil {
      w.write(0, "Parameters:\n")
      if let group = parameters["apiGroup"]?.string { w.write(1, "APIGroup:\t\(group)\n") }
      w.write(1, "Kind:\t\(parameters["kind"]?.string ?? "")\n")
      w.write(1, "Name:\t\(parameters["name"]?.string ?? "")\n")
    }
    w.events(cluster.events(for: ic), now: cluster.now)
    return w.render()
  }

  static func endpoints(_ ep: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    w.write(0, "Name:\t\(ep.name)\n")
    w.write(0, "Namespace:\t\(ep.namespace)\n")
    w.labels("Labels", ep.labels)
    w.annotations(ep.annotations)
    w.write(0, "Subsets:\n")
    for subset in ep.content["subsets"]?.array ?? [] {
      let ready = (subset["addresses"]?.array ?? []).compactMap { $0["ip"]?.string }.joined(separator: ",")
      let notReady = (subset["notReadyAddresses"]?.array ?? []).compactMap { $0["ip"]?.string }.joined(separator: ",")
      w.write(1, "Addresses:\t\(ready.isEmpty ? "<none>" : ready)\n")
      w.write(1, "NotReadyAddresses:\t\(notReady.isEmpty ? "<none>" : notReady)\n")
      let ports = subset["ports"]?.array ?? []
      if !ports.isEmpty {
        w.write(1, "Ports:\n")
        w.write(2, "Name\tPort\tProtocol\n")
        w.write(2, "----\t----\t--------\n")
        for port in ports {
          let name = port["name"]?.string ?? ""
          w.write(2, "\(name.isEmpty ? "<unset>" : name)\t\(port["port"]?.int ?? 0)\t\(port["protocol"]?.string ?? "")\n")
        }
      }
      w.write(0, "\n")
    }
    w.events(cluster.events(for: ep), now: cluster.now)
    return w.render()
  }
}

extension AccessDescriber {
  static func autoscaler(_ hpa: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    let c = hpa.content
    w.write(0, "Name:\t\(hpa.name)\n")
    w.write(0, "Namespace:\t\(hpa.namespace)\n")
    w.labels("Labels", hpa.labels)
    w.annotations(hpa.annotations)
    w.write(0, "CreationTimestamp:\t\(DescribeWriter.rfc1123(hpa.creationTimestamp))\n")
    let kind = c[path: "spec.scaleTargetRef.kind"]?.string ?? ""
    w.write(0, "Reference:\t\(kind)/\(c[path: "spec.scaleTargetRef.name"]?.string ?? "")\n")
    w.write(0, "Metrics:\t( current / target )\n")
    let current = c[path: "status.currentMetrics"]?.array ?? []
    for (index, metric) in (c[path: "spec.metrics"]?.array ?? []).enumerated() {
      autoscalerMetric(&w, metric, current: index < current.count ? current[index] : nil)
    }
    w.write(0, "Min replicas:\t\(c[path: "spec.minReplicas"]?.int.map(String.init) ?? "<unset>")\n")
    w.write(0, "Max replicas:\t\(c[path: "spec.maxReplicas"]?.int ?? 0)\n")
    if let behavior = c[path: "spec.behavior"], behavior.object != nil {
      w.write(0, "Behavior:\n")
      for (title, key) in [("Scale Up", "scaleUp"), ("Scale Down", "scaleDown")] {
        guard let rules = behavior[key], rules.object != nil else { continue }
        w.write(1, "\(title):\n")
        if let window = rules["stabilizationWindowSeconds"]?.int { w.write(2, "Stabilization Window: \(window) seconds\n") }
        let policies = rules["policies"]?.array ?? []
        guard !policies.isEmpty else { continue }
        w.write(2, "Select Policy: \(rules["selectPolicy"]?.string ?? "Max")\n")
        w.write(2, "Policies:\n")
        for policy in policies {
          w.write(3, "- Type: \(policy["type"]?.string ?? "")\tValue: \(policy["value"]?.int ?? 0)\tPeriod: \(policy["periodSeconds"]?.int ?? 0) seconds\n")
        }
      }
    }
    w.write(0, "\(kind) pods:\t\(c[path: "status.currentReplicas"]?.int ?? 0) current / \(c[path: "status.desiredReplicas"]?.int ?? 0) desired\n")
    let conditions = c[path: "status.conditions"]?.array ?? []
    if !conditions.isEmpty {
      w.write(0, "Conditions:\n")
      w.write(1, "Type\tStatus\tReason\tMessage\n")
      w.write(1, "----\t------\t------\t-------\n")
      for condition in conditions {
        w.write(1, "\(condition["type"]?.string ?? "")\t\(condition["status"]?.string ?? "")\t\(condition["reason"]?.string ?? "")\t\(condition["message"]?.string ?? "")\n")
      }
    }
    w.events(cluster.events(for: hpa), now: cluster.now)
    return w.render()
  }

  /// One line of an HPA's `Metrics:` block, per metric source type, as
  /// describeHorizontalPodAutoscalerV2 words it. A missing quantity prints
  /// as Go prints a nil `*Quantity`: `<nil>`.
  private static func autoscalerMetric(_ w: inout DescribeWriter, _ metric: JSONValue, current: JSONValue?) {
    func quantity(_ value: JSONValue?) -> String {
      guard let value, value != .null else { return "<nil>" }
      return Quantity(value)?.description ?? value.scalarText
    }
    let type = metric["type"]?.string ?? ""
    switch type {
    case "External", "Pods", "Object":
      let field = type == "External" ? "external" : type == "Pods" ? "pods" : "object"
      let source = metric[field] ?? .emptyObject
      let now = current?[field]
      let name = source[path: "metric.name"]?.string ?? ""
      if type == "Pods" {
        let value = now.map { quantity($0[path: "current.averageValue"]) } ?? "<unknown>"
        w.write(1, "\"\(name)\" on pods:\t\(value) / \(quantity(source[path: "target.averageValue"]))\n")
        return
      }
      let average = type == "External" ? source[path: "target.averageValue"] != nil : source[path: "target.type"]?.string == "AverageValue"
      if type == "Object" {
        let described = source["describedObject"] ?? .emptyObject
        w.write(1, "\"\(name)\" on \(described["kind"]?.string ?? "")/\(described["name"]?.string ?? "") ")
      } else {
        w.write(1, "\"\(name)\" ")
      }
      let key = average ? "averageValue" : "value"
      let value = now.map { quantity($0[path: "current.\(key)"]) } ?? "<unknown>"
      w.write(0, "(target \(average ? "average value" : "value")):\t\(value) / \(quantity(source[path: "target.\(key)"]))\n")
    case "Resource", "ContainerResource":
      let field = type == "Resource" ? "resource" : "containerResource"
      let source = metric[field] ?? .emptyObject
      let now = current?[field]
      let name = source["name"]?.string ?? ""
      if type == "Resource" {
        w.write(1, "resource \(name) on pods")
      } else {
        w.write(1, "resource \(name) of container \"\(source["container"]?.string ?? "")\" on pods")
      }
      if let average = source[path: "target.averageValue"], average != .null {
        let value = now.map { quantity($0[path: "current.averageValue"]) } ?? "<unknown>"
        w.write(0, ":\t\(value) / \(quantity(average))\n")
      } else {
        var value = "<unknown>"
        if let now, let utilization = now[path: "current.averageUtilization"]?.int {
          value = "\(utilization)% (\(quantity(now[path: "current.averageValue"])))"
        }
        let target = source[path: "target.averageUtilization"]?.int.map { "\($0)%" } ?? "<auto>"
        w.write(1, "(as a percentage of request):\t\(value) / \(target)\n")
      }
    default:
      w.write(1, "<unknown metric type \"\(type)\">\n")
    }
  }
}
