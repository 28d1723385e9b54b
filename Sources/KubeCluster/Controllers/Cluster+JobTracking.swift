import Foundation

extension Cluster {
  /// The finalizer the job controller puts on its pods so that none
  /// finishes or disappears before it is counted.
  static let jobTrackingFinalizer = "batch.kubernetes.io/job-tracking"
  static let completionIndexKey = "batch.kubernetes.io/job-completion-index"

  /// Removes the tracking finalizer from pods the controller has counted;
  /// a deleted pod whose kubelet is done (or that never had a node) then goes.
  mutating func releaseTrackingFinalizers(_ pods: [Object]) {
    for pod in pods where pod.finalizers.contains(Cluster.jobTrackingFinalizer) {
      var released = pod
      released.finalizers = pod.finalizers.filter { $0 != Cluster.jobTrackingFinalizer }
      guard let stored = write(released, by: "job-controller", summary: "finalizer removed") else { continue }
      if stored.isTerminating && stored.finalizers.isEmpty
        && stored.content[path: "spec.nodeName"]?.string == nil
      {
        finalizeRemoval(stored.key, by: "job-controller")
      }
    }
  }

  /// Remembers when a failed pod finished (its containers' end, or the
  /// moment it was deleted), which the next pod's back-off counts from.
  mutating func noteJobFailure(_ job: Object, _ pod: Object) {
    let ends = (pod.content[path: "status.containerStatuses"]?.array ?? []).compactMap {
      Timestamp.parse($0[path: "state.terminated.finishedAt"]?.string)
    }
    var finished = ends.max()
    if finished == nil, let deletion = pod.deletionTimestamp {
      finished = deletion.addingTimeInterval(-Double(pod.content[path: "metadata.deletionGracePeriodSeconds"]?.int ?? 0))
    }
    let time = finished ?? now
    if let known = jobLastFailure[job.uid], known >= time { return }
    jobLastFailure[job.uid] = time
  }

  /// Pods of a Job that is gone or going keep no tracking finalizer.
  mutating func releaseOrphanedJobPods(_ key: ObjectKey) {
    let job = store.get(key)
    let pods = store.list(.pod, in: key.namespace).filter { pod in
      pod.finalizers.contains(Cluster.jobTrackingFinalizer)
        && pod.ownerReferences.contains { $0.kind == "Job" && $0.name == key.name && (job == nil || $0.uid == job?.uid) }
    }
    releaseTrackingFinalizers(pods)
  }

  /// An Indexed Job's pod: its index in an annotation and a label, its
  /// hostname, and `JOB_COMPLETION_INDEX` in every container.
  static func assignCompletionIndex(_ pod: inout Object, index: Int, job: String) {
    var annotations = pod.annotations
    annotations[completionIndexKey] = String(index)
    pod.annotations = annotations
    var labels = pod.labels
    labels[completionIndexKey] = String(index)
    pod.labels = labels
    if pod.content[path: "spec.hostname"] == nil { pod.content[path: "spec.hostname"] = .string("\(job)-\(index)") }
    let variable: JSONValue = [
      "name": "JOB_COMPLETION_INDEX",
      "valueFrom": ["fieldRef": ["apiVersion": "v1", "fieldPath": .string("metadata.annotations['\(completionIndexKey)']")]],
    ]
    for field in ["initContainers", "containers"] {
      guard var containers = pod.content[path: "spec.\(field)"]?.array else { continue }
      for position in containers.indices {
        var env = containers[position]["env"]?.array ?? []
        guard !env.contains(where: { $0["name"]?.string == "JOB_COMPLETION_INDEX" }) else { continue }
        env.append(variable)
        containers[position]["env"] = .array(env)
      }
      pod.content[path: "spec.\(field)"] = .array(containers)
    }
  }

  static func completionIndex(_ pod: Object) -> Int? {
    pod.annotations[completionIndexKey].flatMap { Int($0) }
  }

  /// The indexes below `completions` that have a succeeded pod.
  static func completedIndexes(_ pods: [Object], completions: Int) -> [Int] {
    Set(pods.filter { $0.content[path: "status.phase"]?.string == "Succeeded" }.compactMap(completionIndex))
      .filter { $0 >= 0 && $0 < completions }.sorted()
  }

  /// The indexes that still need a pod: neither succeeded nor running.
  static func pendingIndexes(_ active: [Object], completed: [Int], completions: Int) -> [Int] {
    let taken = Set(completed).union(active.compactMap(completionIndex))
    return (0..<max(completions, 0)).filter { !taken.contains($0) }
  }

  /// `1,3-5,7`, as the Job status writes completed indexes.
  static func indexRanges(_ indexes: [Int]) -> String {
    var parts: [String] = []
    var position = 0
    while position < indexes.count {
      var end = position
      while end + 1 < indexes.count && indexes[end + 1] == indexes[end] + 1 { end += 1 }
      parts.append(end == position ? String(indexes[position]) : "\(indexes[position])-\(indexes[end])")
      position = end + 1
    }
    return parts.joined(separator: ",")
  }
}
