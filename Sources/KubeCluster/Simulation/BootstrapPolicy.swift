import Foundation

/// The RBAC objects and PriorityClasses a fresh kind v1.32 cluster holds
/// before anyone types a command: the API server's bootstrap policy (the
/// user-facing cluster-admin, admin, edit and view roles with the
/// aggregated `system:aggregate-to-*` roles, the `system:*` roles and the
/// `system:controller:*` roles of kube-controller-manager, with their
/// bindings), what kubeadm adds (`kubeadm:*`, `system:coredns`), what kind's
/// manifests add (kindnet, local-path-provisioner) and the two system
/// PriorityClasses; then the Roles and RoleBindings of kube-system,
/// kube-public and local-path-storage from the same three sources.
///
/// Rules are written one to a string: `verbs|apiGroups|resources` with an
/// optional `|resourceNames`, lists comma-separated (an empty API group is
/// the core group); two fields, `verbs|nonResourceURLs`, for a URL rule.
enum BootstrapPolicy {
  /// A ClusterRole (or, with a namespace, a Role): its rules, or the label
  /// its aggregation rule selects, and whether the API server's bootstrap
  /// policy owns it.
  struct Role {
    var namespace = ""
    var name: String
    var rules: [String] = []
    var aggregates: String? = nil
    var aggregatedTo: [String] = []
    var bootstrap = true
  }

  /// A ClusterRoleBinding (or, with a namespace, a RoleBinding of a Role
  /// there): the role and `Kind:name` or `ServiceAccount:namespace/name`
  /// subjects.
  struct Binding {
    var namespace = ""
    var name: String
    var role: String
    var subjects: [String]
    var bootstrap = true
  }

  static let events = "create,patch,update|,events.k8s.io|events"
  static let writes = "create,delete,deletecollection,patch,update"
  static let reads = "get,list,watch"

  static let roles: [Role] = [
    Role(name: "admin", aggregates: "admin"),
    Role(name: "cluster-admin", rules: ["*|*|*", "*|*"]),
    Role(name: "edit", aggregates: "edit", aggregatedTo: ["admin"]),
    Role(name: "system:aggregate-to-admin", rules: [
      "create|authorization.k8s.io|localsubjectaccessreviews",
      "create,delete,deletecollection,get,list,patch,update,watch|rbac.authorization.k8s.io|rolebindings,roles",
    ], aggregatedTo: ["admin"]),
    Role(name: "system:aggregate-to-edit", rules: [
      "\(reads)||pods/attach,pods/exec,pods/portforward,pods/proxy,secrets,services/proxy",
      "impersonate||serviceaccounts",
      "\(writes)||pods,pods/attach,pods/exec,pods/portforward,pods/proxy",
      "create||pods/eviction",
      "\(writes)||configmaps,events,persistentvolumeclaims,replicationcontrollers,replicationcontrollers/scale,secrets,serviceaccounts,services,services/proxy",
      "create||serviceaccounts/token",
      "\(writes)|apps|daemonsets,deployments,deployments/rollback,deployments/scale,replicasets,replicasets/scale,statefulsets,statefulsets/scale",
      "\(writes)|autoscaling|horizontalpodautoscalers",
      "\(writes)|batch|cronjobs,jobs",
      "\(writes)|extensions|daemonsets,deployments,deployments/rollback,deployments/scale,ingresses,networkpolicies,replicasets,replicasets/scale,replicationcontrollers/scale",
      "\(writes)|policy|poddisruptionbudgets",
      "\(writes)|networking.k8s.io|ingresses,networkpolicies",
      "create,delete,deletecollection,get,list,patch,update,watch|coordination.k8s.io|leases",
    ], aggregatedTo: ["edit"]),
    Role(name: "system:aggregate-to-view", rules: [
      "\(reads)||configmaps,endpoints,persistentvolumeclaims,persistentvolumeclaims/status,pods,replicationcontrollers,replicationcontrollers/scale,serviceaccounts,services,services/status",
      "\(reads)||bindings,events,limitranges,namespaces/status,pods/log,pods/status,replicationcontrollers/status,resourcequotas,resourcequotas/status",
      "\(reads)||namespaces",
      "\(reads)|discovery.k8s.io|endpointslices",
      "\(reads)|apps|controllerrevisions,daemonsets,daemonsets/status,deployments,deployments/scale,deployments/status,replicasets,replicasets/scale,replicasets/status,statefulsets,statefulsets/scale,statefulsets/status",
      "\(reads)|autoscaling|horizontalpodautoscalers,horizontalpodautoscalers/status",
      "\(reads)|batch|cronjobs,cronjobs/status,jobs,jobs/status",
      "\(reads)|extensions|daemonsets,daemonsets/status,deployments,deployments/scale,deployments/status,ingresses,ingresses/status,networkpolicies,replicasets,replicasets/scale,replicasets/status,replicationcontrollers/scale",
      "\(reads)|policy|poddisruptionbudgets,poddisruptionbudgets/status",
      "\(reads)|networking.k8s.io|ingresses,ingresses/status,networkpolicies",
    ], aggregatedTo: ["view"]),
    Role(name: "system:auth-delegator", rules: [
      "create|authentication.k8s.io|tokenreviews", "create|authorization.k8s.io|subjectaccessreviews",
    ]),
    Role(name: "system:basic-user", rules: [
      "create|authorization.k8s.io|selfsubjectaccessreviews,selfsubjectrulesreviews",
      "create|authentication.k8s.io|selfsubjectreviews",
    ]),
    Role(name: "system:certificates.k8s.io:certificatesigningrequests:nodeclient", rules: [
      "create|certificates.k8s.io|certificatesigningrequests/nodeclient",
    ]),
    Role(name: "system:certificates.k8s.io:certificatesigningrequests:selfnodeclient", rules: [
      "create|certificates.k8s.io|certificatesigningrequests/selfnodeclient",
    ]),
    Role(name: "system:certificates.k8s.io:kube-apiserver-client-approver", rules: [
      "approve|certificates.k8s.io|signers|kubernetes.io/kube-apiserver-client",
    ]),
    Role(name: "system:certificates.k8s.io:kube-apiserver-client-kubelet-approver", rules: [
      "approve|certificates.k8s.io|signers|kubernetes.io/kube-apiserver-client-kubelet",
    ]),
    Role(name: "system:certificates.k8s.io:kubelet-serving-approver", rules: [
      "approve|certificates.k8s.io|signers|kubernetes.io/kubelet-serving",
    ]),
    Role(name: "system:certificates.k8s.io:legacy-unknown-approver", rules: [
      "approve|certificates.k8s.io|signers|kubernetes.io/legacy-unknown",
    ]),
    Role(name: "system:discovery", rules: [
      "get|/api,/api/*,/apis,/apis/*,/healthz,/livez,/openapi,/openapi/*,/readyz,/version,/version/",
    ]),
    Role(name: "system:heapster", rules: ["\(reads)||events,namespaces,nodes,pods", "\(reads)|extensions|deployments"]),
    Role(name: "system:kube-aggregator", rules: ["\(reads)||endpoints,services"]),
    Role(name: "system:kube-controller-manager", rules: [
      events,
      "create|coordination.k8s.io|leases",
      "get,update|coordination.k8s.io|leases|kube-controller-manager",
      "create||secrets,serviceaccounts",
      "delete||secrets",
      "get||configmaps,namespaces,secrets,serviceaccounts",
      "update||secrets,serviceaccounts",
      "create|authentication.k8s.io|tokenreviews",
      "create|authorization.k8s.io|subjectaccessreviews",
      "list,watch|*|*",
      "create||serviceaccounts/token",
    ]),
    Role(name: "system:kube-dns", rules: ["list,watch||endpoints,services"]),
    Role(name: "system:kube-scheduler", rules: [
      events,
      "create|coordination.k8s.io|leases",
      "get,update|coordination.k8s.io|leases|kube-scheduler",
      "\(reads)||nodes",
      "delete,get,list,watch||pods",
      "create||bindings,pods/binding",
      "patch,update||pods/status",
      "\(reads)||replicationcontrollers,services",
      "\(reads)|apps,extensions|replicasets",
      "\(reads)|apps|statefulsets",
      "\(reads)|policy|poddisruptionbudgets",
      "\(reads)||persistentvolumeclaims,persistentvolumes",
      "create|authentication.k8s.io|tokenreviews",
      "create|authorization.k8s.io|subjectaccessreviews",
      "\(reads)|storage.k8s.io|csinodes",
      "\(reads)||namespaces",
      "\(reads)|storage.k8s.io|csidrivers",
      "\(reads)|storage.k8s.io|csistoragecapacities",
    ]),
    Role(name: "system:kubelet-api-admin", rules: [
      "\(reads)||nodes", "proxy||nodes", "*||nodes/log,nodes/metrics,nodes/proxy,nodes/stats",
    ]),
    Role(name: "system:monitoring", rules: ["get|/healthz,/healthz/*,/livez,/livez/*,/metrics,/metrics/slis,/readyz,/readyz/*"]),
    Role(name: "system:node", rules: [
      "create|authentication.k8s.io|tokenreviews",
      "create|authorization.k8s.io|localsubjectaccessreviews,subjectaccessreviews",
      "\(reads)||services",
      "create,get,list,watch||nodes",
      "patch,update||nodes/status",
      "patch,update||nodes",
      "create,patch,update||events",
      "\(reads)||pods",
      "create,delete||pods",
      "patch,update||pods/status",
      "create||pods/eviction",
      "\(reads)||configmaps,secrets",
      "get||persistentvolumeclaims,persistentvolumes",
      "get||endpoints",
      "create,get,list,watch|certificates.k8s.io|certificatesigningrequests",
      "create,delete,get,patch,update|coordination.k8s.io|leases",
      "get|storage.k8s.io|volumeattachments",
      "create||serviceaccounts/token",
      "get,patch,update||persistentvolumeclaims/status",
      "\(reads)|storage.k8s.io|csidrivers",
      "create,delete,get,patch,update|storage.k8s.io|csinodes",
      "\(reads)|node.k8s.io|runtimeclasses",
    ]),
    Role(name: "system:node-bootstrapper", rules: ["create,get,list,watch|certificates.k8s.io|certificatesigningrequests"]),
    Role(name: "system:node-problem-detector", rules: ["get||nodes", "patch||nodes/status", events]),
    Role(name: "system:node-proxier", rules: [
      "list,watch||endpoints,services", "\(reads)||nodes", events, "list,watch|discovery.k8s.io|endpointslices",
    ]),
    Role(name: "system:persistent-volume-provisioner", rules: [
      "create,delete,get,list,watch||persistentvolumes", "get,list,update,watch||persistentvolumeclaims",
      "\(reads)|storage.k8s.io|storageclasses", "watch||events", events,
    ]),
    Role(name: "system:public-info-viewer", rules: ["get|/healthz,/livez,/readyz,/version,/version/"]),
    Role(name: "system:service-account-issuer-discovery", rules: ["get|/.well-known/openid-configuration,/openid/v1/jwks"]),
    Role(name: "system:volume-scheduler", rules: [
      "get,list,patch,update,watch||persistentvolumes", "\(reads)|storage.k8s.io|storageclasses",
      "get,list,patch,update,watch||persistentvolumeclaims",
    ]),
    Role(name: "view", aggregates: "view", aggregatedTo: ["edit"]),
    // kubeadm's.
    Role(name: "kubeadm:get-nodes", rules: ["get||nodes"], bootstrap: false),
    Role(name: "system:coredns", rules: [
      "list,watch||endpoints,services,pods,namespaces", "list,watch|discovery.k8s.io|endpointslices",
    ], bootstrap: false),
    // kind's manifests.
    Role(name: "kindnet", rules: [
      "list,watch,patch||nodes", "get||configmaps", "list,watch||namespaces,pods", "list,watch|networking.k8s.io|networkpolicies",
    ], bootstrap: false),
    Role(name: "local-path-provisioner-role", rules: [
      "get,list,watch||nodes,persistentvolumeclaims,configmaps,pods,pods/log",
      "get,list,watch,create,patch,update,delete||persistentvolumes", "create,patch||events",
      "get,list,watch|storage.k8s.io|storageclasses",
    ], bootstrap: false),
  ] + controllerRoles.map { Role(name: "system:controller:\($0.0)", rules: $0.1) }

  /// kube-controller-manager's controllers, each with its own service
  /// account in kube-system (`--use-service-account-credentials`).
  static let controllerRoles: [(String, [String])] = [
    ("attachdetach-controller", [
      "list,watch||persistentvolumeclaims,persistentvolumes", "\(reads)||nodes", "patch,update||nodes/status",
      "list,watch||pods", events, "create,delete,get,list,watch|storage.k8s.io|volumeattachments",
      "\(reads)|storage.k8s.io|csidrivers", "\(reads)|storage.k8s.io|csinodes",
    ]),
    ("certificate-controller", [
      "delete,get,list,watch|certificates.k8s.io|certificatesigningrequests",
      "update|certificates.k8s.io|certificatesigningrequests/approval,certificatesigningrequests/status",
      "approve|certificates.k8s.io|signers|kubernetes.io/kube-apiserver-client-kubelet",
      "sign|certificates.k8s.io|signers|kubernetes.io/kube-apiserver-client,kubernetes.io/kube-apiserver-client-kubelet,kubernetes.io/kubelet-serving,kubernetes.io/legacy-unknown",
      "create|authorization.k8s.io|subjectaccessreviews", events,
    ]),
    ("clusterrole-aggregation-controller", ["escalate,get,list,patch,update,watch|rbac.authorization.k8s.io|clusterroles"]),
    ("cronjob-controller", [
      "get,list,update,watch|batch|cronjobs", "create,delete,get,list,patch,update,watch|batch|jobs",
      "update|batch|cronjobs/status", "update|batch|cronjobs/finalizers", "delete,list,watch||pods", events,
    ]),
    ("daemon-set-controller", [
      "\(reads)|apps,extensions|daemonsets", "update|apps,extensions|daemonsets/status",
      "update|apps,extensions|daemonsets/finalizers", "list,watch||nodes", "create,delete,list,patch,watch||pods",
      "create||pods/binding", "create,delete,get,list,patch,update,watch|apps|controllerrevisions", events,
    ]),
    ("deployment-controller", [
      "get,list,update,watch|apps,extensions|deployments", "update|apps,extensions|deployments/status",
      "update|apps,extensions|deployments/finalizers",
      "create,delete,get,list,patch,update,watch|apps,extensions|replicasets", "get,list,update,watch||pods", events,
    ]),
    ("disruption-controller", [
      "\(reads)|apps,extensions|deployments", "\(reads)|apps,extensions|replicasets", "\(reads)||replicationcontrollers",
      "\(reads)|policy|poddisruptionbudgets", "\(reads)|apps|statefulsets", "update|policy|poddisruptionbudgets/status",
      "patch,update||pods/status", "get|*|*/scale", events,
    ]),
    ("endpoint-controller", [
      "\(reads)||pods,services", "create,delete,get,list,update,watch||endpoints", "create||endpoints/restricted", events,
    ]),
    ("endpointslice-controller", [
      "\(reads)||nodes,pods,services", "update||services/finalizers",
      "create,delete,get,list,update,watch|discovery.k8s.io|endpointslices", events,
    ]),
    ("endpointslicemirroring-controller", [
      "\(reads)||endpoints,services", "update||services/finalizers", "update||endpoints/finalizers",
      "create,delete,get,list,update,watch|discovery.k8s.io|endpointslices", events,
    ]),
    ("ephemeral-volume-controller", [
      "\(reads)||pods", "update||pods/finalizers", "create,get,list,watch||persistentvolumeclaims", events,
    ]),
    ("expand-controller", [
      "get,list,patch,update,watch||persistentvolumes", "patch,update||persistentvolumeclaims/status",
      "\(reads)||persistentvolumeclaims", events,
    ]),
    ("generic-garbage-collector", ["delete,get,list,patch,update,watch|*|*", events]),
    ("horizontal-pod-autoscaler", [
      "\(reads)|autoscaling|horizontalpodautoscalers", "update|autoscaling|horizontalpodautoscalers/status",
      "get,update|*|*/scale", "list,watch||pods", "list,watch|metrics.k8s.io|pods",
      "\(reads)|custom.metrics.k8s.io|*", "\(reads)|external.metrics.k8s.io|*", events,
    ]),
    ("job-controller", [
      "get,list,patch,update,watch|batch|jobs", "update|batch|jobs/status", "update|batch|jobs/finalizers",
      "create,delete,list,patch,watch||pods", events,
    ]),
    ("legacy-service-account-token-cleaner", [
      "get||configmaps|kube-apiserver-legacy-service-account-token-tracking", "delete,patch||secrets",
    ]),
    ("namespace-controller", [
      "delete,get,list,watch||namespaces", "update||namespaces/finalize,namespaces/status",
      "delete,deletecollection,get,list,watch|*|*",
    ]),
    ("node-controller", [
      "delete,get,list,patch,update,watch||nodes", "patch,update||nodes/status", "patch,update||pods/status",
      "delete,get,list,watch||pods", events,
    ]),
    ("persistent-volume-binder", [
      "create,delete,get,list,update,watch||persistentvolumes", "update||persistentvolumes/status",
      "get,list,update,watch||persistentvolumeclaims", "update||persistentvolumeclaims/status",
      "create,delete,get,list,watch||pods", "\(reads)|storage.k8s.io|storageclasses", "list,watch||nodes", events,
      "watch||events",
    ]),
    ("pod-garbage-collector", ["delete,list,watch||pods", "\(reads)||nodes", "patch||pods/status"]),
    ("pv-protection-controller", ["get,list,update,watch||persistentvolumes", events]),
    ("pvc-protection-controller", [
      "get,list,update,watch||persistentvolumeclaims", "update||persistentvolumeclaims/status", "\(reads)||pods", events,
    ]),
    ("replicaset-controller", [
      "get,list,update,watch|apps,extensions|replicasets", "update|apps,extensions|replicasets/status",
      "update|apps,extensions|replicasets/finalizers", "create,delete,list,patch,watch||pods", events,
    ]),
    ("replication-controller", [
      "get,list,update,watch||replicationcontrollers", "update||replicationcontrollers/status",
      "update||replicationcontrollers/finalizers", "create,delete,list,patch,watch||pods", events,
    ]),
    ("resourcequota-controller", ["list,watch|*|*", "update||resourcequotas/status", events]),
    ("root-ca-cert-publisher", ["create,update||configmaps", events]),
    ("route-controller", ["list,watch||nodes", "patch||nodes/status", events]),
    ("service-account-controller", ["create||serviceaccounts", events]),
    ("service-controller", ["\(reads)||services", "patch,update||services/status", "list,watch||nodes", events]),
    ("statefulset-controller", [
      "list,watch||pods", "\(reads)|apps|statefulsets", "update|apps|statefulsets/status",
      "update|apps|statefulsets/finalizers", "create,delete,get,patch,update||pods",
      "create,delete,get,list,patch,update,watch|apps|controllerrevisions",
      "create,get,list,watch||persistentvolumeclaims", "delete,update||persistentvolumeclaims",
      "update||pods/finalizers", events,
    ]),
    ("ttl-after-finished-controller", ["delete,get,list,watch|batch|jobs", events]),
    ("ttl-controller", ["list,patch,update,watch||nodes", events]),
    ("validatingadmissionpolicy-status-controller", [
      "\(reads)|admissionregistration.k8s.io|validatingadmissionpolicies",
      "get,patch,update|admissionregistration.k8s.io|validatingadmissionpolicies/status", events,
    ]),
  ]

  static let bindings: [Binding] = [
    Binding(name: "cluster-admin", role: "cluster-admin", subjects: ["Group:system:masters"]),
    Binding(name: "system:basic-user", role: "system:basic-user", subjects: ["Group:system:authenticated"]),
    Binding(name: "system:discovery", role: "system:discovery", subjects: ["Group:system:authenticated"]),
    Binding(name: "system:kube-controller-manager", role: "system:kube-controller-manager", subjects: ["User:system:kube-controller-manager"]),
    Binding(name: "system:kube-dns", role: "system:kube-dns", subjects: ["ServiceAccount:kube-system/kube-dns"]),
    Binding(name: "system:kube-scheduler", role: "system:kube-scheduler", subjects: ["User:system:kube-scheduler"]),
    Binding(name: "system:monitoring", role: "system:monitoring", subjects: ["Group:system:monitoring"]),
    Binding(name: "system:node", role: "system:node", subjects: []),
    Binding(name: "system:node-proxier", role: "system:node-proxier", subjects: ["User:system:kube-proxy"]),
    Binding(name: "system:public-info-viewer", role: "system:public-info-viewer", subjects: ["Group:system:authenticated", "Group:system:unauthenticated"]),
    Binding(name: "system:service-account-issuer-discovery", role: "system:service-account-issuer-discovery", subjects: ["Group:system:serviceaccounts"]),
    Binding(name: "system:volume-scheduler", role: "system:volume-scheduler", subjects: ["User:system:kube-scheduler"]),
    // kubeadm's.
    Binding(name: "kubeadm:cluster-admins", role: "cluster-admin", subjects: ["Group:kubeadm:cluster-admins"], bootstrap: false),
    Binding(name: "kubeadm:get-nodes", role: "kubeadm:get-nodes", subjects: ["Group:system:bootstrappers:kubeadm:default-node-token"], bootstrap: false),
    Binding(name: "kubeadm:kubelet-bootstrap", role: "system:node-bootstrapper", subjects: ["Group:system:bootstrappers:kubeadm:default-node-token"], bootstrap: false),
    Binding(name: "kubeadm:node-autoapprove-bootstrap", role: "system:certificates.k8s.io:certificatesigningrequests:nodeclient", subjects: ["Group:system:bootstrappers:kubeadm:default-node-token"], bootstrap: false),
    Binding(name: "kubeadm:node-autoapprove-certificate-rotation", role: "system:certificates.k8s.io:certificatesigningrequests:selfnodeclient", subjects: ["Group:system:nodes"], bootstrap: false),
    Binding(name: "kubeadm:node-proxier", role: "system:node-proxier", subjects: ["ServiceAccount:kube-system/kube-proxy"], bootstrap: false),
    Binding(name: "system:coredns", role: "system:coredns", subjects: ["ServiceAccount:kube-system/coredns"], bootstrap: false),
    // kind's manifests.
    Binding(name: "kindnet", role: "kindnet", subjects: ["ServiceAccount:kube-system/kindnet"], bootstrap: false),
    Binding(name: "local-path-provisioner-bind", role: "local-path-provisioner-role", subjects: ["ServiceAccount:local-path-storage/local-path-provisioner-service-account"], bootstrap: false),
  ] + controllerRoles.map { controller in
    Binding(name: "system:controller:\(controller.0)", role: "system:controller:\(controller.0)", subjects: ["ServiceAccount:kube-system/\(controller.0)"])
  }

  /// The Roles in kube-system and kube-public: the API server's bootstrap
  /// policy (`namespace_policy.go` in v1.32, leader locking still on
  /// ConfigMaps as well as Leases), kubeadm's (read access to the ConfigMaps
  /// a joining node fetches) and kind's local-path-provisioner manifest.
  static let namespacedRoles: [Role] = [
    Role(namespace: "kube-system", name: "extension-apiserver-authentication-reader", rules: [
      "get,list,watch||configmaps|extension-apiserver-authentication",
    ]),
    Role(namespace: "kube-system", name: "system:controller:bootstrap-signer", rules: ["\(reads)||secrets"]),
    Role(namespace: "kube-system", name: "system:controller:cloud-provider", rules: ["create,get,list,watch||configmaps"]),
    Role(namespace: "kube-system", name: "system:controller:token-cleaner", rules: ["delete,get,list,watch||secrets", events]),
    Role(namespace: "kube-system", name: "system::leader-locking-kube-controller-manager", rules: leaderLocking("kube-controller-manager")),
    Role(namespace: "kube-system", name: "system::leader-locking-kube-scheduler", rules: leaderLocking("kube-scheduler")),
    Role(namespace: "kube-public", name: "system:controller:bootstrap-signer", rules: [
      "\(reads)||configmaps", "update||configmaps|cluster-info", events,
    ]),
    // kubeadm's.
    Role(namespace: "kube-system", name: "kube-proxy", rules: ["get||configmaps|kube-proxy"], bootstrap: false),
    Role(namespace: "kube-system", name: "kubeadm:kubelet-config", rules: ["get||configmaps|kubelet-config"], bootstrap: false),
    Role(namespace: "kube-system", name: "kubeadm:nodes-kubeadm-config", rules: ["get||configmaps|kubeadm-config"], bootstrap: false),
    Role(namespace: "kube-public", name: "kubeadm:bootstrap-signer-clusterinfo", rules: ["get||configmaps|cluster-info"], bootstrap: false),
    // kind's manifests.
    Role(namespace: "local-path-storage", name: "local-path-provisioner-role", rules: [
      "get,list,watch,create,patch,update,delete||pods",
    ], bootstrap: false),
  ]

  /// The leader-election rules of kube-controller-manager or kube-scheduler
  /// in kube-system.
  static func leaderLocking(_ component: String) -> [String] {
    [
      "watch||configmaps", "get,update||configmaps|\(component)",
      "create,get,list,update,watch|coordination.k8s.io|leases",
      "create,get,list,update,watch|coordination.k8s.io|leasecandidates",
    ]
  }

  static let namespacedBindings: [Binding] = [
    Binding(namespace: "kube-system", name: "system::extension-apiserver-authentication-reader", role: "extension-apiserver-authentication-reader", subjects: [
      "User:system:kube-controller-manager", "User:system:kube-scheduler",
    ]),
    Binding(namespace: "kube-system", name: "system::leader-locking-kube-controller-manager", role: "system::leader-locking-kube-controller-manager", subjects: [
      "User:system:kube-controller-manager", "ServiceAccount:kube-system/kube-controller-manager",
      "ServiceAccount:kube-system/leader-election-controller",
    ]),
    Binding(namespace: "kube-system", name: "system::leader-locking-kube-scheduler", role: "system::leader-locking-kube-scheduler", subjects: [
      "User:system:kube-scheduler", "ServiceAccount:kube-system/kube-scheduler",
    ]),
    Binding(namespace: "kube-system", name: "system:controller:bootstrap-signer", role: "system:controller:bootstrap-signer", subjects: ["ServiceAccount:kube-system/bootstrap-signer"]),
    Binding(namespace: "kube-system", name: "system:controller:cloud-provider", role: "system:controller:cloud-provider", subjects: ["ServiceAccount:kube-system/cloud-provider"]),
    Binding(namespace: "kube-system", name: "system:controller:token-cleaner", role: "system:controller:token-cleaner", subjects: ["ServiceAccount:kube-system/token-cleaner"]),
    Binding(namespace: "kube-public", name: "system:controller:bootstrap-signer", role: "system:controller:bootstrap-signer", subjects: ["ServiceAccount:kube-system/bootstrap-signer"]),
    // kubeadm's.
    Binding(namespace: "kube-system", name: "kube-proxy", role: "kube-proxy", subjects: ["Group:system:bootstrappers:kubeadm:default-node-token"], bootstrap: false),
    Binding(namespace: "kube-system", name: "kubeadm:kubelet-config", role: "kubeadm:kubelet-config", subjects: [
      "Group:system:nodes", "Group:system:bootstrappers:kubeadm:default-node-token",
    ], bootstrap: false),
    Binding(namespace: "kube-system", name: "kubeadm:nodes-kubeadm-config", role: "kubeadm:nodes-kubeadm-config", subjects: [
      "Group:system:bootstrappers:kubeadm:default-node-token", "Group:system:nodes",
    ], bootstrap: false),
    Binding(namespace: "kube-public", name: "kubeadm:bootstrap-signer-clusterinfo", role: "kubeadm:bootstrap-signer-clusterinfo", subjects: ["User:system:anonymous"], bootstrap: false),
    // kind's manifests.
    Binding(namespace: "local-path-storage", name: "local-path-provisioner-bind", role: "local-path-provisioner-role", subjects: [
      "ServiceAccount:local-path-storage/local-path-provisioner-service-account",
    ], bootstrap: false),
  ]

  // MARK: - As objects

  /// One rule string as a PolicyRule tree (keys in the stored order).
  static func rule(_ text: String) -> JSONValue {
    let fields = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    func list(_ field: String) -> JSONValue {
      .array(field.split(separator: ",", omittingEmptySubsequences: false).map { .string(String($0)) })
    }
    if fields.count == 2 {
      return ["nonResourceURLs": list(fields[1]), "verbs": list(fields[0])]
    }
    var rule: JSONValue = ["apiGroups": list(fields[1])]
    if fields.count > 3 { rule["resourceNames"] = list(fields[3]) }
    rule["resources"] = list(fields[2])
    rule["verbs"] = list(fields[0])
    return rule
  }

  static func bootstrapMetadata(_ object: inout Object, extraLabels: [String: String] = [:]) {
    object.annotations = ["rbac.authorization.kubernetes.io/autoupdate": "true"]
    object.labels = ["kubernetes.io/bootstrapping": "rbac-defaults"].merging(extraLabels) { $1 }
  }

  /// The ClusterRoles, with the aggregated roles' rules already gathered
  /// as the clusterrole-aggregation controller leaves them.
  static func clusterRoles() -> [Object] {
    var objects: [String: Object] = [:]
    for role in roles {
      objects[role.name] = roleObject(role, kind: .clusterRole)
    }
    var ordered = objects.values.sorted { $0.name < $1.name }
    // view, then edit (which takes view's), then admin (which takes edit's).
    for name in ["view", "edit", "admin"] {
      guard let index = ordered.firstIndex(where: { $0.name == name }) else { continue }
      ordered[index].content["rules"] = .array(ClusterRoleAggregation.rules(for: ordered[index], among: ordered))
    }
    return ordered
  }

  static func clusterRoleBindings() -> [Object] {
    bindings.map { bindingObject($0, kind: .clusterRoleBinding) }.sorted { $0.name < $1.name }
  }

  /// The Roles of `namespacedRoles`, by namespace and name.
  static func namespacedRoleObjects() -> [Object] {
    namespacedRoles.map { roleObject($0, kind: .role) }
      .sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
  }

  /// A ClusterRole, or a Role of its namespace, as the API server stores it.
  static func roleObject(_ role: Role, kind: Kind) -> Object {
    var object = Object(kind, name: role.name, namespace: kind == .role ? role.namespace : nil)
    if role.bootstrap {
      bootstrapMetadata(&object, extraLabels: Dictionary(uniqueKeysWithValues: role.aggregatedTo.map { ("rbac.authorization.k8s.io/aggregate-to-\($0)", "true") }))
    }
    if let label = role.aggregates {
      object.content["aggregationRule"] = ["clusterRoleSelectors": [["matchLabels": ["rbac.authorization.k8s.io/aggregate-to-\(label)": "true"]]]]
    }
    object.content["rules"] = .array(role.rules.map(rule))
    return object
  }

  /// The RoleBindings of `namespacedBindings`, by namespace and name.
  static func namespacedRoleBindingObjects() -> [Object] {
    namespacedBindings.map { bindingObject($0, kind: .roleBinding) }
      .sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
  }

  /// A binding as the API server stores it: a RoleBinding refers to a Role
  /// of its namespace, a ClusterRoleBinding to a ClusterRole; User and Group
  /// subjects get the RBAC API group by defaulting.
  static func bindingObject(_ binding: Binding, kind: Kind) -> Object {
    var object = Object(kind, name: binding.name, namespace: kind == .roleBinding ? binding.namespace : nil)
    if binding.bootstrap {
      bootstrapMetadata(&object)
    }
    let roleKind: JSONValue = kind == .roleBinding ? "Role" : "ClusterRole"
    object.content["roleRef"] = ["apiGroup": "rbac.authorization.k8s.io", "kind": roleKind, "name": .string(binding.role)]
    let subjects: [JSONValue] = binding.subjects.map { subject in
      let parts = subject.split(separator: ":", maxSplits: 1).map(String.init)
      if parts[0] == "ServiceAccount" {
        let place = parts[1].split(separator: "/").map(String.init)
        return ["kind": "ServiceAccount", "name": .string(place[1]), "namespace": .string(place[0])]
      }
      return ["apiGroup": "rbac.authorization.k8s.io", "kind": .string(parts[0]), "name": .string(parts[1])]
    }
    if !subjects.isEmpty { object.content["subjects"] = .array(subjects) }
    return object
  }

  /// system-cluster-critical and system-node-critical, as the API server's
  /// scheduling post-start hook creates them.
  static func priorityClasses() -> [Object] {
    [
      ("system-cluster-critical", 2_000_000_000, "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary."),
      ("system-node-critical", 2_000_001_000, "Used for system critical pods that must not be moved from their current node."),
    ].map { name, value, description in
      var object = Object(.priorityClass, name: name)
      object.content["description"] = .string(description)
      object.content["preemptionPolicy"] = "PreemptLowerPriority"
      object.content["value"] = .int(value)
      return object
    }
  }
}

extension Cluster {
  /// Stores the default RBAC objects and PriorityClasses that are missing,
  /// as kube-apiserver's post-start hooks do each time it starts.
  ///
  /// They were there first in a real cluster, so they take low
  /// resourceVersions beside the first objects' instead of moving the
  /// counter (what learners create keeps the numbers it always had), and
  /// their UIDs come from a stream of their own, so the cluster's seeded
  /// names and UIDs stay as they were.
  ///
  /// `namespacedOnly` adds only the Roles and RoleBindings (to a cluster
  /// saved before it had them), leaving deleted cluster-scoped defaults
  /// deleted; they come after the cluster-scoped objects in the same UID
  /// stream, so adding them shifted no UID the cluster already had.
  mutating func ensureBootstrapPolicy(createdAt time: Date, seed: UInt64, namespacedOnly: Bool = false) {
    var uids = RandomSource(seed: seed ^ UInt64(RandomSource.fnv32a("bootstrap-policy")))
    var version = 5
    let stamp = JSONValue.string(Timestamp.format(time))
    let objects = BootstrapPolicy.priorityClasses() + BootstrapPolicy.clusterRoles() + BootstrapPolicy.clusterRoleBindings()
      + BootstrapPolicy.namespacedRoleObjects() + BootstrapPolicy.namespacedRoleBindingObjects()
    for var object in objects {
      version += 1
      let uid = uids.uuid()
      guard !store.contains(object.key), !namespacedOnly || object.kind.isNamespaced else { continue }
      // A namespace the learner deleted from a saved cluster stays empty.
      if object.kind.isNamespaced, !store.contains(ObjectKey(.namespace, object.namespace)) { continue }
      object.content[path: "metadata.creationTimestamp"] = stamp
      object.content[path: "metadata.resourceVersion"] = .string(String(min(version, max(store.revision, 1))))
      object.content[path: "metadata.uid"] = .string(uid)
      store.restore(object)
    }
  }
}

extension Cluster {
  /// The Priority admission plugin: a pod's `priorityClassName` (else the
  /// global default class) sets its priority and preemption policy; a class
  /// that does not exist is refused. The two system classes always exist.
  mutating func admitPriority(_ pod: inout Object) throws(APIError) {
    var className = pod.content[path: "spec.priorityClassName"]?.string ?? ""
    if className.isEmpty, let global = store.list(.priorityClass).first(where: { $0.content["globalDefault"]?.bool == true }) {
      className = global.name
      pod.content[path: "spec.priorityClassName"] = .string(className)
    }
    guard !className.isEmpty else { return }
    guard let priorityClass = store.get(ObjectKey(.priorityClass, className))
      ?? BootstrapPolicy.priorityClasses().first(where: { $0.name == className })
    else {
      throw .forbidden(.pod, pod.name, "no PriorityClass with name \(className) was found")
    }
    let value = priorityClass.content["value"]?.int ?? 0
    if let given = pod.content[path: "spec.priority"]?.int, given != value {
      throw .forbidden(.pod, pod.name, "the integer value of priority (\(given)) must not be provided in pod spec; priority admission controller computed \(value) from the given PriorityClass name")
    }
    pod.content[path: "spec.priority"] = .int(value)
    if pod.content[path: "spec.preemptionPolicy"] == nil, let policy = priorityClass.content["preemptionPolicy"] {
      pod.content[path: "spec.preemptionPolicy"] = policy
    }
  }
}
