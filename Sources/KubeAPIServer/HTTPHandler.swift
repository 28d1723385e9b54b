import Foundation
import KubeCluster
import NIOCore
import NIOHTTP1

/// Reads one HTTP request at a time (decrypted already when the connection
/// is TLS), checks the bearer token, hands the
/// request to the router and writes its answer: a whole body, or a watch
/// stream that stays open until the client or the server closes it.
final class HTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  private let server: APIServer
  private var head: HTTPRequestHead?
  private var body = ByteBuffer()
  /// Set while a watch stream owns the connection.
  private var watchID: Int?
  /// Set while a `logs -f` stream owns the connection.
  private var followID: Int?

  init(server: APIServer) {
    self.server = server
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let request):
      head = request
      body.clear()
    case .body(var chunk):
      body.writeBuffer(&chunk)
    case .end:
      guard let request = head else { return }
      head = nil
      respond(to: request, context: context)
    }
  }

  func channelInactive(context: ChannelHandlerContext) {
    if let watchID { server.hub.remove(watchID) }
    if let followID { server.followers.remove(followID) }
    watchID = nil
    followID = nil
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: Error) {
    // An `Upgrade: SPDY/3.1` that is no port-forward gets a plain answer.
    if error is PortForwardSPDYUpgrader.NotPortForward { return }
    context.close(promise: nil)
  }

  private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
    var headers: [String: String] = [:]
    for (name, value) in head.headers { headers[name.lowercased()] = value }
    let bytes = body.readBytes(length: body.readableBytes) ?? []
    var uri = head.uri
    var authorized = headers["authorization"] == "Bearer \(server.token)"
    // kubectl sends credentials only over TLS; a client on plain HTTP may
    // carry the token as the server URL's path prefix: `/t/TOKEN/api/v1/…`.
    let prefix = "/t/\(server.token)"
    if uri == prefix || uri.hasPrefix(prefix + "/") || uri.hasPrefix(prefix + "?") {
      uri = String(uri.dropFirst(prefix.count))
      if uri.isEmpty || uri.hasPrefix("?") { uri = "/" + uri }
      authorized = true
    }
    var answered: HTTPResponse?
    if let front = server.front {
      // A `kubectl proxy` port: its filter, prefixes and static files, then
      // the API without a token; a watch is streamed as the API server does.
      switch front.answer(ProxyFront.request(head, body: bytes)) {
      case .answered(let answer): answered = answer
      case .watch(let path):
        uri = path
        authorized = true
      }
    }
    let request = APIRequest(method: head.method.rawValue, uri: uri, headers: headers, body: bytes)
    let response: APIResponse
    if let answered {
      response = .passThrough(answered)
    } else if !authorized {
      response = .failure(StatusObject.unauthorized)
    } else {
      response = server.router.handle(request)
    }
    switch response {
    case .passThrough(let answer):
      var responseHeaders = HTTPHeaders()
      for (name, value) in answer.headers where !["content-length", "transfer-encoding", "connection"].contains(name.lowercased()) {
        responseHeaders.add(name: name, value: value)
      }
      responseHeaders.add(name: "Content-Length", value: String(answer.body.utf8.count))
      if !head.isKeepAlive { responseHeaders.add(name: "Connection", value: "close") }
      let responseHead = HTTPResponseHead(
        version: head.version, status: HTTPResponseStatus(statusCode: answer.status), headers: responseHeaders)
      context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
      context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: answer.body)))), promise: nil)
      let keepAlive = head.isKeepAlive
      context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { [channel = context.channel] _ in
        if !keepAlive { channel.close(promise: nil) }
      }
    case .body(let status, let contentType, let text):
      var responseHeaders = HTTPHeaders()
      responseHeaders.add(name: "Content-Type", value: contentType)
      responseHeaders.add(name: "Content-Length", value: String(text.utf8.count))
      responseHeaders.add(name: "Cache-Control", value: "no-cache, private")
      if !head.isKeepAlive { responseHeaders.add(name: "Connection", value: "close") }
      let responseHead = HTTPResponseHead(
        version: head.version, status: HTTPResponseStatus(statusCode: status), headers: responseHeaders)
      context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
      context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: text)))), promise: nil)
      let keepAlive = head.isKeepAlive
      context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { [channel = context.channel] _ in
        if !keepAlive { channel.close(promise: nil) }
      }
    case .follow(let follow):
      var responseHeaders = HTTPHeaders()
      responseHeaders.add(name: "Content-Type", value: "text/plain")
      responseHeaders.add(name: "Transfer-Encoding", value: "chunked")
      let responseHead = HTTPResponseHead(version: head.version, status: .ok, headers: responseHeaders)
      context.writeAndFlush(wrapOutboundOut(.head(responseHead)), promise: nil)
      followID = server.startFollow(follow, channel: context.channel)
    case .watch(let watch):
      var responseHeaders = HTTPHeaders()
      responseHeaders.add(name: "Content-Type", value: "application/json")
      responseHeaders.add(name: "Transfer-Encoding", value: "chunked")
      responseHeaders.add(name: "Cache-Control", value: "no-cache, private")
      let responseHead = HTTPResponseHead(version: head.version, status: .ok, headers: responseHeaders)
      context.writeAndFlush(wrapOutboundOut(.head(responseHead)), promise: nil)
      let channel = context.channel
      watchID = server.startWatch(watch, channel: channel)
    }
  }
}
