import Foundation
import KubeCluster
import NIOCore
import NIOHTTP1

/// What a `watch=true` request asks for.
package struct WatchRequest: Sendable {
  var kind: Kind
  /// `nil`: every namespace (or a cluster-scoped kind).
  var namespace: String?
  var labels: LabelSelector
  var fields: @Sendable (Object) -> Bool
  /// Changes after this revision are sent; `nil` (or 0) starts with the
  /// current objects as `ADDED` events.
  var resourceVersion: Int?
  var table: Bool
  var included: TableEncoder.Included
  var timeoutSeconds: Int?

  func matches(_ object: Object) -> Bool {
    guard object.kind == kind else { return false }
    if let namespace, kind.isNamespaced, object.namespace != namespace { return false }
    return labels.matches(object.labels) && fields(object)
  }
}

/// The open watch streams, and the recent changes a new watch may need to
/// catch up on.
///
/// Every method but `remove` runs while the caller holds the cluster's
/// lock, so events reach each watcher in revision order, each once.
final class WatchHub: @unchecked Sendable {
  private struct Watcher {
    var request: WatchRequest
    var channel: Channel
    /// The revision of the last event sent.
    var sent: Int
  }

  private let lock = NSLock()
  private var watchers: [Int: Watcher] = [:]
  private var nextID = 1
  /// Recent changes, oldest first, to replay for a watch that starts at
  /// an older revision: kube-apiserver's watch cache. Like it, the window
  /// is bounded (a number of changes and a span of cluster time); a watch
  /// from before the window gets `410 Gone` "too old resource version".
  private var history: [ObjectChange] = []
  /// When each change in `history` was published, on the cluster's clock.
  private var historyTimes: [Date] = []
  /// The most changes kept.
  var historyLimit = 1_000
  /// The longest span of cluster time kept (the API server's event freshness).
  var historySpan: TimeInterval = 75
  /// The revision at which the server started keeping changes.
  private var firstRevision: Int?

  var count: Int { lock.withLock { watchers.count } }
  /// How many changes the history holds (read under the cluster's lock).
  var historyCount: Int { history.count }

  /// Takes the changes the cluster kept since the last call and sends
  /// them to every watcher they concern.
  func publish(_ cluster: inout Cluster) {
    if firstRevision == nil { firstRevision = cluster.store.revision }
    let changes = cluster.drainChangeFeed()
    // A cluster put back to an earlier state (`undo`, a snapshot) starts a
    // new history: the changes kept belong to a timeline that is gone.
    if let last = history.last?.revision,
      cluster.store.revision < last || (changes.first.map { $0.revision <= last } ?? false)
    {
      history.removeAll()
      historyTimes.removeAll()
      firstRevision = changes.first.map { $0.revision - 1 } ?? cluster.store.revision
    }
    guard !changes.isEmpty else { return }
    history += changes
    historyTimes += repeatElement(cluster.now, count: changes.count)
    trimHistory(now: cluster.now)
    let current = lock.withLock { watchers }
    let cache = EventCache()
    for (id, watcher) in current.sorted(by: { $0.key < $1.key }) {
      let last = send(changes, to: watcher, cluster: cluster, cache: cache)
      lock.withLock { watchers[id]?.sent = last }
    }
  }

  /// Drops the changes outside the window: beyond the count (with some
  /// slack, so the array is not shifted on every publish) or too old.
  private func trimHistory(now: Date) {
    var drop = history.count > historyLimit + historyLimit / 4 ? history.count - historyLimit : 0
    let oldest = now.addingTimeInterval(-historySpan)
    while drop < historyTimes.count - 1 && historyTimes[drop] < oldest { drop += 1 }
    guard drop > 0 else { return }
    if drop > 16 || drop > history.count / 4 {
      history.removeFirst(drop)
      historyTimes.removeFirst(drop)
    }
  }

  /// Opens a watch: replays what it missed, then follows.
  /// - Returns: the watcher's id, or an error for a revision too old.
  func add(_ request: WatchRequest, channel: Channel, cluster: inout Cluster) -> Result<Int, APIError> {
    publish(&cluster)
    let revision = cluster.store.revision
    var sent = revision
    if let from = request.resourceVersion, from > 0 {
      let oldest = history.first.map { $0.revision - 1 } ?? firstRevision ?? revision
      if from < oldest && from < revision {
        return .failure(
          APIError.status("Expired", "too old resource version: \(from) (\(oldest))", code: 410))
      }
      let missed = history.filter { $0.revision > from }
      let watcher = Watcher(request: request, channel: channel, sent: from)
      sent = missed.isEmpty ? max(from, 0) : send(missed, to: watcher, cluster: cluster)
    } else {
      let objects = cluster.store.list(request.kind, in: request.kind.isNamespaced ? request.namespace : nil)
        .filter(request.matches)
      write(
        objects.map { ByteBuffer(string: encode(type: "ADDED", object: $0, request: request, cluster: cluster)) },
        to: channel)
    }
    let id = lock.withLock {
      let id = nextID
      nextID += 1
      watchers[id] = Watcher(request: request, channel: channel, sent: sent)
      return id
    }
    if let timeout = request.timeoutSeconds {
      channel.eventLoop.scheduleTask(in: .seconds(Int64(timeout))) { [weak self] in
        self?.close(id)
      }
    }
    return .success(id)
  }

  func remove(_ id: Int) {
    lock.withLock { _ = watchers.removeValue(forKey: id) }
  }

  /// Ends a stream: the chunked body's end, then the connection.
  func close(_ id: Int) {
    guard let watcher = lock.withLock({ watchers.removeValue(forKey: id) }) else { return }
    let channel = watcher.channel
    channel.eventLoop.execute {
      channel.writeAndFlush(HTTPServerResponsePart.end(nil)).whenComplete { _ in
        channel.close(promise: nil)
      }
    }
  }

  func closeAll() {
    for id in lock.withLock({ Array(watchers.keys) }) { close(id) }
  }

  /// Sends the changes that concern `watcher`, in one trip to its event
  /// loop and one flush; returns the last revision seen.
  private func send(
    _ changes: [ObjectChange], to watcher: Watcher, cluster: Cluster, cache: EventCache = EventCache()
  ) -> Int {
    var last = watcher.sent
    var lines: [ByteBuffer] = []
    for change in changes where change.revision > watcher.sent {
      last = change.revision
      let now = watcher.request.matches(change.object) && change.type != .deleted
      let before = change.old.map(watcher.request.matches) ?? false
      let type: String
      switch change.type {
      case .added: type = now ? "ADDED" : ""
      case .modified: type = now ? (before ? "MODIFIED" : "ADDED") : (before ? "DELETED" : "")
      case .deleted: type = watcher.request.matches(change.object) || before ? "DELETED" : ""
      }
      guard !type.isEmpty else { continue }
      lines.append(
        cache.line(type: type, revision: change.revision, request: watcher.request) {
          encode(type: type, object: change.object, request: watcher.request, cluster: cluster)
        })
    }
    write(lines, to: watcher.channel)
    return last
  }

  private func encode(type: String, object: Object, request: WatchRequest, cluster: Cluster) -> String {
    let payload: JSONValue =
      request.table
      ? TableEncoder.table([object], kind: object.kind, cluster: cluster, included: request.included, resourceVersion: object.resourceVersion)
      : object.content
    return APIResponse.jsonLine(["type": .string(type), "object": payload])
  }

  /// Queues the lines on the channel's event loop: every write goes through
  /// the loop's queue, so lines leave in the order they were published,
  /// whichever thread published them.
  ///
  /// One buffer serves every watcher of an event (a value: writing it copies nothing).
  private func write(_ lines: [ByteBuffer], to channel: Channel) {
    guard !lines.isEmpty else { return }
    channel.eventLoop.execute {
      for line in lines {
        channel.write(HTTPServerResponsePart.body(.byteBuffer(line)), promise: nil)
      }
      channel.flush()
    }
  }
}

/// Each change encoded once per form, however many watchers want it.
final class EventCache {
  private struct Key: Hashable {
    var revision: Int
    var type: String
    var table: Bool
    var included: String
  }

  private var lines: [Key: ByteBuffer] = [:]

  func line(type: String, revision: Int, request: WatchRequest, make: () -> String) -> ByteBuffer {
    let key = Key(revision: revision, type: type, table: request.table, included: request.included.rawValue)
    if let line = lines[key] { return line }
    let line = ByteBuffer(string: make())
    lines[key] = line
    return line
  }
}
