import Testing

@testable import KubeCluster

/// The name checks read bytes; they must answer as apimachinery's regular
/// expressions do, for ASCII and for everything else.
@Suite("Name checks")
struct NameChecksTests {
  struct Seeded: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state
    }
  }

  @Test("label, subdomain and qualified-name parts match as the Go patterns do")
  func matchersFollowThePatterns() throws {
    let label = try Regex("[a-z0-9]([-a-z0-9]*[a-z0-9])?")
    let subdomain = try Regex("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")
    let qualifiedPart = try Regex("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]")
    var random = Seeded(state: 27)
    // Characters on both sides of every class boundary, and non-ASCII ones:
    // a combining accent, a precomposed letter, Hangul, a fullwidth digit.
    let pieces = ["a", "z", "m", "0", "9", "-", ".", "_", "A", "Z", "/", " ", "é", "e\u{301}", "한", "\u{FF11}", "\r\n"]
    var differences: [String] = []
    for _ in 0..<20_000 {
      let text = (0..<Int.random(in: 0..<9, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
      if NameChecks.matchesLabel(text) != (text.wholeMatch(of: label) != nil) { differences.append("label \(text.debugDescription)") }
      if NameChecks.matchesSubdomain(text) != (text.wholeMatch(of: subdomain) != nil) {
        differences.append("subdomain \(text.debugDescription)")
      }
      if NameChecks.matchesQualifiedPart(text) != (text.wholeMatch(of: qualifiedPart) != nil) {
        differences.append("qualified part \(text.debugDescription)")
      }
    }
    #expect(differences.isEmpty, "\(differences.prefix(10))")
  }

  @Test("lengths count bytes, as Go's len does")
  func lengthsCountBytes() {
    // 127 letters of two bytes each: 254 bytes, over the subdomain limit.
    let accented = String(repeating: "é", count: 127)
    #expect(NameChecks.dns1123Subdomain(accented) == ["must be no more than 253 characters", NameRules.dns1123SubdomainMessage])
    #expect(NameChecks.dns1123Subdomain(String(repeating: "a", count: 253)).isEmpty)
    #expect(NameChecks.dns1123Label(String(repeating: "a", count: 64)) == ["must be no more than 63 characters"])
    #expect(NameChecks.dns1035Label("9lives") == [NameRules.dns1035LabelMessage])
    #expect(NameChecks.portName("http-2") == [])
    #expect(NameChecks.portName("80") == ["must contain at least one letter (a-z)"])
  }
}
