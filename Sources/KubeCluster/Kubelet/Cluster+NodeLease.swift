import Foundation

extension Cluster {
  /// The kubelet renews its node's Lease every quarter of its 40-second
  /// duration (`nodeLeaseDurationSeconds`, `renewInterval` in the kubelet).
  static let nodeLeaseDuration = 40
  static let nodeLeaseRenewInterval: TimeInterval = 10

  /// The Lease in `kube-node-lease` that a registering kubelet creates for
  /// its node, owned by the Node so that it goes when the Node goes. Its UID
  /// comes from the node's name, not the cluster's random source, so that
  /// adding it changed no other object's name or UID.
  mutating func createNodeLease(for node: Object) {
    var lease = Object(.lease, name: node.name, namespace: "kube-node-lease")
    var seed = RandomSource(seed: UInt64(RandomSource.fnv32a("lease/" + node.name)))
    lease.uid = seed.uuid()
    lease.content[path: "metadata.ownerReferences"] = [
      ["apiVersion": "v1", "kind": "Node", "name": .string(node.name), "uid": .string(node.uid)]
    ]
    lease.content["spec"] = [
      "holderIdentity": .string(node.name), "leaseDurationSeconds": .int(Cluster.nodeLeaseDuration),
      "renewTime": .string(Timestamp.formatMicro(now)),
    ]
    write(lease, by: "kubelet/\(node.name)", summary: "created node lease")
  }

  /// Each running kubelet's latest renewal of its node Lease up to now.
  /// The renewals between two moments nobody looked at are folded into
  /// one write (the renew time still falls on the kubelet's 10-second
  /// beat), so the clock carries no timer per node.
  mutating func renewNodeLeases() {
    for var lease in store.list(.lease, in: "kube-node-lease") {
      guard !stoppedComponents.contains("kubelet/\(lease.name)"),
        store.contains(ObjectKey(.node, lease.name)),
        lease.content[path: "spec.holderIdentity"]?.string == lease.name,
        let last = Timestamp.parse(lease.content[path: "spec.renewTime"]?.string)
      else { continue }
      let beats = (now.timeIntervalSince(last) / Cluster.nodeLeaseRenewInterval).rounded(.down)
      guard beats >= 1 else { continue }
      let renewed = last.addingTimeInterval(beats * Cluster.nodeLeaseRenewInterval)
      lease.content[path: "spec.renewTime"] = .string(Timestamp.formatMicro(renewed))
      write(lease, by: "kubelet/\(lease.name)", summary: "renewed node lease")
    }
  }
}
