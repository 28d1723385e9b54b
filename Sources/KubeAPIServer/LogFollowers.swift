import Foundation
import KubeCluster
import Kubectl
import NIOCore
import NIOHTTP1

/// A `/log?follow=true` request: the log so far, then each new line as the
/// container writes it, until the pod is gone or has finished.
package struct LogFollow: Sendable {
  var namespace: String
  var pod: String
  /// `kubectl logs` arguments that print the whole log (no `-f`).
  var arguments: [String]
  /// What to send first (the `tailLines` asked for).
  var initial: String
  /// The length in bytes of the whole log when `initial` was taken.
  var sent: Int
}

/// The open `logs -f` streams. Every method runs while the caller holds
/// the cluster's lock, except `remove`.
final class LogFollowers: @unchecked Sendable {
  private struct Follower {
    var follow: LogFollow
    var channel: Channel
    /// How much of the log was sent, in bytes.
    var sent: Int
  }

  private let lock = NSLock()
  private var followers: [Int: Follower] = [:]
  private var nextID = 1

  var count: Int { lock.withLock { followers.count } }

  func add(_ follow: LogFollow, channel: Channel, cluster: inout Cluster) -> Int {
    let id = lock.withLock {
      let id = nextID
      nextID += 1
      followers[id] = Follower(follow: follow, channel: channel, sent: follow.sent)
      return id
    }
    let initial = Array(follow.initial.utf8)
    channel.eventLoop.execute {
      channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(channel.allocator.buffer(bytes: initial))), promise: nil)
    }
    update(&cluster)
    return id
  }

  func remove(_ id: Int) {
    lock.withLock { _ = followers.removeValue(forKey: id) }
  }

  /// Sends what each log gained; ends the streams whose pod is done.
  func update(_ cluster: inout Cluster) {
    let current = lock.withLock { followers }
    for (id, follower) in current.sorted(by: { $0.key < $1.key }) {
      let pod = cluster.store.get(ObjectKey(.pod, follower.follow.pod, in: follower.follow.namespace))
      let text = CommandRunner.run(follower.follow.arguments, cluster: &cluster).stdout
      let bytes = Array(text.utf8)
      if bytes.count > follower.sent {
        let fresh = Array(bytes[follower.sent...])
        lock.withLock { followers[id]?.sent = bytes.count }
        let channel = follower.channel
        channel.eventLoop.execute {
          channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(channel.allocator.buffer(bytes: fresh))), promise: nil)
        }
      }
      let phase = pod?.content[path: "status.phase"]?.string
      if pod == nil || phase == "Succeeded" || phase == "Failed" {
        close(id)
      }
    }
  }

  func close(_ id: Int) {
    guard let follower = lock.withLock({ followers.removeValue(forKey: id) }) else { return }
    let channel = follower.channel
    channel.eventLoop.execute {
      channel.writeAndFlush(HTTPServerResponsePart.end(nil)).whenComplete { _ in channel.close(promise: nil) }
    }
  }

  func closeAll() {
    for id in lock.withLock({ Array(followers.keys) }) { close(id) }
  }
}
