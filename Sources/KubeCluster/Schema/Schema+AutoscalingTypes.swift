// Field schemas of `autoscaling/v2`, as of Kubernetes 1.32.
// Descriptions are kubetutor's own wording.

extension Schema {
  /// The object types of `autoscaling/v2` that the simulated kinds use.
  static let autoscalingTypes: [StructSchema] = [
    StructSchema(
      "autoscaling.HorizontalPodAutoscaler",
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
          "spec", .object("autoscaling.HorizontalPodAutoscalerSpec"), emitted: true,
          "How the autoscaler should behave."),
        FieldSchema(
          "status", .object("autoscaling.HorizontalPodAutoscalerStatus"), emitted: true,
          "The autoscaler's current state."),
      ]),
    StructSchema(
      "autoscaling.HorizontalPodAutoscalerSpec",
      [
        FieldSchema(
          "scaleTargetRef", .object("autoscaling.CrossVersionObjectReference"), required: true,
          emitted: true,
          "The resource to scale, such as a Deployment."),
        FieldSchema(
          "minReplicas", .int32,
          "The fewest replicas to scale down to. Defaults to 1."),
        FieldSchema(
          "maxReplicas", .int32, required: true, emitted: true,
          "The most replicas to scale up to. Must not be less than minReplicas."),
        FieldSchema(
          "metrics", .named("[]v2.MetricSpec", .array(.object("autoscaling.MetricSpec"))),
          """
          The metrics to compute the desired replica count from. Defaults to 80% average CPU \
          utilization.
          """),
        FieldSchema(
          "behavior", .object("autoscaling.HorizontalPodAutoscalerBehavior"),
          "How fast to scale up and down."),
      ]),
    StructSchema(
      "autoscaling.CrossVersionObjectReference",
      [
        FieldSchema(
          "kind", .string, required: true,
          "The kind of the target, such as Deployment."),
        FieldSchema(
          "name", .string, required: true, emitted: true,
          "The name of the target."),
        FieldSchema(
          "apiVersion", .string,
          "The API version of the target, such as apps/v1."),
      ]),
    StructSchema(
      "autoscaling.MetricSpec",
      [
        FieldSchema(
          "type", .named("v2.MetricSourceType", .string), required: true, emitted: true,
          enum: ["Object", "Pods", "Resource", "ContainerResource", "External"],
          "The kind of metric source: ContainerResource, External, Object, Pods or Resource."),
        FieldSchema(
          "object", .object("autoscaling.ObjectMetricSource"),
          "A metric describing a single object, such as requests per second on an Ingress."),
        FieldSchema(
          "pods", .object("autoscaling.PodsMetricSource"),
          "A metric averaged across the target's pods."),
        FieldSchema(
          "resource", .object("autoscaling.ResourceMetricSource"),
          "A resource metric, such as cpu or memory, averaged across pods."),
        FieldSchema(
          "containerResource", .object("autoscaling.ContainerResourceMetricSource"),
          "A resource metric of one container in each pod."),
        FieldSchema(
          "external", .object("autoscaling.ExternalMetricSource"),
          "A metric from outside the cluster."),
      ]),
    StructSchema(
      "autoscaling.ObjectMetricSource",
      [
        FieldSchema(
          "describedObject", .object("autoscaling.CrossVersionObjectReference"), required: true,
          emitted: true,
          "The object the metric describes."),
        FieldSchema(
          "target", .object("autoscaling.MetricTarget"), required: true, emitted: true,
          "The target value."),
        FieldSchema(
          "metric", .object("autoscaling.MetricIdentifier"), required: true, emitted: true,
          "The metric to use."),
      ]),
    StructSchema(
      "autoscaling.MetricTarget",
      [
        FieldSchema(
          "type", .named("v2.MetricTargetType", .string), required: true, emitted: true,
          enum: ["Utilization", "Value", "AverageValue"],
          "Utilization, Value or AverageValue."),
        FieldSchema(
          "value", .quantity,
          "The target value of the metric."),
        FieldSchema(
          "averageValue", .quantity,
          "The target value averaged across pods."),
        FieldSchema(
          "averageUtilization", .int32,
          "The target average as a percentage of the pods' requests, for resource metrics."),
      ]),
    StructSchema(
      "autoscaling.MetricIdentifier",
      [
        FieldSchema(
          "name", .string, required: true, emitted: true,
          "The name of the metric."),
        FieldSchema(
          "selector", .object("meta.LabelSelector"),
          "Labels that narrow the metric further."),
      ]),
    StructSchema(
      "autoscaling.PodsMetricSource",
      [
        FieldSchema(
          "metric", .object("autoscaling.MetricIdentifier"), required: true, emitted: true,
          "The metric to use."),
        FieldSchema(
          "target", .object("autoscaling.MetricTarget"), required: true, emitted: true,
          "The target value."),
      ]),
    StructSchema(
      "autoscaling.ResourceMetricSource",
      [
        FieldSchema(
          "name", .named("v1.ResourceName", .string), required: true, emitted: true,
          enum: [
            "cpu", "memory", "storage", "ephemeral-storage", "pods", "services",
            "replicationcontrollers", "resourcequotas", "secrets", "configmaps",
            "persistentvolumeclaims", "services.nodeports", "services.loadbalancers",
            "requests.cpu", "requests.memory", "requests.storage", "requests.ephemeral-storage",
            "limits.cpu", "limits.memory", "limits.ephemeral-storage",
          ],
          "The resource, such as cpu or memory."),
        FieldSchema(
          "target", .object("autoscaling.MetricTarget"), required: true, emitted: true,
          "The target value."),
      ]),
    StructSchema(
      "autoscaling.ContainerResourceMetricSource",
      [
        FieldSchema(
          "name", .named("v1.ResourceName", .string), required: true, emitted: true,
          enum: [
            "cpu", "memory", "storage", "ephemeral-storage", "pods", "services",
            "replicationcontrollers", "resourcequotas", "secrets", "configmaps",
            "persistentvolumeclaims", "services.nodeports", "services.loadbalancers",
            "requests.cpu", "requests.memory", "requests.storage", "requests.ephemeral-storage",
            "limits.cpu", "limits.memory", "limits.ephemeral-storage",
          ],
          "The resource, such as cpu or memory."),
        FieldSchema(
          "target", .object("autoscaling.MetricTarget"), required: true, emitted: true,
          "The target value."),
        FieldSchema(
          "container", .string, required: true, emitted: true,
          "The container whose usage is measured."),
      ]),
    StructSchema(
      "autoscaling.ExternalMetricSource",
      [
        FieldSchema(
          "metric", .object("autoscaling.MetricIdentifier"), required: true, emitted: true,
          "The metric to use."),
        FieldSchema(
          "target", .object("autoscaling.MetricTarget"), required: true, emitted: true,
          "The target value."),
      ]),
    StructSchema(
      "autoscaling.HorizontalPodAutoscalerBehavior",
      [
        FieldSchema(
          "scaleUp", .object("autoscaling.HPAScalingRules"),
          "Rules for scaling up."),
        FieldSchema(
          "scaleDown", .object("autoscaling.HPAScalingRules"),
          "Rules for scaling down."),
      ]),
    StructSchema(
      "autoscaling.HPAScalingRules",
      [
        FieldSchema(
          "stabilizationWindowSeconds", .int32,
          """
          How far back to look at earlier recommendations, to avoid flapping. Defaults to 0 for \
          scaling up and 300 for scaling down.
          """),
        FieldSchema(
          "selectPolicy", .named("v2.ScalingPolicySelect", .string),
          enum: ["Max", "Min", "Disabled"],
          "Which policy wins when several apply: Max, Min or Disabled."),
        FieldSchema(
          "policies",
          .named("[]v2.HPAScalingPolicy", .array(.object("autoscaling.HPAScalingPolicy"))),
          "The policies limiting how much can change per period."),
      ]),
    StructSchema(
      "autoscaling.HPAScalingPolicy",
      [
        FieldSchema(
          "type", .named("v2.HPAScalingPolicyType", .string), required: true, emitted: true,
          enum: ["Pods", "Percent"],
          "Pods or Percent."),
        FieldSchema(
          "value", .int32, required: true, emitted: true,
          "How many pods, or what percentage, may change per period."),
        FieldSchema(
          "periodSeconds", .int32, required: true, emitted: true,
          "The length of the period, from 1 to 1800 seconds."),
      ]),
    StructSchema(
      "autoscaling.HorizontalPodAutoscalerStatus",
      [
        FieldSchema(
          "observedGeneration", .int64,
          """
          The metadata.generation the controller last acted on. When it is behind \
          metadata.generation, the status is stale.
          """),
        FieldSchema(
          "lastScaleTime", .time,
          "When the autoscaler last changed the replica count."),
        FieldSchema(
          "currentReplicas", .int32,
          "The current number of replicas."),
        FieldSchema(
          "desiredReplicas", .int32, required: true, emitted: true,
          "The replica count the autoscaler last computed."),
        FieldSchema(
          "currentMetrics",
          .named("[]v2.MetricStatus", .array(.object("autoscaling.MetricStatus"))), emitted: true,
          "The last values read for each metric."),
        FieldSchema(
          "conditions",
          .named(
            "[]v2.HorizontalPodAutoscalerCondition",
            .array(.object("autoscaling.HorizontalPodAutoscalerCondition"))),
          "The latest observations of the object's state, one entry per condition type."),
      ]),
    StructSchema(
      "autoscaling.MetricStatus",
      [
        FieldSchema(
          "type", .named("v2.MetricSourceType", .string), required: true, emitted: true,
          enum: ["Object", "Pods", "Resource", "ContainerResource", "External"],
          "The kind of metric source."),
        FieldSchema(
          "object", .object("autoscaling.ObjectMetricStatus"),
          "The status of an object metric."),
        FieldSchema(
          "pods", .object("autoscaling.PodsMetricStatus"),
          "The status of a pods metric."),
        FieldSchema(
          "resource", .object("autoscaling.ResourceMetricStatus"),
          "The status of a resource metric."),
        FieldSchema(
          "containerResource", .object("autoscaling.ContainerResourceMetricStatus"),
          "The status of a container resource metric."),
        FieldSchema(
          "external", .object("autoscaling.ExternalMetricStatus"),
          "The status of an external metric."),
      ]),
    StructSchema(
      "autoscaling.ObjectMetricStatus",
      [
        FieldSchema(
          "metric", .object("autoscaling.MetricIdentifier"), required: true, emitted: true,
          "Identifies the metric by name and selector."),
        FieldSchema(
          "current", .object("autoscaling.MetricValueStatus"), required: true, emitted: true,
          "The current value of the metric."),
        FieldSchema(
          "describedObject", .object("autoscaling.CrossVersionObjectReference"), required: true,
          emitted: true,
          "The object the metric describes."),
      ]),
    StructSchema(
      "autoscaling.MetricValueStatus",
      [
        FieldSchema(
          "value", .quantity,
          "The current value."),
        FieldSchema(
          "averageValue", .quantity,
          "The current value averaged across pods."),
        FieldSchema(
          "averageUtilization", .int32,
          "The current average as a percentage of requests."),
      ]),
    StructSchema(
      "autoscaling.PodsMetricStatus",
      [
        FieldSchema(
          "metric", .object("autoscaling.MetricIdentifier"), required: true, emitted: true,
          "Identifies the metric by name and selector."),
        FieldSchema(
          "current", .object("autoscaling.MetricValueStatus"), required: true, emitted: true,
          "The current value of the metric."),
      ]),
    StructSchema(
      "autoscaling.ResourceMetricStatus",
      [
        FieldSchema(
          "name", .named("v1.ResourceName", .string), required: true, emitted: true,
          enum: [
            "cpu", "memory", "storage", "ephemeral-storage", "pods", "services",
            "replicationcontrollers", "resourcequotas", "secrets", "configmaps",
            "persistentvolumeclaims", "services.nodeports", "services.loadbalancers",
            "requests.cpu", "requests.memory", "requests.storage", "requests.ephemeral-storage",
            "limits.cpu", "limits.memory", "limits.ephemeral-storage",
          ],
          "The resource."),
        FieldSchema(
          "current", .object("autoscaling.MetricValueStatus"), required: true, emitted: true,
          "The current value of the metric."),
      ]),
    StructSchema(
      "autoscaling.ContainerResourceMetricStatus",
      [
        FieldSchema(
          "name", .named("v1.ResourceName", .string), required: true, emitted: true,
          enum: [
            "cpu", "memory", "storage", "ephemeral-storage", "pods", "services",
            "replicationcontrollers", "resourcequotas", "secrets", "configmaps",
            "persistentvolumeclaims", "services.nodeports", "services.loadbalancers",
            "requests.cpu", "requests.memory", "requests.storage", "requests.ephemeral-storage",
            "limits.cpu", "limits.memory", "limits.ephemeral-storage",
          ],
          "The resource."),
        FieldSchema(
          "current", .object("autoscaling.MetricValueStatus"), required: true, emitted: true,
          "The current value of the metric."),
        FieldSchema(
          "container", .string, required: true, emitted: true,
          "The name of the container in the pods of the scaling target."),
      ]),
    StructSchema(
      "autoscaling.ExternalMetricStatus",
      [
        FieldSchema(
          "metric", .object("autoscaling.MetricIdentifier"), required: true, emitted: true,
          "Identifies the metric by name and selector."),
        FieldSchema(
          "current", .object("autoscaling.MetricValueStatus"), required: true, emitted: true,
          "The current value of the metric."),
      ]),
    StructSchema(
      "autoscaling.HorizontalPodAutoscalerCondition",
      [
        FieldSchema(
          "type", .named("v2.HorizontalPodAutoscalerConditionType", .string), required: true,
          emitted: true, enum: ["ScalingActive", "AbleToScale", "ScalingLimited"],
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
