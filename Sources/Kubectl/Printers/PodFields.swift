import Foundation
import KubeCluster

/// What a `kubectl get pods` row prints of a pod, read once for all the
/// row's cells. A class, so the pod version's memo keeps it as it is
/// (`memoized(object:)`).
final class PodFields: Sendable {
  let name: String
  let created: Date?
  let summary: Columns.PodSummary

  init(_ pod: Object) {
    // The pod's members and its metadata are taken out once, for the name,
    // the age and the summary alike.
    let root = pod.content.object
    let metadata = root?["metadata"]?.object
    name = metadata?["name"]?.string ?? ""
    created = Timestamp.parse(metadata?["creationTimestamp"]?.string)
    summary = Columns.podSummary(root, metadata: metadata)
  }
}
