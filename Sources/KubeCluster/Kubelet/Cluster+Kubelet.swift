import Foundation

extension Cluster {
  /// The kubelet's sync of one pod on its node: pull images, start
  /// containers, run their programs on the clock, restart or stop them, and
  /// report it all in the pod's status and Events.
  ///
  /// `echo`: the sync was asked for only by changes to the pod itself. When
  /// the last change is the status this kubelet wrote at this same instant,
  /// with no node written since, and every container waits on the clock,
  /// the sync would find everything as it left it: it only sets its
  /// wake-up again.
  mutating func reconcileKubelet(_ key: ObjectKey, echo: Bool = false) {
    guard let pod = store.get(key), let nodeName = pod.content[path: "spec.nodeName"]?.string,
      let node = store.get(ObjectKey(.node, nodeName))
    else { return }
    guard stoppedComponents.isEmpty || !stoppedComponents.contains("kubelet/\(nodeName)") else { return }
    // Read once: each is a walk of the pod's metadata.
    let uid = pod.uid
    if let runtime = runtimes[uid], let synced = runtime.synced {
      if echo, synced.time == now, synced.nodeWrites == store.lastWrite(of: .node),
        runtime.statusMemo?.resourceVersion == pod.resourceVersion, waitsOnClock(runtime)
      {
        if let wake = nextWake(runtime) {
          schedule(.kubelet(key), at: wake)
        }
        return
      }
      runtimes[uid]?.synced = nil
    }
    let source = EventSource("kubelet", host: nodeName)
    let terminating = pod.isTerminating
    if runtimes[uid] == nil {
      guard terminating || admitPod(pod, node: node, source: source) else { return }
      mountConfigVolumes(pod)
    }
    var runtime = runtimes[uid] ?? startSandbox(pod, node: node)

    if terminating {
      stopContainers(pod, runtime: &runtime, source: source)
    } else {
      let phase = pod.content[path: "status.phase"]?.string
      if phase != "Succeeded" && phase != "Failed" {
        runContainers(pod, node: nodeName, runtime: &runtime, source: source)
      }
    }
    runtimes[uid] = runtime

    if terminating, runtime.containers.allSatisfy({ !$0.isRunning }) {
      writeStatus(pod, runtime: runtime, source: source)
      if pod.finalizers.isEmpty {
        finalizeRemoval(pod.key, by: "kubelet/\(nodeName)")
      }
      return
    }
    writeStatus(pod, runtime: runtime, source: source)
    runtimes[uid]?.synced = (now, store.lastWrite(of: .node))
    if let wake = nextWake(runtime) {
      schedule(.kubelet(key), at: wake)
    }
  }

  /// Whether a sync now would leave `runtime` as it is: its volumes wait
  /// for nothing or for a later retry, and each container waits on the
  /// clock or is done. Not so, for instance, after a failed pull (the next
  /// sync shows the back-off at once) or a probe that kills at once.
  private func waitsOnClock(_ runtime: PodRuntime) -> Bool {
    guard runtime.volumesMounted || runtime.mountRetryAt.map({ now < $0 }) == true else {
      return false
    }
    return runtime.containers.allSatisfy { container in
      switch container.state {
      case .new, .terminated: return true
      case .pulling(let until, _): return now < until
      case .pullFailed(let retryAt, let shown): return shown && now < retryAt
      case .crashBackOff(let until, _): return now < until
      case .configError(_, let retryAt): return now < retryAt
      case .startFailed: return false
      case .running:
        if container.killedByProbe, let stopAt = container.stopAt, now >= stopAt { return false }
        return container.probes.values.allSatisfy { now < $0.nextAt }
      }
    }
  }

  /// The pod sandbox: an IP from the node's pod CIDR (or the node's own
  /// address with hostNetwork).
  private mutating func startSandbox(_ pod: Object, node: Object) -> PodRuntime {
    let nodeIP = Cluster.internalIP(of: node)
    var podIP: String? = nodeIP
    if pod.content[path: "spec.hostNetwork"]?.bool != true {
      podIP = network.allocatePodIP(
        cidr: node.content[path: "spec.podCIDR"]?.string ?? "10.244.0.0/24", node: node.name)
    }
    let initContainers = (pod.content[path: "spec.initContainers"]?.array ?? []).map {
      ContainerRuntime(name: $0["name"]?.string ?? "", image: $0["image"]?.string ?? "", isInit: true)
    }
    let containers = (pod.content[path: "spec.containers"]?.array ?? []).map {
      ContainerRuntime(name: $0["name"]?.string ?? "", image: $0["image"]?.string ?? "", isInit: false)
    }
    return PodRuntime(
      containers: initContainers + containers, sandboxReadyAt: now.addingTimeInterval(0.4),
      podIP: podIP)
  }

  static func internalIP(of node: Object) -> String? {
    node.content[path: "status.addresses"]?.array?
      .first { $0["type"]?.string == "InternalIP" }?["address"]?.string
  }

  private func spec(of container: ContainerRuntime, in pod: Object) -> JSONValue {
    let field = container.isInit ? "spec.initContainers" : "spec.containers"
    return pod.content[path: field]?.array?.first { $0["name"]?.string == container.name } ?? .emptyObject
  }

  private func fieldPath(_ container: ContainerRuntime) -> String {
    container.isInit ? "spec.initContainers{\(container.name)}" : "spec.containers{\(container.name)}"
  }

  // MARK: Running

  private mutating func runContainers(
    _ pod: Object, node: String, runtime: inout PodRuntime, source: EventSource
  ) {
    guard mountVolumes(pod, runtime: &runtime, source: source) else { return }
    guard now >= runtime.sandboxReadyAt else { return }
    let restartPolicy = pod.content[path: "spec.restartPolicy"]?.string ?? "Always"
    // Init containers run one at a time, each to success, before the others start.
    var initDone = true
    for index in runtime.containers.indices where runtime.containers[index].isInit {
      step(pod, index: index, node: node, runtime: &runtime, source: source, restartPolicy: restartPolicy == "Always" ? "OnFailure" : restartPolicy)
      if case .terminated(let end) = runtime.containers[index].state, end.exitCode == 0 {
        continue
      }
      initDone = false
      break
    }
    guard initDone else { return }
    for index in runtime.containers.indices where !runtime.containers[index].isInit {
      step(pod, index: index, node: node, runtime: &runtime, source: source, restartPolicy: restartPolicy)
      // The kubelet pulls and starts containers one after another.
      if case .pulling = runtime.containers[index].state { break }
    }
  }

  private mutating func step(
    _ pod: Object, index: Int, node: String, runtime: inout PodRuntime, source: EventSource,
    restartPolicy: String
  ) {
    var container = runtime.containers[index]
    defer { runtime.containers[index] = container }
    let path = fieldPath(container)
    for _ in 0..<64 {
      switch container.state {
      case .new:
        beginPull(pod, &container, node: node, source: source)
        if case .new = container.state { return }
      case .pulling(let until, let fails):
        guard now >= until else { return }
        let (reference, image) = sharedText.image(container.image)
        if fails {
          let error = pullError(reference)
          recordEvent(pod, type: "Warning", reason: "Failed", message: "Failed to pull image \"\(container.image)\": \(error)", source: source, fieldPath: path)
          recordEvent(pod, type: "Warning", reason: "Failed", message: "Error: ErrImagePull", source: source, fieldPath: path)
          container.pullAttempts += 1
          let backOff = min(300.0, 10.0 * pow(2.0, Double(container.pullAttempts - 1)))
          container.state = .pullFailed(retryAt: until.addingTimeInterval(backOff), backOffShown: false)
          return
        }
        let duration = until.timeIntervalSince(pullStarted(container, until: until, image: image))
        let text = Cluster.millis(duration)
        recordEvent(pod, reason: "Pulled", message: "Successfully pulled image \"\(container.image)\" in \(text) (\(text) including waiting). Image size: \(image?.size ?? 0) bytes.", source: source, fieldPath: path)
        nodeImages[node, default: []].insert(reference.fullName)
        start(pod, &container, source: source)
      case .pullFailed(let retryAt, let shown):
        if !shown {
          recordEvent(pod, reason: "BackOff", message: "Back-off pulling image \"\(container.image)\"", source: source, fieldPath: path)
          recordEvent(pod, type: "Warning", reason: "Failed", message: "Error: ImagePullBackOff", source: source, fieldPath: path)
          container.state = .pullFailed(retryAt: retryAt, backOffShown: true)
        }
        guard now >= retryAt else { return }
        container.state = .new
      case .running(let since):
        advanceProgram(pod, &container)
        if container.isRunning, container.killedByProbe, let stopAt = container.stopAt, now >= stopAt {
          let graceful = Cluster.handlesTerm(container)
          container.state = .terminated(Termination(exitCode: graceful ? 0 : 137, reason: graceful ? "Completed" : "Error", startedAt: since, finishedAt: stopAt, containerID: container.containerID))
          container.killedByProbe = false
          container.stopAt = nil
          continue
        }
        if container.isRunning {
          runProbes(pod, &container, source: source)
          return
        }
      case .terminated(let end):
        let restart =
          restartPolicy == "Always" || (restartPolicy == "OnFailure" && end.exitCode != 0)
        guard restart else { return }
        container.crashes += 1
        if container.crashes == 1 {
          container.state = .crashBackOff(until: now, last: end)
        } else {
          let delay = min(300.0, 10.0 * pow(2.0, Double(container.crashes - 2)))
          container.state = .crashBackOff(until: end.finishedAt.addingTimeInterval(delay), last: end)
          recordEvent(pod, type: "Warning", reason: "BackOff", message: "Back-off restarting failed container \(container.name) in pod \(pod.name)_\(pod.namespace)(\(pod.uid))", source: source, fieldPath: path)
        }
      case .startFailed(let end):
        container.state = .terminated(end)
      case .configError(_, let retryAt):
        guard now >= retryAt else { return }
        container.state = .new
      case .crashBackOff(let until, let last):
        guard now >= until else { return }
        container.lastTermination = last
        container.previousLogs = container.logs
        container.logs = []
        container.restartCount += 1
        container.state = .new
      }
    }
  }

  private func pullStarted(_ container: ContainerRuntime, until: Date, image: ImageBehavior?) -> Date {
    until.addingTimeInterval(-pullDuration(container.image, behavior: image))
  }

  /// `behavior` is what the catalogue serves for `image` (`ImageCatalog.lookup`).
  private func pullDuration(_ image: String, behavior: ImageBehavior?) -> Double {
    guard let behavior else { return 1.2 }
    let jitter = Double(RandomSource.fnv32a(image) % 400) / 1000
    return 0.4 + Double(behavior.size) / 24_000_000 + jitter
  }

  private mutating func beginPull(
    _ pod: Object, _ container: inout ContainerRuntime, node: String, source: EventSource
  ) {
    let (reference, image) = sharedText.image(container.image)
    let spec = spec(of: container, in: pod)
    let policy = spec["imagePullPolicy"]?.string ?? (reference.tag == "latest" ? "Always" : "IfNotPresent")
    let present = nodeImages[node]?.contains(reference.fullName) == true
    let path = fieldPath(container)
    if present && policy != "Always" {
      recordEvent(pod, reason: "Pulled", message: "Container image \"\(container.image)\" already present on machine", source: source, fieldPath: path)
      start(pod, &container, source: source)
      return
    }
    if policy == "Never" {
      container.state = .startFailed(Termination(exitCode: 0, reason: "ErrImageNeverPull", message: "Container image \"\(container.image)\" is not present with pull policy of Never", finishedAt: now))
      recordEvent(pod, type: "Warning", reason: "ErrImageNeverPull", message: "Container image \"\(container.image)\" is not present with pull policy of Never", source: source, fieldPath: path)
      return
    }
    recordEvent(pod, reason: "Pulling", message: "Pulling image \"\(container.image)\"", source: source, fieldPath: path)
    let fails = image == nil
    container.state = .pulling(until: now.addingTimeInterval(pullDuration(container.image, behavior: image)), fails: fails)
  }

  /// What containerd answers when the simulated registry lacks an image.
  func pullError(_ reference: ImageReference) -> String {
    let name = reference.fullName
    if ImageCatalog.repository(reference) != nil {
      return "rpc error: code = NotFound desc = failed to pull and unpack image \"\(name)\": failed to resolve reference \"\(name)\": \(name): not found"
    }
    if reference.registry != "docker.io" && reference.registry != "registry.k8s.io" {
      return "rpc error: code = Unknown desc = failed to pull and unpack image \"\(name)\": failed to resolve reference \"\(name)\": failed to do request: Head \"https://\(reference.registry)/v2/\(reference.repository)/manifests/\(reference.tag)\": dial tcp: lookup \(reference.registry) on 172.18.0.1:53: no such host"
    }
    return "rpc error: code = Unknown desc = failed to pull and unpack image \"\(name)\": failed to resolve reference \"\(name)\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"
  }

  private mutating func start(_ pod: Object, _ container: inout ContainerRuntime, source: EventSource) {
    let path = fieldPath(container)
    let spec = spec(of: container, in: pod)
    let image = sharedText.image(container.image).behavior
    if let problem = containerConfigProblem(spec, namespace: pod.namespace) {
      // The pod worker retries a failed sync after its 10s back-off.
      recordEvent(pod, type: "Warning", reason: "Failed", message: "Error: \(problem)", source: source, fieldPath: path)
      container.state = .configError(message: problem, retryAt: now.addingTimeInterval(10))
      return
    }
    let variables = environment(of: pod, spec: spec, image: image)
    rememberEnvironment(variables, of: pod, container: container.name, spec: spec)
    let environment = Dictionary(variables, uniquingKeysWith: { _, last in last })
    var steps = ContainerProgram.steps(
      image: image, command: spec["command"]?.array?.compactMap(\.string),
      args: spec["args"]?.array?.compactMap(\.string), stdin: spec["stdin"]?.bool == true
    ).map { $0.expanding(environment) }
    // A database image's entrypoint refuses to start without its settings.
    if let image, !image.needsOneOf.isEmpty, spec["command"] == nil,
      !image.needsOneOf.contains(where: { !(environment[$0] ?? "").isEmpty })
    {
      steps = image.unconfiguredLogs.map { .log($0) } + [.exit(1)]
    }
    let containerID = "containerd://" + random.hex(64)
    container.containerID = containerID
    if case .notFound(let executable) = steps.first {
      let message = "failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: \"\(executable)\": executable file not found in $PATH: unknown"
      recordEvent(pod, reason: "Created", message: "Created container: \(container.name)", source: source, fieldPath: path)
      recordEvent(pod, type: "Warning", reason: "Failed", message: "Error: \(message)", source: source, fieldPath: path)
      container.state = .startFailed(Termination(exitCode: 128, reason: "StartError", message: message, startedAt: Date(timeIntervalSince1970: 0), finishedAt: now, containerID: containerID))
      return
    }
    recordEvent(pod, reason: "Created", message: "Created container: \(container.name)", source: source, fieldPath: path)
    recordEvent(pod, reason: "Started", message: "Started container \(container.name)", source: source, fieldPath: path)
    container.program = FlatStep.flatten(steps)
    container.programCounter = 0
    container.programTime = now
    container.state = .running(since: now)
    container.files = [:]
    container.allocatedBytes = 0
    container.killedByProbe = false
    container.stopAt = nil
    startProbes(&container, pod: pod, startedAt: now)
    advanceProgram(pod, &container)
    runProbes(pod, &container, source: source)
  }

  /// Runs the container's program up to the present.
  private mutating func advanceProgram(_ pod: Object, _ container: inout ContainerRuntime) {
    guard case .running(let since) = container.state, var time = container.programTime else { return }
    var executed = 0
    while container.programCounter < container.program.count, executed < 10_000 {
      executed += 1
      switch container.program[container.programCounter] {
      case .log(let text):
        container.logs.append(LogLine(time: time, text: expand(text, at: time, pod: pod)))
        container.programCounter += 1
      case .sleep(let seconds):
        let wake = time.addingTimeInterval(seconds)
        guard wake <= now else {
          container.programTime = time
          return
        }
        time = wake
        container.programCounter += 1
      case .exit(let code):
        container.state = .terminated(Termination(exitCode: code, reason: code == 0 ? "Completed" : "Error", startedAt: since, finishedAt: time, containerID: container.containerID))
        container.programTime = time
        return
      case .serve:
        container.programTime = time
        return
      case .jump(let target):
        container.programCounter = target
      case .notFound:
        container.programCounter += 1
      case .touch(let path):
        if container.files[path] == nil {
          container.files[path] = volumeFile(path, in: pod, container: container.name) ?? ""
        }
        keepInVolume(path, container.files[path], in: pod, container: container.name)
        container.programCounter += 1
      case .remove(let path):
        container.files[path] = nil
        keepInVolume(path, nil, in: pod, container: container.name)
        container.programCounter += 1
      case .allocate(let bytes):
        container.allocatedBytes += bytes
        container.programCounter += 1
        // The kernel's OOM killer ends a container over its memory limit.
        let limit = spec(of: container, in: pod)[path: "resources.limits.memory"]?.string
          .flatMap { try? Quantity(parsing: $0) }?.value
        if let limit, container.allocatedBytes >= limit {
          container.state = .terminated(Termination(exitCode: 137, reason: "OOMKilled", startedAt: since, finishedAt: time, containerID: container.containerID))
          container.programTime = time
          return
        }
      case .write(let path, let text, let append):
        let line = expand(text, at: time, pod: pod) + "\n"
        let earlier = container.files[path] ?? volumeFile(path, in: pod, container: container.name)
        container.files[path] = (append ? earlier ?? "" : "") + line
        keepInVolume(path, container.files[path], in: pod, container: container.name)
        container.programCounter += 1
      }
    }
    if container.programCounter >= container.program.count {
      container.state = .terminated(Termination(exitCode: 0, reason: "Completed", startedAt: since, finishedAt: time, containerID: container.containerID))
    }
    container.programTime = time
  }

  private static let logTokens = [
    "{date}", "{time}", "{apacheTime}", "{redisTime}", "{pgTime}", "{mysqlTime}", "{isoMicros}",
    "{isoMillis}", "{podName}", "{jsDate}", "{podIP}",
  ]

  /// The log text with its placeholders (`{date}`, `{podIP}`, …) filled in,
  /// in one pass (none of the values holds a brace, so this is what replacing
  /// each in turn gives).
  ///
  /// What depends on the time alone is remembered for the latest instant:
  /// the containers of a Deployment's pods, started together, log alike.
  private mutating func expand(_ text: String, at time: Date, pod: Object) -> String {
    guard text.containsByte(UInt8(ascii: "{")) else { return text }
    if let known = sharedText.expanded(text, at: time) { return known }
    var readsPod = false
    var result = ""
    var rest = Substring(text)
    while let brace = rest.firstIndex(of: "{") {
      result += rest[..<brace]
      rest = rest[brace...]
      if rest.hasPrefix("{file:"), let close = rest.firstIndex(of: "}") {
        // A file's contents as `$(cat FILE)` gives them: trailing newlines dropped.
        readsPod = true
        let path = String(rest[rest.index(rest.startIndex, offsetBy: 6)..<close])
        let names = (pod.content[path: "spec.containers"]?.array ?? []).compactMap { $0["name"]?.string }
        var contents = ""
        for name in names {
          if let file = configVolumeFile(path, in: pod, container: name, at: time) {
            contents = file
            break
          }
        }
        while contents.hasSuffix("\n") { contents.removeLast() }
        result += contents
        rest = rest[rest.index(after: close)...]
        continue
      }
      if let token = Cluster.logTokens.first(where: { rest.hasPrefix($0) }) {
        switch token {
        case "{date}": result += LogClock.unixDate(time)
        case "{time}": result += LogClock.nginx(time)
        case "{apacheTime}": result += LogClock.apache(time)
        case "{redisTime}": result += LogClock.redis(time)
        case "{pgTime}": result += LogClock.iso(time, " ", ".000 UTC")
        case "{mysqlTime}": result += LogClock.iso(time, " ", "+00:00")
        case "{isoMicros}": result += LogClock.iso(time, "T", ".000000Z")
        case "{isoMillis}": result += LogClock.iso(time, "T", ".000+00:00")
        case "{podName}":
          readsPod = true
          result += pod.name
        case "{jsDate}": result += LogClock.jsDate(time)
        default:
          readsPod = true
          result += runtimes[pod.uid]?.podIP ?? "10.244.1.2"
        }
        rest = rest.dropFirst(token.count)
      } else {
        result += "{"
        rest = rest.dropFirst()
      }
    }
    result += rest
    if !readsPod { sharedText.remember(text, expanded: result, at: time) }
    return result
  }

  // MARK: Stopping

  private mutating func stopContainers(_ pod: Object, runtime: inout PodRuntime, source: EventSource) {
    let deadline = pod.deletionTimestamp ?? now
    for index in runtime.containers.indices {
      var container = runtime.containers[index]
      defer { runtime.containers[index] = container }
      switch container.state {
      case .running(let since):
        advanceProgram(pod, &container)
        guard container.isRunning else { continue }
        if !container.killingAnnounced {
          container.killingAnnounced = true
          recordEvent(pod, reason: "Killing", message: "Stopping container \(container.name)", source: source, fieldPath: fieldPath(container))
          // Servers stop on SIGTERM at once; a shell or sleep as PID 1 ignores it.
          let handlesTerm = container.program.contains(.serve) && !container.program.contains { if case .sleep = $0 { return true } else { return false } }
          container.stopAt = handlesTerm ? min(now.addingTimeInterval(0.3), deadline) : deadline
        }
        if let stopAt = container.stopAt, now >= stopAt {
          let killed = stopAt >= deadline && !(container.program.contains(.serve))
          container.state = .terminated(Termination(exitCode: killed ? 137 : 0, reason: killed ? "Error" : "Completed", startedAt: since, finishedAt: now, containerID: container.containerID))
        }
      case .new, .pulling, .pullFailed, .crashBackOff, .startFailed, .configError:
        container.state = .terminated(Termination(exitCode: 0, reason: "ContainerStatusUnknown", finishedAt: now))
      case .terminated:
        break
      }
    }
  }

  /// The volume manager's set-up of the pod's configMap and secret volumes:
  /// a missing ConfigMap or Secret (not optional) fails with a FailedMount
  /// event, retried after 0.5s doubling up to 2m2s as nestedpendingoperations
  /// backs off; the sandbox starts once every volume is set up.
  private mutating func mountVolumes(_ pod: Object, runtime: inout PodRuntime, source: EventSource) -> Bool {
    if runtime.volumesMounted { return true }
    if let retry = runtime.mountRetryAt, now < retry { return false }
    if let (volume, problem) = volumeMountProblem(pod) {
      recordEvent(pod, type: "Warning", reason: "FailedMount", message: "MountVolume.SetUp failed for volume \"\(volume)\" : \(problem)", source: source)
      let delay = min(122.0, 0.5 * pow(2.0, Double(runtime.mountFailures)))
      runtime.mountFailures += 1
      runtime.mountRetryAt = now.addingTimeInterval(delay)
      runtime.sandboxReadyAt = now.addingTimeInterval(delay + 0.4)
      return false
    }
    runtime.volumesMounted = true
    if runtime.mountFailures > 0 { runtime.sandboxReadyAt = now.addingTimeInterval(0.4) }
    return true
  }

  private func nextWake(_ runtime: PodRuntime) -> Date? {
    var times: [Date] = []
    if !runtime.volumesMounted, let retry = runtime.mountRetryAt, now < retry { times.append(retry) }
    if now < runtime.sandboxReadyAt { times.append(runtime.sandboxReadyAt) }
    for container in runtime.containers {
      switch container.state {
      case .pulling(let until, _): times.append(until)
      case .pullFailed(let retryAt, let shown): times.append(shown ? retryAt : now.addingTimeInterval(0.5))
      case .crashBackOff(let until, _): times.append(until)
      case .configError(_, let retryAt): times.append(retryAt)
      case .running:
        if let stopAt = container.stopAt { times.append(stopAt) }
        if let probe = nextProbe(container) { times.append(probe) }
        if container.programCounter < container.program.count,
          case .sleep(let seconds) = container.program[container.programCounter],
          let time = container.programTime
        {
          times.append(time.addingTimeInterval(seconds))
        }
      case .terminated, .startFailed: times.append(now.addingTimeInterval(0.05))
      case .new: break
      }
    }
    return times.filter { $0 > now }.min() ?? (runtime.containers.contains { if case .terminated = $0.state { return false }; if case .startFailed = $0.state { return true }; return false } ? now.addingTimeInterval(0.05) : nil)
  }

  static func millis(_ seconds: Double) -> String {
    let ms = Int((seconds * 1000).rounded(.down))
    if ms < 1000 { return "\(ms)ms" }
    var text = String(format: "%.3f", Double(ms) / 1000)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text + "s"
  }
}

/// The clock formats images use in their logs.
package enum LogClock {
  private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
  private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  private static func parts(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int) {
    let stamp = Timestamp.format(date)
    let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    let weekday = ((days % 7) + 7) % 7
    // Read the digits as bytes: every log line of a starting container
    // stamps a time. Years outside 0...9999 keep the Character path.
    let bytes = Array(stamp.utf8)
    let digits = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
    if bytes.count == 20, digits.allSatisfy({ (48...57).contains(bytes[$0]) }) {
      func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(bytes[$1]) - 48 } }
      return (number(0..<4), number(5..<7), number(8..<10), number(11..<13), number(14..<16), number(17..<19), weekday)
    }
    let chars = Array(stamp)
    func number(_ range: Range<Int>) -> Int { Int(String(chars[range])) ?? 0 }
    return (number(0..<4), number(5..<7), number(8..<10), number(11..<13), number(14..<16), number(17..<19), weekday)
  }

  /// `2025-03-06 09:00:05+00:00` and the like: the date, `separator`, the
  /// time to the second, then `suffix` (fraction and zone).
  package static func iso(_ date: Date, _ separator: String, _ suffix: String) -> String {
    let stamp = Timestamp.format(date)
    return String(stamp.prefix(10)) + separator + String(stamp.dropFirst(11).prefix(8)) + suffix
  }

  /// `Thu Mar  6 09:00:05 UTC 2025`, as busybox `date` prints.
  package static func unixDate(_ date: Date) -> String {
    let p = parts(date)
    let day = p.day < 10 ? " \(p.day)" : "\(p.day)"
    return "\(weekdays[p.weekday]) \(months[p.month - 1]) \(day) " + clock(p.hour, p.minute, p.second) + " UTC \(p.year)"
  }

  private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

  private static func clock(_ hour: Int, _ minute: Int, _ second: Int) -> String {
    "\(two(hour)):\(two(minute)):\(two(second))"
  }

  /// node's `console.log(new Date())`: `2025-03-06T09:00:05.000Z`.
  package static func jsDate(_ date: Date) -> String {
    let milliseconds = Int((date.timeIntervalSince1970 * 1000).rounded(.down)) % 1000
    let digits = String(milliseconds)
    // `…:05Z` becomes `…:05.042Z`.
    return Timestamp.format(date).dropLast() + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
  }

  /// `2025/03/06 09:00:05`.
  package static func nginx(_ date: Date) -> String {
    let p = parts(date)
    return "\(p.year)/" + two(p.month) + "/" + two(p.day) + " " + clock(p.hour, p.minute, p.second)
  }

  /// `Thu Mar 06 09:00:05.000000 2025`.
  package static func apache(_ date: Date) -> String {
    let p = parts(date)
    return "\(weekdays[p.weekday]) \(months[p.month - 1]) " + two(p.day) + " " + clock(p.hour, p.minute, p.second) + ".000000 \(p.year)"
  }

  /// `06 Mar 2025 09:00:05.000`.
  package static func redis(_ date: Date) -> String {
    let p = parts(date)
    return two(p.day) + " \(months[p.month - 1]) \(p.year) " + clock(p.hour, p.minute, p.second) + ".000"
  }
}
