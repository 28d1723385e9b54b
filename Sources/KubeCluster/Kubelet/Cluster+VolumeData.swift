/// Files that outlive the container that wrote them: those under a mount of
/// a PersistentVolumeClaim (kept with the bound PersistentVolume) or of a
/// hostPath (kept with the node's folder). A replacement pod that mounts the
/// same claim, or the same host folder on the same node, reads them back;
/// files in an emptyDir or the container's own layer go with the pod.
extension Cluster {
  /// The volume that holds `path` for `container` of `pod`, and the path
  /// inside it; nil when the path is in nothing that persists.
  func persistentLocation(_ path: String, in pod: Object, container: String)
    -> (volume: String, relative: String)?
  {
    guard let spec = Cluster.containerSpec(container, in: pod) else { return nil }
    let volumes = pod.content[path: "spec.volumes"]?.array ?? []
    for mount in spec["volumeMounts"]?.array ?? [] {
      guard let name = mount["name"]?.string, var mountPath = mount["mountPath"]?.string else {
        continue
      }
      while mountPath.count > 1 && mountPath.hasSuffix("/") { mountPath.removeLast() }
      guard path.hasPrefix(mountPath + "/") else { continue }
      guard let volume = volumes.first(where: { $0["name"]?.string == name }),
        let key = persistentKey(of: volume, in: pod)
      else { continue }
      var relative = String(path.dropFirst(mountPath.count))
      if let subPath = mount["subPath"]?.string, !subPath.isEmpty { relative = "/" + subPath + relative }
      return (key, relative)
    }
    return nil
  }

  /// Which stored volume a pod's volume entry names, if its data persists.
  private func persistentKey(of volume: JSONValue, in pod: Object) -> String? {
    if let claim = volume["persistentVolumeClaim"]?["claimName"]?.string {
      let bound = store.get(ObjectKey(.persistentVolumeClaim, claim, in: pod.namespace))?
        .content[path: "spec.volumeName"]?.string
      if let bound, !bound.isEmpty { return "pv/" + bound }
      return "pvc/\(pod.namespace)/\(claim)"
    }
    if let hostPath = volume["hostPath"]?["path"]?.string {
      return "host/\(pod.content[path: "spec.nodeName"]?.string ?? "")\(hostPath)"
    }
    return nil
  }

  /// Keeps what a container wrote at `path` (nil: removed) in the volume
  /// that holds it, if any.
  mutating func keepInVolume(_ path: String, _ content: String?, in pod: Object, container: String) {
    guard let location = persistentLocation(path, in: pod, container: container) else { return }
    volumeData[location.volume, default: [:]][location.relative] = content
  }

  /// A file at `path` kept in a persistent volume the container mounts.
  func volumeFile(_ path: String, in pod: Object, container: String) -> String? {
    guard let location = persistentLocation(path, in: pod, container: container) else { return nil }
    return volumeData[location.volume]?[location.relative]
  }

  /// The spec of a regular or init container, by name.
  static func containerSpec(_ name: String, in pod: Object) -> JSONValue? {
    let specs =
      (pod.content[path: "spec.containers"]?.array ?? [])
      + (pod.content[path: "spec.initContainers"]?.array ?? [])
    return specs.first { $0["name"]?.string == name }
  }
}
