/// kube-controller-manager's clusterrole-aggregation controller: a
/// ClusterRole with an `aggregationRule` gets, as its `rules`, the rules of
/// every other ClusterRole its selectors match (by name, each rule once).
/// A learner's ClusterRole labelled
/// `rbac.authorization.k8s.io/aggregate-to-view: "true"` so widens `view`,
/// and through it `edit` and `admin`.
enum ClusterRoleAggregation {
  /// The rules `role` aggregates from `roles`.
  static func rules(for role: Object, among roles: [Object]) -> [JSONValue] {
    var rules: [JSONValue] = []
    for selector in role.content[path: "aggregationRule.clusterRoleSelectors"]?.array ?? [] {
      let match = LabelSelector(json: selector)
      for other in roles.sorted(by: { $0.name < $1.name }) where other.name != role.name && match.matches(other.labels) {
        for rule in other.content["rules"]?.array ?? [] where !rules.contains(rule) {
          rules.append(rule)
        }
      }
    }
    return rules
  }
}

extension Cluster {
  /// After a ClusterRole changes: the aggregated roles whose rules follow.
  func aggregatedClusterRoles() -> [ObjectKey] {
    store.list(.clusterRole).filter { $0.content["aggregationRule"] != nil }.map(\.key)
  }

  mutating func reconcileClusterRoleAggregation(_ key: ObjectKey) {
    guard var role = store.get(key), role.content["aggregationRule"] != nil else { return }
    let found = ClusterRoleAggregation.rules(for: role, among: store.list(.clusterRole))
    // No rules is `rules: null`, as the controller leaves an empty list.
    let rules = found.isEmpty ? JSONValue.null : .array(found)
    guard (role.content["rules"] ?? .null) != rules, !(found.isEmpty && role.content["rules"]?.array?.isEmpty == true) else { return }
    role.content["rules"] = rules
    write(role, by: "clusterrole-aggregation-controller", summary: "aggregated rules")
  }
}
