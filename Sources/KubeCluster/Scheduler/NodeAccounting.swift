/// What one bound, still-running pod adds to its node, as the scheduler's
/// cache keeps it.
struct PodAccount: Equatable, Sendable {
  var node: String
  var load: NodeLoad
  /// Requests with the scheduler's non-zero defaults, for scoring.
  var scoringCPU: Int64
  var scoringMemory: Int64
  var owner: String?
}

/// The sums over a node's pods, kept up to date as pods change, so that
/// placing a pod costs the same whatever the cluster's size.
struct NodeTotals: Sendable {
  var load = NodeLoad()
  var scoringCPU: Int64 = 0
  var scoringMemory: Int64 = 0
  /// Pods per controlling owner, by the owner's number
  /// (`Cluster.ownerNumbers`), for spreading replicas.
  var owners: [Int: Int] = [:]

  /// `owner`: the number of the account's owner.
  mutating func add(_ account: PodAccount, owner: Int?, sign: Int64) {
    load.cpu += sign * account.load.cpu
    load.memory += sign * account.load.memory
    load.pods += Int(sign)
    scoringCPU += sign * account.scoringCPU
    scoringMemory += sign * account.scoringMemory
    if let owner {
      owners[owner, default: 0] += Int(sign)
      if owners[owner] == 0 { owners[owner] = nil }
    }
  }
}

extension Cluster {
  /// Brings the node sums up to date with one pod (nil when it is gone).
  mutating func account(_ key: ObjectKey, _ pod: Object?) {
    let account = pod.flatMap(PodAccount.init)
    let previous = podAccounts[key]
    guard account != previous else { return }
    // The sums change: what the scheduler concluded before may not hold.
    schedulingMemo.accountsChanged()
    if let previous {
      podAccounts[key] = nil
      nodeTotals[HashedName(previous.node), default: NodeTotals()]
        .add(previous, owner: previous.owner.map { ownerNumber($0) }, sign: -1)
    }
    guard let account else { return }
    podAccounts[key] = account
    nodeTotals[HashedName(account.node), default: NodeTotals()]
      .add(account, owner: account.owner.map { ownerNumber($0) }, sign: 1)
  }

  /// The number of a controlling owner UID, given the first time it is asked.
  private mutating func ownerNumber(_ uid: String) -> Int {
    if let known = ownerNumbers[uid] { return known }
    let number = ownerNumbers.count
    ownerNumbers[uid] = number
    return number
  }
}

extension PodAccount {
  /// What a pod adds to its node: nothing (nil) until it is bound, and
  /// nothing once it has finished.
  init?(_ pod: Object) {
    guard let node = pod.content[path: "spec.nodeName"]?.string else { return nil }
    let phase = pod.content[path: "status.phase"]?.string
    guard phase != "Succeeded" && phase != "Failed" else { return nil }
    let request = Cluster.requests(of: pod)
    self.init(
      node: node, load: NodeLoad(cpu: request.cpu, memory: request.memory, pods: 1),
      scoringCPU: max(request.cpu, 100), scoringMemory: max(request.memory, Cluster.defaultMemoryRequest),
      owner: pod.controller?.uid)
  }
}
