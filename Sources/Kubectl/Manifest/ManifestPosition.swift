/// A place in a manifest file: 1-based line and column, counted over the
/// whole input (not per document); columns count Unicode scalars.
package struct ManifestPosition: Hashable, Comparable, Sendable, CustomStringConvertible {
  package var line: Int
  package var column: Int

  package init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// `line:column`, the form editors and linters print.
  package var description: String { "\(line):\(column)" }

  package static func < (lhs: ManifestPosition, rhs: ManifestPosition) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}
