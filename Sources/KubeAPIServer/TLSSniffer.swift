import NIOCore
import NIOSSL

/// Lets one port speak both TLS and plain HTTP: reads a new connection's
/// first byte and, when it opens a TLS handshake record (0x16), puts the
/// TLS handler in front of the HTTP handlers; then steps aside.
///
/// The real kubectl comes over TLS with its bearer token; plain HTTP stays
/// for the load bench and for clients that send the token themselves.
final class TLSSniffer: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = ByteBuffer

  /// The first byte of a TLS record carrying a handshake message.
  static let handshakeRecord: UInt8 = 0x16

  private let context: NIOSSLContext

  init(context: NIOSSLContext) {
    self.context = context
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let buffer = unwrapInboundIn(data)
    if buffer.readableBytesView.first == Self.handshakeRecord {
      do {
        try context.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: self.context), position: .after(self))
      } catch {
        context.close(promise: nil)
        return
      }
    }
    context.fireChannelRead(data)
    context.pipeline.syncOperations.removeHandler(self, promise: nil)
  }

  /// The TLS context for `certificate`: HTTP/1.1 only (upgrades to
  /// WebSocket and SPDY need it).
  static func serverContext(_ certificate: ServingCertificate) throws -> NIOSSLContext {
    var configuration = TLSConfiguration.makeServerConfiguration(
      certificateChain: [.certificate(try NIOSSLCertificate(bytes: certificate.der, format: .der))],
      privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(certificate.privateKeyPEM.utf8), format: .pem)))
    configuration.applicationProtocols = ["http/1.1"]
    return try NIOSSLContext(configuration: configuration)
  }
}
