// Field schemas of `policy/v1`, as of Kubernetes 1.32.
// Descriptions are kubetutor's own wording.

extension Schema {
  /// The object types of `policy/v1` that the simulated kinds use.
  static let policyTypes: [StructSchema] = [
    StructSchema(
      "policy.PodDisruptionBudget",
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
          "spec", .object("policy.PodDisruptionBudgetSpec"), emitted: true,
          "The budget."),
        FieldSchema(
          "status", .object("policy.PodDisruptionBudgetStatus"), emitted: true,
          "How many disruptions are currently allowed."),
      ]),
    StructSchema(
      "policy.PodDisruptionBudgetSpec",
      [
        FieldSchema(
          "minAvailable", .intOrString,
          "How many selected pods must stay available, as a number or percentage."),
        FieldSchema(
          "selector", .object("meta.LabelSelector"),
          "Which pods the budget covers."),
        FieldSchema(
          "maxUnavailable", .intOrString,
          """
          How many selected pods may be unavailable, as a number or percentage. Exclusive with \
          minAvailable.
          """),
        FieldSchema(
          "unhealthyPodEvictionPolicy", .named("v1.UnhealthyPodEvictionPolicyType", .string),
          enum: ["IfHealthyBudget", "AlwaysAllow"],
          "When unhealthy pods may be evicted: IfHealthyBudget or AlwaysAllow."),
      ]),
    StructSchema(
      "policy.PodDisruptionBudgetStatus",
      [
        FieldSchema(
          "observedGeneration", .int64,
          """
          The metadata.generation the controller last acted on. When it is behind \
          metadata.generation, the status is stale.
          """),
        FieldSchema(
          "disruptedPods", .map(.time),
          "Pods being evicted that the controller has not yet seen go."),
        FieldSchema(
          "disruptionsAllowed", .int32, required: true, emitted: true,
          "How many pod disruptions are allowed now."),
        FieldSchema(
          "currentHealthy", .int32, required: true, emitted: true,
          "How many selected pods are healthy."),
        FieldSchema(
          "desiredHealthy", .int32, required: true, emitted: true,
          "How many healthy pods the budget requires."),
        FieldSchema(
          "expectedPods", .int32, required: true, emitted: true,
          "How many pods the budget counts."),
        FieldSchema(
          "conditions", .named("[]v1.Condition", .array(.object("meta.Condition"))),
          "The latest observations of the object's state, one entry per condition type."),
      ]),
  ]
}
