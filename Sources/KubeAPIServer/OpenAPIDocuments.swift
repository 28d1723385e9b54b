import KubeCluster

/// Just enough OpenAPI v3 for kubectl 1.32's `apply`, `create -f` and
/// `replace`: one document per group version whose PATCH operations name
/// their kind and take the `fieldValidation` parameter, so kubectl leaves
/// validation to the server (which decodes strictly) instead of fetching
/// the v2 schema.
///
/// The documents carry no schemas and offer no strategic merge patch
/// content type, so kubectl builds its apply patches from its compiled-in
/// types. `kubectl explain` needs the schemas and is not served.
enum OpenAPIDocuments {
  static func path(group: String, version: String) -> String {
    group.isEmpty ? "api/\(version)" : "apis/\(group)/\(version)"
  }

  /// `/openapi/v3`: where each group version's document lives.
  static var index: JSONValue {
    var paths: JSONValue = .emptyObject
    var served = [path(group: "", version: "v1")]
    served += Discovery.groupVersions.map { path(group: $0.group, version: $0.version) }
    for entry in served {
      paths[entry] = ["serverRelativeURL": .string("/openapi/v3/\(entry)")]
    }
    return ["paths": paths]
  }

  /// `/openapi/v3/api/v1` or `/openapi/v3/apis/GROUP/VERSION`.
  static func document(_ relative: String) -> JSONValue? {
    let kinds = Kind.allCases.filter { path(group: $0.group, version: $0.version) == relative }
    guard !kinds.isEmpty else { return nil }
    var paths: JSONValue = .emptyObject
    for kind in kinds.sorted(by: { $0.resource < $1.resource }) {
      let base = "/" + relative + (kind.isNamespaced ? "/namespaces/{namespace}/" : "/") + kind.resource + "/{name}"
      let patch: JSONValue = [
        "x-kubernetes-group-version-kind": [
          "group": .string(kind.group), "version": .string(kind.version), "kind": .string(kind.rawValue),
        ],
        "x-kubernetes-action": "patch",
        "parameters": [
          ["name": "dryRun", "in": "query", "schema": ["type": "string"]],
          ["name": "fieldManager", "in": "query", "schema": ["type": "string"]],
          ["name": "fieldValidation", "in": "query", "schema": ["type": "string"]],
        ],
        "requestBody": [
          "content": [
            "application/json-patch+json": ["schema": ["type": "object"]],
            "application/merge-patch+json": ["schema": ["type": "object"]],
          ]
        ],
        "responses": ["200": ["description": "OK"]],
      ]
      paths[base] = ["patch": patch]
    }
    return [
      "openapi": "3.0.0", "info": ["title": "Kubernetes", "version": "v1.32.2"], "paths": paths,
    ]
  }
}
