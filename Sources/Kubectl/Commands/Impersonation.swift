import KubeCluster

/// `kubectl … --as=USER [--as-group=GROUP…]`: the API server authorizes the
/// impersonated user, and refuses what its RBAC bindings do not allow with
/// `Error from server (Forbidden): pods is forbidden: User "…" cannot list
/// resource "pods" in API group "" in the namespace "default"`.
///
/// Writes are authorized where the cluster takes them (`Cluster.requester`,
/// set for the command), so each command's own error wording wraps the
/// refusal (`error when creating "x.yaml": …`, `failed to create
/// deployment: …`). The reads kubectl makes first (the GET before a patch,
/// the pod before an exec) are checked here, before the command runs.
enum Impersonation {
  /// The impersonated user, if `--as` names one.
  static func subject(_ invocation: Invocation) -> RBACAuthorizer.Subject? {
    guard let user = invocation.flags.optionalString("as"), !user.isEmpty else { return nil }
    return RBACAuthorizer.Subject.impersonated(user, groups: invocation.flags.strings("as-group"))
  }

  /// The verbs whose existing objects kubectl fetches (GET) before it
  /// changes them, and the positional words before the resource arguments.
  static let fetchFirst: [String: Int] = [
    "label": 0, "annotate": 0, "patch": 0, "scale": 0, "edit": 0, "expose": 0, "autoscale": 0,
    "set": 1, "rollout": 1, "cordon": 0, "uncordon": 0, "drain": 0, "taint": 0, "wait": 0,
  ]

  /// The first request of the command that RBAC refuses, worded as kubectl
  /// prints it; nil when the command may go on (its writes are checked as
  /// it makes them).
  static func preflight(_ invocation: Invocation, cluster: Cluster) -> String? {
    guard let subject = subject(invocation) else { return nil }
    let flags = invocation.flags
    var positionals = invocation.positionals
    func refusal(_ verb: String, _ kind: Kind, name: String = "", subresource: String = "") -> String? {
      let namespace = kind.isNamespaced ? invocation.namespace : ""
      let request = RBACAuthorizer.Request(
        verb: verb, apiGroup: kind.group, resource: kind.resource, subresource: subresource, name: name, namespace: namespace)
      guard !RBACAuthorizer.allows(request, subject: subject, in: cluster) else { return nil }
      return ErrorMessage.render(KubectlError.api(RBACAuthorizer.forbidden(request, kind: kind, subject: subject)))
    }
    /// TYPE NAME… or TYPE/NAME… at the front of the arguments (label's
    /// `key=value` words and the rest are left out).
    func targets(_ words: [String]) -> [(Kind, String)] {
      guard let first = words.first else { return [] }
      if first.contains("/") {
        return words.prefix { $0.contains("/") && !$0.contains("=") }.compactMap { word in
          let parts = word.split(separator: "/", maxSplits: 1).map(String.init)
          guard parts.count == 2, let kind = ResourceResolver.kind(for: parts[0]) else { return nil }
          return (kind, parts[1])
        }
      }
      guard let kind = ResourceResolver.kind(for: first) else { return [] }
      return words.dropFirst().prefix { !$0.contains("=") && !$0.hasSuffix("-") }.map { (kind, $0) }
    }
    let selecting = !flags.strings("selector").isEmpty || flags.bool("all")
    switch invocation.command {
    case "describe":
      return nil  // answered by `checkGet`, as for get
    case "delete":
      // Without names, kubectl lists what to delete first.
      guard selecting, let first = positionals.first, !first.contains("/"),
        let kinds = try? ResourceResolver.kinds(for: first)
      else { return nil }
      return kinds.lazy.compactMap { refusal("list", $0) }.first
    case "exec", "attach", "port-forward", "logs":
      guard let first = positionals.first else { return nil }
      var kind = Kind.pod
      var name = first
      if let slash = first.firstIndex(of: "/") {
        guard let given = ResourceResolver.kind(for: String(first[..<slash])) else { return nil }
        kind = given
        name = String(first[first.index(after: slash)...])
      }
      if let refused = refusal("get", kind, name: name) { return refused }
      guard kind == .pod else { return nil }
      switch invocation.command {
      case "exec": return refusal("create", .pod, name: name, subresource: "exec")
      case "attach": return refusal("create", .pod, name: name, subresource: "attach")
      case "port-forward": return refusal("create", .pod, name: name, subresource: "portforward")
      default: return refusal("get", .pod, name: name, subresource: "log")
      }
    case "events":
      return refusal("list", .event)
    case "top":
      return nil
    default:
      guard let skip = fetchFirst[invocation.command] else { return nil }
      positionals = Array(positionals.dropFirst(skip))
      if selecting, let first = positionals.first, !first.contains("/"), let kind = ResourceResolver.kind(for: first) {
        return refusal("list", kind)
      }
      for (kind, name) in targets(positionals) {
        if let refused = refusal("get", kind, name: name) { return refused }
        if invocation.command == "scale", let refused = refusal("patch", kind, name: name, subresource: "scale") {
          return refused
        }
      }
      return nil
    }
  }

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
