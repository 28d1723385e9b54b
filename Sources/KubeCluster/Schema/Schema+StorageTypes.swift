// Field schemas of `storage.k8s.io/v1`, as of Kubernetes 1.32.
// Descriptions are kubetutor's own wording.

extension Schema {
  /// The object types of `storage.k8s.io/v1` that the simulated kinds use.
  static let storageTypes: [StructSchema] = [
    StructSchema(
      "storage.StorageClass",
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
          "provisioner", .string, required: true, emitted: true,
          """
          The volume plugin or CSI driver that provisions volumes, such as rancher.io/local-path.
          """),
        FieldSchema(
          "parameters", .map(.string),
          "Settings passed to the provisioner."),
        FieldSchema(
          "reclaimPolicy", .named("v1.PersistentVolumeReclaimPolicy", .string),
          enum: ["Recycle", "Delete", "Retain"],
          """
          What happens to provisioned volumes when released: Delete or Retain. Defaults to Delete.
          """),
        FieldSchema(
          "mountOptions", .array(.string),
          "Mount options for provisioned volumes."),
        FieldSchema(
          "allowVolumeExpansion", .boolean,
          "Whether claims of this class may grow."),
        FieldSchema(
          "volumeBindingMode", .named("v1.VolumeBindingMode", .string),
          enum: ["Immediate", "WaitForFirstConsumer"],
          """
          Immediate binds claims at once; WaitForFirstConsumer waits until a pod uses the claim. \
          Defaults to Immediate.
          """),
        FieldSchema(
          "allowedTopologies",
          .named("[]v1.TopologySelectorTerm", .array(.object("core.TopologySelectorTerm"))),
          "Where volumes may be provisioned."),
      ])
  ]
}
