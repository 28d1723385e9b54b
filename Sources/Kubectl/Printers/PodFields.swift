import KubeCluster

/// What a `kubectl get pods` row prints of a pod, read once for all the
/// row's cells.
struct PodFields: Sendable {
  var name: String
  var creationTimestamp: String?
  var summary: Columns.PodSummary

  init(_ pod: Object) {
    let metadata = pod.content["metadata"]
    name = metadata?["name"]?.string ?? ""
    creationTimestamp = metadata?["creationTimestamp"]?.string
    summary = Columns.podSummary(pod)
  }
}
