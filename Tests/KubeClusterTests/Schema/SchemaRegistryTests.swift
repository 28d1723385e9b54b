import Testing

@testable import KubeCluster

/// The field schemas as data: complete, connected and described.
@Suite("Schema registry")
struct SchemaRegistryTests {
  @Test("every kind has a described root object", arguments: Kind.allCases)
  func roots(kind: Kind) {
    let root = Schema.root(for: kind)

    #expect(root.name == kind.rawValue)
    #expect(!root.description.isEmpty)
    #expect(Schema.structSchema(Schema.rootKey(for: kind)) != nil)
    #expect(root.field(named: "metadata")?.type == .object("meta.ObjectMeta"))
  }

  @Test("every struct a field refers to is registered, and every field is described")
  func connectedAndDescribed() {
    for schema in Schema.structs.values {
      for field in schema.fields {
        if let key = field.type.structKey {
          #expect(Schema.structSchema(key) != nil, "\(schema.key).\(field.name) -> \(key)")
        }
        #expect(
          !field.description.isEmpty && field.description != "TODO", "\(schema.key).\(field.name)")
      }
    }
  }

  @Test("paths look through arrays and maps, as kubectl explain does")
  func paths() {
    let probe = Schema.field(.pod, path: ["spec", "containers", "livenessProbe"])
    let port = Schema.field(
      .deployment, path: ["spec", "template", "spec", "containers", "ports", "containerPort"])
    let limits = Schema.field(.pod, path: ["spec", "containers", "resources", "limits"])

    #expect(probe?.type == .object("core.Probe"))
    #expect(probe?.type.explainName == "Probe")
    #expect(port?.type == .int32)
    #expect(port?.isRequired == true)
    #expect(limits?.type.goName == "v1.ResourceList")
    #expect(limits?.type.explainName == "map[string]Quantity")
    #expect(Schema.field(.pod, path: ["spec", "containers"])?.type.explainName == "[]Container")
    #expect(Schema.field(.pod, path: ["spec", "contaners"]) == nil)
    #expect(Schema.field(.pod, path: [])?.name == "Pod")
  }

  @Test("enumerations, required fields and Go names come from the 1.32 types")
  func details() {
    let restartPolicy = Schema.field(.pod, path: ["spec", "restartPolicy"])
    let selector = Schema.field(.deployment, path: ["spec", "selector"])
    let metric = Schema.field(.horizontalPodAutoscaler, path: ["spec", "metrics"])

    #expect(restartPolicy?.enumValues == ["Always", "OnFailure", "Never"])
    #expect(restartPolicy?.type.goName == "v1.RestartPolicy")
    #expect(selector?.isRequired == true)
    #expect(metric?.type.goName == "[]v2.MetricSpec")
    #expect(Schema.field(.service, path: ["spec", "ports", "targetPort"])?.type == .intOrString)
    #expect(Schema.field(.secret, path: ["data"])?.type == .map(.bytes))
    #expect(
      Schema.field(.statefulSet, path: ["spec", "volumeClaimTemplates", "spec", "accessModes"])
        != nil)
    #expect(Schema.field(.node, path: ["status", "nodeInfo", "kubeletVersion"])?.type == .string)
  }
}
