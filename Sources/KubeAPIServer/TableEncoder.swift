import KubeCluster
import Kubectl

/// Server-side printing (`Accept: application/json;as=Table;v=v1;g=meta.k8s.io`):
/// the same columns and cells as the shell's `kubectl get`, so the real
/// kubectl prints what kubetutor's own printers print.
enum TableEncoder {
  /// What each row carries besides its cells (`includeObject`).
  enum Included: String {
    case none = "None"
    case metadata = "Metadata"
    case object = "Object"

    init(query: String?) {
      self = query.flatMap(Included.init(rawValue:)) ?? .metadata
    }
  }

  static func columnDefinitions(_ kind: Kind) -> JSONValue {
    .array(
      ServerSideKubectl.columns(for: kind).map { column in
        [
          "name": .string(column.name), "type": "string",
          "format": column.name == "NAME" ? "name" : "", "description": "",
          "priority": .int(column.priority),
        ]
      })
  }

  static func row(_ object: Object, cluster: Cluster, included: Included) -> JSONValue {
    var row: JSONValue = ["cells": .array(ServerSideKubectl.cells(of: object, in: cluster).map { .string($0) })]
    switch included {
    case .none: break
    case .object: row["object"] = object.content
    case .metadata:
      row["object"] = [
        "kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1",
        "metadata": object.content["metadata"] ?? .emptyObject,
      ]
    }
    return row
  }

  static func table(
    _ objects: [Object], kind: Kind, cluster: Cluster, included: Included, resourceVersion: String?
  ) -> JSONValue {
    var metadata: JSONValue = .emptyObject
    if let resourceVersion { metadata["resourceVersion"] = .string(resourceVersion) }
    return [
      "kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": metadata,
      "columnDefinitions": columnDefinitions(kind),
      "rows": .array(objects.map { row($0, cluster: cluster, included: included) }),
    ]
  }
}
