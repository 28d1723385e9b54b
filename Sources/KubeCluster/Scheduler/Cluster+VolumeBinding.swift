import Foundation

/// What the scheduler's VolumeBinding plugin read of a pod's claims.
struct PodClaims {
  /// The nodes the pod's volumes allow: those of its bound volumes' node
  /// affinity and of the nodes already chosen for its pending claims; nil
  /// when every node will do.
  var nodes: Set<String>?
  /// Claims of a WaitForFirstConsumer class, not bound yet.
  var delayed: [Object] = []
}

extension Cluster {
  /// The claims a pod's volumes name, as keys.
  static func claimKeys(of pod: Object) -> [ObjectKey] {
    guard let volumes = pod.content[path: "spec.volumes"]?.array else { return [] }
    return volumes.compactMap { volume in
      volume[path: "persistentVolumeClaim.claimName"]?.string.map {
        ObjectKey(.persistentVolumeClaim, $0, in: pod.namespace)
      }
    }
  }

  /// VolumeBinding's PreFilter: the pod's claims, or why no node can take
  /// the pod now (worded as the plugin words it); nil when the pod uses no
  /// claim.
  func podClaims(_ pod: Object) -> Result<PodClaims, VolumeBindingFailure>? {
    let keys = Cluster.claimKeys(of: pod)
    guard !keys.isEmpty else { return nil }
    var claims = PodClaims()
    func allow(_ nodes: Set<String>) {
      claims.nodes = claims.nodes.map { $0.intersection(nodes) } ?? nodes
    }
    var immediate = false
    for key in keys {
      guard let claim = store.get(key) else {
        return .failure(VolumeBindingFailure("persistentvolumeclaim \"\(key.name)\" not found"))
      }
      if claim.isTerminating {
        return .failure(VolumeBindingFailure("persistentvolumeclaim \"\(key.name)\" is being deleted"))
      }
      if let name = claim.content[path: "spec.volumeName"]?.string, !name.isEmpty {
        if let volume = store.get(ObjectKey(.persistentVolume, name)), let nodes = Cluster.volumeNodes(volume) {
          allow(nodes)
        }
        continue
      }
      let className = claim.content[path: "spec.storageClassName"]?.string ?? ""
      let storageClass = className.isEmpty ? nil : store.get(ObjectKey(.storageClass, className))
      guard storageClass?.content["volumeBindingMode"]?.string == "WaitForFirstConsumer" else {
        immediate = true
        continue
      }
      claims.delayed.append(claim)
      if let node = claim.annotations["volume.kubernetes.io/selected-node"] { allow([node]) }
    }
    if immediate { return .failure(VolumeBindingFailure("pod has unbound immediate PersistentVolumeClaims")) }
    return .success(claims)
  }

  /// VolumeBinding's Reserve and PreBind once a node is chosen: the node is
  /// written on the claims that wait for a consumer, and the pod is bound
  /// only once they all are. Until then the plugin checks them every
  /// second (false: not yet).
  mutating func bindPodVolumes(_ pod: Object, claims: PodClaims, on node: String) -> Bool {
    guard !claims.delayed.isEmpty else { return true }
    var progressing = false
    var selectedNow = false
    for claim in claims.delayed {
      if claim.annotations["volume.kubernetes.io/selected-node"] == nil {
        var selected = claim
        var annotations = claim.annotations
        annotations["volume.kubernetes.io/selected-node"] = node
        selected.annotations = annotations
        write(selected, by: "default-scheduler", summary: "selected node \(node) for pod \(pod.name)")
        progressing = true
        selectedNow = true
      } else if volumeProvisioning[claim.key] != nil {
        progressing = true
      }
    }
    if selectedNow {
      store.note(
        "waiting for \(claims.delayed.map(\.name).sorted().joined(separator: ", ")) to be bound on \(node)",
        about: pod, actor: "default-scheduler", at: now)
    }
    if progressing { schedule(.scheduler(pod.key), after: 1) }
    return false
  }
}

/// Why VolumeBinding's PreFilter turned a pod away.
struct VolumeBindingFailure: Error {
  var reason: String
  init(_ reason: String) { self.reason = reason }
}
