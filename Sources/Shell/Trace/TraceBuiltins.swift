import Foundation
import KubeCluster
import Kubectl

#if canImport(Glibc)
  import Glibc
#endif

/// `trace`, `undo` and `snapshot`: the shell's window on the cluster's
/// journal, and its way back in time.
enum TraceBuiltins {
  static let traceHelp = """
    Show which components acted, and why, in the simulated cluster.

    Usage:
      trace                 what your last state-changing command caused, in clock order
      trace KIND/NAME       everything that happened to one object, with its owners
      trace --follow        print actions as the components make them
      trace --help          this text

    Every line names the component that acted (kubectl, kube-apiserver, etcd,
    controllers of kube-controller-manager, default-scheduler, the kubelet and
    kube-proxy of a node) and, with (after N), the line that caused it.

    --follow: in the interactive shell, until Ctrl-C. In a script (where the
    clock moves only when told to), it moves the clock on by --for (default 30s)
    and prints what happened meanwhile, then returns.

    """

  static let undoHelp = """
    Rewind the cluster to before your last state-changing command.

    Usage:
      undo          take back the last command that changed the cluster
                    (again and again to walk further back, up to 20 commands)

    Objects come back with the same names and UIDs; the clock keeps moving on.

    """

  static let snapshotHelp = """
    Save the cluster under a name, and go back to it later.

    Usage:
      snapshot save NAME       keep the cluster as it is now
      snapshot restore NAME    put the cluster back as it was saved (undo takes it back)
      snapshot list            the saved snapshots, with when they were saved

    With a progress database (--db, or the interactive shell's), snapshots are
    kept in it; otherwise they last as long as the session.

    """

  static func register(into table: inout CommandTable, state: SessionState) {
    table.register("trace") { argv, _, _ in trace(Array(argv.dropFirst()), state: state) }
    table.register("undo") { argv, _, _ in undo(Array(argv.dropFirst()), state: state) }
    table.register("snapshot") { argv, _, _ in snapshot(Array(argv.dropFirst()), state: state) }
  }

  // MARK: trace

  static func trace(_ arguments: [String], state: SessionState) -> CommandResult {
    var follow = false
    var window: TimeInterval = 30
    var target: String?
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      switch argument {
      case "-h", "--help":
        return CommandResult(stdout: traceHelp)
      case "-f", "--follow":
        follow = true
      case _ where argument.hasPrefix("--for"):
        var value = String(argument.dropFirst("--for".count))
        if value.hasPrefix("=") {
          value.removeFirst()
        } else if value.isEmpty, index + 1 < arguments.count {
          index += 1
          value = arguments[index]
        }
        guard let seconds = Builtins.duration(value), seconds <= 3600 else {
          return .failure("trace: invalid --for duration \"\(value)\" (such as 30s or 2m, at most 1h)", exitCode: 2)
        }
        window = seconds
      case _ where argument.hasPrefix("-"):
        return .failure("trace: unknown flag: \(argument)\nSee 'trace --help' for usage.", exitCode: 2)
      default:
        guard target == nil else {
          return .failure("trace: give one object, such as trace deployment/web", exitCode: 2)
        }
        target = argument
      }
      index += 1
    }
    if follow { return followActions(state: state, seconds: window) }
    if let target { return objectHistory(target, state: state) }
    return lastChange(state: state)
  }

  private static func lastChange(state: SessionState) -> CommandResult {
    guard let change = state.history.lastChange else {
      return .failure("trace: no command has changed the cluster yet — run one (such as kubectl create deployment web --image=nginx), then trace")
    }
    let cluster = state.cluster
    let entries = cluster.store.entries(causedBy: change.requests)
    guard !entries.isEmpty else {
      return .failure("trace: the cluster no longer remembers what `\(change.command)` caused")
    }
    var renderer = TraceRenderer(cluster: cluster)
    var text = "What `\(change.command)` caused, in clock order:\n"
    text += renderer.chain(entries, roots: change.requests).joined(separator: "\n") + "\n"
    for note in TraceRenderer.unboundPods(entries, cluster: cluster) { text += note + "\n" }
    text += "(Components talk only to kube-apiserver; each write above was stored in etcd like yours.)\n"
    return CommandResult(stdout: text)
  }

  private static func objectHistory(_ target: String, state: SessionState) -> CommandResult {
    let parts = target.split(separator: "/", maxSplits: 1).map(String.init)
    guard parts.count == 2, !parts[1].isEmpty else {
      return .failure("trace: give KIND/NAME, such as trace pod/web or trace deployment/web", exitCode: 2)
    }
    guard let kind = ResourceResolver.kind(for: parts[0]) else {
      return .failure("error: the server doesn't have a resource type \"\(parts[0])\"")
    }
    let key = ObjectKey(kind, parts[1], in: state.namespace)
    let cluster = state.cluster
    guard let uid = cluster.store.lastUID(of: key) else {
      return .failure("Error from server (NotFound): \(kind.resource).\(kind.group.isEmpty ? "" : kind.group + "") \"\(parts[1])\" not found".replacingOccurrences(of: ". \"", with: " \""))
    }
    let entries = cluster.store.entries(about: uid)
    var text = "\(kind.rawValue) \(key.namespacedName) (uid \(uid))"
    text += cluster.store.get(key)?.uid == uid ? "\n" : ", deleted\n"
    let owners = ownerChain(of: key, uid: uid, cluster: cluster)
    text += owners.isEmpty ? "  owners: none\n" : "  owned by " + owners.joined(separator: ", owned by ") + "\n"
    var renderer = TraceRenderer(cluster: cluster)
    text += renderer.history(entries).joined(separator: "\n") + (entries.isEmpty ? "" : "\n")
    if kind == .pod, cluster.store.get(key)?.uid == uid {
      for note in TraceRenderer.unboundPods(entries.filter { $0.type == .added }, cluster: cluster) {
        text += note + "\n"
      }
    }
    return CommandResult(stdout: text)
  }

  /// `ReplicaSet web-7d4b9c8f6d`, `Deployment web`: the controlling owners,
  /// nearest first, from the store or, for objects gone, the journal.
  private static func ownerChain(of key: ObjectKey, uid: String, cluster: Cluster) -> [String] {
    var chain: [String] = []
    var current = key
    var currentUID = uid
    while chain.count < 5 {
      let owner: ObjectKey?
      if let object = cluster.store.get(current), object.uid == currentUID {
        owner = object.ownerReferences.first { $0.controller }.flatMap { reference in
          reference.ownerKind.map { ObjectKey($0, reference.name, in: current.namespace) }
        }
      } else {
        owner = cluster.store.entries(about: currentUID).last { $0.owner != nil }?.owner
      }
      guard let owner, let ownerUID = cluster.store.lastUID(of: owner) else { break }
      chain.append("\(owner.kind.rawValue) \(owner.name)")
      current = owner
      currentUID = ownerUID
    }
    return chain
  }

  private static func followActions(state: SessionState, seconds: TimeInterval) -> CommandResult {
    var seen = state.cluster.store.lastJournalID
    let start = state.cluster.now
    func fresh() -> String {
      let entries = state.cluster.store.entries(after: seen)
      seen = state.cluster.store.lastJournalID
      return entries.map { entry in
        "\(TraceRenderer.offset(entry.time.timeIntervalSince(start)))  \(TraceRenderer.component(entry)): \(TraceRenderer.action(entry))\n"
      }.joined()
    }
    guard state.mode == .interactive else {
      state.cluster.advance(by: seconds)
      let text = fresh()
      return CommandResult(stdout: text.isEmpty ? "Nothing happened in the next \(Int(seconds))s.\n" : text)
    }
    state.write(.stdout, "Following the cluster's components; Ctrl-C stops.\n")
    Follow.waitForInterrupt(state) {
      let text = fresh()
      if !text.isEmpty { state.write(.stdout, text) }
    }
    return CommandResult(exitCode: 130)
  }

  // MARK: undo

  static func undo(_ arguments: [String], state: SessionState) -> CommandResult {
    if arguments.contains("-h") || arguments.contains("--help") { return CommandResult(stdout: undoHelp) }
    guard arguments.isEmpty else { return .failure("undo: takes no arguments\nSee 'undo --help' for usage.", exitCode: 2) }
    guard let change = state.history.popChange() else {
      if state.history.hasUndone {
        return .failure("undo: nothing more to undo (kubetutor keeps the last \(state.history.limit) changes)")
      }
      return .failure("undo: nothing to undo — no command has changed the cluster yet")
    }
    state.cluster = state.cluster.rewound(to: change.before)
    state.history.isRewinding = true
    let left = state.history.changes.count
    let more = left == 0 ? "nothing more to undo" : "\(left) more \(left == 1 ? "command" : "commands") can be undone"
    return CommandResult(stdout: "Undid `\(change.command)`: the cluster is back as it was before it (\(more)).\n")
  }

  // MARK: snapshot

  static func snapshot(_ arguments: [String], state: SessionState) -> CommandResult {
    let shelf = state.history.snapshots
    guard let verb = arguments.first, !["-h", "--help"].contains(verb) else {
      return arguments.isEmpty
        ? .failure("snapshot: say what to do: save NAME, restore NAME or list\nSee 'snapshot --help' for usage.", exitCode: 2)
        : CommandResult(stdout: snapshotHelp)
    }
    do {
      switch verb {
      case "list":
        guard arguments.count == 1 else { return .failure("snapshot list: takes no arguments", exitCode: 2) }
        let saved = try shelf.list()
        guard !saved.isEmpty else { return CommandResult(stderr: "No snapshots saved yet; save one with: snapshot save NAME\n") }
        let width = max(4, saved.map(\.name.count).max() ?? 0)
        var text = "NAME".padding(toLength: width + 3, withPad: " ", startingAt: 0) + "SAVED\n"
        for (name, time) in saved {
          text += name.padding(toLength: width + 3, withPad: " ", startingAt: 0) + Timestamp.format(time) + "\n"
        }
        return CommandResult(stdout: text)
      case "save", "restore":
        guard arguments.count == 2 else {
          return .failure("snapshot \(verb): give one NAME, such as snapshot \(verb) before-upgrade", exitCode: 2)
        }
        let name = arguments[1]
        if let problem = SnapshotShelf.problem(with: name) { return .failure("snapshot \(verb): \(problem)", exitCode: 2) }
        if verb == "save" {
          try shelf.save(name, data: state.cluster.snapshot(), at: state.cluster.now)
          return CommandResult(stdout: "Saved the cluster as \"\(name)\".\n")
        }
        guard let data = try shelf.load(name) else {
          return .failure("snapshot restore: no snapshot named \"\(name)\" (see snapshot list)")
        }
        let restored = state.cluster.rewound(to: try Cluster.restore(from: data))
        state.history.pushReplacement("snapshot restore \(name)", before: state.cluster)
        state.cluster = restored
        return CommandResult(stdout: "Restored the cluster saved as \"\(name)\" (undo takes this back).\n")
      default:
        return .failure("snapshot: unknown command \"\(verb)\": use save NAME, restore NAME or list", exitCode: 2)
      }
    } catch {
      return .failure("snapshot \(verb): \(error)")
    }
  }
}
