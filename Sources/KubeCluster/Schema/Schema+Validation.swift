extension Schema {
  /// The API server's validation of `object`, run after defaulting and the
  /// create strategy, with the field errors worded as Kubernetes 1.32 words
  /// them.
  ///
  /// Pass the stored object as `old` to validate an update, which adds
  /// the immutability rules.
  ///
  /// Errors come in the order the Go validators append them, and identical
  /// messages are reported once, as `ErrorList.ToAggregate` does. Build the
  /// response with `APIError.invalid(kind, name, errors)`.
  ///
  /// `podSpecErrors`, when given, is what `validatePodSpec` answers for a
  /// pod's spec, found earlier.
  package static func validate(_ object: Object, old: Object?, podSpecErrors: [FieldError]? = nil)
    -> [FieldError]
  {
    let content = object.content
    var errors = validateObjectMeta(content["metadata"], kind: object.kind, path: "metadata")
    switch object.kind {
    case .pod:
      errors += podSpecErrors ?? validatePodSpec(content["spec"], path: "spec", isPod: true)
      if let old {
        errors += validatePodUpdate(content, old: old.content)
      } else if !(content["spec"]?["ephemeralContainers"]?.array?.isEmpty ?? true) {
        errors.append(.forbidden("spec.ephemeralContainers", "cannot be set on create"))
      }
    case .deployment, .replicaSet, .daemonSet, .statefulSet:
      errors += validateWorkload(content, kind: object.kind, old: old?.content)
    case .job:
      errors += validateJob(content, old: old?.content)
    case .cronJob:
      errors += validateCronJob(content)
    case .service:
      errors += validateService(content, old: old?.content)
    case .configMap:
      errors += validateConfigMap(content, old: old?.content)
    case .secret:
      errors += validateSecret(content, old: old?.content)
    case .namespace:
      for finalizer in content["spec"]?["finalizers"]?.array ?? [] {
        errors += qualifiedNameErrors(finalizer.scalarText, path: "spec.finalizers")
      }
    case .persistentVolumeClaim:
      errors += validateClaimSpec(content["spec"], path: "spec")
    default:
      break
    }
    var seen = Set<String>()
    return errors.filter { seen.insert($0.description).inserted }
  }

  // MARK: Metadata

  /// `ValidateObjectMeta`: name or generateName, labels and annotations.
  static func validateObjectMeta(_ metadata: JSONValue?, kind: Kind, path: String) -> [FieldError] {
    var errors: [FieldError] = []
    let name = metadata?["name"]?.string ?? ""
    let generateName = metadata?["generateName"]?.string ?? ""
    if !generateName.isEmpty {
      let masked =
        generateName.count > 1 && generateName.hasSuffix("-")
        ? String(generateName.dropLast(2)) + "a" : generateName
      for problem in NameChecks.objectName(masked, kind: kind) {
        errors.append(.invalid(path + ".generateName", .string(generateName), problem))
      }
    }
    if name.isEmpty {
      errors.append(.required(path + ".name", "name or generateName is required"))
    } else {
      for problem in NameChecks.objectName(name, kind: kind) {
        errors.append(.invalid(path + ".name", .string(name), problem))
      }
    }
    if let generation = metadata?["generation"]?.int, generation < 0 {
      errors.append(
        .invalid(path + ".generation", .int(generation), "must be greater than or equal to 0"))
    }
    errors += validateLabels(metadata?["labels"], path: path + ".labels")
    errors += validateAnnotations(metadata?["annotations"], path: path + ".annotations")
    return errors
  }

  /// `ValidateLabels`: every key a qualified name, every value a label value.
  static func validateLabels(_ labels: JSONValue?, path: String) -> [FieldError] {
    var errors: [FieldError] = []
    for (key, value) in labels?.object ?? JSONObject() {
      errors += qualifiedNameErrors(key, path: path)
      for problem in NameChecks.labelValue(value.scalarText) {
        errors.append(.invalid(path, .string(value.scalarText), problem))
      }
    }
    return errors
  }

  /// `ValidateAnnotations`: keys are qualified names, checked in lower case.
  static func validateAnnotations(_ annotations: JSONValue?, path: String) -> [FieldError] {
    var errors: [FieldError] = []
    var size = 0
    for (key, value) in annotations?.object ?? JSONObject() {
      for problem in NameChecks.qualifiedName(key.lowercased()) {
        errors.append(.invalid(path, .string(key), problem))
      }
      size += key.utf8.count + value.scalarText.utf8.count
    }
    if size > 256 * 1024 {
      errors.append(FieldError(.tooLong, path, "may not be more than 262144 bytes"))
    }
    return errors
  }

  static func qualifiedNameErrors(_ key: String, path: String) -> [FieldError] {
    NameChecks.qualifiedName(key).map { .invalid(path, .string(key), $0) }
  }

  /// `ValidateLabelSelector`.
  static func validateLabelSelector(_ selector: JSONValue?, path: String) -> [FieldError] {
    guard let selector, selector.object != nil else { return [] }
    var errors = validateLabels(selector["matchLabels"], path: path + ".matchLabels")
    for (index, expression) in (selector["matchExpressions"]?.array ?? []).enumerated() {
      let here = "\(path).matchExpressions[\(index)]"
      let values = expression["values"]?.array ?? []
      let op = expression["operator"]?.string ?? ""
      switch op {
      case "In", "NotIn":
        if values.isEmpty {
          errors.append(
            .required(here + ".values", "must be specified when `operator` is 'In' or 'NotIn'"))
        }
      case "Exists", "DoesNotExist":
        if !values.isEmpty {
          errors.append(
            .forbidden(
              here + ".values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"
            ))
        }
      default:
        errors.append(.invalid(here + ".operator", .string(op), "not a valid selector operator"))
      }
      errors += qualifiedNameErrors(expression["key"]?.string ?? "", path: here + ".key")
      for (valueIndex, value) in values.enumerated() {
        for problem in NameChecks.labelValue(value.scalarText) {
          errors.append(
            .invalid("\(here).values[\(valueIndex)]", .string(value.scalarText), problem))
        }
      }
    }
    return errors
  }

  /// Whether `selector` (a `metav1.LabelSelector`) is set but selects
  /// everything, and whether it matches `labels`.
  static func selector(_ selector: JSONValue?) -> LabelSelector? {
    guard let selector, selector.object != nil else { return nil }
    return LabelSelector(json: selector)
  }

  /// `ValidateNonnegativeField`.
  static func nonNegative(_ value: JSONValue?, path: String) -> [FieldError] {
    guard let number = value?.int, number < 0 else { return [] }
    return [.invalid(path, .int(number), "must be greater than or equal to 0")]
  }
}
