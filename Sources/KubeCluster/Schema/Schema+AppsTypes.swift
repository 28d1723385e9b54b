// Field schemas of `apps/v1`, as of Kubernetes 1.32.
// Descriptions are kubetutor's own wording.

extension Schema {
  /// The object types of `apps/v1` that the simulated kinds use.
  static let appsTypes: [StructSchema] = [
    StructSchema(
      "apps.ControllerRevision",
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
          "data", .named("runtime.RawExtension", .freeForm),
          "The serialized state being recorded."),
        FieldSchema(
          "revision", .int64, required: true, emitted: true,
          "The revision number."),
      ]),
    StructSchema(
      "apps.DaemonSet",
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
          "spec", .object("apps.DaemonSetSpec"), emitted: true,
          "The desired behaviour of the daemon set."),
        FieldSchema(
          "status", .object("apps.DaemonSetStatus"), emitted: true,
          "The observed state of the daemon set."),
      ]),
    StructSchema(
      "apps.DaemonSetSpec",
      [
        FieldSchema(
          "selector", .object("meta.LabelSelector"), required: true, emitted: true, pointer: true,
          """
          Which pods the daemon set manages. It must match the template's labels and cannot be \
          changed.
          """),
        FieldSchema(
          "template", .object("core.PodTemplateSpec"), required: true, emitted: true,
          """
          The pod template; one pod is made from it for each eligible node. Its restartPolicy must \
          be Always.
          """),
        FieldSchema(
          "updateStrategy", .object("apps.DaemonSetUpdateStrategy"), emitted: true,
          "How existing pods are replaced when the template changes."),
        FieldSchema(
          "minReadySeconds", .int32,
          "How long a new pod must be ready before it counts as available. Defaults to 0."),
        FieldSchema(
          "revisionHistoryLimit", .int32,
          "How many old revisions to keep for rollback. Defaults to 10."),
      ]),
    StructSchema(
      "apps.DaemonSetUpdateStrategy",
      [
        FieldSchema(
          "type", .named("v1.DaemonSetUpdateStrategyType", .string),
          enum: ["RollingUpdate", "OnDelete"],
          """
          RollingUpdate replaces pods gradually; OnDelete replaces a pod only when it is deleted \
          by hand. Defaults to RollingUpdate.
          """),
        FieldSchema(
          "rollingUpdate", .object("apps.RollingUpdateDaemonSet"),
          "Settings for a rolling update."),
      ]),
    StructSchema(
      "apps.RollingUpdateDaemonSet",
      [
        FieldSchema(
          "maxUnavailable", .intOrString,
          """
          The most nodes whose daemon pod may be unavailable during the update, as a number or \
          percentage. Defaults to 1.
          """),
        FieldSchema(
          "maxSurge", .intOrString,
          "The most nodes that may run an extra updated pod during the update. Defaults to 0."),
      ]),
    StructSchema(
      "apps.DaemonSetStatus",
      [
        FieldSchema(
          "currentNumberScheduled", .int32, required: true, emitted: true,
          "Nodes running at least one daemon pod that should run it."),
        FieldSchema(
          "numberMisscheduled", .int32, required: true, emitted: true,
          "Nodes running the daemon pod that should not."),
        FieldSchema(
          "desiredNumberScheduled", .int32, required: true, emitted: true,
          "Nodes that should run the daemon pod."),
        FieldSchema(
          "numberReady", .int32, required: true, emitted: true,
          "Nodes whose daemon pod is ready."),
        FieldSchema(
          "observedGeneration", .int64,
          """
          The metadata.generation the controller last acted on. When it is behind \
          metadata.generation, the status is stale.
          """),
        FieldSchema(
          "updatedNumberScheduled", .int32,
          "Nodes running the updated daemon pod."),
        FieldSchema(
          "numberAvailable", .int32,
          "Nodes whose daemon pod has been ready for minReadySeconds."),
        FieldSchema(
          "numberUnavailable", .int32,
          "Nodes that should run an available daemon pod but do not."),
        FieldSchema(
          "collisionCount", .int32,
          "A counter the controller uses to avoid name collisions when it creates new revisions."),
        FieldSchema(
          "conditions",
          .named("[]v1.DaemonSetCondition", .array(.object("apps.DaemonSetCondition"))),
          "The latest observations of the object's state, one entry per condition type."),
      ]),
    StructSchema(
      "apps.DaemonSetCondition",
      [
        FieldSchema(
          "type", .named("v1.DaemonSetConditionType", .string), required: true, emitted: true,
          "The type of this item."),
        FieldSchema(
          "status", .named("v1.ConditionStatus", .string), required: true, emitted: true,
          enum: ["True", "False", "Unknown"],
          "The status of the condition: True, False or Unknown."),
        FieldSchema(
          "lastTransitionTime", .time, emitted: true,
          "When the condition last changed from one status to another."),
        FieldSchema(
          "reason", .string,
          "A short CamelCase word explaining the last transition."),
        FieldSchema(
          "message", .string,
          "A human-readable explanation of the condition or state."),
      ]),
    StructSchema(
      "apps.Deployment",
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
          "spec", .object("apps.DeploymentSpec"), emitted: true,
          "The desired behaviour of the deployment."),
        FieldSchema(
          "status", .object("apps.DeploymentStatus"), emitted: true,
          "The most recently observed state of the deployment."),
      ]),
    StructSchema(
      "apps.DeploymentSpec",
      [
        FieldSchema(
          "replicas", .int32,
          "How many pods to run. Defaults to 1."),
        FieldSchema(
          "selector", .object("meta.LabelSelector"), required: true, emitted: true, pointer: true,
          """
          Which pods the deployment manages. It must match the template's labels and cannot be \
          changed in apps/v1.
          """),
        FieldSchema(
          "template", .object("core.PodTemplateSpec"), required: true, emitted: true,
          "The pod template new pods are made from. Its restartPolicy must be Always."),
        FieldSchema(
          "strategy", .object("apps.DeploymentStrategy"), emitted: true,
          "How old pods are replaced by new ones when the template changes."),
        FieldSchema(
          "minReadySeconds", .int32,
          "How long a new pod must be ready before it counts as available. Defaults to 0."),
        FieldSchema(
          "revisionHistoryLimit", .int32,
          "How many old ReplicaSets to keep for rollback. Defaults to 10."),
        FieldSchema(
          "paused", .boolean,
          "When true, template changes do not start a rollout."),
        FieldSchema(
          "progressDeadlineSeconds", .int32,
          """
          Seconds a rollout may make no progress before it is reported as failed. Defaults to 600.
          """),
      ]),
    StructSchema(
      "apps.DeploymentStrategy",
      [
        FieldSchema(
          "type", .named("v1.DeploymentStrategyType", .string),
          enum: ["Recreate", "RollingUpdate"],
          """
          RollingUpdate replaces pods gradually; Recreate deletes all old pods before creating new \
          ones. Defaults to RollingUpdate.
          """),
        FieldSchema(
          "rollingUpdate", .object("apps.RollingUpdateDeployment"),
          "Settings for a rolling update."),
      ]),
    StructSchema(
      "apps.RollingUpdateDeployment",
      [
        FieldSchema(
          "maxUnavailable", .intOrString,
          """
          The most pods that may be unavailable during the update, as a number or percentage. \
          Defaults to 25%.
          """),
        FieldSchema(
          "maxSurge", .intOrString,
          """
          The most pods that may exist above replicas during the update, as a number or \
          percentage. Defaults to 25%.
          """),
      ]),
    StructSchema(
      "apps.DeploymentStatus",
      [
        FieldSchema(
          "observedGeneration", .int64,
          """
          The metadata.generation the controller last acted on. When it is behind \
          metadata.generation, the status is stale.
          """),
        FieldSchema(
          "replicas", .int32,
          "Pods targeted by the deployment, old and new."),
        FieldSchema(
          "updatedReplicas", .int32,
          "Pods that run the latest template."),
        FieldSchema(
          "readyReplicas", .int32,
          "Pods that are ready."),
        FieldSchema(
          "availableReplicas", .int32,
          "Pods that have been ready for at least minReadySeconds."),
        FieldSchema(
          "unavailableReplicas", .int32,
          "Pods still needed for the deployment to have 100% available capacity."),
        FieldSchema(
          "conditions",
          .named("[]v1.DeploymentCondition", .array(.object("apps.DeploymentCondition"))),
          "The latest observations of the object's state, one entry per condition type."),
        FieldSchema(
          "collisionCount", .int32,
          "A counter the controller uses to avoid name collisions when it creates new revisions."),
      ]),
    StructSchema(
      "apps.DeploymentCondition",
      [
        FieldSchema(
          "type", .named("v1.DeploymentConditionType", .string), required: true, emitted: true,
          enum: ["Available", "Progressing", "ReplicaFailure"],
          "The type of this item."),
        FieldSchema(
          "status", .named("v1.ConditionStatus", .string), required: true, emitted: true,
          enum: ["True", "False", "Unknown"],
          "The status of the condition: True, False or Unknown."),
        FieldSchema(
          "lastUpdateTime", .time, emitted: true,
          "When this condition was last updated."),
        FieldSchema(
          "lastTransitionTime", .time, emitted: true,
          "When the condition last changed from one status to another."),
        FieldSchema(
          "reason", .string,
          "A short CamelCase word explaining the last transition."),
        FieldSchema(
          "message", .string,
          "A human-readable explanation of the condition or state."),
      ]),
    StructSchema(
      "apps.ReplicaSet",
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
          "spec", .object("apps.ReplicaSetSpec"), emitted: true,
          "The desired behaviour of the replica set."),
        FieldSchema(
          "status", .object("apps.ReplicaSetStatus"), emitted: true,
          "The most recently observed state of the replica set."),
      ]),
    StructSchema(
      "apps.ReplicaSetSpec",
      [
        FieldSchema(
          "replicas", .int32,
          "How many pods to run. Defaults to 1."),
        FieldSchema(
          "minReadySeconds", .int32,
          """
          How long a new pod must be ready, without any container crashing, before it counts as \
          available. Defaults to 0.
          """),
        FieldSchema(
          "selector", .object("meta.LabelSelector"), required: true, emitted: true, pointer: true,
          "Which pods the replica set manages. It must match the template's labels."),
        FieldSchema(
          "template", .object("core.PodTemplateSpec"), emitted: true,
          "The pod template new pods are made from."),
      ]),
    StructSchema(
      "apps.ReplicaSetStatus",
      [
        FieldSchema(
          "replicas", .int32, required: true, emitted: true,
          "How many pods the replica set currently has."),
        FieldSchema(
          "fullyLabeledReplicas", .int32,
          "Pods whose labels match the template's labels."),
        FieldSchema(
          "readyReplicas", .int32,
          "Pods that are ready."),
        FieldSchema(
          "availableReplicas", .int32,
          "Pods that have been ready for at least minReadySeconds."),
        FieldSchema(
          "observedGeneration", .int64,
          """
          The metadata.generation the controller last acted on. When it is behind \
          metadata.generation, the status is stale.
          """),
        FieldSchema(
          "conditions",
          .named("[]v1.ReplicaSetCondition", .array(.object("apps.ReplicaSetCondition"))),
          "The latest observations of the object's state, one entry per condition type."),
      ]),
    StructSchema(
      "apps.ReplicaSetCondition",
      [
        FieldSchema(
          "type", .named("v1.ReplicaSetConditionType", .string), required: true, emitted: true,
          enum: ["ReplicaFailure"],
          "The type of this item."),
        FieldSchema(
          "status", .named("v1.ConditionStatus", .string), required: true, emitted: true,
          enum: ["True", "False", "Unknown"],
          "The status of the condition: True, False or Unknown."),
        FieldSchema(
          "lastTransitionTime", .time, emitted: true,
          "When the condition last changed from one status to another."),
        FieldSchema(
          "reason", .string,
          "A short CamelCase word explaining the last transition."),
        FieldSchema(
          "message", .string,
          "A human-readable explanation of the condition or state."),
      ]),
    StructSchema(
      "apps.StatefulSet",
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
          "spec", .object("apps.StatefulSetSpec"), emitted: true,
          "The desired behaviour of the stateful set."),
        FieldSchema(
          "status", .object("apps.StatefulSetStatus"), emitted: true,
          "The most recently observed state of the stateful set."),
      ]),
    StructSchema(
      "apps.StatefulSetSpec",
      [
        FieldSchema(
          "replicas", .int32,
          "How many pods to run. Defaults to 1."),
        FieldSchema(
          "selector", .object("meta.LabelSelector"), required: true, emitted: true, pointer: true,
          """
          Which pods the stateful set manages. It must match the template's labels and cannot be \
          changed.
          """),
        FieldSchema(
          "template", .object("core.PodTemplateSpec"), required: true, emitted: true,
          "The template each pod is made from; pods are named <statefulset>-<ordinal>."),
        FieldSchema(
          "volumeClaimTemplates",
          .named("[]v1.PersistentVolumeClaim", .array(.object("core.PersistentVolumeClaim"))),
          """
          Claims made for each pod, named <template>-<statefulset>-<ordinal>, which outlive the \
          pods.
          """),
        FieldSchema(
          "serviceName", .string, required: true, emitted: true,
          "The headless service that gives each pod a stable DNS name."),
        FieldSchema(
          "podManagementPolicy", .named("v1.PodManagementPolicyType", .string),
          enum: ["OrderedReady", "Parallel"],
          """
          OrderedReady starts and stops pods one at a time in order; Parallel does not wait. \
          Defaults to OrderedReady.
          """),
        FieldSchema(
          "updateStrategy", .object("apps.StatefulSetUpdateStrategy"), emitted: true,
          "How pods are replaced when the template changes."),
        FieldSchema(
          "revisionHistoryLimit", .int32,
          "How many old revisions to keep for rollback. Defaults to 10."),
        FieldSchema(
          "minReadySeconds", .int32,
          "How long a new pod must be ready before it counts as available. Defaults to 0."),
        FieldSchema(
          "persistentVolumeClaimRetentionPolicy",
          .object("apps.StatefulSetPersistentVolumeClaimRetentionPolicy"),
          """
          Whether claims from volumeClaimTemplates are deleted when the set is deleted or scaled \
          down.
          """),
        FieldSchema(
          "ordinals", .object("apps.StatefulSetOrdinals"),
          "The numbering of the set's pods."),
      ]),
    StructSchema(
      "apps.StatefulSetUpdateStrategy",
      [
        FieldSchema(
          "type", .named("v1.StatefulSetUpdateStrategyType", .string),
          enum: ["RollingUpdate", "OnDelete"],
          """
          RollingUpdate replaces pods in reverse order; OnDelete replaces a pod only when it is \
          deleted. Defaults to RollingUpdate.
          """),
        FieldSchema(
          "rollingUpdate", .object("apps.RollingUpdateStatefulSetStrategy"),
          "Settings for a rolling update."),
      ]),
    StructSchema(
      "apps.RollingUpdateStatefulSetStrategy",
      [
        FieldSchema(
          "partition", .int32,
          "Only pods with an ordinal at or above this number are updated. Defaults to 0."),
        FieldSchema(
          "maxUnavailable", .intOrString,
          "The most pods that may be unavailable during the update (alpha)."),
      ]),
    StructSchema(
      "apps.StatefulSetPersistentVolumeClaimRetentionPolicy",
      [
        FieldSchema(
          "whenDeleted", .named("v1.PersistentVolumeClaimRetentionPolicyType", .string),
          enum: ["Retain", "Delete"],
          """
          What happens to the claims when the stateful set is deleted: Retain or Delete. Defaults \
          to Retain.
          """),
        FieldSchema(
          "whenScaled", .named("v1.PersistentVolumeClaimRetentionPolicyType", .string),
          enum: ["Retain", "Delete"],
          """
          What happens to a pod's claims when the set is scaled down: Retain or Delete. Defaults \
          to Retain.
          """),
      ]),
    StructSchema(
      "apps.StatefulSetOrdinals",
      [
        FieldSchema(
          "start", .int32, emitted: true,
          "The number given to the first pod. Defaults to 0.")
      ]),
    StructSchema(
      "apps.StatefulSetStatus",
      [
        FieldSchema(
          "observedGeneration", .int64,
          """
          The metadata.generation the controller last acted on. When it is behind \
          metadata.generation, the status is stale.
          """),
        FieldSchema(
          "replicas", .int32, required: true, emitted: true,
          "Pods the stateful set has created."),
        FieldSchema(
          "readyReplicas", .int32,
          "Pods that are ready."),
        FieldSchema(
          "currentReplicas", .int32,
          "Pods running the currentRevision."),
        FieldSchema(
          "updatedReplicas", .int32,
          "Pods running the updateRevision."),
        FieldSchema(
          "currentRevision", .string,
          "The revision of the pods at ordinals below the partition."),
        FieldSchema(
          "updateRevision", .string,
          "The latest revision, being rolled out."),
        FieldSchema(
          "collisionCount", .int32,
          "A counter the controller uses to avoid name collisions when it creates new revisions."),
        FieldSchema(
          "conditions",
          .named("[]v1.StatefulSetCondition", .array(.object("apps.StatefulSetCondition"))),
          "The latest observations of the object's state, one entry per condition type."),
        FieldSchema(
          "availableReplicas", .int32, emitted: true,
          "Pods that have been ready for at least minReadySeconds."),
      ]),
    StructSchema(
      "apps.StatefulSetCondition",
      [
        FieldSchema(
          "type", .named("v1.StatefulSetConditionType", .string), required: true, emitted: true,
          "The type of this item."),
        FieldSchema(
          "status", .named("v1.ConditionStatus", .string), required: true, emitted: true,
          enum: ["True", "False", "Unknown"],
          "The status of the condition: True, False or Unknown."),
        FieldSchema(
          "lastTransitionTime", .time, emitted: true,
          "When the condition last changed from one status to another."),
        FieldSchema(
          "reason", .string,
          "A short CamelCase word explaining the last transition."),
        FieldSchema(
          "message", .string,
          "A human-readable explanation of the condition or state."),
      ]),
  ]
}
