import Foundation

extension Cluster {
  /// Writes the pod status the kubelet would report for `runtime`, and
  /// nothing when it has not changed.
  mutating func writeStatus(_ pod: Object, runtime: PodRuntime, source: EventSource) {
    var runtime = runtime
    // Read once each: the spec's fields below come from it, and the uid
    // keys the runtime three times.
    let spec = pod.content["spec"]
    let uid = pod.uid
    let node = store.get(ObjectKey(.node, spec?["nodeName"]?.string ?? ""))
    let hostIP = node.flatMap(Cluster.internalIP(of:))
    let sandboxReady = now >= runtime.sandboxReadyAt
    let inputs = PodStatusInputs(
      hostIP: hostIP, sandboxReady: sandboxReady, podIP: runtime.podIP,
      containers: runtime.containers.map {
        ContainerStatusInputs($0, ready: isReady($0, pod: pod), started: hasStarted($0, pod: pod))
      })
    var status = pod.content["status"] ?? .emptyObject
    if let memo = runtime.statusMemo, memo.inputs == inputs,
      memo.resourceVersion == pod.resourceVersion || (memo.spec == spec && memo.status == status)
    {
      // Nothing the report is made from changed since the last one (a
      // change to the pod's metadata alone, such as its deletion, changes
      // nothing in it).
      runtime.statusMemo?.resourceVersion = pod.resourceVersion
      runtimes[uid] = runtime
      return
    }

    let regular = runtime.containers.filter { !$0.isInit }
    let inits = runtime.containers.filter(\.isInit)
    // The same containers' inputs, in the same order: readiness read once.
    let regularInputs = inputs.containers.filter { !$0.isInit }
    let initInputs = inputs.containers.filter(\.isInit)
    let initialized = inits.allSatisfy {
      if case .terminated(let end) = $0.state { return end.exitCode == 0 }
      return false
    }
    let allReady = initialized && !regular.isEmpty && regularInputs.allSatisfy(\.ready)
    let restartPolicy = spec?["restartPolicy"]?.string ?? "Always"

    // Phase.
    var phase = "Pending"
    let ended = regular.compactMap { container -> Termination? in
      if case .terminated(let end) = container.state { return end }
      return nil
    }
    let anyRunning = regular.contains { $0.isRunning }
    let allStartedOnce = regular.allSatisfy { $0.hasStarted || $0.restartCount > 0 }
    if initialized && allStartedOnce && !regular.isEmpty {
      if anyRunning || restartPolicy == "Always" {
        phase = "Running"
      } else if ended.count == regular.count {
        let failed = ended.contains { $0.exitCode != 0 }
        phase = failed && restartPolicy == "Never" ? "Failed" : (failed ? "Running" : "Succeeded")
      } else {
        phase = "Running"
      }
    }
    if pod.isTerminating && !anyRunning && phase == "Running" { phase = restartPolicy == "Always" ? "Running" : phase }
    status["phase"] = .string(phase)

    // Conditions, each keeping the time it last changed. Conditions the
    // kubelet does not own (DisruptionTarget, a readiness gate's) stay, ahead
    // of its own, as the status manager's mergePodStatus keeps them.
    let previous = pod.content[path: "status.conditions"]?.array ?? []
    let owned: Set<String> = ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"]
    var conditions = previous.filter { !owned.contains($0["type"]?.string ?? "") }
    func condition(_ type: String, _ value: Bool, reason: String? = nil, message: String? = nil) {
      let text = value ? "True" : "False"
      let time: Date
      if let previous = runtime.conditionTimes[type], previous.status == text {
        time = previous.time
      } else {
        time = now
        runtime.conditionTimes[type] = (text, now)
      }
      // From a template (members in the order they were always written),
      // so every pod's conditions share their key lists and time texts.
      var entry = StatusTemplate.conditions[(reason == nil ? 0 : 1) + (message == nil ? 0 : 2)]
      entry["lastTransitionTime"] = .string(sharedText.stamp(time))
      entry["status"] = .string(text)
      entry["type"] = .string(type)
      if let reason { entry["reason"] = .string(reason) }
      if let message { entry["message"] = .string(message) }
      conditions.append(.object(entry))
    }
    let podSucceeded = phase == "Succeeded" || phase == "Failed"
    condition("PodReadyToStartContainers", sandboxReady && !podSucceeded)
    let pendingInits = inits.filter { !(($0.hasStarted) && { if case .terminated(let e) = $0.state { return e.exitCode == 0 }; return false }($0)) }.map(\.name)
    condition(
      "Initialized", initialized, reason: initialized ? nil : "ContainersNotInitialized",
      message: initialized ? nil : "containers with incomplete status: [\(pendingInits.joined(separator: " "))]")
    let unready = regularInputs.filter { !$0.ready }.map(\.name)
    let notReadyReason = podSucceeded ? "PodCompleted" : "ContainersNotReady"
    let notReadyMessage = podSucceeded ? nil : "containers with unready status: [\(unready.joined(separator: " "))]"
    // Readiness gates: conditions someone else sets; a pod whose containers
    // are ready stays unready until every gate's condition is True.
    let gateProblems = (spec?["readinessGates"]?.array ?? []).compactMap { gate -> String? in
      let type = gate["conditionType"]?.string ?? ""
      guard let found = previous.first(where: { $0["type"]?.string == type }) else {
        return "corresponding condition of pod readiness gate \"\(type)\" does not exist."
      }
      let status = found["status"]?.string ?? ""
      return status == "True" ? nil : "the status of pod readiness gate \"\(type)\" is not \"True\", but \(status)."
    }
    if allReady && !gateProblems.isEmpty {
      condition("Ready", false, reason: "ReadinessGatesNotReady", message: gateProblems.joined(separator: ", "))
    } else {
      condition("Ready", allReady, reason: allReady ? nil : notReadyReason, message: allReady ? nil : notReadyMessage)
    }
    condition("ContainersReady", allReady, reason: allReady ? nil : notReadyReason, message: allReady ? nil : notReadyMessage)
    condition("PodScheduled", true)
    status["conditions"] = .array(conditions)

    if let hostIP {
      status["hostIP"] = .string(hostIP)
      status["hostIPs"] = [["ip": .string(hostIP)]]
    }
    if let podIP = runtime.podIP, sandboxReady {
      status["podIP"] = .string(podIP)
      status["podIPs"] = [["ip": .string(podIP)]]
    }
    if status["startTime"] == nil {
      status["startTime"] = .string(Timestamp.format(now))
    }
    status["containerStatuses"] = .array(
      zip(regular, regularInputs).map { containerStatus($0, ready: $1.ready, started: $1.started, pod: pod) })
    if !inits.isEmpty {
      status["initContainerStatuses"] = .array(
        zip(inits, initInputs).map { containerStatus($0, ready: $1.ready, started: $1.started, pod: pod) })
    }
    status["qosClass"] = pod.content[path: "status.qosClass"] ?? .string(qosClass(pod))

    runtime.statusMemo = PodStatusMemo(
      resourceVersion: pod.resourceVersion, inputs: inputs, spec: spec, status: status)
    runtimes[uid] = runtime
    guard status != pod.content["status"] else { return }
    var updated = pod
    updated.content["status"] = status
    // One of a few texts, kept once for the journal entries of every pod.
    let summary = sharedText.intern("status \(phase)" + (allReady ? ", ready" : ""))
    let stored = write(consume updated, by: sharedText.kubeletActor(source.host ?? ""), summary: summary)
    runtimes[uid]?.statusMemo = stored.map {
      PodStatusMemo(resourceVersion: $0.resourceVersion, inputs: inputs, spec: spec, status: status)
    }
  }

  func isReady(_ container: ContainerRuntime, pod: Object) -> Bool {
    guard container.isRunning, hasStarted(container, pod: pod) else { return false }
    if probeSpec(.readiness, of: container, in: pod) != nil {
      return container.probes[.readiness]?.passing == true
    }
    return true
  }

  private mutating func containerStatus(_ container: ContainerRuntime, ready: Bool, started: Bool, pod: Object) -> JSONValue {
    let mounts = (pod.content[path: container.isInit ? "spec.initContainers" : "spec.containers"]?.array ?? [])
      .first { $0["name"]?.string == container.name }?["volumeMounts"]?.array ?? []
    // From a template, as the conditions are; the image texts, alike in
    // every pod of a Deployment, are kept once.
    var object = StatusTemplate.containers[(container.containerID == nil ? 0 : 1) + (mounts.isEmpty ? 0 : 2)]
    object["name"] = .string(container.name)
    let pulled = container.containerID != nil
    if pulled {
      let (fullName, imageID) = sharedText.imageTexts(container.image) {
        let reference = ImageReference(container.image)
        return (reference.fullName, "\(reference.name)@\(ImageCatalog.digest(reference))")
      }
      object["image"] = .string(fullName)
      object["imageID"] = .string(imageID)
    } else {
      object["image"] = .string(container.image)
      object["imageID"] = ""
    }
    if let id = container.containerID { object["containerID"] = .string(id) }
    object["ready"] = .bool(ready)
    object["restartCount"] = .int(container.restartCount)
    object["started"] = .bool(started)
    var lastState: JSONValue = .emptyObject
    if let last = container.lastTermination { lastState = ["terminated": terminated(last)] }
    object["lastState"] = lastState
    var entry = JSONValue.object(object)
    // The kubelet's default waiting state before a container exists: every
    // container of a pod with init containers waits as PodInitializing.
    let hasInits = !(pod.content[path: "spec.initContainers"]?.array ?? []).isEmpty
    let defaultWaiting = hasInits ? "PodInitializing" : "ContainerCreating"
    // Parsed only for the states that show a pull error.
    var reference: ImageReference { ImageReference(container.image) }
    switch container.state {
    case .new:
      entry["state"] = ["waiting": ["reason": .string(container.restartCount > 0 ? "ContainerCreating" : defaultWaiting)]]
    case .pulling:
      entry["state"] = ["waiting": ["reason": .string(container.pullAttempts > 0 ? "ImagePullBackOff" : (container.restartCount > 0 ? "CrashLoopBackOff" : defaultWaiting))]]
      if container.pullAttempts > 0 {
        entry["state"] = ["waiting": ["reason": "ErrImagePull", "message": .string(pullError(reference))]]
      }
    case .pullFailed(_, let shown):
      let error = pullError(reference)
      entry["state"] =
        shown
        ? ["waiting": ["reason": "ImagePullBackOff", "message": .string("Back-off pulling image \"\(container.image)\": ErrImagePull: \(error)")]]
        : ["waiting": ["reason": "ErrImagePull", "message": .string(error)]]
    case .running(let since):
      var running = StatusTemplate.running
      running["startedAt"] = .string(sharedText.stamp(since))
      var state = StatusTemplate.runningState
      state["running"] = .object(running)
      entry["state"] = .object(state)
    case .configError(let message, _):
      entry["state"] = ["waiting": ["message": .string(message), "reason": "CreateContainerConfigError"]]
    case .terminated(let end), .startFailed(let end):
      entry["state"] = ["terminated": terminated(end)]
    case .crashBackOff(let until, let last):
      let wait = max(0, Int(until.timeIntervalSince(last.finishedAt).rounded()))
      let reason = last.reason == "StartError" ? "RunContainerError" : "CrashLoopBackOff"
      entry["state"] = ["waiting": ["reason": .string(reason), "message": .string("back-off \(Cluster.backOffText(wait)) restarting failed container=\(container.name) pod=\(pod.name)_\(pod.namespace)(\(pod.uid))")]]
      entry["lastState"] = ["terminated": terminated(last)]
    }
    if !mounts.isEmpty {
      entry["volumeMounts"] = .array(mounts.map { mount in
        var status: JSONValue = ["mountPath": mount["mountPath"] ?? "", "name": mount["name"] ?? ""]
        if mount["readOnly"]?.bool == true {
          status["readOnly"] = true
          status["recursiveReadOnly"] = "Disabled"
        }
        return status
      })
    }
    return entry
  }

  private func terminated(_ end: Termination) -> JSONValue {
    var value: JSONValue = [
      "exitCode": .int(end.exitCode), "finishedAt": .string(Timestamp.format(end.finishedAt)),
      "reason": .string(end.reason),
    ]
    if let id = end.containerID { value["containerID"] = .string(id) }
    if let message = end.message { value["message"] = .string(message) }
    if let started = end.startedAt { value["startedAt"] = .string(Timestamp.format(started)) }
    return value
  }

  /// Go's duration text for whole seconds: `10s`, `1m20s`, `5m0s`.
  static func backOffText(_ seconds: Int) -> String {
    seconds >= 60 ? "\(seconds / 60)m\(seconds % 60)s" : "\(seconds)s"
  }
}

/// The members of a pod status's entries, in the order the kubelet writes
/// them, with no values: entries filled in from these share their key lists.
private enum StatusTemplate {
  /// A condition; indexed by 1 with a reason, plus 2 with a message.
  static let conditions = [
    condition([]), condition(["reason"]), condition(["message"]), condition(["reason", "message"]),
  ]

  /// A container status; indexed by 1 with a container ID, plus 2 with volume mounts.
  static let containers = [
    container(id: false, mounts: false), container(id: true, mounts: false),
    container(id: false, mounts: true), container(id: true, mounts: true),
  ]

  static let runningState = template(["running"])
  static let running = template(["startedAt"])

  private static func condition(_ extra: [String]) -> JSONObject {
    template(["lastProbeTime", "lastTransitionTime", "status", "type"] + extra)
  }

  private static func container(id: Bool, mounts: Bool) -> JSONObject {
    template(
      ["name", "image", "imageID"] + (id ? ["containerID"] : [])
        + ["ready", "restartCount", "started", "lastState", "state"] + (mounts ? ["volumeMounts"] : []))
  }

  private static func template(_ keys: [String]) -> JSONObject {
    JSONObject(keys.map { ($0, JSONValue.null) })
  }
}
