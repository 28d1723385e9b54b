/// Pipelines joined by `&&` and `||`, evaluated left to right.
package struct AndOrList: Equatable, Sendable {
  /// The connective before a pipeline.
  package enum Connective: String, Equatable, Sendable {
    case and = "&&"
    case or = "||"
  }

  /// A pipeline and the connective that joins it to the one before.
  package struct Link: Equatable, Sendable {
    package var connective: Connective
    package var pipeline: Pipeline

    package init(_ connective: Connective, _ pipeline: Pipeline) {
      self.connective = connective
      self.pipeline = pipeline
    }
  }

  package var first: Pipeline
  package var rest: [Link]

  package init(_ first: Pipeline, _ rest: [Link] = []) {
    self.first = first
    self.rest = rest
  }
}
