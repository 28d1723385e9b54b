/// An error go-yaml raises while it turns nodes into Go values, before
/// sigs.k8s.io/yaml prefixes it (`yaml: cannot decode !!str `abc` as a !!int`).
struct GoYAMLFailure: Error, Equatable {
  /// go-yaml's text, without the `yaml: ` prefix.
  var message: String

  init(_ message: String) {
    self.message = message
  }
}
