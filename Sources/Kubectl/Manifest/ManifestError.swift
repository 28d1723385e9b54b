/// Why a manifest could not be read, worded as kubectl words it.
///
/// kubectl prints `error: error parsing FILE: ` followed by `message`;
/// `kubectlMessage(source:)` builds that line.
package struct ManifestError: Error, Equatable, Sendable {
  /// kubectl's text after `error parsing FILE: `.
  ///
  /// For example `error converting YAML to JSON: yaml: line 5: mapping
  /// values are not allowed in this context`. Line numbers inside it are
  /// go-yaml's, counted from the start of the failing document, exactly as
  /// kubectl prints them.
  package var message: String
  /// Where the problem was found in the whole input, when known.
  ///
  /// This is the line libyaml points at, which can be one more than the line go-yaml
  /// names in `message` for parser (not scanner) errors.
  package var position: ManifestPosition?
  /// The documents before the failing one.
  ///
  /// kubectl acts on those (creates,
  /// applies, prints them) before it reports the error.
  package var decoded: [ManifestDocument]

  package init(
    _ message: String, position: ManifestPosition? = nil, decoded: [ManifestDocument] = []
  ) {
    self.message = message
    self.position = position
    self.decoded = decoded
  }

  /// The line kubectl prints after `error: ` for a file named `source`.
  package func kubectlMessage(source: String) -> String {
    "error parsing \(source): \(message)"
  }
}
