/// One SPDY/3.1 frame, as `kubectl port-forward` and the kubelet exchange
/// them (moby/spdystream on the Go side).
///
/// Control frames start with the control bit, version 3 and a type; data
/// frames with a 31-bit stream id. Both then carry 8 bits of flags and a
/// 24-bit length.
enum SPDYFrame: Equatable {
  case synStream(stream: UInt32, associated: UInt32, priority: UInt8, flags: UInt8, headers: [SPDYHeader])
  case synReply(stream: UInt32, flags: UInt8, headers: [SPDYHeader])
  case rstStream(stream: UInt32, status: UInt32)
  case settings(flags: UInt8, entries: [Setting])
  case ping(id: UInt32)
  case goAway(lastGoodStream: UInt32, status: UInt32)
  case headers(stream: UInt32, flags: UInt8, headers: [SPDYHeader])
  case windowUpdate(stream: UInt32, delta: UInt32)
  case data(stream: UInt32, flags: UInt8, payload: [UInt8])
  /// A control frame of a type this server does not know; skipped.
  case unknown(type: UInt16)

  /// The FIN flag of SYN_STREAM, SYN_REPLY, HEADERS and DATA: the sender
  /// writes no more on that stream.
  static let fin: UInt8 = 0x01

  struct Setting: Equatable {
    var flags: UInt8
    var id: UInt32
    var value: UInt32
  }

  /// The control frame types.
  enum ControlType: UInt16 {
    case synStream = 1, synReply = 2, rstStream = 3, settings = 4, ping = 6, goAway = 7, headers = 8
    case windowUpdate = 9
  }

  /// RST_STREAM status codes used here.
  static let protocolError: UInt32 = 1
  static let invalidStream: UInt32 = 2
}

/// A header name and value (several values NUL-separated).
struct SPDYHeader: Equatable {
  var name: String
  var value: String

  init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
  }
}

/// Why a byte stream is not SPDY/3.1.
enum SPDYFramingError: Error, Equatable {
  case unsupportedVersion(UInt16)
  case malformed(SPDYFrame.ControlType)
  case headerCompression
}

/// Turns bytes into frames and frames into bytes for one connection; it
/// owns the connection's two header-compression streams, so frames must
/// pass through it in wire order.
final class SPDYFrameCodec {
  private var buffer: [UInt8] = []
  private var start = 0
  private let inflater = SPDYHeaderInflater()
  private let deflater = SPDYHeaderDeflater()

  /// Adds received bytes; returns every frame now complete, in order.
  func receive(_ bytes: [UInt8]) throws -> [SPDYFrame] {
    buffer += bytes
    var frames: [SPDYFrame] = []
    while buffer.count - start >= 8 {
      let length = Int(buffer[start + 5]) << 16 | Int(buffer[start + 6]) << 8 | Int(buffer[start + 7])
      guard buffer.count - start >= 8 + length else { break }
      let head = Array(buffer[start..<start + 8])
      let payload = Array(buffer[start + 8..<start + 8 + length])
      start += 8 + length
      frames.append(try decode(head: head, payload: payload))
    }
    if start > 0 && start == buffer.count {
      buffer.removeAll(keepingCapacity: true)
      start = 0
    } else if start > 65_536 {
      buffer.removeFirst(start)
      start = 0
    }
    return frames
  }

  private func decode(head: [UInt8], payload: [UInt8]) throws -> SPDYFrame {
    let flags = head[4]
    let first = SPDYFrameCodec.read32(head, 0)
    guard first & 0x8000_0000 != 0 else {
      return .data(stream: first & 0x7fff_ffff, flags: flags, payload: payload)
    }
    let version = UInt16(first >> 16 & 0x7fff)
    guard version == 3 else { throw SPDYFramingError.unsupportedVersion(version) }
    guard let type = SPDYFrame.ControlType(rawValue: UInt16(first & 0xffff)) else {
      return .unknown(type: UInt16(first & 0xffff))
    }
    func word(_ index: Int) throws -> UInt32 {
      guard payload.count >= index * 4 + 4 else { throw SPDYFramingError.malformed(type) }
      return SPDYFrameCodec.read32(payload, index * 4)
    }
    func headers(from offset: Int) throws -> [SPDYHeader] {
      guard payload.count >= offset else { throw SPDYFramingError.malformed(type) }
      do {
        return try inflater.decompress(Array(payload[offset...]))
      } catch {
        throw SPDYFramingError.headerCompression
      }
    }
    switch type {
    case .synStream:
      guard payload.count >= 10 else { throw SPDYFramingError.malformed(type) }
      return .synStream(
        stream: try word(0) & 0x7fff_ffff, associated: try word(1) & 0x7fff_ffff, priority: payload[8] >> 5,
        flags: flags, headers: try headers(from: 10))
    case .synReply:
      return .synReply(stream: try word(0) & 0x7fff_ffff, flags: flags, headers: try headers(from: 4))
    case .headers:
      return .headers(stream: try word(0) & 0x7fff_ffff, flags: flags, headers: try headers(from: 4))
    case .rstStream:
      return .rstStream(stream: try word(0) & 0x7fff_ffff, status: try word(1))
    case .settings:
      let count = Int(try word(0))
      guard payload.count >= 4 + count * 8 else { throw SPDYFramingError.malformed(type) }
      let entries = try (0..<count).map { index in
        let flagAndID = try word(1 + index * 2)
        return SPDYFrame.Setting(flags: UInt8(flagAndID >> 24), id: flagAndID & 0xff_ffff, value: try word(2 + index * 2))
      }
      return .settings(flags: flags, entries: entries)
    case .ping:
      return .ping(id: try word(0))
    case .goAway:
      return .goAway(lastGoodStream: try word(0) & 0x7fff_ffff, status: payload.count >= 8 ? try word(1) : 0)
    case .windowUpdate:
      return .windowUpdate(stream: try word(0) & 0x7fff_ffff, delta: try word(1) & 0x7fff_ffff)
    }
  }

  /// The frame's bytes; header blocks continue this connection's compressor.
  func encode(_ frame: SPDYFrame) -> [UInt8] {
    var body: [UInt8] = []
    func word(_ value: UInt32) { SPDYHeaderBlock.append32(value, to: &body) }
    func block(_ headers: [SPDYHeader]) { body += deflater.compress(headers) }
    let type: SPDYFrame.ControlType
    var flags: UInt8 = 0
    switch frame {
    case .data(let stream, let dataFlags, let payload):
      var bytes: [UInt8] = []
      SPDYHeaderBlock.append32(stream & 0x7fff_ffff, to: &bytes)
      SPDYHeaderBlock.append32(UInt32(dataFlags) << 24 | UInt32(payload.count), to: &bytes)
      return bytes + payload
    case .unknown:
      return []
    case .synStream(let stream, let associated, let priority, let frameFlags, let headers):
      type = .synStream
      flags = frameFlags
      word(stream)
      word(associated)
      body += [priority << 5, 0]
      block(headers)
    case .synReply(let stream, let frameFlags, let headers):
      type = .synReply
      flags = frameFlags
      word(stream)
      block(headers)
    case .headers(let stream, let frameFlags, let headers):
      type = .headers
      flags = frameFlags
      word(stream)
      block(headers)
    case .rstStream(let stream, let status):
      type = .rstStream
      word(stream)
      word(status)
    case .settings(let frameFlags, let entries):
      type = .settings
      flags = frameFlags
      word(UInt32(entries.count))
      for entry in entries {
        word(UInt32(entry.flags) << 24 | entry.id & 0xff_ffff)
        word(entry.value)
      }
    case .ping(let id):
      type = .ping
      word(id)
    case .goAway(let lastGoodStream, let status):
      type = .goAway
      word(lastGoodStream)
      word(status)
    case .windowUpdate(let stream, let delta):
      type = .windowUpdate
      word(stream)
      word(delta)
    }
    var bytes: [UInt8] = [0x80, 0x03]
    bytes += [UInt8(type.rawValue >> 8), UInt8(type.rawValue & 0xff)]
    SPDYHeaderBlock.append32(UInt32(flags) << 24 | UInt32(body.count), to: &bytes)
    return bytes + body
  }

  static func read32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
    bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
  }
}
