import Foundation
import KubeCluster

/// Words journal entries as `trace` prints them: one numbered line per
/// action, with the component that did it and the line that caused it.
struct TraceRenderer {
  let cluster: Cluster
  private var lines: [String] = []
  /// The printed line number of each journal entry, for `(after N)`.
  private var numbers: [Int: Int] = [:]
  private var count = 0
  /// The scheduler's scores and filters for a pod, by UID, until its binding is printed.
  private var reasons: [String: String] = [:]

  init(cluster: Cluster) { self.cluster = cluster }

  /// Controllers that run inside one control-plane binary, by the name
  /// they write under.
  static let binaries: [String: String] = [
    "deployment-controller": "kube-controller-manager",
    "replicaset-controller": "kube-controller-manager",
    "endpoint-controller": "kube-controller-manager",
    "endpointslice-controller": "kube-controller-manager",
    "garbage-collector": "kube-controller-manager",
    "namespace-controller": "kube-controller-manager",
    "job-controller": "kube-controller-manager",
    "cronjob-controller": "kube-controller-manager",
    "statefulset-controller": "kube-controller-manager",
    "daemonset-controller": "kube-controller-manager",
    "node-controller": "kube-controller-manager",
    "serviceaccount-controller": "kube-controller-manager",
    "persistentvolume-controller": "kube-controller-manager",
    "ttl-after-finished-controller": "kube-controller-manager",
    "taint-eviction-controller": "kube-controller-manager",
    "root-ca-cert-publisher": "kube-controller-manager",
    "default-scheduler": "kube-scheduler",
  ]

  /// `deployment-controller (kube-controller-manager)`, `kubelet on kind-worker`.
  static func component(_ actor: String) -> String {
    if actor.hasPrefix("kubelet/") { return "kubelet on \(actor.dropFirst("kubelet/".count))" }
    if let binary = binaries[actor] { return "\(actor) (\(binary))" }
    return actor
  }

  /// Who acted in an entry: kube-proxy's actions say on how many nodes.
  static func component(_ entry: JournalEntry) -> String {
    if entry.actor == "kube-proxy", entry.type == nil, let colon = entry.summary.range(of: ": ") {
      return "kube-proxy " + entry.summary[..<colon.lowerBound]
    }
    return component(entry.actor)
  }

  /// What an entry did, in a few words.
  static func action(_ entry: JournalEntry) -> String {
    let object = "\(entry.key.kind.rawValue) \(entry.key.name)"
    let summary = entry.summary
    switch entry.type {
    case .added?:
      return summary.isEmpty || summary == "created" ? "created \(object)" : "created \(object) (\(summary))"
    case .deleted?:
      return "deleted \(object)"
    case .modified?:
      if summary.hasPrefix("bound to ") { return "bound \(object) to \(summary.dropFirst("bound to ".count))" }
      if summary.isEmpty || summary == "updated" { return "updated \(object)" }
      if summary.hasPrefix("marked for deletion") {
        return "marked \(object) for deletion" + summary.dropFirst("marked for deletion".count)
      }
      return "updated \(object): \(summary)"
    case nil:
      if entry.actor == "kube-proxy", let colon = summary.range(of: ": ") {
        return String(summary[colon.upperBound...])
      }
      return "\(object): \(summary)"
    }
  }

  /// `+0s`, `+1.5s`, `+2m3s`.
  static func offset(_ seconds: TimeInterval) -> String {
    let tenths = Int((max(seconds, 0) * 10).rounded())
    if tenths < 600 {
      return tenths % 10 == 0 ? "+\(tenths / 10)s" : "+\(tenths / 10).\(tenths % 10)s"
    }
    let whole = tenths / 10
    if whole < 3600 { return "+\(whole / 60)m\(whole % 60)s" }
    return "+\(whole / 3600)h\((whole % 3600) / 60)m"
  }

  private mutating func add(_ offset: String, _ who: String, _ what: String, after: Int?) -> Int {
    count += 1
    let cause = after.map { "  (after \($0))" } ?? ""
    let number = String(count)
    let padded = String(repeating: " ", count: max(0, 4 - number.count)) + number
    let time = offset.padding(toLength: 6, withPad: " ", startingAt: 0)
    lines.append("\(padded)  \(time)  \(who): \(what)\(cause)")
    return count
  }

  /// The chain of actions that `roots` (a command's requests) caused.
  mutating func chain(_ entries: [JournalEntry], roots: Set<Int>) -> [String] {
    guard let start = entries.first?.time else { return [] }
    var index = 0
    while index < entries.count {
      let entry = entries[index]
      let time = Self.offset(entry.time.timeIntervalSince(start))
      let after = entry.cause.flatMap { numbers[$0] }
      if roots.contains(entry.id) {
        // Your request, then what the API server and etcd did with it.
        let verb = entry.type == .deleted ? "delete" : entry.type == .added ? "create" : "update"
        let object = "\(entry.key.kind.rawValue) \(entry.key.name)"
        let asked = add(time, "kubectl", "asked kube-apiserver to \(verb) \(object)", after: nil)
        let stored = entry.type == .deleted ? "removed" : "stored"
        let version = entry.revision.map { " (resourceVersion \($0))" } ?? ""
        let server = add(time, "kube-apiserver", "\(stored) \(object)\(version)", after: asked)
        let write = entry.type == .deleted ? "deleted" : "wrote"
        _ = add(time, "etcd", "\(write) \(ObjectStore.registryPath(entry.key))", after: server)
        numbers[entry.id] = server
        index += 1
        continue
      }
      if entry.actor == "default-scheduler", entry.type == nil {
        // The scheduler's reasons, shown under the binding they led to.
        reasons[entry.uid] = entry.summary
        numbers[entry.id] = after
        index += 1
        continue
      }
      numbers[entry.id] = add(time, Self.component(entry), Self.action(entry), after: after)
      if entry.type == .modified, entry.summary.hasPrefix("bound to "), let why = reasons.removeValue(forKey: entry.uid) {
        lines.append("              why \(entry.summary.dropFirst("bound to ".count)): \(why)")
      }
      index += 1
    }
    return lines
  }

  /// Pods the chain created that no component bound to a node, with why.
  static func unboundPods(_ entries: [JournalEntry], cluster: Cluster) -> [String] {
    let bound = Set(entries.filter { $0.type == .modified && $0.summary.hasPrefix("bound to ") }.map(\.uid))
    var notes: [String] = []
    for entry in entries where entry.type == .added && entry.key.kind == .pod && !bound.contains(entry.uid) {
      guard let pod = cluster.store.get(entry.key), pod.uid == entry.uid,
        pod.content[path: "spec.nodeName"]?.string == nil
      else { continue }
      if cluster.stoppedComponents.contains("kube-scheduler") {
        notes.append(
          "No component bound Pod \(pod.name) to a node: kube-scheduler is not running (its pod is gone from kube-system), so the pod stays Pending.")
      } else if pod.content[path: "status.conditions"]?.array?
        .contains(where: { $0["type"]?.string == "PodScheduled" && $0["reason"]?.string == "Unschedulable" }) == true
      {
        notes.append("No component bound Pod \(pod.name) to a node: default-scheduler found none that fits (its reasons are above).")
      } else {
        notes.append("No component has bound Pod \(pod.name) to a node yet.")
      }
    }
    return notes
  }

  /// Everything that happened to one object, each line with its cause.
  mutating func history(_ entries: [JournalEntry]) -> [String] {
    guard let start = entries.first?.time else { return [] }
    for entry in entries {
      if entry.actor == "default-scheduler", entry.type == nil {
        reasons[entry.uid] = entry.summary
        continue
      }
      _ = add(Self.offset(entry.time.timeIntervalSince(start)), Self.component(entry), Self.action(entry), after: nil)
      if entry.type == .modified, entry.summary.hasPrefix("bound to "), let why = reasons.removeValue(forKey: entry.uid) {
        lines.append("              why \(entry.summary.dropFirst("bound to ".count)): \(why)")
      }
      if let id = entry.cause, let cause = cluster.store.entry(id) {
        lines.append("              because \(Self.component(cause)) \(Self.action(cause))")
      } else if entry.cause == nil, entry.actor == "kubectl" {
        lines.append("              because you asked (kubectl)")
      }
    }
    return lines
  }
}
