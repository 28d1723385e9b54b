import Foundation
import KubeCluster
import Kubectl

extension Goal {
  /// Whether the goal holds now. `id` names this node of the goal tree, so
  /// that `after` can remember what it has seen in `memory`.
  package func isMet(in context: GoalContext, memory: inout GoalMemory, id: String = "goal")
    -> Bool
  {
    switch self {
    case .exists(let reference):
      return context.cluster.store.get(reference.key) != nil
    case .absent(let reference):
      return context.cluster.store.get(reference.key) == nil
    case .field(let reference, let path, let test):
      guard let object = context.cluster.store.get(reference.key) else { return false }
      return test.passes(path.values(in: object.content))
    case .count(let query, let test):
      return test.passes(query.count(in: context.cluster))
    case .http(let check):
      guard let response = context.http(context.cluster, check) else { return false }
      guard response.status == check.status else { return false }
      return check.bodyContains.map { response.body.contains($0) } ?? true
    case .dns(let name, let namespace):
      return SimulatedHTTP.resolves(name, namespace: namespace, in: context.cluster)
    case .command(let pattern):
      return context.commands.contains { pattern.matches($0, cluster: context.cluster) }
    case .answer(let source):
      guard let expected = source.values(in: context.cluster) else { return false }
      let normalized = Set(expected.map(AnswerSource.normalize))
      return context.answers.contains { normalized.contains(AnswerSource.normalize($0)) }
    case .component(let action):
      return action.happened(in: context.cluster)
    case .all(let goals):
      var result = true
      for (index, goal) in goals.enumerated() {
        if !goal.isMet(in: context, memory: &memory, id: "\(id).\(index)") { result = false }
      }
      return result
    case .any(let goals):
      var result = false
      for (index, goal) in goals.enumerated() {
        if goal.isMet(in: context, memory: &memory, id: "\(id).\(index)") { result = true }
      }
      return result
    case .not(let goal):
      return !goal.isMet(in: context, memory: &memory, id: id + ".not")
    case .after(let first, let then):
      // `then` counts only in a check after the one where `first` was first met.
      let wasSeen = memory.seen.contains(id)
      if first.isMet(in: context, memory: &memory, id: id + ".first") { memory.seen.insert(id) }
      guard wasSeen else { return false }
      return then.isMet(in: context, memory: &memory, id: id + ".then")
    }
  }
}

extension ValueTest {
  /// Whether any of the values passes (`present(false)`: none exists).
  package func passes(_ values: [JSONValue]) -> Bool {
    switch self {
    case .present(let flag):
      return flag ? values.contains { !$0.isNull } : values.allSatisfy(\.isNull)
    case .notEquals(let expected):
      return !values.isEmpty && values.allSatisfy { Self.text($0) != expected }
    default:
      return values.contains(where: passes)
    }
  }

  private func passes(_ value: JSONValue) -> Bool {
    switch self {
    case .equals(let expected): return Self.text(value) == expected
    case .notEquals(let expected): return Self.text(value) != expected
    case .atLeast(let bound): return Self.number(value).map { $0 >= bound } ?? false
    case .atMost(let bound): return Self.number(value).map { $0 <= bound } ?? false
    case .matches(let pattern):
      guard let regex = try? Regex(pattern) else { return false }
      return Self.text(value).contains(regex)
    case .present: return !value.isNull
    }
  }

  static func text(_ value: JSONValue) -> String {
    switch value {
    case .string(let text): text
    case .object, .array: value.compactJSON
    default: value.scalarText
    }
  }

  static func number(_ value: JSONValue) -> Double? {
    if let number = value.double { return number }
    if let number = value.int { return Double(number) }
    if let text = value.string { return Double(text) }
    return nil
  }
}

extension ObjectQuery {
  /// The objects that match, in the store's order.
  package func matches(in cluster: Cluster) -> [Object] {
    var owners: [ObjectKey: Bool] = [:]
    return cluster.store.list(kind, in: scope).filter { accepts($0, in: cluster, owners: &owners) }
  }

  /// How many objects match: `matches(in:).count` without sorting them.
  package func count(in cluster: Cluster) -> Int {
    var owners: [ObjectKey: Bool] = [:]
    var count = 0
    cluster.store.forEach(kind, in: scope) { object in
      if accepts(object, in: cluster, owners: &owners) { count += 1 }
    }
    return count
  }

  private var scope: String? {
    kind.isNamespaced ? (namespace == "*" ? nil : (namespace ?? "default")) : nil
  }

  /// Whether one object matches. Each part of the object is read once, the
  /// cheap tests first; `owners` remembers, for this check, whether each
  /// intermediate owner (a pod's ReplicaSet) belongs to `owner`.
  private func accepts(_ object: Object, in cluster: Cluster, owners: inout [ObjectKey: Bool]) -> Bool {
    let metadata = object.content["metadata"]
    if !labels.isEmpty {
      let present = metadata?["labels"]
      for (key, value) in labels where present?[key]?.scalarText != value { return false }
    }
    if let phase, object.content["status"]?["phase"]?.string != phase { return false }
    if metadata?["deletionTimestamp"] != nil { return false }
    guard fields.allSatisfy({ $0.test.passes($0.path.values(in: object.content)) }) else {
      return false
    }
    if let ready, Self.isReady(object) != ready { return false }
    if let owner, !Self.isOwned(object, by: owner, in: cluster, owners: &owners) { return false }
    return true
  }

  /// A pod's Ready condition; for workloads, every wanted replica ready.
  static func isReady(_ object: Object) -> Bool {
    switch object.kind {
    case .pod:
      let conditions = object.content[path: "status.conditions"]?.array ?? []
      return conditions.contains {
        $0["type"]?.string == "Ready" && $0["status"]?.string == "True"
      }
    case .node:
      let conditions = object.content[path: "status.conditions"]?.array ?? []
      return conditions.contains {
        $0["type"]?.string == "Ready" && $0["status"]?.string == "True"
      }
    default:
      let wanted = object.content[path: "spec.replicas"]?.int ?? 1
      let ready = object.content[path: "status.readyReplicas"]?.int ?? 0
      return ready >= wanted
    }
  }

  /// Whether `owner` controls the object, directly or through one level
  /// (a Deployment's ReplicaSet, a CronJob's Job).
  static func isOwned(_ object: Object, by owner: ObjectReference, in cluster: Cluster) -> Bool {
    var owners: [ObjectKey: Bool] = [:]
    return isOwned(object, by: owner, in: cluster, owners: &owners)
  }

  /// `isOwned`, remembering in `owners` the answer for the object's
  /// controller, which many objects share.
  static func isOwned(
    _ object: Object, by owner: ObjectReference, in cluster: Cluster, owners: inout [ObjectKey: Bool]
  ) -> Bool {
    guard let first = controllerKey(of: object) else { return false }
    if first.kind == owner.kind && first.name == owner.name { return true }
    if let known = owners[first] { return known }
    var answer = false
    var current = cluster.store.get(first)
    for _ in 0..<2 {
      guard let object = current, let key = controllerKey(of: object) else { break }
      if key.kind == owner.kind && key.name == owner.name {
        answer = true
        break
      }
      current = cluster.store.get(key)
    }
    owners[first] = answer
    return answer
  }

  /// The key of the object's controller (`Object.controller`, read
  /// without decoding every owner reference), in the object's namespace.
  private static func controllerKey(of object: Object) -> ObjectKey? {
    let metadata = object.content["metadata"]
    for reference in metadata?["ownerReferences"]?.array ?? [] {
      // Object.ownerReferences skips references without a name or uid.
      guard let name = reference["name"]?.string, reference["uid"]?.string != nil else { continue }
      guard reference["controller"]?.bool == true else { continue }
      guard let kind = Kind(rawValue: reference["kind"]?.string ?? "") else { return nil }
      return ObjectKey(kind, name, in: metadata?["namespace"]?.string ?? "")
    }
    return nil
  }
}

extension CommandPattern {
  /// Whether a command the learner ran matches.
  package func matches(_ run: CommandRun, cluster: Cluster) -> Bool {
    if succeeded && run.exitCode != 0 { return false }
    if let pattern {
      guard let regex = try? Regex(pattern), run.line.contains(regex) else { return false }
    }
    let needsKubectl =
      verb != nil || resource != nil || target != nil || output != nil
      || !flags.isEmpty
    guard needsKubectl else { return true }
    guard let words = run.kubectl else { return false }
    if let verb {
      let wanted = verb.split(separator: " ").map(String.init)
      guard Array(words.positionals.prefix(wanted.count)) == wanted else { return false }
    }
    if let output {
      guard let given = words.flags["output"], given == output || given.hasPrefix(output + "=")
      else { return false }
    }
    for flag in flags where words.flags[KubectlWords.longName(flag)] == nil { return false }
    let arguments = words.arguments
    if let resource {
      let kinds = arguments.flatMap { word in
        word.split(separator: ",").compactMap {
          ResourceResolver.kind(for: String($0.split(separator: "/").first ?? ""))
        }
      }
      guard kinds.contains(resource) else { return false }
    }
    if let target {
      let namespace = words.flags["namespace"] ?? run.namespace
      guard refers(to: target, arguments: arguments, namespace: namespace, cluster: cluster)
      else { return false }
    }
    return true
  }

  private func refers(
    to target: ObjectReference, arguments: [String], namespace: String, cluster: Cluster
  ) -> Bool {
    let targetNamespace = target.namespace ?? "default"
    guard !target.kind.isNamespaced || namespace == targetNamespace else { return false }
    var impliedKind: Kind?
    for word in arguments {
      let parts = word.split(separator: "/", maxSplits: 1).map(String.init)
      if parts.count == 2 {
        guard let kind = ResourceResolver.kind(for: parts[0]) else { continue }
        if kind == target.kind && parts[1] == target.name { return true }
        if kind == .pod, isPod(parts[1], of: target, namespace: namespace, cluster: cluster) {
          return true
        }
      } else if impliedKind == nil, let kind = ResourceResolver.kind(for: word),
        cluster.store
          .get(ObjectKey(kind, word, in: kind.isNamespaced ? namespace : "")) == nil
      {
        impliedKind = kind
      } else {
        let kind = impliedKind ?? .pod
        if kind == target.kind && word == target.name { return true }
        if kind == .pod, isPod(word, of: target, namespace: namespace, cluster: cluster) {
          return true
        }
      }
    }
    return false
  }

  private func isPod(
    _ name: String, of target: ObjectReference, namespace: String, cluster: Cluster
  ) -> Bool {
    guard let pod = cluster.store.get(ObjectKey(.pod, name, in: namespace)) else {
      // A pod deleted since: accept a name that starts like the workload's pods.
      return name.hasPrefix(target.name + "-")
    }
    return ObjectQuery.isOwned(pod, by: target, in: cluster)
  }
}

extension AnswerSource {
  /// The accepted answers now, or nil when the cluster cannot say.
  package func values(in cluster: Cluster) -> [String]? {
    switch self {
    case .podIP(let reference):
      return cluster.store.get(reference.key)?.content[path: "status.podIP"]?.string.map { [$0] }
    case .nodeOf(let reference):
      return cluster.store.get(reference.key)?.content[path: "spec.nodeName"]?.string.map { [$0] }
    case .restarts(let reference):
      guard let pod = cluster.store.get(reference.key) else { return nil }
      let statuses = pod.content[path: "status.containerStatuses"]?.array ?? []
      let total = statuses.reduce(0) { $0 + ($1["restartCount"]?.int ?? 0) }
      return [String(total)]
    case .field(let reference, let path):
      guard let object = cluster.store.get(reference.key) else { return nil }
      let values = path.values(in: object.content).map(ValueTest.text)
      return values.isEmpty ? nil : values
    case .count(let query):
      return [String(query.count(in: cluster))]
    case .value(let accepted):
      return accepted
    }
  }

  /// Case, surrounding quotes and runs of spaces do not matter.
  package static func normalize(_ text: String) -> String {
    text.trimmingCharacters(in: CharacterSet(charactersIn: " \t\n\"'`."))
      .lowercased()
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}
