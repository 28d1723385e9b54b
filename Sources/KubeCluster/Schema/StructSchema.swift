/// The fields of one Go struct of the Kubernetes API, such as `v1.Container`.
package struct StructSchema: Equatable, Sendable {
  /// The registry key: the API group's short name and the Go type name,
  /// such as `core.Container` or `apps.DeploymentSpec`.
  package var key: String
  package var fields: [FieldSchema]

  package init(_ key: String, _ fields: [FieldSchema]) {
    self.key = key
    self.fields = fields
  }

  /// The Go type name without its package: `Container`.
  package var shortName: String { StructSchema.shortName(forKey: key) }

  /// The Go type name with its package, as Go prints it: `v1.Container`.
  package var goName: String { StructSchema.goName(forKey: key) }

  package func field(named name: String) -> FieldSchema? {
    fields.first { $0.name == name }
  }

  static func shortName(forKey key: String) -> String {
    String(key.split(separator: ".").last ?? Substring(key))
  }

  /// Every group's Go package is called `v1`, except `autoscaling/v2`.
  static func goName(forKey key: String) -> String {
    let package = key.hasPrefix("autoscaling.") ? "v2" : "v1"
    return package + "." + shortName(forKey: key)
  }
}
