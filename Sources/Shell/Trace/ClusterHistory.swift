import Foundation
import KubeCluster

/// What the shell remembers of the cluster's past: the clusters before
/// each state-changing command line (for `undo`), which requests the last
/// one made (for `trace`), and the saved snapshots.
///
/// `Cluster` is a value type whose storage is shared until written, so
/// keeping the previous value per command costs only what that command
/// changed (plus the journal's array); the stack is bounded all the same.
package final class ClusterHistory {
  /// One state-changing command line and the cluster before it.
  struct Change {
    var command: String
    var before: Cluster
    /// The journal ids of the command's own requests.
    var requests: Set<Int>
  }

  /// How many command lines `undo` can walk back.
  package var limit = 20
  private(set) var changes: [Change] = []
  /// The command `trace` explains: the last state-changing one, which
  /// may have scrolled off the undo stack.
  private(set) var lastChange: (command: String, requests: Set<Int>)?
  /// Whether `undo` has taken anything back in this session.
  private(set) var hasUndone = false
  /// Set while `undo` or `snapshot restore` replace the cluster themselves.
  var isRewinding = false
  /// `trace --follow` in script mode: the journal id already printed.
  var followingFrom: Int?
  package let snapshots = SnapshotShelf()

  package init() {}

  /// Called after every command line with the cluster before and after it.
  func commandFinished(_ text: String, before: Cluster, after: Cluster) {
    // A heredoc's body stays out of messages: its first line names the command.
    let lines = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n", omittingEmptySubsequences: false)
    let command = lines.count > 1 ? lines[0] + " …" : String(lines.first ?? "")
    if isRewinding {
      isRewinding = false
      return
    }
    let requests = after.store.requests(after: before.store.lastJournalID)
    let replaced = !Self.continues(after, from: before)
    guard !requests.isEmpty || replaced else { return }
    changes.append(Change(command: command, before: before, requests: Set(requests.map(\.id))))
    if changes.count > limit { changes.removeFirst(changes.count - limit) }
    lastChange = requests.isEmpty ? nil : (command, Set(requests.map(\.id)))
  }

  /// Whether `after` grew out of `before` (rather than replacing it, as
  /// `start` and `reset` of a lesson do).
  static func continues(_ after: Cluster, from before: Cluster) -> Bool {
    let id = before.store.lastJournalID
    guard id > 0, let mine = before.store.entry(id) else { return after.store.lastJournalID >= id }
    return after.store.entry(id) == mine
  }

  /// Takes the last change off the stack and gives back the cluster before it.
  func popChange() -> Change? {
    guard let change = changes.popLast() else { return nil }
    hasUndone = true
    if let previous = changes.last, !previous.requests.isEmpty {
      lastChange = (previous.command, previous.requests)
    } else {
      lastChange = nil
    }
    return change
  }

  /// Records a change made by a builtin itself (`snapshot restore`), so
  /// that `undo` can take it back too.
  func pushReplacement(_ command: String, before: Cluster) {
    changes.append(Change(command: command, before: before, requests: []))
    if changes.count > limit { changes.removeFirst(changes.count - limit) }
    lastChange = nil
    isRewinding = true
  }
}
