// Field schemas of metav1 (`k8s.io/apimachinery/pkg/apis/meta/v1`), as of Kubernetes 1.32.
// Descriptions are kubetutor's own wording.

extension Schema {
  /// The object types of metav1 (`k8s.io/apimachinery/pkg/apis/meta/v1`) that the simulated kinds use.
  static let metaTypes: [StructSchema] = [
    StructSchema(
      "meta.ObjectMeta",
      [
        FieldSchema(
          "name", .string,
          """
          The object's name, unique within its namespace for its kind. It is required on create \
          unless generateName is set, and cannot be changed afterwards.
          """),
        FieldSchema(
          "generateName", .string,
          """
          A prefix the server uses to generate a unique name when name is empty; a random suffix \
          is appended.
          """),
        FieldSchema(
          "namespace", .string,
          """
          The namespace the object lives in. Empty means default for namespaced kinds; \
          cluster-scoped objects have none.
          """),
        FieldSchema(
          "selfLink", .string,
          "Deprecated and no longer set by the server."),
        FieldSchema(
          "uid", .named("types.UID", .string),
          """
          A unique identifier the server assigns on creation. It is never reused and cannot be \
          changed.
          """),
        FieldSchema(
          "resourceVersion", .string,
          """
          An opaque value that changes on every write. Clients send it back on updates so the \
          server can detect conflicting changes.
          """),
        FieldSchema(
          "generation", .int64,
          "A number the server increments whenever the desired state (usually spec) changes."),
        FieldSchema(
          "creationTimestamp", .time, emitted: true,
          "When the object was created, set by the server in RFC 3339 form."),
        FieldSchema(
          "deletionTimestamp", .time,
          """
          When the object will be deleted, set by the server once a graceful deletion has been \
          requested.
          """),
        FieldSchema(
          "deletionGracePeriodSeconds", .int64,
          """
          How many seconds the object has to terminate gracefully before it is removed. Set \
          together with deletionTimestamp.
          """),
        FieldSchema(
          "labels", .map(.string),
          "Key-value pairs used to organize objects and to select them with label selectors."),
        FieldSchema(
          "annotations", .map(.string),
          """
          Key-value pairs for arbitrary non-identifying data read by tools and controllers. Unlike \
          labels, they cannot be used in selectors.
          """),
        FieldSchema(
          "ownerReferences", .named("[]v1.OwnerReference", .array(.object("meta.OwnerReference"))),
          """
          The objects this object depends on. When every owner is deleted, the garbage collector \
          deletes this object too.
          """),
        FieldSchema(
          "finalizers", .array(.string),
          """
          Keys that must be removed, usually by a controller, before the object is finally \
          deleted.
          """),
        FieldSchema(
          "managedFields",
          .named("[]v1.ManagedFieldsEntry", .array(.named("v1.ManagedFieldsEntry", .anyObject))),
          """
          Which field managers set which fields, as tracked by server-side apply. Normally hidden \
          from users.
          """),
      ]),
    StructSchema(
      "meta.OwnerReference",
      [
        FieldSchema(
          "apiVersion", .string, required: true,
          "The API version of the owner."),
        FieldSchema(
          "kind", .string, required: true,
          "The kind of the owner, such as ReplicaSet."),
        FieldSchema(
          "name", .string, required: true, emitted: true,
          "The name of the owner."),
        FieldSchema(
          "uid", .named("types.UID", .string), required: true, emitted: true,
          "The UID of the owner."),
        FieldSchema(
          "controller", .boolean,
          """
          True when the owner is the managing controller. At most one owner can be the controller.
          """),
        FieldSchema(
          "blockOwnerDeletion", .boolean,
          "When true, a foreground deletion of the owner waits until this object is removed."),
      ]),
    StructSchema(
      "meta.LabelSelector",
      [
        FieldSchema(
          "matchLabels", .map(.string),
          """
          Label key-value pairs that must all be present. Each pair is the same as a \
          matchExpressions entry with operator In and a single value.
          """),
        FieldSchema(
          "matchExpressions",
          .named("[]v1.LabelSelectorRequirement", .array(.object("meta.LabelSelectorRequirement"))),
          "Requirements on labels, all of which must hold."),
      ]),
    StructSchema(
      "meta.LabelSelectorRequirement",
      [
        FieldSchema(
          "key", .string, required: true, emitted: true,
          "The label key the requirement applies to."),
        FieldSchema(
          "operator", .named("v1.LabelSelectorOperator", .string), required: true, emitted: true,
          enum: ["In", "NotIn", "Exists", "DoesNotExist"],
          "How the key relates to the values: In, NotIn, Exists or DoesNotExist."),
        FieldSchema(
          "values", .array(.string),
          """
          The values to compare with. Must be non-empty for In and NotIn, and empty for Exists and \
          DoesNotExist.
          """),
      ]),
    StructSchema(
      "meta.Condition",
      [
        FieldSchema(
          "type", .string, required: true, emitted: true,
          "The type of condition, in CamelCase or as a domain-prefixed name."),
        FieldSchema(
          "status", .named("v1.ConditionStatus", .string), required: true, emitted: true,
          enum: ["True", "False", "Unknown"],
          "The status of the condition: True, False or Unknown."),
        FieldSchema(
          "observedGeneration", .int64,
          "The metadata.generation the condition was based on."),
        FieldSchema(
          "lastTransitionTime", .time, required: true, emitted: true,
          "When the condition last changed from one status to another."),
        FieldSchema(
          "reason", .string, required: true, emitted: true,
          "A short CamelCase word explaining the last transition."),
        FieldSchema(
          "message", .string, required: true, emitted: true,
          "A human-readable explanation of the condition or state."),
      ]),
  ]
}
