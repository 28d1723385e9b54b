import KubeCluster

/// Turns what a user types for a resource type (`po`, `pods`, `Pod`,
/// `deployments.apps`, `deploy`) into the kind the cluster serves.
package enum ResourceResolver {
  package static func kind(for text: String) -> Kind? {
    let lowered = text.lowercased()
    // `deployment.v1.apps`: resource, version and group, as the Deployments
    // page types it (`kubectl set image deployment.v1.apps/nginx-deployment …`).
    let parts = lowered.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    if parts.count >= 3, isVersion(parts[1]) {
      let group = parts[2...].joined(separator: ".")
      if let kind = Kind.allCases.first(where: { kind in
        kind.isListable && kind.apiVersion == (group == "core" ? "" : group + "/") + parts[1]
          && (kind.resource == parts[0] || kind.singular == parts[0] || kind.shortNames.contains(parts[0]))
      }) {
        return kind
      }
    }
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

  /// Whether `word` reads as an API version such as `v1` or `v2beta1`.
  private static func isVersion(_ word: String) -> Bool {
    guard word.hasPrefix("v"), let digit = word.dropFirst().first, digit.isNumber else { return false }
    return word.dropFirst().allSatisfy { $0.isNumber || $0.isLowercase }
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
