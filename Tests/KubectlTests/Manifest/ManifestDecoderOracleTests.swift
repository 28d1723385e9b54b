import Foundation
import KubeCluster
import Kubectl
import KubetutorTestSupport
import Testing

/// Compares `ManifestDecoder` with how the real kubectl 1.32 reads files:
/// `kubectl label --local -f FILE z=1 --overwrite -o json|yaml` reads the
/// manifest with kubectl's own decoder and prints each object unchanged
/// (every manifest here already carries the label), so the printed objects
/// must equal the decoded documents printed by `JSONEmitter` (sorted keys)
/// and `YAMLEmitter`, and a failure must be reported with the same words
/// after the same documents.
@Suite(.enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 client"))
struct ManifestDecoderOracleTests {
  /// A ConfigMap whose `name` and `extra` lines follow the header.
  static func configMap(_ name: String, _ extra: String) -> String {
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\n  labels: {z: \"1\"}\n" + extra
  }

  static func jsonConfigMap(_ data: String) -> String {
    #"{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "j", "labels": {"z": "1"}}, "data": "#
      + data + "}"
  }

  static let manifests: [String] = [
    configMap(
      "booleans",
      "data:\n  a: yes\n  b: No\n  c: on\n  d: OFF\n  e: y\n  f: N\n  g: True\n  h: tRUE\n  i: \"yes\"\n"
    ),
    configMap("nulls", "data:\n  a: ~\n  b: null\n  c: NULL\n  d:\n  e: nUll\n  f: ''\n"),
    configMap(
      "integers",
      "data:\n  a: 0x1F\n  b: 017\n  c: 0o17\n  d: 0b101\n  e: 1_000\n  f: +5\n  g: -0x10\n  h: 08\n"
        + "  i: 9223372036854775807\n  j: 9223372036854775808\n  k: 99999999999999999999\n  l: -0b11\n"
        + "  m: 0x\n  n: 0xFFFFFFFFFFFFFFFFFF\n"),
    configMap(
      "floats",
      "data:\n  a: 1.5\n  b: 1e3\n  c: .5\n  d: -0.0\n  e: 1.5e-7\n  f: 1e21\n  g: 123456789.5\n  h: 3.0\n"
        + "  i: 1e400\n  j: 1.\n  k: 0.1\n  l: 1234567.25\n  m: 1e-5\n  n: 2.5e+20\n  o: ._5\n  p: .5_0\n"
    ),
    configMap(
      "strings",
      "data:\n  a: 2024-01-01\n  b: 2024-1-1T10:00:00Z\n  c: 2024-02-30\n  d: 1:20\n  e: hello world\n"
        + "  f: 'single ''quoted'''\n  g: \"double \\\"quoted\\\" \\t tab \\u00e9\"\n  h: 한국어 텍스트\n"
        + "  i: <<\n  j: \"2001-12-14 21:59:43.10\"\n  k: 2001-12-14  21:59:43.10\n"),
    configMap(
      "tags",
      "data:\n  a: !!str 12\n  b: !!int \"12\"\n  c: ! 12\n  d: !foo 12\n  e: !!float 1\n  f: !!binary aGVsbG8=\n"
        + "  g: !!timestamp 2001-01-01\n  h: !!null ~\n  i: !!bool yes\n"),
    configMap(
      "blocks",
      "data:\n  literal: |\n    line one\n    line two\n  folded: >\n    folded\n    text\n\n    para\n"
        + "  strip: |-\n    x\n  keep: |+\n    y\n\n  indent: |2\n     lead\n  plain: multi\n    line\n    plain\n"
        + "  quoted: \"multi\n    line \\\n    quoted\"\n"),
    configMap(
      "anchors",
      "base: &base {p: 1, q: 2}\nmore: &more {q: 5, r: 6}\ndata:\n  <<: [*base, *more]\n  q: 3\n"
        + "list: &list [a, b]\ncopy: *list\nscalar: &s hello\nagain: *s\n"),
    configMap("merge-after", "base: &b {p: 1, q: 2}\ndata:\n  q: 9\n  <<: *b\n  r: 3\n"),
    configMap(
      "keys",
      "data:\n  1: a\n  0x10: b\n  1.5: c\n  1e7: e\n  yes: f\n  2024-01-01: g\n"
        + "  \"quoted\": h\n  ? complex\n  : i\n  a10: j\n  a9: k\n  a09: l\n  _u: m\n  Z: o\n  .inf: p\n"
    ),
    // go-yaml's key order is not transitive for "3.1415927", "16" and "1e+07",
    // so kubectl itself prints those in a random order; they are kept apart.
    configMap("float-key", "data:\n  3.14159265358979: d\n  a: b\n"),
    configMap("duplicates", "data:\n  a: first\n  b: 1\n  a: second\n  c: {k: 1, k: 2}\n"),
    configMap(
      "flow",
      "data: {a: [1, 2, {b: c}], d: [], e: {}, f: \"x, y\"}\nlist:\n- - nested\n  - deeper\n- {}\n"),
    configMap("flow-colon", "data: {a:b, c: d, \"e\":f, g: [h:i]}\n"),
    configMap(
      "comments", "# a comment\ndata: # trailing\n  a: b # after\n  c: \"# not a comment\"\n"),
    "---\n" + configMap("leading-separator", "data: {a: b}\n"),
    configMap("first", "") + "---\n---\n# only a comment\n---\n"
      + configMap("second", "data: {a: b}\n")
      + "--- # separator comment\n" + configMap("third", "") + "...\n",
    configMap("crlf", "data:\n  a: b\n").replacingOccurrences(of: "\n", with: "\r\n"),
    configMap("no-final-newline", "data:\n  a: b"),
    configMap("tabs", "data:\n  a: \"tab\there\"\n  b: x\ty\n"),
    configMap("document-end", "data:\n  a: 1\n...\nignored: true\n"),
    configMap("long", "data:\n  a: \(String(repeating: "word ", count: 40))end\n"),
    configMap("nel", "data:\n  a: \"x\\Ny\"\n  b: \"x \\N\\N y\"\n  c: \"\\L\"\n"),
    jsonConfigMap(
      #"{"a": 1.50, "b": 1e2, "c": 12345678901234567890, "d": "\u003c&\u003e", "e": -0, "f": 1.0}"#),
    jsonConfigMap(#"{"b": [1, {"x": null}], "a": "\ud83d\ude00 \ud800", "dup": 1, "dup": 2}"#),
    jsonConfigMap(
      #"{"_u": 1, ".inf": 2, "1": 3, "-1": 4, "+": 5, "~": 6, "é": 7, "Z": 8, "a": 9, "a1b": 10}"#),
    "  \n" + jsonConfigMap(#"{"a": "b"}"#) + "\n" + jsonConfigMap(#"{"c": "d"}"#) + " null ",
  ]

  static let failures: [String] = [
    "a: b\nc: d: e\n",
    "a: b: c\n",
    configMap("x", "data:\n\ta: b\n"),
    configMap("x", "   bad: 1\n"),
    "%YAML 1.1\n---\n" + configMap("directive", ""),
    configMap("x", "data:\n  a: \"open\n"),
    configMap("x", "data: [a, b\n"),
    configMap("x", "data: {a: b\n"),
    configMap("x", "data:\n  - a\n  b: c\n"),
    configMap("x", "data:\n  a: b\n- c\n"),
    configMap("x", "data:\n  a: |\n    b\n   c\n"),
    configMap("x", "data:\n  a: \"\\q\"\n"),
    configMap("x", "data:\n  @a: b\n"),
    configMap("x", "data:\n  a: *missing\n"),
    configMap("x", "data: &self\n  a: *self\n"),
    configMap("x", "data:\n  <<: 1\n"),
    configMap("x", "data:\n  a: .nan\n"),
    configMap("x", "data:\n  a: -.inf\n"),
    configMap("x", "data:\n  ~: 1\n"),
    configMap("x", "data:\n  ~: {a: [1, \"two\"]}\n"),
    configMap("x", "data:\n  [a]: 1\n"),
    configMap("x", "base: &x [1, {a: b}]\ndata:\n  ? *x\n  : v\n"),
    configMap("x", "base: &x {a: 1}\ndata:\n  *x : v\n"),
    configMap("x", "data:\n  *nothing : v\n"),
    configMap("x", "data: &m\n  *m : v\n"),
    configMap("x", "data:\n  {a: 1}: 1\n"),
    configMap("x", "data:\n  a: !!int abc\n"),
    configMap("x", "data:\n  a: !!float 1e400\n"),
    configMap("x", "data:\n  a: !!bool 1\n"),
    configMap("x", "data:\n  a: !!binary \"!!!\"\n"),
    configMap("x", "data:\n  18446744073709551615: a\n"),
    configMap("first", "") + "---\n" + configMap("second", "data:\n  a: b\n c: d\n"),
    configMap("first", "") + "---\n---\n" + configMap("second", "data:\n  a: b\n c: d\n"),
    configMap("first", "") + "---foo\n" + configMap("second", ""),
    configMap("first", "") + "--- |\n" + configMap("second", ""),
    configMap("x", "data:\n  a: \u{01}\n"),
    jsonConfigMap(#"{"a": 1,}"#),
    jsonConfigMap(#"{"a" 1}"#),
    jsonConfigMap(#"{"a": 1 "b": 2}"#),
    jsonConfigMap(#"{"a": [1 2]}"#),
    jsonConfigMap(#"{"a": tru}"#),
    jsonConfigMap(#"{"a": "\x"}"#),
    jsonConfigMap(#"{"a": "\u12G4"}"#),
    jsonConfigMap(#"{"a": 01}"#),
    jsonConfigMap(#"{"a": -}"#),
    jsonConfigMap(#"{"a": 1.}"#),
    jsonConfigMap(#"{"a": 1e}"#),
    jsonConfigMap("{\"a\": \"line\nbreak\"}"),
    jsonConfigMap(#"{"a": 'x'}"#),
    jsonConfigMap(#"{"a": [1, 2}"#),
    jsonConfigMap(#"{"a": 1}"#).dropLast() + "",
    jsonConfigMap(#"{"a": 1}"#) + " trailing",
    jsonConfigMap(#"{"a": 1}"#) + "\n---\nkind: ConfigMap\n",
    jsonConfigMap(#"{"a": é}"#),
  ]

  static let command = ["label", "--local", "-f", "{file}", "z=1", "--overwrite", "-o"]

  @Test(arguments: manifests)
  func decodesAsKubectlDoes(manifest: String) throws {
    let json = try RealKubectl.run(Self.command + ["json"], file: manifest)
    let yaml = try RealKubectl.run(Self.command + ["yaml"], file: manifest)
    try #require(json.exitCode == 0, "\(json.stderr)")
    try #require(yaml.exitCode == 0, "\(yaml.stderr)")

    let documents = try ManifestDecoder.decode(manifest)

    #expect(documents.map { JSONEmitter.emit($0.value, sortKeys: true) }.joined() == json.stdout)
    #expect(documents.map { YAMLEmitter.emit($0.value) }.joined() == yaml.stdout)
  }

  @Test(arguments: failures)
  func failsAsKubectlDoes(manifest: String) throws {
    let real = try RealKubectl.run(Self.command + ["json"], file: manifest)
    try #require(real.exitCode != 0)
    let path = try #require(real.stderr.firstMatch(of: #/error parsing (\S+): /#)?.1)

    let error = try #require(throws: ManifestError.self) { try ManifestDecoder.decode(manifest) }

    #expect("error: " + error.kubectlMessage(source: String(path)) + "\n" == real.stderr)
    #expect(
      error.decoded.map { JSONEmitter.emit($0.value, sortKeys: true) }.joined() == real.stdout)
  }
}
