import Foundation

extension Cluster {
  /// The network programs an image ships: curl in the Debian-based web
  /// images, busybox's wget, nslookup and ping in busybox and alpine.
  static func networkTools(of image: ImageBehavior?) -> Set<String> {
    switch image?.repository {
    case "nginx", "registry.k8s.io/nginx-slim", "subicura/whoami", "httpd": ["curl"]
    case "busybox", "alpine": ["wget", "nslookup", "ping"]
    default: []
    }
  }

  /// What a pod whose main process is `wget …`, `nslookup …`, `ping …` or
  /// `curl …` prints and returns (`kubectl run tmp --rm -it -- wget -qO- web`);
  /// nil when the pod's image has no such program.
  package mutating func runNetworkTool(_ argv: [String], asMainProcessOf pod: Object) -> ExecResult? {
    guard let program = argv.first,
      let image = pod.content[path: "spec.containers"]?.array?.first?["image"]?.string
    else { return nil }
    let name = (program as NSString).lastPathComponent
    return runNetworkTool(name, Array(argv.dropFirst()), in: pod, image: ImageCatalog.lookup(ImageReference(image)))
  }

  /// Runs curl, wget, nslookup or ping inside `pod`; nil for other programs.
  mutating func runNetworkTool(
    _ name: String, _ args: [String], in pod: Object, image: ImageBehavior?
  ) -> ExecResult? {
    guard Cluster.networkTools(of: image).contains(name) else { return nil }
    let origin = NetworkOrigin.pod(pod)
    switch name {
    case "curl":
      let outcome = CurlProgram.run(args, cluster: &self, origin: origin)
      return ExecResult(
        stdout: outcome.stdout, stderr: outcome.stderr, exitCode: Int(outcome.exitCode))
    case "wget": return wget(args, origin: origin)
    case "nslookup": return nslookup(args, origin: origin)
    default: return ping(args, origin: origin)
    }
  }

  /// busybox wget: `wget -qO- URL`, `wget -O FILE URL`, `-T SECONDS`.
  private mutating func wget(_ args: [String], origin: NetworkOrigin) -> ExecResult {
    var quiet = false
    var output: String?
    var timeout = 900.0
    var spider = false
    var url: String?
    var index = 0
    while index < args.count {
      let argument = args[index]
      if argument == "--spider" {
        spider = true
      } else if argument.hasPrefix("-T") {
        let text =
          argument.count > 2
          ? String(argument.dropFirst(2)) : (index + 1 < args.count ? args[index + 1] : "")
        if argument.count == 2 { index += 1 }
        timeout = Double(text) ?? timeout
      } else if argument.hasPrefix("-") && !argument.hasPrefix("--") {
        var letters = Array(argument.dropFirst())
        while let letter = letters.first {
          letters.removeFirst()
          if letter == "q" { quiet = true }
          if letter == "O" {
            if !letters.isEmpty {
              output = String(letters)
            } else if index + 1 < args.count {
              index += 1
              output = args[index]
            }
            break
          }
        }
      } else {
        url = argument
      }
      index += 1
    }
    guard let url else {
      return ExecResult(
        stderr:
          "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n",
        exitCode: 1)
    }
    var rest = Substring(url)
    if let range = rest.range(of: "://") { rest = rest[range.upperBound...] }
    let authority = String(rest.prefix { $0 != "/" })
    let path =
      rest.dropFirst(authority.count).isEmpty ? "/" : String(rest.dropFirst(authority.count))
    var host = authority
    var port = 80
    if let colon = authority.lastIndex(of: ":"),
      let number = Int(authority[authority.index(after: colon)...])
    {
      host = String(authority[..<colon])
      port = number
    }
    guard let (_, addresses) = resolve(host, from: origin), let ip = addresses.first else {
      return ExecResult(stderr: "wget: bad address '\(host)'\n", exitCode: 1)
    }
    var log = quiet ? "" : "Connecting to \(authority) (\(ip):\(port))\n"
    let method = spider ? "HEAD" : "GET"
    let request = HTTPRequest(method: method, host: authority, path: path, userAgent: "Wget")
    switch send(request, to: ip, port: port, from: origin) {
    case .failure(.timedOut):
      advance(by: timeout)
      return ExecResult(stderr: log + "wget: download timed out\n", exitCode: 1)
    case .failure:
      return ExecResult(
        stderr: log + "wget: can't connect to remote host (\(ip)): Connection refused\n",
        exitCode: 1)
    case .success(let response):
      guard response.status < 400 else {
        return ExecResult(
          stderr: log
            + "wget: server returned error: HTTP/1.1 \(response.status) \(response.reason)\n",
          exitCode: 1)
      }
      if spider {
        if !quiet { log += "remote file exists\n" }
        return ExecResult(stderr: log)
      }
      let file =
        output
        ?? {
          let last = path.split(separator: "/").last.map(String.init) ?? ""
          return last.isEmpty ? "index.html" : last
        }()
      let size = response.body.utf8.count
      if file == "-" {
        if !quiet {
          log += "writing to stdout\n"
          log +=
            "-                    100% |********************************|   \(size)  0:00:00 ETA\nwritten to stdout\n"
        }
        return ExecResult(
          stdout: response.body.replacingOccurrences(of: "\r\n", with: "\n"), stderr: log)
      }
      if !quiet {
        log += "saving to '\(file)'\n"
        let name =
          file.count < 21
          ? file + String(repeating: " ", count: 21 - file.count) : String(file.prefix(21))
        log +=
          "\(name)100% |********************************|   \(size)  0:00:00 ETA\n'\(file)' saved\n"
      }
      return ExecResult(stderr: log)
    }
  }

  /// busybox nslookup against the cluster DNS Service.
  private func nslookup(_ args: [String], origin: NetworkOrigin) -> ExecResult {
    guard let name = args.first(where: { !$0.hasPrefix("-") }) else {
      return ExecResult(
        stderr:
          "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n",
        exitCode: 1)
    }
    guard dnsIsServing else {
      return ExecResult(
        stdout: ";; connection timed out; no servers could be reached\n\n", exitCode: 1)
    }
    if case .pod(let pod) = origin, Cluster.hasLegacyNslookup(pod) {
      return legacyNslookup(name, origin: origin)
    }
    var text = "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n"
    if let target = externalName(name, from: origin) {
      text += "\(target.name)\tcanonical name = \(target.externalName)\n\n"
      text += "** server can't find \(target.externalName): NXDOMAIN\n\n"
      return ExecResult(stdout: text, exitCode: 1)
    }
    guard let (found, addresses) = resolve(name, from: origin) else {
      text += "** server can't find \(name): NXDOMAIN\n\n"
      return ExecResult(stdout: text, exitCode: 1)
    }
    if Cluster.isIPv4(name) {
      text +=
        "** server can't find \(name.split(separator: ".").reversed().joined(separator: ".")).in-addr.arpa: NXDOMAIN\n\n"
      return ExecResult(stdout: text, exitCode: 1)
    }
    for address in addresses { text += "Name:\t\(found)\nAddress: \(address)\n" }
    return ExecResult(stdout: text + "\n")
  }

  /// Whether the pod's busybox is 1.28 or older, whose nslookup prints
  /// `Address 1: IP NAME` (why the tutorials pin `busybox:1.28`).
  static func hasLegacyNslookup(_ pod: Object) -> Bool {
    (pod.content[path: "spec.containers"]?.array ?? []).contains { container in
      let reference = ImageReference(container["image"]?.string ?? "")
      guard reference.shortRepository == "busybox" || reference.shortRepository == "registry.k8s.io/busybox" else {
        return false
      }
      let parts = reference.tag.split(separator: ".").compactMap { Int($0) }
      return parts.count >= 2 && parts[0] == 1 && parts[1] <= 28
    }
  }

  /// busybox 1.28's nslookup: the server and each address with its name.
  private func legacyNslookup(_ name: String, origin: NetworkOrigin) -> ExecResult {
    var text = "Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n"
    guard let (found, addresses) = resolve(name, from: origin), externalName(name, from: origin) == nil else {
      return ExecResult(stdout: text, stderr: "nslookup: can't resolve '\(name)'\n", exitCode: 1)
    }
    text += "Name:      \(name)\n"
    for (index, address) in addresses.enumerated() {
      text += "Address \(index + 1): \(address)\(Cluster.isIPv4(name) ? "" : " " + found)\n"
    }
    return ExecResult(stdout: text)
  }

  /// busybox ping: pods answer; Service addresses are virtual and do not.
  private mutating func ping(_ args: [String], origin: NetworkOrigin) -> ExecResult {
    var count = 4
    var host: String?
    var index = 0
    while index < args.count {
      if args[index] == "-c", index + 1 < args.count {
        count = Int(args[index + 1]) ?? count
        index += 1
      } else if args[index].hasPrefix("-c") {
        count = Int(args[index].dropFirst(2)) ?? count
      } else if !args[index].hasPrefix("-") {
        host = args[index]
      }
      index += 1
    }
    guard let host else {
      return ExecResult(
        stderr:
          "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n",
        exitCode: 1)
    }
    guard let (_, addresses) = resolve(host, from: origin), let ip = addresses.first else {
      return ExecResult(stderr: "ping: bad address '\(host)'\n", exitCode: 1)
    }
    let answers =
      ip == "127.0.0.1" || node(withIP: ip) != nil
      || store.list(.pod).contains {
        $0.content[path: "status.podIP"]?.string == ip
          && $0.content[path: "status.phase"]?.string == "Running"
      }
    var text = "PING \(host) (\(ip)): 56 data bytes\n"
    if answers {
      for sequence in 0..<count {
        text +=
          "64 bytes from \(ip): seq=\(sequence) ttl=\(ip == "127.0.0.1" ? 64 : 63) time=0.0\(71 + sequence * 7) ms\n"
      }
    }
    advance(by: Double(count))
    text += "\n--- \(host) ping statistics ---\n"
    text +=
      "\(count) packets transmitted, \(answers ? count : 0) packets received, \(answers ? 0 : 100)% packet loss\n"
    if answers {
      text +=
        "round-trip min/avg/max = 0.071/0.\(String(format: "%03d", 71 + (count - 1) * 7 / 2))/0.\(String(format: "%03d", 71 + (count - 1) * 7)) ms\n"
    }
    return ExecResult(stdout: text, exitCode: answers ? 0 : 1)
  }

  /// The ExternalName Service a name finds through the search path, if any:
  /// CoreDNS answers it with a CNAME, which cannot resolve offline.
  private func externalName(_ name: String, from origin: NetworkOrigin) -> (
    name: String, externalName: String
  )? {
    guard case .pod(let pod) = origin else { return nil }
    let lowered = name.lowercased()
    let candidates =
      [lowered] + Cluster.searchDomains(namespace: pod.namespace).map { "\(lowered).\($0)" }
    for candidate in candidates where candidate.hasSuffix(".svc.cluster.local") {
      let labels = candidate.dropLast(".svc.cluster.local".count).split(separator: ".")
      guard labels.count == 2,
        let service = store.get(ObjectKey(.service, String(labels[0]), in: String(labels[1]))),
        service.content[path: "spec.type"]?.string == "ExternalName",
        let target = service.content[path: "spec.externalName"]?.string
      else { continue }
      return (candidate, target)
    }
    return nil
  }
}
