extension Schema {
  /// Deployments, ReplicaSets, DaemonSets and StatefulSets: the selector,
  /// the pod template and the counters, then the update rules.
  static func validateWorkload(_ content: JSONValue, kind: Kind, old: JSONValue?) -> [FieldError] {
    let spec = content["spec"] ?? .emptyObject
    var errors: [FieldError] = []
    let noun =
      kind == .daemonSet ? "daemonset" : kind == .statefulSet ? "statefulset" : "deployment"
    let selectorValue = spec["selector"]
    let hasSelector = selectorValue != nil && selectorValue != .null

    if kind == .statefulSet {
      errors += validateStatefulSetStrategy(spec)
    }
    if kind != .daemonSet {
      errors += nonNegative(spec["replicas"], path: "spec.replicas")
      errors += simulationCap(spec["replicas"], path: "spec.replicas")
    }
    if kind == .statefulSet {
      errors += nonNegative(spec["minReadySeconds"], path: "spec.minReadySeconds")
      errors += nonNegative(spec["ordinals"]?["start"], path: "spec.ordinals.start")
    }
    if kind == .daemonSet {
      errors += validateLabelSelector(selectorValue, path: "spec.selector")
    } else if !hasSelector {
      errors.append(.required("spec.selector"))
    } else {
      errors += validateLabelSelector(selectorValue, path: "spec.selector")
    }
    let selectsNothing = !hasSelector
    let selectsEverything =
      hasSelector && (selectorValue?["matchLabels"]?.object?.isEmpty ?? true)
      && (selectorValue?["matchExpressions"]?.array?.isEmpty ?? true)
    let template = spec["template"] ?? .emptyObject
    let templateLabels = template["metadata"]?["labels"]
    let mismatch: FieldError? =
      selectsEverything
        || (!selectsNothing
          && LabelSelector(json: selectorValue).matches(Object.stringMap(templateLabels)))
      ? nil
      : .invalid(
        "spec.template.metadata.labels", goValue: GoSyntax.stringMap(templateLabels),
        "`selector` does not match template `labels`")
    let emptySelector: FieldError? =
      selectsEverything
      ? .invalid(
        "spec.selector", goValue: GoSyntax.labelSelector(selectorValue),
        "empty selector is invalid for \(noun)")
      : nil
    if kind == .daemonSet {
      if let mismatch { errors.append(mismatch) }
      if let emptySelector { errors.append(emptySelector) }
    } else {
      if let emptySelector { errors.append(emptySelector) }
      if let mismatch { errors.append(mismatch) }
    }
    if kind == .statefulSet {
      // The claim templates become volumes of each pod, so mounts may name them.
      var withClaims = template
      var volumes = template[path: "spec.volumes"]?.array ?? []
      for claim in spec["volumeClaimTemplates"]?.array ?? [] {
        guard let name = claim[path: "metadata.name"]?.string else { continue }
        volumes.append(["name": .string(name), "persistentVolumeClaim": ["claimName": .string(name)]])
      }
      if !volumes.isEmpty { withClaims[path: "spec.volumes"] = .array(volumes) }
      errors += validatePodTemplateSpec(withClaims, path: "spec.template")
    } else {
      errors += validatePodTemplateSpec(template, path: "spec.template")
    }
    let restartPolicy = template["spec"]?["restartPolicy"]?.string ?? ""
    if restartPolicy != "Always" {
      errors.append(
        .notSupported(
          "spec.template.spec.restartPolicy", .string(restartPolicy), supported: ["Always"]))
    }
    if template["spec"]?["activeDeadlineSeconds"] != nil
      && template["spec"]?["activeDeadlineSeconds"] != .null
    {
      let name = kind == .deployment ? "ReplicaSet" : kind.rawValue
      errors.append(
        .forbidden(
          "spec.template.spec.activeDeadlineSeconds",
          "activeDeadlineSeconds in \(name) is not Supported"))
    }
    switch kind {
    case .deployment:
      errors += validateDeploymentStrategy(spec["strategy"])
      errors += nonNegative(spec["minReadySeconds"], path: "spec.minReadySeconds")
      errors += nonNegative(spec["revisionHistoryLimit"], path: "spec.revisionHistoryLimit")
      if let deadline = spec["progressDeadlineSeconds"]?.int {
        errors += nonNegative(.int(deadline), path: "spec.progressDeadlineSeconds")
        if deadline <= spec["minReadySeconds"]?.int ?? 0 {
          errors.append(
            .invalid(
              "spec.progressDeadlineSeconds", .int(deadline), "must be greater than minReadySeconds"
            ))
        }
      }
    case .replicaSet:
      errors += nonNegative(spec["minReadySeconds"], path: "spec.minReadySeconds")
    case .daemonSet:
      errors += nonNegative(spec["minReadySeconds"], path: "spec.minReadySeconds")
      errors += nonNegative(spec["revisionHistoryLimit"], path: "spec.revisionHistoryLimit")
    default:
      break
    }
    guard let old else { return errors }
    let oldSpec = old["spec"] ?? .emptyObject
    if kind == .statefulSet {
      var kept = spec
      var oldKept = oldSpec
      for field in [
        "replicas", "ordinals", "template", "updateStrategy", "revisionHistoryLimit",
        "persistentVolumeClaimRetentionPolicy", "minReadySeconds",
      ] {
        kept[field] = nil
        oldKept[field] = nil
      }
      if kept.sortedKeys != oldKept.sortedKeys {
        errors.append(
          .forbidden(
            "spec",
            "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', "
              + "'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' "
              + "and 'minReadySeconds' are forbidden"))
      }
    } else if (spec["selector"] ?? .null).sortedKeys != (oldSpec["selector"] ?? .null).sortedKeys {
      errors.append(.immutable("spec.selector", goValue: GoSyntax.labelSelector(spec["selector"])))
    }
    return errors
  }

  /// `ValidatePodTemplateSpec`: the template's labels and annotations (at
  /// `template.labels`, as the Go code names them) and its pod spec.
  static func validatePodTemplateSpec(_ template: JSONValue, path: String) -> [FieldError] {
    var errors = validateLabels(template["metadata"]?["labels"], path: path + ".labels")
    errors += validateAnnotations(template["metadata"]?["annotations"], path: path + ".annotations")
    errors += validatePodSpec(template["spec"], path: path + ".spec", isPod: false)
    if !(template["spec"]?["ephemeralContainers"]?.array?.isEmpty ?? true) {
      errors.append(
        .forbidden(
          path + ".spec.ephemeralContainers", "ephemeral containers not allowed in pod template"))
    }
    return errors
  }

  static func validateDeploymentStrategy(_ strategy: JSONValue?) -> [FieldError] {
    let type = strategy?["type"]?.string ?? ""
    switch type {
    case "Recreate":
      if strategy?["rollingUpdate"] != nil && strategy?["rollingUpdate"] != .null {
        return [
          .forbidden(
            "spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'"
          )
        ]
      }
      return []
    case "RollingUpdate":
      guard let rolling = strategy?["rollingUpdate"], rolling.object != nil else {
        return [
          .required("spec.strategy.rollingUpdate", "this should be defaulted and never be nil")
        ]
      }
      var errors: [FieldError] = []
      for field in ["maxUnavailable", "maxSurge"] {
        errors += positiveIntOrPercent(rolling[field], path: "spec.strategy.rollingUpdate.\(field)")
      }
      if intOrPercentValue(rolling["maxUnavailable"]) == 0
        && intOrPercentValue(rolling["maxSurge"]) == 0
      {
        errors.append(
          .invalid(
            "spec.strategy.rollingUpdate.maxUnavailable", rolling["maxUnavailable"] ?? 0,
            "may not be 0 when `maxSurge` is 0"))
      }
      if let percent = rolling["maxUnavailable"]?.string, let value = Int(percent.dropLast()),
        value > 100
      {
        errors.append(
          .invalid(
            "spec.strategy.rollingUpdate.maxUnavailable", .string(percent),
            "must not be greater than 100%"))
      }
      return errors
    default:
      let rolling =
        strategy?["rollingUpdate"] == nil
        ? "(*apps.RollingUpdateDeployment)(nil)" : "&apps.RollingUpdateDeployment{…}"
      return [
        FieldError(
          .notSupported, "spec.strategy",
          "apps.DeploymentStrategy{Type:\(GoSyntax.quoted(type)), RollingUpdate:\(rolling)}: "
            + "supported values: \"Recreate\", \"RollingUpdate\"")
      ]
    }
  }

  static func positiveIntOrPercent(_ value: JSONValue?, path: String) -> [FieldError] {
    switch value {
    case .string(let text)?:
      guard text.hasSuffix("%"), Int(text.dropLast()) != nil else {
        return [
          .invalid(
            path, .string(text),
            "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  "
              + "or '93%', regex used for validation is '[0-9]+%')")
        ]
      }
      if let number = Int(text.dropLast()), number < 0 {
        return [.invalid(path, .string(text), "must be greater than or equal to 0")]
      }
      return []
    case .int(let number)?:
      return number < 0 ? [.invalid(path, .int(number), "must be greater than or equal to 0")] : []
    default:
      return []
    }
  }

  static func intOrPercentValue(_ value: JSONValue?) -> Int? {
    switch value {
    case .string(let text)?: Int(text.dropLast())
    case .int(let number)?: number
    default: nil
    }
  }

  static func validateStatefulSetStrategy(_ spec: JSONValue) -> [FieldError] {
    var errors: [FieldError] = []
    let policy = spec["podManagementPolicy"]?.string ?? ""
    if policy != "OrderedReady" && policy != "Parallel" {
      errors.append(
        .invalid(
          "spec.podManagementPolicy", .string(policy),
          "must be 'OrderedReady' or 'Parallel'"))
    }
    let type = spec["updateStrategy"]?["type"]?.string ?? ""
    switch type {
    case "OnDelete":
      if spec["updateStrategy"]?["rollingUpdate"] != nil {
        errors.append(
          .invalid(
            "spec.updateStrategy.rollingUpdate", goValue: "\"{…}\"",
            "only allowed for updateStrategy 'RollingUpdate'"))
      }
    case "RollingUpdate":
      errors += nonNegative(
        spec["updateStrategy"]?["rollingUpdate"]?["partition"],
        path: "spec.updateStrategy.rollingUpdate.partition")
    default:
      errors.append(
        .invalid(
          "spec.updateStrategy",
          goValue:
            "apps.StatefulSetUpdateStrategy{Type:\(GoSyntax.quoted(type)), RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}",
          "must be 'RollingUpdate' or 'OnDelete'"))
    }
    return errors
  }

  /// `ValidateJob`: the generated selector, counters, and a restart policy
  /// of OnFailure or Never.
  static func validateJob(_ content: JSONValue, old: JSONValue?) -> [FieldError] {
    let spec = content["spec"] ?? .emptyObject
    var errors = validateJobSpec(spec, path: "spec")
    if let old, let oldSpec = old["spec"] {
      if (spec["selector"] ?? .null).sortedKeys != (oldSpec["selector"] ?? .null).sortedKeys {
        errors.append(
          .immutable("spec.selector", goValue: GoSyntax.labelSelector(spec["selector"])))
      }
      for field in ["completions", "completionMode"] where spec[field] != oldSpec[field] {
        errors.append(.invalid("spec.\(field)", spec[field] ?? .null, "field is immutable"))
      }
    }
    return errors
  }

  /// `ValidateJobSpec` of Kubernetes 1.32: counters, per-index back-off,
  /// the pod failure and replacement policies, the pod template and its
  /// restart policy; then the selector.
  static func validateJobSpec(_ spec: JSONValue, path: String) -> [FieldError] {
    var errors: [FieldError] = []
    for field in [
      "parallelism", "completions", "activeDeadlineSeconds", "backoffLimit",
      "ttlSecondsAfterFinished", "backoffLimitPerIndex", "maxFailedIndexes",
    ] {
      errors += nonNegative(spec[field], path: "\(path).\(field)")
    }
    let perIndex = spec["backoffLimitPerIndex"]?.int
    let maxFailed = spec["maxFailedIndexes"]?.int
    if maxFailed != nil && perIndex == nil {
      errors.append(.required(path + ".backoffLimitPerIndex", "when maxFailedIndexes is specified"))
    }
    if spec["completionMode"]?.string == "Indexed" {
      let completions = spec["completions"]?.int
      if completions == nil {
        errors.append(.required(path + ".completions", "when completion mode is Indexed"))
      }
      if let completions, let maxFailed, maxFailed > completions {
        errors.append(.invalid(path + ".maxFailedIndexes", .int(maxFailed), "must be less than or equal to completions"))
      }
    } else {
      if let perIndex {
        errors.append(.invalid(path + ".backoffLimitPerIndex", .int(perIndex), "requires indexed completion mode"))
      }
      if let maxFailed {
        errors.append(.invalid(path + ".maxFailedIndexes", .int(maxFailed), "requires indexed completion mode"))
      }
    }
    let template = spec["template"] ?? .emptyObject
    let failurePolicy = spec["podFailurePolicy"].flatMap { $0.object == nil ? nil : $0 }
    if let failurePolicy {
      errors += validatePodFailurePolicy(failurePolicy, template: template, perIndex: perIndex, path: path + ".podFailurePolicy")
    }
    if let replacement = spec["podReplacementPolicy"]?.string {
      if failurePolicy != nil, replacement != "Failed" {
        errors.append(.notSupported(path + ".podReplacementPolicy", .string(replacement), supported: ["Failed"]))
      } else if failurePolicy == nil, !["Failed", "TerminatingOrFailed"].contains(replacement) {
        errors.append(
          .notSupported(path + ".podReplacementPolicy", .string(replacement), supported: ["Failed", "TerminatingOrFailed"]))
      }
    }
    errors += validatePodTemplateSpec(template, path: path + ".template")
    let restartPolicy = template["spec"]?["restartPolicy"]?.string ?? ""
    // An unset restartPolicy was defaulted to Always, so both read as missing.
    if restartPolicy == "Always" || restartPolicy.isEmpty {
      errors.append(.required(path + ".template.spec.restartPolicy", #"valid values: "OnFailure", "Never""#))
    } else if restartPolicy != "OnFailure" && restartPolicy != "Never" {
      errors.append(
        .notSupported(
          path + ".template.spec.restartPolicy", .string(restartPolicy),
          supported: ["OnFailure", "Never"]))
    } else if failurePolicy != nil && restartPolicy != "Never" {
      errors.append(
        .invalid(
          path + ".template.spec.restartPolicy", .string(restartPolicy),
          #"only "Never" is supported when podFailurePolicy is specified"#))
    }

    let selectorValue = spec["selector"]
    if selectorValue == nil || selectorValue == .null {
      errors.append(.required(path + ".selector"))
    } else {
      errors += validateLabelSelector(selectorValue, path: path + ".selector")
    }
    if let selectorValue, selectorValue.object != nil,
      !LabelSelector(json: selectorValue).matches(Object.stringMap(template["metadata"]?["labels"]))
    {
      errors.append(
        .invalid(
          path + ".template.metadata.labels",
          goValue: GoSyntax.stringMap(template["metadata"]?["labels"]),
          "`selector` does not match template `labels`"))
    }
    return errors
  }

  /// `validatePodFailurePolicy`: each rule's action, and exactly one of
  /// exit codes (an operator, a container of the template, ordered unique
  /// values) or pod condition patterns.
  static func validatePodFailurePolicy(
    _ policy: JSONValue, template: JSONValue, perIndex: Int?, path: String
  ) -> [FieldError] {
    var errors: [FieldError] = []
    let rules = policy["rules"]?.array ?? []
    if rules.count > 20 {
      errors.append(FieldError(.tooMany, path + ".rules", value: .int(rules.count), "must have at most 20 items"))
    }
    let containerNames = Set(
      ((template[path: "spec.containers"]?.array ?? []) + (template[path: "spec.initContainers"]?.array ?? []))
        .compactMap { $0["name"]?.string })
    let actions = ["Count", "FailIndex", "FailJob", "Ignore"]
    for (index, rule) in rules.enumerated() {
      let rulePath = "\(path).rules[\(index)]"
      let action = rule["action"]?.string ?? ""
      if action.isEmpty {
        errors.append(.required(rulePath + ".action", "valid values: [" + actions.map { "\"\($0)\"" }.joined(separator: " ") + "]"))
      } else if action == "FailIndex" {
        if perIndex == nil {
          errors.append(.invalid(rulePath + ".action", .string(action), "requires the backoffLimitPerIndex to be set"))
        }
      } else if !actions.contains(action) {
        errors.append(.notSupported(rulePath + ".action", .string(action), supported: actions))
      }
      let exitCodes = rule["onExitCodes"].flatMap { $0.object == nil ? nil : $0 }
      let patterns = rule["onPodConditions"]?.array ?? []
      if let exitCodes {
        errors += validateOnExitCodes(exitCodes, containerNames: containerNames, path: rulePath + ".onExitCodes")
      }
      for (position, pattern) in patterns.enumerated() {
        let patternPath = "\(rulePath).onPodConditions[\(position)]"
        errors += qualifiedNameErrors(pattern["type"]?.string ?? "", path: patternPath + ".type")
        let status = pattern["status"]?.string ?? ""
        if status.isEmpty {
          errors.append(.required(patternPath + ".status", #"valid values: ["False" "True" "Unknown"]"#))
        } else if !["False", "True", "Unknown"].contains(status) {
          errors.append(.notSupported(patternPath + ".status", .string(status), supported: ["False", "True", "Unknown"]))
        }
      }
      if exitCodes != nil && !patterns.isEmpty {
        errors.append(FieldError(.invalid, rulePath, "specifying both OnExitCodes and OnPodConditions is not supported"))
      }
      if exitCodes == nil && patterns.isEmpty {
        errors.append(FieldError(.invalid, rulePath, "specifying one of OnExitCodes and OnPodConditions is required"))
      }
    }
    return errors
  }

  private static func validateOnExitCodes(
    _ requirement: JSONValue, containerNames: Set<String>, path: String
  ) -> [FieldError] {
    var errors: [FieldError] = []
    let operation = requirement["operator"]?.string ?? ""
    if operation.isEmpty {
      errors.append(.required(path + ".operator", #"valid values: ["In" "NotIn"]"#))
    } else if !["In", "NotIn"].contains(operation) {
      errors.append(.notSupported(path + ".operator", .string(operation), supported: ["In", "NotIn"]))
    }
    if let name = requirement["containerName"]?.string, !containerNames.contains(name) {
      errors.append(
        .invalid(path + ".containerName", .string(name), "must be one of the container or initContainer names in the pod template"))
    }
    let values = (requirement["values"]?.array ?? []).compactMap(\.int)
    let goValues = requirement["values"]?.array == nil
      ? "[]int32(nil)" : "[]int32{" + values.map(String.init).joined(separator: ", ") + "}"
    if values.isEmpty {
      errors.append(.invalid(path + ".values", goValue: goValues, "at least one value is required"))
    } else if values.count > 255 {
      errors.append(FieldError(.tooMany, path + ".values", value: .int(values.count), "must have at most 255 items"))
    }
    var seen: Set<Int> = []
    for (position, value) in values.enumerated() {
      if operation == "In" && value == 0 {
        errors.append(.invalid("\(path).values[\(position)]", .int(value), "must not be 0 for the In operator"))
      }
      if !seen.insert(value).inserted {
        errors.append(.duplicate("\(path).values[\(position)]", .int(value)))
      }
    }
    if values != values.sorted() {
      errors.append(.invalid(path + ".values", goValue: goValues, "must be ordered"))
    }
    return errors
  }

  /// `ValidateCronJob`: the schedule, the concurrency policy and the job.
  static func validateCronJob(_ content: JSONValue) -> [FieldError] {
    let spec = content["spec"] ?? .emptyObject
    var errors: [FieldError] = []
    let schedule = spec["schedule"]?.string ?? ""
    if schedule.isEmpty {
      errors.append(.required("spec.schedule"))
    } else if !isCronSchedule(schedule) {
      errors.append(.invalid("spec.schedule", .string(schedule), "unparseable schedule"))
    }
    let policy = spec["concurrencyPolicy"]?.string ?? ""
    switch policy {
    case "Allow", "Forbid", "Replace": break
    case "": errors.append(.required("spec.concurrencyPolicy"))
    default:
      errors.append(
        .notSupported(
          "spec.concurrencyPolicy", .string(policy), supported: ["Allow", "Forbid", "Replace"]))
    }
    for field in [
      "startingDeadlineSeconds", "successfulJobsHistoryLimit", "failedJobsHistoryLimit",
    ] {
      errors += nonNegative(spec[field], path: "spec.\(field)")
    }
    var jobSpec = spec["jobTemplate"]?["spec"] ?? .emptyObject
    // Jobs made from the template get a generated selector; the template
    // itself is validated without one.
    if jobSpec["selector"] == nil { jobSpec["selector"] = .emptyObject }
    errors += validateJobSpec(jobSpec, path: "spec.jobTemplate.spec").filter {
      $0.field != "spec.jobTemplate.spec.template.metadata.labels"
    }
    return errors
  }

  /// Five fields, or a macro such as `@hourly`: enough to tell a schedule
  /// from a typo.
  static func isCronSchedule(_ schedule: String) -> Bool {
    var text = schedule.trimmingCharacters(in: .whitespaces)
    if text.hasPrefix("TZ=") || text.hasPrefix("CRON_TZ=") {
      guard let space = text.firstIndex(of: " ") else { return false }
      text = String(text[space...]).trimmingCharacters(in: .whitespaces)
    }
    if text.hasPrefix("@") {
      return ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"]
        .contains(text)
    }
    let fields = text.split(separator: " ", omittingEmptySubsequences: true)
    let allowed = Set("0123456789*/,-?ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    return fields.count == 5 && fields.allSatisfy { $0.allSatisfy { allowed.contains($0) } }
  }

  /// The most replicas one workload may ask for: what the simulation carries
  /// within the performance targets (10,000 pods to Ready in about two
  /// seconds). A real API server has no such limit; this error says why.
  package static let maxReplicas = 10_000

  static func simulationCap(_ value: JSONValue?, path: String) -> [FieldError] {
    guard let number = value?.int, number > maxReplicas else { return [] }
    return [
      .invalid(
        path, .int(number),
        "must be less than or equal to \(maxReplicas) (the most kubetutor's simulated cluster runs)")
    ]
  }
}
