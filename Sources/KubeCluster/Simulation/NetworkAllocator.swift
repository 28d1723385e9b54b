/// Hands out pod IPs from each node's pod CIDR, ClusterIPs from the service
/// range (10.96.0.0/16 as kind configures it) and NodePorts (30000-32767).
struct NetworkAllocator: Sendable {
  /// The host numbers in use under each /24 prefix (`10.244.1` → 2, 3, …):
  /// a node's addresses are found as bits, without making each one's text.
  private var usedHosts: [String: HostSet] = [:]
  /// The next host number to try in each node's /24.
  private var nextHost: [String: Int] = [:]
  /// Each pod CIDR's /24 prefix (`10.244.1.0/24` → `10.244.1`), worked out once.
  private var prefixes: [String: String] = [:]
  private(set) var serviceIPs: Set<String> = []
  private(set) var nodePorts: Set<Int> = []

  /// The first free address of a node's pod CIDR (`10.244.1.0/24`), from .2,
  /// as kindnet's host-local IPAM allocates them: from the one after the
  /// last given, .2 following .254.
  mutating func allocatePodIP(cidr: String, node: String) -> String? {
    let prefix: String
    if let known = prefixes[cidr] {
      prefix = known
    } else {
      guard let address = cidr.split(separator: "/").first else { return nil }
      prefix = address.split(separator: ".").prefix(3).joined(separator: ".")
      prefixes[cidr] = prefix
    }
    let start = nextHost[node] ?? 2
    // Read where it is stored: a copy held across the insert would make
    // the insert copy the set.
    guard let free = usedHosts[prefix].map({ $0.firstFree(from: start) }) ?? start else { return nil }
    usedHosts[prefix, default: HostSet()].insert(free)
    nextHost[node] = free >= 254 ? 2 : free + 1
    return "\(prefix).\(free)"
  }

  /// `10.244.1.7` as its prefix and host number; nil for text that
  /// `allocatePodIP` never hands out.
  private static func parts(of ip: String) -> (prefix: String, host: Int)? {
    guard let dot = ip.lastIndex(of: ".") else { return nil }
    let text = ip[ip.index(after: dot)...]
    guard let host = Int(text), String(host) == text, HostSet.range.contains(host) else { return nil }
    return (String(ip[..<dot]), host)
  }

  /// Marks an address as used, when a saved cluster is restored.
  mutating func claimPodIP(_ ip: String, node: String) {
    guard let (prefix, host) = NetworkAllocator.parts(of: ip) else { return }
    usedHosts[prefix, default: HostSet()].insert(host)
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

/// The host numbers 0 to 255 of a /24 in use, one bit each.
struct HostSet: Sendable {
  static let range = 0...255
  private var words: [UInt64] = [0, 0, 0, 0]

  mutating func insert(_ host: Int) { words[host >> 6] |= 1 << UInt64(host & 63) }
  mutating func remove(_ host: Int) { words[host >> 6] &= ~(1 << UInt64(host & 63)) }

  /// The first host number of .2 to .254 not in the set, from `start` on,
  /// .2 following .254.
  func firstFree(from start: Int) -> Int? {
    firstFree(in: start...254) ?? (start > 2 ? firstFree(in: 2...(start - 1)) : nil)
  }

  /// The lowest host number in `hosts` not in the set.
  private func firstFree(in hosts: ClosedRange<Int>) -> Int? {
    var host = hosts.lowerBound
    while host <= hosts.upperBound {
      // The free bits of this word from `host` on, lowest first.
      let free = ~words[host >> 6] >> UInt64(host & 63)
      if free != 0 {
        let found = host + free.trailingZeroBitCount
        return found <= hosts.upperBound ? found : nil
      }
      host = (host | 63) + 1
    }
    return nil
  }
}
