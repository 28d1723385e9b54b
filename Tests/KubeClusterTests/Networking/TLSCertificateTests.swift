import Foundation
import KubeCluster
import Testing

/// Certificates read from PEM, and curl's verdict on them.
@Suite("TLS certificates")
struct TLSCertificateTests {
  /// The transcripts' self-signed certificate for secure.example.com
  /// (valid 2025-01-01 to 2035-01-01).
  static let pem: String = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("ShellTests/Transcripts/files/secure.crt")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }()

  static func date(_ year: Int) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    return calendar.date(from: DateComponents(year: year, month: 6, day: 1)) ?? Date()
  }

  @Test("a PEM certificate gives its names, issuer and validity")
  func parses() throws {
    let certificate = try #require(TLSCertificate.all(inPEM: Self.pem).first)
    #expect(certificate.subjectText == "CN=secure.example.com; O=kubetutor")
    #expect(certificate.selfSigned)
    #expect(certificate.dnsNames == ["secure.example.com"])
    #expect(certificate.notBefore.map { $0 < Self.date(2025) } == true)
    #expect(certificate.notAfter.map { $0 > Self.date(2034) && $0 < Self.date(2035) } == true)
    #expect(certificate.matches(host: "SECURE.example.com"))
    #expect(!certificate.matches(host: "other.example.com"))
    #expect(TLSCertificate.all(inPEM: "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n").isEmpty)
    #expect(!TLSCertificate.ingressFake.matches(host: "secure.example.com"))
  }

  @Test("curl trusts only what --cacert gave it, then checks dates and the host name")
  func verdicts() throws {
    let certificate = try #require(TLSCertificate.all(inPEM: Self.pem).first)
    let now = Self.date(2026)
    #expect(
      CurlProgram.verify(certificate, host: "secure.example.com", trusted: [], now: now)
        == "SSL certificate problem: self-signed certificate")
    #expect(CurlProgram.verify(certificate, host: "secure.example.com", trusted: [certificate], now: now) == nil)
    #expect(
      CurlProgram.verify(certificate, host: "both.example.com", trusted: [certificate], now: now)
        == "SSL: no alternative certificate subject name matches target host name 'both.example.com'")
    #expect(
      CurlProgram.verify(certificate, host: "secure.example.com", trusted: [certificate], now: Self.date(2036))
        == "SSL certificate problem: certificate has expired")
    #expect(
      CurlProgram.verify(certificate, host: "secure.example.com", trusted: [certificate], now: Self.date(2024))
        == "SSL certificate problem: certificate is not yet valid")
    #expect(
      CurlProgram.verify(.ingressFake, host: "secure.example.com", trusted: [certificate], now: now)
        == "SSL certificate problem: self-signed certificate")
  }
}
