import Foundation
import KubeCluster
import NIOCore
import NIOHTTP1
import NIOWebSocket

/// `kubectl port-forward` through `…/pods/NAME/portforward`.
///
/// kubectl 1.32 first asks for a WebSocket whose binary messages tunnel
/// SPDY/3.1 (subprotocol `SPDY/3.1+portforward.k8s.io`); when that upgrade
/// fails it falls back to a plain `Upgrade: SPDY/3.1` connection. Both
/// carry the same frames, which a `PortForwardSession` answers.
enum PortForward {
  /// The WebSocket subprotocol of SPDY tunnelled in binary messages.
  static let tunnelProtocol = "SPDY/3.1+portforward.k8s.io"
  /// The stream protocol named in `X-Stream-Protocol-Version`.
  static let streamProtocol = "portforward.k8s.io"

  /// The pod a port-forward request names.
  struct Target: Sendable {
    var namespace: String
    var pod: String
  }

  /// Parses a request for `…/pods/NAME/portforward` that carries the token.
  static func target(_ head: HTTPRequestHead, token: String) -> Target? {
    guard let segments = ExecWebSocket.authorizedSegments(head, token: token), segments.count == 7,
      segments[0] == "api", segments[1] == "v1", segments[2] == "namespaces", segments[4] == "pods",
      segments[6] == "portforward"
    else { return nil }
    return Target(namespace: segments[3], pod: segments[5])
  }

  /// Whether the client offered the tunnelling subprotocol.
  static func offersTunnel(_ head: HTTPRequestHead) -> Bool {
    head.headers[canonicalForm: "Sec-WebSocket-Protocol"].contains { $0 == Substring(tunnelProtocol) }
  }

  /// Replaces the HTTP handler with the port-forward one, after an upgrade.
  static func install(_ handler: ChannelHandler & Sendable, on channel: Channel) -> EventLoopFuture<Void> {
    channel.eventLoop.makeCompletedFuture {
      let pipeline = channel.pipeline.syncOperations
      if let http = try? pipeline.handler(type: HTTPHandler.self) {
        pipeline.removeHandler(http, promise: nil)
      }
      try pipeline.addHandler(handler)
    }
  }

  /// The kubelet's message when nothing listens on `port` in the pod: it
  /// names the pod by its sandbox id (the CRI streaming server does), with
  /// an empty uid, and quotes containerd's dial errors.
  static func noListenerMessage(pod: Object, port: Int) -> String {
    var random = RandomSource(seed: UInt64(RandomSource.fnv32a(pod.uid)) << 32 | UInt64(RandomSource.fnv32a(pod.name)))
    let sandbox = random.hex(64)
    let netns = "/var/run/netns/cni-" + random.uuid()
    return
      "error forwarding port \(port) to pod \(sandbox), uid : failed to execute portforward in network namespace \"\(netns)\": failed to connect to localhost:\(port) inside namespace \"\(sandbox)\", IPv4: dial tcp4 127.0.0.1:\(port): connect: connection refused IPv6 dial tcp6 [::1]:\(port): connect: connection refused "
  }
}

/// The served cluster's pod behind a port-forward connection.
struct ClusterPortForwardBackend: PortForwardBackend {
  let server: APIServer
  let target: PortForward.Target

  private var key: ObjectKey { ObjectKey(.pod, target.pod, in: target.namespace) }

  func open(_ port: Int) -> String? {
    server.host.withCluster { cluster in
      guard let pod = cluster.store.get(key) else {
        return "error forwarding port \(port) to pod \(target.pod), uid : pod not found (\"\(target.pod)_\(target.namespace)\")"
      }
      if cluster.servesPort(pod, port) { return nil }
      return PortForward.noListenerMessage(pod: pod, port: port)
    }
  }

  func exchange(_ port: Int, _ received: inout [UInt8]) -> PortForwardReply? {
    guard let parsed = PodHTTPExchange.request(from: &received, port: port) else { return nil }
    guard let request = parsed.request else { return PortForwardReply(bytes: [], closes: true) }
    let result = server.host.withCluster { cluster in
      server.router.tick(&cluster)
      let result = cluster.sendToPod(request, pod: key, port: port)
      server.hub.publish(&cluster)
      return result
    }
    guard case .success(let response) = result else { return PortForwardReply(bytes: [], closes: true) }
    return PortForwardReply(
      bytes: PodHTTPExchange.bytes(of: response, method: request.method),
      closes: parsed.closes || response.headers.contains { $0.0.lowercased() == "connection" && $0.1.lowercased() == "close" })
  }
}

/// HTTP/1.1 on a forwarded connection: requests read from the byte
/// stream, answers written back as the pod's server sends them.
enum PodHTTPExchange {
  /// Takes one complete request off the front of `received`; nil while
  /// it is incomplete. A request that is not HTTP comes back with no
  /// request (the connection is then closed).
  static func request(from received: inout [UInt8], port: Int) -> (request: HTTPRequest?, closes: Bool)? {
    let separator: [UInt8] = [13, 10, 13, 10]
    guard let end = received.indices.dropLast(3).first(where: { received[$0..<$0 + 4].elementsEqual(separator) })
    else { return nil }
    let head = String(decoding: received[..<end], as: UTF8.self)
    var lines = head.components(separatedBy: "\r\n")
    let requestLine = lines.removeFirst().split(separator: " ").map(String.init)
    var headers: [(String, String)] = []
    for line in lines {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers.append(
        (String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
    }
    func header(_ name: String) -> String? { headers.last { $0.0.lowercased() == name }?.1 }
    let length = Int(header("content-length") ?? "0") ?? 0
    guard received.count >= end + 4 + length else { return nil }
    received.removeFirst(end + 4 + length)
    guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/") else { return (nil, true) }
    let connection = header("connection")?.lowercased()
    let closes = connection == "close" || (requestLine[2] == "HTTP/1.0" && connection != "keep-alive")
    let request = HTTPRequest(
      method: requestLine[0], host: header("host") ?? "localhost:\(port)", path: requestLine[1],
      headers: headers, userAgent: header("user-agent") ?? "-")
    return (request, closes)
  }

  /// The response as the server writes it on the wire.
  static func bytes(of response: HTTPResponse, method: String) -> [UInt8] {
    var text = "HTTP/1.1 \(response.status) \(response.reason)\r\n"
    for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
    text += "\r\n"
    let chunked = response.headers.contains {
      $0.0.lowercased() == "transfer-encoding" && $0.1.lowercased() == "chunked"
    }
    if method != "HEAD" {
      if chunked {
        if !response.body.isEmpty { text += String(response.body.utf8.count, radix: 16) + "\r\n" + response.body + "\r\n" }
        text += "0\r\n\r\n"
      } else {
        text += response.body
      }
    }
    return Array(text.utf8)
  }
}

/// A connection that carries one `PortForwardSession`'s SPDY frames: the
/// steps both transports share (hand the session what arrived, send its
/// reply in one flush, close when it is finished or on an error), with
/// only the framing of the reply left to each.
protocol PortForwardTransport: ChannelInboundHandler {
  var session: PortForwardSession { get }
  /// The reply's bytes as this transport sends them.
  func frame(_ reply: ByteBuffer) -> OutboundOut
}

extension PortForwardTransport {
  func forward(_ received: ByteBufferView, context: ChannelHandlerContext) {
    let reply = session.receive(Array(received))
    if !reply.isEmpty {
      context.writeAndFlush(wrapOutboundOut(frame(context.channel.allocator.buffer(bytes: reply))), promise: nil)
    }
    if session.finished { context.close(promise: nil) }
  }

  func errorCaught(context: ChannelHandlerContext, error: Error) {
    context.close(promise: nil)
  }
}

/// SPDY tunnelled in WebSocket binary messages.
final class PortForwardWebSocketHandler: PortForwardTransport, @unchecked Sendable {
  typealias InboundIn = WebSocketFrame
  typealias OutboundOut = WebSocketFrame

  let session: PortForwardSession

  init(session: PortForwardSession) {
    self.session = session
  }

  func frame(_ reply: ByteBuffer) -> WebSocketFrame {
    WebSocketFrame(fin: true, opcode: .binary, data: reply)
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let frame = unwrapInboundIn(data)
    switch frame.opcode {
    case .binary, .continuation, .text:
      forward(frame.unmaskedData.readableBytesView, context: context)
    case .ping:
      context.writeAndFlush(
        wrapOutboundOut(WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData)), promise: nil)
    case .connectionClose:
      var close = context.channel.allocator.buffer(capacity: 2)
      close.write(webSocketErrorCode: .normalClosure)
      context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, data: close)))
        .whenComplete { [channel = context.channel] _ in channel.close(promise: nil) }
    default:
      break
    }
  }
}

/// SPDY straight on the upgraded connection.
final class PortForwardSPDYHandler: PortForwardTransport, @unchecked Sendable {
  typealias InboundIn = ByteBuffer
  typealias OutboundOut = ByteBuffer

  let session: PortForwardSession

  init(session: PortForwardSession) {
    self.session = session
  }

  func frame(_ reply: ByteBuffer) -> ByteBuffer { reply }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    forward(unwrapInboundIn(data).readableBytesView, context: context)
  }
}

/// `Upgrade: SPDY/3.1` with `X-Stream-Protocol-Version: portforward.k8s.io`,
/// kubectl's fallback when the WebSocket upgrade fails.
final class PortForwardSPDYUpgrader: HTTPServerProtocolUpgrader, @unchecked Sendable {
  let supportedProtocol = "SPDY/3.1"
  let requiredUpgradeHeaders: [String] = []
  private weak var server: APIServer?

  /// Why an `Upgrade: SPDY/3.1` request is answered as plain HTTP.
  struct NotPortForward: Error {}

  init(server: APIServer) {
    self.server = server
  }

  func buildUpgradeResponse(
    channel: Channel, upgradeRequest: HTTPRequestHead, initialResponseHeaders: HTTPHeaders
  ) -> EventLoopFuture<HTTPHeaders> {
    let offered = upgradeRequest.headers[canonicalForm: "X-Stream-Protocol-Version"]
    guard let server, PortForward.target(upgradeRequest, token: server.token) != nil,
      offered.contains(Substring(PortForward.streamProtocol))
    else { return channel.eventLoop.makeFailedFuture(NotPortForward()) }
    var headers = initialResponseHeaders
    headers.add(name: "X-Stream-Protocol-Version", value: PortForward.streamProtocol)
    return channel.eventLoop.makeSucceededFuture(headers)
  }

  func upgrade(context: ChannelHandlerContext, upgradeRequest: HTTPRequestHead) -> EventLoopFuture<Void> {
    guard let server, let target = PortForward.target(upgradeRequest, token: server.token) else {
      return context.channel.close()
    }
    let session = PortForwardSession(backend: ClusterPortForwardBackend(server: server, target: target))
    return PortForward.install(PortForwardSPDYHandler(session: session), on: context.channel)
  }
}
