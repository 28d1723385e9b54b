import Foundation

/// How a deletion treats the object's dependents.
package enum PropagationPolicy: String, Sendable {
  case background = "Background"
  case foreground = "Foreground"
  case orphan = "Orphan"
}

package struct DeleteOptions: Sendable {
  package var gracePeriodSeconds: Int?
  package var propagation: PropagationPolicy
  package var dryRun: Bool

  package init(
    gracePeriodSeconds: Int? = nil, propagation: PropagationPolicy = .background,
    dryRun: Bool = false
  ) {
    self.gracePeriodSeconds = gracePeriodSeconds
    self.propagation = propagation
    self.dryRun = dryRun
  }
}

/// Kinds whose `metadata.generation` the API server maintains.
private let generationKinds: Set<Kind> = [
  .deployment, .replicaSet, .daemonSet, .statefulSet, .job, .cronJob, .ingress,
  .horizontalPodAutoscaler, .networkPolicy, .podDisruptionBudget, .ingressClass,
]

extension Cluster {
  // MARK: Create

  /// Creates an object as the API server does: strict decoding, defaults,
  /// admission, validation, then storage.
  @discardableResult
  package mutating func create(_ object: Object, by actor: String = "kubectl", dryRun: Bool = false)
    throws(APIError) -> Object
  {
    try authorize("create", object.kind, namespace: object.kind.isNamespaced && object.namespace.isEmpty ? "default" : object.namespace)
    let stored = try apiCreate(object, by: actor, dryRun: dryRun)
    guard !dryRun else { return stored }
    settle()
    return store.get(stored.key) ?? stored
  }

  /// `create` without running the components afterwards, for components
  /// that create objects while they reconcile.
  @discardableResult
  mutating func apiCreate(_ object: Object, by actor: String, dryRun: Bool = false)
    throws(APIError) -> Object
  {
    var object = object
    if let error = schemaMemo.decodeError(object.content, kind: object.kind) { throw error }
    if object.kind.isNamespaced {
      if object.namespace.isEmpty { object.namespace = "default" }
      try admitNamespace(object)
    }
    if object.name.isEmpty, let prefix = object.content[path: "metadata.generateName"]?.string {
      object.name = prefix + random.nameSuffix()
    }
    schemaMemo.applyDefaults(to: &object)
    prepareForCreate(&object)
    object.content[path: "metadata.uid"] = .string(random.uuid())
    Schema.prepareForCreate(&object)
    let problems = schemaMemo.validateNew(object)
    guard problems.isEmpty else { throw .invalid(object.kind, object.name, problems) }
    if store.contains(object.key) { throw .alreadyExists(object.kind, object.name) }
    try admitCreate(&object, dryRun: dryRun)
    object.content[path: "metadata.creationTimestamp"] = .string(Timestamp.format(now))
    if generationKinds.contains(object.kind) { object.generation = 1 }
    object.content[path: "metadata.resourceVersion"] = nil
    guard !dryRun else { return object }
    return store.insert(object, actor: actor, at: now, summary: "created")
  }

  private func admitNamespace(_ object: Object) throws(APIError) {
    guard object.kind != .event || namespaceExists(object.namespace) else { return }
    guard let namespace = store.get(ObjectKey(.namespace, object.namespace)) else {
      throw .notFound(.namespace, object.namespace)
    }
    if namespace.isTerminating {
      throw .forbidden(
        object.kind, object.name,
        "unable to create new content in namespace \(object.namespace) because it is being terminated"
      )
    }
  }

  /// What the registry resets on create: status, and server-owned metadata.
  private func prepareForCreate(_ object: inout Object) {
    for field in ["uid", "resourceVersion", "creationTimestamp", "deletionTimestamp", "generation", "managedFields", "selfLink"] {
      object.content[path: "metadata.\(field)"] = nil
    }
    switch object.kind {
    case .pod:
      object.content["status"] = ["phase": "Pending", "qosClass": .string(qosClass(object))]
    case .secret:
      Cluster.mergeStringData(&object)
    case .namespace:
      object.content["status"] = ["phase": "Active"]
      var labels = object.labels
      labels["kubernetes.io/metadata.name"] = object.name
      object.labels = labels
    case .persistentVolumeClaim, .persistentVolume:
      // The registry empties the status; reading it back from storage
      // applies the defaults again, so every reader sees `phase: Pending`.
      object.content["status"] = ["phase": "Pending"]
    case .deployment, .replicaSet, .daemonSet, .statefulSet, .job, .cronJob, .service, .ingress,
      .horizontalPodAutoscaler:
      object.content["status"] = .emptyObject
    default:
      break
    }
  }

  /// A Secret's `stringData` is written into `data`, base64-encoded, and
  /// never stored, as the API server does.
  static func mergeStringData(_ secret: inout Object) {
    guard let strings = secret.content["stringData"]?.object else { return }
    var data = secret.content["data"]?.object ?? JSONObject()
    for (key, value) in strings {
      data[key] = .string(Data(value.scalarText.utf8).base64EncodedString())
    }
    secret.content["data"] = .object(data)
    secret.content["stringData"] = nil
  }

  // MARK: Update

  /// Replaces an object's spec and metadata as `kubectl replace` and
  /// `apply` do; the status stays the server's.
  @discardableResult
  package mutating func update(_ object: Object, by actor: String = "kubectl", dryRun: Bool = false)
    throws(APIError) -> Object
  {
    try authorize(requesterUpdateVerb, object.kind, name: object.name, namespace: object.namespace)
    let stored = try apiUpdate(object, by: actor, dryRun: dryRun)
    guard !dryRun else { return stored }
    settle()
    return store.get(stored.key) ?? stored
  }

  @discardableResult
  mutating func apiUpdate(_ object: Object, by actor: String, dryRun: Bool = false)
    throws(APIError) -> Object
  {
    guard let current = store.get(object.key) else { throw .notFound(object.kind, object.name) }
    if let error = Schema.decodeError(object.content, kind: object.kind) { throw error }
    var object = object
    Schema.applyDefaults(to: &object)
    for field in ["uid", "creationTimestamp", "deletionTimestamp", "generation"] {
      object.content[path: "metadata.\(field)"] = current.content[path: "metadata.\(field)"]
    }
    if object.kind == .namespace {
      var labels = object.labels
      labels["kubernetes.io/metadata.name"] = object.name
      object.labels = labels
    }
    object.content["status"] = current.content["status"]
    if object.kind == .secret { Cluster.mergeStringData(&object) }
    admitUpdate(&object, current: current)
    let problems = Schema.validate(object, old: current)
    guard problems.isEmpty else { throw .invalid(object.kind, object.name, problems) }
    if object.resourceVersion.isEmpty { object.resourceVersion = current.resourceVersion }
    if generationKinds.contains(object.kind), specChanged(object, current) {
      object.generation = current.generation + 1
    }
    guard !dryRun else { return object }
    return try store.replace(object, actor: actor, at: now, summary: "updated")
  }

  private func specChanged(_ object: Object, _ current: Object) -> Bool {
    var a = object.content
    var b = current.content
    a["metadata"] = nil
    b["metadata"] = nil
    a["status"] = nil
    b["status"] = nil
    return a != b
  }

  /// A write by a component that owns the object's state: no validation,
  /// no defaults, status included.
  @discardableResult
  package mutating func write(_ object: consuming Object, by actor: String, summary: String = "") -> Object? {
    if store.contains(object.key) {
      if generationKinds.contains(object.kind), let current = store.get(object.key),
        specChanged(object, current)
      {
        object.generation = current.generation + 1
      }
      return try? store.replace(object, actor: actor, at: now, summary: summary, checkVersion: false)
    }
    if object.uid.isEmpty { object.uid = random.uuid() }
    if object.content[path: "metadata.creationTimestamp"] == nil {
      object.content[path: "metadata.creationTimestamp"] = .string(Timestamp.format(now))
    }
    if generationKinds.contains(object.kind) && object.generation == 0 { object.generation = 1 }
    return store.insert(object, actor: actor, at: now, summary: summary.isEmpty ? "created" : summary)
  }

  // MARK: Delete

  /// Deletes an object as the API server does: pods on a node terminate
  /// gracefully, finalizers hold the object, dependents follow by policy.
  @discardableResult
  package mutating func delete(
    _ key: ObjectKey, options: DeleteOptions = DeleteOptions(), by actor: String = "kubectl"
  ) throws(APIError) -> Object {
    try authorize("delete", key.kind, name: key.name, namespace: key.namespace)
    let result = try apiDelete(key, options: options, by: actor)
    settle()
    return result
  }

  @discardableResult
  mutating func apiDelete(
    _ key: ObjectKey, options: DeleteOptions = DeleteOptions(), by actor: String
  ) throws(APIError) -> Object {
    guard var object = store.get(key) else { throw .notFound(key.kind, key.name) }
    guard !options.dryRun else { return object }
    if options.propagation == .orphan {
      for dependent in store.dependents(of: object.uid) {
        var released = dependent
        released.ownerReferences = dependent.ownerReferences.filter { $0.uid != object.uid }
        write(released, by: "garbage-collector", summary: "orphaned")
      }
    }
    var finalizers = object.finalizers
    if options.propagation == .foreground, !store.dependents(of: object.uid).isEmpty,
      !finalizers.contains("foregroundDeletion")
    {
      finalizers.append("foregroundDeletion")
    }
    if object.kind == .namespace {
      if !object.isTerminating {
        object.content[path: "metadata.deletionTimestamp"] = .string(Timestamp.format(now))
        object.content[path: "status.phase"] = "Terminating"
        let stored = try store.replace(object, actor: actor, at: now, summary: "marked for deletion")
        return stored
      }
      return object
    }
    if object.kind == .pod, object.content[path: "spec.nodeName"]?.string != nil,
      !(object.content[path: "status.phase"]?.string == "Succeeded" || object.content[path: "status.phase"]?.string == "Failed")
    {
      let grace =
        options.gracePeriodSeconds
        ?? object.content[path: "spec.terminationGracePeriodSeconds"]?.int ?? 30
      if grace > 0 || !finalizers.isEmpty {
        if let existing = object.deletionTimestamp, existing <= now.addingTimeInterval(Double(grace)) {
          return object
        }
        object.finalizers = finalizers
        object.content[path: "metadata.deletionTimestamp"] =
          .string(Timestamp.format(now.addingTimeInterval(Double(grace))))
        object.content[path: "metadata.deletionGracePeriodSeconds"] = .int(grace)
        let stored = try store.replace(object, actor: actor, at: now, summary: "marked for deletion (grace \(grace)s)")
        return stored
      }
    }
    if !finalizers.isEmpty {
      if !object.isTerminating {
        object.finalizers = finalizers
        object.content[path: "metadata.deletionTimestamp"] = .string(Timestamp.format(now))
        object.content[path: "metadata.deletionGracePeriodSeconds"] = 0
        let stored = try store.replace(object, actor: actor, at: now, summary: "marked for deletion")
        return stored
      }
      return object
    }
    store.remove(key, actor: actor, at: now, summary: "deleted")
    releaseResources(of: object)
    return object
  }

  /// Removes an object whose finalizers are done, for components.
  mutating func finalizeRemoval(_ key: ObjectKey, by actor: String) {
    guard let object = store.remove(key, actor: actor, at: now, summary: "deleted") else { return }
    releaseResources(of: object)
  }

  private mutating func releaseResources(of object: Object) {
    switch object.kind {
    case .pod:
      runtimes[object.uid] = nil
      network.releasePodIP(object)
      forgetProjectedConfig(object)
    case .service:
      network.releaseService(object)
    default:
      break
    }
  }
}
