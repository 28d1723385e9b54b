import Foundation
import KubeCluster

/// `kubectl apply --prune`: after applying, deletes the objects of the
/// allowed kinds that carry the last-applied annotation, match the
/// selector (or `--all`), and were not in this apply.
struct ApplyPrune {
  /// The kinds kubectl prunes unless `--prune-allowlist` names others, in
  /// its order: namespaced first, then cluster-wide.
  static let defaultKinds: [Kind] = [
    .configMap, .endpoints, .persistentVolumeClaim, .pod, .secret, .service, .job, .cronJob,
    .ingress, .daemonSet, .deployment, .replicaSet, .statefulSet, .namespace, .persistentVolume,
  ]

  var kinds: [Kind]
  var selector: LabelSelector
  var visitedUIDs: Set<String> = []
  var visitedNamespaces: Set<String> = []

  /// Checks the flags as kubectl's apply does before it touches anything.
  static func validate(_ flags: ParsedFlags) throws {
    let all = flags.bool("all")
    let selector = flags.string("selector")
    if all && !selector.isEmpty { throw KubectlError.message("cannot set --all and --selector at the same time") }
    guard flags.bool("prune") else { return }
    if flags.bool("force") { throw KubectlError.message("--force cannot be used with --prune") }
    if !all && selector.isEmpty {
      throw KubectlError.message("all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector")
    }
    if flags.bool("server-side") {
      throw KubectlError.message("--prune is in alpha and doesn't currently work on objects created by server-side apply")
    }
  }

  /// `group/version/kind` entries, `core` for the core group.
  static func kinds(_ entries: [String]) throws -> [Kind] {
    guard !entries.isEmpty else { return defaultKinds }
    var kinds: [Kind] = []
    for entry in entries {
      let parts = entry.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
      guard parts.count == 3 else {
        throw KubectlError.message("invalid GroupVersionKind format: \(entry), please follow <group/version/kind>")
      }
      let group = parts[0] == "core" ? "" : parts[0]
      guard let kind = Kind.allCases.first(where: { $0.group == group && $0.version == parts[1] && $0.rawValue == parts[2] }) else {
        throw KubectlError.message("error retrieving RESTMappings to prune: no matches for kind \"\(parts[2])\" in version \"\(group.isEmpty ? parts[1] : "\(group)/\(parts[1])")\"")
      }
      kinds.append(kind)
    }
    return kinds.filter { $0.isNamespaced } + kinds.filter { !$0.isNamespaced }
  }

  mutating func visited(_ object: Object) {
    visitedUIDs.insert(object.uid)
    if object.kind.isNamespaced { visitedNamespaces.insert(object.namespace) }
  }

  /// Deletes what is left over; one `KIND/NAME pruned` line each.
  func prune(cluster: inout Cluster, dryRun: DryRun, format: String, propagation: PropagationPolicy, gracePeriod: Int?) -> CommandOutput {
    var output = CommandOutput()
    var scopes: [(String?, Kind)] = []
    for namespace in visitedNamespaces.sorted() {
      for kind in kinds where kind.isNamespaced { scopes.append((namespace, kind)) }
    }
    for kind in kinds where !kind.isNamespaced { scopes.append((nil, kind)) }
    for (namespace, kind) in scopes {
      for object in cluster.list(kind, in: namespace, selector: selector)
      where object.annotations[ApplyCommand.lastApplied] != nil && !visitedUIDs.contains(object.uid) {
        if dryRun != .client {
          do {
            try cluster.delete(
              object.key,
              options: DeleteOptions(gracePeriodSeconds: gracePeriod, propagation: propagation, dryRun: dryRun == .server))
          } catch {
            output.stderr += ErrorMessage.render(error)
            output.exitCode = 1
            return output
          }
        }
        output.stdout += Printed.result(object, verb: "pruned", dryRun: dryRun, format: format)
      }
    }
    return output
  }
}
