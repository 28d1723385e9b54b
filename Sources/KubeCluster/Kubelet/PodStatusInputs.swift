import Foundation

/// Everything the kubelet's report of a pod's status is made from, besides
/// the pod object itself, as typed values.
///
/// The report (`writeStatus`) is a pure function of these, the stored pod,
/// and the clock only where a condition changes or the start time is first
/// set. So when the inputs and the pod's resourceVersion are what they were
/// at the last report, the report would come out the same as the stored
/// status: the kubelet skips building and comparing the status JSON, as the
/// real status manager skips a sync whose status is unchanged.
struct PodStatusInputs: Equatable, Sendable {
  /// The node's InternalIP.
  var hostIP: String?
  var sandboxReady: Bool
  var podIP: String?
  var containers: [ContainerStatusInputs]
}

/// What a container's entry in the pod status is made from.
struct ContainerStatusInputs: Equatable, Sendable {
  var name: String
  var image: String
  var isInit: Bool
  var state: ContainerRuntime.State
  var restartCount: Int
  var containerID: String?
  var lastTermination: Termination?
  var pullAttempts: Int
  /// Running, started and passing its readiness probe (if it has one).
  var ready: Bool
  /// Running and past its startup probe (if it has one).
  var started: Bool

  init(_ container: ContainerRuntime, ready: Bool, started: Bool) {
    name = container.name
    image = container.image
    isInit = container.isInit
    state = container.state
    restartCount = container.restartCount
    containerID = container.containerID
    lastTermination = container.lastTermination
    pullAttempts = container.pullAttempts
    self.ready = ready
    self.started = started
  }
}

/// The inputs of the kubelet's last report of a pod, and the pod's
/// resourceVersion just after it (the version it wrote, or the one it found
/// already matching).
///
/// Besides the inputs, the report reads only the pod's spec and status (and
/// its name, namespace and UID, which never change): with those as they
/// were, a pod whose metadata alone changed gets the same report.
struct PodStatusMemo: Sendable {
  var resourceVersion: String
  var inputs: PodStatusInputs
  /// The pod's spec and status just after the report.
  var spec: JSONValue?
  var status: JSONValue
}
