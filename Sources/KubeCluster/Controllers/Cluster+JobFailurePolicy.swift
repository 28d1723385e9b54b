import Foundation

/// What a Job's `podFailurePolicy` makes of one failed pod, as the
/// job-controller's `matchPodFailurePolicy` decides it (Kubernetes 1.32).
struct PodFailureVerdict: Equatable {
  /// The rule's action (`FailJob`, `FailIndex`, `Ignore`, `Count`), or nil
  /// when no rule matched and the pod counts in the default way.
  var action: String?
  /// Whether the failure counts toward `backoffLimit`.
  var counts: Bool
  /// For `FailJob`: the message of the Job's `FailureTarget` and `Failed`
  /// conditions.
  var failJobMessage: String?

  static let unmatched = PodFailureVerdict(action: nil, counts: true, failJobMessage: nil)
}

extension Cluster {
  /// Checks a failed pod against the rules in order; the first that matches
  /// decides. A rule on exit codes looks at terminated containers with a
  /// non-zero code (regular containers first, then init containers); a rule
  /// on pod conditions at the pod's conditions.
  static func matchPodFailurePolicy(_ policy: JSONValue?, pod: Object) -> PodFailureVerdict {
    guard let rules = policy?["rules"]?.array else { return .unmatched }
    for (index, rule) in rules.enumerated() {
      let action = rule["action"]?.string ?? ""
      var failJobMessage: String?
      if let requirement = rule["onExitCodes"], requirement.object != nil {
        guard let (container, code) = matchingExitCode(requirement, pod: pod) else { continue }
        failJobMessage =
          "Container \(container) for pod \(pod.namespace)/\(pod.name) failed with exit code \(code) matching \(action) rule at index \(index)"
      } else if let patterns = rule["onPodConditions"]?.array {
        let conditions = pod.content[path: "status.conditions"]?.array ?? []
        let matched = conditions.first { condition in
          patterns.contains {
            $0["type"]?.string == condition["type"]?.string
              && ($0["status"]?.string ?? "True") == condition["status"]?.string
          }
        }
        guard let matched else { continue }
        failJobMessage =
          "Pod \(pod.namespace)/\(pod.name) has condition \(matched["type"]?.string ?? "") matching \(action) rule at index \(index)"
      } else {
        continue
      }
      switch action {
      case "Ignore": return PodFailureVerdict(action: action, counts: false, failJobMessage: nil)
      case "Count", "FailIndex": return PodFailureVerdict(action: action, counts: true, failJobMessage: nil)
      case "FailJob": return PodFailureVerdict(action: action, counts: true, failJobMessage: failJobMessage)
      default: continue  // An action this version does not know is skipped.
      }
    }
    return .unmatched
  }

  /// The first terminated container whose non-zero exit code meets the
  /// requirement.
  private static func matchingExitCode(_ requirement: JSONValue, pod: Object) -> (String, Int)? {
    let name = requirement["containerName"]?.string
    let values = Set((requirement["values"]?.array ?? []).compactMap(\.int))
    let notIn = requirement["operator"]?.string == "NotIn"
    guard requirement["operator"]?.string == "In" || notIn else { return nil }
    for field in ["containerStatuses", "initContainerStatuses"] {
      for status in pod.content[path: "status.\(field)"]?.array ?? [] {
        guard let code = status[path: "state.terminated.exitCode"]?.int, code != 0 else { continue }
        let container = status["name"]?.string ?? ""
        if let name, name != container { continue }
        if values.contains(code) != notIn { return (container, code) }
      }
    }
    return nil
  }

  /// The eviction API: marks the pod with a `DisruptionTarget` condition, as
  /// the API server does before it deletes an evicted pod, so that a Job's
  /// `podFailurePolicy` can tell an eviction from a failure.
  package mutating func evict(
    _ key: ObjectKey, options: DeleteOptions = DeleteOptions(), by actor: String = "kubectl"
  ) throws(APIError) -> Object {
    markDisruption(
      key, reason: "EvictionByEvictionAPI", message: "Eviction API: evicting", by: "kube-apiserver")
    return try delete(key, options: options, by: actor)
  }

  /// Adds (or refreshes) the pod's `DisruptionTarget` condition.
  mutating func markDisruption(_ key: ObjectKey, reason: String, message: String, by actor: String) {
    guard var pod = store.get(key), key.kind == .pod, !pod.isTerminating else { return }
    let phase = pod.content[path: "status.phase"]?.string
    guard phase != "Succeeded" && phase != "Failed" else { return }
    var conditions = (pod.content[path: "status.conditions"]?.array ?? []).filter {
      $0["type"]?.string != "DisruptionTarget"
    }
    conditions.append([
      "lastProbeTime": .null, "lastTransitionTime": .string(Timestamp.format(now)),
      "message": .string(message), "reason": .string(reason), "status": "True",
      "type": "DisruptionTarget",
    ])
    pod.content[path: "status.conditions"] = .array(conditions)
    write(pod, by: actor, summary: "condition DisruptionTarget (\(reason))")
  }

  static let indexFailureCountKey = "batch.kubernetes.io/job-index-failure-count"
  static let indexIgnoredFailureCountKey = "batch.kubernetes.io/job-index-ignored-failure-count"

  /// With `backoffLimitPerIndex`: the indexes that failed for good, those
  /// already in the status and those of failed pods that a FailIndex rule
  /// matched or whose index had used up its limit.
  static func failedIndexes(_ pods: [Object], previous: String?, limit: Int, policy: JSONValue?, completions: Int) -> [Int] {
    var failed = Set(parseIndexRanges(previous ?? ""))
    for pod in pods where pod.content[path: "status.phase"]?.string == "Failed" {
      guard let index = completionIndex(pod), index >= 0, index < completions else { continue }
      let action = matchPodFailurePolicy(policy, pod: pod).action
      if action == "Ignore" { continue }
      let count = Int(pod.annotations[indexFailureCountKey] ?? "") ?? 0
      if action == "FailIndex" || count + 1 > limit { failed.insert(index) }
    }
    return failed.sorted()
  }

  /// `1,3-5` read back.
  static func parseIndexRanges(_ text: String) -> [Int] {
    text.split(separator: ",").flatMap { part -> [Int] in
      let bounds = part.split(separator: "-").compactMap { Int($0) }
      guard let first = bounds.first else { return [] }
      return Array(first...(bounds.count > 1 ? max(first, bounds[1]) : first))
    }
  }

  /// The index's last failed pod, which its replacement's counts follow on.
  private static func lastFailedPod(_ pods: [Object], index: Int) -> Object? {
    pods.filter { $0.content[path: "status.phase"]?.string == "Failed" && completionIndex($0) == index }
      .max { (finishedAt($0) ?? .distantPast) < (finishedAt($1) ?? .distantPast) }
  }

  private static func finishedAt(_ pod: Object) -> Date? {
    (pod.content[path: "status.containerStatuses"]?.array ?? []).compactMap {
      Timestamp.parse($0[path: "state.terminated.finishedAt"]?.string)
    }.max()
  }

  /// The failure counts a new pod for `index` carries: the last failed pod's,
  /// plus its own failure (counted, or ignored by an Ignore rule).
  static func assignIndexFailureCounts(_ pod: inout Object, index: Int, pods: [Object], policy: JSONValue?) {
    var failures = 0
    var ignored = 0
    if let last = lastFailedPod(pods, index: index) {
      failures = Int(last.annotations[indexFailureCountKey] ?? "") ?? 0
      ignored = Int(last.annotations[indexIgnoredFailureCountKey] ?? "") ?? 0
      if matchPodFailurePolicy(policy, pod: last).action == "Ignore" { ignored += 1 } else { failures += 1 }
    }
    var annotations = pod.annotations
    annotations[indexFailureCountKey] = String(failures)
    if ignored > 0 { annotations[indexIgnoredFailureCountKey] = String(ignored) }
    pod.annotations = annotations
  }

  /// When the replacement for a failed index may start: 10s doubling per
  /// failure of that index (up to 6 minutes) after its last pod finished;
  /// nil when the index has not failed.
  static func indexBackOffEnd(_ pods: [Object], index: Int) -> Date? {
    guard let last = lastFailedPod(pods, index: index) else { return nil }
    let failures = (Int(last.annotations[indexFailureCountKey] ?? "") ?? 0)
      + (Int(last.annotations[indexIgnoredFailureCountKey] ?? "") ?? 0) + 1
    let delay = min(360.0, 10.0 * pow(2.0, Double(failures - 1)))
    return finishedAt(last).map { $0.addingTimeInterval(delay) }
  }
}
