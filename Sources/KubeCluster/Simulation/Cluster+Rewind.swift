import Foundation

extension Cluster {
  /// An earlier state of the cluster (kept by `undo`, a snapshot, a
  /// lesson's set-up) brought back now: its objects with their names and
  /// UIDs, its clock moved on to this cluster's time (the simulation runs
  /// in between), and this cluster's random source, so that names and UIDs
  /// made from now on are new ones, as a real cluster's would be.
  package func rewound(to earlier: Cluster) -> Cluster {
    var cluster = earlier
    cluster.random = random
    if now > cluster.now { cluster.advance(to: now) }
    return cluster
  }
}
