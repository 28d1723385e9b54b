import Foundation
import KubeCluster
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import NIOWebSocket

/// The Kubernetes API of one cluster over HTTPS (and plain HTTP, on the
/// same port) on 127.0.0.1, for the real kubectl and other clients.
///
/// Requests need the bearer token generated for this server; every
/// resource request runs under the host's lock against the host's
/// cluster, so the shell and the server share one cluster.
package final class APIServer: @unchecked Sendable {
  package let token: String
  let router: APIRouter
  let hub = WatchHub()
  let followers = LogFollowers()
  /// Set for a `kubectl proxy` port: no token, the proxy's filter and
  /// prefixes in front of the API.
  let front: ProxyFront?
  let host: ClusterHost
  private let group: MultiThreadedEventLoopGroup
  private var channel: Channel?
  private var ticker: RepeatedTask?

  /// - Parameter token: the bearer token clients must send; a new random
  ///   one by default.
  package init(host: ClusterHost, token: String = APIServer.newToken(), front: ProxyFront? = nil) {
    self.host = host
    self.token = token
    self.front = front
    router = APIRouter(host: host, hub: hub)
    group = MultiThreadedEventLoopGroup.singleton
  }

  /// 32 random bytes as hex.
  package static func newToken() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
  }

  /// This run's key and certificate; set by `start` (not for a `kubectl
  /// proxy` port, which speaks plain HTTP only).
  package private(set) var certificate: ServingCertificate?

  /// The port the server listens on, once started.
  package var port: Int? { channel?.localAddress?.port }

  /// Listens on 127.0.0.1:`port` (0: a free port) for TLS and plain
  /// HTTP; returns the port.
  @discardableResult
  package func start(port: Int) throws -> Int {
    let certificate = front == nil ? try ServingCertificate.generate() : nil
    let tls = try certificate.map(TLSSniffer.serverContext)
    self.certificate = certificate
    let bootstrap = ServerBootstrap(group: group)
      .serverChannelOption(.backlog, value: 256)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
      .childChannelInitializer { [unowned self] channel in
        channel.eventLoop.makeCompletedFuture {
          if let tls { try channel.pipeline.syncOperations.addHandler(TLSSniffer(context: tls)) }
          try channel.pipeline.syncOperations.configureHTTPServerPipeline(
            withServerUpgrade: (
              upgraders: [ExecWebSocket.upgrader(server: self), PortForwardSPDYUpgrader(server: self)],
              completionHandler: { _ in }
            ),
            withErrorHandling: true)
          try channel.pipeline.syncOperations.addHandler(HTTPHandler(server: self))
        }
      }
    let channel = try bootstrap.bind(host: "127.0.0.1", port: port).wait()
    self.channel = channel
    // The cluster keeps its changes for the watches from now on (not for a
    // server that never got its port).
    host.withCluster { $0.startChangeFeed() }
    ticker = group.next().scheduleRepeatedTask(initialDelay: .milliseconds(200), delay: .milliseconds(200)) {
      [router, host, followers] _ in
      host.withCluster { cluster in
        router.tick(&cluster)
        followers.update(&cluster)
      }
    }
    return channel.localAddress?.port ?? port
  }

  /// Runs `kubectl exec`'s command under the lock, for the WebSocket.
  func exec(_ target: ExecWebSocket.Target) -> [(UInt8, [UInt8])] {
    host.withCluster { cluster in
      router.tick(&cluster)
      let frames = ExecWebSocket.run(target, cluster: &cluster)
      hub.publish(&cluster)
      host.requestFinished(argv: ["kubectl", "exec", target.pod, "-n", target.namespace, "--"] + target.command, cluster: cluster)
      return frames
    }
  }

  /// Opens a `logs -f` stream on `channel`; returns its id.
  func startFollow(_ follow: LogFollow, channel: Channel) -> Int {
    host.withCluster { followers.add(follow, channel: channel, cluster: &$0) }
  }

  /// How many watch streams are open.
  package var watchCount: Int { hub.count }

  /// What the server itself keeps, entry counts by name: the watch
  /// history, the open streams and the cached answers (the bench prints it
  /// beside the cluster's own `census`).
  package var census: [(name: String, count: Int)] {
    [
      ("watch streams", hub.count),
      ("watch history", hub.historyCount),
      ("log follows", followers.count),
      ("cached read answers", router.cachedAnswers),
    ]
  }

  /// Sends watchers the changes made since the last request or tick, at
  /// once (changes made by calling the host directly wait for the ticker).
  package func publishChanges() {
    host.withCluster { router.tick(&$0) }
  }

  /// Opens a watch stream on `channel`; returns its id.
  func startWatch(_ request: WatchRequest, channel: Channel) -> Int? {
    let result = host.withCluster { cluster in
      router.tick(&cluster)
      return hub.add(request, channel: channel, cluster: &cluster)
    }
    switch result {
    case .success(let id):
      return id
    case .failure(let error):
      let line = (["type": "ERROR", "object": StatusObject.failure(error)] as JSONValue).compactJSON + "\n"
      channel.write(HTTPServerResponsePart.body(.byteBuffer(channel.allocator.buffer(string: line))), promise: nil)
      channel.writeAndFlush(HTTPServerResponsePart.end(nil)).whenComplete { _ in channel.close(promise: nil) }
      return nil
    }
  }

  /// Stops listening and closes every connection.
  package func stop() {
    guard let listening = channel else { return }
    ticker?.cancel()
    ticker = nil
    hub.closeAll()
    followers.closeAll()
    try? listening.close().wait()
    channel = nil
    host.withCluster { $0.stopChangeFeed() }
  }

  /// Waits until the listening socket is closed.
  package func wait() throws {
    try channel?.closeFuture.wait()
  }
}
