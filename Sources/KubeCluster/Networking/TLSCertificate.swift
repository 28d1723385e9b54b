import Foundation

/// The parts of an X.509 certificate a TLS client checks: who it names,
/// who signed it, for which host names and when it is valid.
///
/// Read from the PEM a `kubernetes.io/tls` Secret holds (only the fields
/// curl's checks need; signatures are not verified: a certificate is
/// trusted when the client was given the same one, or its issuer).
package struct TLSCertificate: Sendable, Equatable {
  /// `CN=…` and `O=…` of the subject and issuer, as OpenSSL prints them.
  package var subject: [(String, String)]
  package var issuer: [(String, String)]
  /// DNS names of the subjectAltName extension.
  package var dnsNames: [String]
  package var notBefore: Date?
  package var notAfter: Date?
  /// The DER bytes; nil for the controller's built-in certificate.
  package var der: [UInt8]?

  package static func == (a: TLSCertificate, b: TLSCertificate) -> Bool {
    a.der == b.der && a.subjectText == b.subjectText && a.issuerText == b.issuerText
  }

  package var selfSigned: Bool { subjectText == issuerText }
  package var subjectText: String { subject.map { "\($0.0)=\($0.1)" }.joined(separator: "; ") }
  package var issuerText: String { issuer.map { "\($0.0)=\($0.1)" }.joined(separator: "; ") }

  /// The certificate ingress-nginx serves when a host has none of its own.
  package static let ingressFake = TLSCertificate(
    subject: [("O", "Acme Co"), ("CN", "Kubernetes Ingress Controller Fake Certificate")],
    issuer: [("O", "Acme Co"), ("CN", "Kubernetes Ingress Controller Fake Certificate")],
    dnsNames: ["ingress.local"], notBefore: nil, notAfter: nil, der: nil)

  /// Whether the certificate is good for `host` (a `*.` name covers one label).
  package func matches(host: String) -> Bool {
    let names = dnsNames.isEmpty ? subject.filter { $0.0 == "CN" }.map(\.1) : dnsNames
    let host = host.lowercased()
    return names.map { $0.lowercased() }.contains { name in
      if name == host { return true }
      guard name.hasPrefix("*.") else { return false }
      let suffix = name.dropFirst(1)
      return host.hasSuffix(suffix) && !host.dropLast(suffix.count).contains(".")
    }
  }

  /// Every certificate in a PEM text (`-----BEGIN CERTIFICATE-----` blocks).
  package static func all(inPEM text: String) -> [TLSCertificate] {
    var found: [TLSCertificate] = []
    var body: String?
    for line in text.split(whereSeparator: \.isNewline) {
      if line.hasPrefix("-----BEGIN CERTIFICATE-----") {
        body = ""
      } else if line.hasPrefix("-----END CERTIFICATE-----") {
        if let body, let data = Data(base64Encoded: body), let certificate = TLSCertificate(der: [UInt8](data)) {
          found.append(certificate)
        }
        body = nil
      } else if body != nil {
        body? += line.trimmingCharacters(in: .whitespaces)
      }
    }
    return found
  }

  /// Reads a DER certificate; nil when it is not one.
  package init?(der bytes: [UInt8]) {
    var reader = DERReader(bytes: bytes)
    guard let certificate = reader.next(), certificate.tag == 0x30 else { return nil }
    var outer = DERReader(bytes: Array(bytes[certificate.content]))
    guard let tbs = outer.next(), tbs.tag == 0x30 else { return nil }
    var fields = DERReader(bytes: Array(outer.bytes[tbs.content]))
    var items: [(tag: UInt8, content: [UInt8])] = []
    while let item = fields.next() { items.append((item.tag, Array(fields.bytes[item.content]))) }
    if items.first?.tag == 0xA0 { items.removeFirst() }
    // serial, signature algorithm, issuer, validity, subject, key, …
    guard items.count >= 6 else { return nil }
    issuer = Self.names(items[2].content)
    subject = Self.names(items[4].content)
    var validity = DERReader(bytes: items[3].content)
    notBefore = validity.next().flatMap { Self.time(validity.bytes[$0.content], tag: $0.tag) }
    notAfter = validity.next().flatMap { Self.time(validity.bytes[$0.content], tag: $0.tag) }
    dnsNames = []
    if let extensions = items.first(where: { $0.tag == 0xA3 }) {
      dnsNames = Self.subjectAltNames(extensions.content)
    }
    der = bytes
  }

  private init(
    subject: [(String, String)], issuer: [(String, String)], dnsNames: [String], notBefore: Date?,
    notAfter: Date?, der: [UInt8]?
  ) {
    self.subject = subject
    self.issuer = issuer
    self.dnsNames = dnsNames
    self.notBefore = notBefore
    self.notAfter = notAfter
    self.der = der
  }

  private static let attributeNames: [[UInt8]: String] = [
    [0x55, 0x04, 0x03]: "CN", [0x55, 0x04, 0x0A]: "O", [0x55, 0x04, 0x0B]: "OU",
    [0x55, 0x04, 0x06]: "C", [0x55, 0x04, 0x07]: "L", [0x55, 0x04, 0x08]: "ST",
  ]

  /// A Name: SEQUENCE OF SET OF SEQUENCE { OID, string }.
  private static func names(_ bytes: [UInt8]) -> [(String, String)] {
    var result: [(String, String)] = []
    var sets = DERReader(bytes: bytes)
    while let set = sets.next() {
      var pairs = DERReader(bytes: Array(sets.bytes[set.content]))
      while let pair = pairs.next() {
        var parts = DERReader(bytes: Array(pairs.bytes[pair.content]))
        guard let oid = parts.next(), let value = parts.next() else { continue }
        let key = attributeNames[Array(parts.bytes[oid.content])] ?? "OID"
        result.append((key, String(decoding: parts.bytes[value.content], as: UTF8.self)))
      }
    }
    return result
  }

  /// The DNS names of the subjectAltName extension (2.5.29.17).
  private static func subjectAltNames(_ bytes: [UInt8]) -> [String] {
    var outer = DERReader(bytes: bytes)
    guard let list = outer.next() else { return [] }
    var extensions = DERReader(bytes: Array(outer.bytes[list.content]))
    while let item = extensions.next() {
      var parts = DERReader(bytes: Array(extensions.bytes[item.content]))
      guard let oid = parts.next(), Array(parts.bytes[oid.content]) == [0x55, 0x1D, 0x11] else { continue }
      var value = parts.next()
      if value?.tag == 0x01 { value = parts.next() }
      guard let octets = value else { return [] }
      var wrapper = DERReader(bytes: Array(parts.bytes[octets.content]))
      guard let sequence = wrapper.next() else { return [] }
      var names = DERReader(bytes: Array(wrapper.bytes[sequence.content]))
      var found: [String] = []
      while let name = names.next() {
        if name.tag == 0x82 { found.append(String(decoding: names.bytes[name.content], as: UTF8.self)) }
      }
      return found
    }
    return []
  }

  /// UTCTime (`YYMMDDhhmmssZ`) or GeneralizedTime (`YYYYMMDDhhmmssZ`).
  private static func time(_ bytes: ArraySlice<UInt8>, tag: UInt8) -> Date? {
    let text = String(decoding: bytes, as: UTF8.self)
    let digits = text.filter(\.isNumber)
    let full = tag == 0x17 ? ((Int(digits.prefix(2)) ?? 0) < 50 ? "20" : "19") + digits : digits
    guard full.count >= 14 else { return nil }
    let numbers = stride(from: 4, to: 14, by: 2).map { offset -> Int in
      let start = full.index(full.startIndex, offsetBy: offset)
      return Int(full[start..<full.index(start, offsetBy: 2)]) ?? 0
    }
    var components = DateComponents()
    components.year = Int(full.prefix(4))
    (components.month, components.day, components.hour, components.minute, components.second) =
      (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4])
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    return calendar.date(from: components)
  }
}

/// Reads DER's tag-length-value items one after another.
struct DERReader {
  let bytes: [UInt8]
  private var offset = 0

  init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// The next item's tag and the range of its content, or nil at the end.
  mutating func next() -> (tag: UInt8, content: Range<Int>)? {
    guard offset + 2 <= bytes.count else { return nil }
    let tag = bytes[offset]
    var length = Int(bytes[offset + 1])
    var start = offset + 2
    if length & 0x80 != 0 {
      let count = length & 0x7F
      guard count <= 4, start + count <= bytes.count else { return nil }
      length = bytes[start..<(start + count)].reduce(0) { $0 << 8 | Int($1) }
      start += count
    }
    guard start + length <= bytes.count else { return nil }
    offset = start + length
    return (tag, start..<(start + length))
  }
}
