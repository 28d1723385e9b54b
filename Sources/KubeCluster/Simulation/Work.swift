import Foundation

/// One unit of controller work: a component and the object it should look at.
///
/// Level-triggered: the work names a key, never the event that caused it;
/// the component reads the current state when it runs.
package enum Work: Hashable, Comparable, Sendable {
  case scheduler(ObjectKey)
  case kubelet(ObjectKey)
  case replicaSet(ObjectKey)
  case deployment(ObjectKey)
  case daemonSet(ObjectKey)
  case job(ObjectKey)
  case statefulSet(ObjectKey)
  case nodeLifecycle(ObjectKey)
  case cronJob(ObjectKey)
  case namespace(ObjectKey)
  case endpoints(ObjectKey)
  case serviceAccounts(ObjectKey)
  case resourceQuota(ObjectKey)
  case garbageCollector(ObjectKey)
  case horizontalPodAutoscaler(ObjectKey)
  case volumeBinding(ObjectKey)
  case clusterRoleAggregation(ObjectKey)

  /// The sync of the workload controller that owns objects of `key`'s
  /// kind: dispatch wakes it for the object and for its controller.
  static func workloadSync(_ key: ObjectKey) -> Work? {
    switch key.kind {
    case .replicaSet: .replicaSet(key)
    case .deployment: .deployment(key)
    case .daemonSet: .daemonSet(key)
    case .job: .job(key)
    case .cronJob: .cronJob(key)
    case .statefulSet: .statefulSet(key)
    default: nil
    }
  }

  private var order: (Int, ObjectKey) {
    switch self {
    case .garbageCollector(let key): (0, key)
    case .namespace(let key): (1, key)
    case .serviceAccounts(let key): (2, key)
    case .deployment(let key): (3, key)
    case .replicaSet(let key): (4, key)
    case .daemonSet(let key): (5, key)
    case .cronJob(let key): (5, key)
    case .job(let key): (5, key)
    case .statefulSet(let key): (5, key)
    case .volumeBinding(let key): (5, key)
    case .nodeLifecycle(let key): (5, key)
    case .scheduler(let key): (6, key)
    case .kubelet(let key): (7, key)
    case .endpoints(let key): (8, key)
    case .resourceQuota(let key): (9, key)
    case .horizontalPodAutoscaler(let key): (10, key)
    case .clusterRoleAggregation(let key): (11, key)
    }
  }

  package static func < (lhs: Work, rhs: Work) -> Bool {
    let (a, b) = (lhs.order, rhs.order)
    return a.0 != b.0 ? a.0 < b.0 : a.1 < b.1
  }

  package var key: ObjectKey { order.1 }

  // Hashed by the key's digest and the work's place in the order, without
  // hashing the key's names again (see ObjectKey.digest).
  package func hash(into hasher: inout Hasher) {
    let (place, key) = order
    hasher.combine(place)
    hasher.combine(key)
  }

  package func _rawHashValue(seed: Int) -> Int {
    let (place, key) = order
    return key._rawHashValue(seed: seed &+ place &* 0x1000_0193)
  }

  /// `works.sorted()`, each element's place read once instead of twice per
  /// comparison (the settle loop sorts thousands of pods' work each pass).
  static func inOrder(_ works: Set<Work>) -> [Work] {
    var keyed = works.map { ($0.order, $0) }
    keyed.sort { $0.0.0 != $1.0.0 ? $0.0.0 < $1.0.0 : $0.0.1 < $1.0.1 }
    return keyed.map { $0.1 }
  }
}

/// Work promised for a later simulated time.
struct Timer: Sendable {
  var due: Date
  var sequence: Int
  var work: Work
  /// The journal entry that set the timer.
  var cause: Int?
}

/// A min-heap of timers ordered by due time, then by the order they were set.
struct TimerQueue: Sendable {
  private var heap: [Timer] = []
  private var sequence = 0

  var isEmpty: Bool { heap.isEmpty }
  var count: Int { heap.count }
  var next: Timer? { heap.first }

  mutating func schedule(_ work: Work, at due: Date, cause: Int? = nil) {
    sequence += 1
    heap.append(Timer(due: due, sequence: sequence, work: work, cause: cause))
    var child = heap.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard before(heap[child], heap[parent]) else { break }
      heap.swapAt(child, parent)
      child = parent
    }
  }

  mutating func pop() -> Timer? {
    guard !heap.isEmpty else { return nil }
    heap.swapAt(0, heap.count - 1)
    let top = heap.removeLast()
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var smallest = parent
      if left < heap.count, before(heap[left], heap[smallest]) { smallest = left }
      if right < heap.count, before(heap[right], heap[smallest]) { smallest = right }
      guard smallest != parent else { break }
      heap.swapAt(parent, smallest)
      parent = smallest
    }
    return top
  }

  private func before(_ a: Timer, _ b: Timer) -> Bool {
    a.due != b.due ? a.due < b.due : a.sequence < b.sequence
  }
}
