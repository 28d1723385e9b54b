import Foundation
import KubeCluster

/// Whoever owns the cluster the server serves: the shell's session, or a
/// cluster of the server's own.
///
/// Every request runs inside `withCluster`, which holds the owner's lock,
/// so the shell's commands and the server's requests take turns on one
/// value and see each other's changes at once.
package protocol ClusterHost: AnyObject, Sendable {
  /// Runs `body` with the cluster, holding the owner's lock.
  func withCluster<T>(_ body: (inout Cluster) -> T) -> T
  /// Whether the cluster's clock follows the wall clock (the interactive
  /// shell) rather than moving only with commands (script mode).
  var followsWallClock: Bool { get }
  /// Called, still inside `withCluster`, after a request that may have
  /// changed the cluster, with the kubectl command line it stands for
  /// (such as `kubectl create deployments`): where goals are checked.
  func requestFinished(argv: [String], cluster: Cluster)
}

/// A cluster owned by the server alone, behind a lock.
package final class LockedCluster: ClusterHost, @unchecked Sendable {
  private let lock = NSRecursiveLock()
  private var cluster: Cluster
  package let followsWallClock: Bool
  /// The command lines of the last 1,000 requests served, for tests.
  package private(set) var requests: [[String]] = []

  package init(_ cluster: Cluster, followsWallClock: Bool) {
    self.cluster = cluster
    self.followsWallClock = followsWallClock
  }

  package func withCluster<T>(_ body: (inout Cluster) -> T) -> T {
    lock.lock()
    defer { lock.unlock() }
    return body(&cluster)
  }

  package func requestFinished(argv: [String], cluster: Cluster) {
    requests.append(argv)
    if requests.count > 1_250 { requests.removeFirst(requests.count - 1_000) }
  }
}
