/// The object kinds the simulated API server serves.
///
/// A closed set on purpose: adding a kind is a deliberate change, and every
/// `switch` over `Kind` shows what else must learn about it.
package enum Kind: String, CaseIterable, Sendable, Hashable, Comparable {
  case binding = "Binding"
  case configMap = "ConfigMap"
  case endpoints = "Endpoints"
  case event = "Event"
  case limitRange = "LimitRange"
  case namespace = "Namespace"
  case node = "Node"
  case persistentVolumeClaim = "PersistentVolumeClaim"
  case persistentVolume = "PersistentVolume"
  case pod = "Pod"
  case resourceQuota = "ResourceQuota"
  case secret = "Secret"
  case serviceAccount = "ServiceAccount"
  case service = "Service"
  case controllerRevision = "ControllerRevision"
  case daemonSet = "DaemonSet"
  case deployment = "Deployment"
  case replicaSet = "ReplicaSet"
  case statefulSet = "StatefulSet"
  case horizontalPodAutoscaler = "HorizontalPodAutoscaler"
  case cronJob = "CronJob"
  case job = "Job"
  case lease = "Lease"
  case endpointSlice = "EndpointSlice"
  case ingressClass = "IngressClass"
  case ingress = "Ingress"
  case networkPolicy = "NetworkPolicy"
  case podDisruptionBudget = "PodDisruptionBudget"
  case clusterRoleBinding = "ClusterRoleBinding"
  case clusterRole = "ClusterRole"
  case roleBinding = "RoleBinding"
  case role = "Role"
  case priorityClass = "PriorityClass"
  case storageClass = "StorageClass"

  // Equality, hashing and order by the case, not by its raw value: a
  // raw-value enum otherwise takes RawRepresentable's `==` and `hash(into:)`,
  // which compare and hash the kind's name on every store read.
  package static func == (lhs: Kind, rhs: Kind) -> Bool { lhs.ordinal == rhs.ordinal }

  package func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }

  /// Ordered by name.
  package static func < (lhs: Kind, rhs: Kind) -> Bool {
    Kind.nameRanks[lhs.ordinal] < Kind.nameRanks[rhs.ordinal]
  }

  /// The kind named exactly `rawValue`. Looked up among the kinds whose
  /// names have its length: the compiler's switch over 36 strings hashed
  /// the name first, at every owner reference and journal entry read.
  package init?(rawValue: String) {
    let length = rawValue.utf8.count
    guard length < Kind.byLength.count, let kind = Kind.byLength[length].first(where: { $0.rawValue == rawValue })
    else { return nil }
    self = kind
  }

  /// The kinds by the length of their names.
  private static let byLength: [[Kind]] = {
    var kinds = [[Kind]](repeating: [], count: (allCases.map(\.rawValue.utf8.count).max() ?? 0) + 1)
    for kind in allCases { kinds[kind.rawValue.utf8.count].append(kind) }
    return kinds
  }()

  /// Each kind's place in the order of their names.
  private static let nameRanks: [Int] = {
    var ranks = [Int](repeating: 0, count: allCases.count)
    for (rank, kind) in allCases.sorted(by: { $0.rawValue < $1.rawValue }).enumerated() {
      ranks[kind.ordinal] = rank
    }
    return ranks
  }()

  /// The case's place in the declaration.
  package var ordinal: Int {
    switch self {
    case .binding: 0
    case .configMap: 1
    case .endpoints: 2
    case .event: 3
    case .limitRange: 4
    case .namespace: 5
    case .node: 6
    case .persistentVolumeClaim: 7
    case .persistentVolume: 8
    case .pod: 9
    case .resourceQuota: 10
    case .secret: 11
    case .serviceAccount: 12
    case .service: 13
    case .controllerRevision: 14
    case .daemonSet: 15
    case .deployment: 16
    case .replicaSet: 17
    case .statefulSet: 18
    case .horizontalPodAutoscaler: 19
    case .cronJob: 20
    case .job: 21
    case .lease: 22
    case .endpointSlice: 23
    case .ingressClass: 24
    case .ingress: 25
    case .networkPolicy: 26
    case .podDisruptionBudget: 27
    case .clusterRoleBinding: 28
    case .clusterRole: 29
    case .roleBinding: 30
    case .role: 31
    case .priorityClass: 32
    case .storageClass: 33
    }
  }

  /// The API group; empty for the core group.
  package var group: String {
    switch self {
    case .binding, .configMap, .endpoints, .event, .limitRange, .namespace, .node,
      .persistentVolumeClaim, .persistentVolume, .pod, .resourceQuota, .secret,
      .serviceAccount, .service:
      ""
    case .controllerRevision, .daemonSet, .deployment, .replicaSet, .statefulSet: "apps"
    case .horizontalPodAutoscaler: "autoscaling"
    case .cronJob, .job: "batch"
    case .lease: "coordination.k8s.io"
    case .endpointSlice: "discovery.k8s.io"
    case .ingressClass, .ingress, .networkPolicy: "networking.k8s.io"
    case .podDisruptionBudget: "policy"
    case .clusterRoleBinding, .clusterRole, .roleBinding, .role: "rbac.authorization.k8s.io"
    case .priorityClass: "scheduling.k8s.io"
    case .storageClass: "storage.k8s.io"
    }
  }

  package var version: String {
    self == .horizontalPodAutoscaler ? "v2" : "v1"
  }

  /// `v1`, `apps/v1`: the `apiVersion` objects of this kind carry.
  package var apiVersion: String {
    group.isEmpty ? version : "\(group)/\(version)"
  }

  /// The plural resource name, as in URLs and `kubectl get`.
  package var resource: String {
    switch self {
    case .endpoints: "endpoints"
    case .ingressClass: "ingressclasses"
    case .storageClass: "storageclasses"
    case .priorityClass: "priorityclasses"
    case .ingress: "ingresses"
    case .networkPolicy: "networkpolicies"
    default: rawValue.lowercased() + "s"
    }
  }


  /// The verbs discovery lists for the kind, as a 1.32 API server does:
  /// bindings are only created, namespaces have no deletecollection.
  package var verbs: [String] {
    switch self {
    case .binding: ["create"]
    case .namespace: ["create", "delete", "get", "list", "patch", "update", "watch"]
    default: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
    }
  }

  /// The categories discovery lists: `all` for what `kubectl get all` shows.
  package var categories: [String] {
    switch self {
    case .pod, .service, .daemonSet, .deployment, .replicaSet, .statefulSet, .horizontalPodAutoscaler, .cronJob, .job:
      ["all"]
    default: []
    }
  }

  /// The singular lower-case name kubectl accepts (`pod`, `deployment`).
  package var singular: String { rawValue.lowercased() }

  /// The short names `kubectl api-resources` lists.
  package var shortNames: [String] {
    switch self {
    case .configMap: ["cm"]
    case .endpoints: ["ep"]
    case .event: ["ev"]
    case .limitRange: ["limits"]
    case .namespace: ["ns"]
    case .node: ["no"]
    case .persistentVolumeClaim: ["pvc"]
    case .persistentVolume: ["pv"]
    case .pod: ["po"]
    case .resourceQuota: ["quota"]
    case .serviceAccount: ["sa"]
    case .service: ["svc"]
    case .daemonSet: ["ds"]
    case .deployment: ["deploy"]
    case .replicaSet: ["rs"]
    case .statefulSet: ["sts"]
    case .horizontalPodAutoscaler: ["hpa"]
    case .cronJob: ["cj"]
    case .ingress: ["ing"]
    case .networkPolicy: ["netpol"]
    case .podDisruptionBudget: ["pdb"]
    case .priorityClass: ["pc"]
    case .storageClass: ["sc"]
    default: []
    }
  }

  package var isNamespaced: Bool {
    switch self {
    case .namespace, .node, .persistentVolume, .ingressClass, .clusterRoleBinding,
      .clusterRole, .priorityClass, .storageClass:
      false
    default: true
    }
  }

  /// The resource qualified by its group, as kubectl prints it in messages:
  /// `pods`, `deployments.apps`.
  package var groupResource: String {
    group.isEmpty ? resource : "\(resource).\(group)"
  }

  /// The singular form with its group, as in `deployment.apps/web created`.
  package var groupSingular: String {
    group.isEmpty ? singular : "\(singular).\(group)"
  }

  /// Whether `kubectl api-resources` and `kubectl get` expose the kind.
  ///
  /// `Binding` exists only as a subresource-like create target.
  package var isListable: Bool { self != .binding }

  /// Finds the kind a manifest names by `apiVersion` and `kind`.
  package static func from(apiVersion: String, kind: String) -> Kind? {
    guard let found = Kind(rawValue: kind), found.apiVersion == apiVersion else { return nil }
    return found
  }
}
