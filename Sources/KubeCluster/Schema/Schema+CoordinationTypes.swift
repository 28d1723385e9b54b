// Field schemas of `coordination.k8s.io/v1`, as of Kubernetes 1.32.
// Descriptions are kubetutor's own wording.

extension Schema {
  /// The object types of `coordination.k8s.io/v1` that the simulated kinds use.
  static let coordinationTypes: [StructSchema] = [
    StructSchema(
      "coordination.Lease",
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
          "spec", .object("coordination.LeaseSpec"), emitted: true,
          "The lease's holder and timing."),
      ]),
    StructSchema(
      "coordination.LeaseSpec",
      [
        FieldSchema(
          "holderIdentity", .string,
          "The identity of the current holder."),
        FieldSchema(
          "leaseDurationSeconds", .int32,
          "How long others must wait, after the last renewal, before taking the lease."),
        FieldSchema(
          "acquireTime", .named("v1.MicroTime", .time),
          "When the current holder acquired the lease."),
        FieldSchema(
          "renewTime", .named("v1.MicroTime", .time),
          "When the holder last renewed the lease."),
        FieldSchema(
          "leaseTransitions", .int32,
          "How many times the lease has changed hands."),
        FieldSchema(
          "strategy", .named("v1.CoordinatedLeaseStrategy", .string),
          enum: ["OldestEmulationVersion"],
          "The strategy for picking a new leader (alpha)."),
        FieldSchema(
          "preferredHolder", .string,
          "A holder the lease should move to (alpha)."),
      ]),
  ]
}
