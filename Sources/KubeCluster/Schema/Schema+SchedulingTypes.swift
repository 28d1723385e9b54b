// Field schemas of `scheduling.k8s.io/v1`, as of Kubernetes 1.32.
// Descriptions are kubetutor's own wording.

extension Schema {
  /// The object types of `scheduling.k8s.io/v1` that the simulated kinds use.
  static let schedulingTypes: [StructSchema] = [
    StructSchema(
      "scheduling.PriorityClass",
      [
        FieldSchema(
          "apiVersion", .string,
          """
          The versioned schema of this object, such as v1 or apps/v1. The server uses it to \
          interpret the fields; clients should send the version they mean.
          """),
        FieldSchema(
          "kind", .string,
          """
          The type of object this is, in CamelCase, such as Pod or Deployment. It cannot be \
          changed and is inferred from the URL when omitted.
          """),
        FieldSchema(
          "metadata", .object("meta.ObjectMeta"), emitted: true,
          """
          Standard object metadata: name, namespace, labels, annotations and the fields the system \
          manages.
          """),
        FieldSchema(
          "value", .int32, required: true, emitted: true,
          "The priority pods of this class get. Higher values are scheduled first."),
        FieldSchema(
          "globalDefault", .boolean,
          """
          Use this class for pods that do not name one. Only one class may be the global default.
          """),
        FieldSchema(
          "description", .string,
          "When to use this priority class."),
        FieldSchema(
          "preemptionPolicy", .named("v1.PreemptionPolicy", .string),
          enum: ["PreemptLowerPriority", "Never"],
          """
          Whether pods of this class may preempt others: PreemptLowerPriority or Never. Defaults \
          to PreemptLowerPriority.
          """),
      ])
  ]
}
