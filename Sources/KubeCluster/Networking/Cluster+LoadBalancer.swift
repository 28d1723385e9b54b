import Foundation

extension Cluster {
  /// The simulated load-balancer pool, as MetalLB or cloud-provider-kind
  /// would hand out on kind's docker network.
  static let loadBalancerPool = (200...250).map { "172.18.255.\($0)" }

  /// Seconds a LoadBalancer Service shows `<pending>` before it gets an address.
  static let loadBalancerDelay: TimeInterval = 2

  /// The load-balancer controller: gives a LoadBalancer Service an address
  /// from the pool a moment after it appears, and clears it when the
  /// Service stops being one.
  mutating func reconcileLoadBalancer(_ key: ObjectKey) {
    guard var service = store.get(key), !service.isTerminating else { return }
    let isLoadBalancer = service.content[path: "spec.type"]?.string == "LoadBalancer"
    let current = service.content[path: "status.loadBalancer.ingress"]?.array ?? []
    if !isLoadBalancer {
      guard !current.isEmpty else { return }
      service.content[path: "status.loadBalancer"] = .emptyObject
      write(service, by: "service-controller", summary: "released load balancer")
      return
    }
    guard current.isEmpty else { return }
    let due = (service.creationTimestamp ?? now).addingTimeInterval(Cluster.loadBalancerDelay)
    guard due <= now else {
      schedule(.endpoints(key), at: due)
      return
    }
    let used = Set(
      store.list(.service).flatMap { other in
        (other.content[path: "status.loadBalancer.ingress"]?.array ?? []).compactMap {
          $0["ip"]?.string
        }
      })
    let requested = service.content[path: "spec.loadBalancerIP"]?.string
    let address =
      requested.flatMap { Cluster.loadBalancerPool.contains($0) && !used.contains($0) ? $0 : nil }
      ?? Cluster.loadBalancerPool.first { !used.contains($0) }
    guard let address else { return }
    service.content[path: "status.loadBalancer.ingress"] = [
      ["ip": .string(address), "ipMode": "VIP"]
    ]
    write(service, by: "service-controller", summary: "assigned load balancer \(address)")
    recordEvent(
      service, reason: "EnsuringLoadBalancer", message: "Ensuring load balancer",
      source: EventSource("service-controller"))
    recordEvent(
      service, reason: "EnsuredLoadBalancer", message: "Ensured load balancer",
      source: EventSource("service-controller"))
  }
}
