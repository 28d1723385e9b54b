import Foundation

/// One line a container wrote, with the time it was written.
package struct LogLine: Equatable, Sendable {
  package var time: Date
  package var text: String
}

/// How a container ended.
package struct Termination: Equatable, Sendable {
  package var exitCode: Int
  package var reason: String
  package var message: String?
  package var startedAt: Date?
  package var finishedAt: Date
  package var containerID: String?
}

/// A container as the simulated containerd and kubelet see it.
package struct ContainerRuntime: Sendable {
  package enum State: Equatable, Sendable {
    /// Waiting for its turn, or for the sandbox.
    case new
    case pulling(until: Date, fails: Bool)
    /// The pull failed; the kubelet shows `ErrImagePull`, then backs off.
    case pullFailed(retryAt: Date, backOffShown: Bool)
    case running(since: Date)
    case terminated(Termination)
    /// Exited and waiting out the restart back-off (`CrashLoopBackOff`).
    case crashBackOff(until: Date, last: Termination)
    /// Could not start: the executable does not exist.
    case startFailed(Termination)
    /// Not created: a ConfigMap or Secret its env needs is missing
    /// (`CreateContainerConfigError`); the kubelet tries again later.
    case configError(message: String, retryAt: Date)
  }

  package var name: String
  package var image: String
  package var isInit: Bool
  package var state: State = .new
  package var restartCount = 0
  package var containerID: String?
  package var logs: [LogLine] = []
  package var previousLogs: [LogLine] = []
  package var lastTermination: Termination?
  package var pullAttempts = 0
  package var crashes = 0
  /// The running program: where it is, and the time its next step is due.
  var program: [FlatStep] = []
  var programCounter = 0
  var programTime: Date?
  var killingAnnounced = false
  var stopAt: Date?
  /// Files the program created (`touch`, `echo … >`) and has not removed,
  /// which exec probes such as `cat /tmp/healthy` look for.
  var files: [String: String] = [:]
  /// The prober's state for this run of the container, by probe kind.
  var probes: [ProbeKind: ProbeTrack] = [:]
  /// A liveness or startup probe failed: the kubelet kills the container
  /// at `stopAt` and restarts it.
  var killedByProbe = false
  /// Memory the program holds beyond the image's own use.
  var allocatedBytes: Int64 = 0

  package var isRunning: Bool {
    if case .running = state { return true }
    return false
  }

  package var hasStarted: Bool {
    switch state {
    case .running, .terminated, .crashBackOff: true
    default: false
    }
  }
}

/// The three probes a container may declare.
package enum ProbeKind: String, Hashable, Sendable, CaseIterable {
  case startup, liveness, readiness

  /// The word in the kubelet's events: `Liveness probe failed: …`.
  var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

  /// The container spec's field: `startupProbe`, `livenessProbe`, `readinessProbe`.
  var specField: String {
    switch self {
    case .startup: "startupProbe"
    case .liveness: "livenessProbe"
    case .readiness: "readinessProbe"
    }
  }
}

/// One probe's worker: when it runs next and its consecutive results.
struct ProbeTrack: Sendable {
  var nextAt: Date
  var successes = 0
  var failures = 0
  /// The last verdict after the thresholds: `nil` before the first probe.
  var passing: Bool?
}

/// A program with its loops flattened into jumps.
enum FlatStep: Equatable, Sendable {
  case log(String)
  case sleep(Double)
  case exit(Int)
  case serve
  case jump(Int)
  case notFound(String)
  case touch(String)
  case remove(String)
  /// Writes a line to a file, appending (`>>`) or replacing (`>`).
  case write(String, String, append: Bool)
  case allocate(Int64)

  static func flatten(_ steps: [ProgramStep]) -> [FlatStep] {
    var flat: [FlatStep] = []
    for step in steps {
      switch step {
      case .log(let text): flat.append(.log(text))
      case .sleep(let seconds): flat.append(.sleep(seconds))
      case .exit(let code): flat.append(.exit(code))
      case .serve: flat.append(.serve)
      case .notFound(let name): flat.append(.notFound(name))
      case .touch(let path): flat.append(.touch(path))
      case .remove(let path): flat.append(.remove(path))
      case .write(let path, let text, let append): flat.append(.write(path, text, append: append))
      case .allocate(let bytes): flat.append(.allocate(bytes))
      case .loop(let body):
        let start = flat.count
        let inner = flatten(body)
        if inner.contains(where: { if case .sleep = $0 { return true } else { return false } }) {
          flat += inner.map {
            if case .jump(let target) = $0 { return .jump(target + start) }
            return $0
          }
          flat.append(.jump(start))
        } else {
          flat += inner
          flat.append(.serve)
        }
      }
    }
    return flat
  }
}

/// What the kubelet on a pod's node knows of it.
package struct PodRuntime: Sendable {
  package var containers: [ContainerRuntime]
  package var sandboxReadyAt: Date
  package var podIP: String?
  /// The pod's configMap and secret volumes are set up; until then there is no sandbox.
  var volumesMounted = false
  /// Failed volume set-ups so far, and when the volume manager tries again.
  var mountFailures = 0
  var mountRetryAt: Date?
  var conditionTimes: [String: (status: String, time: Date)] = [:]
  /// What the last status report was made from (Cluster+PodStatus.swift).
  var statusMemo: PodStatusMemo?
  /// When the kubelet's last full sync of the pod ended in the normal way
  /// (not stopping it), and the store's mark of the last node write then
  /// (Cluster+Kubelet.swift, `reconcileKubelet`).
  var synced: (time: Date, nodeWrites: Int)?

  package func container(_ name: String) -> ContainerRuntime? {
    containers.first { $0.name == name }
  }
}
