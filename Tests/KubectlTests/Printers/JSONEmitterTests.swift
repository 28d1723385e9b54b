import KubeCluster
import Kubectl
import Testing

@Suite struct JSONEmitterTests {
  static let object: JSONValue = [
    "kind": "ConfigMap",
    "apiVersion": "v1",
    "metadata": ["name": "x", "creationTimestamp": nil, "labels": [:]],
    "data": ["b": "<&>", "a": ""],
    "list": [1, 2.5, true, [], [[:]]],
  ]

  @Test("keeps the value's key order, as client-side output does")
  func emitsInOrder() {
    #expect(
      JSONEmitter.emit(Self.object, sortKeys: false) == """
        {
            "kind": "ConfigMap",
            "apiVersion": "v1",
            "metadata": {
                "name": "x",
                "creationTimestamp": null,
                "labels": {}
            },
            "data": {
                "b": "\\u003c\\u0026\\u003e",
                "a": ""
            },
            "list": [
                1,
                2.5,
                true,
                [],
                [
                    {}
                ]
            ]
        }

        """)
  }

  @Test("sorts keys byte-wise, as Go sorts map keys")
  func emitsSorted() {
    let value: JSONValue = ["b": 1, "a10": 2, "a9": 3, "B": 4, "é": 5, "_": 6]

    #expect(
      JSONEmitter.emit(value, sortKeys: true) == """
        {
            "B": 4,
            "_": 6,
            "a10": 2,
            "a9": 3,
            "b": 1,
            "é": 5
        }

        """)
  }

  @Test(
    "escapes strings as Go's encoder does",
    arguments: [
      ("plain", #""plain""#),
      ("say \"hi\" \\ bye", #""say \"hi\" \\ bye""#),
      ("<a href='x'>&amp;</a>", #""\u003ca href='x'\u003e\u0026amp;\u003c/a\u003e""#),
      ("\u{08}\u{0C}\n\r\t\u{01}\u{1F}", #""\b\f\n\r\t\u0001\u001f""#),
      ("\u{7F}\u{85}\u{2028}\u{2029}", "\"\u{7F}\u{85}\\u2028\\u2029\""),
      ("한국어 😀", #""한국어 😀""#),
    ])
  func escapesStrings(text: String, expected: String) {
    #expect(JSONEmitter.quoted(text) == expected)
    #expect(JSONEmitter.emit(.string(text), sortKeys: false) == expected + "\n")
  }

  @Test(
    "prints numbers as Go does",
    arguments: [
      (JSONValue.int(-7), "-7"),
      (.int(Int.max), "9223372036854775807"),
      (.double(1.5), "1.5"),
      (.double(100), "100"),
      (.double(-0.0), "-0"),
      (.double(0.000001), "0.000001"),
      (.double(1.5e-7), "1.5e-7"),
      (.double(1e20), "100000000000000000000"),
      (.double(1e21), "1e+21"),
      (.double(123_456_789.5), "123456789.5"),
      (.double(9.223372036854776e18), "9223372036854776000"),
    ])
  func printsNumbers(value: JSONValue, expected: String) {
    #expect(JSONEmitter.emit(value, sortKeys: false) == expected + "\n")
  }

  @Test("reports the values Go's encoder refuses")
  func reportsUnsupportedValues() {
    #expect(
      JSONEmitter.kubectlError(for: ["a": [1, .double(.infinity)]])
        == "json: unsupported value: +Inf")
    #expect(JSONEmitter.kubectlError(for: ["a": .double(.nan)]) == "json: unsupported value: NaN")
    #expect(JSONEmitter.kubectlError(for: Self.object) == nil)
  }
}
