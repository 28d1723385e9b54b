import Testing

@testable import KubeAPIServer

/// The SPDY/3.1 frame codec and header compression that carry
/// `kubectl port-forward`, against fixed bytes.
@Suite("SPDY frames")
struct SPDYFrameTests {
  static func hex(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
  }

  static func bytes(_ hex: String) -> [UInt8] {
    let digits = Array(hex.filter { !$0.isWhitespace })
    return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
  }

  @Test func framesWithoutHeaderBlocksHaveFixedBytes() throws {
    let cases: [(SPDYFrame, String)] = [
      (.ping(id: 1), "80030006 00000004 00000001"),
      (.data(stream: 3, flags: SPDYFrame.fin, payload: Array("hi".utf8)), "00000003 01000002 6869"),
      (.data(stream: 5, flags: 0, payload: []), "00000005 00000000"),
      (.rstStream(stream: 5, status: 5), "80030003 00000008 00000005 00000005"),
      (.goAway(lastGoodStream: 7, status: 0), "80030007 00000008 00000007 00000000"),
      (.windowUpdate(stream: 1, delta: 65_536), "80030009 00000008 00000001 00010000"),
      (
        .settings(flags: 0, entries: [.init(flags: 0, id: 7, value: 65_536)]),
        "80030004 0000000c 00000001 00000007 00010000"
      ),
    ]
    for (frame, expected) in cases {
      #expect(Self.hex(SPDYFrameCodec().encode(frame)) == expected.replacingOccurrences(of: " ", with: ""))
      #expect(try SPDYFrameCodec().receive(Self.bytes(expected)) == [frame])
    }
  }

  @Test func framesSplitAcrossReadsComeOutWhole() throws {
    let codec = SPDYFrameCodec()
    let wire = Self.bytes("80030006 00000004 00000003 00000001 00000003 616263")
    #expect(try codec.receive(Array(wire[0..<5])) == [])
    #expect(try codec.receive(Array(wire[5..<14])) == [.ping(id: 3)])
    #expect(try codec.receive(Array(wire[14...])) == [.data(stream: 1, flags: 0, payload: Array("abc".utf8))])
  }

  @Test func otherVersionsAreRefused() {
    #expect(throws: SPDYFramingError.unsupportedVersion(2)) {
      try SPDYFrameCodec().receive(Self.bytes("80020006 00000004 00000001"))
    }
  }

  @Test func headerBlocksAreLengthPrefixedPairs() {
    let block = SPDYHeaderBlock.encode([SPDYHeader("Port", "80"), SPDYHeader("streamtype", "data")])
    #expect(
      Self.hex(block)
        == "00000002" + "00000004" + Self.hex(Array("port".utf8)) + "00000002" + Self.hex(Array("80".utf8))
        + "0000000a" + Self.hex(Array("streamtype".utf8)) + "00000004" + Self.hex(Array("data".utf8)))
    #expect(SPDYHeaderBlock.decode(block) == [SPDYHeader("port", "80"), SPDYHeader("streamtype", "data")])
    #expect(SPDYHeaderBlock.decode(Array(block.dropLast())) == nil)
  }

  /// The dictionary's Adler-32 (zlib's DICTID) is e3c6a7c2, as in every
  /// SPDY/3 peer; the header block then follows, sync-flushed.
  @Test func headerCompressionUsesTheSPDYDictionary() throws {
    #expect(SPDYHeaderBlock.dictionary.count == 1423)
    let deflater = SPDYHeaderDeflater()
    let first = deflater.compress([SPDYHeader("port", "80")])
    #expect(Self.hex(first) == "78f9e3c6a7c202a6234648f95b044aab4c160600000000ffff")
    let inflater = SPDYHeaderInflater()
    #expect(try inflater.decompress(first) == [SPDYHeader("port", "80")])
    // Later blocks continue the same stream: no zlib header, back-references allowed.
    let second = deflater.compress([SPDYHeader("port", "80"), SPDYHeader("requestid", "0")])
    #expect(second.first != 0x78)
    #expect(try inflater.decompress(second) == [SPDYHeader("port", "80"), SPDYHeader("requestid", "0")])
  }

  /// The error and data streams of kubectl 1.32's first forwarded
  /// connection, as its Go SPDY framer wrote them (logged at -v=9): the
  /// second header block continues the first one's zlib stream.
  @Test func kubectlsStreamsDecode() throws {
    let codec = SPDYFrameCodec()
    let frames = try codec.receive(
      Self.bytes(
        "800300010000003d0000000100000000000078f9e3c6a7c202253a703a2b294a4dcc851625aca9a0808614cb45a024cc6461c0c0c0c0590489c44c50e2663400000000ffff"
          + "0000000101000000"
          + "800300010000001c00000003000000000000826ac51445350c542e25a29a05000000ffff"))
    try #require(frames.count == 3)
    func headers(_ frame: SPDYFrame) -> [String: String] {
      guard case .synStream(_, _, _, _, let headers) = frame else { return [:] }
      return Dictionary(uniqueKeysWithValues: headers.map { ($0.name, $0.value) })
    }
    #expect(headers(frames[0]) == ["streamtype": "error", "port": "80", "requestid": "0"])
    #expect(frames[1] == .data(stream: 1, flags: SPDYFrame.fin, payload: []))
    #expect(headers(frames[2]) == ["streamtype": "data", "port": "80", "requestid": "0"])
    guard case .synStream(3, 0, 0, 0, _) = frames[2] else {
      Issue.record("not the data stream's SYN_STREAM: \(frames[2])")
      return
    }
  }

  @Test func synStreamRoundTripsThroughTwoCodecs() throws {
    let client = SPDYFrameCodec()
    let server = SPDYFrameCodec()
    let headers = [SPDYHeader("streamtype", "error"), SPDYHeader("port", "80"), SPDYHeader("requestid", "0")]
    let frames: [SPDYFrame] = [
      .synStream(stream: 1, associated: 0, priority: 0, flags: 0, headers: headers),
      .synStream(stream: 3, associated: 0, priority: 0, flags: 0, headers: headers),
      .synReply(stream: 1, flags: 0, headers: []),
      .headers(stream: 3, flags: 0, headers: [SPDYHeader("x", "y")]),
    ]
    let wire = frames.flatMap(client.encode)
    #expect(try server.receive(wire) == frames)
  }
}

/// A port-forward connection against a pod that answers "pong" on port 80.
@Suite("port-forward sessions")
struct PortForwardSessionTests {
  struct Pod: PortForwardBackend {
    func open(_ port: Int) -> String? { port == 80 ? nil : "nothing on \(port)" }
    func exchange(_ port: Int, _ received: inout [UInt8]) -> PortForwardReply? {
      guard let newline = received.firstIndex(of: 10) else { return nil }
      let line = String(decoding: received[..<newline], as: UTF8.self)
      received.removeFirst(newline + 1)
      return PortForwardReply(bytes: Array("pong \(line)\n".utf8), closes: line == "bye")
    }
  }

  static func open(_ request: Int, port: Int, error: UInt32, data: UInt32) -> [SPDYFrame] {
    ["error": error, "data": data].sorted { $0.value < $1.value }.map { type, stream in
      .synStream(
        stream: stream, associated: 0, priority: 0, flags: 0,
        headers: [SPDYHeader("streamtype", type), SPDYHeader("port", "\(port)"), SPDYHeader("requestid", "\(request)")])
    }
  }

  @Test func dataReachesThePodAndItsAnswerComesBack() throws {
    let session = PortForwardSession(backend: Pod())
    let client = SPDYFrameCodec()
    var sent = Self.open(0, port: 80, error: 1, data: 3)
    sent += [.data(stream: 1, flags: SPDYFrame.fin, payload: []), .data(stream: 3, flags: 0, payload: Array("ping\nha".utf8))]
    var replies = try client.receive(session.receive(sent.flatMap(client.encode)))
    #expect(
      replies == [
        .synReply(stream: 1, flags: 0, headers: []), .synReply(stream: 3, flags: 0, headers: []),
        .data(stream: 3, flags: 0, payload: Array("pong ping\n".utf8)),
      ])
    replies = try client.receive(
      session.receive(client.encode(.data(stream: 3, flags: 0, payload: Array("lf\nbye\n".utf8)))))
    #expect(
      replies == [
        .data(stream: 3, flags: 0, payload: Array("pong half\n".utf8)),
        .data(stream: 3, flags: 0, payload: Array("pong bye\n".utf8)),
        .data(stream: 3, flags: SPDYFrame.fin, payload: []), .data(stream: 1, flags: SPDYFrame.fin, payload: []),
      ])
    #expect(try client.receive(session.receive(client.encode(.ping(id: 5)))) == [.ping(id: 5)])
    #expect(!session.finished)
  }

  @Test func aPortNothingListensOnGetsTheErrorOnTheErrorStream() throws {
    let session = PortForwardSession(backend: Pod())
    let client = SPDYFrameCodec()
    let replies = try client.receive(session.receive(Self.open(4, port: 81, error: 5, data: 7).flatMap(client.encode)))
    #expect(
      replies == [
        .synReply(stream: 5, flags: 0, headers: []), .synReply(stream: 7, flags: 0, headers: []),
        .data(stream: 5, flags: 0, payload: Array("nothing on 81".utf8)),
        .data(stream: 7, flags: SPDYFrame.fin, payload: []), .data(stream: 5, flags: SPDYFrame.fin, payload: []),
      ])
  }

  @Test func closingTheDataStreamClosesBoth() throws {
    let session = PortForwardSession(backend: Pod())
    let client = SPDYFrameCodec()
    _ = try client.receive(session.receive(Self.open(0, port: 80, error: 1, data: 3).flatMap(client.encode)))
    let replies = try client.receive(session.receive(client.encode(.data(stream: 3, flags: SPDYFrame.fin, payload: []))))
    #expect(
      replies == [.data(stream: 3, flags: SPDYFrame.fin, payload: []), .data(stream: 1, flags: SPDYFrame.fin, payload: [])])
  }

  @Test func garbageEndsTheConnection() {
    let session = PortForwardSession(backend: Pod())
    _ = session.receive(SPDYFrameTests.bytes("80020001 00000000"))
    #expect(session.finished)
  }
}
