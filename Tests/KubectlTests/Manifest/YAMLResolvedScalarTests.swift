import Kubectl
import Testing

@Suite struct YAMLResolvedScalarTests {
  @Test(
    "resolves plain scalars as go-yaml v2 does",
    arguments: [
      ("", YAMLResolvedScalar.null), ("~", .null), ("null", .null), ("Null", .null),
      ("NULL", .null),
      ("nULL", .string), ("yes", .bool(true)), ("Yes", .bool(true)), ("YES", .bool(true)),
      ("yEs", .string),
      ("y", .bool(true)), ("N", .bool(false)), ("on", .bool(true)), ("Off", .bool(false)),
      ("true", .bool(true)),
      ("0x1F", .int(31)), ("-0x10", .int(-16)), ("017", .int(15)), ("0o17", .int(15)),
      ("0b101", .int(5)),
      ("-0b11", .int(-3)), ("1_000", .int(1000)), ("1__0", .int(10)), ("1_", .int(1)),
      ("+5", .int(5)),
      ("-9223372036854775808", .int(Int.min)),
      ("9223372036854775808", .uint(9_223_372_036_854_775_808)),
      ("0xFFFFFFFFFFFFFFFF", .uint(UInt64.max)), ("08", .float(8)), ("1e3", .float(1000)),
      ("1.", .float(1)),
      (".5", .float(0.5)), ("+.5", .float(0.5)), (".5_0", .float(0.5)), ("1e+5", .float(100_000)),
      ("99999999999999999999", .float(1e20)), ("-.inf", .float(-.infinity)),
      (".Inf", .float(.infinity)),
      ("1e400", .string), ("._5", .string), (".e5", .string), ("0x", .string), ("0b2", .string),
      ("0o8", .string),
      ("-", .string), ("+", .string), ("<<", .string), ("1:20", .string), ("a: b", .string),
      ("2024-01-01", .timestamp), ("2024-1-1", .timestamp), ("2024-02-29", .timestamp),
      ("2023-02-29", .string),
      ("2024-01-01T10:00:00Z", .timestamp), ("2024-01-01t10:00:00.123+09:00", .timestamp),
      ("2024-01-01 10:00:00.5", .timestamp), ("2024-01-01  10:00:00", .timestamp),
      ("2024-01-01T10:00:00", .string),
      ("2024-01-01T10:00:00+9:00", .string), ("2024-01-01T24:00:00Z", .string),
      ("2024-13-01", .string),
    ])
  func resolves(text: String, expected: YAMLResolvedScalar) {
    #expect(YAMLResolvedScalar.resolve(text) == expected)
  }

  @Test("resolves the NaN spellings to NaN")
  func resolvesNaN() {
    for text in [".nan", ".NaN", ".NAN"] {
      guard case .float(let value) = YAMLResolvedScalar.resolve(text) else {
        Issue.record("\(text) did not resolve to a float")
        continue
      }
      #expect(value.isNaN)
    }
    #expect(YAMLResolvedScalar.resolve(".nAn") == .string)
  }

  @Test(
    "recognises YAML 1.1 sexagesimal numbers, which go-yaml quotes",
    arguments: [
      ("1:20", true), ("-1:20", true), ("1:5:30.5", true), ("1_0:20", true), ("190:20:30", true),
      ("1:60", false),
      ("1:", false), (":20", false), ("a:20", false), ("1:20x", false), ("120", false),
    ])
  func recognisesBase60(text: String, expected: Bool) {
    #expect(YAMLResolvedScalar.isBase60Float(text) == expected)
  }

  @Test("only looks for a timestamp when the tag allows one")
  func timestampsNeedTheirTag() {
    #expect(YAMLResolvedScalar.resolve("2024-01-01", allowTimestamp: false) == .string)
    #expect(GoTimestamp.matches("2024-01-01"))
    #expect(!GoTimestamp.matches("20240101"))
  }
}
