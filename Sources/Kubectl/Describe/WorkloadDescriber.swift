import Foundation
import KubeCluster

/// `kubectl describe` for Deployments, ReplicaSets, Services, Namespaces,
/// and a generic fallback for the other kinds.
enum WorkloadDescriber {
  static func podTemplate(_ w: inout DescribeWriter, _ template: JSONValue?) {
    w.write(0, "Pod Template:\n")
    guard let template else {
      w.write(1, "<unset>")
      return
    }
    w.labels("  Labels", Object.stringMap(template[path: "metadata.labels"]))
    let annotations = Object.stringMap(template[path: "metadata.annotations"])
    if !annotations.isEmpty {
      var inner = DescribeWriter()
      inner.annotations(annotations)
      w.write(0, "  " + inner.text.replacingOccurrences(of: "Annotations:", with: "Annotations:"))
    }
    if let account = template[path: "spec.serviceAccountName"]?.string, !account.isEmpty {
      w.write(1, "Service Account:\t\(account)\n")
    }
    let inits = template[path: "spec.initContainers"]?.array ?? []
    if !inits.isEmpty { templateContainers(&w, "Init Containers", inits) }
    templateContainers(&w, "Containers", template[path: "spec.containers"]?.array ?? [])
    PodDescriber.volumes(&w, template[path: "spec.volumes"]?.array ?? [], level: 1)
    PodDescriber.topologySpread(&w, template[path: "spec.topologySpreadConstraints"]?.array ?? [], space: "  ")
    if let priority = template[path: "spec.priorityClassName"]?.string, !priority.isEmpty {
      w.write(1, "Priority Class Name:\t\(priority)\n")
    }
    w.labels("  Node-Selectors", Object.stringMap(template[path: "spec.nodeSelector"]))
    PodDescriber.tolerations(&w, template[path: "spec.tolerations"]?.array ?? [], level: 1)
  }

  /// Template containers print one level deeper, with a space before the name.
  private static func templateContainers(_ w: inout DescribeWriter, _ title: String, _ containers: [JSONValue]) {
    var inner = DescribeWriter()
    PodDescriber.containers(&inner, title, containers, statuses: [])
    for line in inner.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
      if !line.hasPrefix(" ") {
        w.write(1, line + "\n")
      } else if !line.hasPrefix("    ") {
        w.write(0, " " + line + "\n")
      } else {
        w.write(0, line + "\n")
      }
    }
  }

  static func deployment(_ d: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    let c = d.content
    w.write(0, "Name:\t\(d.name)\n")
    w.write(0, "Namespace:\t\(d.namespace)\n")
    w.write(0, "CreationTimestamp:\t\(DescribeWriter.rfc1123(d.creationTimestamp))\n")
    w.labels("Labels", d.labels)
    w.annotations(d.annotations)
    w.write(0, "Selector:\t\(Columns.selectorText(c[path: "spec.selector"], emptyIsNone: false))\n")
    let status = { (key: String) in c[path: "status.\(key)"]?.int ?? 0 }
    w.write(0, "Replicas:\t\(c[path: "spec.replicas"]?.int ?? 1) desired | \(status("updatedReplicas")) updated | \(status("replicas")) total | \(status("availableReplicas")) available | \(status("unavailableReplicas")) unavailable\n")
    let strategy = c[path: "spec.strategy.type"]?.string ?? "RollingUpdate"
    w.write(0, "StrategyType:\t\(strategy)\n")
    w.write(0, "MinReadySeconds:\t\(c[path: "spec.minReadySeconds"]?.int ?? 0)\n")
    if strategy == "RollingUpdate" {
      let unavailable = c[path: "spec.strategy.rollingUpdate.maxUnavailable"]?.scalarText ?? "25%"
      let surge = c[path: "spec.strategy.rollingUpdate.maxSurge"]?.scalarText ?? "25%"
      w.write(0, "RollingUpdateStrategy:\t\(unavailable) max unavailable, \(surge) max surge\n")
    }
    podTemplate(&w, c[path: "spec.template"])
    conditions(&w, c[path: "status.conditions"]?.array ?? [])
    let sets = cluster.store.dependents(of: d.uid).filter { $0.kind == .replicaSet }
    let template = c[path: "spec.template"]
    let newSets = sets.filter { bare($0.content[path: "spec.template"]) == bare(template) }
    let oldSets = sets.filter { set in !newSets.contains(where: { $0.uid == set.uid }) && (set.content[path: "spec.replicas"]?.int ?? 0) != 0 }
    w.write(0, "OldReplicaSets:\t\(replicaSetList(oldSets))\n")
    w.write(0, "NewReplicaSet:\t\(replicaSetList(newSets))\n")
    w.events(cluster.events(for: d), now: cluster.now)
    return w.render()
  }

  private static func bare(_ template: JSONValue?) -> JSONValue {
    var template = template ?? .emptyObject
    template[path: "metadata.labels.pod-template-hash"] = nil
    return template.sortedKeys
  }

  private static func replicaSetList(_ sets: [Object]) -> String {
    guard !sets.isEmpty else { return "<none>" }
    return sets.map { "\($0.name) (\($0.content[path: "status.replicas"]?.int ?? 0)/\($0.content[path: "spec.replicas"]?.int ?? 1) replicas created)" }.joined(separator: ", ")
  }

  static func conditions(_ w: inout DescribeWriter, _ conditions: [JSONValue]) {
    guard !conditions.isEmpty else { return }
    w.write(0, "Conditions:\n  Type\tStatus\tReason\n")
    w.write(1, "----\t------\t------\n")
    for condition in conditions {
      w.write(1, "\(condition["type"]?.string ?? "") \t\(condition["status"]?.string ?? "")\t\(condition["reason"]?.string ?? "")\n")
    }
  }

  static func replicaSet(_ rs: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    let c = rs.content
    w.write(0, "Name:\t\(rs.name)\n")
    w.write(0, "Namespace:\t\(rs.namespace)\n")
    w.write(0, "Selector:\t\(Columns.selectorText(c[path: "spec.selector"], emptyIsNone: false))\n")
    w.labels("Labels", rs.labels)
    w.annotations(rs.annotations)
    if let owner = rs.controller { w.write(0, "Controlled By:\t\(owner.kind)/\(owner.name)\n") }
    w.write(0, "Replicas:\t\(c[path: "status.replicas"]?.int ?? 0) current / \(c[path: "spec.replicas"]?.int ?? 1) desired\n")
    let pods = cluster.store.dependents(of: rs.uid).filter { $0.kind == .pod }
    func count(_ phase: String) -> Int { pods.filter { $0.content[path: "status.phase"]?.string == phase }.count }
    w.write(0, "Pods Status:\t\(count("Running")) Running / \(count("Pending")) Waiting / \(count("Succeeded")) Succeeded / \(count("Failed")) Failed\n")
    podTemplate(&w, c[path: "spec.template"])
    let conditionList = c[path: "status.conditions"]?.array ?? []
    if !conditionList.isEmpty {
      w.write(0, "Conditions:\n  Type\tStatus\tReason\n")
      w.write(1, "----\t------\t------\n")
      for condition in conditionList {
        w.write(1, "\(condition["type"]?.string ?? "") \t\(condition["status"]?.string ?? "")\t\(condition["reason"]?.string ?? "")\n")
      }
    }
    w.events(cluster.events(for: rs), now: cluster.now)
    return w.render()
  }

  static func service(_ s: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    let c = s.content
    w.write(0, "Name:\t\(s.name)\n")
    w.write(0, "Namespace:\t\(s.namespace)\n")
    w.labels("Labels", s.labels)
    w.annotations(s.annotations)
    w.write(0, "Selector:\t\(Columns.formatLabels(Object.stringMap(c[path: "spec.selector"])))\n")
    let type = c[path: "spec.type"]?.string ?? "ClusterIP"
    w.write(0, "Type:\t\(type)\n")
    if let policy = c[path: "spec.ipFamilyPolicy"]?.string { w.write(0, "IP Family Policy:\t\(policy)\n") }
    let families = (c[path: "spec.ipFamilies"]?.array ?? []).compactMap(\.string)
    if !families.isEmpty { w.write(0, "IP Families:\t\(families.joined(separator: ","))\n") }
    if let ip = c[path: "spec.clusterIP"]?.string, type != "ExternalName" {
      w.write(0, "IP:\t\(ip)\n")
      let ips = (c[path: "spec.clusterIPs"]?.array ?? []).compactMap(\.string)
      w.write(0, "IPs:\t\(ips.isEmpty ? ip : ips.joined(separator: ","))\n")
    }
    let external = (c[path: "spec.externalIPs"]?.array ?? []).compactMap(\.string)
    if !external.isEmpty { w.write(0, "External IPs:\t\(external.joined(separator: ","))\n") }
    if let lb = c[path: "spec.loadBalancerIP"]?.string { w.write(0, "IP:\t\(lb)\n") }
    if type == "ExternalName" { w.write(0, "External Name:\t\(c[path: "spec.externalName"]?.string ?? "")\n") }
    let ingress = (c[path: "status.loadBalancer.ingress"]?.array ?? []).compactMap { entry -> String? in
      guard let address = entry["ip"]?.string ?? entry["hostname"]?.string else { return nil }
      return entry["ipMode"]?.string.map { "\(address) (\($0))" } ?? address
    }
    if !ingress.isEmpty { w.write(0, "LoadBalancer Ingress:\t\(ingress.joined(separator: ", "))\n") }
    let endpoints = cluster.store.get(ObjectKey(.endpoints, s.name, in: s.namespace))
    for port in c[path: "spec.ports"]?.array ?? [] {
      let name = (port["name"]?.string).flatMap { $0.isEmpty ? nil : $0 } ?? "<unset>"
      let proto = port["protocol"]?.string ?? "TCP"
      w.write(0, "Port:\t\(name)\t\(port["port"]?.int ?? 0)/\(proto)\n")
      let target = port["targetPort"]?.scalarText ?? String(port["port"]?.int ?? 0)
      w.write(0, "TargetPort:\t\(target)/\(proto)\n")
      if let nodePort = port["nodePort"]?.int, nodePort != 0 {
        w.write(0, "NodePort:\t\(name)\t\(nodePort)/\(proto)\n")
      }
      var addresses: [String] = []
      for subset in endpoints?.content["subsets"]?.array ?? [] {
        let matching = (subset["ports"]?.array ?? []).first { ($0["name"]?.string ?? "") == (port["name"]?.string ?? "") }
        guard let matching else { continue }
        for address in subset["addresses"]?.array ?? [] {
          addresses.append("\(address["ip"]?.string ?? ""):\(matching["port"]?.int ?? 0)")
        }
      }
      let shown = addresses.prefix(3).joined(separator: ",")
      let text = addresses.count > 3 ? "\(shown) + \(addresses.count - 3) more..." : shown
      let noSubsets = (endpoints?.content["subsets"]?.array ?? []).isEmpty
      if type != "ExternalName" { w.write(0, "Endpoints:\t\(noSubsets ? "<none>" : text)\n") }
    }
    w.write(0, "Session Affinity:\t\(c[path: "spec.sessionAffinity"]?.string ?? "None")\n")
    if type == "NodePort" || type == "LoadBalancer" {
      w.write(0, "External Traffic Policy:\t\(c[path: "spec.externalTrafficPolicy"]?.string ?? "Cluster")\n")
    }
    if let traffic = c[path: "spec.internalTrafficPolicy"]?.string { w.write(0, "Internal Traffic Policy:\t\(traffic)\n") }
    w.events(cluster.events(for: s), now: cluster.now)
    return w.render()
  }

  static func namespace(_ n: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    w.write(0, "Name:\t\(n.name)\n")
    w.labels("Labels", n.labels)
    w.annotations(n.annotations)
    w.write(0, "Status:\t\(n.content[path: "status.phase"]?.string ?? "Active")\n")
    QuotaDescriber.namespaceSections(&w, namespace: n.name, cluster: cluster)
    return w.render()
  }
}
