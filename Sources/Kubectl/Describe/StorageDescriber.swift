import Foundation
import KubeCluster

/// `kubectl describe` for PersistentVolumeClaims, PersistentVolumes and
/// StorageClasses.
enum StorageDescriber {
  static func claim(_ pvc: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    let c = pvc.content
    w.write(0, "Name:\t\(pvc.name)\n")
    w.write(0, "Namespace:\t\(pvc.namespace)\n")
    w.write(0, "StorageClass:\t\(claimClass(pvc))\n")
    if let deletion = pvc.deletionTimestamp {
      w.write(0, "Status:\tTerminating (lasts \(HumanDuration.since(deletion, now: cluster.now)))\n")
    } else {
      w.write(0, "Status:\t\(c[path: "status.phase"]?.string ?? "")\n")
    }
    let volume = c[path: "spec.volumeName"]?.string ?? ""
    w.write(0, "Volume:\t\(volume)\n")
    w.labels("Labels", pvc.labels)
    w.annotations(pvc.annotations)
    w.write(0, "Finalizers:\t[\(pvc.finalizers.joined(separator: " "))]\n")
    var capacity = ""
    var modes = ""
    if !volume.isEmpty {
      modes = accessModes(c[path: "status.accessModes"])
      capacity = c[path: "status.capacity.storage"].map { Quantity($0)?.description ?? $0.scalarText } ?? "0"
    }
    w.write(0, "Capacity:\t\(capacity)\n")
    w.write(0, "Access Modes:\t\(modes)\n")
    if let mode = c[path: "spec.volumeMode"]?.string { w.write(0, "VolumeMode:\t\(mode)\n") }
    let users = cluster.list(.pod, in: pvc.namespace).filter { pod in
      (pod.content[path: "spec.volumes"]?.array ?? []).contains {
        $0[path: "persistentVolumeClaim.claimName"]?.string == pvc.name
      }
    }.map(\.name).sorted()
    w.write(0, "Used By:\t")
    if users.isEmpty {
      w.write(0, "<none>\n")
    } else {
      for (index, name) in users.enumerated() { w.write(0, (index == 0 ? "" : "\t") + name + "\n") }
    }
    w.events(cluster.events(for: pvc), now: cluster.now)
    return w.render()
  }

  static func volume(_ pv: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    let c = pv.content
    w.write(0, "Name:\t\(pv.name)\n")
    w.labels("Labels", pv.labels)
    w.annotations(pv.annotations)
    w.write(0, "Finalizers:\t[\(pv.finalizers.joined(separator: " "))]\n")
    w.write(0, "StorageClass:\t\(c[path: "spec.storageClassName"]?.string ?? "")\n")
    if let deletion = pv.deletionTimestamp {
      w.write(0, "Status:\tTerminating (lasts \(HumanDuration.since(deletion, now: cluster.now)))\n")
    } else {
      w.write(0, "Status:\t\(c[path: "status.phase"]?.string ?? "")\n")
    }
    if let claim = c[path: "spec.claimRef"], claim.object != nil {
      w.write(0, "Claim:\t\(claim["namespace"]?.string ?? "")/\(claim["name"]?.string ?? "")\n")
    } else {
      w.write(0, "Claim:\t\n")
    }
    w.write(0, "Reclaim Policy:\t\(c[path: "spec.persistentVolumeReclaimPolicy"]?.string ?? "")\n")
    w.write(0, "Access Modes:\t\(accessModes(c[path: "spec.accessModes"]))\n")
    if let mode = c[path: "spec.volumeMode"]?.string { w.write(0, "VolumeMode:\t\(mode)\n") }
    w.write(0, "Capacity:\t\(c[path: "spec.capacity.storage"].map { Quantity($0)?.description ?? $0.scalarText } ?? "0")\n")
    w.write(0, "Node Affinity:\t")
    if let terms = c[path: "spec.nodeAffinity.required.nodeSelectorTerms"]?.array {
      w.write(0, "\n")
      w.write(1, "Required Terms:\t")
      if terms.isEmpty { w.write(0, "<none>\n") } else { w.write(0, "\n") }
      for (index, term) in terms.enumerated() {
        w.write(2, "Term \(index):\t")
        let expressions = term["matchExpressions"]?.array ?? []
        if expressions.isEmpty { w.write(0, "<none>\n") }
        for (position, expression) in expressions.enumerated() {
          if position != 0 { w.write(2, "\t") }
          var text = "\(expression["key"]?.string ?? "") \((expression["operator"]?.string ?? "").lowercased())"
          let values = (expression["values"]?.array ?? []).compactMap(\.string)
          if !values.isEmpty { text += " [\(values.joined(separator: ", "))]" }
          w.write(0, text + "\n")
        }
      }
    } else {
      w.write(0, "<none>\n")
    }
    w.write(0, "Message:\t\(c[path: "status.message"]?.string ?? "")\n")
    w.write(0, "Source:\n")
    if let hostPath = c[path: "spec.hostPath"], hostPath.object != nil {
      w.write(2, "Type:\tHostPath (bare host directory volume)\n")
      w.write(2, "Path:\t\(hostPath["path"]?.string ?? "")\n")
      w.write(2, "HostPathType:\t\(hostPath["type"]?.string ?? "<none>")\n")
    } else if let nfs = c[path: "spec.nfs"], nfs.object != nil {
      w.write(2, "Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n")
      w.write(2, "Server:\t\(nfs["server"]?.string ?? "")\n")
      w.write(2, "Path:\t\(nfs["path"]?.string ?? "")\n")
      w.write(2, "ReadOnly:\t\(nfs["readOnly"]?.bool ?? false)\n")
    } else if let local = c[path: "spec.local"], local.object != nil {
      w.write(2, "Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n")
      w.write(2, "Path:\t\(local["path"]?.string ?? "")\n")
    } else {
      w.write(1, "<unknown>\n")
    }
    w.events(cluster.events(for: pv), now: cluster.now)
    return w.render()
  }

  static func storageClass(_ sc: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    let c = sc.content
    w.write(0, "Name:\t\(sc.name)\n")
    let annotations = sc.annotations
    let isDefault = annotations["storageclass.kubernetes.io/is-default-class"] == "true"
      || annotations["storageclass.beta.kubernetes.io/is-default-class"] == "true"
    w.write(0, "IsDefaultClass:\t\(isDefault ? "Yes" : "No")\n")
    w.write(0, "Annotations:\t\(ControllerDescriber.formatLabels(annotations))\n")
    w.write(0, "Provisioner:\t\(c["provisioner"]?.string ?? "")\n")
    w.write(0, "Parameters:\t\(ControllerDescriber.formatLabels(Object.stringMap(c["parameters"])))\n")
    w.write(0, "AllowVolumeExpansion:\t\(c["allowVolumeExpansion"]?.bool.map { $0 ? "True" : "False" } ?? "<unset>")\n")
    let options = (c["mountOptions"]?.array ?? []).compactMap(\.string)
    if options.isEmpty {
      w.write(0, "MountOptions:\t<none>\n")
    } else {
      w.write(0, "MountOptions:\n")
      for option in options { w.write(1, "\(option)\n") }
    }
    if let policy = c["reclaimPolicy"]?.string { w.write(0, "ReclaimPolicy:\t\(policy)\n") }
    if let mode = c["volumeBindingMode"]?.string { w.write(0, "VolumeBindingMode:\t\(mode)\n") }
    w.events(cluster.events(for: sc), now: cluster.now)
    return w.render()
  }

  /// `RWO,ROX`, as storageutil.GetAccessModesAsString abbreviates them.
  static func accessModes(_ json: JSONValue?) -> String {
    let modes = (json?.array ?? []).compactMap(\.string)
    let order = ["ReadWriteOnce": "RWO", "ReadOnlyMany": "ROX", "ReadWriteMany": "RWX", "ReadWriteOncePod": "RWOP"]
    return ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"].filter(modes.contains)
      .compactMap { order[$0] }.joined(separator: ",")
  }

  static func claimClass(_ pvc: Object) -> String {
    pvc.annotations["volume.beta.kubernetes.io/storage-class"]
      ?? pvc.content[path: "spec.storageClassName"]?.string ?? ""
  }
}
