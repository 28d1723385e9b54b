import Foundation
import KubeCluster

/// `kubectl describe node`, and the small describers for ConfigMaps and Secrets.
enum NodeDescriber {
  static func describe(_ node: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    let c = node.content
    w.write(0, "Name:\t\(node.name)\n")
    let roles = node.labels.keys.filter { $0.hasPrefix("node-role.kubernetes.io/") }
      .map { String($0.dropFirst("node-role.kubernetes.io/".count)) }.sorted()
    w.write(0, "Roles:\t\(roles.isEmpty ? "<none>" : roles.joined(separator: ","))\n")
    w.labels("Labels", node.labels)
    w.annotations(node.annotations)
    w.write(0, "CreationTimestamp:\t\(DescribeWriter.rfc1123(node.creationTimestamp))\n")
    let taints = c[path: "spec.taints"]?.array ?? []
    if taints.isEmpty {
      w.write(0, "Taints:\t<none>\n")
    } else {
      for (index, taint) in taints.enumerated() {
        var text = taint["key"]?.string ?? ""
        if let value = taint["value"]?.string, !value.isEmpty { text += "=\(value)" }
        text += ":\(taint["effect"]?.string ?? "")"
        w.write(0, (index == 0 ? "Taints:\t" : "\t") + text + "\n")
      }
    }
    w.write(0, "Unschedulable:\t\(c[path: "spec.unschedulable"]?.bool == true ? "true" : "false")\n")
    w.write(0, "Lease:\n")
    w.write(1, "HolderIdentity:\t\(node.name)\n")
    w.write(1, "AcquireTime:\t<unset>\n")
    let renew = Date(timeIntervalSince1970: (cluster.now.timeIntervalSince1970 / 10).rounded(.down) * 10)
    w.write(1, "RenewTime:\t\(DescribeWriter.rfc1123(renew))\n")
    let conditions = c[path: "status.conditions"]?.array ?? []
    if !conditions.isEmpty {
      w.write(0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n")
      w.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n")
      for condition in conditions {
        let heartbeat = DescribeWriter.rfc1123(Timestamp.parse(condition["lastHeartbeatTime"]?.string))
        let transition = DescribeWriter.rfc1123(Timestamp.parse(condition["lastTransitionTime"]?.string))
        w.write(1, "\(condition["type"]?.string ?? "") \t\(condition["status"]?.string ?? "") \t\(heartbeat) \t\(transition) \t\(condition["reason"]?.string ?? "") \t\(condition["message"]?.string ?? "")\n")
      }
    }
    w.write(0, "Addresses:\n")
    for address in c[path: "status.addresses"]?.array ?? [] {
      w.write(1, "\(address["type"]?.string ?? ""):\t\(address["address"]?.string ?? "")\n")
    }
    for (title, key) in [("Capacity", "capacity"), ("Allocatable", "allocatable")] {
      guard let values = c[path: "status.\(key)"]?.object, !values.isEmpty else { continue }
      w.write(0, "\(title):\n")
      for name in values.keys.sorted() { w.write(1, "\(name):\t\(values[name]?.scalarText ?? "")\n") }
    }
    let info = c[path: "status.nodeInfo"] ?? .emptyObject
    w.write(0, "System Info:\n")
    for (title, key) in [
      ("Machine ID", "machineID"), ("System UUID", "systemUUID"), ("Boot ID", "bootID"),
      ("Kernel Version", "kernelVersion"), ("OS Image", "osImage"), ("Operating System", "operatingSystem"),
      ("Architecture", "architecture"), ("Container Runtime Version", "containerRuntimeVersion"),
      ("Kubelet Version", "kubeletVersion"), ("Kube-Proxy Version", "kubeProxyVersion"),
    ] {
      w.write(1, "\(title):\t\(info[key]?.string ?? "")\n")
    }
    if let cidr = c[path: "spec.podCIDR"]?.string { w.write(0, "PodCIDR:\t\(cidr)\n") }
    let cidrs = (c[path: "spec.podCIDRs"]?.array ?? []).compactMap(\.string)
    if !cidrs.isEmpty { w.write(0, "PodCIDRs:\t\(cidrs.joined(separator: ","))\n") }
    if let provider = c[path: "spec.providerID"]?.string { w.write(0, "ProviderID:\t\(provider)\n") }

    let pods = cluster.list(.pod).filter {
      $0.content[path: "spec.nodeName"]?.string == node.name
        && !["Succeeded", "Failed"].contains($0.content[path: "status.phase"]?.string ?? "")
    }
    let allocatable = c[path: "status.allocatable"] ?? .emptyObject
    func percent(_ milli: Int64, _ resource: String) -> String {
      guard let total = Quantity(allocatable[resource])?.milli, total > 0 else { return "0" }
      return String(Int(Double(milli) / Double(total) * 100))
    }
    w.write(0, "Non-terminated Pods:\t(\(pods.count) in total)\n")
    w.write(1, "Namespace\tName\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n")
    w.write(1, "---------\t----\t------------\t----------\t---------------\t-------------\t---\n")
    var totals: [String: (Int64, Int64)] = [:]
    for pod in pods {
      var sums: [String: (Int64, Int64)] = [:]
      for container in pod.content[path: "spec.containers"]?.array ?? [] {
        for resource in ["cpu", "memory", "ephemeral-storage", "hugepages-1Gi", "hugepages-2Mi"] {
          let request = Quantity(container[path: "resources.requests.\(resource)"] ?? container[path: "resources.limits.\(resource)"])?.milli ?? 0
          let limit = Quantity(container[path: "resources.limits.\(resource)"])?.milli ?? 0
          sums[resource, default: (0, 0)].0 += request
          sums[resource, default: (0, 0)].1 += limit
        }
      }
      for (resource, pair) in sums {
        totals[resource, default: (0, 0)].0 += pair.0
        totals[resource, default: (0, 0)].1 += pair.1
      }
      let cpu = sums["cpu"] ?? (0, 0)
      let memory = sums["memory"] ?? (0, 0)
      w.write(1, "\(pod.namespace)\t\(pod.name)\t\(amount(cpu.0, cpu: true)) (\(percent(cpu.0, "cpu"))%)\t\(amount(cpu.1, cpu: true)) (\(percent(cpu.1, "cpu"))%)\t\(amount(memory.0, cpu: false)) (\(percent(memory.0, "memory"))%)\t\(amount(memory.1, cpu: false)) (\(percent(memory.1, "memory"))%)\t\(HumanDuration.since(pod.creationTimestamp, now: cluster.now))\n")
    }
    w.write(0, "Allocated resources:\n")
    w.write(1, "(Total limits may be over 100 percent, i.e., overcommitted.)\n")
    w.write(1, "Resource\tRequests\tLimits\n")
    w.write(1, "--------\t--------\t------\n")
    for resource in ["cpu", "memory", "ephemeral-storage", "hugepages-1Gi", "hugepages-2Mi"] {
      let pair = totals[resource] ?? (0, 0)
      let isCPU = resource == "cpu"
      w.write(1, "\(resource)\t\(amount(pair.0, cpu: isCPU)) (\(percent(pair.0, resource))%)\t\(amount(pair.1, cpu: isCPU)) (\(percent(pair.1, resource))%)\n")
    }
    w.events(cluster.events(for: node), now: cluster.now)
    return w.render()
  }

  /// A quantity as describe prints sums: `100m`, `2`, `50Mi`, `0`.
  static func amount(_ milli: Int64, cpu: Bool) -> String {
    if milli == 0 { return "0" }
    if cpu { return milli % 1000 == 0 ? String(milli / 1000) : "\(milli)m" }
    let bytes = milli / 1000
    for (suffix, size) in [("Gi", Int64(1 << 30)), ("Mi", Int64(1 << 20)), ("Ki", Int64(1 << 10))] where bytes % size == 0 {
      return "\(bytes / size)\(suffix)"
    }
    return String(bytes)
  }

  static func configMap(_ o: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    w.write(0, "Name:\t\(o.name)\n")
    w.write(0, "Namespace:\t\(o.namespace)\n")
    w.labels("Labels", o.labels)
    w.annotations(o.annotations)
    var text = w.render()
    text += "\nData\n====\n"
    let data = o.content["data"]?.object ?? JSONObject()
    for key in data.keys.sorted() {
      text += "\(key):\n----\n\(data[key]?.string ?? "")\n\n"
    }
    text += "\nBinaryData\n====\n"
    let binary = o.content["binaryData"]?.object ?? JSONObject()
    for key in binary.keys.sorted() {
      let size = Data(base64Encoded: binary[key]?.string ?? "")?.count ?? 0
      text += "\(key): \(size) bytes\n"
    }
    var events = DescribeWriter()
    events.events(cluster.events(for: o), now: cluster.now)
    return text + "\n" + events.render()
  }

  static func secret(_ o: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    w.write(0, "Name:\t\(o.name)\n")
    w.write(0, "Namespace:\t\(o.namespace)\n")
    w.labels("Labels", o.labels)
    w.annotations(o.annotations)
    w.write(0, "\nType:\t\(o.content["type"]?.string ?? "Opaque")\n")
    w.write(0, "\nData\n====\n")
    let data = o.content["data"]?.object ?? JSONObject()
    for key in data.keys.sorted() {
      let size = Data(base64Encoded: data[key]?.string ?? "")?.count ?? 0
      w.write(0, "\(key):\t\(size) bytes\n")
    }
    return w.render()
  }
}
