extension Schema {
  /// Fills in the cluster IP fields a Service's registry sets on create,
  /// after `applyDefaults(to:)`: `ipFamilyPolicy` and `ipFamilies` for this
  /// single-stack IPv4 cluster, and `clusterIP`/`clusterIPs` from
  /// `allocatedClusterIP` unless the service is headless or ExternalName.
  ///
  /// A headless service without a selector gets `RequireDualStack`, as the
  /// real allocator gives it; every other non-ExternalName service gets
  /// `SingleStack`. Node ports are left to the caller.
  package static func serviceAllocationDefaults(
    to object: inout Object, allocatedClusterIP: String? = nil
  ) {
    guard object.kind == .service, var spec = object.content["spec"], spec.object != nil else {
      return
    }
    guard spec["type"] != "ExternalName" else { return }
    let headless = spec["clusterIP"] == "None"
    if spec["clusterIP"].isUnset, let allocatedClusterIP {
      spec["clusterIP"] = .string(allocatedClusterIP)
    }
    if spec["clusterIPs"].isUnset, let clusterIP = spec["clusterIP"]?.string, !clusterIP.isEmpty {
      spec["clusterIPs"] = [.string(clusterIP)]
    }
    let selectorless = spec["selector"].isUnset
    spec.defaultPointer(
      "ipFamilyPolicy", headless && selectorless ? "RequireDualStack" : "SingleStack")
    if spec["ipFamilies"].isUnset { spec["ipFamilies"] = ["IPv4"] }
    object.content["spec"] = spec
  }

  /// What the registry's create strategies add that defaulting does not:
  /// a pod starts in phase `Pending` with its QoS class, a Job without
  /// `manualSelector` gets a selector and pod labels keyed by its UID (set
  /// `metadata.uid` first), and objects whose spec the controllers track
  /// start at `metadata.generation` 1.
  package static func prepareForCreate(_ object: inout Object) {
    if object.kind == .job { generateJobSelector(&object) }
    switch object.kind {
    case .pod:
      var status = JSONObject()
      status["phase"] = "Pending"
      status["qosClass"] = .string(qosClass(ofPodSpec: object.content["spec"] ?? .emptyObject))
      object.content["status"] = .object(status)
    case .deployment, .replicaSet, .daemonSet, .statefulSet, .job, .cronJob,
      .horizontalPodAutoscaler, .podDisruptionBudget, .networkPolicy, .ingress:
      object.generation = 1
    default:
      break
    }
  }

  /// The Job strategy's generated selector: the job's UID and name as pod
  /// labels, and a selector on the UID.
  ///
  /// The Job's own labels default to the
  /// pod labels when it has none.
  static func generateJobSelector(_ job: inout Object) {
    guard job.content["spec"]?["manualSelector"] != true, !job.uid.isEmpty else { return }
    let uid = JSONValue.string(job.uid)
    let name = JSONValue.string(job.name)
    var spec = job.content["spec"] ?? .emptyObject
    spec.defaultObject("template")
    spec["template"]?.defaultObject("metadata")
    var labels = spec["template"]?["metadata"]?["labels"]?.object ?? JSONObject()
    labels["batch.kubernetes.io/controller-uid"] = uid
    labels["batch.kubernetes.io/job-name"] = name
    labels["controller-uid"] = uid
    labels["job-name"] = name
    spec["template"]?["metadata"]?["labels"] = .object(labels)
    spec["selector"] = ["matchLabels": ["batch.kubernetes.io/controller-uid": uid]]
    job.content["spec"] = spec
    if job.content["metadata"]?["labels"].isUnset ?? true {
      job.content["metadata"]?["labels"] = .object(labels)
    }
  }

  /// The quality of service class of a pod, from its containers' requests
  /// and limits for cpu and memory: `Guaranteed`, `Burstable` or
  /// `BestEffort`, as `qos.GetPodQOS` computes it.
  package static func qosClass(ofPodSpec spec: JSONValue) -> String {
    let containers =
      (spec["containers"]?.array ?? []) + (spec["initContainers"]?.array ?? [])
    var anySet = false
    var guaranteed = true
    for container in containers {
      let requests = container["resources"]?["requests"]?.object ?? JSONObject()
      let limits = container["resources"]?["limits"]?.object ?? JSONObject()
      for name in ["cpu", "memory"] {
        let request = quantity(requests[name])
        let limit = quantity(limits[name])
        if let request, request.mantissa != 0 { anySet = true }
        if let limit, limit.mantissa != 0 { anySet = true }
        guard let limit, limit.mantissa != 0 else {
          guaranteed = false
          continue
        }
        if let request, request != limit { guaranteed = false }
      }
    }
    if !anySet { return "BestEffort" }
    return guaranteed ? "Guaranteed" : "Burstable"
  }

  static func quantity(_ value: JSONValue?) -> Quantity? {
    switch value {
    case .string(let text)?: try? Quantity(parsing: text)
    case .int?, .double?: try? Quantity(parsing: value?.scalarText ?? "")
    default: nil
    }
  }
}
