// Field schemas of `rbac.authorization.k8s.io/v1`, as of Kubernetes 1.32.
// Descriptions are kubetutor's own wording.

extension Schema {
  /// The object types of `rbac.authorization.k8s.io/v1` that the simulated kinds use.
  static let rbacTypes: [StructSchema] = [
    StructSchema(
      "rbac.ClusterRoleBinding",
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
          "subjects", .named("[]v1.Subject", .array(.object("rbac.Subject"))),
          "The users, groups or service accounts the role is granted to."),
        FieldSchema(
          "roleRef", .object("rbac.RoleRef"), required: true, emitted: true,
          "The Role or ClusterRole being granted. It cannot be changed after creation."),
      ]),
    StructSchema(
      "rbac.Subject",
      [
        FieldSchema(
          "kind", .string, required: true,
          "The kind of subject: User, Group or ServiceAccount."),
        FieldSchema(
          "apiGroup", .string,
          "rbac.authorization.k8s.io for users and groups; empty for service accounts."),
        FieldSchema(
          "name", .string, required: true, emitted: true,
          "The name of the subject."),
        FieldSchema(
          "namespace", .string,
          "The namespace of a ServiceAccount subject."),
      ]),
    StructSchema(
      "rbac.RoleRef",
      [
        FieldSchema(
          "apiGroup", .string, required: true, emitted: true,
          "The API group of the role: rbac.authorization.k8s.io."),
        FieldSchema(
          "kind", .string, required: true,
          "Role or ClusterRole."),
        FieldSchema(
          "name", .string, required: true, emitted: true,
          "The name of the role."),
      ]),
    StructSchema(
      "rbac.ClusterRole",
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
          "rules", .named("[]v1.PolicyRule", .array(.object("rbac.PolicyRule"))), emitted: true,
          "The permissions granted."),
        FieldSchema(
          "aggregationRule", .object("rbac.AggregationRule"),
          """
          Combines the rules of ClusterRoles matching a label selector; the controller fills in \
          rules.
          """),
      ]),
    StructSchema(
      "rbac.PolicyRule",
      [
        FieldSchema(
          "verbs", .array(.string), required: true, emitted: true,
          """
          The allowed actions, such as get, list, watch, create, update, patch and delete; * \
          allows all.
          """),
        FieldSchema(
          "apiGroups", .array(.string),
          "The API groups the resources belong to; \"\" is the core group."),
        FieldSchema(
          "resources", .array(.string),
          "The resources the rule applies to, such as pods or deployments/scale."),
        FieldSchema(
          "resourceNames", .array(.string),
          "Specific object names the rule is limited to."),
        FieldSchema(
          "nonResourceURLs", .array(.string),
          "URL paths, such as /healthz, for ClusterRoles only."),
      ]),
    StructSchema(
      "rbac.AggregationRule",
      [
        FieldSchema(
          "clusterRoleSelectors",
          .named("[]v1.LabelSelector", .array(.object("meta.LabelSelector"))),
          "Label selectors for the ClusterRoles to combine.")
      ]),
    StructSchema(
      "rbac.RoleBinding",
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
          "subjects", .named("[]v1.Subject", .array(.object("rbac.Subject"))),
          "The users, groups or service accounts the role is granted to."),
        FieldSchema(
          "roleRef", .object("rbac.RoleRef"), required: true, emitted: true,
          "The Role or ClusterRole being granted. It cannot be changed after creation."),
      ]),
    StructSchema(
      "rbac.Role",
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
          "rules", .named("[]v1.PolicyRule", .array(.object("rbac.PolicyRule"))), emitted: true,
          "The permissions granted."),
      ]),
  ]
}
