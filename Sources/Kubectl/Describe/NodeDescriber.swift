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
    do {
      let lease = try cluster.get(ObjectKey(.lease, node.name, in: "kube-node-lease"))
      w.write(0, "Lease:\n")
      w.write(1, "HolderIdentity:\t\(lease.content[path: "spec.holderIdentity"]?.string ?? "<unset>")\n")
      for (title, field) in [("AcquireTime", "acquireTime"), ("RenewTime", "renewTime")] {
        let time = Timestamp.parse(lease.content[path: "spec.\(field)"]?.string)
        w.write(1, "\(title):\t\(DescribeWriter.rfc1123(time))\n")
      }
    } catch {
      w.write(0, "Lease:\tFailed to get lease: \(error)\n")
    }
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
    podTables(pods, node: node, now: cluster.now, into: &w)
    w.events(cluster.events(for: node), now: cluster.now)
    return w.render()
  }

  /// describeNodeResource: the Non-terminated Pods table (with kubectl's
  /// empty column after Name) and the Allocated resources sums, as shares
  /// of the node's allocatable (its capacity when it has none).
  private static func podTables(_ pods: [Object], node: Object, now: Date, into w: inout DescribeWriter) {
    var allocatable = node.content[path: "status.allocatable"]?.object ?? JSONObject()
    if allocatable.isEmpty { allocatable = node.content[path: "status.capacity"]?.object ?? JSONObject() }
    /// Go's `int64(float64(part) / float64(whole) * 100)`, in milli-units
    /// for CPU and whole units otherwise. The totals skip a zero whole; a
    /// pod's row divides anyway, and Go turns the NaN into Int64.min.
    func share(_ part: Quantity?, _ resource: String, total: Bool) -> String {
      let whole: Quantity? = Quantity(allocatable[resource])
      let isCPU = resource == "cpu"
      let p: Int64 = (isCPU ? part?.milli : part?.value) ?? 0
      let t: Int64 = (isCPU ? whole?.milli : whole?.value) ?? 0
      guard t != 0 else { return total ? "0" : String(Int64.min) }
      return String(Int64(Double(p) / Double(t) * 100))
    }
    func cell(_ value: Quantity?, _ resource: String, total: Bool = false) -> String {
      let amount: String = value?.description ?? "0"
      return amount + " (" + share(value, resource, total: total) + "%)"
    }
    w.write(0, "Non-terminated Pods:\t(\(pods.count) in total)\n")
    w.write(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n")
    w.write(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n")
    for pod in pods {
      let totals = PodResourceTotals(pod)
      let cells = [
        cell(totals.requests["cpu"], "cpu"), cell(totals.limits["cpu"], "cpu"),
        cell(totals.requests["memory"], "memory"), cell(totals.limits["memory"], "memory"),
      ]
      w.write(1, "\(pod.namespace)\t\(pod.name)\t\t\(cells.joined(separator: "\t"))\t\(HumanDuration.since(pod.creationTimestamp, now: now))\n")
    }
    w.write(0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n")
    w.write(1, "Resource\tRequests\tLimits\n")
    w.write(1, "--------\t--------\t------\n")
    let totals = PodResourceTotals(pods)
    let hugePages = allocatable.keys.filter { $0.hasPrefix("hugepages-") }.sorted()
    for resource in ["cpu", "memory", "ephemeral-storage"] + hugePages {
      w.write(1, "\(resource)\t\(cell(totals.requests[resource], resource, total: true))\t\(cell(totals.limits[resource], resource, total: true))\n")
    }
    // Extended resources (a device plugin's, say): plain sums, no shares.
    let standard: Set<String> = ["cpu", "memory", "ephemeral-storage", "pods"]
    for resource in allocatable.keys.sorted() where !standard.contains(resource) && !resource.hasPrefix("hugepages-") {
      w.write(1, "\(resource)\t\(totals.requests[resource]?.description ?? "0")\t\(totals.limits[resource]?.description ?? "0")\n")
    }
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
