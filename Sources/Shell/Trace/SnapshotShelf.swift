import Foundation
import KubeCluster
import Progress

/// Named cluster snapshots: in the progress database when there is one,
/// else in memory for the session.
package final class SnapshotShelf {
  /// The learner's progress database; nil keeps snapshots in memory.
  package var database: ProgressStore?
  private var memory: [String: (savedAt: Date, data: Data)] = [:]

  /// The name kubetutor saves the cluster under after every command.
  static let reserved: Set<String> = ["current"]

  package init() {}

  /// Why `name` cannot name a snapshot, or nil.
  static func problem(with name: String) -> String? {
    if reserved.contains(name) {
      return "\"\(name)\" is the name kubetutor saves the cluster under after every command; choose another name"
    }
    let allowed = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    guard !name.isEmpty, name.count <= 63, allowed, name.first != "-" else {
      return "\"\(name)\" is not a valid snapshot name: use up to 63 letters, digits, '-', '_' and '.'"
    }
    return nil
  }

  func save(_ name: String, data: Data, at time: Date) throws {
    if let database {
      try database.saveSnapshot(name: name, data: data)
    } else {
      memory[name] = (time, data)
    }
  }

  func load(_ name: String) throws -> Data? {
    if let database { return try database.loadSnapshot(name: name) }
    return memory[name]?.data
  }

  /// Saved snapshots and when, by name.
  func list() throws -> [(name: String, savedAt: Date)] {
    if let database {
      return try database.snapshots().filter { !Self.reserved.contains($0.name) }
    }
    return memory.keys.sorted().map { ($0, memory[$0]!.savedAt) }
  }
}
