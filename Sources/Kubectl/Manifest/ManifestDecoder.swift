import KubeCluster
import Yams

/// Reads the text of a manifest file (`kubectl apply -f FILE`) into
/// documents, as kubectl 1.32 reads it.
///
/// Text whose first non-blank character is `{` is a stream of JSON values;
/// anything else is YAML, cut into documents at `---` lines first (as
/// kubectl's `YAMLReader` does) and then parsed one document at a time with
/// go-yaml v2's rules (YAML 1.1: `yes`/`on` are booleans, `0x1F` and `017`
/// are integers, quoted scalars are strings). Empty and comment-only
/// documents, and documents that are just `null`, are skipped.
///
/// Two deliberate departures, both where Yams gives no way to match:
/// - a duplicate key is accepted and the last value wins, as in kubectl,
///   except where Yams reports it in a form this decoder cannot step past
///   (an alias used twice as a key, for one); then it is an error worded
///   like go-yaml's strict mode;
/// - `ManifestLimits` bound input size, expansion and nesting more tightly
///   than kubectl does.
package enum ManifestDecoder {
  /// A private-use character put in front of an earlier duplicate key so
  /// that Yams accepts the mapping; the converter removes it again.
  static let duplicateMarker: Unicode.Scalar = "\u{E000}"

  /// How many duplicate keys one document may have before the decoder gives up.
  static let maxDuplicateKeys = 100

  /// The resolver handed to Yams: it resolves nothing, but leaves untagged
  /// plain scalars distinguishable from ones tagged `!!str`.
  private static let resolver: Resolver = {
    guard let rule = try? Resolver.Rule(Tag.Name(rawValue: YAMLNodeConverter.implicitTag), "^") else {
      return .basic
    }
    return Resolver.basic.appending(rule)
  }()

  /// The documents of `text`, with the standard limits.
  package static func decode(_ text: String) throws(ManifestError) -> [ManifestDocument] {
    try decode(text, limits: .standard)
  }

  /// The documents of `text`; a failure carries the documents before it.
  package static func decode(_ text: String, limits: ManifestLimits) throws(ManifestError) -> [ManifestDocument] {
    let size = text.utf8.count
    guard size <= limits.maxInputBytes else {
      throw ManifestError("the manifest is \(size) bytes, more than the limit of \(limits.maxInputBytes) bytes")
    }
    if isJSONStream(text) {
      var parser = JSONStreamParser(bytes: Array(text.utf8), limits: limits)
      return try parser.documents()
    }
    let split = YAMLDocumentSplitter.split(text)
    var documents: [ManifestDocument] = []
    for piece in split.pieces {
      do {
        if let document = try decode(piece, limits: limits) { documents.append(document) }
      } catch {
        throw ManifestError(error.message, position: error.position, decoded: documents)
      }
    }
    if let error = split.error {
      throw ManifestError(error.message, position: ManifestPosition(line: error.line, column: 1), decoded: documents)
    }
    return documents
  }

  /// Whether kubectl reads `text` as JSON: its first non-space character is
  /// `{` (Go's `unicode.IsSpace` is Unicode's White_Space property).
  static func isJSONStream(_ text: String) -> Bool {
    text.unicodeScalars.first(where: { !$0.properties.isWhitespace }) == "{"
  }

  // MARK: One YAML document

  private static func decode(_ piece: YAMLDocumentSplitter.Piece, limits: ManifestLimits) throws(ManifestError)
    -> ManifestDocument?
  {
    if let line = YAMLDepthEstimator.lineExceeding(limits.maxDepth, in: piece.text) {
      throw ManifestError(
        YAMLErrorTranslator.prefix + "line \(line): exceeded max depth of \(limits.maxDepth)",
        position: ManifestPosition(line: piece.startLine - 1 + line, column: 1))
    }
    var text = piece.text
    var insertions: [Int: [Int]] = [:]
    var markedKeys: Set<ManifestPosition> = []
    var visited: Set<ManifestPosition> = []
    while true {
      let root: Node?
      let parser: Parser
      do {
        parser = try Parser(yaml: text, resolver: resolver, encoding: .utf8)
        root = try parser.nextRoot()
      } catch let error as YamlError {
        // Each retry marks a new place; a place met twice (an alias used as
        // a key twice, whose text is its anchor's) means no progress.
        if case .duplicatedKeysInMapping(_, let context) = error, visited.count < maxDuplicateKeys,
          visited.insert(ManifestPosition(line: context.mark.line, column: context.mark.column)).inserted,
          markDuplicate(at: context.mark, in: &text, insertions: &insertions, markedKeys: &markedKeys)
        {
          continue
        }
        let (message, position) = YAMLErrorTranslator.translate(error, piece: text, startLine: piece.startLine)
        throw ManifestError(message, position: position)
      } catch {
        throw ManifestError(YAMLErrorTranslator.prefix + String(describing: error))
      }
      guard let root else { return nil }
      var converter = YAMLNodeConverter(
        limits: limits, lineOffset: piece.startLine - 1, insertions: insertions, markedKeys: markedKeys)
      let value: JSONValue
      do {
        value = try withExtendedLifetime(parser) { () throws(YAMLNodeConverter.Failure) in
          try converter.convert(root: root)
        }
      } catch {
        let position = error.mark.map {
          ManifestPosition(line: piece.startLine - 1 + $0.line, column: $0.column)
        }
        throw ManifestError(error.message, position: position)
      }
      if value == .null { return nil }
      return ManifestDocument(
        value: value, startLine: piece.startLine, valuePositions: converter.valuePositions,
        keyPositions: converter.keyPositions)
    }
  }

  /// Puts `duplicateMarker` at the start of the key Yams reported as
  /// duplicated (the earlier one), so the next parse gets past it.
  ///
  /// Returns false where the key cannot be marked safely (block scalars,
  /// aliases, complex keys).
  private static func markDuplicate(
    at mark: Mark, in text: inout String, insertions: inout [Int: [Int]], markedKeys: inout Set<ManifestPosition>
  ) -> Bool {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    let lineIndex = mark.line - 1
    guard lines.indices.contains(lineIndex) else { return false }
    var line = lines[lineIndex]
    var index = mark.column - 1
    // Step over an anchor or tag in front of the key's text.
    while index < line.count, line[index] == "&" || line[index] == "!" {
      while index < line.count, line[index] != " " { index += 1 }
      while index < line.count, line[index] == " " { index += 1 }
    }
    guard index < line.count else { return false }
    switch line[index] {
    case "\"", "'":
      index += 1
    case "|", ">", "*", "?", "[", "{", "-", "#", "\t":
      return false
    default:
      break
    }
    let column = index + 1
    line.insert(duplicateMarker, at: index)
    lines[lineIndex] = line
    insertions[mark.line] = (insertions[mark.line] ?? []).map { $0 >= column ? $0 + 1 : $0 } + [column]
    markedKeys = Set(
      markedKeys.map {
        $0.line == mark.line && $0.column >= column ? ManifestPosition(line: $0.line, column: $0.column + 1) : $0
      })
    markedKeys.insert(ManifestPosition(line: mark.line, column: mark.column))
    text = lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
    return true
  }
}
