import KubeCluster

/// Turns what a user types for a resource type (`po`, `pods`, `Pod`,
/// `deployments.apps`, `deploy`) into the kind the cluster serves.
package enum ResourceResolver {
  package static func kind(for text: String) -> Kind? {
    let lowered = text.lowercased()
    var name = lowered
    var group: String?
    if let dot = lowered.firstIndex(of: ".") {
      name = String(lowered[..<dot])
      group = String(lowered[lowered.index(after: dot)...])
    }
    for kind in Kind.allCases where kind.isListable {
      if let group {
        let groupMatches = kind.group == group || kind.group.hasPrefix(group + ".")
          || (group.hasPrefix(kind.group + "/") && !kind.group.isEmpty)
          || (kind.group.isEmpty && (group == "v1" || group == ""))
        guard groupMatches || (kind.group.isEmpty && group == "core") else { continue }
      }
      if kind.resource == name || kind.singular == name || kind.shortNames.contains(name) {
        return kind
      }
    }
    return nil
  }

  /// The kinds `kubectl get all` lists, in kubectl's order.
  package static let all: [Kind] = [
    .pod, .service, .daemonSet, .deployment, .replicaSet, .statefulSet, .horizontalPodAutoscaler,
    .cronJob, .job,
  ]

  /// Splits `pods,svc` and expands `all`.
  package static func kinds(for text: String) throws(KubectlError) -> [Kind] {
    var kinds: [Kind] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      let word = String(part)
      if word == "all" {
        for kind in all where !kinds.contains(kind) { kinds.append(kind) }
        continue
      }
      guard let kind = kind(for: word) else { throw .unknownResourceType(word) }
      if !kinds.contains(kind) { kinds.append(kind) }
    }
    return kinds
  }
}
