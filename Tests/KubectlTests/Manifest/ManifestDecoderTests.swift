import KubeCluster
import Kubectl
import Testing

@Suite struct ManifestDecoderTests {
  static let pod = """
    # a pod with one container
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
      labels:
        app.kubernetes.io/name: web
    spec:
      containers:
      - name: nginx
        image: "nginx:1.27"
        ports: [{containerPort: 80}]

    """

  static func json(_ document: ManifestDocument) -> String {
    JSONEmitter.emit(document.value, sortKeys: false)
  }

  static func position(_ line: Int, _ column: Int) -> ManifestPosition {
    ManifestPosition(line: line, column: column)
  }

  // MARK: Values

  @Test("keeps the source's key order and types values as go-yaml does")
  func decodesAPod() throws {
    let documents = try ManifestDecoder.decode(Self.pod)

    try #require(documents.count == 1)
    #expect(
      Self.json(documents[0]) == """
        {
            "apiVersion": "v1",
            "kind": "Pod",
            "metadata": {
                "name": "web",
                "labels": {
                    "app.kubernetes.io/name": "web"
                }
            },
            "spec": {
                "containers": [
                    {
                        "name": "nginx",
                        "image": "nginx:1.27",
                        "ports": [
                            {
                                "containerPort": 80
                            }
                        ]
                    }
                ]
            }
        }

        """)
    #expect(documents[0].startLine == 1)
  }

  /// Note `n: 08`: the key `n` is YAML 1.1's `false`, as in kubectl.
  @Test("reads plain scalars with YAML 1.1 rules and quoted ones as strings")
  func resolvesScalars() throws {
    let text = """
      a: yes
      b: Off
      c: 0x1F
      d: 017
      e: '1'
      f: 1.0
      g: 1.5
      h: ~
      i:
      j: 2024-01-01
      k: !!str true
      l: !!int "12"
      m: 1e3
      n: 08
      o: 9223372036854775808
      p: |
        two
        lines
      q: >-
        folded
        text
      r: "tab\\there"
      s: 한국어

      """

    let documents = try ManifestDecoder.decode(text)

    try #require(documents.count == 1)
    #expect(
      Self.json(documents[0]) == """
        {
            "a": true,
            "b": false,
            "c": 31,
            "d": 15,
            "e": "1",
            "f": 1,
            "g": 1.5,
            "h": null,
            "i": null,
            "j": "2024-01-01",
            "k": "true",
            "l": 12,
            "m": 1000,
            "false": 8,
            "o": 9223372036854776000,
            "p": "two\\nlines\\n",
            "q": "folded text",
            "r": "tab\\there",
            "s": "한국어"
        }

        """)
    #expect(documents[0].value["o"] == .double(9_223_372_036_854_775_808))
    #expect(documents[0].value["f"] == .int(1))
  }

  @Test("turns non-string keys into strings as sigs.k8s.io/yaml does")
  func convertsKeys() throws {
    let documents = try ManifestDecoder.decode(
      "1: a\nyes: b\n1.5: c\n0x10: d\n3.14159265358979: e\n")

    try #require(documents.count == 1)
    #expect(documents[0].value.object?.keys == ["1", "true", "1.5", "16", "3.1415927"])
  }

  @Test("lets the last of two equal keys win, as kubectl does")
  func acceptsDuplicateKeys() throws {
    let text = "k: 1\nj: 2\nk: 3\nm: {k: 1, k: 2, x: 3}\n"

    let document = try #require(try ManifestDecoder.decode(text).first)

    #expect(document.value == ["k": 3, "j": 2, "m": ["k": 2, "x": 3]])
    #expect(document.value.object?.keys == ["k", "j", "m"])
    #expect(document.keyPosition(of: "k") == Self.position(3, 1))
    #expect(document.position(of: "k") == Self.position(3, 4))
    #expect(document.keyPosition(of: "m.k") == Self.position(4, 11))
    #expect(document.position(of: "m.x") == Self.position(4, 20))
  }

  @Test("merges `<<` maps in order, as go-yaml v2 does")
  func mergesMaps() throws {
    let text = """
      base: &base {p: 1, q: 2}
      more: &more {q: 5, r: 6}
      one:
        q: 0
        <<: *base
        r: 3
      two:
        <<: [*base, *more]

      """

    let document = try #require(try ManifestDecoder.decode(text).first)

    #expect(document.value["one"] == ["q": 2, "p": 1, "r": 3])
    #expect(document.value["two"] == ["p": 1, "q": 2, "r": 6])
    #expect(document.value.object?.keys == ["base", "more", "one", "two"])
  }

  // MARK: Documents

  @Test("splits at `---` lines and skips empty, comment-only and null documents")
  func splitsDocuments() throws {
    let text =
      "a: 1\n---\n---\n# only a comment\n---\nb: 2\n--- # trailing comment\nnull\n---\n~\n---\nc: 3"

    let documents = try ManifestDecoder.decode(text)

    #expect(documents.map(\.value) == [["a": 1], ["b": 2], ["c": 3]])
    #expect(documents.map(\.startLine) == [1, 6, 12])
    #expect(documents[1].position(of: "b") == Self.position(6, 4))
  }

  @Test(
    "returns nothing for empty or comment-only input",
    arguments: ["", "\n\n", "# nothing\n", "---\n---\n", "null\n"])
  func decodesNothing(text: String) throws {
    #expect(try ManifestDecoder.decode(text).isEmpty)
  }

  @Test("reads CRLF files as kubectl does, dropping the carriage returns")
  func readsCRLF() throws {
    let document = try #require(try ManifestDecoder.decode("a: 1\r\nb: |\r\n  x\r\n").first)

    #expect(document.value == ["a": 1, "b": "x\n"])
  }

  @Test("skips a byte order mark at the start")
  func skipsByteOrderMark() throws {
    #expect(try ManifestDecoder.decode("\u{FEFF}a: 1\n").map(\.value) == [["a": 1]])
  }

  // MARK: Positions

  @Test("knows where each value and key starts")
  func recordsPositions() throws {
    let document = try #require(try ManifestDecoder.decode(Self.pod).first)

    #expect(document.position(of: "") == Self.position(2, 1))
    #expect(document.position(of: "spec.containers") == Self.position(10, 3))
    #expect(document.position(of: "spec.containers.0") == Self.position(10, 5))
    #expect(document.position(of: "spec.containers.0.image") == Self.position(11, 12))
    #expect(document.keyPosition(of: "spec.containers.0.image") == Self.position(11, 5))
    #expect(
      document.position(of: "spec.containers.0.ports.0.containerPort") == Self.position(12, 29))
    #expect(document.position(of: "metadata.labels.app.kubernetes.io/name") == Self.position(7, 29))
    #expect(
      document.keyPosition(of: "metadata.labels.app.kubernetes.io/name") == Self.position(7, 5))
    #expect(document.position(of: "spec.nothing") == nil)
    #expect(document.position(of: "spec.containers.1") == nil)
  }

  @Test("counts columns in characters, not bytes")
  func countsColumnsInCharacters() throws {
    let document = try #require(try ManifestDecoder.decode("이름: 쿠버네티스\n메모: {가: \"나\"}\n").first)

    #expect(document.position(of: "메모.가") == Self.position(2, 9))
  }

  @Test("gives values reached through an alias the position of the alias's anchor")
  func placesAliases() throws {
    let document = try #require(
      try ManifestDecoder.decode("x: &a [1, 2]\ncopy: *a\nz:\n  <<: {p: 1}\n").first)

    #expect(document.value["copy"] == [1, 2])
    #expect(document.position(of: "copy") == Self.position(1, 4))
    #expect(document.position(of: "copy.1") == Self.position(1, 4))
    #expect(document.position(of: "z.p") == Self.position(4, 11))
  }

  // MARK: Errors

  @Test("numbers lines from the start of the failing document, as kubectl does")
  func reportsLinesPerDocument() throws {
    let error = try #require(throws: ManifestError.self) {
      try ManifestDecoder.decode("a: 1\n---\nb: 2\nc: d: e\n")
    }

    #expect(
      error.message
        == "error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context"
    )
    #expect(error.position == Self.position(4, 5))
    #expect(error.decoded.map(\.value) == [["a": 1]])
    #expect(
      error.kubectlMessage(source: "pod.yaml")
        == "error parsing pod.yaml: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context"
    )
  }

  @Test(
    "words YAML errors as go-yaml does",
    arguments: [
      ("a: b\n- c\n", "yaml: line 1: did not find expected key"),
      ("a: b: c\n", "yaml: mapping values are not allowed in this context"),
      ("a: b\n\tc: d\n", "yaml: line 2: found a tab character that violates indentation"),
      ("a: [b, c\n", "yaml: line 1: did not find expected ',' or ']'"),
      ("a: \"b\n", "yaml: line 2: found unexpected end of stream"),
      ("a: \"\\q\"\n", "yaml: found unknown escape character"),
      ("@a: b\n", "yaml: found character that cannot start any token"),
      ("a: *x\n", "yaml: unknown anchor 'x' referenced"),
      ("a: &x\n  b: *x\n", "yaml: anchor 'x' value contains itself"),
      ("a:\n  <<: 1\n", "yaml: map merge requires map or sequence of maps as the value"),
      ("a: !!int abc\n", "yaml: cannot decode !!str `abc` as a !!int"),
      ("[a]: 1\n", "yaml: invalid map key: []interface {}{\"a\"}"),
      ("a: \u{01}\n", "yaml: control characters are not allowed"),
      ("a: .inf\n", "json: unsupported value: +Inf"),
      (
        "~: [1, two]\n",
        "unsupported map key of type: %!s(<nil>), key: <nil>, value: []interface {}{1, \"two\"}"
      ),
    ])
  func wordsYAMLErrors(text: String, expected: String) throws {
    let error = try #require(throws: ManifestError.self) { try ManifestDecoder.decode(text) }

    #expect(error.message == "error converting YAML to JSON: " + expected)
  }

  @Test("stops at a bad `---` line, dropping the document it would have ended")
  func rejectsBadSeparators() throws {
    let error = try #require(throws: ManifestError.self) {
      try ManifestDecoder.decode("a: 1\n---\nb: 2\n--- text\nc: 3\n")
    }

    #expect(error.message == "invalid Yaml document separator: text")
    #expect(error.position == Self.position(4, 1))
    #expect(error.decoded.map(\.value) == [["a": 1]])
  }

  @Test("gives up on a duplicate it cannot step past, with go-yaml's strict wording")
  func rejectsDuplicateBlockKeys() throws {
    let error = try #require(throws: ManifestError.self) {
      try ManifestDecoder.decode("? |\n  k\n: 1\n? |\n  k\n: 2\n")
    }

    #expect(
      error.message
        == "error converting YAML to JSON: yaml: unmarshal errors:\n  line 1: key \"k\\n\" already set in map"
    )
    #expect(error.position == Self.position(1, 3))
  }

  // MARK: JSON

  @Test("reads a stream of JSON values when the text starts with `{`")
  func decodesJSONStreams() throws {
    let text = "  {\"b\": 1, \"a\": 2.5}\n{\"list\": [true, null, \"x\"]} null\n"

    let documents = try ManifestDecoder.decode(text)

    #expect(documents.map(\.value) == [["b": 1, "a": 2.5], ["list": [true, nil, "x"]]])
    #expect(documents[0].value.object?.keys == ["b", "a"])
    #expect(documents.map(\.startLine) == [1, 2])
    #expect(documents[1].position(of: "list.2") == Self.position(2, 23))
    #expect(documents[1].keyPosition(of: "list") == Self.position(2, 2))
  }

  @Test("decodes JSON numbers and strings as kubectl's unstructured decoder does")
  func decodesJSONScalars() throws {
    let text =
      #"{"int": 12, "float": 1.0, "big": 12345678901234567890, "exp": 1e2, "escape": "\u003c\ud83d\ude00\ud800"}"#

    let document = try #require(try ManifestDecoder.decode(text).first)

    #expect(
      document.value == [
        "int": 12, "float": 1.0, "big": 12_345_678_901_234_567_890.0, "exp": 100.0,
        "escape": "<😀\u{FFFD}",
      ])
  }

  @Test(
    "words JSON errors as Go's decoder does, with byte offsets",
    arguments: [
      (
        #"{"a": 1,}"#,
        "json: offset 9: invalid character '}' looking for beginning of object key string"
      ),
      (#"{"a" 1}"#, "json: offset 6: invalid character '1' after object key"),
      (#"{"a": [1, 2}"#, "json: offset 12: invalid character '}' after array element"),
      (#"{"a": 1 "b": 2}"#, "json: offset 9: invalid character '\"' after object key:value pair"),
      (#"{"a": tru}"#, "json: offset 10: invalid character '}' in literal true (expecting 'e')"),
      (#"{"a": "\x"}"#, "json: offset 9: invalid character 'x' in string escape code"),
      (#"{"a": -}"#, "json: offset 8: invalid character '}' in numeric literal"),
      (
        #"{"a": 1.}"#,
        "json: offset 9: invalid character '}' after decimal point in numeric literal"
      ),
      (#"{"a": 'x'}"#, #"json: offset 7: invalid character '\'' looking for beginning of value"#),
      ("{\"a\": \"é\u{01}\"}", "json: offset 10: invalid character '\\x01' in string literal"),
      (#"{"a": 1"#, "unexpected EOF"),
      (#"{"a": "\u12g4"}"#, #"json: offset 12: invalid character 'g' in \u hexadecimal character escape"#),
      (#"{"a": "open"#, "unexpected EOF"),
      (#"{"a": "\u12"#, "unexpected EOF"),
    ])
  func wordsJSONErrors(text: String, expected: String) throws {
    let error = try #require(throws: ManifestError.self) { try ManifestDecoder.decode(text) }

    #expect(error.message == expected)
  }

  @Test("ends a JSON value where its text ends, as Go's decoder does")
  func endsJSONValuesEarly() throws {
    let error = try #require(throws: ManifestError.self) {
      try ManifestDecoder.decode(#"{"a": 1} 12x"#)
    }

    #expect(
      error.message == "json: offset 12: invalid character 'x' looking for beginning of value")
    #expect(error.position == Self.position(1, 12))
    #expect(error.decoded.map(\.value) == [["a": 1], 12])
  }

  // MARK: Limits

  @Test("refuses input larger than the size limit")
  func limitsInputSize() throws {
    let error = try #require(throws: ManifestError.self) {
      try ManifestDecoder.decode("a: 12345\n", limits: ManifestLimits(maxInputBytes: 8))
    }

    #expect(error.message == "the manifest is 9 bytes, more than the limit of 8 bytes")
  }

  @Test("stops a billion-laughs document with go-yaml's alias check")
  func stopsAliasBombs() throws {
    var text = "a: &a [x, x, x, x, x, x, x, x, x]\n"
    for (previous, next) in zip("abcdefgh", "bcdefghi") {
      let items = Array(repeating: "*\(previous)", count: 9).joined(separator: ", ")
      text += "\(next): &\(next) [\(items)]\n"
    }

    let error = try #require(throws: ManifestError.self) { try ManifestDecoder.decode(text) }

    #expect(
      error.message == "error converting YAML to JSON: yaml: document contains excessive aliasing")
  }

  @Test("stops an alias bomb used as a key without expanding it")
  func stopsAliasBombKeys() throws {
    var text = "a: &a [x, x, x, x, x, x, x, x, x]\n"
    for (previous, next) in zip("abcdefgh", "bcdefghi") {
      let items = Array(repeating: "*\(previous)", count: 9).joined(separator: ", ")
      text += "\(next): &\(next) [\(items)]\n"
    }
    text += "? *i\n: 1\n"

    let error = try #require(throws: ManifestError.self) { try ManifestDecoder.decode(text) }

    #expect(
      error.message == "error converting YAML to JSON: yaml: document contains excessive aliasing")
  }

  @Test("resolves aliases written as keys, and lets the last such key win")
  func resolvesAliasKeys() throws {
    let text = "base: &x key\ndata:\n  *x : v\n  ? *x\n  : w\n  other: {*x : u}\n"

    let document = try #require(try ManifestDecoder.decode(text).first)

    #expect(document.value == ["base": "key", "data": ["key": "w", "other": ["key": "u"]]])
    #expect(document.keyPosition(of: "data.key") == Self.position(4, 5))
    #expect(document.position(of: "data.other.key") == Self.position(6, 16))
  }

  @Test("bounds the nodes and text a document expands to")
  func limitsExpansion() throws {
    // The mapping, two keys, the list and its copy, four numbers: nine
    // nodes (the alias itself is not one).
    let nodes = try #require(throws: ManifestError.self) {
      try ManifestDecoder.decode("a: &x [1, 2]\nb: *x\n", limits: ManifestLimits(maxNodes: 8))
    }
    let text = try #require(throws: ManifestError.self) {
      try ManifestDecoder.decode("a: &x long\nb: *x\n", limits: ManifestLimits(maxExpandedBytes: 9))
    }

    #expect(
      nodes.message == "error converting YAML to JSON: yaml: document expands to more than 8 nodes")
    #expect(
      text.message
        == "error converting YAML to JSON: yaml: document expands to more than 9 bytes of text")
    #expect(
      try ManifestDecoder.decode("a: &x [1, 2]\nb: *x\n", limits: ManifestLimits(maxNodes: 9)).count
        == 1)
    #expect(
      try ManifestDecoder.decode(
        "a: &x long\nb: *x\n", limits: ManifestLimits(maxExpandedBytes: 10)
      ).count == 1)
  }

  @Test(
    "refuses documents nested deeper than the limit",
    arguments: [
      (String(repeating: "[", count: 6) + String(repeating: "]", count: 6), 1),
      ("a:\n" + String(repeating: "- ", count: 6) + "x\n", 2),
      ((0..<7).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n"), 6),
      ("{" + String(repeating: #""a": {"#, count: 6) + String(repeating: "}", count: 7), 0),
    ])
  func limitsDepth(text: String, line: Int) throws {
    let limits = ManifestLimits(maxDepth: 5)

    let error = try #require(throws: ManifestError.self) {
      try ManifestDecoder.decode(text, limits: limits)
    }

    if line == 0 {
      #expect(error.message == "json: offset 31: invalid character '{' exceeded max depth of 5")
    } else {
      #expect(
        error.message
          == "error converting YAML to JSON: yaml: line \(line): exceeded max depth of 5")
    }
  }

  @Test("accepts nesting up to the standard limit")
  func acceptsDeepNesting() throws {
    let depth = ManifestLimits.standard.maxDepth - 1
    let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)

    let documents = try ManifestDecoder.decode(text)

    var value = try #require(documents.first?.value)
    var levels = 0
    while case .array(let items) = value {
      levels += 1
      value = items.first ?? .null
    }
    #expect(levels == depth)
  }
}
