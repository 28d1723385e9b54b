import Foundation

/// ingress-nginx: not part of a kind cluster until installed, as on a real
/// kind cluster (`kubectl apply -f` of kind's deploy-ingress-nginx.yaml).
extension Cluster {
  package static let ingressNamespace = "ingress-nginx"
  package static let ingressControllerImage = "registry.k8s.io/ingress-nginx/controller:v1.12.0"
  /// The manifest URLs that install ingress-nginx when applied.
  package static let ingressNginxManifests: Set<String> = [
    "https://kind.sigs.k8s.io/examples/ingress/deploy-ingress-nginx.yaml",
    "https://raw.githubusercontent.com/kubernetes/ingress-nginx/main/deploy/static/provider/kind/deploy.yaml",
    "https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.12.0/deploy/static/provider/kind/deploy.yaml",
    "https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.12.0/deploy/static/provider/cloud/deploy.yaml",
  ]

  static let ingressLabels = [
    "app.kubernetes.io/component": "controller", "app.kubernetes.io/instance": "ingress-nginx",
    "app.kubernetes.io/name": "ingress-nginx", "app.kubernetes.io/part-of": "ingress-nginx",
    "app.kubernetes.io/version": "1.12.0",
  ]

  /// Installs the ingress-nginx controller.
  ///
  /// Creates its namespace, accounts, configuration, a LoadBalancer Service,
  /// the controller Deployment and the `nginx` IngressClass, and returns
  /// what was created as `kubectl apply` lists it.
  @discardableResult
  package mutating func installIngressNginx(by actor: String = "kubectl") -> [String] {
    var created: [String] = []
    func add(_ object: Object) {
      if (try? create(object, by: actor)) != nil {
        created.append("\(object.kind.groupSingular)/\(object.name) created")
      } else {
        created.append("\(object.kind.groupSingular)/\(object.name) unchanged")
      }
    }
    let namespace = Cluster.ingressNamespace
    var ns = Object(.namespace, name: namespace)
    ns.labels = [
      "app.kubernetes.io/instance": "ingress-nginx", "app.kubernetes.io/name": "ingress-nginx",
    ]
    add(ns)
    var common = Cluster.ingressLabels
    common["app.kubernetes.io/component"] = nil
    for (name, component) in [
      ("ingress-nginx", "controller"), ("ingress-nginx-admission", "admission-webhook"),
    ] {
      var account = Object(.serviceAccount, name: name, namespace: namespace)
      var labels = common
      labels["app.kubernetes.io/component"] = component
      account.labels = labels
      account.content["automountServiceAccountToken"] = .bool(name == "ingress-nginx")
      add(account)
    }
    var config = Object(.configMap, name: "ingress-nginx-controller", namespace: namespace)
    config.labels = Cluster.ingressLabels
    config.content["data"] = ["allow-snippet-annotations": "false"]
    add(config)
    var service = Object(.service, name: "ingress-nginx-controller", namespace: namespace)
    service.labels = Cluster.ingressLabels
    service.content["spec"] = [
      "externalTrafficPolicy": "Local", "ipFamilies": ["IPv4"], "ipFamilyPolicy": "SingleStack",
      "ports": [
        [
          "appProtocol": "http", "name": "http", "port": 80, "protocol": "TCP",
          "targetPort": "http",
        ],
        [
          "appProtocol": "https", "name": "https", "port": 443, "protocol": "TCP",
          "targetPort": "https",
        ],
      ],
      "selector": [
        "app.kubernetes.io/component": "controller", "app.kubernetes.io/instance": "ingress-nginx",
        "app.kubernetes.io/name": "ingress-nginx",
      ],
      "type": "LoadBalancer",
    ]
    add(service)
    var admission = Object(
      .service, name: "ingress-nginx-controller-admission", namespace: namespace)
    admission.labels = Cluster.ingressLabels
    admission.content["spec"] = [
      "ports": [
        ["appProtocol": "https", "name": "https-webhook", "port": 443, "targetPort": "webhook"]
      ],
      "selector": [
        "app.kubernetes.io/component": "controller", "app.kubernetes.io/instance": "ingress-nginx",
        "app.kubernetes.io/name": "ingress-nginx",
      ],
      "type": "ClusterIP",
    ]
    add(admission)
    var deployment = Cluster.workload(
      .deployment, name: "ingress-nginx-controller", namespace: namespace,
      labels: [
        "app.kubernetes.io/component": "controller", "app.kubernetes.io/instance": "ingress-nginx",
        "app.kubernetes.io/name": "ingress-nginx",
      ],
      image: Cluster.ingressControllerImage,
      args: [
        "/nginx-ingress-controller", "--election-id=ingress-nginx-leader",
        "--controller-class=k8s.io/ingress-nginx", "--ingress-class=nginx",
        "--configmap=$(POD_NAMESPACE)/ingress-nginx-controller",
        "--validating-webhook=:8443",
        "--validating-webhook-certificate=/usr/local/certificates/cert",
        "--validating-webhook-key=/usr/local/certificates/key",
      ],
      replicas: 1, cpu: "100m", memory: "90Mi",
      ports: [("http", 80, "TCP"), ("https", 443, "TCP"), ("webhook", 8443, "TCP")])
    deployment.labels = Cluster.ingressLabels
    deployment.content[path: "spec.template.metadata.labels"] =
      Object.mapValue(Cluster.ingressLabels) ?? .emptyObject
    if var containers = deployment.content[path: "spec.template.spec.containers"]?.array,
      !containers.isEmpty
    {
      containers[0]["name"] = "controller"
      containers[0][path: "resources.limits"] = nil
      deployment.content[path: "spec.template.spec.containers"] = .array(containers)
    }
    deployment.content[path: "spec.template.spec.serviceAccountName"] = "ingress-nginx"
    deployment.content[path: "spec.template.spec.nodeSelector"] = ["kubernetes.io/os": "linux"]
    deployment.content[path: "spec.template.spec.terminationGracePeriodSeconds"] = 0
    add(deployment)
    var ingressClass = Object(.ingressClass, name: "nginx")
    ingressClass.labels = Cluster.ingressLabels
    ingressClass.content["spec"] = ["controller": "k8s.io/ingress-nginx"]
    add(ingressClass)
    return created
  }

  // MARK: The controller

  func isIngressController(_ pod: Object) -> Bool {
    pod.namespace == Cluster.ingressNamespace
      && pod.labels["app.kubernetes.io/component"] == "controller"
      && pod.labels["app.kubernetes.io/name"] == "ingress-nginx"
  }

  /// A ready controller pod; ingress-nginx on kind listens on every node's
  /// ports 80 and 443.
  func ingressControllerPod(on node: String? = nil) -> Object? {
    store.list(.pod, in: Cluster.ingressNamespace).first {
      isIngressController($0) && Cluster.isPodReady($0)
    }
  }

  /// Whether the `nginx` controller serves this Ingress.
  func isNginxIngress(_ ingress: Object) -> Bool {
    if let name = ingress.content[path: "spec.ingressClassName"]?.string { return name == "nginx" }
    if let legacy = ingress.annotations["kubernetes.io/ingress.class"] { return legacy == "nginx" }
    return store.get(ObjectKey(.ingressClass, "nginx"))?.annotations[
      "ingressclass.kubernetes.io/is-default-class"] == "true"
  }

  /// The controller's status updater: an Ingress it serves shows the
  /// controller Service's load-balancer address.
  mutating func reconcileIngressStatus(_ key: ObjectKey) {
    guard var ingress = store.get(key), !ingress.isTerminating, isNginxIngress(ingress) else {
      return
    }
    guard ingressControllerPod() != nil,
      let address = store.get(
        ObjectKey(.service, "ingress-nginx-controller", in: Cluster.ingressNamespace))?
        .content[path: "status.loadBalancer.ingress"]?.array?.first?["ip"]?.string
    else { return }
    let status: JSONValue = ["ingress": [["ip": .string(address)]]]
    guard ingress.content[path: "status.loadBalancer"] != status else { return }
    ingress.content[path: "status.loadBalancer"] = status
    write(ingress, by: "nginx-ingress-controller", summary: "address \(address)")
    recordEvent(
      ingress, reason: "Sync", message: "Scheduled for sync",
      source: EventSource("nginx-ingress-controller"))
  }

  /// Asks for every Ingress's status to be looked at again.
  mutating func enqueueIngresses() {
    for ingress in store.list(.ingress) { enqueue(.endpoints(ingress.key)) }
  }

  // MARK: Serving

  /// One path rule that may answer a request.
  private struct IngressRoute {
    var ingress: Object
    var path: String
    var pathType: String
    var backend: JSONValue
  }

  /// ingress-nginx's answer: the host and path rules of every Ingress of
  /// class `nginx`, proxied to one ready endpoint of the backend Service.
  ///
  /// On port 443 it terminates TLS with the host's certificate (or its
  /// fake one) and answers over HTTP/2; on port 80 a host with TLS is
  /// redirected to HTTPS (308), as ingress-nginx does by default.
  mutating func serveIngress(_ request: HTTPRequest, controller: Object, port: Int, client: String)
    -> Result<HTTPResponse, NetworkFailure>
  {
    let host = request.hostHeader.split(separator: ":").first.map { $0.lowercased() } ?? ""
    let tlsIngress = ingressWithTLS(forHost: host)
    if port == 443 {
      guard request.tls else {
        return .success(plainHTTPToHTTPSPort(request, controller: controller, client: client))
      }
      let sni = request.host.split(separator: ":").first.map { $0.lowercased() } ?? ""
      return serveIngressRules(request, controller: controller, client: client).map { response in
        var response = response
        response.servesTLS = true
        response.http2 = true
        response.certificate = ingressCertificate(forSNI: sni)
        if tlsIngress != nil {
          response.headers.append(("Strict-Transport-Security", "max-age=31536000; includeSubDomains"))
        }
        return response
      }
    }
    if request.tls {
      // A TLS handshake to the plain HTTP port: nginx answers in plain
      // HTTP, which the client cannot read.
      return .success(HTTPResponse(status: 400, reason: "Bad Request", headers: [], body: ""))
    }
    if let ingress = tlsIngress,
      ingress.annotations["nginx.ingress.kubernetes.io/ssl-redirect"] != "false"
    {
      return .success(sslRedirect(request, ingress: ingress, controller: controller, client: client))
    }
    return serveIngressRules(request, controller: controller, client: client)
  }

  private mutating func serveIngressRules(
    _ request: HTTPRequest, controller: Object, client: String
  ) -> Result<HTTPResponse, NetworkFailure> {
    let host = request.hostHeader.split(separator: ":").first.map { $0.lowercased() } ?? ""
    let fullPath = request.path.isEmpty ? "/" : request.path
    let path =
      fullPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(
        String.init) ?? "/"
    let ingresses = store.list(.ingress).filter { isNginxIngress($0) && !$0.isTerminating }
    func routes(matching hostMatches: (String) -> Bool) -> [IngressRoute] {
      var found: [IngressRoute] = []
      for ingress in ingresses {
        for rule in ingress.content[path: "spec.rules"]?.array ?? [] {
          guard hostMatches(rule["host"]?.string ?? "") else { continue }
          for entry in rule[path: "http.paths"]?.array ?? [] {
            found.append(
              IngressRoute(
                ingress: ingress, path: entry["path"]?.string ?? "/",
                pathType: entry["pathType"]?.string ?? "ImplementationSpecific",
                backend: entry["backend"] ?? .null))
          }
        }
      }
      return found
    }
    var candidates = routes { $0 == host }
    if candidates.isEmpty {
      candidates = routes { rule in
        rule.hasPrefix("*.") && host.hasSuffix(String(rule.dropFirst()))
          && !host.dropLast(rule.count - 1).contains(".")
      }
    }
    let hostMatched = !candidates.isEmpty
    if candidates.isEmpty { candidates = routes { $0.isEmpty } }
    let best = candidates.filter {
      Cluster.ingressPath(
        $0.path, type: $0.pathType, matches: path,
        regex: $0.ingress.annotations["nginx.ingress.kubernetes.io/use-regex"] == "true"
          || $0.ingress.annotations["nginx.ingress.kubernetes.io/rewrite-target"]?.contains("$")
            == true
      )
    }
    .max { a, b in
      a.path.count != b.path.count
        ? a.path.count < b.path.count : (a.pathType != "Exact" && b.pathType == "Exact")
    }
    if !hostMatched, best == nil, path == "/healthz" {
      // The default server's health check, not logged.
      return .success(
        HTTPResponse(
          status: 200, reason: "OK",
          headers: [
            ("Date", HTTPDate.rfc1123(now)), ("Content-Type", "text/html"), ("Content-Length", "0"),
            ("Connection", "keep-alive"),
          ], body: ""))
    }
    var route = best
    if route == nil, !hostMatched,
      let ingress = ingresses.first(where: { $0.content[path: "spec.defaultBackend"] != nil })
    {
      route = IngressRoute(
        ingress: ingress, path: "/", pathType: "Prefix",
        backend: ingress.content[path: "spec.defaultBackend"] ?? .null)
    }
    let date = HTTPDate.rfc1123(now)
    func page(_ status: Int, _ reason: String, upstream: String, address: String) -> HTTPResponse {
      let body = HTTPDate.nginxErrorPage(status, reason, server: "nginx")
      logIngress(
        request, controller: controller, client: client, status: status, bytes: body.utf8.count,
        upstream: upstream, address: address)
      return HTTPResponse(
        status: status, reason: reason,
        headers: [
          ("Date", date), ("Content-Type", "text/html"),
          ("Content-Length", String(body.utf8.count)),
          ("Connection", "keep-alive"),
        ], body: request.method == "HEAD" ? "" : body)
    }
    guard let route, let serviceName = route.backend[path: "service.name"]?.string else {
      return .success(
        page(404, "Not Found", upstream: "upstream-default-backend", address: "127.0.0.1:8181"))
    }
    let namespace = route.ingress.namespace
    let portValue = route.backend[path: "service.port"]
    let upstreamName =
      "\(namespace)-\(serviceName)-\(portValue?["number"]?.int.map(String.init) ?? portValue?["name"]?.string ?? "")"
    guard let service = store.get(ObjectKey(.service, serviceName, in: namespace)),
      let servicePort = (service.content[path: "spec.ports"]?.array ?? []).first(where: {
        if let number = portValue?["number"]?.int { return $0["port"]?.int == number }
        return $0["name"]?.string == portValue?["name"]?.string
      })
    else {
      return .success(
        page(503, "Service Temporarily Unavailable", upstream: upstreamName, address: "-"))
    }
    let portName = servicePort["name"]?.string ?? ""
    var endpoints: [(Object, Int)] = []
    for subset in store.get(ObjectKey(.endpoints, serviceName, in: namespace))?.content["subsets"]?
      .array ?? []
    {
      guard
        let port = (subset["ports"]?.array ?? []).first(where: {
          ($0["name"]?.string ?? "") == portName
        })?["port"]?.int
      else { continue }
      for address in subset["addresses"]?.array ?? [] {
        if let name = address[path: "targetRef.name"]?.string,
          let pod = store.get(ObjectKey(.pod, name, in: namespace))
        {
          endpoints.append((pod, port))
        }
      }
    }
    guard !endpoints.isEmpty else {
      return .success(
        page(503, "Service Temporarily Unavailable", upstream: upstreamName, address: "-"))
    }
    let (pod, port) = endpoints[random.int(in: 0...(endpoints.count - 1))]
    var upstream = request
    if let target = route.ingress.annotations["nginx.ingress.kubernetes.io/rewrite-target"] {
      upstream.path = Cluster.rewrite(fullPath, pattern: route.path, target: target)
    }
    let podAddress = "\(pod.content[path: "status.podIP"]?.string ?? ""):\(port)"
    switch serve(
      upstream, pod: pod, port: port,
      client: controller.content[path: "status.podIP"]?.string ?? client)
    {
    case .failure:
      return .success(page(502, "Bad Gateway", upstream: upstreamName, address: podAddress))
    case .success(let answer):
      var headers: [(String, String)] = [("Date", date)]
      for name in ["Content-Type", "Content-Length"] {
        if let value = answer.headers.first(where: { $0.0 == name }) { headers.append(value) }
      }
      headers.append(("Connection", "keep-alive"))
      headers += answer.headers.filter {
        !["Date", "Server", "Content-Type", "Content-Length", "Connection"].contains($0.0)
      }
      logIngress(
        request, controller: controller, client: client, status: answer.status,
        bytes: answer.body.utf8.count, upstream: upstreamName, address: podAddress)
      return .success(
        HTTPResponse(
          status: answer.status, reason: answer.reason, headers: headers, body: answer.body))
    }
  }

  mutating func logIngress(
    _ request: HTTPRequest, controller: Object, client: String, status: Int, bytes: Int,
    upstream: String, address: String
  ) {
    let length =
      "\(request.method) \(request.path) HTTP/1.1\r\nHost: \(request.hostHeader)\r\nUser-Agent: \(request.userAgent)\r\nAccept: */*\r\n\r\n"
      .utf8.count
    let upstreamPart = address == "-" ? "- - - -" : "\(address) \(bytes) 0.001 \(status)"
    appendLog(
      "\(client) - - [\(HTTPDate.common(now))] \"\(request.method) \(request.path) \(request.tls ? "HTTP/2.0" : "HTTP/1.1")\" \(status) \(bytes) \"-\" \"\(request.userAgent)\" \(length) 0.001 [\(upstream)] [] \(upstreamPart) \(random.hex(32))",
      to: controller, container: "controller")
  }

  /// Whether an Ingress path matches a request path, by its `pathType`.
  static func ingressPath(_ rule: String, type: String, matches path: String, regex: Bool) -> Bool {
    if regex,
      let expression = try? NSRegularExpression(pattern: "^" + rule, options: [.caseInsensitive])
    {
      return expression.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
    }
    switch type {
    case "Exact":
      return path == rule
    case "Prefix":
      let ruleParts = rule.split(separator: "/")
      let pathParts = path.split(separator: "/")
      return pathParts.count >= ruleParts.count && zip(ruleParts, pathParts).allSatisfy { $0 == $1 }
    default:
      return path.hasPrefix(rule)
    }
  }

  /// nginx's `rewrite`: the whole URI becomes the target, with `$1`… taken
  /// from the path's capture groups.
  static func rewrite(_ uri: String, pattern: String, target: String) -> String {
    guard
      let expression = try? NSRegularExpression(
        pattern: "^" + pattern, options: [.caseInsensitive]),
      let match = expression.firstMatch(in: uri, range: NSRange(uri.startIndex..., in: uri))
    else { return target }
    var result = target
    for group in stride(from: min(match.numberOfRanges - 1, 9), through: 1, by: -1) {
      let range = match.range(at: group)
      let text =
        range.location == NSNotFound ? "" : (Range(range, in: uri).map { String(uri[$0]) } ?? "")
      result = result.replacingOccurrences(of: "$\(group)", with: text)
    }
    return result.isEmpty ? "/" : result
  }
}

extension Cluster {
  /// Whether an Ingress path of `type` matches a request path (no regex).
  package static func ingressPathMatches(_ rule: String, type: String, path: String) -> Bool {
    ingressPath(rule, type: type, matches: path, regex: false)
  }

  /// The URI ingress-nginx sends upstream under a rewrite-target annotation.
  package static func rewriteTarget(_ uri: String, pattern: String, target: String) -> String {
    rewrite(uri, pattern: pattern, target: target)
  }
}
