import Foundation

/// The cluster's data plane: CoreDNS answers, kube-proxy's Service rules,
/// the pod network, and the servers that answer inside containers.
extension Cluster {
  // MARK: DNS

  /// The search list kubelet writes into a pod's resolv.conf (ndots:5).
  static func searchDomains(namespace: String) -> [String] {
    ["\(namespace).svc.cluster.local", "svc.cluster.local", "cluster.local"]
  }

  /// Whether CoreDNS answers: the kube-dns Service has a ready endpoint.
  package var dnsIsServing: Bool {
    !readyAddresses(ObjectKey(.endpoints, "kube-dns", in: "kube-system")).isEmpty
  }

  /// Resolves `name` as a process at `origin` does.
  ///
  /// IP literals stay as they are; the host knows only `localhost`; a pod
  /// asks CoreDNS with its search path. Returns the name that answered
  /// and its addresses.
  package func resolve(_ name: String, from origin: NetworkOrigin) -> (
    name: String, addresses: [String]
  )? {
    let lowered = name.lowercased()
    if Cluster.isIPv4(lowered) { return (lowered, [lowered]) }
    if lowered == "localhost" { return (lowered, ["127.0.0.1"]) }
    guard case .pod(let pod) = origin else {
      // The learner's machine maps Ingress hosts to the ingress address,
      // as a line in /etc/hosts would.
      return ingressAddress(forHost: lowered).map { (lowered, [$0]) }
    }
    guard dnsIsServing else { return nil }
    if lowered.hasSuffix(".") {
      return lookup(String(lowered.dropLast())).map { (String(lowered.dropLast()), $0) }
    }
    let dots = lowered.filter { $0 == "." }.count
    var candidates = Cluster.searchDomains(namespace: pod.namespace).map { "\(lowered).\($0)" }
    if dots >= 5 { candidates.insert(lowered, at: 0) } else { candidates.append(lowered) }
    for candidate in candidates {
      if let addresses = lookup(candidate) { return (candidate, addresses) }
    }
    return nil
  }

  /// Resolves `name` as a pod in `namespace` would (its resolv.conf's search path).
  package func resolve(_ name: String, fromNamespace namespace: String) -> (name: String, addresses: [String])? {
    resolve(name, from: .pod(Object(.pod, name: "", namespace: namespace)))
  }

  /// The address an Ingress served by ingress-nginx publishes for `host`
  /// (a rule's host or a TLS host, `*.` wildcards included).
  func ingressAddress(forHost host: String) -> String? {
    for ingress in store.list(.ingress) where isNginxIngress(ingress) && !ingress.isTerminating {
      guard
        let address = ingress.content[path: "status.loadBalancer.ingress"]?.array?.first?["ip"]?.string
      else { continue }
      let hosts =
        (ingress.content[path: "spec.rules"]?.array ?? []).compactMap { $0["host"]?.string }
        + (ingress.content[path: "spec.tls"]?.array ?? []).flatMap { ($0["hosts"]?.array ?? []).compactMap(\.string) }
      for pattern in hosts.map({ $0.lowercased() }) {
        if pattern == host { return address }
        if pattern.hasPrefix("*."), host.hasSuffix(pattern.dropFirst()),
          !host.dropLast(pattern.count - 1).contains(".")
        {
          return address
        }
      }
    }
    return nil
  }

  /// CoreDNS's `kubernetes` plugin: the A records of a fully qualified name.
  func lookup(_ fqdn: String) -> [String]? {
    guard fqdn.hasSuffix(".cluster.local") else { return nil }
    let labels = fqdn.dropLast(".cluster.local".count).split(separator: ".").map(String.init)
    switch labels.count {
    case 3 where labels[2] == "svc":
      guard let service = store.get(ObjectKey(.service, labels[0], in: labels[1])) else {
        return nil
      }
      let type = service.content[path: "spec.type"]?.string ?? "ClusterIP"
      if type == "ExternalName" { return nil }
      let clusterIP = service.content[path: "spec.clusterIP"]?.string ?? ""
      if clusterIP == "None" {
        let addresses = readyAddresses(ObjectKey(.endpoints, service.name, in: service.namespace))
          .compactMap { $0["ip"]?.string }
        return addresses.isEmpty ? nil : addresses
      }
      return clusterIP.isEmpty ? nil : [clusterIP]
    case 4 where labels[3] == "svc":
      let (hostname, serviceName, namespace) = (labels[0], labels[1], labels[2])
      guard
        store.get(ObjectKey(.service, serviceName, in: namespace))?.content[path: "spec.clusterIP"]?
          .string == "None"
      else {
        return nil
      }
      let pods = store.list(.pod, in: namespace).filter {
        ($0.content[path: "spec.hostname"]?.string ?? "") == hostname
          && $0.content[path: "spec.subdomain"]?.string == serviceName
          && Cluster.isPodReady($0)
      }
      let addresses = pods.compactMap { $0.content[path: "status.podIP"]?.string }
      return addresses.isEmpty ? nil : addresses
    case 3 where labels[2] == "pod":
      let ip = labels[0].replacingOccurrences(of: "-", with: ".")
      return Cluster.isIPv4(ip) ? [ip] : nil
    default:
      return nil
    }
  }

  static func isIPv4(_ text: String) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4
      && parts.allSatisfy { part in
        !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isNumber) && (Int(part) ?? 256) <= 255
      }
  }

  // MARK: kube-proxy

  /// The ready addresses an Endpoints object lists.
  func readyAddresses(_ key: ObjectKey) -> [JSONValue] {
    (store.get(key)?.content["subsets"]?.array ?? []).flatMap { $0["addresses"]?.array ?? [] }
  }

  /// The node whose InternalIP is `ip`.
  func node(withIP ip: String) -> Object? {
    store.list(.node).first { node in
      (node.content[path: "status.addresses"]?.array ?? []).contains {
        $0["type"]?.string == "InternalIP" && $0["address"]?.string == ip
      }
    }
  }

  func nodeIP(_ name: String) -> String? {
    store.get(ObjectKey(.node, name))?.content[path: "status.addresses"]?.array?
      .first { $0["type"]?.string == "InternalIP" }?["address"]?.string
  }

  /// Where a TCP connection to `ip:port` from `origin` ends up, as
  /// kube-proxy's rules and the pod network send it.
  mutating func route(ip: String, port: Int, from origin: NetworkOrigin) -> Result<
    Destination, NetworkFailure
  > {
    let isPod: Bool
    if case .pod = origin { isPod = true } else { isPod = false }
    if ip == "127.0.0.1" {
      guard case .pod(let pod) = origin else { return .failure(.refused(ip: ip, port: port)) }
      return servesPort(pod, port)
        ? .success(.pod(pod, port: port, client: "127.0.0.1"))
        : .failure(.refused(ip: ip, port: port))
    }
    let services = store.list(.service)
    // A ClusterIP: only inside the cluster network.
    if let service = services.first(where: {
      $0.content[path: "spec.clusterIP"]?.string == ip && ip != "None"
    }) {
      guard isPod else { return .failure(.timedOut(ip: ip, port: port)) }
      guard
        let servicePort = (service.content[path: "spec.ports"]?.array ?? []).first(where: {
          $0["port"]?.int == port
        })
      else {
        return .failure(.timedOut(ip: ip, port: port))
      }
      return pickEndpoint(
        service, servicePort: servicePort, client: origin.address, entryNode: nil, ip: ip,
        port: port)
    }
    // A LoadBalancer address from the simulated pool.
    if let service = services.first(where: { service in
      (service.content[path: "status.loadBalancer.ingress"]?.array ?? []).contains {
        $0["ip"]?.string == ip
      }
    }) {
      guard
        let servicePort = (service.content[path: "spec.ports"]?.array ?? []).first(where: {
          $0["port"]?.int == port
        })
      else {
        return .failure(.refused(ip: ip, port: port))
      }
      return pickEndpoint(
        service, servicePort: servicePort, client: origin.address, entryNode: nil, ip: ip,
        port: port)
    }
    // A node: NodePorts, and the ingress controller's host ports.
    if let node = node(withIP: ip) {
      if let service = services.first(where: { service in
        (service.content[path: "spec.ports"]?.array ?? []).contains { $0["nodePort"]?.int == port }
      }),
        let servicePort = (service.content[path: "spec.ports"]?.array ?? []).first(where: {
          $0["nodePort"]?.int == port
        })
      {
        return pickEndpoint(
          service, servicePort: servicePort, client: origin.address, entryNode: node.name, ip: ip,
          port: port)
      }
      if port == 80 || port == 443, let controller = ingressControllerPod(on: node.name) {
        return .success(.ingress(controller, port: port, client: origin.address))
      }
      return .failure(.refused(ip: ip, port: port))
    }
    // A pod address: routed inside the cluster only.
    if let pod = store.list(.pod).first(where: {
      $0.content[path: "status.podIP"]?.string == ip
        && $0.content[path: "spec.hostNetwork"]?.bool != true
    }) {
      guard isPod else { return .failure(.timedOut(ip: ip, port: port)) }
      guard servesPort(pod, port) else { return .failure(.refused(ip: ip, port: port)) }
      if isIngressController(pod), port == 80 || port == 443 {
        return .success(.ingress(pod, port: port, client: origin.address))
      }
      return .success(.pod(pod, port: port, client: origin.address))
    }
    return .failure(.timedOut(ip: ip, port: port))
  }

  /// kube-proxy's choice among a Service's ready endpoints: random, or by
  /// client address with `sessionAffinity: ClientIP`.
  private mutating func pickEndpoint(
    _ service: Object, servicePort: JSONValue, client: String, entryNode: String?, ip: String,
    port: Int
  ) -> Result<Destination, NetworkFailure> {
    let endpointsKey = ObjectKey(.endpoints, service.name, in: service.namespace)
    let name = servicePort["name"]?.string ?? ""
    var candidates: [(Object, Int)] = []
    for subset in store.get(endpointsKey)?.content["subsets"]?.array ?? [] {
      guard
        let match = (subset["ports"]?.array ?? []).first(where: {
          ($0["name"]?.string ?? "") == name
        }),
        let targetPort = match["port"]?.int
      else { continue }
      for address in subset["addresses"]?.array ?? [] {
        guard let podName = address[path: "targetRef.name"]?.string,
          let pod = store.get(ObjectKey(.pod, podName, in: service.namespace))
        else { continue }
        candidates.append((pod, targetPort))
      }
    }
    guard !candidates.isEmpty else { return .failure(.refused(ip: ip, port: port)) }
    let index: Int
    if service.content[path: "spec.sessionAffinity"]?.string == "ClientIP" {
      index = Int(RandomSource.fnv32a(client + "/" + service.uid) % UInt32(candidates.count))
    } else {
      index = random.int(in: 0...(candidates.count - 1))
    }
    let (pod, targetPort) = candidates[index]
    var seenClient = client
    if let entryNode {
      // Traffic from outside is masqueraded: the node's pod gateway when
      // the pod is local, the node's own address when it is forwarded.
      let podNode = pod.content[path: "spec.nodeName"]?.string ?? ""
      if podNode == entryNode,
        let cidr = store.get(ObjectKey(.node, podNode))?.content[path: "spec.podCIDR"]?.string
      {
        seenClient = cidr.split(separator: ".").prefix(3).joined(separator: ".") + ".1"
      } else {
        seenClient = nodeIP(entryNode) ?? client
      }
    } else if client == NetworkOrigin.host.address,
      let cidr = store.get(ObjectKey(.node, pod.content[path: "spec.nodeName"]?.string ?? ""))?
        .content[path: "spec.podCIDR"]?.string
    {
      seenClient = cidr.split(separator: ".").prefix(3).joined(separator: ".") + ".1"
    }
    if isIngressController(pod) { return .success(.ingress(pod, port: targetPort, client: seenClient)) }
    guard servesPort(pod, targetPort) else { return .failure(.refused(ip: ip, port: port)) }
    return .success(.pod(pod, port: targetPort, client: seenClient))
  }

  /// The running container of a pod that listens on `port`, if any.
  func listeningContainer(_ pod: Object, _ port: Int) -> (name: String, image: ImageBehavior)? {
    guard let runtime = runtimes[pod.uid] else { return nil }
    for container in runtime.containers where container.isRunning && !container.isInit {
      guard let image = ImageCatalog.lookup(ImageReference(container.image)) else { continue }
      if image.ports.contains(port) { return (container.name, image) }
    }
    return nil
  }

  /// Whether something in `pod` accepts connections on `port` (what
  /// `kubectl port-forward` connects to).
  package func servesPort(_ pod: Object, _ port: Int) -> Bool {
    if isIngressController(pod) { return port == 80 || port == 443 }
    return listeningContainer(pod, port) != nil
  }

  // MARK: Sending requests

  /// Sends an HTTP request to `ip:port` from `origin` and returns the
  /// answer; the server that answers logs it as its image does.
  package mutating func send(
    _ request: HTTPRequest, to ip: String, port: Int, from origin: NetworkOrigin
  )
    -> Result<HTTPResponse, NetworkFailure>
  {
    switch route(ip: ip, port: port, from: origin) {
    case .failure(let failure):
      return .failure(failure)
    case .success(.pod(let pod, let port, let client)):
      return serve(request, pod: pod, port: port, client: client)
    case .success(.ingress(let controller, let port, let client)):
      return serveIngress(request, controller: controller, port: port, client: client)
    }
  }

  /// Delivers a request straight to a pod's port, as `kubectl port-forward` does.
  package mutating func sendToPod(_ request: HTTPRequest, pod key: ObjectKey, port: Int) -> Result<
    HTTPResponse, NetworkFailure
  > {
    guard let pod = store.get(key), servesPort(pod, port) else {
      return .failure(.refused(ip: "127.0.0.1", port: port))
    }
    if isIngressController(pod) {
      return serveIngress(request, controller: pod, port: port, client: "127.0.0.1")
    }
    return serve(request, pod: pod, port: port, client: "127.0.0.1")
  }

  /// The answer of the server listening in `pod` on `port`.
  mutating func serve(_ request: HTTPRequest, pod: Object, port: Int, client: String) -> Result<
    HTTPResponse, NetworkFailure
  > {
    guard let (container, image) = listeningContainer(pod, port) else {
      return .failure(.refused(ip: pod.content[path: "status.podIP"]?.string ?? "", port: port))
    }
    let date = HTTPDate.rfc1123(now)
    let path = request.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
    let head = request.method == "HEAD"
    var response: HTTPResponse
    switch image.http {
    case .none:
      return .failure(.refused(ip: "", port: -1))
    case .nginxWelcome:
      if request.method != "GET" && request.method != "HEAD" {
        let body = HTTPDate.nginxErrorPage(405, "Not Allowed", server: "nginx/1.27.3")
        response = HTTPResponse(
          status: 405, reason: "Not Allowed",
          headers: [
            ("Server", "nginx/1.27.3"), ("Date", date), ("Content-Type", "text/html"),
            ("Content-Length", String(body.utf8.count)), ("Connection", "keep-alive"),
          ], body: body)
      } else if path == "/" || path == "/index.html",
        let page = writtenFile("/usr/share/nginx/html/index.html", in: pod, container: container)
      {
        // An index.html written into the html folder (or its volume) replaces the welcome page.
        response = HTTPResponse(
          status: 200, reason: "OK",
          headers: [
            ("Server", "nginx/1.27.3"), ("Date", date), ("Content-Type", "text/html"),
            ("Content-Length", String(page.utf8.count)), ("Last-Modified", date),
            ("Connection", "keep-alive"), ("Accept-Ranges", "bytes"),
          ], body: page)
      } else if path == "/" || path == "/index.html" {
        response = HTTPResponse(
          status: 200, reason: "OK",
          headers: [
            ("Server", "nginx/1.27.3"), ("Date", date), ("Content-Type", "text/html"),
            ("Content-Length", "615"), ("Last-Modified", "Tue, 26 Nov 2024 15:55:00 GMT"),
            ("Connection", "keep-alive"), ("ETag", "\"6745ef54-267\""), ("Accept-Ranges", "bytes"),
          ], body: Cluster.nginxWelcome)
      } else {
        let body = HTTPDate.nginxErrorPage(404, "Not Found", server: "nginx/1.27.3")
        response = HTTPResponse(
          status: 404, reason: "Not Found",
          headers: [
            ("Server", "nginx/1.27.3"), ("Date", date), ("Content-Type", "text/html"),
            ("Content-Length", String(body.utf8.count)), ("Connection", "keep-alive"),
          ], body: body)
        let serial =
          (runtimes[pod.uid]?.container(container)?.logs.filter {
            $0.text.contains("\" HTTP/1.1\" ")
          }.count ?? 0) + 1
        appendLog(
          "\(LogClock.nginx(now)) [error] 29#29: *\(serial) open() \"/usr/share/nginx/html\(path)\" failed (2: No such file or directory), client: \(client), server: localhost, request: \"\(request.method) \(request.path) HTTP/1.1\", host: \"\(request.hostHeader)\"",
          to: pod, container: container)
      }
      let length = head ? 0 : response.body.utf8.count
      appendLog(
        "\(client) - - [\(HTTPDate.common(now))] \"\(request.method) \(request.path) HTTP/1.1\" \(response.status) \(length) \"-\" \"\(request.userAgent)\" \"-\"",
        to: pod, container: container)
    case .httpdItWorks:
      if path == "/" || path == "/index.html" {
        response = HTTPResponse(
          status: 200, reason: "OK",
          headers: [
            ("Date", date), ("Server", "Apache/2.4.62 (Unix)"),
            ("Last-Modified", "Mon, 11 Jun 2007 18:53:14 GMT"),
            ("ETag", "\"2d-432a5e4a73a80\""), ("Accept-Ranges", "bytes"), ("Content-Length", "45"),
            ("Content-Type", "text/html"),
          ], body: "<html><body><h1>It works!</h1></body></html>\n")
      } else {
        let body =
          "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n"
        response = HTTPResponse(
          status: 404, reason: "Not Found",
          headers: [
            ("Date", date), ("Server", "Apache/2.4.62 (Unix)"),
            ("Content-Length", String(body.utf8.count)),
            ("Content-Type", "text/html; charset=iso-8859-1"),
          ], body: body)
      }
      appendLog(
        "\(client) - - [\(HTTPDate.common(now))] \"\(request.method) \(request.path) HTTP/1.1\" \(response.status) \(head ? "-" : String(response.body.utf8.count))",
        to: pod, container: container)
    case .whoami:
      let body = pod.name
      response = HTTPResponse(
        status: 200, reason: "OK",
        headers: [
          ("Content-Type", "text/html;charset=utf-8"), ("Content-Length", String(body.utf8.count)),
          ("X-Xss-Protection", "1; mode=block"), ("X-Content-Type-Options", "nosniff"),
          ("X-Frame-Options", "SAMEORIGIN"),
        ], body: body)
      appendLog(
        "\(client) - - [\(HTTPDate.common(now))] \"\(request.method) \(request.path) HTTP/1.1\" 200 \(body.utf8.count) 0.0006",
        to: pod, container: container)
    case .bootcamp(let version):
      // node's http server: chunked, no Content-Length.
      let body = "Hello Kubernetes bootcamp! | Running on: \(pod.name) | v=\(version)\n"
      response = HTTPResponse(
        status: 200, reason: "OK",
        headers: [
          ("Content-Type", "text/plain"), ("Date", date), ("Connection", "keep-alive"),
          ("Transfer-Encoding", "chunked"),
        ], body: body)
      let runtime = runtimes[pod.uid]?.container(container)
      let served = (runtime?.logs.filter { $0.text.hasPrefix("Running On: ") }.count ?? 0) + 1
      var started = now
      if case .running(let since)? = runtime?.state { started = since }
      // console.log joins its arguments with spaces; node prints uptime as a plain number.
      let uptime = (now.timeIntervalSince(started) * 1000).rounded() / 1000
      appendLog(
        "Running On: \(pod.name) | Total Requests: \(served) | App Uptime: \(JSONValue.format(uptime)) seconds | Log Time: \(LogClock.jsDate(now))",
        to: pod, container: container)
    case .helloApp(let version):
      // Go's net/http: Date, Content-Length and the sniffed Content-Type.
      let tag = ImageReference(Cluster.containerSpec(container, in: pod)?["image"]?.string ?? "").tag
      let body = "Hello, world!\nVersion: \(tag == "2.0" ? "2.0.0" : version)\nHostname: \(pod.name)\n"
      response = HTTPResponse(
        status: 200, reason: "OK",
        headers: [
          ("Date", date), ("Content-Length", String(body.utf8.count)),
          ("Content-Type", "text/plain; charset=utf-8"),
        ], body: body)
      appendLog("\(LogClock.nginx(now)) Serving request: \(path)", to: pod, container: container)
    case .text(let text):
      response = HTTPResponse(
        status: 200, reason: "OK",
        headers: [
          ("Content-Type", "text/plain; charset=utf-8"),
          ("Content-Length", String(text.utf8.count)), ("Date", date),
        ], body: text)
    }
    if head { response.body = "" }
    return .success(response)
  }
}

/// The date formats HTTP servers write.
package enum HTTPDate {
  private static let months = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]
  private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]

  private static func parts(_ date: Date) -> [Int] {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    return [
      c.year ?? 0, c.month ?? 1, c.day ?? 1, c.hour ?? 0, c.minute ?? 0, c.second ?? 0,
      ((days % 7) + 7) % 7,
    ]
  }

  private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

  /// `Sat, 01 Mar 2025 09:00:05 GMT`.
  package static func rfc1123(_ date: Date) -> String {
    let p = parts(date)
    return
      "\(weekdays[p[6]]), \(two(p[2])) \(months[p[1] - 1]) \(p[0]) \(two(p[3])):\(two(p[4])):\(two(p[5])) GMT"
  }

  /// `01/Mar/2025:09:00:05 +0000`, the common log format's time.
  package static func common(_ date: Date) -> String {
    let p = parts(date)
    return "\(two(p[2]))/\(months[p[1] - 1])/\(p[0]):\(two(p[3])):\(two(p[4])):\(two(p[5])) +0000"
  }

  /// nginx's built-in error page.
  package static func nginxErrorPage(_ status: Int, _ reason: String, server: String) -> String {
    "<html>\r\n<head><title>\(status) \(reason)</title></head>\r\n<body>\r\n<center><h1>\(status) \(reason)</h1></center>\r\n<hr><center>\(server)</center>\r\n</body>\r\n</html>\r\n"
  }
}
