/// Bounds that keep a hostile or mistaken manifest from exhausting memory
/// or the stack.
///
/// kubectl itself has only go-yaml's alias-ratio check and a
/// nesting limit of 10,000; these are tighter, and their errors say so.
package struct ManifestLimits: Sendable {
  /// The largest input accepted, in UTF-8 bytes.
  package var maxInputBytes: Int
  /// The most nodes (keys, values, items) one document may expand to once
  /// aliases are followed.
  package var maxNodes: Int
  /// The most bytes of scalar text (keys included) one document may expand
  /// to once aliases are followed.
  package var maxExpandedBytes: Int
  /// The deepest nesting of mappings and sequences accepted.
  package var maxDepth: Int

  package init(
    maxInputBytes: Int = 10 * 1024 * 1024, maxNodes: Int = 1_000_000,
    maxExpandedBytes: Int = 10_000_000, maxDepth: Int = 1000
  ) {
    self.maxInputBytes = maxInputBytes
    self.maxNodes = maxNodes
    self.maxExpandedBytes = maxExpandedBytes
    self.maxDepth = maxDepth
  }

  /// The limits `ManifestDecoder.decode(_:)` applies by default.
  package static let standard = ManifestLimits()
}
