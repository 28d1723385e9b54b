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
/// Yams (libyaml) parses; go-yaml's meaning is applied on top. Where the
/// two differ the decoder edits the text before Yams sees it
/// (`YAMLEditedText`): duplicate keys are accepted and the last value wins,
/// as in kubectl, and aliases written as keys are resolved without Yams
/// hashing the structure they name.
///
/// Known departures:
/// - a duplicate key the decoder cannot mark (a block scalar or flow
///   collection used as a key) is an error worded like go-yaml's strict
///   mode, where kubectl would keep the last value;
/// - `ManifestLimits` bound input size, expansion and nesting more tightly
///   than kubectl does;
/// - libyaml's few differences from go-yaml's scanner remain (libyaml
///   rejects `{a:b}`-style `:` inside flow plain scalars, go-yaml does not).
package enum ManifestDecoder {
  /// How many duplicate keys one document may have before the decoder gives up.
  static let maxDuplicateKeys = 100

  /// The resolver handed to Yams: it resolves nothing, but leaves untagged
  /// plain scalars distinguishable from ones tagged `!!str`.
  private static let resolver: Resolver = {
    guard let rule = try? Resolver.Rule(Tag.Name(rawValue: YAMLNodeConverter.implicitTag), "^")
    else {
      return .basic
    }
    return Resolver.basic.appending(rule)
  }()

  /// The documents of `text`, with the standard limits.
  package static func decode(_ text: String) throws(ManifestError) -> [ManifestDocument] {
    try decode(text, limits: .standard)
  }

  /// The documents of `text`; a failure carries the documents before it.
  package static func decode(_ text: String, limits: ManifestLimits) throws(ManifestError)
    -> [ManifestDocument]
  {
    let size = text.utf8.count
    guard size <= limits.maxInputBytes else {
      throw ManifestError(
        "the manifest is \(size) bytes, more than the limit of \(limits.maxInputBytes) bytes")
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
      throw ManifestError(
        error.message, position: ManifestPosition(line: error.line, column: 1), decoded: documents)
    }
    return documents
  }

  /// Whether kubectl reads `text` as JSON: its first non-space character is
  /// `{` (Go's `unicode.IsSpace` is Unicode's White_Space property).
  static func isJSONStream(_ text: String) -> Bool {
    text.unicodeScalars.first(where: { !$0.properties.isWhitespace }) == "{"
  }

  // MARK: One YAML document

  /// One YAML document, with alias keys swapped for placeholders first; if
  /// a placeholder turns out not to be a key after all (the scan misread
  /// the text), the document is read again without them.
  private static func decode(_ piece: YAMLDocumentSplitter.Piece, limits: ManifestLimits)
    throws(ManifestError) -> ManifestDocument?
  {
    if let line = YAMLDepthEstimator.lineExceeding(limits.maxDepth, in: piece.text) {
      throw ManifestError(
        YAMLErrorTranslator.prefix + "line \(line): exceeded max depth of \(limits.maxDepth)",
        position: ManifestPosition(line: piece.startLine - 1 + line, column: 1))
    }
    let aliasKeys = YAMLAliasKeyScanner.aliasKeys(in: piece.text)
    if !aliasKeys.isEmpty,
      case .document(let document) = try decode(piece, limits: limits, aliasKeys: aliasKeys)
    {
      return document
    }
    guard case .document(let document) = try decode(piece, limits: limits, aliasKeys: []) else {
      return nil
    }
    return document
  }

  /// What one attempt at a document gives.
  private enum Attempt {
    case document(ManifestDocument?)
    case placeholderMissed
  }

  private static func decode(
    _ piece: YAMLDocumentSplitter.Piece, limits: ManifestLimits,
    aliasKeys: [YAMLAliasKeyScanner.AliasKey]
  ) throws(ManifestError) -> Attempt {
    var edited = YAMLEditedText(piece.text, replacingAliasKeys: aliasKeys)
    var visited: Set<ManifestPosition> = []
    while true {
      let root: Node?
      let parser: Parser
      do {
        parser = try Parser(yaml: edited.text, resolver: resolver, encoding: .utf8)
        root = try parser.nextRoot()
      } catch let error as YamlError {
        // Each retry marks a new place; a place met twice (an alias used as
        // a key twice, whose text is its anchor's) means no progress.
        if case .duplicatedKeysInMapping(_, let context) = error, visited.count < maxDuplicateKeys,
          visited.insert(ManifestPosition(line: context.mark.line, column: context.mark.column))
            .inserted,
          edited.markDuplicate(at: context.mark)
        {
          continue
        }
        let (message, position) = YAMLErrorTranslator.translate(
          error, piece: edited.text, startLine: piece.startLine)
        throw ManifestError(message, position: position)
      } catch {
        throw ManifestError(YAMLErrorTranslator.prefix + String(describing: error))
      }
      guard let root else { return .document(nil) }
      var converter = YAMLNodeConverter(
        limits: limits, lineOffset: piece.startLine - 1, edits: edited)
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
      if converter.placeholdersResolved != edited.placeholders.count { return .placeholderMissed }
      if value == .null { return .document(nil) }
      return .document(
        ManifestDocument(
          value: value, startLine: piece.startLine, valuePositions: converter.valuePositions,
          keyPositions: converter.keyPositions))
    }
  }
}
