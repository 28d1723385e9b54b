import Foundation

/// The kubelet's prober: startup, liveness and readiness probes on the clock,
/// answered by what the container's image and program really do.
extension Cluster {
  /// A container's probe of one kind, if its spec declares it.
  func probeSpec(_ kind: ProbeKind, of container: ContainerRuntime, in pod: Object) -> JSONValue? {
    let field = container.isInit ? "spec.initContainers" : "spec.containers"
    let spec = pod.content[path: field]?.array?.first { $0["name"]?.string == container.name }
    guard let probe = spec?[kind.specField], probe.object != nil else { return nil }
    return probe
  }

  /// Starts the probe workers of a container that has just started.
  func startProbes(_ container: inout ContainerRuntime, pod: Object, startedAt: Date) {
    container.probes = [:]
    for kind in ProbeKind.allCases {
      guard let probe = probeSpec(kind, of: container, in: pod) else { continue }
      let delay = Double(probe["initialDelaySeconds"]?.int ?? 0)
      // The worker's first tick comes a moment after the start.
      container.probes[kind] = ProbeTrack(nextAt: startedAt.addingTimeInterval(max(delay, 0.5)))
    }
  }

  /// Whether the container has passed its startup probe (or has none).
  func hasStarted(_ container: ContainerRuntime, pod: Object) -> Bool {
    guard container.isRunning else { return false }
    guard probeSpec(.startup, of: container, in: pod) != nil else { return true }
    return container.probes[.startup]?.passing == true
  }

  /// Runs the probes that are due, records their failures as Events, and
  /// starts killing the container when a liveness or startup probe gives up.
  mutating func runProbes(_ pod: Object, _ container: inout ContainerRuntime, source: EventSource) {
    guard container.isRunning, !container.killedByProbe, !container.isInit else { return }
    let path = "spec.containers{\(container.name)}"
    for kind in ProbeKind.allCases {
      guard var track = container.probes[kind], let probe = probeSpec(kind, of: container, in: pod),
        now >= track.nextAt
      else { continue }
      let period = Double(max(probe["periodSeconds"]?.int ?? 10, 1))
      while track.nextAt <= now { track.nextAt = track.nextAt.addingTimeInterval(period) }
      defer { if !container.killedByProbe { container.probes[kind] = track } }
      if kind == .startup && track.passing == true { continue }
      if kind != .startup && !hasStarted(container, pod: pod) { continue }
      let (ok, output) = probeResult(probe, container: container, pod: pod)
      if ok {
        track.failures = 0
        track.successes += 1
        if track.successes >= max(probe["successThreshold"]?.int ?? 1, 1), track.passing != true {
          track.passing = true
          store.note(
            "\(kind.title) probe passed: \(container.name)", about: pod,
            actor: "kubelet/\(source.host ?? "")", at: now)
        }
        continue
      }
      track.successes = 0
      track.failures += 1
      recordEvent(
        pod, type: "Warning", reason: "Unhealthy", message: "\(kind.title) probe failed: \(output)",
        source: source, fieldPath: path)
      guard track.failures >= max(probe["failureThreshold"]?.int ?? 3, 1) else { continue }
      track.passing = false
      guard kind != .readiness else { continue }
      recordEvent(
        pod, reason: "Killing",
        message: "Container \(container.name) failed \(kind.rawValue) probe, will be restarted",
        source: source, fieldPath: path)
      let grace = Double(
        probe["terminationGracePeriodSeconds"]?.int
          ?? pod.content[path: "spec.terminationGracePeriodSeconds"]?.int ?? 30)
      container.killedByProbe = true
      container.stopAt = now.addingTimeInterval(Cluster.handlesTerm(container) ? min(0.3, grace) : grace)
      return
    }
  }

  /// Servers stop on SIGTERM at once; a shell or `sleep` as PID 1 ignores it
  /// and is killed when the grace period ends.
  static func handlesTerm(_ container: ContainerRuntime) -> Bool {
    container.program.contains(.serve)
      && !container.program.contains { if case .sleep = $0 { return true } else { return false } }
  }

  /// The earliest time a running container's probes are due.
  func nextProbe(_ container: ContainerRuntime) -> Date? {
    guard container.isRunning, !container.killedByProbe else { return nil }
    return container.probes.values.map(\.nextAt).min()
  }

  // MARK: Answers

  /// Whether one probe passes now, and the output the kubelet reports.
  private func probeResult(_ probe: JSONValue, container: ContainerRuntime, pod: Object) -> (Bool, String) {
    let ip = runtimes[pod.uid]?.podIP ?? ""
    if let command = probe[path: "exec.command"]?.array?.compactMap(\.string) {
      return execResult(command, container: container)
    }
    if let get = probe["httpGet"] {
      let port = resolvePort(get["port"], container: container, pod: pod)
      let host = get["host"]?.string ?? ip
      let scheme = (get["scheme"]?.string ?? "HTTP").lowercased()
      var path = get["path"]?.string ?? "/"
      if !path.hasPrefix("/") { path = "/" + path }
      let url = "\(scheme)://\(Cluster.hostPort(host, port))\(path)"
      guard serves(port, container: container) else {
        return (false, "Get \"\(url)\": dial tcp \(Cluster.hostPort(host, port)): connect: connection refused")
      }
      let image = ImageCatalog.lookup(ImageReference(container.image))
      switch image?.http ?? .none {
      case .none:
        return (false, "Get \"\(url)\": net/http: HTTP/1.x transport connection broken: malformed HTTP response")
      case .whoami:
        return path == "/" ? (true, "") : (false, "HTTP probe failed with statuscode: 404")
      case .bootcamp, .helloApp:
        return (true, "")
      case .nginxWelcome, .httpdItWorks, .text:
        return ["/", "/index.html"].contains(path) ? (true, "") : (false, "HTTP probe failed with statuscode: 404")
      }
    }
    if let socket = probe["tcpSocket"] ?? probe["grpc"] {
      let port = resolvePort(socket["port"], container: container, pod: pod)
      let host = socket["host"]?.string ?? ip
      guard serves(port, container: container) else {
        return (false, "dial tcp \(Cluster.hostPort(host, port)): connect: connection refused")
      }
      return (true, "")
    }
    return (true, "")
  }

  private static func hostPort(_ host: String, _ port: Int) -> String {
    host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
  }

  /// A numeric port, or a named one looked up in the container's ports.
  private func resolvePort(_ value: JSONValue?, container: ContainerRuntime, pod: Object) -> Int {
    if let number = value?.int { return number }
    guard let name = value?.string else { return 0 }
    if let number = Int(name) { return number }
    let spec = pod.content[path: "spec.containers"]?.array?.first { $0["name"]?.string == container.name }
    let port = spec?["ports"]?.array?.first { $0["name"]?.string == name }
    return port?["containerPort"]?.int ?? 0
  }

  /// Whether the container's process listens on `port`: a server image
  /// running its own server, not a shell loop or `sleep` in its place.
  private func serves(_ port: Int, container: ContainerRuntime) -> Bool {
    guard let image = ImageCatalog.lookup(ImageReference(container.image)), image.ports.contains(port) else {
      return false
    }
    return Cluster.handlesTerm(container)
  }

  /// The exit status and output of an exec probe's command in the container.
  private func execResult(_ command: [String], container: ContainerRuntime) -> (Bool, String) {
    guard let executable = command.first else { return (false, "") }
    let image = ImageCatalog.lookup(ImageReference(container.image))
    let name = (executable as NSString).lastPathComponent
    if image?.hasShell == false {
      return (
        false,
        "OCI runtime exec failed: exec failed: unable to start container process: exec: \"\(executable)\": executable file not found in $PATH: unknown"
      )
    }
    let arguments = Array(command.dropFirst())
    switch name {
    case "sh", "bash", "ash":
      guard arguments.count >= 2, arguments[0] == "-c" else { return (true, "") }
      let words = arguments[1].split(separator: " ").map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "'\"")) }
      return execResult(words, container: container)
    case "true": return (true, "")
    case "false": return (false, "")
    case "cat":
      for file in arguments where !file.hasPrefix("-") && container.files[file] == nil {
        return (false, "cat: can't open '\(file)': No such file or directory")
      }
      return (true, "")
    case "ls", "stat":
      for file in arguments where !file.hasPrefix("-") && container.files[file] == nil {
        return (false, "\(name): \(file): No such file or directory")
      }
      return (true, "")
    case "test", "[":
      let files = arguments.filter { !$0.hasPrefix("-") && $0 != "]" }
      return (files.allSatisfy { container.files[$0] != nil }, "")
    default:
      return (true, "")
    }
  }
}
