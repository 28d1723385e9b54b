import KubeCluster
import Kubectl
import Testing

@Suite struct YAMLEmitterTests {
  @Test("sorts keys, indents by two, and puts list items at their key's column")
  func emitsAPod() {
    let pod: JSONValue = [
      "spec": [
        "volumes": [],
        "containers": [
          [
            "name": "nginx", "image": "nginx:1.27", "args": ["-g", "daemon off;"],
            "ports": [["containerPort": 80, "protocol": "TCP"]], "resources": [:],
          ]
        ],
      ],
      "metadata": ["name": "web", "labels": ["app": "web"], "creationTimestamp": nil],
      "kind": "Pod",
      "apiVersion": "v1",
    ]

    #expect(
      YAMLEmitter.emit(pod) == """
        apiVersion: v1
        kind: Pod
        metadata:
          creationTimestamp: null
          labels:
            app: web
          name: web
        spec:
          containers:
          - args:
            - -g
            - daemon off;
            image: nginx:1.27
            name: nginx
            ports:
            - containerPort: 80
              protocol: TCP
            resources: {}
          volumes: []

        """)
  }

  @Test("nests lists in lists on one line, as go-yaml does")
  func emitsNestedLists() {
    let value: JSONValue = [[1, 2], [], [[3]], [["a": true]]]

    #expect(
      YAMLEmitter.emit(value) == """
        - - 1
          - 2
        - []
        - - - 3
        - - a: true

        """)
  }

  @Test(
    "prints scalars alone as documents",
    arguments: [
      (JSONValue.null, "null\n"),
      (.string(""), "\"\"\n"),
      (.string("hello"), "hello\n"),
      (.string("a\nb"), "|-\n  a\n  b\n"),
      (.object(JSONObject()), "{}\n"),
      (.array([]), "[]\n"),
      (.bool(false), "false\n"),
    ])
  func emitsRootScalars(value: JSONValue, expected: String) {
    #expect(YAMLEmitter.emit(value) == expected)
  }

  @Test(
    "prints numbers as go-yaml prints what it reads back from Go's JSON",
    arguments: [
      (JSONValue.int(-42), "-42"),
      (.double(1.5), "1.5"),
      (.double(100), "100"),
      (.double(-0.0), "0"),
      (.double(1e21), "1e+21"),
      (.double(1.5e-7), "1.5e-07"),
      (.double(1_234_567.5), "1.2345675e+06"),
      (.double(100_000.5), "100000.5"),
      (.double(1e19), "10000000000000000000"),
      (.double(9.223372036854776e18), "9223372036854776000"),
    ])
  func emitsNumbers(value: JSONValue, expected: String) {
    #expect(YAMLEmitter.emit(["num": value]) == "num: \(expected)\n")
  }

  @Test(
    "quotes strings as go-yaml and libyaml decide",
    arguments: [
      ("yes", "\"yes\""), ("No", "\"No\""), ("1", "\"1\""), ("1.5", "\"1.5\""),
      ("0x1F", "\"0x1F\""),
      ("null", "\"null\""), ("~", "\"~\""), ("", "\"\""), ("2024-01-01", "\"2024-01-01\""),
      ("1:20", "\"1:20\""),
      ("yEs", "yEs"), ("1e400", "1e400"), ("<<", "<<"), ("a: b", "'a: b'"), ("#x", "'#x'"),
      ("a #b", "'a #b'"),
      ("a#b", "a#b"), ("*x", "'*x'"), ("- x", "'- x'"), ("-x", "-x"), ("? x", "'? x'"),
      ("?x", "?x"),
      (":x", ":x"), ("---", "'---'"), ("it's", "it's"), ("'q'", "'''q'''"), ("  lead", "'  lead'"),
      ("trail ", "'trail '"), ("a\tb", "\"a\\tb\""), ("😀", "\"\\U0001F600\""),
      ("\u{FEFF}ab", "\"\\uFEFF\\x61\\x62\""),
      ("a\u{85}b", "a b"), ("한국어 텍스트", "한국어 텍스트"), ("<a href=\"x\">", "<a href=\"x\">"),
    ])
  func quotesStrings(text: String, expected: String) {
    #expect(YAMLEmitter.emit(["k": .string(text)]) == "k: \(expected)\n")
  }

  @Test("quotes keys that YAML 1.1 reads as something else, as kubectl 1.32 printed them")
  func quotesKeys() {
    let value: JSONValue = ["n": "1", "y": "2", "on": "3", "true": "4"]

    #expect(
      YAMLEmitter.emit(value) == "\"n\": \"1\"\n\"on\": \"3\"\n\"true\": \"4\"\n\"y\": \"2\"\n")
  }

  @Test("chooses literal blocks for newlines, with go-yaml's chomping and indentation hints")
  func emitsLiteralBlocks() {
    let value: JSONValue = [
      "clip": "one\ntwo\n", "strip": "one\ntwo", "keep": "one\n\n", "lead": "\n  indented\n",
      "space-break": "x \ny", "tab": "a\n\tb\n", "list": ["x\ny\n"],
    ]

    #expect(
      YAMLEmitter.emit(value) == """
        clip: |
          one
          two
        keep: |+
          one

        lead: |2

            indented
        list:
        - |
          x
          y
        space-break: "x \\ny"
        strip: |-
          one
          two
        tab: "a\\n\\tb\\n"

        """)
  }

  @Test("folds long plain and quoted strings past column 80")
  func foldsLongLines() {
    let words = Array(repeating: "word", count: 24).joined(separator: " ")
    let value: JSONValue = [
      "plain": .string(words), "quoted": .string("#" + words),
      "nospace": .string(String(repeating: "x", count: 90)),
    ]

    #expect(
      YAMLEmitter.emit(value) == """
        nospace: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
        plain: word word word word word word word word word word word word word word word
          word word word word word word word word word
        quoted: '#word word word word word word word word word word word word word word word
          word word word word word word word word word'

        """)
  }

  @Test("writes keys longer than 128 bytes or with newlines in the explicit `? ` form")
  func emitsComplexKeys() {
    let long = String(repeating: "k", count: 129)
    let value: JSONValue = [long: "v", "a\nb": ["x": 1], String(repeating: "s", count: 128): 2]

    #expect(
      YAMLEmitter.emit(value) == """
        ? |-
          a
          b
        : x: 1
        ? \(long)
        : v
        \(String(repeating: "s", count: 128)): 2

        """)
  }

  @Test("sorts keys in go-yaml's order, numbers by value")
  func sortsKeysLikeGoYAML() {
    let value: JSONValue = ["a10": 1, "a9": 2, "a09": 3, "B": 4, "_x": 5, "10": 6, "2": 7, "b": 8]

    #expect(
      YAMLEmitter.emit(value) == "_x: 5\n\"2\": 7\n\"10\": 6\nB: 4\na9: 2\na09: 3\na10: 1\nb: 8\n")
  }

  static let refused: [(JSONValue, String?)] = [
    (.string("ok 😀\t\n"), nil),
    (
      .object(JSONObject([("a", .object(JSONObject([("b", .string("\u{7F}"))])))])),
      "yaml: control characters are not allowed"
    ),
    (.object(JSONObject([("\u{9F}", .int(1))])), "yaml: control characters are not allowed"),
    (.array([.string("\u{FFFE}")]), "yaml: control characters are not allowed"),
    (.array([.double(.nan)]), "error marshaling into JSON: json: unsupported value: NaN"),
    (.double(-.infinity), "error marshaling into JSON: json: unsupported value: -Inf"),
  ]

  @Test("reports what kubectl refuses to print", arguments: refused)
  func reportsKubectlErrors(value: JSONValue, expected: String?) {
    #expect(YAMLEmitter.kubectlError(for: value) == expected)
  }
}
