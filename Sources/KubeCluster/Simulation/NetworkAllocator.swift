/// Hands out pod IPs from each node's pod CIDR, ClusterIPs from the service
/// range (10.96.0.0/16 as kind configures it) and NodePorts (30000-32767).
struct NetworkAllocator: Sendable {
  /// The host numbers in use under each /24 prefix (`10.244.1` → 2, 3, …):
  /// a node's addresses are probed as numbers, without making each one's text.
  private var usedHosts: [String: Set<Int>] = [:]
  /// The next host number to try in each node's /24.
  private var nextHost: [String: Int] = [:]
  private(set) var serviceIPs: Set<String> = []
  private(set) var nodePorts: Set<Int> = []

  /// The first free address of a node's pod CIDR (`10.244.1.0/24`), from .2,
  /// as kindnet's host-local IPAM allocates them.
  mutating func allocatePodIP(cidr: String, node: String) -> String? {
    let prefix = cidr.split(separator: "/").first.map { $0.split(separator: ".").prefix(3).joined(separator: ".") }
    guard let prefix else { return nil }
    // The probe reads the set before the insert changes it in place.
    guard let free = NetworkAllocator.firstFree(from: nextHost[node] ?? 2, usedHosts[prefix]) else { return nil }
    usedHosts[prefix, default: []].insert(free)
    nextHost[node] = free >= 254 ? 2 : free + 1
    return "\(prefix).\(free)"
  }

  /// The first host number from `start` on (2 follows 254) not in `used`.
  private static func firstFree(from start: Int, _ used: Set<Int>?) -> Int? {
    var host = start
    for _ in 0..<253 {
      if used?.contains(host) != true { return host }
      host = host >= 254 ? 2 : host + 1
    }
    return nil
  }

  /// `10.244.1.7` as its prefix and host number; nil for text that
  /// `allocatePodIP` never hands out.
  private static func parts(of ip: String) -> (prefix: String, host: Int)? {
    guard let dot = ip.lastIndex(of: ".") else { return nil }
    let text = ip[ip.index(after: dot)...]
    guard let host = Int(text), String(host) == text else { return nil }
    return (String(ip[..<dot]), host)
  }

  /// Marks an address as used, when a saved cluster is restored.
  mutating func claimPodIP(_ ip: String, node: String) {
    guard let (prefix, host) = NetworkAllocator.parts(of: ip) else { return }
    usedHosts[prefix, default: []].insert(host)
  }

  mutating func releasePodIP(_ pod: Object) {
    guard pod.content[path: "spec.hostNetwork"]?.bool != true,
      let ip = pod.content[path: "status.podIP"]?.string, let (prefix, host) = NetworkAllocator.parts(of: ip)
    else { return }
    usedHosts[prefix]?.remove(host)
  }

  mutating func claimServiceIP(_ ip: String) -> Bool {
    serviceIPs.insert(ip).inserted
  }

  mutating func allocateServiceIP(random: inout RandomSource) -> String {
    while true {
      let third = random.int(in: 0...255)
      let fourth = random.int(in: 1...254)
      let ip = "10.96.\(third).\(fourth)"
      if third == 0 && fourth < 16 { continue }
      if serviceIPs.insert(ip).inserted { return ip }
    }
  }

  mutating func claimNodePort(_ port: Int) -> Bool {
    nodePorts.insert(port).inserted
  }

  mutating func allocateNodePort(random: inout RandomSource) -> Int {
    while true {
      let port = random.int(in: 30000...32767)
      if nodePorts.insert(port).inserted { return port }
    }
  }

  func isServiceIPInUse(_ ip: String) -> Bool { serviceIPs.contains(ip) }
  func isNodePortInUse(_ port: Int) -> Bool { nodePorts.contains(port) }

  mutating func releaseService(_ service: Object) {
    for ip in service.content[path: "spec.clusterIPs"]?.array?.compactMap(\.string) ?? [] {
      serviceIPs.remove(ip)
    }
    if let ip = service.content[path: "spec.clusterIP"]?.string { serviceIPs.remove(ip) }
    for port in service.content[path: "spec.ports"]?.array ?? [] {
      if let nodePort = port["nodePort"]?.int { nodePorts.remove(nodePort) }
    }
  }
}
