import Foundation

extension Cluster {
  /// The Quality of Service class the API server records for a pod.
  func qosClass(_ pod: Object) -> String {
    let containers =
      (pod.content[path: "spec.containers"]?.array ?? [])
      + (pod.content[path: "spec.initContainers"]?.array ?? [])
    var anySet = false
    var guaranteed = true
    for container in containers {
      let requests = container[path: "resources.requests"]?.object ?? JSONObject()
      let limits = container[path: "resources.limits"]?.object ?? JSONObject()
      if !requests.isEmpty || !limits.isEmpty { anySet = true }
      for resource in ["cpu", "memory"] {
        guard let limit = Quantity(limits[resource]) else {
          guaranteed = false
          continue
        }
        if let request = Quantity(requests[resource]), request != limit { guaranteed = false }
      }
    }
    if !anySet { return "BestEffort" }
    return guaranteed ? "Guaranteed" : "Burstable"
  }

  /// Admission plugins that change or refuse a new object: service
  /// accounts and default tolerations for pods, address allocation for
  /// services.
  mutating func admitCreate(_ object: inout Object, dryRun: Bool) throws(APIError) {
    // Quota is checked before addresses are allocated, so a refused
    // Service holds none; a pod is checked once LimitRanger has set its
    // defaults.
    if object.kind != .pod { try admitQuota(object) }
    switch object.kind {
    case .pod:
      try admitPod(&object)
      try admitLimitRanges(&object)
      object.content[path: "status.qosClass"] = .string(qosClass(object))
      try admitQuota(object)
    case .service: try allocateService(&object, old: nil, dryRun: dryRun)
    case .persistentVolumeClaim: admitClaim(&object)
    default: break
    }
  }

  /// DefaultStorageClass and StorageObjectInUseProtection: a claim without a
  /// class gets the default one, and every claim the protection finalizer.
  private func admitClaim(_ claim: inout Object) {
    if claim.content[path: "spec.storageClassName"] == nil,
      let standard = store.list(.storageClass).first(where: {
        $0.annotations["storageclass.kubernetes.io/is-default-class"] == "true"
      })
    {
      claim.content[path: "spec.storageClassName"] = .string(standard.name)
    }
    if !claim.finalizers.contains("kubernetes.io/pvc-protection") {
      claim.finalizers = claim.finalizers + ["kubernetes.io/pvc-protection"]
    }
  }

  mutating func admitUpdate(_ object: inout Object, current: Object) {
    switch object.kind {
    case .pod:
      // Fields the server set at creation survive a replace that omits them.
      for path in ["spec.serviceAccountName", "spec.serviceAccount", "spec.nodeName", "spec.volumes", "spec.tolerations", "spec.priority", "spec.enableServiceLinks", "spec.preemptionPolicy"]
      where object.content[path: path] == nil {
        object.content[path: path] = current.content[path: path]
      }
    case .service:
      for path in ["spec.clusterIP", "spec.clusterIPs", "spec.ipFamilies", "spec.ipFamilyPolicy"]
      where object.content[path: path] == nil {
        object.content[path: path] = current.content[path: path]
      }
      try? allocateService(&object, old: current, dryRun: false)
    default:
      break
    }
  }

  /// DefaultTolerationSeconds' tolerations, by the taint they tolerate,
  /// shared by every pod that gets them.
  private static let defaultTolerations: [(String, JSONValue)] =
    ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"].map { taint in
      (taint, ["key": .string(taint), "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300])
    }

  private mutating func admitPod(_ pod: inout Object) throws(APIError) {
    let isMirror = pod.annotations["kubernetes.io/config.mirror"] != nil
    if !isMirror {
      let account =
        pod.content[path: "spec.serviceAccountName"]?.string
        ?? pod.content[path: "spec.serviceAccount"]?.string ?? "default"
      guard store.contains(ObjectKey(.serviceAccount, account, in: pod.namespace)) else {
        throw .forbidden(
          .pod, pod.name,
          "error looking up service account \(pod.namespace)/\(account): serviceaccount \"\(account)\" not found"
        )
      }
      pod.content[path: "spec.serviceAccountName"] = .string(account)
      pod.content[path: "spec.serviceAccount"] = .string(account)
      if pod.content[path: "spec.automountServiceAccountToken"]?.bool != false {
        mountServiceAccountToken(&pod)
      }
    }
    var tolerations = pod.content[path: "spec.tolerations"]?.array ?? []
    for (taint, toleration) in Cluster.defaultTolerations
    where !tolerations.contains(where: { $0["key"]?.string == taint }) {
      tolerations.append(toleration)
    }
    pod.content[path: "spec.tolerations"] = .array(tolerations)
    try admitPriority(&pod)
    if pod.content[path: "spec.priority"] == nil { pod.content[path: "spec.priority"] = 0 }
    if pod.content[path: "spec.enableServiceLinks"] == nil {
      pod.content[path: "spec.enableServiceLinks"] = true
    }
    if pod.content[path: "spec.preemptionPolicy"] == nil {
      pod.content[path: "spec.preemptionPolicy"] = "PreemptLowerPriority"
    }
  }

  /// The projection of every `kube-api-access-*` volume: one value that all
  /// pods share (the tree is copied on write), not one copy per pod.
  private static let serviceAccountProjection: JSONValue = [
    "defaultMode": 420,
    "sources": [
      ["serviceAccountToken": ["expirationSeconds": 3607, "path": "token"]],
      ["configMap": ["name": "kube-root-ca.crt", "items": [["key": "ca.crt", "path": "ca.crt"]]]],
      [
        "downwardAPI": [
          "items": [
            [
              "path": "namespace",
              "fieldRef": ["apiVersion": "v1", "fieldPath": "metadata.namespace"],
            ]
          ]
        ]
      ],
    ],
  ]

  /// The projected `kube-api-access-*` volume the service account admission
  /// plugin adds, mounted in every container.
  private mutating func mountServiceAccountToken(_ pod: inout Object) {
    let volumes = pod.content[path: "spec.volumes"]?.array ?? []
    guard !volumes.contains(where: { $0["name"]?.string?.hasPrefix("kube-api-access-") == true })
    else { return }
    let name = "kube-api-access-" + random.nameSuffix()
    let volume: JSONValue = ["name": .string(name), "projected": Cluster.serviceAccountProjection]
    pod.content[path: "spec.volumes"] = .array(volumes + [volume])
    for field in ["containers", "initContainers"] {
      guard var containers = pod.content[path: "spec.\(field)"]?.array else { continue }
      for index in containers.indices {
        var mounts = containers[index]["volumeMounts"]?.array ?? []
        mounts.append([
          "name": .string(name), "readOnly": true,
          "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount",
        ])
        containers[index]["volumeMounts"] = .array(mounts)
      }
      pod.content[path: "spec.\(field)"] = .array(containers)
    }
  }

  /// Gives a Service its ClusterIP and NodePorts, refusing ones in use.
  private mutating func allocateService(_ service: inout Object, old: Object?, dryRun: Bool)
    throws(APIError)
  {
    let type = service.content[path: "spec.type"]?.string ?? "ClusterIP"
    var problems: [FieldError] = []
    if type != "ExternalName" {
      let requested = service.content[path: "spec.clusterIP"]?.string ?? ""
      let oldIP = old?.content[path: "spec.clusterIP"]?.string
      if requested == "None" {
        service.content[path: "spec.clusterIPs"] = ["None"]
      } else if !requested.isEmpty && requested != oldIP {
        if network.isServiceIPInUse(requested) {
          problems.append(
            .invalid(
              "spec.clusterIPs", .array([.string(requested)]),
              "failed to allocate IP \(requested): provided IP is already allocated"))
        } else if !dryRun {
          _ = network.claimServiceIP(requested)
        }
        service.content[path: "spec.clusterIPs"] = [.string(requested)]
      } else if requested.isEmpty {
        let ip = dryRun ? "10.96.0.0" : network.allocateServiceIP(random: &random)
        service.content[path: "spec.clusterIP"] = .string(ip)
        service.content[path: "spec.clusterIPs"] = [.string(ip)]
      }
      if service.content[path: "spec.ipFamilies"] == nil {
        service.content[path: "spec.ipFamilies"] = ["IPv4"]
      }
      if service.content[path: "spec.ipFamilyPolicy"] == nil {
        service.content[path: "spec.ipFamilyPolicy"] = "SingleStack"
      }
    }
    if type == "NodePort" || type == "LoadBalancer" {
      var ports = service.content[path: "spec.ports"]?.array ?? []
      let oldPorts = Set(old?.content[path: "spec.ports"]?.array?.compactMap { $0["nodePort"]?.int } ?? [])
      for index in ports.indices {
        if let requested = ports[index]["nodePort"]?.int {
          guard !oldPorts.contains(requested) else { continue }
          if network.isNodePortInUse(requested) {
            problems.append(
              .invalid(
                "spec.ports[\(index)].nodePort", .int(requested),
                "provided port is already allocated"))
          } else if !(30000...32767).contains(requested) {
            problems.append(
              .invalid(
                "spec.ports[\(index)].nodePort", .int(requested),
                "provided port is not in the valid range. The range of valid ports is 30000-32767"))
          } else if !dryRun {
            _ = network.claimNodePort(requested)
          }
        } else {
          ports[index]["nodePort"] = .int(dryRun ? 30000 : network.allocateNodePort(random: &random))
        }
      }
      service.content[path: "spec.ports"] = .array(ports)
    }
    if !problems.isEmpty { throw .invalid(.service, service.name, problems) }
  }
}
