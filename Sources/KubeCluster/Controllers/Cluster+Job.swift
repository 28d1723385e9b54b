import Foundation

extension Cluster {
  /// The job-controller: runs pods until `completions` of them succeed, with
  /// at most `parallelism` at a time, giving up after `backoffLimit` failures
  /// or `activeDeadlineSeconds`; then the ttl-after-finished controller
  /// deletes the Job `ttlSecondsAfterFinished` later.
  mutating func reconcileJob(_ key: ObjectKey) {
    guard var job = store.get(key), !job.isTerminating else {
      releaseOrphanedJobPods(key)
      return
    }
    let actor = "job-controller"
    let source = EventSource(actor)
    let spec = job.content["spec"] ?? .emptyObject
    let previous = job.content["status"] ?? .emptyObject
    let conditions = previous["conditions"]?.array ?? []
    func holds(_ type: String) -> Bool {
      conditions.contains { $0["type"]?.string == type && $0["status"]?.string == "True" }
    }
    if holds("Complete") || holds("Failed") {
      releaseTrackingFinalizers(store.dependents(of: job.uid, kind: .pod).filter {
        $0.isTerminating || ["Succeeded", "Failed"].contains($0.content[path: "status.phase"]?.string ?? "")
      })
      expireFinishedJob(job)
      return
    }
    if spec["suspend"]?.bool == true { return }

    // Count the pods that finished since the last look.
    let pods = store.dependents(of: job.uid, kind: .pod)
    var counted = jobCountedPods[job.uid] ?? []
    var succeeded = previous["succeeded"]?.int ?? 0
    var failed = previous["failed"]?.int ?? 0
    var lastFailure: Date?
    let failurePolicy = spec["podFailurePolicy"].flatMap { $0.object == nil ? nil : $0 }
    // With a pod failure policy (or podReplacementPolicy Failed) a pod
    // counts as failed only once it reached the Failed phase.
    let onlyFailed = failurePolicy != nil || spec["podReplacementPolicy"]?.string == "Failed"
    var failJobMessage: String?
    for pod in pods where !counted.contains(pod.uid) {
      switch pod.content[path: "status.phase"]?.string {
      case "Succeeded":
        succeeded += 1
        counted.insert(pod.uid)
      case "Failed":
        counted.insert(pod.uid)
        let verdict = Cluster.matchPodFailurePolicy(failurePolicy, pod: pod)
        if failJobMessage == nil { failJobMessage = verdict.failJobMessage }
        // An ignored failure does not count toward backoffLimit, but the
        // replacement still waits out the back-off.
        if verdict.counts { failed += 1 } else { jobIgnoredFailures[job.uid, default: 0] += 1 }
        lastFailure = now
        noteJobFailure(job, pod)
      default:
        // A pod being deleted before it finished counts as failed.
        guard pod.isTerminating, !onlyFailed else { continue }
        failed += 1
        counted.insert(pod.uid)
        lastFailure = now
        noteJobFailure(job, pod)
      }
    }
    jobCountedPods[job.uid] = counted
    releaseTrackingFinalizers(pods.filter { counted.contains($0.uid) })
    let indexed = spec["completionMode"]?.string == "Indexed"
    let completedIndexes = indexed ? Cluster.completedIndexes(pods, completions: spec["completions"]?.int ?? 0) : []
    if indexed { succeeded = completedIndexes.count }
    let active = pods.filter { pod in
      let phase = pod.content[path: "status.phase"]?.string
      return !pod.isTerminating && phase != "Succeeded" && phase != "Failed"
    }
    let terminating = pods.filter {
      $0.isTerminating && !["Succeeded", "Failed"].contains($0.content[path: "status.phase"]?.string ?? "")
    }.count
    let ready = active.filter(Cluster.isPodReady).count
    let completions = spec["completions"]?.int
    let parallelism = spec["parallelism"]?.int ?? 1
    let backoffLimit = spec["backoffLimit"]?.int ?? 6
    let startTime = Timestamp.parse(previous["startTime"]?.string) ?? now
    // backoffLimitPerIndex: each index has its own back-off limit, and an
    // index that exhausts it (or a FailIndex rule) is failed for good.
    let perIndexLimit = indexed ? spec["backoffLimitPerIndex"]?.int : nil
    let failedIndexes = perIndexLimit.map {
      Cluster.failedIndexes(pods, previous: previous["failedIndexes"]?.string, limit: $0, policy: failurePolicy, completions: completions ?? 0)
    } ?? []

    // Restarts inside OnFailure pods count against the back-off limit too.
    let onFailure = spec[path: "template.spec.restartPolicy"]?.string == "OnFailure"
    let restarts = onFailure
      ? active.reduce(0) { total, pod in
        total + (pod.content[path: "status.containerStatuses"]?.array ?? []).reduce(0) { $0 + ($1["restartCount"]?.int ?? 0) }
      } : 0

    var finish: (type: String, reason: String, message: String)?
    let target = conditions.first { ["SuccessCriteriaMet", "FailureTarget"].contains($0["type"]?.string ?? "") }
    if let target {
      // The verdict is in; the terminal condition waits for the pods to stop.
      let type = target["type"]?.string == "SuccessCriteriaMet" ? "Complete" : "Failed"
      finish = (type, target["reason"]?.string ?? "", target["message"]?.string ?? "")
    } else if let failJobMessage {
      finish = ("Failed", "PodFailurePolicy", failJobMessage)
    } else if perIndexLimit != nil, let maximum = spec["maxFailedIndexes"]?.int, failedIndexes.count > maximum {
      finish = ("Failed", "MaxFailedIndexesExceeded", "Job has exceeded the specified maximal number of failed indexes")
    } else if perIndexLimit != nil, !failedIndexes.isEmpty, failedIndexes.count + succeeded >= completions ?? 0 {
      finish = ("Failed", "FailedIndexes", "Job has failed indexes")
    } else if let completions, succeeded >= completions {
      finish = ("Complete", "CompletionsReached", "Reached expected number of succeeded pods")
    } else if completions == nil, succeeded > 0, active.isEmpty {
      finish = ("Complete", "CompletionsReached", "Reached expected number of succeeded pods")
    } else if failed > backoffLimit || (onFailure && backoffLimit > 0 && restarts >= backoffLimit) {
      finish = ("Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit")
    } else if let deadline = spec["activeDeadlineSeconds"]?.int {
      let end = startTime.addingTimeInterval(Double(deadline))
      if now >= end {
        finish = ("Failed", "DeadlineExceeded", "Job was active longer than specified deadline")
      } else {
        schedule(.job(key), at: end)
      }
    }

    var status = previous
    status["startTime"] = .string(Timestamp.format(startTime))
    status["uncountedTerminatedPods"] = .emptyObject
    if indexed {
      let text = Cluster.indexRanges(completedIndexes)
      status["completedIndexes"] = text.isEmpty ? nil : .string(text)
    }
    if perIndexLimit != nil { status["failedIndexes"] = .string(Cluster.indexRanges(failedIndexes)) }

    if let finish {
      var list = conditions
      func add(_ type: String) {
        list.append([
          "lastProbeTime": .string(Timestamp.format(now)), "lastTransitionTime": .string(Timestamp.format(now)),
          "message": .string(finish.message), "reason": .string(finish.reason), "status": "True",
          "type": .string(type),
        ])
      }
      var stopping = terminating
      if target == nil {
        // Stop what still runs; a pod stopped this way counts as failed.
        for pod in active {
          _ = try? apiDelete(pod.key, by: actor)
          recordEvent(job, reason: "SuccessfulDelete", message: "Deleted pod: \(pod.name)", source: source)
          counted.insert(pod.uid)
          failed += 1
          if store.get(pod.key) != nil { stopping += 1 }
        }
        jobCountedPods[job.uid] = counted
        add(finish.type == "Complete" ? "SuccessCriteriaMet" : "FailureTarget")
      } else {
        stopping = pods.filter { $0.isTerminating }.count
      }
      if stopping == 0 {
        add(finish.type)
        // Reported once the terminal condition is set, as recordJobFinished does.
        if finish.type == "Complete" {
          status["completionTime"] = .string(Timestamp.format(now))
          recordEvent(job, reason: "Completed", message: "Job completed", source: source)
        } else {
          recordEvent(job, type: "Warning", reason: finish.reason, message: finish.message, source: source)
        }
      }
      status["conditions"] = .array(list)
      status["active"] = nil
      status["ready"] = 0
      status["terminating"] = .int(stopping)
      status["succeeded"] = succeeded > 0 ? .int(succeeded) : nil
      status["failed"] = failed > 0 ? .int(failed) : nil
      guard var current = store.get(key), current.content["status"] != status else { return }
      current.content["status"] = status
      if let stored = write(current, by: actor, summary: finish.type.lowercased()) { expireFinishedJob(stored) }
      return
    }
    status["succeeded"] = succeeded > 0 ? .int(succeeded) : nil
    status["failed"] = failed > 0 ? .int(failed) : nil

    // Start more pods, after the back-off that follows failures.
    var running = active.count
    let remaining = completions.map { $0 - succeeded } ?? (succeeded > 0 ? 0 : parallelism)
    // With podReplacementPolicy Failed a terminating pod is replaced only once it failed.
    let wanted = max(0, min(parallelism, remaining) - running - (onlyFailed ? terminating : 0))
    var startAt = now
    // Failures the policy ignored still lengthen the back-off.
    let failures = failed + (jobIgnoredFailures[job.uid] ?? 0)
    if failures > 0, wanted > 0, perIndexLimit == nil {
      let delay = min(360.0, 10.0 * pow(2.0, Double(failures - 1)))
      // From the moment the last failed pod's container ended.
      let ends = pods.filter { $0.content[path: "status.phase"]?.string == "Failed" }.flatMap { pod in
        (pod.content[path: "status.containerStatuses"]?.array ?? []).compactMap {
          Timestamp.parse($0[path: "state.terminated.finishedAt"]?.string)
        }
      }
      let since = (ends + [jobLastFailure[job.uid]].compactMap { $0 }).max() ?? lastFailure ?? now
      startAt = since.addingTimeInterval(delay)
    }
    if wanted > 0 && now < startAt {
      schedule(.job(key), at: startAt)
    } else if wanted > 0 {
      let template = spec["template"] ?? .emptyObject
      var freeIndexes = indexed
        ? Cluster.pendingIndexes(active, completed: completedIndexes + failedIndexes, completions: completions ?? 0) : []
      // Per index, a failed index's replacement waits out that index's own back-off.
      var laterIndex: Date?
      if perIndexLimit != nil {
        freeIndexes = freeIndexes.filter { index in
          guard let due = Cluster.indexBackOffEnd(pods, index: index) else { return true }
          if due <= now { return true }
          laterIndex = min(laterIndex ?? due, due)
          return false
        }
      }
      if let laterIndex { schedule(.job(key), at: laterIndex) }
      for _ in 0..<wanted {
        let index = indexed ? (freeIndexes.isEmpty ? nil : freeIndexes.removeFirst()) : nil
        if indexed && index == nil { break }
        let prefix = index.map { "\(job.name)-\($0)-" } ?? "\(job.name)-"
        var pod = Object(.pod, name: prefix + random.nameSuffix(), namespace: key.namespace)
        pod.content[path: "metadata.generateName"] = .string(prefix)
        if let labels = template[path: "metadata.labels"] { pod.content[path: "metadata.labels"] = labels }
        if let annotations = template[path: "metadata.annotations"] {
          pod.content[path: "metadata.annotations"] = annotations
        }
        pod.ownerReferences = [OwnerReference(controlledBy: job)]
        pod.finalizers = [Cluster.jobTrackingFinalizer]
        pod.content["spec"] = template["spec"] ?? .emptyObject
        if let index { Cluster.assignCompletionIndex(&pod, index: index, job: job.name) }
        if let index, perIndexLimit != nil { Cluster.assignIndexFailureCounts(&pod, index: index, pods: pods, policy: failurePolicy) }
        do {
          let created = try apiCreate(pod, by: actor)
          running += 1
          recordEvent(job, reason: "SuccessfulCreate", message: "Created pod: \(created.name)", source: source)
        } catch {
          recordEvent(job, type: "Warning", reason: "FailedCreate", message: "Error creating: \(error.message)", source: source)
          retryAfterFailedCreate(.job(key), owner: job)
          break
        }
      }
    }
    status["active"] = running > 0 ? .int(running) : nil
    status["ready"] = .int(ready)
    status["terminating"] = .int(terminating)
    guard let current = store.get(key) else { return }
    job = current
    if job.content["status"] != status {
      job.content["status"] = status
      write(job, by: actor, summary: "status \(succeeded) succeeded, \(failed) failed")
    }
  }

  /// The ttl-after-finished-controller: deletes a finished Job (and, in the
  /// background, its pods) `ttlSecondsAfterFinished` after it finished.
  private mutating func expireFinishedJob(_ job: Object) {
    guard let ttl = job.content[path: "spec.ttlSecondsAfterFinished"]?.int else { return }
    let conditions = job.content[path: "status.conditions"]?.array ?? []
    let finished = conditions.filter { ["Complete", "Failed"].contains($0["type"]?.string ?? "") }
      .compactMap { Timestamp.parse($0["lastTransitionTime"]?.string) }.max()
    guard let finished else { return }
    let expiry = finished.addingTimeInterval(Double(ttl))
    if now >= expiry {
      _ = try? apiDelete(job.key, options: DeleteOptions(propagation: .background), by: "ttl-after-finished-controller")
      jobCountedPods[job.uid] = nil
      jobLastFailure[job.uid] = nil
      jobIgnoredFailures[job.uid] = nil
    } else {
      schedule(.job(job.key), at: expiry)
    }
  }
}
