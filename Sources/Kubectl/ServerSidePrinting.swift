import Foundation
import KubeCluster

/// What an API server built on this module needs from kubectl's own
/// machinery: the columns `kubectl get` prints (for `as=Table`), the patch
/// types `kubectl patch` applies, field selectors and manifest parsing, so
/// the server and the shell agree by construction.
package enum ServerSideKubectl {
  /// One column of a server-side table: its header and priority (1 shows
  /// only with `-o wide`).
  package struct Column: Sendable {
    package var name: String
    package var priority: Int
  }

  /// The columns of `kind`'s table, wide ones included.
  package static func columns(for kind: Kind) -> [Column] {
    Columns.columns(for: kind).map { Column(name: $0.header, priority: $0.priority) }
  }

  /// The cells of one object's row, in `columns(for:)` order, as the
  /// shell's `kubectl get -o wide` prints them at `cluster.now`.
  package static func cells(of object: Object, in cluster: Cluster) -> [String] {
    let context = PrintContext(now: cluster.now, cluster: cluster)
    return Columns.columns(for: object.kind).map { $0.cell(object, context) }
  }

  /// Applies a patch of `type` (`json`, `merge` or `strategic`) as
  /// `kubectl patch` does; `nil` and the server's message when it does not apply.
  package static func patch(_ patch: JSONValue, type: String, to target: JSONValue, kind: Kind)
    -> Result<JSONValue, APIError>
  {
    do {
      return .success(try Patching.apply(patch, type: type, to: target, kind: kind))
    } catch {
      return .failure(
        APIError.status("Invalid", "the server rejected our request due to an error in our request", code: 422))
    }
  }

  /// Parses a JSON (or YAML) request body into its first document.
  package static func parseBody(_ text: String) -> Result<JSONValue, APIError> {
    do {
      guard let first = try ManifestDecoder.decode(text).first else {
        return .failure(.badRequest("the body of the request was in an unknown format"))
      }
      return .success(first.value)
    } catch {
      return .failure(.badRequest("the body of the request was in an unknown format: \(error)"))
    }
  }

  /// Whether `object` passes a `fieldSelector` such as
  /// `status.phase!=Running,metadata.name=web`; an error for a field the
  /// API server cannot select on, worded as the API server words it.
  package static func fieldSelectorMatcher(_ text: String, kind: Kind)
    -> Result<@Sendable (Object) -> Bool, APIError>
  {
    let selector: FieldSelector
    do {
      selector = try FieldSelector.parse(text)
    } catch {
      return .failure(.badRequest("invalid selector: '\(text)'"))
    }
    if let label = selector.unsupportedLabel(for: kind) {
      return .failure(
        .badRequest("field label not supported: \(label)"))
    }
    let requirements = selector.requirements
    return .success { object in
      requirements.allSatisfy { requirement in
        let actual = object.content[path: requirement.path]?.scalarText ?? ""
        return (actual == requirement.value) == requirement.equals
      }
    }
  }
}
