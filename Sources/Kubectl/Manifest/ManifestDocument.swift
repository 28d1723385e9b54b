import KubeCluster

/// One document of a manifest file, with where each of its values came from.
package struct ManifestDocument: Equatable, Sendable {
  /// The document's content; object keys keep their order in the source.
  package var value: JSONValue
  /// The 1-based line where the document's text starts in the whole input.
  package var startLine: Int
  /// Where each value starts, keyed by path segments.
  ///
  /// Paths look like `["spec", "containers", "0", "image"]`. Values reached
  /// through an alias are not listed: their path falls back to the nearest
  /// listed ancestor, and the alias itself points at its anchor.
  package var valuePositions: [[String]: ManifestPosition]
  /// Where each mapping key starts, keyed like `valuePositions`.
  package var keyPositions: [[String]: ManifestPosition]

  package init(
    value: JSONValue, startLine: Int = 1, valuePositions: [[String]: ManifestPosition] = [:],
    keyPositions: [[String]: ManifestPosition] = [:]
  ) {
    self.value = value
    self.startLine = startLine
    self.valuePositions = valuePositions
    self.keyPositions = keyPositions
  }

  /// Where the value at a dotted path such as `spec.containers.0.image`
  /// starts, or where its nearest recorded ancestor starts.
  ///
  /// Keys that contain dots (`app.kubernetes.io/name`) are matched against
  /// the document's actual keys, so `metadata.labels.app.kubernetes.io/name`
  /// works too.
  package func position(of path: String) -> ManifestPosition? {
    guard let segments = segments(of: path) else { return nil }
    var prefix = segments
    while true {
      if let position = valuePositions[prefix] { return position }
      if prefix.isEmpty { return nil }
      prefix.removeLast()
    }
  }

  /// Where the key that holds the value at a dotted path starts, if that
  /// value is a mapping member written in the source.
  package func keyPosition(of path: String) -> ManifestPosition? {
    segments(of: path).flatMap { keyPositions[$0] }
  }

  /// Splits a dotted path into the segments of an existing value, trying
  /// longer keys first where a key itself contains dots.
  func segments(of path: String) -> [String]? {
    let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    if path.isEmpty { return [] }
    return match(parts[...], in: value)
  }

  private func match(_ parts: ArraySlice<String>, in node: JSONValue) -> [String]? {
    guard let first = parts.first else { return [] }
    switch node {
    case .object(let object):
      for length in stride(from: parts.count, through: 1, by: -1) {
        let key = parts.prefix(length).joined(separator: ".")
        guard let child = object[key] else { continue }
        if let rest = match(parts.dropFirst(length), in: child) { return [key] + rest }
      }
      return nil
    case .array(let items):
      guard let index = Int(first), items.indices.contains(index),
        let rest = match(parts.dropFirst(), in: items[index])
      else { return nil }
      return [first] + rest
    default:
      return nil
    }
  }
}
