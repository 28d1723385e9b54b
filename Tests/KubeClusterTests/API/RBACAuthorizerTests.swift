import Foundation
import KubeCluster
import Testing

/// The authorizer over kind's default roles: the aggregated admin, edit and
/// view roles, the clusterrole-aggregation controller, and the API
/// server's Forbidden wording for an impersonated requester.
@Suite("RBAC over kind's default roles")
struct RBACAuthorizerTests {
  static func allows(
    _ cluster: Cluster, _ user: String, _ verb: String, _ resource: String, group: String = "", namespace: String = "default",
    subresource: String = ""
  ) -> Bool {
    RBACAuthorizer.allows(
      RBACAuthorizer.Request(verb: verb, apiGroup: group, resource: resource, subresource: subresource, namespace: namespace),
      subject: .impersonated(user, groups: []), in: cluster)
  }

  static func bind(_ cluster: inout Cluster, _ user: String, to role: String, namespace: String = "default") throws {
    var binding = Object(.roleBinding, name: "\(user)-\(role)", namespace: namespace)
    binding.content["roleRef"] = ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": .string(role)]
    binding.content["subjects"] = [["apiGroup": "rbac.authorization.k8s.io", "kind": "User", "name": .string(user)]]
    try cluster.create(binding)
  }

  @Test("a fresh cluster has kind's roles, bindings and system PriorityClasses, marked as bootstrap defaults")
  func defaults() throws {
    let cluster = Cluster.kind()
    let roles = cluster.list(.clusterRole).map(\.name)
    #expect(roles.count == 68)
    for name in ["admin", "cluster-admin", "edit", "view", "system:aggregate-to-view", "system:controller:deployment-controller", "kindnet", "local-path-provisioner-role", "system:coredns", "kubeadm:get-nodes"] {
      #expect(roles.contains(name), "\(name)")
    }
    let view = try cluster.get(ObjectKey(.clusterRole, "view"))
    #expect(view.labels == ["kubernetes.io/bootstrapping": "rbac-defaults", "rbac.authorization.k8s.io/aggregate-to-edit": "true"])
    #expect(view.annotations == ["rbac.authorization.kubernetes.io/autoupdate": "true"])
    #expect(view.content[path: "aggregationRule.clusterRoleSelectors"]?.array?.count == 1)
    #expect((view.content["rules"]?.array?.count ?? 0) == 10)
    #expect(try cluster.get(ObjectKey(.clusterRole, "kindnet")).labels.isEmpty)
    let bindings = cluster.list(.clusterRoleBinding).map(\.name)
    #expect(bindings.contains("kubeadm:cluster-admins") && bindings.contains("system:controller:job-controller"))
    let classes = cluster.list(.priorityClass).map { "\($0.name)=\($0.content["value"]?.int ?? 0)" }
    #expect(classes == ["system-cluster-critical=2000000000", "system-node-critical=2000001000"])
    // Low resourceVersions that leave the counter where it was.
    #expect(cluster.list(.clusterRole).allSatisfy { (Int($0.resourceVersion) ?? 0) < 200 })
  }

  @Test("edit, bound in a namespace, brings the aggregated rules of view and system:aggregate-to-edit")
  func aggregatedEdit() throws {
    var cluster = Cluster.kind()
    try Self.bind(&cluster, "jane", to: "edit")
    #expect(Self.allows(cluster, "jane", "create", "deployments", group: "apps"))
    #expect(Self.allows(cluster, "jane", "get", "secrets"))
    #expect(Self.allows(cluster, "jane", "create", "pods", subresource: "exec"))
    #expect(Self.allows(cluster, "jane", "list", "events"))
    #expect(!Self.allows(cluster, "jane", "create", "roles", group: "rbac.authorization.k8s.io"))
    #expect(!Self.allows(cluster, "jane", "create", "deployments", group: "apps", namespace: "kube-system"))
    #expect(!Self.allows(cluster, "jane", "list", "nodes", namespace: ""))
    try Self.bind(&cluster, "amy", to: "admin")
    #expect(Self.allows(cluster, "amy", "create", "roles", group: "rbac.authorization.k8s.io"))
    #expect(Self.allows(cluster, "amy", "delete", "deployments", group: "apps"))
    try Self.bind(&cluster, "bob", to: "view")
    #expect(Self.allows(cluster, "bob", "list", "deployments", group: "apps"))
    #expect(!Self.allows(cluster, "bob", "get", "secrets"))
    #expect(!Self.allows(cluster, "bob", "delete", "pods"))
  }

  @Test("a ClusterRole labelled aggregate-to-view widens view, edit and admin, and narrows them again when it goes")
  func aggregationController() throws {
    var cluster = Cluster.kind()
    try Self.bind(&cluster, "bob", to: "view")
    try Self.bind(&cluster, "amy", to: "admin")
    #expect(!Self.allows(cluster, "bob", "list", "leases", group: "coordination.k8s.io"))
    var extra = Object(.clusterRole, name: "lease-viewer")
    extra.labels = ["rbac.authorization.k8s.io/aggregate-to-view": "true"]
    extra.content["rules"] = [["apiGroups": ["coordination.k8s.io"], "resources": ["leases"], "verbs": ["get", "list"]]]
    try cluster.create(extra)
    #expect(Self.allows(cluster, "bob", "list", "leases", group: "coordination.k8s.io"))
    let admin = try cluster.get(ObjectKey(.clusterRole, "admin"))
    #expect(admin.content["rules"]?.array?.contains(extra.content["rules"]?.array?[0] ?? .null) == true)
    try cluster.delete(ObjectKey(.clusterRole, "lease-viewer"))
    #expect(!Self.allows(cluster, "bob", "list", "leases", group: "coordination.k8s.io"))
  }

  @Test("kind's admin user and service accounts get what their default bindings give")
  func defaultSubjects() {
    let cluster = Cluster.kind()
    #expect(RBACAuthorizer.allows(.init(verb: "delete", resource: "nodes"), subject: .admin, in: cluster))
    let robot = RBACAuthorizer.Subject.impersonated("system:serviceaccount:dev:robot", groups: [])
    #expect(RBACAuthorizer.allows(.init(verb: "get", path: "/openid/v1/jwks"), subject: robot, in: cluster))
    #expect(RBACAuthorizer.allows(.init(verb: "create", apiGroup: "authorization.k8s.io", resource: "selfsubjectaccessreviews"), subject: robot, in: cluster))
    #expect(!RBACAuthorizer.allows(.init(verb: "list", resource: "pods", namespace: "dev"), subject: robot, in: cluster))
  }

  @Test("an impersonated requester's writes are refused in the API server's words")
  func forbiddenWording() throws {
    var cluster = Cluster.kind()
    cluster.requester = .impersonated("jane", groups: [])
    var pod = Object(.pod, name: "web", namespace: "default")
    pod.content["spec"] = ["containers": [["name": "web", "image": "nginx"]]]
    func refusal(_ write: (inout Cluster) throws(APIError) -> Void) -> String {
      do { try write(&cluster) } catch { return "\(error.reason): \(error.message)" }
      return "allowed"
    }
    #expect(refusal { c throws(APIError) in try c.create(pod) } == #"Forbidden: pods is forbidden: User "jane" cannot create resource "pods" in API group "" in the namespace "default""#)
    #expect(refusal { c throws(APIError) in try c.delete(ObjectKey(.deployment, "coredns", in: "kube-system")) } == #"Forbidden: deployments.apps "coredns" is forbidden: User "jane" cannot delete resource "deployments" in API group "apps" in the namespace "kube-system""#)
    #expect(refusal { c throws(APIError) in try c.update(try c.get(ObjectKey(.node, "kind-worker"))) } == #"Forbidden: nodes "kind-worker" is forbidden: User "jane" cannot patch resource "nodes" in API group "" at the cluster scope"#)
    cluster.requester = nil
    try cluster.create(pod)
  }

  @Test("a cluster saved before the defaults existed gets them when it is restored")
  func restoreAddsDefaults() throws {
    var cluster = Cluster.kind()
    for role in cluster.list(.clusterRole) { try cluster.delete(role.key) }
    for binding in cluster.list(.clusterRoleBinding) { try cluster.delete(binding.key) }
    for priorityClass in cluster.list(.priorityClass) { try cluster.delete(priorityClass.key) }
    let restored = try Cluster.restore(from: cluster.snapshot())
    #expect(restored.list(.clusterRole).count == 68)
    #expect(restored.list(.priorityClass).count == 2)
    #expect(RBACAuthorizer.allows(.init(verb: "delete", resource: "nodes"), subject: .admin, in: restored))
    // A cluster saved with them keeps them as they were.
    let fresh = Cluster.kind()
    let again = try Cluster.restore(from: fresh.snapshot())
    #expect(again.list(.clusterRole) == fresh.list(.clusterRole))
  }

  @Test("a fresh cluster has the Roles and RoleBindings of kube-system, kube-public and local-path-storage")
  func namespacedDefaults() throws {
    let cluster = Cluster.kind()
    let roles = cluster.list(.role).map { "\($0.namespace)/\($0.name)" }
    #expect(roles == [
      "kube-public/kubeadm:bootstrap-signer-clusterinfo", "kube-public/system:controller:bootstrap-signer",
      "kube-system/extension-apiserver-authentication-reader", "kube-system/kube-proxy",
      "kube-system/kubeadm:kubelet-config", "kube-system/kubeadm:nodes-kubeadm-config",
      "kube-system/system::leader-locking-kube-controller-manager", "kube-system/system::leader-locking-kube-scheduler",
      "kube-system/system:controller:bootstrap-signer", "kube-system/system:controller:cloud-provider",
      "kube-system/system:controller:token-cleaner", "local-path-storage/local-path-provisioner-role",
    ])
    let bindings = cluster.list(.roleBinding).map { "\($0.namespace)/\($0.name)>\($0.content[path: "roleRef.kind"]?.string ?? "")/\($0.content[path: "roleRef.name"]?.string ?? "")" }
    #expect(bindings.count == 12)
    #expect(bindings.contains("kube-system/system::extension-apiserver-authentication-reader>Role/extension-apiserver-authentication-reader"))
    #expect(bindings.contains("local-path-storage/local-path-provisioner-bind>Role/local-path-provisioner-role"))
    // Bootstrap policy's carry its label and annotation; kubeadm's do not.
    let reader = try cluster.get(ObjectKey(.role, "extension-apiserver-authentication-reader", in: "kube-system"))
    #expect(reader.labels == ["kubernetes.io/bootstrapping": "rbac-defaults"])
    #expect(reader.annotations == ["rbac.authorization.kubernetes.io/autoupdate": "true"])
    let proxy = try cluster.get(ObjectKey(.roleBinding, "kube-proxy", in: "kube-system"))
    #expect(proxy.labels.isEmpty && proxy.annotations.isEmpty)
    #expect(proxy.content["subjects"] == [["apiGroup": "rbac.authorization.k8s.io", "kind": "Group", "name": "system:bootstrappers:kubeadm:default-node-token"]])
    // Low resourceVersions, and UIDs of their own after the cluster roles'.
    let all = cluster.list(.role) + cluster.list(.roleBinding)
    #expect(all.allSatisfy { (Int($0.resourceVersion) ?? 0) < 200 })
    #expect(try cluster.get(ObjectKey(.clusterRole, "edit")).uid == "0781e0da-ece8-4a8d-a1e5-373a58ada92e")
  }

  @Test("the namespaced default roles grant what they grant in kind, and no more")
  func namespacedDefaultRules() {
    let cluster = Cluster.kind()
    func allows(_ user: String, groups: [String] = [], _ verb: String, _ resource: String, group: String = "", name: String = "", in namespace: String) -> Bool {
      RBACAuthorizer.allows(
        RBACAuthorizer.Request(verb: verb, apiGroup: group, resource: resource, name: name, namespace: namespace),
        subject: .impersonated(user, groups: groups), in: cluster)
    }
    // The scheduler's leader election lists leases in kube-system only.
    #expect(allows("system:kube-scheduler", "list", "leases", group: "coordination.k8s.io", in: "kube-system"))
    #expect(!allows("system:kube-scheduler", "list", "leases", group: "coordination.k8s.io", in: "default"))
    #expect(allows("system:serviceaccount:kube-system:leader-election-controller", "create", "leasecandidates", group: "coordination.k8s.io", in: "kube-system"))
    #expect(allows("system:kube-controller-manager", "get", "configmaps", name: "extension-apiserver-authentication", in: "kube-system"))
    // kube-proxy's Role is bound to bootstrap tokens, not to kube-proxy's service account.
    #expect(!allows("system:serviceaccount:kube-system:kube-proxy", "get", "configmaps", name: "kube-proxy", in: "kube-system"))
    let token = ["system:bootstrappers:kubeadm:default-node-token"]
    #expect(allows("system:bootstrap:abcdef", groups: token, "get", "configmaps", name: "kube-proxy", in: "kube-system"))
    #expect(!allows("system:bootstrap:abcdef", groups: token, "get", "configmaps", in: "kube-system"))
    // cluster-info is readable without credentials; system:anonymous is unauthenticated.
    #expect(allows("system:anonymous", "get", "configmaps", name: "cluster-info", in: "kube-public"))
    #expect(!allows("system:anonymous", "get", "configmaps", name: "coredns", in: "kube-system"))
    #expect(RBACAuthorizer.Subject.impersonated("system:anonymous", groups: []).groups == ["system:unauthenticated"])
    #expect(allows("system:serviceaccount:local-path-storage:local-path-provisioner-service-account", "create", "pods", in: "local-path-storage"))
  }

  @Test("a cluster saved with the cluster roles but before the namespaced ones gets only those when it is restored")
  func restoreAddsNamespacedDefaults() throws {
    var cluster = Cluster.kind()
    let fresh = cluster.list(.role) + cluster.list(.roleBinding)
    for object in fresh { try cluster.delete(object.key) }
    try cluster.delete(ObjectKey(.clusterRole, "system:heapster"))
    try cluster.delete(ObjectKey(.namespace, "local-path-storage"))
    cluster.advance(by: 30)
    #expect(cluster.store.get(ObjectKey(.namespace, "local-path-storage")) == nil)
    let restored = try Cluster.restore(from: cluster.snapshot())
    #expect(restored.list(.role).count == 11 && restored.list(.roleBinding).count == 11)
    #expect(restored.store.get(ObjectKey(.clusterRole, "system:heapster")) == nil)
    #expect(restored.store.get(ObjectKey(.role, "kube-proxy", in: "kube-system"))?.uid == fresh.first { $0.name == "kube-proxy" }?.uid)
    // Restored again, nothing more is added.
    let again = try Cluster.restore(from: restored.snapshot())
    #expect(again.list(.role) == restored.list(.role))
  }
}
