extension Schema {
  /// A defaulting function for one Go struct, like apimachinery's
  /// `SetDefaults_<Type>`.
  ///
  /// It receives the struct's JSON object.
  typealias Defaulter = @Sendable (inout JSONValue) -> Void

  /// The defaulting functions of Kubernetes 1.32, by struct key.
  ///
  /// They run
  /// parent first, the way the generated `SetObjectDefaults_*` functions call
  /// them, wherever the struct appears (a PodSpec in a Pod, a Deployment or
  /// a CronJob's job template alike).
  static let defaulters: [String: Defaulter] = [
    // core/v1
    "core.Pod": { pod in
      for list in ["containers", "initContainers"] {
        guard var containers = pod["spec"]?[list]?.array else { continue }
        for index in containers.indices {
          guard let limits = containers[index]["resources"]?["limits"]?.object else { continue }
          var requests = containers[index]["resources"]?["requests"]?.object ?? JSONObject()
          for (name, value) in limits where requests[name] == nil { requests[name] = value }
          containers[index]["resources"]?["requests"] = .object(requests)
        }
        pod["spec"]?[list] = .array(containers)
      }
      pod["spec"]?.defaultPointer("enableServiceLinks", true)
      if pod["spec"]?["hostNetwork"] == true {
        for list in ["containers", "initContainers"] {
          guard var containers = pod["spec"]?[list]?.array else { continue }
          for index in containers.indices {
            guard var ports = containers[index]["ports"]?.array else { continue }
            for port in ports.indices where ports[port]["hostPort"].isUnset {
              ports[port]["hostPort"] = ports[port]["containerPort"]
            }
            containers[index]["ports"] = .array(ports)
          }
          pod["spec"]?[list] = .array(containers)
        }
      }
    },
    "core.PodSpec": { spec in
      spec.defaultString("dnsPolicy", "ClusterFirst")
      spec.defaultString("restartPolicy", "Always")
      spec.defaultPointer("securityContext", .emptyObject)
      spec.defaultPointer("terminationGracePeriodSeconds", 30)
      spec.defaultString("schedulerName", "default-scheduler")
    },
    "core.Container": defaultContainer,
    "core.EphemeralContainer": defaultContainer,
    "core.ContainerPort": { port in port.defaultString("protocol", "TCP") },
    "core.Probe": { probe in
      probe.defaultInteger("timeoutSeconds", 1)
      probe.defaultInteger("periodSeconds", 10)
      probe.defaultInteger("successThreshold", 1)
      probe.defaultInteger("failureThreshold", 3)
    },
    "core.HTTPGetAction": { action in
      action.defaultString("path", "/")
      action.defaultString("scheme", "HTTP")
    },
    "core.GRPCAction": { action in action.defaultPointer("service", "") },
    "core.Volume": { volume in
      let sources = Schema.structSchema("core.Volume")?.fields.map(\.name).filter { $0 != "name" }
      if (sources ?? []).allSatisfy({ volume[$0] == nil || volume[$0] == .null }) {
        volume["emptyDir"] = .emptyObject
      }
    },
    "core.SecretVolumeSource": { source in source.defaultPointer("defaultMode", 420) },
    "core.ConfigMapVolumeSource": { source in source.defaultPointer("defaultMode", 420) },
    "core.DownwardAPIVolumeSource": { source in source.defaultPointer("defaultMode", 420) },
    "core.ProjectedVolumeSource": { source in source.defaultPointer("defaultMode", 420) },
    "core.ServiceAccountTokenProjection": { token in
      token.defaultPointer("expirationSeconds", 3600)
    },
    "core.HostPathVolumeSource": { source in source.defaultPointer("type", "") },
    "core.ObjectFieldSelector": { selector in selector.defaultString("apiVersion", "v1") },
    "core.Secret": { secret in secret.defaultString("type", "Opaque") },
    "core.PersistentVolumeClaim": { claim in
      if claim["status"] == nil || claim["status"] == .null { claim["status"] = .emptyObject }
      claim["status"]?.defaultString("phase", "Pending")
    },
    "core.PersistentVolumeClaimSpec": { spec in spec.defaultPointer("volumeMode", "Filesystem") },
    "core.PersistentVolume": { volume in
      if volume["status"] == nil || volume["status"] == .null { volume["status"] = .emptyObject }
      volume["status"]?.defaultString("phase", "Pending")
      if volume["spec"] == nil { volume["spec"] = .emptyObject }
      volume["spec"]?.defaultString("persistentVolumeReclaimPolicy", "Retain")
      volume["spec"]?.defaultPointer("volumeMode", "Filesystem")
    },
    "core.EndpointPort": { port in port.defaultString("protocol", "TCP") },
    "core.Service": defaultService,
    "core.Namespace": { namespace in
      if let name = namespace["metadata"]?["name"]?.string, !name.isEmpty {
        namespace["metadata"]?["labels"]?["kubernetes.io/metadata.name"] = nil
        if namespace["metadata"]?["labels"]?.object == nil {
          namespace["metadata"]?["labels"] = .emptyObject
        }
        namespace["metadata"]?["labels"]?["kubernetes.io/metadata.name"] = .string(name)
      }
      if namespace["spec"] == nil || namespace["spec"] == .null {
        namespace["spec"] = .emptyObject
      }
      if namespace["spec"]?["finalizers"].isUnset ?? true {
        namespace["spec"]?["finalizers"] = ["kubernetes"]
      }
      if namespace["status"] == nil || namespace["status"] == .null {
        namespace["status"] = .emptyObject
      }
    },
    "core.NamespaceStatus": { status in status.defaultString("phase", "Active") },
    "core.NodeStatus": { status in
      if status["allocatable"] == nil, let capacity = status["capacity"], capacity != .null {
        status["allocatable"] = capacity
      }
    },
    "core.LimitRangeItem": { item in
      guard item["type"] == "Container" else { return }
      var defaults = item["default"]?.object ?? JSONObject()
      var requests = item["defaultRequest"]?.object ?? JSONObject()
      for (name, value) in item["max"]?.object ?? JSONObject() where defaults[name] == nil {
        defaults[name] = value
      }
      for (name, value) in defaults where requests[name] == nil { requests[name] = value }
      for (name, value) in item["min"]?.object ?? JSONObject() where requests[name] == nil {
        requests[name] = value
      }
      if !defaults.isEmpty { item["default"] = .object(defaults) }
      if !requests.isEmpty { item["defaultRequest"] = .object(requests) }
    },
    // apps/v1
    "apps.Deployment": { deployment in
      deployment.defaultObject("spec")
      deployment["spec"]?.defaultPointer("replicas", 1)
      deployment["spec"]?.defaultObject("strategy")
      deployment["spec"]?["strategy"]?.defaultString("type", "RollingUpdate")
      if deployment["spec"]?["strategy"]?["type"] == "RollingUpdate" {
        deployment["spec"]?["strategy"]?.defaultObject("rollingUpdate")
        deployment["spec"]?["strategy"]?["rollingUpdate"]?.defaultPointer("maxUnavailable", "25%")
        deployment["spec"]?["strategy"]?["rollingUpdate"]?.defaultPointer("maxSurge", "25%")
      }
      deployment["spec"]?.defaultPointer("revisionHistoryLimit", 10)
      deployment["spec"]?.defaultPointer("progressDeadlineSeconds", 600)
    },
    "apps.DaemonSet": { daemonSet in
      daemonSet.defaultObject("spec")
      daemonSet["spec"]?.defaultObject("updateStrategy")
      daemonSet["spec"]?["updateStrategy"]?.defaultString("type", "RollingUpdate")
      if daemonSet["spec"]?["updateStrategy"]?["type"] == "RollingUpdate" {
        daemonSet["spec"]?["updateStrategy"]?.defaultObject("rollingUpdate")
        daemonSet["spec"]?["updateStrategy"]?["rollingUpdate"]?.defaultPointer("maxUnavailable", 1)
        daemonSet["spec"]?["updateStrategy"]?["rollingUpdate"]?.defaultPointer("maxSurge", 0)
      }
      daemonSet["spec"]?.defaultPointer("revisionHistoryLimit", 10)
    },
    "apps.StatefulSet": { statefulSet in
      statefulSet.defaultObject("spec")
      statefulSet["spec"]?.defaultString("podManagementPolicy", "OrderedReady")
      statefulSet["spec"]?.defaultObject("updateStrategy")
      if statefulSet["spec"]?["updateStrategy"]?["type"].isUnset ?? true {
        statefulSet["spec"]?["updateStrategy"]?["type"] = "RollingUpdate"
        statefulSet["spec"]?["updateStrategy"]?.defaultObject("rollingUpdate")
      }
      if statefulSet["spec"]?["updateStrategy"]?["type"] == "RollingUpdate",
        statefulSet["spec"]?["updateStrategy"]?["rollingUpdate"]?.object != nil
      {
        statefulSet["spec"]?["updateStrategy"]?["rollingUpdate"]?.defaultPointer("partition", 0)
      }
      statefulSet["spec"]?.defaultObject("persistentVolumeClaimRetentionPolicy")
      statefulSet["spec"]?["persistentVolumeClaimRetentionPolicy"]?.defaultString(
        "whenDeleted", "Retain")
      statefulSet["spec"]?["persistentVolumeClaimRetentionPolicy"]?.defaultString(
        "whenScaled", "Retain")
      statefulSet["spec"]?.defaultPointer("replicas", 1)
      statefulSet["spec"]?.defaultPointer("revisionHistoryLimit", 10)
    },
    "apps.ReplicaSet": { replicaSet in
      replicaSet.defaultObject("spec")
      replicaSet["spec"]?.defaultPointer("replicas", 1)
    },
    // batch/v1
    "batch.Job": { job in
      job.defaultObject("spec")
      guard var spec = job["spec"] else { return }
      if spec["completions"] == nil && spec["parallelism"] == nil {
        spec["completions"] = 1
        spec["parallelism"] = 1
      }
      spec.defaultPointer("parallelism", 1)
      if spec["backoffLimitPerIndex"] == nil || spec["backoffLimitPerIndex"] == .null {
        spec.defaultPointer("backoffLimit", 6)
      } else {
        spec.defaultPointer("backoffLimit", .int(Int(Int32.max)))
      }
      spec.defaultPointer("completionMode", "NonIndexed")
      spec.defaultPointer("suspend", false)
      let hasFailurePolicy = spec["podFailurePolicy"] != nil && spec["podFailurePolicy"] != .null
      // A pod condition pattern matches status True unless it says otherwise.
      if var rules = spec["podFailurePolicy"]?["rules"]?.array {
        for index in rules.indices {
          guard var patterns = rules[index]["onPodConditions"]?.array else { continue }
          for position in patterns.indices where patterns[position]["status"].isUnset {
            patterns[position]["status"] = "True"
          }
          rules[index]["onPodConditions"] = .array(patterns)
        }
        spec["podFailurePolicy"]?["rules"] = .array(rules)
      }
      spec.defaultPointer(
        "podReplacementPolicy", hasFailurePolicy ? "Failed" : "TerminatingOrFailed")
      job["spec"] = spec
      if let labels = job["spec"]?["template"]?["metadata"]?["labels"], labels.object != nil,
        job["metadata"]?["labels"].isUnset ?? true
      {
        job.defaultObject("metadata")
        job["metadata"]?["labels"] = labels
      }
    },
    "batch.CronJob": { cronJob in
      cronJob.defaultObject("spec")
      cronJob["spec"]?.defaultString("concurrencyPolicy", "Allow")
      cronJob["spec"]?.defaultPointer("suspend", false)
      cronJob["spec"]?.defaultPointer("successfulJobsHistoryLimit", 3)
      cronJob["spec"]?.defaultPointer("failedJobsHistoryLimit", 1)
    },
    // autoscaling/v2
    "autoscaling.HorizontalPodAutoscaler": { autoscaler in
      autoscaler.defaultObject("spec")
      autoscaler["spec"]?.defaultPointer("minReplicas", 1)
      if autoscaler["spec"]?["metrics"].isUnset ?? true {
        autoscaler["spec"]?["metrics"] = [
          [
            "type": "Resource",
            "resource": [
              "name": "cpu", "target": ["type": "Utilization", "averageUtilization": 80],
            ],
          ]
        ]
      }
      guard var behavior = autoscaler["spec"]?["behavior"], behavior.object != nil else { return }
      behavior.defaultScalingRules(
        "scaleUp", window: 0,
        policies: [
          ["type": "Pods", "value": 4, "periodSeconds": 15],
          ["type": "Percent", "value": 100, "periodSeconds": 15],
        ])
      behavior.defaultScalingRules(
        "scaleDown", window: 300,
        policies: [["type": "Percent", "value": 100, "periodSeconds": 15]])
      autoscaler["spec"]?["behavior"] = behavior
    },
    // networking.k8s.io/v1
    "networking.NetworkPolicy": { policy in
      policy.defaultObject("spec")
      guard policy["spec"]?["policyTypes"].isUnset ?? true else { return }
      var types: [JSONValue] = ["Ingress"]
      if let egress = policy["spec"]?["egress"]?.array, !egress.isEmpty { types.append("Egress") }
      policy["spec"]?["policyTypes"] = .array(types)
    },
    "networking.NetworkPolicyPort": { port in port.defaultPointer("protocol", "TCP") },
    "networking.IngressClassParametersReference": { reference in
      reference.defaultPointer("scope", "Cluster")
    },
    // discovery.k8s.io/v1
    "discovery.EndpointPort": { port in port.defaultPointer("protocol", "TCP") },
    // policy/v1, rbac, scheduling, storage
    "rbac.Subject": { subject in
      guard subject["apiGroup"] == nil || subject["apiGroup"] == "" else { return }
      switch subject["kind"]?.string {
      case "User", "Group": subject["apiGroup"] = "rbac.authorization.k8s.io"
      case "ServiceAccount": subject["apiGroup"] = ""
      default: break
      }
    },
    "rbac.RoleRef": { reference in
      reference.defaultString("apiGroup", "rbac.authorization.k8s.io")
    },
    "scheduling.PriorityClass": { priorityClass in
      priorityClass.defaultPointer("preemptionPolicy", "PreemptLowerPriority")
    },
    "storage.StorageClass": { storageClass in
      storageClass.defaultPointer("reclaimPolicy", "Delete")
      storageClass.defaultPointer("volumeBindingMode", "Immediate")
    },
  ]

  @Sendable private static func defaultContainer(_ container: inout JSONValue) {
    if container["imagePullPolicy"].isUnset {
      let image = container["image"]?.string ?? ""
      container["imagePullPolicy"] = .string(ImageTag(image).defaultPullPolicy)
    }
    container.defaultString("terminationMessagePath", "/dev/termination-log")
    container.defaultString("terminationMessagePolicy", "File")
  }

  @Sendable private static func defaultService(_ service: inout JSONValue) {
    service.defaultObject("spec")
    guard var spec = service["spec"] else { return }
    spec.defaultString("sessionAffinity", "None")
    if spec["sessionAffinity"] == "None" {
      spec["sessionAffinityConfig"] = nil
    } else if spec["sessionAffinity"] == "ClientIP",
      spec["sessionAffinityConfig"]?["clientIP"]?["timeoutSeconds"] == nil
    {
      spec["sessionAffinityConfig"] = ["clientIP": ["timeoutSeconds": 10800]]
    }
    spec.defaultString("type", "ClusterIP")
    if var ports = spec["ports"]?.array {
      for index in ports.indices {
        ports[index].defaultString("protocol", "TCP")
        if ports[index]["targetPort"].isUnset {
          ports[index]["targetPort"] = ports[index]["port"] ?? 0
        }
      }
      spec["ports"] = .array(ports)
    }
    let type = spec["type"]?.string ?? ""
    let externallyAccessible =
      type == "LoadBalancer" || type == "NodePort"
      || (type == "ClusterIP" && !(spec["externalIPs"]?.array?.isEmpty ?? true))
    if externallyAccessible { spec.defaultString("externalTrafficPolicy", "Cluster") }
    if ["NodePort", "LoadBalancer", "ClusterIP"].contains(type) {
      spec.defaultPointer("internalTrafficPolicy", "Cluster")
    }
    if type == "LoadBalancer" { spec.defaultPointer("allocateLoadBalancerNodePorts", true) }
    service["spec"] = spec
  }

  /// Fills in what the API server's defaulting fills in on a create or an
  /// update: the `SetDefaults_*` functions of every struct in the object,
  /// quantities in canonical form (resource lists rounded up to thousandths),
  /// and the empty values Go's JSON encoder always writes, such as
  /// `resources: {}`, `status: {}` and a pod template's
  /// `creationTimestamp: null`.
  ///
  /// Also sets a namespace's `spec.finalizers` to `[kubernetes]`, which the
  /// real server does in its create strategy. Keys the user wrote keep their
  /// places; new keys are appended.
  package static func applyDefaults(to object: inout Object) {
    var content = object.content
    let type = FieldType.object(rootKey(for: object.kind))
    applyDefaulters(&content, type: type)
    materialize(&content, type: type)
    object.content = content
  }

  /// Runs the defaulting functions over `value`, parent before children.
  static func applyDefaulters(_ value: inout JSONValue, type: FieldType) {
    if case .null = value { return }
    switch type {
    case .named("v1.ResourceList", .map(.quantity)):
      guard var map = value.object else { return }
      for (key, quantity) in map {
        map[key] = canonicalQuantity(quantity, roundToMilli: true)
      }
      value = .object(map)
    case .named(_, let inner):
      applyDefaulters(&value, type: inner)
    case .quantity:
      value = canonicalQuantity(value, roundToMilli: false)
    case .object(let key):
      guard value.object != nil, let schema = structSchema(key) else { return }
      defaulters[key]?(&value)
      guard var object = value.object else { return }
      for field in schema.fields {
        guard var member = object[field.name] else { continue }
        applyDefaulters(&member, type: field.type)
        object[field.name] = member
      }
      value = .object(object)
    case .array(let element):
      guard var items = value.array else { return }
      for index in items.indices { applyDefaulters(&items[index], type: element) }
      value = .array(items)
    case .map(let element):
      guard var map = value.object else { return }
      for (key, member) in map {
        var member = member
        applyDefaulters(&member, type: element)
        map[key] = member
      }
      value = .object(map)
    default:
      break
    }
  }

  private static func canonicalQuantity(_ value: JSONValue, roundToMilli: Bool) -> JSONValue {
    let text: String
    switch value {
    case .string(let string): text = string
    case .int, .double: text = value.scalarText
    default: return value
    }
    guard var quantity = try? Quantity(parsing: text.trimmingCharacters(in: .whitespaces)) else {
      return value
    }
    if roundToMilli { quantity = quantity.roundedUpToMilli }
    return .string(quantity.description)
  }

  /// Adds the fields Go's JSON encoder writes even when unset: struct values
  /// as `{}` (then filled the same way), times as null, and fields without
  /// `omitempty` as their zero values.
  static func materialize(_ value: inout JSONValue, type: FieldType) {
    switch type {
    case .named(_, let inner):
      materialize(&value, type: inner)
    case .object(let key):
      guard var object = value.object, let schema = structSchema(key) else { return }
      for field in schema.fields {
        if var member = object[field.name] {
          materialize(&member, type: field.type)
          object[field.name] = member
        } else if field.isAlwaysEmitted {
          var zero = field.isPointer ? JSONValue.null : zeroValue(field.type)
          materialize(&zero, type: field.type)
          object[field.name] = zero
        }
      }
      value = .object(object)
    case .array(let element):
      guard var items = value.array else { return }
      for index in items.indices { materialize(&items[index], type: element) }
      value = .array(items)
    case .map(let element):
      guard var map = value.object else { return }
      for (key, member) in map {
        var member = member
        materialize(&member, type: element)
        map[key] = member
      }
      value = .object(map)
    default:
      break
    }
  }

  /// What Go's encoder writes for an unset field of this type.
  static func zeroValue(_ type: FieldType) -> JSONValue {
    switch type {
    case .string: ""
    case .int32, .int64, .number, .intOrString: 0
    case .boolean: false
    case .quantity: "0"
    case .object, .anyObject: .emptyObject
    case .named(_, let inner): zeroValue(inner)
    case .time, .bytes, .freeForm, .array, .map: .null
    }
  }
}

extension JSONValue {
  /// Makes `key` an empty object when it is absent or null.
  mutating func defaultObject(_ key: String) {
    if self[key] == nil || self[key] == .null { self[key] = .emptyObject }
  }

  /// Fills one direction of an autoscaler's behavior, as
  /// `GenerateHPAScaleUpRules` and `GenerateHPAScaleDownRules` do.
  mutating func defaultScalingRules(_ key: String, window: Int, policies: JSONValue) {
    defaultObject(key)
    self[key]?.defaultPointer("stabilizationWindowSeconds", .int(window))
    self[key]?.defaultPointer("selectPolicy", "Max")
    if self[key]?["policies"].isUnset ?? true { self[key]?["policies"] = policies }
  }
}
