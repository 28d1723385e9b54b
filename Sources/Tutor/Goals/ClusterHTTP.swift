import Foundation
import KubeCluster

/// How behaviour goals send a request and look up a name: through the
/// cluster's own network (CoreDNS, kube-proxy's rules, ingress-nginx, the
/// servers in the pods), the same path `curl`, `wget` and `nslookup` in
/// the shell take, so a goal never says "it answers" while the learner's
/// `curl` fails.
///
/// The request travels on a copy of the cluster: a check leaves no line in
/// a pod's access log and draws nothing from the seeded random source.
package enum ClusterHTTP {
  package static let request: HTTPProbe = { cluster, check in answer(check, in: cluster) }

  /// The answer to `check`, or `nil` when the request fails (no name, no
  /// route, nothing listening).
  ///
  /// From the host, an IP address or `localhost` is reached as it is; a
  /// name stands for the cluster's web entry point, as when a learner
  /// points it at the ingress controller (`/etc/hosts`, or `curl -H
  /// "Host: NAME" http://ADDRESS/`): the request goes to ingress-nginx's
  /// address with that `Host`. Without an ingress controller it fails.
  package static func answer(_ check: HTTPCheck, in cluster: Cluster) -> HTTPResponse? {
    guard let url = URLComponents(string: check.url), let host = url.host?.lowercased(),
      !host.isEmpty
    else { return nil }
    let port = url.port ?? (url.scheme == "https" ? 443 : 80)
    var path = url.percentEncodedPath.isEmpty ? "/" : url.percentEncodedPath
    if let query = url.percentEncodedQuery { path += "?" + query }
    let origin: NetworkOrigin
    let address: String
    if let reference = check.fromPod {
      guard let pod = cluster.store.get(reference.key),
        let resolved = cluster.resolve(host, from: .pod(pod))?.addresses.first
      else { return nil }
      origin = .pod(pod)
      address = resolved
    } else if let resolved = cluster.resolve(host, from: .host)?.addresses.first {
      origin = .host
      address = resolved
    } else if let entry = ingressAddress(in: cluster) {
      origin = .host
      address = entry
    } else {
      return nil
    }
    let authority = url.port.map { "\(host):\($0)" } ?? host
    let request = HTTPRequest(host: authority, path: path, userAgent: "curl/8.5.0")
    var copy = cluster
    guard case .success(let response) = copy.send(request, to: address, port: port, from: origin)
    else { return nil }
    return HTTPResponse(status: response.status, body: response.body)
  }

  /// Where ingress-nginx takes requests from outside: its Service's
  /// load-balancer address, else the node of a controller pod.
  static func ingressAddress(in cluster: Cluster) -> String? {
    let namespace = Cluster.ingressNamespace
    if let service = cluster.store.get(
      ObjectKey(.service, "ingress-nginx-controller", in: namespace)),
      let ip = service.content[path: "status.loadBalancer.ingress"]?.array?.first?["ip"]?.string
    {
      return ip
    }
    return cluster.store.list(.pod, in: namespace)
      .filter { $0.labels["app.kubernetes.io/component"] == "controller" }
      .sorted { $0.name < $1.name }
      .compactMap { $0.content[path: "status.hostIP"]?.string }
      .first
  }

  /// Whether `name` resolves from a pod in `namespace`, through CoreDNS
  /// and the pod's search list.
  package static func resolves(_ name: String, namespace: String, in cluster: Cluster) -> Bool {
    let asker = Object(.pod, name: "dns-goal", namespace: namespace)
    return cluster.resolve(name, from: .pod(asker)) != nil
  }
}
