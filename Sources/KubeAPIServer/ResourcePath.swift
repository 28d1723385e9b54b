import KubeCluster

/// Where a request goes: a discovery document or a resource.
enum Route: Equatable {
  case version
  case legacyVersions
  case groups
  case groupVersion(group: String, version: String)
  case resource(ResourcePath)
  /// `/openapi/REST`, such as `v3` or `v3/apis/apps/v1`.
  case openAPI(String)
}

/// `/api/v1/namespaces/NS/pods/NAME/log` taken apart.
struct ResourcePath: Equatable {
  var kind: Kind
  /// `nil` for a cluster-scoped kind, or a namespaced kind across all namespaces.
  var namespace: String?
  var name: String?
  var subresource: String?

  /// Parses a path; `nil` for a path the server does not serve.
  static func route(_ path: String) -> Route? {
    let segments = path.split(separator: "/").map { APIRequest.decode(String($0)) }
    switch segments.first {
    case "version": return segments.count == 1 ? .version : nil
    case "openapi": return .openAPI(segments.dropFirst().joined(separator: "/"))
    case "api":
      if segments.count == 1 { return .legacyVersions }
      guard segments[1] == "v1" else { return nil }
      if segments.count == 2 { return .groupVersion(group: "", version: "v1") }
      return resource(group: "", version: "v1", Array(segments.dropFirst(2))).map(Route.resource)
    case "apis":
      if segments.count == 1 { return .groups }
      guard segments.count >= 3 else { return nil }
      if segments.count == 3 { return .groupVersion(group: segments[1], version: segments[2]) }
      return resource(group: segments[1], version: segments[2], Array(segments.dropFirst(3))).map(Route.resource)
    default:
      return nil
    }
  }

  private static func kind(group: String, version: String, resource: String) -> Kind? {
    Kind.allCases.first { $0.group == group && $0.version == version && $0.resource == resource }
  }

  private static func resource(group: String, version: String, _ rest: [String]) -> ResourcePath? {
    // namespaces/NS/RESOURCE[/NAME[/SUB]]
    if rest.count >= 3, rest[0] == "namespaces", !["status", "finalize"].contains(rest[2]) {
      guard let kind = kind(group: group, version: version, resource: rest[2]), kind.isNamespaced,
        rest.count <= 5
      else { return nil }
      return ResourcePath(
        kind: kind, namespace: rest[1], name: rest.count > 3 ? rest[3] : nil,
        subresource: rest.count > 4 ? rest[4] : nil)
    }
    guard let first = rest.first, let kind = kind(group: group, version: version, resource: first),
      rest.count <= 3
    else { return nil }
    // A namespaced kind without a namespace is only listed or watched.
    if kind.isNamespaced && rest.count > 1 { return nil }
    return ResourcePath(
      kind: kind, namespace: nil, name: rest.count > 1 ? rest[1] : nil,
      subresource: rest.count > 2 ? rest[2] : nil)
  }
}
