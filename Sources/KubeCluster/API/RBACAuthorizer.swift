/// The RBAC authorizer of a kind cluster: who may do what, from the stored
/// Roles, ClusterRoles and their bindings, plus the bootstrap policy the API
/// server always has (cluster-admin for kind's admin user, discovery and
/// self-review rights for every authenticated user, and the aggregated
/// admin, edit and view roles a binding may name).
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
    /// account's name brings its groups, and every user is authenticated.
    package static func impersonated(_ user: String, groups: [String]) -> Subject {
      var all = groups
      let parts = user.split(separator: ":", omittingEmptySubsequences: false)
      if groups.isEmpty, parts.count == 4, parts[0] == "system", parts[1] == "serviceaccount" {
        all = ["system:serviceaccounts", "system:serviceaccounts:\(parts[2])"]
      }
      if !all.contains("system:authenticated") { all.append("system:authenticated") }
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
    for binding in bootstrapBindings where binding.subjects.contains(where: { applies($0, to: subject, namespace: "") }) {
      rules += clusterRole(binding.role, in: cluster)
    }
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

  /// A stored ClusterRole's rules, else the bootstrap policy's.
  static func clusterRole(_ name: String, in cluster: Cluster) -> [Rule] {
    if let stored = cluster.store.get(ObjectKey(.clusterRole, name, in: "")) {
      return (stored.content["rules"]?.array ?? []).map(Rule.init)
    }
    return bootstrapRoles[name] ?? []
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

  // MARK: - The bootstrap policy (what kube-apiserver reconciles at start)

  struct Binding {
    var role: String
    var subjects: [(kind: String, name: String, namespace: String)]
  }

  static let bootstrapBindings: [Binding] = [
    Binding(role: "cluster-admin", subjects: [("Group", "system:masters", "")]),
    Binding(role: "cluster-admin", subjects: [("Group", "kubeadm:cluster-admins", "")]),
    Binding(role: "system:basic-user", subjects: [("Group", "system:authenticated", "")]),
    Binding(role: "system:discovery", subjects: [("Group", "system:authenticated", "")]),
    Binding(role: "system:public-info-viewer", subjects: [("Group", "system:authenticated", ""), ("Group", "system:unauthenticated", "")]),
  ]

  static let readVerbs = ["get", "list", "watch"]
  static let writeVerbs = ["create", "delete", "deletecollection", "patch", "update"]

  /// What `view` reads (secrets excluded), by API group.
  static let viewed: [(String, [String])] = [
    ("", ["configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "pods", "replicationcontrollers",
          "replicationcontrollers/scale", "serviceaccounts", "services", "services/status", "bindings", "events", "limitranges",
          "namespaces/status", "pods/log", "pods/status", "replicationcontrollers/status", "resourcequotas", "resourcequotas/status",
          "namespaces"]),
    ("discovery.k8s.io", ["endpointslices"]),
    ("apps", ["controllerrevisions", "daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status",
              "replicasets", "replicasets/scale", "replicasets/status", "statefulsets", "statefulsets/scale", "statefulsets/status"]),
    ("autoscaling", ["horizontalpodautoscalers", "horizontalpodautoscalers/status"]),
    ("batch", ["cronjobs", "cronjobs/status", "jobs", "jobs/status"]),
    ("policy", ["poddisruptionbudgets", "poddisruptionbudgets/status"]),
    ("networking.k8s.io", ["ingresses", "ingresses/status", "networkpolicies"]),
  ]

  /// What `edit` writes, by API group.
  static let edited: [(String, [String])] = [
    ("", ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "configmaps", "endpoints", "persistentvolumeclaims",
          "replicationcontrollers", "replicationcontrollers/scale", "secrets", "serviceaccounts", "services", "services/proxy"]),
    ("discovery.k8s.io", ["endpointslices"]),
    ("apps", ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "replicasets", "replicasets/scale",
              "statefulsets", "statefulsets/scale"]),
    ("autoscaling", ["horizontalpodautoscalers"]),
    ("batch", ["cronjobs", "jobs"]),
    ("policy", ["poddisruptionbudgets"]),
    ("networking.k8s.io", ["ingresses", "networkpolicies"]),
  ]

  static let bootstrapRoles: [String: [Rule]] = {
    let view = viewed.map { Rule(verbs: readVerbs, apiGroups: [$0.0], resources: $0.1) }
    let edit = view + edited.map { Rule(verbs: writeVerbs, apiGroups: [$0.0], resources: $0.1) }
      + [Rule(verbs: readVerbs, apiGroups: [""], resources: ["secrets", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "services/proxy"]),
         Rule(verbs: ["impersonate"], apiGroups: [""], resources: ["serviceaccounts"]),
         Rule(verbs: ["create"], apiGroups: [""], resources: ["serviceaccounts/token"])]
    let admin = edit + [
      Rule(verbs: ["create"], apiGroups: ["authorization.k8s.io"], resources: ["localsubjectaccessreviews"]),
      Rule(verbs: readVerbs + writeVerbs, apiGroups: ["rbac.authorization.k8s.io"], resources: ["rolebindings", "roles"]),
    ]
    let discoveryURLs = ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/"]
    return [
      "cluster-admin": [Rule(verbs: ["*"], apiGroups: ["*"], resources: ["*"]), Rule(verbs: ["*"], nonResourceURLs: ["*"])],
      "admin": admin, "edit": edit, "view": view,
      "system:basic-user": [
        Rule(verbs: ["create"], apiGroups: ["authorization.k8s.io"], resources: ["selfsubjectaccessreviews", "selfsubjectrulesreviews"]),
        Rule(verbs: ["create"], apiGroups: ["authentication.k8s.io"], resources: ["selfsubjectreviews"]),
      ],
      "system:discovery": [Rule(verbs: ["get"], nonResourceURLs: discoveryURLs)],
      "system:public-info-viewer": [Rule(verbs: ["get"], nonResourceURLs: ["/healthz", "/livez", "/readyz", "/version", "/version/"])],
    ]
  }()
}
