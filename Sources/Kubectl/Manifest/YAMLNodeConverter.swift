import KubeCluster
import Yams

/// Turns one composed Yams document into the JSON value kubectl sees, with
/// sigs.k8s.io/yaml's rules: go-yaml v2 typing, merge keys, last duplicate
/// key wins, non-string keys turned into strings, floats that are integers
/// read back as integers, and go-yaml's guard against alias bombs.
///
/// Yams hands back an alias as the node it names, so alias uses are told
/// apart from definitions by their anchor: the first time an anchor is met
/// in document order is its definition, later meetings are uses.
struct YAMLNodeConverter {
  /// Where a problem lies, in the piece's own coordinates (Yams marks).
  struct Failure: Error {
    var message: String
    var mark: Mark?
  }

  /// The tag Yams gives untagged plain scalars once it has resolved them
  /// (it does so for mapping keys when it checks for duplicates).
  static let implicitTag = "tag:kubetutor.local,2025:implicit"

  private let limits: ManifestLimits
  /// Added to a piece's line numbers to get lines of the whole input.
  private let lineOffset: Int
  /// The decoder's edits to the text (duplicate markers, alias-key
  /// placeholders), undone here.
  private let edits: YAMLEditedText
  /// How many alias-key placeholders were met as keys and resolved.
  private(set) var placeholdersResolved = 0

  private(set) var valuePositions: [[String]: ManifestPosition] = [:]
  private(set) var keyPositions: [[String]: ManifestPosition] = [:]

  private var depth = 0
  private var nodes = 0
  private var textBytes = 0
  private var decodeCount = 0
  private var aliasCount = 0
  /// Definitions met so far, with the range of the text they span.
  private var anchors: [ObjectIdentifier: (start: Place, end: Place)] = [:]
  /// The latest definition of each anchor name, as go-yaml's parser keeps
  /// them (for alias keys, which Yams never sees).
  private var anchorsByName: [String: Node] = [:]
  /// Anchor names whose definition is being converted.
  private var namesInProgress: [String: Int] = [:]
  /// One entry per alias being expanded: the text range of its target and
  /// the definitions inside that range already met in this expansion.
  private var expansions: [(start: Place, end: Place, seen: Set<ObjectIdentifier>)] = []
  /// The furthest source position reached outside alias expansions.
  private var furthest = Place(line: 0, column: 0)
  /// sigs.k8s.io/yaml's key conversion error, reported once go-yaml is done.
  private var keyError: String?
  /// Go's JSON encoder error (NaN, infinities), reported last.
  private var jsonError: String?

  private typealias Place = ManifestPosition

  init(limits: ManifestLimits, lineOffset: Int, edits: YAMLEditedText) {
    self.limits = limits
    self.lineOffset = lineOffset
    self.edits = edits
  }

  /// The JSON value of a document's root node.
  mutating func convert(root: Node) throws(Failure) -> JSONValue {
    decodeCount += 1
    var path: [String] = []
    let value = try convert(root, path: &path)
    if let keyError { throw Failure(message: "error converting YAML to JSON: " + keyError) }
    if let jsonError { throw Failure(message: "error converting YAML to JSON: " + jsonError) }
    return value
  }

  // MARK: Nodes

  private mutating func convert(_ node: Node, path: inout [String]) throws(Failure) -> JSONValue {
    if isAliasUse(node) {
      // go-yaml decodes the alias node, then its target inside the alias.
      try countDecode()
      if expansions.isEmpty, let mark = node.mark { valuePositions[path] = position(mark) }
      beginExpansion(of: node)
      defer { expansions.removeLast() }
      try count(node)
      return try content(node, path: &path)
    }
    try count(node)
    if expansions.isEmpty, let mark = node.mark { valuePositions[path] = position(mark) }
    return try content(node, path: &path)
  }

  private mutating func content(_ node: Node, path: inout [String]) throws(Failure) -> JSONValue {
    depth += 1
    defer { depth -= 1 }
    if depth > limits.maxDepth {
      throw Failure(
        message: "error converting YAML to JSON: yaml: exceeded max depth of \(limits.maxDepth)",
        mark: node.mark)
    }
    let definition = startDefinition(node)
    defer { endDefinition(definition) }
    switch node {
    case .scalar(let scalar):
      return try value(of: scalar)
    case .sequence(let sequence):
      var items: [JSONValue] = []
      for (index, child) in sequence.enumerated() {
        path.append(String(index))
        items.append(try convert(child, path: &path))
        path.removeLast()
      }
      return .array(items)
    case .mapping(let mapping):
      var object = JSONObject()
      try fill(&object, from: mapping, path: &path)
      return .object(object)
    case .alias:
      return .null
    }
  }

  /// Adds a mapping's members to `object` in order, so later duplicates
  /// and explicit keys override earlier ones, as go-yaml's map assignment does.
  private mutating func fill(
    _ object: inout JSONObject, from mapping: Node.Mapping, path: inout [String]
  ) throws(Failure) {
    for (keyNode, valueNode) in mapping {
      if isMerge(keyNode) {
        try merge(valueNode, into: &object, path: &path)
        continue
      }
      let keyMark = expansions.isEmpty && !isAliasUseWithoutMarking(keyNode) ? keyNode.mark : nil
      let key = try key(of: keyNode, value: valueNode)
      path.append(key ?? "")
      if let keyMark { keyPositions[path] = position(keyMark) }
      let member = try convert(valueNode, path: &path)
      path.removeLast()
      if let key { object[key] = member }
    }
  }

  /// `<<: *base` and `<<: [*a, *b]`: earlier maps in a list win, and keys
  /// written in the mapping itself (before or after) are set in order.
  private mutating func merge(
    _ node: Node, into object: inout JSONObject, path: inout [String]
  ) throws(Failure) {
    let mergeError = Failure(
      message:
        "error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value"
    )
    switch node {
    case .mapping:
      try mergeMapping(node, into: &object, path: &path)
    case .sequence(let sequence) where !isAliasUseWithoutMarking(node):
      let definition = startDefinition(node)
      defer { endDefinition(definition) }
      for child in sequence.reversed() {
        guard case .mapping = child else { throw mergeError }
        try mergeMapping(child, into: &object, path: &path)
      }
    default:
      throw mergeError
    }
  }

  private mutating func mergeMapping(
    _ node: Node, into object: inout JSONObject, path: inout [String]
  ) throws(Failure) {
    guard case .mapping(let mapping) = node else { return }
    let alias = isAliasUse(node)
    if alias {
      try countDecode()
      beginExpansion(of: node)
    }
    defer { if alias { expansions.removeLast() } }
    try count(node)
    depth += 1
    defer { depth -= 1 }
    let definition = startDefinition(node)
    defer { endDefinition(definition) }
    try fill(&object, from: mapping, path: &path)
  }

  private func isMerge(_ node: Node) -> Bool {
    guard case .scalar(let scalar) = node, scalar.string == "<<" else { return false }
    let tag = scalar.tag.rawValue
    return (scalar.style == .plain && (tag.isEmpty || tag == Self.implicitTag))
      || tag == GoScalar.longTagPrefix + "merge"
  }

  // MARK: Scalars

  private mutating func value(of scalar: Node.Scalar) throws(Failure) -> JSONValue {
    try countText(scalar.string)
    switch try decode(scalar, text: scalar.string) {
    case .null: return .null
    case .bool(let flag): return .bool(flag)
    case .int(let integer): return .int(integer)
    case .uint(let integer): return .double(Double(integer))
    case .string(let text): return .string(text)
    case .float(let float):
      guard float.isFinite else {
        if jsonError == nil { jsonError = "json: unsupported value: " + GoFloatFormat.json(float) }
        return .null
      }
      // kubectl decodes the JSON number again: integral text becomes int64.
      let text = GoFloatFormat.json(float)
      if !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let integer = Int(text) {
        return .int(integer)
      }
      return .double(float)
    }
  }

  private func decode(_ scalar: Node.Scalar, text: String) throws(Failure) -> GoScalar {
    let tag = scalar.tag.rawValue
    let implicit = scalar.style == .plain && (tag.isEmpty || tag == Self.implicitTag)
    do {
      return try GoScalar.decode(text, tag: tag.isEmpty ? nil : tag, implicit: implicit)
    } catch {
      throw Failure(
        message: "error converting YAML to JSON: yaml: " + error.message, mark: scalar.mark)
    }
  }

  /// A mapping key as a JSON key, or nil when sigs.k8s.io/yaml cannot use
  /// it (the error is kept for later, as sigs.k8s.io/yaml reports it only
  /// after go-yaml has decoded the whole document).
  private mutating func key(of node: Node, value: Node) throws(Failure) -> String? {
    if case .scalar(let scalar) = node, let name = placeholderName(scalar) {
      placeholdersResolved += 1
      return try aliasKey(named: name, at: scalar.mark, value: value)
    }
    let alias = isAliasUse(node)
    if alias {
      try countDecode()
      beginExpansion(of: node)
    }
    defer { if alias { expansions.removeLast() } }
    try count(node)
    guard case .scalar(let scalar) = node else {
      throw Failure(
        message: "error converting YAML to JSON: yaml: invalid map key: "
          + goSyntax(node, nested: false),
        mark: node.mark)
    }
    var text = scalar.string
    if isMarked(scalar), text.unicodeScalars.first == YAMLEditedText.duplicateMarker {
      text.unicodeScalars.removeFirst()
    }
    return try keyString(scalar, text: text, value: value)
  }

  /// An alias written as a key, resolved as go-yaml resolves it: to the
  /// latest definition of its name, failing for an unknown name, for a
  /// definition still in progress, and for a mapping or sequence.
  private mutating func aliasKey(named name: String, at mark: Mark?, value: Node) throws(Failure)
    -> String?
  {
    let prefix = "error converting YAML to JSON: yaml: "
    guard let target = anchorsByName[name] else {
      throw Failure(message: prefix + "unknown anchor '\(name)' referenced", mark: mark)
    }
    if namesInProgress[name, default: 0] > 0 {
      throw Failure(message: prefix + "anchor '\(name)' value contains itself", mark: mark)
    }
    try countDecode()
    beginExpansion(of: target)
    defer { expansions.removeLast() }
    try count(target)
    guard case .scalar(let scalar) = target else {
      var scratch: [String] = []
      _ = try content(target, path: &scratch)
      throw Failure(
        message: prefix + "invalid map key: " + goSyntax(target, nested: false), mark: mark)
    }
    return try keyString(scalar, text: scalar.string, value: value)
  }

  private mutating func keyString(_ scalar: Node.Scalar, text: String, value: Node) throws(Failure)
    -> String?
  {
    try countText(text)
    switch try decode(scalar, text: text) {
    case .string(let string): return string
    case .int(let integer): return String(integer)
    case .float(let float): return GoFloatFormat.yamlKey(float)
    case .bool(let flag): return flag ? "true" : "false"
    case .null:
      recordKeyError(type: "%!s(<nil>)", key: "<nil>", value: value)
      return nil
    case .uint(let integer):
      recordKeyError(type: "uint64", key: "0x" + String(integer, radix: 16), value: value)
      return nil
    }
  }

  /// The anchor name of an alias-key placeholder, if `scalar` is one.
  private func placeholderName(_ scalar: Node.Scalar) -> String? {
    guard let mark = scalar.mark,
      edits.placeholders.contains(ManifestPosition(line: mark.line, column: mark.column))
    else { return nil }
    var text = scalar.string.unicodeScalars[...]
    if text.first == YAMLEditedText.duplicateMarker { text = text.dropFirst() }
    guard text.first == YAMLEditedText.aliasPlaceholder else { return nil }
    return String(String.UnicodeScalarView(text.dropFirst()))
  }

  private mutating func recordKeyError(type: String, key: String, value: Node) {
    guard keyError == nil else { return }
    keyError =
      "unsupported map key of type: \(type), key: \(key), value: \(goSyntax(value, nested: false))"
  }

  /// Go's `%#v` of what go-yaml decodes `node` to.
  private func goSyntax(_ node: Node, nested: Bool) -> String {
    switch node {
    case .scalar(let scalar):
      let decoded = (try? decode(scalar, text: scalar.string)) ?? .string(scalar.string)
      return decoded.goSyntax(nested: nested)
    case .sequence(let sequence):
      return "[]interface {}{" + sequence.map { goSyntax($0, nested: true) }.joined(separator: ", ")
        + "}"
    case .mapping(let mapping):
      let members = mapping.map {
        goSyntax($0.key, nested: true) + ":" + goSyntax($0.value, nested: true)
      }
      return "map[interface {}]interface {}{" + members.sorted().joined(separator: ", ") + "}"
    case .alias:
      return nested ? "interface {}(nil)" : "<nil>"
    }
  }

  // MARK: Aliases and limits

  /// Whether `node` stands where the source has an alias (`*name`).
  private mutating func isAliasUse(_ node: Node) -> Bool {
    guard let anchor = node.anchor, let mark = node.mark else { return false }
    let id = ObjectIdentifier(anchor)
    guard anchors[id] != nil else { return false }
    guard let expansion = expansions.last else { return true }
    let place = Place(line: mark.line, column: mark.column)
    if place >= expansion.start && place <= expansion.end && !expansion.seen.contains(id) {
      // A definition nested inside the alias's target, met again while
      // expanding that target: part of the copy, not a use of its own.
      expansions[expansions.count - 1].seen.insert(id)
      return false
    }
    return true
  }

  /// `isAliasUse` without recording a nested definition as seen.
  private func isAliasUseWithoutMarking(_ node: Node) -> Bool {
    guard let anchor = node.anchor, let mark = node.mark else { return false }
    let id = ObjectIdentifier(anchor)
    guard anchors[id] != nil else { return false }
    guard let expansion = expansions.last else { return true }
    let place = Place(line: mark.line, column: mark.column)
    return !(place >= expansion.start && place <= expansion.end && expansion.seen.contains(id))
  }

  private mutating func beginExpansion(of node: Node) {
    guard let anchor = node.anchor, let range = anchors[ObjectIdentifier(anchor)] else { return }
    expansions.append((range.start, range.end, []))
  }

  /// Registers an anchored node met for the first time; returns it so
  /// `endDefinition` can record how far its text reaches.
  private mutating func startDefinition(_ node: Node) -> Anchor? {
    guard let mark = node.mark else { return nil }
    let place = Place(line: mark.line, column: mark.column)
    if expansions.isEmpty && place > furthest { furthest = place }
    guard let anchor = node.anchor, anchors[ObjectIdentifier(anchor)] == nil else { return nil }
    anchors[ObjectIdentifier(anchor)] = (place, place)
    anchorsByName[anchor.rawValue] = node
    namesInProgress[anchor.rawValue, default: 0] += 1
    return anchor
  }

  private mutating func endDefinition(_ anchor: Anchor?) {
    guard let anchor, let range = anchors[ObjectIdentifier(anchor)] else { return }
    anchors[ObjectIdentifier(anchor)] = (range.start, max(range.end, furthest))
    namesInProgress[anchor.rawValue, default: 1] -= 1
  }

  /// Counts a node: go-yaml's decode counters, plus the node limit.
  private mutating func count(_ node: Node) throws(Failure) {
    try countDecode()
    nodes += 1
    if nodes > limits.maxNodes {
      throw Failure(
        message:
          "error converting YAML to JSON: yaml: document expands to more than \(limits.maxNodes) nodes",
        mark: node.mark)
    }
  }

  /// go-yaml's decode counter and alias ratio check, for every node it
  /// decodes (alias nodes included), counting those inside an alias.
  private mutating func countDecode() throws(Failure) {
    decodeCount += 1
    if !expansions.isEmpty { aliasCount += 1 }
    if aliasCount > 100 && decodeCount > 1000
      && Double(aliasCount) / Double(decodeCount) > Self.allowedAliasRatio(decodeCount)
    {
      throw Failure(
        message: "error converting YAML to JSON: yaml: document contains excessive aliasing")
    }
  }

  private mutating func countText(_ text: String) throws(Failure) {
    textBytes += text.utf8.count
    if textBytes > limits.maxExpandedBytes {
      throw Failure(
        message:
          "error converting YAML to JSON: yaml: document expands to more than \(limits.maxExpandedBytes) bytes of text"
      )
    }
  }

  /// go-yaml's `allowedAliasRatio`: 99% of decodes may come from aliases in
  /// small documents, sliding down to 10% past four million decodes.
  private static func allowedAliasRatio(_ decodes: Int) -> Double {
    let low = 400_000.0
    let high = 4_000_000.0
    let count = Double(decodes)
    if count <= low { return 0.99 }
    if count >= high { return 0.10 }
    return 0.99 - 0.89 * ((count - low) / (high - low))
  }

  // MARK: Positions

  private func isMarked(_ scalar: Node.Scalar) -> Bool {
    guard let mark = scalar.mark else { return false }
    return edits.markedKeys.contains(ManifestPosition(line: mark.line, column: mark.column))
  }

  /// A Yams mark as a position in the whole input, undoing the columns the
  /// duplicate-key markers took.
  private func position(_ mark: Mark) -> ManifestPosition {
    let shift = edits.insertions[mark.line]?.count(where: { $0 < mark.column }) ?? 0
    return ManifestPosition(line: lineOffset + mark.line, column: mark.column - shift)
  }
}
