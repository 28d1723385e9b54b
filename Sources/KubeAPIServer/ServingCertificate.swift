// BoringSSL as swift-nio-ssl builds it: one copy for the TLS and the key,
// instead of a second one through swift-crypto.
import CNIOBoringSSL
import Foundation

/// The per-run key and self-signed certificate `kubetutor serve` speaks TLS
/// with: its own certificate authority, as a kubeconfig's
/// `certificate-authority-data` expects.
///
/// An ECDSA P-256 key, made in memory and never written to disk; the
/// certificate (CA:TRUE, keyUsage digitalSignature and keyCertSign) names
/// 127.0.0.1, localhost and the `kubernetes` service names kind's API
/// server certificate has, and is valid from an hour ago for a year.
package struct ServingCertificate: Sendable {
  /// The certificate, DER.
  package let der: [UInt8]
  /// The private key, SEC 1 PEM, for the TLS context only.
  let privateKeyPEM: String

  /// The names the certificate is valid for.
  package static let dnsNames = ["localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc"]
  package static let ipAddresses: [[UInt8]] = [[127, 0, 0, 1]]

  /// A new key and certificate, valid from an hour before `now` for a year.
  package static func generate(now: Date = Date()) throws -> ServingCertificate {
    let key = try SigningKey()
    let point = key.publicPoint
    let name = DER.sequence(
      DER.set(DER.sequence(DER.objectIdentifier([2, 5, 4, 3]) + DER.utf8String("kubernetes"))))
    let publicKeyInfo = DER.sequence(
      DER.sequence(DER.objectIdentifier([1, 2, 840, 10045, 2, 1]) + DER.objectIdentifier([1, 2, 840, 10045, 3, 1, 7]))
        + DER.tagged(0x03, [0] + point))  // id-ecPublicKey on prime256v1
    // The key identifier is the SHA-1 of the public key's bits (RFC 5280
    // 4.2.1.2, method 1), the way kubeadm's CA has one.
    var keyIdentifier = [UInt8](repeating: 0, count: Int(SHA_DIGEST_LENGTH))
    _ = SHA1(point, point.count, &keyIdentifier)
    let alternativeNames =
      dnsNames.flatMap { DER.tagged(0x82, Array($0.utf8)) } + ipAddresses.flatMap { DER.tagged(0x87, $0) }
    let extensions = DER.sequence(
      DER.certificateExtension([2, 5, 29, 15], critical: true, DER.tagged(0x03, [0x02, 0x84]))  // digitalSignature, keyCertSign
        + DER.certificateExtension([2, 5, 29, 19], critical: true, DER.sequence(DER.boolean(true)))  // CA:TRUE
        + DER.certificateExtension([2, 5, 29, 14], critical: false, DER.tagged(0x04, keyIdentifier))
        + DER.certificateExtension([2, 5, 29, 17], critical: false, DER.sequence(alternativeNames)))
    var serial = (0..<16).map { _ in UInt8.random(in: 0...255) }
    serial[0] = serial[0] & 0x7f | 0x01  // positive and of full length
    let ecdsaWithSHA256 = DER.sequence(DER.objectIdentifier([1, 2, 840, 10045, 4, 3, 2]))
    let tbs = DER.sequence(
      DER.tagged(0xa0, DER.integer([2]))  // v3
        + DER.integer(serial)
        + ecdsaWithSHA256
        + name
        + DER.sequence(DER.utcTime(now.addingTimeInterval(-3600)) + DER.utcTime(now.addingTimeInterval(365 * 86400)))
        + name
        + publicKeyInfo
        + DER.tagged(0xa3, extensions))
    let signature = try key.sign(tbs)
    let der = DER.sequence(tbs + ecdsaWithSHA256 + DER.tagged(0x03, [0] + signature))
    return ServingCertificate(der: der, privateKeyPEM: try key.pem())
  }

  /// The certificate as PEM, for `certificate-authority-data`.
  package var pem: String { DER.pem(der, label: "CERTIFICATE") }
}

/// The key generation failed inside BoringSSL (it does not, short of
/// running out of memory).
struct KeyGenerationFailed: Error, CustomStringConvertible {
  let step: String
  var description: String { "could not make the serving key: \(step) failed" }
}

/// An ECDSA P-256 key pair held by BoringSSL, freed with the value.
private final class SigningKey {
  let key: OpaquePointer

  init() throws {
    guard let key = EC_KEY_new_by_curve_name(NID_X9_62_prime256v1) else {
      throw KeyGenerationFailed(step: "EC_KEY_new_by_curve_name")
    }
    self.key = key
    guard EC_KEY_generate_key(key) == 1 else { throw KeyGenerationFailed(step: "EC_KEY_generate_key") }
  }

  deinit { EC_KEY_free(key) }

  /// The public point, uncompressed (X9.62: 0x04, x, y).
  var publicPoint: [UInt8] {
    var bytes = [UInt8](repeating: 0, count: 65)
    let written = EC_POINT_point2oct(
      EC_KEY_get0_group(key), EC_KEY_get0_public_key(key), POINT_CONVERSION_UNCOMPRESSED, &bytes, bytes.count, nil)
    return Array(bytes.prefix(written))
  }

  /// An ECDSA signature over SHA-256 of `message`, DER (ECDSA-Sig-Value).
  func sign(_ message: [UInt8]) throws -> [UInt8] {
    var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
    _ = SHA256(message, message.count, &digest)
    var signature = [UInt8](repeating: 0, count: ECDSA_size(key))
    var length: UInt32 = 0
    guard ECDSA_sign(0, digest, digest.count, &signature, &length, key) == 1 else {
      throw KeyGenerationFailed(step: "ECDSA_sign")
    }
    return Array(signature.prefix(Int(length)))
  }

  /// The private key as SEC 1 PEM (`EC PRIVATE KEY`).
  func pem() throws -> String {
    var buffer: UnsafeMutablePointer<UInt8>? = nil
    let length = i2d_ECPrivateKey(key, &buffer)
    guard length > 0, let buffer else { throw KeyGenerationFailed(step: "i2d_ECPrivateKey") }
    defer { OPENSSL_free(buffer) }
    return DER.pem(Array(UnsafeBufferPointer(start: buffer, count: Int(length))), label: "EC PRIVATE KEY")
  }
}

/// The few DER encodings an X.509 certificate needs (X.690).
enum DER {
  static func tagged(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
    var length: [UInt8] = []
    if content.count < 0x80 {
      length = [UInt8(content.count)]
    } else {
      var count = content.count
      while count > 0 {
        length.insert(UInt8(count & 0xff), at: 0)
        count >>= 8
      }
      length.insert(0x80 | UInt8(length.count), at: 0)
    }
    return [tag] + length + content
  }

  static func sequence(_ content: [UInt8]) -> [UInt8] { tagged(0x30, content) }
  static func set(_ content: [UInt8]) -> [UInt8] { tagged(0x31, content) }
  static func boolean(_ value: Bool) -> [UInt8] { tagged(0x01, [value ? 0xff : 0x00]) }
  static func utf8String(_ text: String) -> [UInt8] { tagged(0x0c, Array(text.utf8)) }

  /// A non-negative integer from its big-endian bytes, in the minimal form
  /// DER demands (Go's parser refuses any other).
  static func integer(_ bytes: [UInt8]) -> [UInt8] {
    var value = Array(bytes.drop { $0 == 0 })
    if value.isEmpty || value[0] & 0x80 != 0 { value.insert(0, at: 0) }
    return tagged(0x02, value)
  }

  static func objectIdentifier(_ arcs: [UInt]) -> [UInt8] {
    var bytes = [UInt8(arcs[0] * 40 + arcs[1])]
    for arc in arcs.dropFirst(2) {
      var chunk = [UInt8(arc & 0x7f)]
      var rest = arc >> 7
      while rest > 0 {
        chunk.insert(UInt8(rest & 0x7f) | 0x80, at: 0)
        rest >>= 7
      }
      bytes += chunk
    }
    return tagged(0x06, bytes)
  }

  /// `YYMMDDHHMMSSZ`, which RFC 5280 requires for years before 2050.
  static func utcTime(_ date: Date) -> [UInt8] {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    let fields = [(parts.year ?? 0) % 100, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0]
    let text = fields.map { $0 < 10 ? "0\($0)" : "\($0)" }.joined() + "Z"
    return tagged(0x17, Array(text.utf8))
  }

  /// `bytes` as PEM: base64 in lines of 64 between BEGIN and END lines.
  static func pem(_ bytes: [UInt8], label: String) -> String {
    let base64 = Data(bytes).base64EncodedString()
    var lines: [Substring] = []
    var rest = Substring(base64)
    while !rest.isEmpty {
      lines.append(rest.prefix(64))
      rest = rest.dropFirst(64)
    }
    return "-----BEGIN \(label)-----\n" + lines.joined(separator: "\n") + "\n-----END \(label)-----\n"
  }

  static func certificateExtension(_ identifier: [UInt], critical: Bool, _ value: [UInt8]) -> [UInt8] {
    sequence(objectIdentifier(identifier) + (critical ? boolean(true) : []) + tagged(0x04, value))
  }
}
