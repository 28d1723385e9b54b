import Foundation
import KubeCluster
import Testing

/// Objects for the networking tests, built as a manifest would give them.
private enum Build {
  static func deployment(_ name: String, image: String, replicas: Int, readinessDelay: Int? = nil)
    -> Object
  {
    var object = Object(.deployment, name: name, namespace: "default")
    var container: JSONValue = ["name": "app", "image": .string(image)]
    if let readinessDelay {
      container["readinessProbe"] = [
        "initialDelaySeconds": .int(readinessDelay), "tcpSocket": ["port": 80],
      ]
    }
    object.content["spec"] = [
      "replicas": .int(replicas),
      "selector": ["matchLabels": ["app": .string(name)]],
      "template": [
        "metadata": ["labels": ["app": .string(name)]], "spec": ["containers": [container]],
      ],
    ]
    return object
  }

  static func service(
    _ name: String, selector: String, port: Int, target: Int, type: String = "ClusterIP",
    affinity: String? = nil
  ) -> Object {
    var object = Object(.service, name: name, namespace: "default")
    var spec: JSONValue = [
      "type": .string(type), "selector": ["app": .string(selector)],
      "ports": [["port": .int(port), "targetPort": .int(target)]],
    ]
    if let affinity { spec["sessionAffinity"] = .string(affinity) }
    object.content["spec"] = spec
    return object
  }

  static func pod(_ name: String, image: String, namespace: String = "default") -> Object {
    var object = Object(.pod, name: name, namespace: namespace)
    object.content["spec"] = [
      "containers": [["name": "main", "image": .string(image), "command": ["sleep", "3600"]]]
    ]
    return object
  }
}

private func body(_ result: Result<HTTPResponse, NetworkFailure>) -> String? {
  if case .success(let response) = result { return response.body }
  return nil
}

@Suite("Services, endpoints and routing")
struct NetworkingTests {
  @Test("a pod that is not ready yet is listed as not ready, in Endpoints and in the EndpointSlice")
  func notReadyEndpoints() throws {
    var cluster = Cluster.kind()
    try cluster.create(Build.deployment("web", image: "nginx", replicas: 2, readinessDelay: 20))
    try cluster.create(Build.service("web", selector: "web", port: 80, target: 80))
    cluster.advance(by: 5)

    let endpoints = try cluster.get(ObjectKey(.endpoints, "web", in: "default"))
    let subset = try #require(endpoints.content["subsets"]?.array?.first)
    #expect(subset["addresses"] == nil)
    #expect(subset["notReadyAddresses"]?.array?.count == 2)
    let slice = try #require(
      cluster.list(.endpointSlice, in: "default").first {
        $0.labels["kubernetes.io/service-name"] == "web"
      })
    #expect(
      slice.content["endpoints"]?.array?.allSatisfy { $0[path: "conditions.ready"] == .bool(false) }
        == true)
  }

  @Test("a Service IP reaches only ready endpoints; none ready is a refused connection")
  func refusedWithoutReadyEndpoints() throws {
    var cluster = Cluster.kind()
    try cluster.create(Build.deployment("slow", image: "nginx", replicas: 1, readinessDelay: 300))
    try cluster.create(Build.deployment("web", image: "nginx", replicas: 1))
    let slow = try cluster.create(Build.service("slow", selector: "slow", port: 80, target: 80))
    let web = try cluster.create(Build.service("web", selector: "web", port: 80, target: 80))
    try cluster.create(Build.pod("client", image: "busybox"))
    cluster.advance(by: 10)
    let client = try cluster.get(ObjectKey(.pod, "client", in: "default"))
    let request = HTTPRequest(host: "web", userAgent: "test")

    let refused = cluster.send(
      request, to: slow.content[path: "spec.clusterIP"]?.string ?? "", port: 80, from: .pod(client))
    let answered = cluster.send(
      request, to: web.content[path: "spec.clusterIP"]?.string ?? "", port: 80, from: .pod(client))

    guard case .failure(.refused) = refused else {
      Issue.record("expected a refused connection, got \(refused)"); return
    }
    #expect(body(answered)?.contains("Welcome to nginx!") == true)
  }

  @Test("kube-proxy spreads requests over the endpoints, and ClientIP affinity pins them")
  func spreadingAndAffinity() throws {
    var cluster = Cluster.kind()
    try cluster.create(Build.deployment("who", image: "subicura/whoami:1", replicas: 3))
    try cluster.create(
      Build.service("who", selector: "who", port: 80, target: 4567, type: "NodePort"))
    try cluster.create(
      Build.service(
        "sticky", selector: "who", port: 80, target: 4567, type: "NodePort", affinity: "ClientIP"))
    cluster.advance(by: 10)
    func nodePort(_ name: String) throws -> Int {
      try #require(
        cluster.get(ObjectKey(.service, name, in: "default")).content[path: "spec.ports"]?.array?
          .first?["nodePort"]?.int)
    }
    let (spread, pinned) = (try nodePort("who"), try nodePort("sticky"))
    let pods = Set(cluster.list(.pod, in: "default").map(\.name))

    var seen: Set<String> = []
    var sticky: Set<String> = []
    for _ in 0..<30 {
      seen.insert(
        body(
          cluster.send(
            HTTPRequest(host: "x", userAgent: "t"), to: "172.18.0.3", port: spread, from: .host))
          ?? "")
      sticky.insert(
        body(
          cluster.send(
            HTTPRequest(host: "x", userAgent: "t"), to: "172.18.0.4", port: pinned, from: .host))
          ?? "")
    }

    #expect(seen.count >= 2)
    #expect(seen.isSubset(of: pods))
    #expect(sticky.count == 1)
  }

  @Test("the same seed routes the same requests to the same pods")
  func deterministic() throws {
    func run() throws -> [String] {
      var cluster = Cluster.kind(seed: 42)
      try cluster.create(Build.deployment("who", image: "subicura/whoami:1", replicas: 3))
      try cluster.create(
        Build.service("who", selector: "who", port: 80, target: 4567, type: "NodePort"))
      cluster.advance(by: 10)
      let port = try #require(
        cluster.get(ObjectKey(.service, "who", in: "default")).content[path: "spec.ports"]?.array?
          .first?["nodePort"]?.int)
      return (0..<10).map { _ in
        body(
          cluster.send(
            HTTPRequest(host: "x", userAgent: "t"), to: "172.18.0.2", port: port, from: .host))
          ?? ""
      }
    }
    #expect(try run() == run())
  }

  @Test("DNS: short names in the pod's namespace, long names across namespaces, gone with CoreDNS")
  func dnsNames() throws {
    var cluster = Cluster.kind()
    try cluster.create(Object(.namespace, name: "other"))
    try cluster.create(Build.service("web", selector: "web", port: 80, target: 80))
    try cluster.create(Build.pod("here", image: "busybox"))
    try cluster.create(Build.pod("there", image: "busybox", namespace: "other"))
    cluster.advance(by: 10)
    let here = try cluster.get(ObjectKey(.pod, "here", in: "default"))
    let there = try cluster.get(ObjectKey(.pod, "there", in: "other"))
    let ip = try cluster.get(ObjectKey(.service, "web", in: "default")).content[
      path: "spec.clusterIP"]?.string

    #expect(cluster.resolve("web", from: .pod(here))?.addresses == [ip].compactMap { $0 })
    #expect(cluster.resolve("web", from: .pod(there)) == nil)
    #expect(
      cluster.resolve("web.default", from: .pod(there))?.name == "web.default.svc.cluster.local")
    #expect(
      cluster.resolve("web.default.svc.cluster.local", from: .pod(there))?.addresses
        == [ip].compactMap { $0 })
    #expect(cluster.resolve("web", from: .host) == nil)
    #expect(cluster.resolve("kubernetes.default", from: .pod(there))?.addresses == ["10.96.0.1"])

    var coredns = try cluster.get(ObjectKey(.deployment, "coredns", in: "kube-system"))
    coredns.content[path: "spec.replicas"] = 0
    try cluster.update(coredns)
    cluster.advance(by: 40)

    #expect(cluster.resolve("web.default", from: .pod(there)) == nil)
  }

  @Test("a LoadBalancer Service is pending, then gets the first free pool address")
  func loadBalancerPool() throws {
    var cluster = Cluster.kind()
    try cluster.create(
      Build.service("a", selector: "a", port: 80, target: 80, type: "LoadBalancer"))
    #expect(
      try cluster.get(ObjectKey(.service, "a", in: "default")).content[
        path: "status.loadBalancer.ingress"] == nil)

    cluster.advance(by: 2)
    try cluster.create(
      Build.service("b", selector: "b", port: 80, target: 80, type: "LoadBalancer"))
    cluster.advance(by: 2)

    func address(_ name: String) throws -> String? {
      try cluster.get(ObjectKey(.service, name, in: "default")).content[
        path: "status.loadBalancer.ingress"]?.array?.first?["ip"]?.string
    }
    #expect(try address("a") == "172.18.255.200")
    #expect(try address("b") == "172.18.255.201")
  }

  @Test(
    "Ingress path types match as ingress-nginx matches them",
    arguments: [
      ("/foo", "Prefix", "/foo", true), ("/foo", "Prefix", "/foo/bar", true),
      ("/foo", "Prefix", "/foobar", false),
      ("/foo/", "Prefix", "/foo", true), ("/", "Prefix", "/anything", true),
      ("/foo", "Exact", "/foo", true),
      ("/foo", "Exact", "/foo/", false), ("/foo", "ImplementationSpecific", "/foobar", true),
    ])
  func ingressPaths(rule: String, type: String, path: String, matches: Bool) {
    #expect(Cluster.ingressPathMatches(rule, type: type, path: path) == matches)
  }

  @Test("rewrite-target replaces the whole URI with the target and its captures")
  func rewrite() {
    #expect(Cluster.rewriteTarget("/app/x/y", pattern: "/app(/|$)(.*)", target: "/$2") == "/x/y")
    #expect(Cluster.rewriteTarget("/app", pattern: "/app(/|$)(.*)", target: "/$2") == "/")
    #expect(Cluster.rewriteTarget("/app/x", pattern: "/app", target: "/") == "/")
  }
}

@Suite("Per-pod DNS records")
struct PodDNSTests {
  @Test("a headless Service names each ready pod by hostname, as StatefulSet pods are named")
  func headlessHostnames() throws {
    var cluster = Cluster.kind()
    var service = Object(.service, name: "nginx", namespace: "default")
    service.content["spec"] = [
      "clusterIP": "None", "selector": ["app": "web"], "ports": [["port": 80]],
    ]
    try cluster.create(service)
    for name in ["web-0", "web-1"] {
      var pod = Object(.pod, name: name, namespace: "default")
      pod.labels = ["app": "web"]
      pod.content["spec"] = [
        "hostname": .string(name), "subdomain": "nginx",
        "containers": [["name": "nginx", "image": "nginx"]],
      ]
      try cluster.create(pod)
    }
    var client = Object(.pod, name: "client", namespace: "default")
    client.content["spec"] = [
      "containers": [["name": "c", "image": "busybox", "command": ["sleep", "3600"]]]
    ]
    try cluster.create(client)
    cluster.advance(by: 10)
    let from = NetworkOrigin.pod(try cluster.get(ObjectKey(.pod, "client", in: "default")))
    let web0 = try cluster.get(ObjectKey(.pod, "web-0", in: "default")).content[
      path: "status.podIP"]?.string

    #expect(
      cluster.resolve("web-0.nginx.default.svc.cluster.local", from: from)?.addresses
        == [web0].compactMap { $0 })
    #expect(cluster.resolve("web-0.nginx", from: from)?.addresses == [web0].compactMap { $0 })
    #expect(cluster.resolve("nginx", from: from)?.addresses.count == 2)
    let endpoints = try cluster.get(ObjectKey(.endpoints, "nginx", in: "default"))
    let hostnames = (endpoints.content["subsets"]?.array?.first?["addresses"]?.array ?? [])
      .compactMap { $0["hostname"]?.string }
    #expect(hostnames.sorted() == ["web-0", "web-1"])
  }
}
