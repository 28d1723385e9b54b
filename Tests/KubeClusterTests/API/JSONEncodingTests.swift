import Foundation
import KubeCluster
import Testing

/// `compactJSON`: the bytes Go's encoding/json writes (HTML-safe escaping).
@Suite("compact JSON")
struct JSONEncodingTests {
  @Test("strings are escaped as Go escapes them, and copied whole when nothing needs it")
  func escaping() {
    #expect(JSONValue.quoted("web-7d4b9c") == #""web-7d4b9c""#)
    #expect(JSONValue.quoted("") == #""""#)
    #expect(JSONValue.quoted("a\"b\\c") == #""a\"b\\c""#)
    #expect(JSONValue.quoted("line\nnext\r\ttab") == #""line\nnext\r\ttab""#)
    #expect(JSONValue.quoted("<b> & </b>") == #""\u003cb\u003e \u0026 \u003c/b\u003e""#)
    #expect(JSONValue.quoted("\u{1}\u{1b}\u{1f}") == #""\u0001\u001b\u001f""#)
    #expect(JSONValue.quoted("a\u{2028}b\u{2029}c") == #""a\u2028b\u2029c""#)
    // Other characters starting with the byte 0xE2 pass unchanged.
    #expect(JSONValue.quoted("→ ✓ 한국어 é") == "\"→ ✓ 한국어 é\"")
  }

  @Test("objects keep their order; arrays, numbers, booleans and null as Go writes them")
  func shapes() {
    let value: JSONValue = [
      "kind": "Pod", "spec": ["replicas": 3, "ratio": 0.5, "whole": 2.0, "on": true, "none": nil],
      "items": [1, "two", [], .emptyObject],
    ]
    #expect(
      value.compactJSON
        == #"{"kind":"Pod","spec":{"replicas":3,"ratio":0.5,"whole":2,"on":true,"none":null},"items":[1,"two",[],{}]}"#)
    // Agrees with Foundation's parser, character for character.
    let parsed = try? JSONSerialization.jsonObject(with: Data(JSONValue.string("x<y\u{2028}\n").compactJSON.utf8), options: .fragmentsAllowed)
    #expect(parsed as? String == "x<y\u{2028}\n")
  }
}
