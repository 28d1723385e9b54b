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
}
