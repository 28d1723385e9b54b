import Foundation

/// What a node has room for and what is asked of it, in milli-units.
struct NodeLoad: Hashable, Sendable {
  var cpu: Int64 = 0
  var memory: Int64 = 0
  var pods = 0
}

extension Cluster {
  /// The default scheduler: filters nodes (taints, selectors, affinity,
  /// room), scores the rest by least requested resources, breaks ties with
  /// the seeded random source, and binds; or records why nothing fits.
  mutating func schedulePod(_ key: ObjectKey) {
    guard let pod = store.get(key), pod.content[path: "spec.nodeName"]?.string == nil,
      !pod.isTerminating
    else {
      unschedulable.remove(key)
      return
    }
    // Read once per stored version of the pod: with the cluster full, a
    // rolling update's unschedulable pods are retried after every deletion.
    let facts = SchedulingFacts.of(pod)
    guard facts.schedulerName == "default-scheduler" else { return }

    let request = facts.request
    let asks = facts.asks
    // A pod that asks what an earlier one asked, while no node and no
    // bound pod changed since, meets the same verdict, so only the first of
    // the retried pods needs to go through the nodes.
    let shape = facts.shape
    schedulingMemo.check(nodes: store.lastWrite(of: .node))
    // VolumeBinding: claims the pod uses may keep it away from nodes (its
    // verdicts depend on more than the shape, so they skip the memo).
    var claims: PodClaims?
    switch facts.usesClaims ? podClaims(pod) : nil {
    case nil: break
    case .success(let found)?: claims = found
    case .failure(let failure)?:
      let count = schedulingNodes().count
      markUnschedulable(
        pod, facts,
        message: "0/\(count) nodes are available: \(failure.reason). preemption: 0/\(count) nodes are available: \(count) Preemption is not helpful for scheduling.")
      return
    }
    if claims == nil, let message = schedulingMemo.unschedulable[shape] {
      markUnschedulable(pod, facts, message: message)
      return
    }
    let nodes = schedulingNodes()
    // Pods of an owner never counted are on no node.
    let owner = pod.controller.flatMap { ownerNumbers[$0.uid] }
    var reasons: [String: Int] = [:]
    var unresolvable = 0
    var feasible: [(node: NodeFacts, score: Double)] = []
    var filtered: [(node: String, reasons: [String])] = []
    for node in nodes {
      // The node's sums, looked up once for the filter and the score.
      let totals = nodeTotals[node.hashedName] ?? NodeTotals()
      var (fits, reason, resolvable) = check(asks, on: node, used: totals.load, request: request)
      if fits, let allowed = claims?.nodes, !allowed.contains(node.name) {
        (fits, reason, resolvable) = (false, ["node(s) had volume node affinity conflict"], false)
      }
      if fits {
        feasible.append((node, score(owner: owner, on: node, totals: totals, request: request)))
      } else {
        filtered.append((node.name, reason))
        for part in reason { reasons[part, default: 0] += 1 }
        if !resolvable { unresolvable += 1 }
      }
    }

    guard !feasible.isEmpty else {
      // FitError.Error sorts the formatted "COUNT REASON" strings.
      let summary = reasons.map { "\($0.value) \($0.key)" }.sorted()
      var message = "0/\(nodes.count) nodes are available"
      if nodes.isEmpty {
        message = "no nodes available to schedule pods"
      } else {
        message += ": " + summary.joined(separator: ", ") + "."
        var preemption: [String] = []
        if unresolvable > 0 { preemption.append("\(unresolvable) Preemption is not helpful for scheduling") }
        if nodes.count - unresolvable > 0 {
          preemption.append("\(nodes.count - unresolvable) No preemption victims found for incoming pod")
        }
        message += " preemption: 0/\(nodes.count) nodes are available: " + preemption.sorted().joined(separator: ", ") + "."
      }
      if claims == nil { schedulingMemo.unschedulable[shape] = message }
      markUnschedulable(pod, facts, message: message)
      return
    }

    let best = feasible.map(\.score).max() ?? 0
    let top = feasible.filter { $0.score >= best - 1e-9 }
    let chosen = top[Int(random.next() % UInt64(top.count))].node
    // Why this node, for `trace`: the filter's verdicts and the scores.
    // The best five of each, so that a big cluster's reasons stay readable.
    let ranked = Cluster.best(5, of: feasible) { ($1.score, $0.node.name) < ($0.score, $1.node.name) }
    let scores = ranked.map { "\($0.node.name) \(Int(($0.score).rounded()))" }
    var why = "scores " + scores.joined(separator: ", ")
    if feasible.count > 5 { why += " and \(feasible.count - 5) more" }
    if top.count > 1 { why += " (a tie, broken at random)" }
    if !filtered.isEmpty {
      why += "; filtered out " + filtered.prefix(5).map { "\($0.node) (\($0.reasons.joined(separator: ", ")))" }.joined(separator: ", ")
      if filtered.count > 5 { why += " and \(filtered.count - 5) more" }
    }
    if let claims, !bindPodVolumes(pod, claims: claims, on: chosen.name) { return }
    store.note(why, about: pod, actor: "default-scheduler", at: now)
    bind(pod, to: chosen.name)
  }

  /// The first `count` elements of `items` in the order `before` sorts
  /// them, without sorting them all.
  static func best<T>(_ count: Int, of items: [T], by before: (T, T) -> Bool) -> [T] {
    var kept: [T] = []
    for item in items {
      guard kept.count < count || before(item, kept[kept.count - 1]) else { continue }
      let place = kept.firstIndex { before(item, $0) } ?? kept.count
      kept.insert(item, at: place)
      if kept.count > count { kept.removeLast() }
    }
    return kept
  }

  /// The nodes, as the scheduler reads them, decoded again only when a
  /// node changed.
  mutating func schedulingNodes() -> [NodeFacts] {
    let mark = store.lastWrite(of: .node)
    if let cached = nodeFactsCache, cached.mark == mark { return cached.nodes }
    let nodes = store.list(.node).map(NodeFacts.init)
    nodeFactsCache = (mark, nodes)
    return nodes
  }

  private mutating func markUnschedulable(_ pod: Object, _ facts: SchedulingFacts, message: String) {
    unschedulable.insert(pod.key)
    // The pod already says why: nothing to write (most retries).
    guard facts.unschedulableMessage != message else { return }
    var updated = pod
    let existing = pod.content[path: "status.conditions"]?.array?.first { $0["type"]?.string == "PodScheduled" }
    updated.content[path: "status.conditions"] = [
      [
        "lastProbeTime": .null,
        "lastTransitionTime": existing?["lastTransitionTime"] ?? .string(Timestamp.format(now)),
        "message": .string(message), "reason": "Unschedulable", "status": "False",
        "type": "PodScheduled",
      ]
    ]
    write(updated, by: "default-scheduler", summary: "could not schedule: \(message)")
    recordEvent(pod, type: "Warning", reason: "FailedScheduling", message: message, source: EventSource("default-scheduler"))
  }

  private mutating func bind(_ pod: Object, to node: String) {
    unschedulable.remove(pod.key)
    var bound = pod
    bound.content[path: "spec.nodeName"] = .string(node)
    var conditions = (pod.content[path: "status.conditions"]?.array ?? []).filter { $0["type"]?.string != "PodScheduled" }
    conditions.append([
      "lastProbeTime": .null, "lastTransitionTime": .string(Timestamp.format(now)),
      "status": "True", "type": "PodScheduled",
    ])
    bound.content[path: "status.conditions"] = .array(conditions)
    write(bound, by: "default-scheduler", summary: "bound to \(node)")
    // The scheduler's cache counts the pod on its node at once, so the next
    // pod of the same batch is scored against it (spreading replicas).
    podsByNode[node, default: []].insert(pod.key)
    let stored = store.get(pod.key)
    account(pod.key, stored)
    recordEvent(
      bound, reason: "Scheduled",
      message: "Successfully assigned \(pod.namespace)/\(pod.name) to \(node)",
      source: EventSource("default-scheduler"))
  }

  /// Whether a pod asking `asks` may run on `node`, and if not, the
  /// scheduler's reasons and whether preemption could ever help.
  private func check(_ asks: SchedulingAsks, on node: NodeFacts, used: NodeLoad, request: NodeLoad)
    -> (Bool, [String], Bool)
  {
    if node.unschedulable,
      !asks.tolerates(key: "node.kubernetes.io/unschedulable", value: nil, effect: "NoSchedule")
    {
      return (false, ["node(s) were unschedulable"], false)
    }
    // kube-scheduler's filters stop at the first that rejects a node, and
    // TaintToleration runs before NodeAffinity.
    for taint in node.taints {
      if !asks.tolerates(key: taint.key, value: taint.value, effect: taint.effect) {
        return (false, ["node(s) had untolerated taint {\(taint.key): \(taint.value ?? "")}"], false)
      }
    }
    let affinityMessage = "node(s) didn't match Pod's node affinity/selector"
    if let selector = asks.nodeSelector, !selector.matches(node.labels) {
      return (false, [affinityMessage], false)
    }
    if !asks.matchesRequiredAffinity(node) { return (false, [affinityMessage], false) }
    let capacity = node.allocatable
    var reasons: [String] = []
    if used.pods + 1 > capacity.pods { reasons.append("Too many pods") }
    if request.cpu > 0, used.cpu + request.cpu > capacity.cpu { reasons.append("Insufficient cpu") }
    if request.memory > 0, used.memory + request.memory > capacity.memory {
      reasons.append("Insufficient memory")
    }
    return (reasons.isEmpty, reasons, true)
  }

  func tolerates(_ pod: Object, key: String, value: String?, effect: String) -> Bool {
    Cluster.tolerates(pod.content[path: "spec.tolerations"]?.array ?? [], key: key, value: value, effect: effect)
  }

  static func tolerates(_ tolerations: [JSONValue], key: String, value: String?, effect: String) -> Bool {
    tolerations.contains { toleration in
      let tolerationEffect = toleration["effect"]?.string ?? ""
      guard tolerationEffect.isEmpty || tolerationEffect == effect else { return false }
      let op = toleration["operator"]?.string ?? "Equal"
      let tolerationKey = toleration["key"]?.string ?? ""
      if op == "Exists" { return tolerationKey.isEmpty || tolerationKey == key }
      return tolerationKey == key && (toleration["value"]?.string ?? "") == (value ?? "")
    }
  }

  fileprivate static func nodeRequirement(_ expression: JSONValue, value: (String) -> String?) -> Bool {
    let key = expression["key"]?.string ?? ""
    let values = expression["values"]?.array?.compactMap(\.string) ?? []
    let actual = value(key)
    switch expression["operator"]?.string ?? "" {
    case "In": return actual.map { values.contains($0) } ?? false
    case "NotIn": return actual.map { !values.contains($0) } ?? true
    case "Exists": return actual != nil
    case "DoesNotExist": return actual == nil
    case "Gt": return actual.flatMap { Int($0) }.map { $0 > (Int(values.first ?? "") ?? Int.max) } ?? false
    case "Lt": return actual.flatMap { Int($0) }.map { $0 < (Int(values.first ?? "") ?? Int.min) } ?? false
    default: return false
    }
  }

  /// Least-allocated scoring (NodeResourcesFit, with the scheduler's
  /// non-zero defaults of 100m CPU and 200Mi for pods that request nothing)
  /// plus the default topology spreading of pods that share an owner.
  private func score(owner: Int?, on node: NodeFacts, totals: NodeTotals, request: NodeLoad) -> Double {
    let capacity = node.allocatable
    let cpuUsed = max(request.cpu, 100) + totals.scoringCPU
    let memoryUsed = max(request.memory, Cluster.defaultMemoryRequest) + totals.scoringMemory
    let siblings = owner.map { totals.owners[$0] ?? 0 } ?? 0
    let cpu = 1 - Double(cpuUsed) / Double(max(capacity.cpu, 1))
    let memory = 1 - Double(memoryUsed) / Double(max(capacity.memory, 1))
    return ((cpu + memory) / 2 * 100).rounded() - Double(siblings * 10)
  }

  static let defaultMemoryRequest: Int64 = 200 * 1_048_576 * 1000

  /// What pods bound to a node request, counting only pods still running.
  func load(on node: String) -> NodeLoad {
    nodeTotals[HashedName(node)]?.load ?? NodeLoad()
  }


  /// The sum of a pod's container requests (init containers by their maximum).
  static func requests(of pod: Object) -> NodeLoad {
    var load = NodeLoad()
    for container in pod.content[path: "spec.containers"]?.array ?? [] {
      load.cpu += Quantity(container[path: "resources.requests.cpu"] ?? container[path: "resources.limits.cpu"])?.milli ?? 0
      load.memory += Quantity(container[path: "resources.requests.memory"] ?? container[path: "resources.limits.memory"])?.milli ?? 0
    }
    for container in pod.content[path: "spec.initContainers"]?.array ?? [] {
      load.cpu = max(load.cpu, Quantity(container[path: "resources.requests.cpu"])?.milli ?? 0)
      load.memory = max(load.memory, Quantity(container[path: "resources.requests.memory"])?.milli ?? 0)
    }
    return load
  }

  /// A node's `status.allocatable`, read once per stored version of the
  /// node (the kubelet asks at every pod it admits).
  static func allocatable(_ node: Object) -> NodeLoad { node.memoized(NodeLoad.self, readAllocatable) }

  private static func readAllocatable(_ node: Object) -> NodeLoad {
    NodeLoad(
      cpu: Quantity(node.content[path: "status.allocatable.cpu"])?.milli ?? 0,
      memory: Quantity(node.content[path: "status.allocatable.memory"])?.milli ?? 0,
      pods: Int(Quantity(node.content[path: "status.allocatable.pods"])?.value ?? 110))
  }
}

/// What the scheduler reads of a node: decoded once per version of the
/// node, not once per pod placed. A class: the scheduler passes each node's
/// facts around for every pod it places, and a reference is one count to
/// keep instead of one for each of its strings and collections.
final class NodeFacts: Sendable {
  let name: String
  /// The name as the scheduler's sums are keyed (`nodeTotals`), hashed once
  /// per version of the node instead of once per pod placed.
  let hashedName: HashedName
  let labels: [String: String]
  let unschedulable: Bool
  /// The NoSchedule and NoExecute taints, in order.
  let taints: [(key: String, value: String?, effect: String)]
  let allocatable: NodeLoad

  init(_ node: Object) {
    name = node.name
    hashedName = HashedName(name)
    labels = node.labels
    unschedulable = node.content[path: "spec.unschedulable"]?.bool == true
    taints = (node.content[path: "spec.taints"]?.array ?? []).compactMap { taint in
      let effect = taint["effect"]?.string ?? ""
      guard effect == "NoSchedule" || effect == "NoExecute" else { return nil }
      return (taint["key"]?.string ?? "", taint["value"]?.string, effect)
    }
    allocatable = Cluster.allocatable(node)
  }
}

/// What the scheduler reads of a pod, worked out once per stored version
/// of the pod (a class: kept in the pod's memo as it is).
final class SchedulingFacts: Sendable {
  let schedulerName: String
  let asks: SchedulingAsks
  let request: NodeLoad
  let shape: SchedulingShape
  /// Whether the pod mounts a PersistentVolumeClaim.
  let usesClaims: Bool
  /// The message of the pod's PodScheduled condition, if it has one.
  let unschedulableMessage: String?

  static func of(_ pod: Object) -> SchedulingFacts { pod.memoized(object: SchedulingFacts.self, SchedulingFacts.init) }

  private init(_ pod: Object) {
    schedulerName = pod.content[path: "spec.schedulerName"]?.string ?? "default-scheduler"
    asks = SchedulingAsks(pod)
    request = Cluster.requests(of: pod)
    shape = SchedulingShape(asks: asks, request: request)
    usesClaims = !Cluster.claimKeys(of: pod).isEmpty
    let condition = pod.content[path: "status.conditions"]?.array?.first { $0["type"]?.string == "PodScheduled" }
    unschedulableMessage = condition?["message"]?.string
  }
}

/// What a pod asks of the node it runs on.
struct SchedulingAsks: Sendable {
  var tolerations: [JSONValue]
  /// `spec.nodeSelector`.
  var selectorLabels: [String: String]
  var nodeSelector: LabelSelector?
  var affinityTerms: [JSONValue]?

  init(_ pod: Object) {
    tolerations = pod.content[path: "spec.tolerations"]?.array ?? []
    selectorLabels = Object.stringMap(pod.content[path: "spec.nodeSelector"])
    nodeSelector = selectorLabels.isEmpty ? nil : LabelSelector(matchLabels: selectorLabels)
    let terms = pod.content[path: "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms"]?.array
    affinityTerms = terms?.isEmpty == false ? terms : nil
  }

  func tolerates(key: String, value: String?, effect: String) -> Bool {
    Cluster.tolerates(tolerations, key: key, value: value, effect: effect)
  }

  func matchesRequiredAffinity(_ node: NodeFacts) -> Bool {
    guard let terms = affinityTerms else { return true }
    return terms.contains { term in
      let expressions = term["matchExpressions"]?.array ?? []
      let fields = term["matchFields"]?.array ?? []
      guard !expressions.isEmpty || !fields.isEmpty else { return false }
      let labelsOK = expressions.allSatisfy { Cluster.nodeRequirement($0, value: { node.labels[$0] }) }
      let fieldsOK = fields.allSatisfy {
        Cluster.nodeRequirement($0, value: { $0 == "metadata.name" ? node.name : nil })
      }
      return labelsOK && fieldsOK
    }
  }
}

/// Everything the scheduler's filters read of a pod: two pods alike in
/// these are placed, or refused, alike.
struct SchedulingShape: Hashable, Sendable {
  var tolerations: [JSONValue]
  var nodeSelector: [String: String]
  var affinityTerms: [JSONValue]?
  var request: NodeLoad
  /// The members hashed once, when the shape is made: hashing the
  /// tolerations' trees at every lookup cost more than the rest of a retry.
  private var digest: Int

  init(asks: SchedulingAsks, request: NodeLoad) {
    tolerations = asks.tolerations
    nodeSelector = asks.selectorLabels
    affinityTerms = asks.affinityTerms
    self.request = request
    var hasher = Hasher()
    hasher.combine(tolerations)
    hasher.combine(nodeSelector)
    hasher.combine(affinityTerms)
    hasher.combine(request)
    digest = hasher.finalize()
  }

  static func == (lhs: SchedulingShape, rhs: SchedulingShape) -> Bool {
    lhs.digest == rhs.digest && lhs.request == rhs.request && lhs.nodeSelector == rhs.nodeSelector
      && lhs.tolerations == rhs.tolerations && lhs.affinityTerms == rhs.affinityTerms
  }

  func hash(into hasher: inout Hasher) { hasher.combine(digest) }
}

/// The verdicts the scheduler reached for pods it could not place, by what
/// they ask, valid while the nodes and the pods bound to them stay as they
/// were: a verdict depends on nothing else (a cache, exact by construction).
struct SchedulingMemo: Sendable {
  /// The store's mark of the last node write when the verdicts were reached.
  private var nodes = -1
  /// The failure message for each shape of pod that fitted no node.
  var unschedulable: [SchedulingShape: String] = [:]

  /// Forgets every verdict when a node changed since they were reached.
  mutating func check(nodes mark: Int) {
    guard mark != nodes else { return }
    nodes = mark
    unschedulable.removeAll()
  }

  /// Forgets every verdict: a bound pod came, went or changed its requests.
  mutating func accountsChanged() {
    if !unschedulable.isEmpty { unschedulable.removeAll() }
  }
}
