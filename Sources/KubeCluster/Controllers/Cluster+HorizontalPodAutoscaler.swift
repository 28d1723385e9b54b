import Foundation

extension Cluster {
  /// Seconds between the horizontal-pod-autoscaler's syncs of one HPA
  /// (kube-controller-manager's `--horizontal-pod-autoscaler-sync-period`).
  static let autoscalerSyncPeriod: TimeInterval = 15

  /// The resource metrics API's absence on kind (no metrics-server), as the
  /// HPA controller words it.
  static let missingResourceMetrics =
    "unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)"

  /// The horizontal-pod-autoscaler of a kind cluster without metrics-server:
  /// it reads the target's scale, keeps the replicas within min and max, and
  /// otherwise reports that it cannot get the metrics, every sync period.
  mutating func reconcileHorizontalPodAutoscaler(_ key: ObjectKey) {
    guard var hpa = store.get(key), !hpa.isTerminating else { return }
    let original = hpa
    let source = EventSource("horizontal-pod-autoscaler")
    defer { schedule(.horizontalPodAutoscaler(key), after: Cluster.autoscalerSyncPeriod) }
    let spec = hpa.content["spec"] ?? .emptyObject
    let targetKind = spec[path: "scaleTargetRef.kind"]?.string ?? ""
    let targetName = spec[path: "scaleTargetRef.name"]?.string ?? ""
    var conditions: [(type: String, status: String, reason: String, message: String)] = []
    let kind = [Kind.deployment, .replicaSet, .statefulSet].first { $0.rawValue == targetKind }
    guard let kind, var target = store.get(ObjectKey(kind, targetName, in: key.namespace)) else {
      let resource = kind.map { "\($0.resource)/scale.\($0.group)" } ?? "\(targetKind.lowercased())s/scale"
      let message = "\(resource) \"\(targetName)\" not found"
      recordEvent(hpa, type: "Warning", reason: "FailedGetScale", message: message, source: source)
      conditions.append(("AbleToScale", "False", "FailedGetScale", "the HPA controller was unable to get the target's current scale: \(message)"))
      hpa.content[path: "status.conditions"] = conditionsValue(conditions, previous: hpa)
      hpa.content[path: "status.currentReplicas"] = hpa.content[path: "status.currentReplicas"] ?? 0
      hpa.content[path: "status.desiredReplicas"] = hpa.content[path: "status.desiredReplicas"] ?? 0
      if hpa.content != original.content {
        write(hpa, by: "horizontal-pod-autoscaler", summary: "could not get the scale of \(targetKind)/\(targetName)")
      }
      return
    }
    let current = target.content[path: "spec.replicas"]?.int ?? 1
    let minimum = spec["minReplicas"]?.int ?? 1
    let maximum = spec["maxReplicas"]?.int ?? 1
    let metricName = spec["metrics"]?.array?.first?[path: "resource.name"]?.string ?? "cpu"
    var desired = 0
    if current == 0 && minimum != 0 {
      conditions.append(("AbleToScale", "True", "SucceededGetScale", "the HPA controller was able to get the target's current scale"))
      conditions.append(("ScalingActive", "False", "ScalingDisabled", "scaling is disabled since the replica count of the target is zero"))
    } else if current > maximum || current < minimum {
      desired = current > maximum ? maximum : minimum
      let reason = current > maximum ? "Current number of replicas above Spec.MaxReplicas" : "Current number of replicas below Spec.MinReplicas"
      target.content[path: "spec.replicas"] = .int(desired)
      _ = try? apiUpdate(target, by: "horizontal-pod-autoscaler")
      recordEvent(hpa, reason: "SuccessfulRescale", message: "New size: \(desired); reason: \(reason)", source: source)
      hpa.content[path: "status.lastScaleTime"] = .string(Timestamp.format(now))
      conditions.append(("AbleToScale", "True", "SucceededRescale", "the HPA controller was able to update the target scale to \(desired)"))
      conditions.append(
        current > maximum
          ? ("ScalingLimited", "True", "TooManyReplicas", "the desired replica count is more than the maximum replica count")
          : ("ScalingLimited", "True", "TooFewReplicas", "the desired replica count is less than the minimum replica count"))
    } else {
      let failure = "failed to get \(metricName) utilization: unable to get metrics for resource \(metricName): \(Cluster.missingResourceMetrics)"
      recordEvent(hpa, type: "Warning", reason: "FailedGetResourceMetric", message: failure, source: source)
      recordEvent(
        hpa, type: "Warning", reason: "FailedComputeMetricsReplicas",
        message: "invalid metrics (1 invalid out of 1), first error is: failed to get \(metricName) resource metric value: \(failure)",
        source: source)
      conditions.append(("AbleToScale", "True", "SucceededGetScale", "the HPA controller was able to get the target's current scale"))
      conditions.append(("ScalingActive", "False", "FailedGetResourceMetric", "the HPA was unable to compute the replica count: \(failure)"))
      hpa.content[path: "status.currentMetrics"] = [["type": ""]]
    }
    hpa.content[path: "status.conditions"] = conditionsValue(conditions, previous: hpa)
    hpa.content[path: "status.currentReplicas"] = .int(current)
    hpa.content[path: "status.desiredReplicas"] = .int(desired)
    if hpa.content != original.content {
      write(hpa, by: "horizontal-pod-autoscaler", summary: "synced \(targetKind)/\(targetName)")
    }
  }

  /// Status conditions that keep their transition time while unchanged.
  private func conditionsValue(
    _ conditions: [(type: String, status: String, reason: String, message: String)], previous: Object
  ) -> JSONValue {
    let earlier = previous.content[path: "status.conditions"]?.array ?? []
    return .array(conditions.map { condition in
      let before = earlier.first { $0["type"]?.string == condition.type }
      let time = before?["status"]?.string == condition.status ? before?["lastTransitionTime"] : nil
      return [
        "type": .string(condition.type), "status": .string(condition.status), "reason": .string(condition.reason),
        "message": .string(condition.message), "lastTransitionTime": time ?? .string(Timestamp.format(now)),
      ]
    })
  }
}
