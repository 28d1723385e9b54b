import Foundation
import KubeCluster

/// The default way behaviour goals send a request: follows an Ingress, a
/// NodePort, a LoadBalancer IP, a Service name or a ClusterIP to the ready
/// pods behind it, and answers as the pod's image would.
///
/// The networking layer may replace it (`GoalContext.http`); this keeps
/// behaviour goals checkable until then.
package enum SimulatedHTTP {
  package static let request: HTTPProbe = { cluster, check in answer(check, in: cluster) }

  package static func answer(_ check: HTTPCheck, in cluster: Cluster) -> HTTPResponse? {
    guard let url = URLComponents(string: check.url), let host = url.host?.lowercased() else {
      return nil
    }
    let path = url.path.isEmpty ? "/" : url.path
    let port = url.port ?? (url.scheme == "https" ? 443 : 80)
    let namespace = check.fromPod?.namespace ?? "default"
    // From the host: Ingress hosts, NodePorts, LoadBalancer IPs.
    if check.fromPod == nil {
      if let backend = ingressBackend(host: host, path: path, in: cluster) {
        return serve(backend.service, port: backend.port, in: cluster)
      }
      for service in cluster.store.list(.service) {
        let ports = service.content[path: "spec.ports"]?.array ?? []
        let lbIPs = (service.content[path: "status.loadBalancer.ingress"]?.array ?? [])
          .compactMap { $0["ip"]?.string }
        for entry in ports {
          if entry["nodePort"]?.int == port, isNodeAddress(host, in: cluster) {
            return serve(service, port: .number(entry["port"]?.int ?? 0), in: cluster)
          }
          if lbIPs.contains(host), entry["port"]?.int == port {
            return serve(service, port: .number(port), in: cluster)
          }
        }
      }
      return nil
    }
    if let service = resolveService(host, namespace: namespace, in: cluster) {
      return serve(service, port: .number(port), in: cluster)
    }
    if let pod = cluster.store.list(.pod).first(where: {
      $0.content[path: "status.podIP"]?.string == host
    }) {
      return answer(from: pod, port: port, in: cluster)
    }
    return nil
  }

  enum PortReference {
    case number(Int)
    case name(String)
  }

  /// A Service by DNS name (`web`, `web.ns`, `web.ns.svc`, `web.ns.svc.cluster.local`)
  /// or by ClusterIP.
  package static func resolveService(_ name: String, namespace: String, in cluster: Cluster)
    -> Object?
  {
    let parts = name.lowercased().split(separator: ".").map(String.init)
    if let service = cluster.store.list(.service).first(where: {
      $0.content[path: "spec.clusterIP"]?.string == name
    }) {
      return service
    }
    guard let first = parts.first else { return nil }
    let suffix = Array(parts.dropFirst())
    let space: String
    switch suffix.count {
    case 0: space = namespace
    case 1: space = suffix[0]
    default:
      guard suffix.count >= 2, suffix[1] == "svc",
        suffix.count == 2 || Array(suffix.dropFirst(2)) == ["cluster", "local"]
      else { return nil }
      space = suffix[0]
    }
    return cluster.store.get(ObjectKey(.service, first, in: space))
  }

  private static func isNodeAddress(_ host: String, in cluster: Cluster) -> Bool {
    if host == "localhost" || host == "127.0.0.1" { return true }
    return cluster.store.list(.node).contains { node in
      node.name == host
        || (node.content[path: "status.addresses"]?.array ?? []).contains {
          $0["address"]?.string == host
        }
    }
  }

  private static func ingressBackend(host: String, path: String, in cluster: Cluster)
    -> (service: Object, port: PortReference)?
  {
    var best: (length: Int, service: Object, port: PortReference)?
    for ingress in cluster.store.list(.ingress) {
      for rule in ingress.content[path: "spec.rules"]?.array ?? [] {
        if let ruleHost = rule["host"]?.string, ruleHost.lowercased() != host { continue }
        for entry in rule[path: "http.paths"]?.array ?? [] {
          let prefix = entry["path"]?.string ?? "/"
          let exact = entry["pathType"]?.string == "Exact"
          let matches =
            exact
            ? path == prefix
            : (prefix == "/" || path == prefix || path.hasPrefix(prefix.hasSuffix("/") ? prefix : prefix + "/"))
          guard matches, best.map({ prefix.count > $0.length }) ?? true,
            let name = entry[path: "backend.service.name"]?.string,
            let service = cluster.store.get(ObjectKey(.service, name, in: ingress.namespace))
          else { continue }
          let port: PortReference =
            entry[path: "backend.service.port.number"]?.int.map { .number($0) }
            ?? .name(entry[path: "backend.service.port.name"]?.string ?? "")
          best = (prefix.count, service, port)
        }
      }
    }
    return best.map { ($0.service, $0.port) }
  }

  private static func serve(_ service: Object, port: PortReference, in cluster: Cluster)
    -> HTTPResponse?
  {
    let ports = service.content[path: "spec.ports"]?.array ?? []
    let entry = ports.first { entry in
      switch port {
      case .number(let number): entry["port"]?.int == number
      case .name(let name): entry["name"]?.string == name
      }
    }
    guard let entry else { return nil }
    let target = entry["targetPort"] ?? entry["port"] ?? .null
    let selector = Object.stringMap(service.content[path: "spec.selector"])
    guard !selector.isEmpty else { return HTTPResponse(status: 503, body: "") }
    let pods = cluster.store.list(.pod, in: service.namespace).filter { pod in
      selector.allSatisfy { pod.labels[$0.key] == $0.value } && ObjectQuery.isReady(pod)
        && !pod.isTerminating
    }
    for pod in pods {
      let containerPort: Int?
      if let number = target.int {
        containerPort = number
      } else if let name = target.string {
        containerPort = containerPorts(of: pod).first { $0.name == name }?.port
      } else {
        containerPort = nil
      }
      if let containerPort, let response = answer(from: pod, port: containerPort, in: cluster) {
        return response
      }
    }
    // No ready endpoint answers: what an ingress controller or curl reports.
    return pods.isEmpty ? HTTPResponse(status: 503, body: "") : nil
  }

  private static func containerPorts(of pod: Object) -> [(name: String?, port: Int)] {
    (pod.content[path: "spec.containers"]?.array ?? []).flatMap { container in
      (container["ports"]?.array ?? []).compactMap { entry in
        entry["containerPort"]?.int.map { (entry["name"]?.string, $0) }
      }
    }
  }

  /// What the pod's container serving `port` answers, as its image would.
  private static func answer(from pod: Object, port: Int, in cluster: Cluster) -> HTTPResponse? {
    guard ObjectQuery.isReady(pod) else { return nil }
    for container in pod.content[path: "spec.containers"]?.array ?? [] {
      guard let image = container["image"]?.string,
        let behavior = ImageCatalog.repository(ImageReference(image)),
        behavior.ports.contains(port)
      else { continue }
      let ip = pod.content[path: "status.podIP"]?.string ?? ""
      switch behavior.http {
      case .none: return nil
      case .nginxWelcome:
        return HTTPResponse(status: 200, body: "<title>Welcome to nginx!</title>\n")
      case .httpdItWorks:
        return HTTPResponse(status: 200, body: "<html><body><h1>It works!</h1></body></html>\n")
      case .whoami:
        return HTTPResponse(status: 200, body: "Hostname: \(pod.name)\nIP: \(ip)\n")
      case .text(let text):
        return HTTPResponse(status: 200, body: text)
      }
    }
    return nil
  }
}
