import Foundation

/// Claims and volumes as kind runs them: the persistentvolume-controller
/// (binding, the protection finalizers, reclaiming) and rancher's
/// local-path provisioner behind kind's `standard` class.
///
/// `standard` binds WaitForFirstConsumer: a claim stays Pending
/// ("waiting for first consumer") until a pod that uses it is scheduled.
/// The scheduler then writes the chosen node on the claim
/// (`volume.kubernetes.io/selected-node`) and holds the pod back until the
/// claim is bound (Cluster+VolumeBinding.swift); the provisioner runs a
/// helper pod on that node to make the folder, which takes about three
/// seconds in kind, and creates the PersistentVolume, which the controller
/// binds to the claim.
extension Cluster {
  static let localPathProvisioner = "rancher.io/local-path"
  /// From the provisioner's "Provisioning" event to "ProvisioningSucceeded"
  /// (its helper pod creating the folder on the node), as kind shows it.
  static let localPathProvisioningTime: TimeInterval = 3
  /// From a claim's removal to its volume's (the helper pod removing the folder).
  static let localPathDeletionTime: TimeInterval = 2

  /// The persistentvolume-controller's sync of one claim or volume, and
  /// the local-path provisioner's part in it.
  mutating func reconcileVolumeBinding(_ key: ObjectKey) {
    switch key.kind {
    case .persistentVolumeClaim: syncClaim(key)
    case .persistentVolume: syncVolume(key)
    default: break
    }
  }

  // MARK: Claims

  private mutating func syncClaim(_ key: ObjectKey) {
    guard let claim = store.get(key) else {
      volumeProvisioning[key] = nil
      return
    }
    if claim.isTerminating {
      releaseProtectedClaim(claim)
      return
    }
    if let volume = claim.content[path: "spec.volumeName"]?.string, !volume.isEmpty { return }
    let controller = EventSource("persistentvolume-controller")
    let className = claim.content[path: "spec.storageClassName"]?.string ?? ""
    let storageClass = className.isEmpty ? nil : store.get(ObjectKey(.storageClass, className))
    let delayed = storageClass?.content["volumeBindingMode"]?.string == "WaitForFirstConsumer"
    let selectedNode = claim.annotations["volume.kubernetes.io/selected-node"]
    if delayed && selectedNode == nil {
      recordEvent(claim, reason: "WaitForFirstConsumer", message: "waiting for first consumer to be created before binding", source: controller)
      return
    }
    // A volume made beforehand that fits the claim is bound first.
    if let volume = bestVolume(for: claim, on: selectedNode) {
      bind(claim, to: volume, provisioned: false)
      return
    }
    guard let storageClass else {
      if className.isEmpty {
        recordEvent(claim, reason: "FailedBinding", message: "no persistent volumes available for this claim and no storage class is set", source: controller)
      } else {
        recordEvent(claim, type: "Warning", reason: "ProvisioningFailed", message: "storageclass.storage.k8s.io \"\(className)\" not found", source: controller)
      }
      return
    }
    // An external provisioner: the controller names it on the claim and waits.
    let provisioner = storageClass.content["provisioner"]?.string ?? ""
    if claim.annotations["volume.kubernetes.io/storage-provisioner"] != provisioner {
      var annotated = claim
      var annotations = claim.annotations
      annotations["volume.beta.kubernetes.io/storage-provisioner"] = provisioner
      annotations["volume.kubernetes.io/storage-provisioner"] = provisioner
      annotated.annotations = annotations
      write(annotated, by: "persistentvolume-controller", summary: "waiting for \(provisioner)")
    }
    // The sync that finds the provisioner done says nothing more.
    let finished = volumeProvisioning[key].map { $0 <= now } ?? false
    if !finished {
      recordEvent(
      claim, reason: "ExternalProvisioning",
      message: "Waiting for a volume to be created either by the external provisioner '\(provisioner)' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
      source: controller)
    }
    guard provisioner == Cluster.localPathProvisioner, let identity = localPathIdentity() else { return }
    let source = EventSource(identity)
    guard let node = selectedNode else {
      recordEvent(
        claim, type: "Warning", reason: "ProvisioningFailed",
        message: "failed to provision volume with StorageClass \"\(className)\": configuration error, no node was specified",
        source: source)
      return
    }
    guard let done = volumeProvisioning[key] else {
      recordEvent(claim, reason: "Provisioning", message: "External provisioner is provisioning volume for claim \"\(claim.namespace)/\(claim.name)\"", source: source)
      volumeProvisioning[key] = now.addingTimeInterval(Cluster.localPathProvisioningTime)
      schedule(.volumeBinding(key), after: Cluster.localPathProvisioningTime)
      return
    }
    guard done <= now else { return }
    volumeProvisioning[key] = nil
    let name = "pvc-\(claim.uid)"
    var volume = Object(.persistentVolume, name: name)
    volume.annotations = [
      "local.path.provisioner/selected-node": node, "pv.kubernetes.io/provisioned-by": provisioner,
    ]
    volume.finalizers = ["kubernetes.io/pv-protection"]
    volume.content["spec"] = [
      "accessModes": claim.content[path: "spec.accessModes"] ?? ["ReadWriteOnce"],
      "capacity": ["storage": claim.content[path: "spec.resources.requests.storage"] ?? "1Gi"],
      "claimRef": Cluster.claimReference(claim),
      "hostPath": ["path": .string("/var/local-path-provisioner/\(name)_\(claim.namespace)_\(claim.name)"), "type": "DirectoryOrCreate"],
      "nodeAffinity": ["required": ["nodeSelectorTerms": [["matchExpressions": [["key": "kubernetes.io/hostname", "operator": "In", "values": [.string(node)]]]]]]],
      "persistentVolumeReclaimPolicy": storageClass.content["reclaimPolicy"] ?? "Delete",
      "storageClassName": .string(className), "volumeMode": claim.content[path: "spec.volumeMode"] ?? "Filesystem",
    ]
    volume.content["status"] = ["phase": "Pending"]
    guard let created = write(volume, by: "local-path-provisioner", summary: "provisioned on \(node)") else { return }
    recordEvent(claim, reason: "ProvisioningSucceeded", message: "Successfully provisioned volume \(name)", source: source)
    bind(claim, to: created, provisioned: true)
  }

  /// The smallest Available volume of the claim's class that holds what
  /// it asks (size, access modes, mode, selector), on the node chosen
  /// for its pod when there is one.
  private func bestVolume(for claim: Object, on node: String?) -> Object? {
    let className = claim.content[path: "spec.storageClassName"]?.string ?? ""
    let wanted = Quantity(claim.content[path: "spec.resources.requests.storage"])?.milli ?? 0
    let modes = Set((claim.content[path: "spec.accessModes"]?.array ?? []).compactMap(\.string))
    let mode = claim.content[path: "spec.volumeMode"]?.string ?? "Filesystem"
    // No selector: any volume (LabelSelector reads a missing one as nothing).
    let selector = claim.content[path: "spec.selector"].map { LabelSelector(json: $0) } ?? .everything
    var best: (Object, Int64)?
    for volume in store.list(.persistentVolume) where !volume.isTerminating {
      guard volume.content[path: "spec.claimRef"] == nil || Cluster.reserved(volume, for: claim),
        (volume.content[path: "spec.storageClassName"]?.string ?? "") == className,
        (volume.content[path: "spec.volumeMode"]?.string ?? "Filesystem") == mode,
        modes.isSubset(of: Set((volume.content[path: "spec.accessModes"]?.array ?? []).compactMap(\.string))),
        selector.matches(volume.labels),
        let size = Quantity(volume.content[path: "spec.capacity.storage"])?.milli, size >= wanted
      else { continue }
      if let node, let pinned = Cluster.volumeNodes(volume), !pinned.contains(node) { continue }
      if let current = best, current.1 <= size { continue }
      best = (volume, size)
    }
    return best?.0
  }

  /// Whether a volume's claimRef names this claim (pre-bound by its author).
  private static func reserved(_ volume: Object, for claim: Object) -> Bool {
    guard let reference = volume.content[path: "spec.claimRef"] else { return false }
    return reference["name"]?.string == claim.name
      && (reference["namespace"]?.string ?? "default") == claim.namespace
      && (reference["uid"]?.string).map { $0 == claim.uid } != false
  }

  /// The nodes a volume's required node affinity allows (by hostname), or
  /// nil when it allows every node.
  static func volumeNodes(_ volume: Object) -> Set<String>? {
    guard let terms = volume.content[path: "spec.nodeAffinity.required.nodeSelectorTerms"]?.array else { return nil }
    var nodes: Set<String> = []
    for term in terms {
      for expression in term["matchExpressions"]?.array ?? []
      where expression["key"]?.string == "kubernetes.io/hostname" && expression["operator"]?.string == "In" {
        nodes.formUnion((expression["values"]?.array ?? []).compactMap(\.string))
      }
    }
    return nodes.isEmpty ? nil : nodes
  }

  static func claimReference(_ claim: Object) -> JSONValue {
    [
      "apiVersion": "v1", "kind": "PersistentVolumeClaim", "name": .string(claim.name),
      "namespace": .string(claim.namespace), "resourceVersion": .string(claim.resourceVersion),
      "uid": .string(claim.uid),
    ]
  }

  /// Binds a volume and a claim both ways, as the controller's bind does.
  private mutating func bind(_ claim: Object, to volume: Object, provisioned: Bool) {
    var bound = volume
    if volume.content[path: "spec.claimRef.uid"]?.string != claim.uid {
      bound.content[path: "spec.claimRef"] = Cluster.claimReference(claim)
      if !provisioned {
        var annotations = bound.annotations
        annotations["pv.kubernetes.io/bound-by-controller"] = "yes"
        bound.annotations = annotations
      }
    }
    bound.content["status"] = ["lastPhaseTransitionTime": .string(Timestamp.format(now)), "phase": "Bound"]
    write(bound, by: "persistentvolume-controller", summary: "bound to \(claim.namespace)/\(claim.name)")
    var claimed = claim
    var annotations = claim.annotations
    annotations["pv.kubernetes.io/bind-completed"] = "yes"
    annotations["pv.kubernetes.io/bound-by-controller"] = "yes"
    claimed.annotations = annotations
    claimed.content[path: "spec.volumeName"] = .string(volume.name)
    claimed.content["status"] = [
      "accessModes": volume.content[path: "spec.accessModes"] ?? ["ReadWriteOnce"],
      "capacity": volume.content[path: "spec.capacity"] ?? ["storage": "1Gi"],
      "phase": "Bound",
    ]
    write(claimed, by: "persistentvolume-controller", summary: "bound to \(volume.name)")
  }

  /// The pvc-protection controller: a deleted claim goes once no pod that
  /// uses it is left.
  private mutating func releaseProtectedClaim(_ claim: Object) {
    let finalizer = "kubernetes.io/pvc-protection"
    guard claim.finalizers.contains(finalizer) else { return }
    let inUse = store.list(.pod, in: claim.namespace).contains { pod in
      let phase = pod.content[path: "status.phase"]?.string
      guard phase != "Succeeded" && phase != "Failed" else { return false }
      return (pod.content[path: "spec.volumes"]?.array ?? []).contains {
        $0[path: "persistentVolumeClaim.claimName"]?.string == claim.name
      }
    }
    guard !inUse else { return }
    var released = claim
    released.finalizers = claim.finalizers.filter { $0 != finalizer }
    if released.finalizers.isEmpty {
      finalizeRemoval(claim.key, by: "pvc-protection-controller")
    } else {
      write(released, by: "pvc-protection-controller", summary: "no longer in use")
    }
  }

  // MARK: Volumes

  private mutating func syncVolume(_ key: ObjectKey) {
    guard var volume = store.get(key) else {
      volumeProvisioning[key] = nil
      return
    }
    let phase = volume.content[path: "status.phase"]?.string
    if volume.isTerminating {
      // pv-protection: a volume goes once no claim is bound to it.
      guard phase != "Bound", volume.finalizers.contains("kubernetes.io/pv-protection") else { return }
      volume.finalizers = volume.finalizers.filter { $0 != "kubernetes.io/pv-protection" }
      if volume.finalizers.isEmpty {
        finalizeRemoval(key, by: "pv-protection-controller")
      } else {
        write(volume, by: "pv-protection-controller", summary: "no longer bound")
      }
      return
    }
    guard let reference = volume.content[path: "spec.claimRef"], reference != .null else {
      if phase != "Available" {
        volume.content["status"] = ["lastPhaseTransitionTime": .string(Timestamp.format(now)), "phase": "Available"]
        write(volume, by: "persistentvolume-controller", summary: "available")
        // Claims waiting for a volume may bind to this one.
        for claim in store.list(.persistentVolumeClaim) where claim.content[path: "spec.volumeName"] == nil {
          enqueue(.volumeBinding(claim.key))
        }
      }
      return
    }
    let claimKey = ObjectKey(.persistentVolumeClaim, reference["name"]?.string ?? "", in: reference["namespace"]?.string ?? "default")
    let claim = store.get(claimKey)
    if let claim, reference["uid"]?.string.map({ $0 == claim.uid }) != false { return }
    guard phase == "Bound" || phase == "Released" else { return }
    // The claim is gone: reclaim the volume by its policy.
    if phase != "Released" {
      volume.content["status"] = ["lastPhaseTransitionTime": .string(Timestamp.format(now)), "phase": "Released"]
      write(volume, by: "persistentvolume-controller", summary: "released")
    }
    guard volume.content[path: "spec.persistentVolumeReclaimPolicy"]?.string == "Delete",
      volume.annotations["pv.kubernetes.io/provisioned-by"] == Cluster.localPathProvisioner,
      localPathIdentity() != nil
    else { return }
    guard let done = volumeProvisioning[key] else {
      volumeProvisioning[key] = now.addingTimeInterval(Cluster.localPathDeletionTime)
      schedule(.volumeBinding(key), after: Cluster.localPathDeletionTime)
      return
    }
    guard done <= now else { return }
    volumeProvisioning[key] = nil
    volumeData["pv/" + key.name] = nil
    _ = try? apiDelete(key, by: "local-path-provisioner")
  }

  /// The local-path provisioner's identity in its events
  /// (`PROVISIONER_HOSTNAME_UUID`), or nil when its pod is not running.
  private func localPathIdentity() -> String? {
    guard
      let pod = store.list(.pod, in: "local-path-storage").first(where: {
        $0.labels["app"] == "local-path-provisioner" && !$0.isTerminating
          && $0.content[path: "status.phase"]?.string == "Running"
      })
    else { return nil }
    var seed = RandomSource(seed: UInt64(RandomSource.fnv32a(pod.uid)))
    return "\(Cluster.localPathProvisioner)_\(pod.name)_\(seed.uuid())"
  }
}
