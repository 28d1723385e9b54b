/// The RBAC authorizer of a kind cluster: who may do what, from the stored
/// Roles, ClusterRoles and their bindings (the defaults among them come from
/// `BootstrapPolicy`: cluster-admin for kind's admin user through
/// `kubeadm:cluster-admins`, discovery and self-review rights for every
/// authenticated user, the aggregated admin, edit and view roles).
package enum RBACAuthorizer {
  /// One rule of a role, as `rbac.authorization.k8s.io/v1` spells it.
  package struct Rule: Equatable, Sendable {
    package var verbs: [String]
    package var apiGroups: [String] = []
    package var resources: [String] = []
    package var resourceNames: [String] = []
    package var nonResourceURLs: [String] = []

    package init(
      verbs: [String], apiGroups: [String] = [], resources: [String] = [], resourceNames: [String] = [],
      nonResourceURLs: [String] = []
    ) {
      self.verbs = verbs
      self.apiGroups = apiGroups
      self.resources = resources
      self.resourceNames = resourceNames
      self.nonResourceURLs = nonResourceURLs
    }

    init(_ value: JSONValue) {
      func strings(_ key: String) -> [String] { value[key]?.array?.compactMap(\.string) ?? [] }
      self.init(
        verbs: strings("verbs"), apiGroups: strings("apiGroups"), resources: strings("resources"),
        resourceNames: strings("resourceNames"), nonResourceURLs: strings("nonResourceURLs"))
    }
  }

  /// Who asks: a user name and the groups the authenticator gives it.
  package struct Subject: Equatable, Sendable {
    package var user: String
    package var groups: [String]

    /// kind's kubeconfig user, a member of kubeadm's cluster-admins group.
    package static let admin = Subject(user: "kubernetes-admin", groups: ["kubeadm:cluster-admins", "system:authenticated"])

    /// The subject `--as USER --as-group GROUP…` impersonates: a service
    /// account's name brings its groups; every user but `system:anonymous`
    /// is authenticated (unless it was given `system:unauthenticated`),
    /// `system:anonymous` is unauthenticated, as the API server's
    /// impersonation filter has it.
    package static func impersonated(_ user: String, groups: [String]) -> Subject {
      var all = groups
      let parts = user.split(separator: ":", omittingEmptySubsequences: false)
      if groups.isEmpty, parts.count == 4, parts[0] == "system", parts[1] == "serviceaccount" {
        all = ["system:serviceaccounts", "system:serviceaccounts:\(parts[2])"]
      }
      if user == "system:anonymous" {
        if !all.contains("system:unauthenticated") { all.append("system:unauthenticated") }
      } else if !all.contains("system:authenticated"), !all.contains("system:unauthenticated") {
        all.append("system:authenticated")
      }
      return Subject(user: user, groups: all)
    }
  }

  /// What is asked: a verb on a resource (in a namespace, by name) or on a
  /// non-resource URL.
  package struct Request: Sendable {
    package var verb: String
    package var apiGroup = ""
    package var resource = ""
    package var subresource = ""
    package var name = ""
    package var namespace = ""
    package var path = ""

    package init(
      verb: String, apiGroup: String = "", resource: String = "", subresource: String = "", name: String = "",
      namespace: String = "", path: String = ""
    ) {
      self.verb = verb
      self.apiGroup = apiGroup
      self.resource = resource
      self.subresource = subresource
      self.name = name
      self.namespace = namespace
      self.path = path
    }
  }

  /// Whether RBAC allows the request.
  package static func allows(_ request: Request, subject: Subject, in cluster: Cluster) -> Bool {
    rules(for: subject, namespace: request.namespace, in: cluster).contains { matches($0, request) }
  }

  /// Every rule that applies to the subject in a namespace ("" for cluster
  /// scope only), in the order the rule resolver visits them: cluster role
  /// bindings first, then the namespace's role bindings.
  package static func rules(for subject: Subject, namespace: String, in cluster: Cluster) -> [Rule] {
    var rules: [Rule] = []
    for binding in cluster.store.list(.clusterRoleBinding) where bound(binding, subject: subject, namespace: "") {
      rules += roleRules(binding, namespace: "", in: cluster)
    }
    if !namespace.isEmpty {
      for binding in cluster.store.list(.roleBinding, in: namespace) where bound(binding, subject: subject, namespace: namespace) {
        rules += roleRules(binding, namespace: namespace, in: cluster)
      }
    }
    return rules
  }

  static func bound(_ binding: Object, subject: Subject, namespace: String) -> Bool {
    (binding.content["subjects"]?.array ?? []).contains { entry in
      let kind = entry["kind"]?.string ?? ""
      let name = entry["name"]?.string ?? ""
      let subjectNamespace = entry["namespace"]?.string ?? ""
      return applies((kind, name, subjectNamespace), to: subject, namespace: namespace)
    }
  }

  static func applies(_ entry: (kind: String, name: String, namespace: String), to subject: Subject, namespace: String) -> Bool {
    switch entry.kind {
    case "User": return entry.name == subject.user
    case "Group": return subject.groups.contains(entry.name)
    case "ServiceAccount":
      let accountNamespace = entry.namespace.isEmpty ? namespace : entry.namespace
      return subject.user == "system:serviceaccount:\(accountNamespace):\(entry.name)"
    default: return false
    }
  }

  static func roleRules(_ binding: Object, namespace: String, in cluster: Cluster) -> [Rule] {
    let kind = binding.content[path: "roleRef.kind"]?.string ?? ""
    let name = binding.content[path: "roleRef.name"]?.string ?? ""
    if kind == "Role" {
      return (cluster.store.get(ObjectKey(.role, name, in: namespace))?.content["rules"]?.array ?? []).map(Rule.init)
    }
    return clusterRole(name, in: cluster)
  }

  /// A stored ClusterRole's rules (none when it does not exist).
  static func clusterRole(_ name: String, in cluster: Cluster) -> [Rule] {
    (cluster.store.get(ObjectKey(.clusterRole, name, in: ""))?.content["rules"]?.array ?? []).map(Rule.init)
  }

  static func matches(_ rule: Rule, _ request: Request) -> Bool {
    guard rule.verbs.contains("*") || rule.verbs.contains(request.verb) else { return false }
    if !request.path.isEmpty {
      return rule.nonResourceURLs.contains { url in
        url == "*" || url == request.path || (url.hasSuffix("*") && request.path.hasPrefix(String(url.dropLast())))
      }
    }
    guard rule.apiGroups.contains("*") || rule.apiGroups.contains(request.apiGroup) else { return false }
    let combined = request.subresource.isEmpty ? request.resource : "\(request.resource)/\(request.subresource)"
    let resourceMatches = rule.resources.contains { resource in
      resource == "*" || resource == combined
        || (request.subresource.isEmpty ? false : resource == "*/\(request.subresource)")
    }
    guard resourceMatches else { return false }
    return rule.resourceNames.isEmpty || rule.resourceNames.contains(request.name)
  }
}

extension RBACAuthorizer {
  /// The API server's words for a request RBAC refuses
  /// (`forbiddenMessage` in the apiserver's authorization filter).
  package static func refusal(_ request: Request, subject: Subject) -> String {
    guard request.path.isEmpty else {
      return "User \"\(subject.user)\" cannot \(request.verb) path \"\(request.path)\""
    }
    let resource = request.subresource.isEmpty ? request.resource : "\(request.resource)/\(request.subresource)"
    let scope = request.namespace.isEmpty ? "at the cluster scope" : "in the namespace \"\(request.namespace)\""
    return "User \"\(subject.user)\" cannot \(request.verb) resource \"\(resource)\" in API group \"\(request.apiGroup)\" \(scope)"
  }

  /// The `Forbidden` status for a refused request: `pods is forbidden: …`
  /// for a collection, `pods "web" is forbidden: …` for one object.
  package static func forbidden(_ request: Request, kind: Kind, subject: Subject) -> APIError {
    let what = request.name.isEmpty ? kind.groupResource : "\(kind.groupResource) \"\(request.name)\""
    return APIError(reason: "Forbidden", message: "\(what) is forbidden: \(refusal(request, subject: subject))", code: 403)
  }
}

extension Cluster {
  /// Refuses a request of the impersonated `requester` that RBAC does not
  /// allow; nothing is refused without one.
  package func authorize(
    _ verb: String, _ kind: Kind, name: String = "", namespace: String = "", subresource: String = ""
  ) throws(APIError) {
    guard let subject = requester else { return }
    let request = RBACAuthorizer.Request(
      verb: verb, apiGroup: kind.group, resource: kind.resource, subresource: subresource, name: name,
      namespace: kind.isNamespaced ? namespace : "")
    guard !RBACAuthorizer.allows(request, subject: subject, in: self) else { return }
    throw RBACAuthorizer.forbidden(request, kind: kind, subject: subject)
  }
}
