import Foundation

extension Cluster {
  /// How many entries the cluster holds in each of its collections that
  /// grow with use: objects by kind, the journal, the change feed, timers
  /// and the components' own books. What `kubetutor-bench --api-load`
  /// prints to show which of them grows under load.
  package var census: [(name: String, count: Int)] {
    var counts: [(name: String, count: Int)] = []
    for kind in Kind.allCases {
      let count = store.list(kind, in: nil).count
      if count > 0 { counts.append(("objects: \(kind.rawValue)", count)) }
    }
    counts += [
      ("journal entries", store.journal.count),
      ("pending changes", store.pendingChanges.count),
      ("change feed", store.changeFeed?.count ?? 0),
      ("timers", timers.count),
      ("pod runtimes", runtimes.count),
      ("tombstones", tombstones.count),
      ("pods by node", podsByNode.values.reduce(0) { $0 + $1.count }),
      ("scheduler pod accounts", podAccounts.count),
      ("event index owners", eventIndex.count),
      ("event index entries", eventIndex.values.reduce(0) { $0 + $1.count }),
      ("unschedulable pods", unschedulable.count),
      ("volume data", volumeData.count),
    ]
    return counts
  }
}
