import Foundation
import KubeCluster

/// How behaviour goals send a request and look up a name: through the
/// cluster's own network (`CurlProgram` over `Cluster.send`/`resolve`),
/// the same code the learner's `curl`, `wget` and `nslookup` use, so a goal
/// and the learner's own request can never disagree.
///
/// A goal looks without touching: it works on a copy of the cluster, so
/// its request draws nothing from the seeded random stream the learner's
/// requests use and writes no access-log line. The answer it gets is the
/// one the learner's next identical request would get.
package enum SimulatedHTTP {
  package static let request: HTTPProbe = { cluster, check in answer(check, in: cluster) }

  /// What `curl -sk URL` answers from the host, or from `fromPod`'s
  /// network namespace; nil when curl would fail (no address, refused,
  /// timed out). HTTPS is checked like `curl -k`: goals are about routing,
  /// not about trusting a self-signed certificate.
  package static func answer(_ check: HTTPCheck, in cluster: Cluster) -> HTTPResponse? {
    var copy = cluster
    let origin: NetworkOrigin
    if let reference = check.fromPod {
      guard let pod = copy.store.get(reference.key) else { return nil }
      origin = .pod(pod)
    } else {
      origin = .host
    }
    guard let response = CurlProgram.response(to: check.url, cluster: &copy, origin: origin) else {
      return nil
    }
    return HTTPResponse(status: response.status, body: response.body)
  }

  /// Whether `name` resolves from a pod in `namespace`, as CoreDNS answers
  /// it there (search path included; nothing resolves while CoreDNS is down).
  package static func resolves(_ name: String, namespace: String, in cluster: Cluster) -> Bool {
    cluster.resolve(name, fromNamespace: namespace) != nil
  }
}
