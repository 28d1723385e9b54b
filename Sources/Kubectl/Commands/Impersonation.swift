import KubeCluster

/// `kubectl get … --as=USER`: the API server authorizes the impersonated
/// user, and refuses what its RBAC bindings do not allow with kubectl's
/// `Error from server (Forbidden): pods is forbidden: User "…" cannot list
/// resource "pods" in API group "" in the namespace "default"`.
enum Impersonation {
  /// The refusals for a `get` line under `--as`, and the resource
  /// argument left for what is allowed (nil when nothing is).
  static func checkGet(_ invocation: Invocation, cluster: Cluster) -> (refusals: String, allowed: [String]?)? {
    guard let user = invocation.flags.optionalString("as"), !user.isEmpty else { return nil }
    let subject = RBACAuthorizer.Subject.impersonated(user, groups: invocation.flags.strings("as-group"))
    let positionals = invocation.positionals
    guard let first = positionals.first else { return nil }
    let allNamespaces = invocation.flags.bool("all-namespaces")
    var refusals = ""
    var allowedTypes: [String] = []
    func refused(_ kind: Kind, name: String) -> Bool {
      let namespace = kind.isNamespaced && !allNamespaces ? invocation.namespace : ""
      let verb = name.isEmpty ? (invocation.flags.bool("watch") ? "watch" : "list") : "get"
      let request = RBACAuthorizer.Request(verb: verb, apiGroup: kind.group, resource: kind.resource, name: name, namespace: namespace)
      guard !RBACAuthorizer.allows(request, subject: subject, in: cluster) else { return false }
      let what = name.isEmpty ? kind.groupResource : "\(kind.groupResource) \"\(name)\""
      let scope = namespace.isEmpty ? "at the cluster scope" : "in the namespace \"\(namespace)\""
      refusals += "Error from server (Forbidden): \(what) is forbidden: User \"\(user)\" cannot \(verb) resource \"\(kind.resource)\" in API group \"\(kind.group)\" \(scope)\n"
      return true
    }
    if first.contains("/") {
      // TYPE/NAME arguments, each asked with get.
      var kept: [String] = []
      for argument in positionals {
        let parts = argument.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = ResourceResolver.kind(for: parts[0]) else { return nil }
        if !refused(kind, name: parts[1]) { kept.append(argument) }
      }
      return refusals.isEmpty ? nil : (refusals, kept.isEmpty ? nil : kept)
    }
    let words = first.split(separator: ",").map(String.init)
    guard let kinds = try? ResourceResolver.kinds(for: first), kinds.count == words.count else { return nil }
    let names = Array(positionals.dropFirst())
    for (kind, word) in zip(kinds, words) {
      let denied = names.isEmpty ? refused(kind, name: "") : names.map { refused(kind, name: $0) }.contains(true)
      if !denied { allowedTypes.append(word) }
    }
    guard !refusals.isEmpty else { return nil }
    return (refusals, allowedTypes.isEmpty ? nil : [allowedTypes.joined(separator: ",")] + names)
  }
}
