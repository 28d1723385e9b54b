import Foundation

/// The result of a process run inside a container.
package struct ExecResult: Equatable, Sendable {
  package var stdout: String
  package var stderr: String
  package var exitCode: Int

  package init(stdout: String = "", stderr: String = "", exitCode: Int = 0) {
    self.stdout = stdout
    self.stderr = stderr
    self.exitCode = exitCode
  }
}

/// Why a command could not run in a container at all.
package enum ExecFailure: Error, Equatable, Sendable {
  /// The container is not running (yet).
  case containerNotFound(String)
  /// The executable does not exist in the image.
  case executableNotFound(String)
}

extension Cluster {
  /// The environment a container's processes see: what it started with.
  package func environment(of pod: Object, container name: String) -> [(String, String)] {
    if let kept = projectedConfig.environments[pod.uid + "/" + name] { return kept }
    let spec = (pod.content[path: "spec.containers"]?.array ?? []).first { $0["name"]?.string == name }
    return environment(of: pod, spec: spec, image: ImageCatalog.lookup(ImageReference(spec?["image"]?.string ?? "")))
  }

  /// The environment a container of `pod` with this spec and image starts
  /// with now; the kubelet passes the image it already looked up.
  func environment(of pod: Object, spec: JSONValue?, image: ImageBehavior?) -> [(String, String)] {
    var variables: [(String, String)] = []
    let imageEnv = image?.env ?? [("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")]
    if let path = imageEnv.first(where: { $0.0 == "PATH" }) { variables.append(path) }
    variables.append(("HOSTNAME", pod.name))
    variables += imageEnv.filter { $0.0 != "PATH" }
    // envFrom first; env entries of the same name win.
    let explicit = Set((spec?["env"]?.array ?? []).compactMap { $0["name"]?.string })
    variables += environmentFrom(spec, namespace: pod.namespace).filter { !explicit.contains($0.0) }
    for variable in spec?["env"]?.array ?? [] {
      guard let key = variable["name"]?.string else { continue }
      variables.append((key, resolveEnv(variable, pod: pod)))
    }
    if pod.content[path: "spec.enableServiceLinks"]?.bool != false {
      let created = pod.creationTimestamp ?? .distantPast
      let services = store.list(.service, in: pod.namespace).map(ServiceLinks.of).filter {
        ($0.created ?? .distantFuture) <= created && !$0.headless
      }
      for service in services where service.name != "kubernetes" || pod.namespace != "default" {
        variables += service.variables
      }
    }
    if let kubernetes = store.get(ObjectKey(.service, "kubernetes", in: "default")) {
      variables += ServiceLinks.of(kubernetes).variables
    }
    variables.append(("HOME", "/root"))
    return variables
  }

  private func resolveEnv(_ variable: JSONValue, pod: Object) -> String {
    if let value = variable["value"]?.string { return value }
    guard let from = variable["valueFrom"] else { return "" }
    if let path = from[path: "fieldRef.fieldPath"]?.string {
      switch path {
      case "metadata.name": return pod.name
      case "metadata.namespace": return pod.namespace
      case "metadata.uid": return pod.uid
      case "spec.nodeName": return pod.content[path: "spec.nodeName"]?.string ?? ""
      case "spec.serviceAccountName": return pod.content[path: "spec.serviceAccountName"]?.string ?? ""
      case "status.podIP": return pod.content[path: "status.podIP"]?.string ?? ""
      case "status.hostIP": return pod.content[path: "status.hostIP"]?.string ?? ""
      default:
        if path.hasPrefix("metadata.labels['"), let key = path.split(separator: "'").dropFirst().first {
          return pod.labels[String(key)] ?? ""
        }
        if path.hasPrefix("metadata.annotations['"), let key = path.split(separator: "'").dropFirst().first {
          return pod.annotations[String(key)] ?? ""
        }
        return ""
      }
    }
    if let name = from[path: "configMapKeyRef.name"]?.string, let key = from[path: "configMapKeyRef.key"]?.string {
      return store.get(ObjectKey(.configMap, name, in: pod.namespace))?.content[path: "data"]?[key]?.string ?? ""
    }
    if let name = from[path: "secretKeyRef.name"]?.string, let key = from[path: "secretKeyRef.key"]?.string {
      let encoded = store.get(ObjectKey(.secret, name, in: pod.namespace))?.content[path: "data"]?[key]?.string ?? ""
      return Data(base64Encoded: encoded).flatMap { String(data: $0, encoding: .utf8) } ?? ""
    }
    return ""
  }

  /// Files a container can read: the ones the runtime and kubelet put there.
  package func file(_ path: String, in pod: Object, container: String) -> String? {
    let spec = (pod.content[path: "spec.containers"]?.array ?? []).first { $0["name"]?.string == container }
    let image = ImageReference(spec?["image"]?.string ?? "")
    let podIP = pod.content[path: "status.podIP"]?.string ?? ""
    switch path {
    case "/etc/hostname": return pod.name + "\n"
    case "/etc/hosts":
      return """
        # Kubernetes-managed hosts file.
        127.0.0.1\tlocalhost
        ::1\tlocalhost ip6-localhost ip6-loopback
        fe00::0\tip6-localnet
        fe00::0\tip6-mcastprefix
        fe00::1\tip6-allnodes
        fe00::2\tip6-allrouters
        \(podIP)\t\(pod.name)

        """
    case "/etc/resolv.conf":
      return """
        search \(pod.namespace).svc.cluster.local svc.cluster.local cluster.local
        nameserver 10.96.0.10
        options ndots:5

        """
    case "/etc/os-release":
      if image.shortRepository == "busybox" { return nil }
      if image.shortRepository == "alpine" || image.tag.contains("alpine") {
        return "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.21.3\nPRETTY_NAME=\"Alpine Linux v3.21\"\nHOME_URL=\"https://alpinelinux.org/\"\nBUG_REPORT_URL=\"https://gitlab.alpinelinux.org/alpine/aports/-/issues\"\n"
      }
      return "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL=\"https://www.debian.org/\"\nSUPPORT_URL=\"https://www.debian.org/support\"\nBUG_REPORT_URL=\"https://bugs.debian.org/\"\n"
    case "/var/run/secrets/kubernetes.io/serviceaccount/namespace": return pod.namespace
    case "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt": return Cluster.rootCA
    case "/var/run/secrets/kubernetes.io/serviceaccount/token":
      var seed = RandomSource(seed: UInt64(RandomSource.fnv32a(pod.uid)))
      return "eyJhbGciOiJSUzI1NiIsImtpZCI6I" + seed.hex(40) + "." + seed.hex(120) + "." + seed.hex(86)
    case "/usr/share/nginx/html/index.html" where image.shortRepository == "nginx":
      return Cluster.nginxWelcome
    case "/usr/local/apache2/htdocs/index.html" where image.shortRepository == "httpd":
      return "<html><body><h1>It works!</h1></body></html>\n"
    default:
      return configVolumeFile(path, in: pod, container: container)
        ?? writtenFile(path, in: pod, container: container)
    }
  }

  /// A file a container's program wrote: in its own filesystem, or in a
  /// volume it shares with another container of the pod (an emptyDir).
  func writtenFile(_ path: String, in pod: Object, container: String) -> String? {
    guard let runtime = runtimes[pod.uid] else { return nil }
    if let own = runtime.container(container)?.files[path] { return own }
    if let kept = volumeFile(path, in: pod, container: container) { return kept }
    let specs = (pod.content[path: "spec.containers"]?.array ?? []) + (pod.content[path: "spec.initContainers"]?.array ?? [])
    func mounts(_ name: String) -> [(volume: String, path: String)] {
      let spec = specs.first { $0["name"]?.string == name }
      return (spec?["volumeMounts"]?.array ?? []).compactMap { mount in
        guard let volume = mount["name"]?.string, let path = mount["mountPath"]?.string else { return nil }
        return (volume, path.hasSuffix("/") ? String(path.dropLast()) : path)
      }
    }
    for mine in mounts(container) where path.hasPrefix(mine.path + "/") {
      let relative = path.dropFirst(mine.path.count)
      for other in runtime.containers where other.name != container {
        for theirs in mounts(other.name) where theirs.volume == mine.volume {
          if let text = other.files[theirs.path + relative] { return text }
        }
      }
    }
    return nil
  }

  static let nginxWelcome = """
    <!DOCTYPE html>
    <html>
    <head>
    <title>Welcome to nginx!</title>
    <style>
    html { color-scheme: light dark; }
    body { width: 35em; margin: 0 auto;
    font-family: Tahoma, Verdana, Arial, sans-serif; }
    </style>
    </head>
    <body>
    <h1>Welcome to nginx!</h1>
    <p>If you see this page, the nginx web server is successfully installed and
    working. Further configuration is required.</p>

    <p>For online documentation and support please refer to
    <a href="http://nginx.org/">nginx.org</a>.<br/>
    Commercial support is available at
    <a href="http://nginx.com/">nginx.com</a>.</p>

    <p><em>Thank you for using nginx.</em></p>
    </body>
    </html>

    """

  /// Runs a command in a running container: the handful of programs
  /// tutorials reach for.
  package mutating func execute(_ argv: [String], in pod: Object, container: String) throws(ExecFailure) -> ExecResult {
    guard let runtime = runtimes[pod.uid]?.container(container), runtime.isRunning else {
      throw .containerNotFound(container)
    }
    let image = ImageCatalog.lookup(ImageReference(runtime.image))
    let hasShell = image?.hasShell ?? false
    guard let program = argv.first else { return ExecResult() }
    let name = (program as NSString).lastPathComponent
    let args = Array(argv.dropFirst())
    if ["curl", "wget", "nslookup", "ping"].contains(name) {
      guard let result = runNetworkTool(name, args, in: pod, image: image) else { throw .executableNotFound(program) }
      return result
    }
    let shellTools: Set<String> = ["sh", "bash", "hostname", "env", "printenv", "cat", "ls", "echo", "whoami", "id", "pwd", "date", "uname", "true", "false", "sleep", "nslookup", "wget", "curl", "ps", "df", "head", "tail"]
    guard hasShell, shellTools.contains(name) else {
      if name == "nginx" && image?.repository == "nginx" && args == ["-v"] {
        return ExecResult(stderr: "nginx version: nginx/1.27.3\n")
      }
      throw .executableNotFound(program)
    }
    // busybox's applets word their errors their own way.
    let busybox = [.busybox, .alpine].contains(PodShell.family(of: ImageReference(runtime.image)))
    switch name {
    case "hostname": return ExecResult(stdout: pod.name + "\n")
    case "env", "printenv":
      let variables = environment(of: pod, container: container)
      if name == "printenv", let key = args.first {
        guard let value = variables.last(where: { $0.0 == key })?.1 else { return ExecResult(exitCode: 1) }
        return ExecResult(stdout: value + "\n")
      }
      return ExecResult(stdout: variables.map { "\($0.0)=\($0.1)\n" }.joined())
    case "cat":
      var out = ""
      var errors = ""
      for path in args {
        if let content = file(path, in: pod, container: container) {
          out += content
        } else {
          errors += busybox ? "cat: can't open '\(path)': No such file or directory\n" : "cat: \(path): No such file or directory\n"
        }
      }
      return ExecResult(stdout: out, stderr: errors, exitCode: errors.isEmpty ? 0 : 1)
    case "ls":
      let paths = args.filter { !$0.hasPrefix("-") }
      // A configMap or secret volume lists its keys, as one ls of several folders.
      if !paths.isEmpty,
        let folders = Optional(paths.map { configVolumeFiles(at: $0, in: pod, container: container) }),
        folders.allSatisfy({ $0 != nil })
      {
        let blocks = zip(paths, folders).map { path, files in
          (paths.count > 1 ? "\(path):\n" : "") + (files ?? [:]).keys.sorted().map { $0 + "\n" }.joined()
        }
        return ExecResult(stdout: blocks.joined(separator: "\n"))
      }
      let path = paths.first ?? "/"
      let listing: [String: [String]] = [
        "/": ["bin", "boot", "dev", "etc", "home", "lib", "lib64", "media", "mnt", "opt", "proc", "root", "run", "sbin", "srv", "sys", "tmp", "usr", "var"],
        "/var/run/secrets/kubernetes.io/serviceaccount": ["ca.crt", "namespace", "token"],
        "/usr/share/nginx/html": ["50x.html", "index.html"],
        "/tmp": [],
      ]
      guard let entries = listing[path] else {
        if busybox { return ExecResult(stderr: "ls: \(path): No such file or directory\n", exitCode: 1) }
        return ExecResult(stderr: "ls: cannot access '\(path)': No such file or directory\n", exitCode: 2)
      }
      return ExecResult(stdout: entries.map { $0 + "\n" }.joined())
    case "echo": return ExecResult(stdout: args.joined(separator: " ") + "\n")
    case "whoami": return ExecResult(stdout: "root\n")
    case "id": return ExecResult(stdout: "uid=0(root) gid=0(root) groups=0(root)\n")
    case "pwd": return ExecResult(stdout: "/\n")
    case "date": return ExecResult(stdout: LogClock.unixDate(now) + "\n")
    case "uname": return ExecResult(stdout: args.contains("-a") ? "Linux \(pod.name) 6.8.0-51-generic #52-Ubuntu SMP PREEMPT_DYNAMIC x86_64 GNU/Linux\n" : "Linux\n")
    case "true", "sleep": return ExecResult()
    case "false": return ExecResult(exitCode: 1)
    case "sh", "bash":
      if args.count >= 2, args[0] == "-c" {
        let words = args[1].split(separator: " ").map(String.init)
        return try execute(words, in: pod, container: container)
      }
      return ExecResult()
    default:
      return ExecResult(stderr: "\(name): not available in this simulated container\n", exitCode: 127)
    }
  }

  /// What a container has written, for `kubectl logs`.
  package func logs(of pod: Object, container: String, previous: Bool) -> [LogLine]? {
    guard let runtime = runtimes[pod.uid]?.container(container) else { return nil }
    return previous ? (runtime.lastTermination == nil ? nil : runtime.previousLogs) : runtime.logs
  }

  /// The kubelet's view of a container, for kubectl's error messages.
  package func containerRuntime(of pod: Object, container: String) -> ContainerRuntime? {
    runtimes[pod.uid]?.container(container)
  }
}

/// What a Service gives the containers started after it: Docker-style link
/// variables (`WEB_SERVICE_HOST`, ...). Worked out once per stored version
/// of the Service, not for every container that starts.
struct ServiceLinks: Sendable {
  var name: String
  var created: Date?
  /// `clusterIP: None`: no variables at all.
  var headless: Bool
  var variables: [(String, String)]

  static func of(_ service: Object) -> ServiceLinks { service.memoized(ServiceLinks.self, ServiceLinks.init) }

  private init(_ service: Object) {
    name = service.name
    created = service.creationTimestamp
    let ip = service.content[path: "spec.clusterIP"]?.string ?? ""
    headless = ip == "None"
    variables = ServiceLinks.variables(service, ip: ip)
  }

  private static func variables(_ service: Object, ip: String) -> [(String, String)] {
    guard !ip.isEmpty else { return [] }
    let prefix = service.name.uppercased().replacingOccurrences(of: "-", with: "_")
    let ports = service.content[path: "spec.ports"]?.array ?? []
    guard let first = ports.first else { return [] }
    var variables: [(String, String)] = [
      ("\(prefix)_SERVICE_HOST", ip), ("\(prefix)_SERVICE_PORT", String(first["port"]?.int ?? 0)),
    ]
    for port in ports {
      if let name = port["name"]?.string, !name.isEmpty {
        variables.append(("\(prefix)_SERVICE_PORT_\(name.uppercased().replacingOccurrences(of: "-", with: "_"))", String(port["port"]?.int ?? 0)))
      }
    }
    let proto = (first["protocol"]?.string ?? "TCP").lowercased()
    variables.append(("\(prefix)_PORT", "\(proto)://\(ip):\(first["port"]?.int ?? 0)"))
    for port in ports {
      let number = port["port"]?.int ?? 0
      let p = (port["protocol"]?.string ?? "TCP")
      let base = "\(prefix)_PORT_\(number)_\(p)"
      variables += [
        (base, "\(p.lowercased())://\(ip):\(number)"), ("\(base)_PROTO", p.lowercased()),
        ("\(base)_PORT", String(number)), ("\(base)_ADDR", ip),
      ]
    }
    return variables
  }
}
