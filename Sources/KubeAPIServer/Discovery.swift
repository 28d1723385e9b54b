import KubeCluster

/// The discovery documents kubectl reads before anything else: `/version`,
/// `/api`, `/apis`, and one resource list per group version.
///
/// These are the legacy (unaggregated) documents; kubectl 1.32 asks for
/// aggregated discovery first and falls back to these when the answer is
/// plain `application/json`.
enum Discovery {
  static let version = Cluster.serverVersion

  /// Every group version the cluster serves, core first, then by group.
  static var groupVersions: [(group: String, version: String)] {
    var seen: [String] = []
    var result: [(String, String)] = []
    for kind in Kind.allCases.sorted(by: { ($0.group, $0.version) < ($1.group, $1.version) })
    where !kind.group.isEmpty && !seen.contains(kind.apiVersion) {
      seen.append(kind.apiVersion)
      result.append((kind.group, kind.version))
    }
    return result
  }

  static let api: JSONValue = [
    "kind": "APIVersions", "versions": ["v1"],
    "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": "172.18.0.2:6443"]],
  ]

  static var apis: JSONValue {
    let groups: [JSONValue] = groupVersions.map { entry in
      let version: JSONValue = [
        "groupVersion": .string("\(entry.group)/\(entry.version)"), "version": .string(entry.version),
      ]
      return ["name": .string(entry.group), "versions": [version], "preferredVersion": version]
    }
    return ["kind": "APIGroupList", "apiVersion": "v1", "groups": .array(groups)]
  }

  /// The subresources served, by kind.
  static func subresources(of kind: Kind) -> [(name: String, verbs: [JSONValue], kind: String)] {
    var result: [(String, [JSONValue], String)] = []
    switch kind {
    case .pod:
      result = [
        ("exec", ["create", "get"], "PodExecOptions"), ("log", ["get"], "Pod"),
        ("portforward", ["create", "get"], "PodPortForwardOptions"),
      ]
    case .deployment, .replicaSet, .statefulSet:
      result = [("scale", ["get", "patch", "update"], "Scale")]
    default: break
    }
    if kind != .binding {
      result.append(("status", ["get", "patch", "update"], kind.rawValue))
    }
    return result.sorted { $0.0 < $1.0 }
  }

  /// `/api/v1` or `/apis/GROUP/VERSION`; `nil` for a group version not served.
  static func resourceList(group: String, version: String) -> JSONValue? {
    let kinds = Kind.allCases.filter { $0.group == group && $0.version == version }
      .sorted { $0.resource < $1.resource }
    guard !kinds.isEmpty else { return nil }
    var resources: [JSONValue] = []
    for kind in kinds {
      var entry: JSONValue = [
        "name": .string(kind.resource), "singularName": .string(kind.singular),
        "namespaced": .bool(kind.isNamespaced), "kind": .string(kind.rawValue),
        "verbs": .array(kind.verbs.map { .string($0) }),
      ]
      if !kind.shortNames.isEmpty { entry["shortNames"] = .array(kind.shortNames.map { .string($0) }) }
      if !kind.categories.isEmpty { entry["categories"] = .array(kind.categories.map { .string($0) }) }
      resources.append(entry)
      for sub in subresources(of: kind) {
        var subEntry: JSONValue = [
          "name": .string("\(kind.resource)/\(sub.name)"), "singularName": "",
          "namespaced": .bool(kind.isNamespaced), "kind": .string(sub.kind), "verbs": .array(sub.verbs),
        ]
        if sub.name == "scale" {
          subEntry["group"] = "autoscaling"
          subEntry["version"] = "v1"
        }
        resources.append(subEntry)
      }
    }
    let groupVersion = group.isEmpty ? version : "\(group)/\(version)"
    return [
      "kind": "APIResourceList", "apiVersion": "v1", "groupVersion": .string(groupVersion),
      "resources": .array(resources),
    ]
  }
}
