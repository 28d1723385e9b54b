/// What a forwarded connection reaches: the pod's ports.
protocol PortForwardBackend {
  /// Connects to `port` in the pod; the kubelet's error text when nothing
  /// listens there.
  func open(_ port: Int) -> String?
  /// Answers the requests complete at the front of `received` (removing
  /// them); nil while the first one is still incomplete.
  func exchange(_ port: Int, _ received: inout [UInt8]) -> PortForwardReply?
}

/// What the pod's server sent back on a connection.
struct PortForwardReply: Equatable {
  var bytes: [UInt8]
  /// Whether the server then closed the connection.
  var closes: Bool
}

/// The kubelet's side of one `portforward.k8s.io` SPDY connection.
///
/// Per local connection kubectl opens two streams with the same
/// `requestID` header: an error stream (which it half-closes at once) and
/// a data stream. Both are accepted with an empty SYN_REPLY; bytes on the
/// data stream go to the pod's port and its answer comes back on the same
/// stream; when nothing listens there, the error stream carries the
/// kubelet's message. Pings from the client are echoed.
final class PortForwardSession {
  private struct Pair {
    var port = 0
    var errorStream: UInt32?
    var dataStream: UInt32?
    var started = false
    var received: [UInt8] = []
  }

  private let codec = SPDYFrameCodec()
  private let backend: PortForwardBackend
  private var pairs: [String: Pair] = [:]
  private var requestOfStream: [UInt32: String] = [:]
  /// Set when the peer sent GOAWAY or something that is not SPDY/3.1: the
  /// connection is to be closed.
  private(set) var finished = false
  /// The largest DATA payload sent.
  static let maximumDataLength = 32_768

  init(backend: PortForwardBackend) {
    self.backend = backend
  }

  /// Takes received bytes; returns the bytes to send back.
  func receive(_ bytes: [UInt8]) -> [UInt8] {
    let frames: [SPDYFrame]
    do {
      frames = try codec.receive(bytes)
    } catch {
      finished = true
      return codec.encode(.goAway(lastGoodStream: 0, status: 1))
    }
    var replies: [SPDYFrame] = []
    for frame in frames { handle(frame, &replies) }
    return replies.flatMap(codec.encode)
  }

  private func handle(_ frame: SPDYFrame, _ replies: inout [SPDYFrame]) {
    switch frame {
    case .synStream(let stream, _, _, _, let headers):
      func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name }?.value }
      replies.append(.synReply(stream: stream, flags: 0, headers: []))
      let request = header("requestid") ?? ""
      requestOfStream[stream] = request
      var pair = pairs[request] ?? Pair()
      pair.port = Int(header("port") ?? "") ?? pair.port
      if header("streamtype") == "error" { pair.errorStream = stream } else { pair.dataStream = stream }
      pairs[request] = pair
      start(request, &replies)
    case .data(let stream, let flags, let payload):
      guard let request = requestOfStream[stream], var pair = pairs[request], stream == pair.dataStream else { return }
      pair.received += payload
      pairs[request] = pair
      if pair.started { forward(request, &replies) }
      if flags & SPDYFrame.fin != 0, pairs[request] != nil {
        // The client closed its side: the pod's server closes too.
        close(request, &replies)
      }
    case .rstStream(let stream, _):
      guard let request = requestOfStream.removeValue(forKey: stream) else { return }
      pairs[request] = nil
    case .ping(let id) where id & 1 == 1:
      replies.append(.ping(id: id))
    case .goAway:
      finished = true
    default:
      break
    }
  }

  /// Connects the pair to the pod once both of its streams are open.
  private func start(_ request: String, _ replies: inout [SPDYFrame]) {
    guard var pair = pairs[request], !pair.started, let errorStream = pair.errorStream, pair.dataStream != nil else {
      return
    }
    if let message = backend.open(pair.port) {
      replies.append(.data(stream: errorStream, flags: 0, payload: Array(message.utf8)))
      close(request, &replies)
      return
    }
    pair.started = true
    pairs[request] = pair
    forward(request, &replies)
  }

  private func forward(_ request: String, _ replies: inout [SPDYFrame]) {
    guard var pair = pairs[request], let dataStream = pair.dataStream else { return }
    while let reply = backend.exchange(pair.port, &pair.received) {
      pairs[request] = pair
      var offset = 0
      while offset < reply.bytes.count {
        let end = min(offset + Self.maximumDataLength, reply.bytes.count)
        replies.append(.data(stream: dataStream, flags: 0, payload: Array(reply.bytes[offset..<end])))
        offset = end
      }
      if reply.closes {
        close(request, &replies)
        return
      }
    }
    pairs[request] = pair
  }

  /// Half-closes the data stream, then the error stream, as the kubelet does when forwarding ends.
  private func close(_ request: String, _ replies: inout [SPDYFrame]) {
    guard let pair = pairs.removeValue(forKey: request) else { return }
    for stream in [pair.dataStream, pair.errorStream].compactMap({ $0 }) {
      replies.append(.data(stream: stream, flags: SPDYFrame.fin, payload: []))
      // Forgotten with the pair: a session forwards many local connections,
      // and frames on a closed stream are ignored either way.
      requestOfStream[stream] = nil
    }
  }
}
