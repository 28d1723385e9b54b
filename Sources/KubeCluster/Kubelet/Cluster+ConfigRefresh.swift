import Foundation

/// What the kubelet put in a pod from its ConfigMaps and Secrets, which
/// lags behind the objects: a configMap or secret volume shows an edit only
/// from the pod's next periodic sync (kind: every minute from the pod's
/// start; the kubelet's watch-based cache adds nothing), and environment
/// variables keep the values their container started with.
struct ProjectedConfig: Sendable {
  /// The values a mounted source showed from a time on.
  struct View: Sendable {
    var since: Date
    var values: [String: String]
  }

  /// The volumes of one pod.
  struct Mounts: Sendable {
    var namespace: String
    /// When the kubelet first synced the pod: its periodic syncs follow.
    var mountedAt: Date
    /// By source (`configmap/NAME`, `secret/NAME`), oldest view first.
    var sources: [String: [View]]
  }

  /// By pod UID.
  var mounts: [String: Mounts] = [:]
  /// The environment each container (`POD-UID/NAME`) started with, kept for
  /// containers whose variables come from ConfigMaps or Secrets.
  var environments: [String: [(String, String)]] = [:]

  /// kubelet's `--sync-frequency` default.
  static let syncPeriod: TimeInterval = 60

  static func sourceKey(_ kind: Kind, _ name: String) -> String {
    (kind == .configMap ? "configmap/" : "secret/") + name
  }
}

extension Cluster {
  /// The ConfigMap or Secret a volume entry projects, if any.
  private static func configSource(of volume: JSONValue) -> (Kind, String)? {
    if let name = volume[path: "configMap.name"]?.string { return (.configMap, name) }
    if let name = volume[path: "secret.secretName"]?.string { return (.secret, name) }
    return nil
  }

  /// The kubelet mounts a pod's configMap and secret volumes when it first
  /// syncs the pod: what they show from now on.
  mutating func mountConfigVolumes(_ pod: Object) {
    guard projectedConfig.mounts[pod.uid] == nil, let volumes = pod.content[path: "spec.volumes"]?.array else { return }
    var sources: [String: [ProjectedConfig.View]] = [:]
    for volume in volumes {
      guard let (kind, name) = Cluster.configSource(of: volume),
        let values = configValues(kind, name, in: pod.namespace)
      else { continue }
      sources[ProjectedConfig.sourceKey(kind, name)] = [ProjectedConfig.View(since: now, values: values)]
    }
    guard !sources.isEmpty else { return }
    projectedConfig.mounts[pod.uid] = ProjectedConfig.Mounts(namespace: pod.namespace, mountedAt: now, sources: sources)
  }

  /// A ConfigMap or Secret changed: each pod that mounts it shows the new
  /// values from its next periodic sync. A deleted one stays as it was.
  mutating func refreshConfigVolumes(after object: Object) {
    guard !projectedConfig.mounts.isEmpty, let values = configValues(object.kind, object.name, in: object.namespace)
    else { return }
    let source = ProjectedConfig.sourceKey(object.kind, object.name)
    for (uid, mounts) in projectedConfig.mounts {
      guard mounts.namespace == object.namespace, var views = mounts.sources[source] else { continue }
      let periods = (now.timeIntervalSince(mounts.mountedAt) / ProjectedConfig.syncPeriod).rounded(.down) + 1
      let due = mounts.mountedAt.addingTimeInterval(periods * ProjectedConfig.syncPeriod)
      // Two edits before the same sync: the sync sees the last.
      views.removeAll { $0.since >= due }
      if views.last?.values != values { views.append(ProjectedConfig.View(since: due, values: values)) }
      projectedConfig.mounts[uid]?.sources[source] = views
    }
  }

  /// The values a pod's volume of this ConfigMap or Secret shows at `time`.
  func mountedValues(_ kind: Kind, _ name: String, pod: Object, at time: Date) -> [String: String]? {
    if let views = projectedConfig.mounts[pod.uid]?.sources[ProjectedConfig.sourceKey(kind, name)] {
      return (views.last { $0.since <= time } ?? views.first)?.values
    }
    return configValues(kind, name, in: pod.namespace)
  }

  /// Keeps the environment a container starts with when some of it comes
  /// from ConfigMaps or Secrets, which later edits do not reach.
  mutating func rememberEnvironment(_ variables: [(String, String)], of pod: Object, container: String, spec: JSONValue) {
    let fromConfig =
      spec["envFrom"] != nil
      || (spec["env"]?.array ?? []).contains {
        $0[path: "valueFrom.configMapKeyRef"] != nil || $0[path: "valueFrom.secretKeyRef"] != nil
      }
    guard fromConfig else { return }
    projectedConfig.environments[pod.uid + "/" + container] = variables
  }

  /// Forgets what the kubelet kept for a pod that is gone.
  mutating func forgetProjectedConfig(_ pod: Object) {
    projectedConfig.mounts[pod.uid] = nil
    guard !projectedConfig.environments.isEmpty else { return }
    for container in (pod.content[path: "spec.containers"]?.array ?? []) + (pod.content[path: "spec.initContainers"]?.array ?? []) {
      projectedConfig.environments[pod.uid + "/" + (container["name"]?.string ?? "")] = nil
    }
  }
}
