// Field schemas of the core group (`v1`), as of Kubernetes 1.32.
// Descriptions are kubetutor's own wording.

extension Schema {
  /// The object types of the core group (`v1`) that the simulated kinds use.
  static let coreTypes: [StructSchema] = [
    StructSchema(
      "core.Binding",
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
          "target", .object("core.ObjectReference"), required: true, emitted: true,
          "The object to bind to, normally a Node named by name."),
      ]),
    StructSchema(
      "core.ObjectReference",
      [
        FieldSchema(
          "kind", .string,
          "The kind of the referenced object."),
        FieldSchema(
          "namespace", .string,
          "The namespace of the referenced object."),
        FieldSchema(
          "name", .string,
          "The name of the referenced object."),
        FieldSchema(
          "uid", .named("types.UID", .string),
          "The UID of the referenced object."),
        FieldSchema(
          "apiVersion", .string,
          "The API version of the referenced object."),
        FieldSchema(
          "resourceVersion", .string,
          "The resource version the reference was made against."),
        FieldSchema(
          "fieldPath", .string,
          """
          A field inside the object that the reference points at, such as spec.containers{web}, \
          when it refers to part of an object.
          """),
      ]),
    StructSchema(
      "core.ConfigMap",
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
          "immutable", .boolean,
          """
          When true, the data cannot be changed after creation; only metadata can be updated. \
          Defaults to false.
          """),
        FieldSchema(
          "data", .map(.string),
          "Configuration entries as UTF-8 strings. Keys must be letters, digits, '-', '_' or '.'."),
        FieldSchema(
          "binaryData", .map(.bytes),
          """
          Configuration entries holding binary values, base64-encoded. Keys must not repeat those \
          in data.
          """),
      ]),
    StructSchema(
      "core.Endpoints",
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
          "subsets", .named("[]v1.EndpointSubset", .array(.object("core.EndpointSubset"))),
          "Groups of addresses that all share the same set of ports."),
      ]),
    StructSchema(
      "core.EndpointSubset",
      [
        FieldSchema(
          "addresses", .named("[]v1.EndpointAddress", .array(.object("core.EndpointAddress"))),
          "Addresses of endpoints that are ready to receive traffic."),
        FieldSchema(
          "notReadyAddresses",
          .named("[]v1.EndpointAddress", .array(.object("core.EndpointAddress"))),
          """
          Addresses of endpoints that exist but are not ready yet, or are failing readiness \
          checks.
          """),
        FieldSchema(
          "ports", .named("[]v1.EndpointPort", .array(.object("core.EndpointPort"))),
          "The ports available on every address in this subset."),
      ]),
    StructSchema(
      "core.EndpointAddress",
      [
        FieldSchema(
          "ip", .string, required: true, emitted: true,
          "The IP address of the endpoint."),
        FieldSchema(
          "hostname", .string,
          "The host name of the endpoint, used for DNS records of headless services."),
        FieldSchema(
          "nodeName", .string,
          "The node hosting this endpoint."),
        FieldSchema(
          "targetRef", .object("core.ObjectReference"),
          "The object, usually a pod, that provides this endpoint."),
      ]),
    StructSchema(
      "core.EndpointPort",
      [
        FieldSchema(
          "name", .string,
          """
          The name of the port; it matches the name of a service port. Required when there is more \
          than one port.
          """),
        FieldSchema(
          "port", .int32, required: true, emitted: true,
          "The port number."),
        FieldSchema(
          "protocol", .named("v1.Protocol", .string), enum: ["TCP", "UDP", "SCTP"],
          "The network protocol: TCP, UDP or SCTP. Defaults to TCP."),
        FieldSchema(
          "appProtocol", .string,
          """
          The application protocol carried by this port, as a hint to implementations, such as \
          http or kubernetes.io/h2c.
          """),
      ]),
    StructSchema(
      "core.Event",
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
          "metadata", .object("meta.ObjectMeta"), required: true, emitted: true,
          """
          Standard object metadata: name, namespace, labels, annotations and the fields the system \
          manages.
          """),
        FieldSchema(
          "involvedObject", .object("core.ObjectReference"), required: true, emitted: true,
          "The object this event is about."),
        FieldSchema(
          "reason", .string,
          "A short CamelCase word for why the event happened, such as Scheduled or BackOff."),
        FieldSchema(
          "message", .string,
          "A human-readable description of what happened."),
        FieldSchema(
          "source", .object("core.EventSource"), emitted: true,
          "The component and host that reported the event."),
        FieldSchema(
          "firstTimestamp", .time, emitted: true,
          "When the event was first recorded."),
        FieldSchema(
          "lastTimestamp", .time, emitted: true,
          "When the event was most recently recorded."),
        FieldSchema(
          "count", .int32,
          "How many times this event has occurred."),
        FieldSchema(
          "type", .string,
          "The type of event: Normal or Warning."),
        FieldSchema(
          "eventTime", .named("v1.MicroTime", .time), emitted: true,
          "When the event was first observed, with microsecond precision."),
        FieldSchema(
          "series", .object("core.EventSeries"),
          "Data about a series of repeated events, if this event is one of them."),
        FieldSchema(
          "action", .string,
          "What action was taken, or failed, in relation to the object."),
        FieldSchema(
          "related", .object("core.ObjectReference"),
          "A second object involved in the event, if any."),
        FieldSchema(
          "reportingComponent", .string, emitted: true,
          "The controller that emitted the event, such as kubernetes.io/kubelet."),
        FieldSchema(
          "reportingInstance", .string, emitted: true,
          """
          The instance of the controller that emitted the event, such as the kubelet's node name.
          """),
      ]),
    StructSchema(
      "core.EventSource",
      [
        FieldSchema(
          "component", .string,
          "The component that generated the event."),
        FieldSchema(
          "host", .string,
          "The node that generated the event."),
      ]),
    StructSchema(
      "core.EventSeries",
      [
        FieldSchema(
          "count", .int32,
          "How many events have occurred in this series so far."),
        FieldSchema(
          "lastObservedTime", .named("v1.MicroTime", .time), emitted: true,
          "When the last event in the series was seen."),
      ]),
    StructSchema(
      "core.LimitRange",
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
          "spec", .object("core.LimitRangeSpec"), emitted: true,
          "The limits enforced in this namespace."),
      ]),
    StructSchema(
      "core.LimitRangeSpec",
      [
        FieldSchema(
          "limits", .named("[]v1.LimitRangeItem", .array(.object("core.LimitRangeItem"))),
          required: true, emitted: true,
          "The limits, one item per object type.")
      ]),
    StructSchema(
      "core.LimitRangeItem",
      [
        FieldSchema(
          "type", .named("v1.LimitType", .string), required: true, emitted: true,
          enum: ["Pod", "Container", "PersistentVolumeClaim"],
          "The kind of object the limits apply to: Container, Pod or PersistentVolumeClaim."),
        FieldSchema(
          "max", .named("v1.ResourceList", .map(.quantity)),
          "The most of each resource an object of this type may use."),
        FieldSchema(
          "min", .named("v1.ResourceList", .map(.quantity)),
          "The least of each resource an object of this type must ask for."),
        FieldSchema(
          "default", .named("v1.ResourceList", .map(.quantity)),
          "The limit given to a container that does not set one."),
        FieldSchema(
          "defaultRequest", .named("v1.ResourceList", .map(.quantity)),
          "The request given to a container that does not set one."),
        FieldSchema(
          "maxLimitRequestRatio", .named("v1.ResourceList", .map(.quantity)),
          "The highest allowed ratio of limit to request for each resource."),
      ]),
    StructSchema(
      "core.Namespace",
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
          "spec", .object("core.NamespaceSpec"), emitted: true,
          "The behaviour of the namespace, currently its finalizers."),
        FieldSchema(
          "status", .object("core.NamespaceStatus"), emitted: true,
          "The namespace's lifecycle phase and conditions."),
      ]),
    StructSchema(
      "core.NamespaceSpec",
      [
        FieldSchema(
          "finalizers", .named("[]v1.FinalizerName", .array(.named("v1.FinalizerName", .string))),
          """
          Values that must be removed before the namespace can be deleted from storage. The server \
          adds kubernetes by default.
          """)
      ]),
    StructSchema(
      "core.NamespaceStatus",
      [
        FieldSchema(
          "phase", .named("v1.NamespacePhase", .string), enum: ["Active", "Terminating"],
          "The namespace's lifecycle phase: Active, or Terminating while it is being deleted."),
        FieldSchema(
          "conditions",
          .named("[]v1.NamespaceCondition", .array(.object("core.NamespaceCondition"))),
          "The latest observations of the namespace's state."),
      ]),
    StructSchema(
      "core.NamespaceCondition",
      [
        FieldSchema(
          "type", .named("v1.NamespaceConditionType", .string), required: true, emitted: true,
          enum: [
            "NamespaceDeletionDiscoveryFailure", "NamespaceDeletionContentFailure",
            "NamespaceDeletionGroupVersionParsingFailure", "NamespaceContentRemaining",
            "NamespaceFinalizersRemaining",
          ],
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
      "core.Node",
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
          "spec", .object("core.NodeSpec"), emitted: true,
          "How the node should behave, such as whether new pods may be scheduled on it."),
        FieldSchema(
          "status", .object("core.NodeStatus"), emitted: true,
          "The node's most recently observed state, reported by its kubelet."),
      ]),
    StructSchema(
      "core.NodeSpec",
      [
        FieldSchema(
          "podCIDR", .string,
          "The IP range assigned to pods on this node."),
        FieldSchema(
          "podCIDRs", .array(.string),
          "The IP ranges assigned to pods on this node, at most one per IP family."),
        FieldSchema(
          "providerID", .string,
          "The node's ID in the cloud provider, in the form provider://id."),
        FieldSchema(
          "unschedulable", .boolean,
          "When true, no new pods are scheduled on the node. Set by kubectl cordon."),
        FieldSchema(
          "taints", .named("[]v1.Taint", .array(.object("core.Taint"))),
          "Taints that repel pods which do not tolerate them."),
        FieldSchema(
          "configSource", .named("v1.NodeConfigSource", .anyObject),
          "Deprecated; no longer used."),
        FieldSchema(
          "externalID", .string,
          "Deprecated; not used."),
      ]),
    StructSchema(
      "core.Taint",
      [
        FieldSchema(
          "key", .string, required: true, emitted: true,
          "The taint key."),
        FieldSchema(
          "value", .string,
          "The taint value, matched by tolerations with operator Equal."),
        FieldSchema(
          "effect", .named("v1.TaintEffect", .string), required: true, emitted: true,
          enum: ["NoSchedule", "PreferNoSchedule", "NoExecute"],
          """
          What happens to pods that do not tolerate the taint: NoSchedule, PreferNoSchedule or \
          NoExecute.
          """),
        FieldSchema(
          "timeAdded", .time,
          "When a NoExecute taint was added."),
      ]),
    StructSchema(
      "core.NodeStatus",
      [
        FieldSchema(
          "capacity", .named("v1.ResourceList", .map(.quantity)),
          "The total resources of the node, such as cpu, memory and pods."),
        FieldSchema(
          "allocatable", .named("v1.ResourceList", .map(.quantity)),
          "The resources available for pods after system reservations. Defaults to capacity."),
        FieldSchema(
          "phase", .named("v1.NodePhase", .string), enum: ["Pending", "Running", "Terminated"],
          "Deprecated; no longer set."),
        FieldSchema(
          "conditions", .named("[]v1.NodeCondition", .array(.object("core.NodeCondition"))),
          "Conditions such as Ready, MemoryPressure and DiskPressure."),
        FieldSchema(
          "addresses", .named("[]v1.NodeAddress", .array(.object("core.NodeAddress"))),
          "The addresses the node can be reached at, such as InternalIP and Hostname."),
        FieldSchema(
          "daemonEndpoints", .object("core.NodeDaemonEndpoints"), emitted: true,
          "The ports of the daemons running on the node."),
        FieldSchema(
          "nodeInfo", .object("core.NodeSystemInfo"), emitted: true,
          "Facts about the node's machine and software versions."),
        FieldSchema(
          "images", .named("[]v1.ContainerImage", .array(.object("core.ContainerImage"))),
          "The container images present on the node."),
        FieldSchema(
          "volumesInUse",
          .named("[]v1.UniqueVolumeName", .array(.named("v1.UniqueVolumeName", .string))),
          "Volumes attached to and mounted on the node."),
        FieldSchema(
          "volumesAttached", .named("[]v1.AttachedVolume", .array(.object("core.AttachedVolume"))),
          "Volumes attached to the node."),
        FieldSchema(
          "config", .named("v1.NodeConfigStatus", .anyObject),
          "Deprecated; the status of dynamic kubelet configuration."),
        FieldSchema(
          "runtimeHandlers",
          .named("[]v1.NodeRuntimeHandler", .array(.named("v1.NodeRuntimeHandler", .anyObject))),
          "The runtime handlers the node's container runtime offers."),
        FieldSchema(
          "features", .named("v1.NodeFeatures", .anyObject),
          "Features the node's kubelet and runtime support."),
      ]),
    StructSchema(
      "core.NodeCondition",
      [
        FieldSchema(
          "type", .named("v1.NodeConditionType", .string), required: true, emitted: true,
          enum: ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable"],
          "The type of condition, such as Ready or DiskPressure."),
        FieldSchema(
          "status", .named("v1.ConditionStatus", .string), required: true, emitted: true,
          enum: ["True", "False", "Unknown"],
          "The status of the condition: True, False or Unknown."),
        FieldSchema(
          "lastHeartbeatTime", .time, emitted: true,
          "When the node last reported this condition."),
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
      "core.NodeAddress",
      [
        FieldSchema(
          "type", .named("v1.NodeAddressType", .string), required: true, emitted: true,
          enum: ["Hostname", "InternalIP", "ExternalIP", "InternalDNS", "ExternalDNS"],
          "The kind of address: Hostname, InternalIP, ExternalIP, InternalDNS or ExternalDNS."),
        FieldSchema(
          "address", .string, required: true, emitted: true,
          "The address itself."),
      ]),
    StructSchema(
      "core.NodeDaemonEndpoints",
      [
        FieldSchema(
          "kubeletEndpoint", .object("core.DaemonEndpoint"), emitted: true,
          "The port the kubelet listens on.")
      ]),
    StructSchema(
      "core.DaemonEndpoint",
      [
        FieldSchema(
          "Port", .int32, required: true, emitted: true,
          "The port number.")
      ]),
    StructSchema(
      "core.NodeSystemInfo",
      [
        FieldSchema(
          "machineID", .string, required: true, emitted: true,
          "The machine ID reported by the node."),
        FieldSchema(
          "systemUUID", .string, required: true, emitted: true,
          "The system UUID reported by the node."),
        FieldSchema(
          "bootID", .string, required: true, emitted: true,
          "The boot ID reported by the node."),
        FieldSchema(
          "kernelVersion", .string, required: true, emitted: true,
          "The kernel version, as uname -r reports it."),
        FieldSchema(
          "osImage", .string, required: true, emitted: true,
          "The operating system image, such as Debian GNU/Linux 12."),
        FieldSchema(
          "containerRuntimeVersion", .string, required: true, emitted: true,
          "The container runtime and its version, such as containerd://1.7."),
        FieldSchema(
          "kubeletVersion", .string, required: true, emitted: true,
          "The kubelet's version."),
        FieldSchema(
          "kubeProxyVersion", .string, required: true, emitted: true,
          "Deprecated; the kube-proxy version."),
        FieldSchema(
          "operatingSystem", .string, required: true, emitted: true,
          "The operating system, such as linux."),
        FieldSchema(
          "architecture", .string, required: true, emitted: true,
          "The CPU architecture, such as amd64."),
      ]),
    StructSchema(
      "core.ContainerImage",
      [
        FieldSchema(
          "names", .array(.string), emitted: true,
          "The names by which the image is known, such as registry/name:tag."),
        FieldSchema(
          "sizeBytes", .int64,
          "The size of the image in bytes."),
      ]),
    StructSchema(
      "core.AttachedVolume",
      [
        FieldSchema(
          "name", .named("v1.UniqueVolumeName", .string), required: true, emitted: true,
          "The name of the attached volume."),
        FieldSchema(
          "devicePath", .string, required: true, emitted: true,
          "Where the volume appears on the node."),
      ]),
    StructSchema(
      "core.PersistentVolumeClaim",
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
          "spec", .object("core.PersistentVolumeClaimSpec"), emitted: true,
          "What the claim asks for."),
        FieldSchema(
          "status", .object("core.PersistentVolumeClaimStatus"), emitted: true,
          "The current state of the claim."),
      ]),
    StructSchema(
      "core.PersistentVolumeClaimSpec",
      [
        FieldSchema(
          "accessModes",
          .named(
            "[]v1.PersistentVolumeAccessMode",
            .array(.named("v1.PersistentVolumeAccessMode", .string))),
          "The access modes wanted, such as ReadWriteOnce or ReadOnlyMany."),
        FieldSchema(
          "selector", .object("meta.LabelSelector"),
          "A label query over volumes to consider for binding."),
        FieldSchema(
          "resources", .object("core.VolumeResourceRequirements"), emitted: true,
          "The minimum storage the claim needs, under requests.storage."),
        FieldSchema(
          "volumeName", .string,
          "The name of the PersistentVolume to bind to."),
        FieldSchema(
          "storageClassName", .string,
          """
          The StorageClass to provision from. Unset uses the default class; an empty string means \
          no class.
          """),
        FieldSchema(
          "volumeMode", .named("v1.PersistentVolumeMode", .string), enum: ["Block", "Filesystem"],
          """
          Whether the volume is used as a filesystem or a raw block device. Defaults to \
          Filesystem.
          """),
        FieldSchema(
          "dataSource", .object("core.TypedLocalObjectReference"),
          """
          An existing object, such as a VolumeSnapshot or another claim, to fill the new volume \
          from.
          """),
        FieldSchema(
          "dataSourceRef", .object("core.TypedObjectReference"),
          "Like dataSource, but may point at any object type, including one in another namespace."),
        FieldSchema(
          "volumeAttributesClassName", .string,
          "The VolumeAttributesClass the claim uses."),
      ]),
    StructSchema(
      "core.VolumeResourceRequirements",
      [
        FieldSchema(
          "limits", .named("v1.ResourceList", .map(.quantity)),
          "The most storage the volume may use."),
        FieldSchema(
          "requests", .named("v1.ResourceList", .map(.quantity)),
          "The storage the claim asks for, such as storage: 1Gi."),
      ]),
    StructSchema(
      "core.TypedLocalObjectReference",
      [
        FieldSchema(
          "apiGroup", .string, emitted: true, pointer: true,
          "The API group of the referenced resource. Empty means the core group."),
        FieldSchema(
          "kind", .string, required: true,
          "The kind of the referenced object."),
        FieldSchema(
          "name", .string, required: true, emitted: true,
          "The name of the referenced object."),
      ]),
    StructSchema(
      "core.TypedObjectReference",
      [
        FieldSchema(
          "apiGroup", .string, emitted: true, pointer: true,
          "The API group of the referenced resource. Empty means the core group."),
        FieldSchema(
          "kind", .string, required: true,
          "The kind of the referenced object."),
        FieldSchema(
          "name", .string, required: true, emitted: true,
          "The name of the referenced object."),
        FieldSchema(
          "namespace", .string,
          "The namespace of the referenced object; empty means the claim's namespace."),
      ]),
    StructSchema(
      "core.PersistentVolumeClaimStatus",
      [
        FieldSchema(
          "phase", .named("v1.PersistentVolumeClaimPhase", .string),
          enum: ["Pending", "Bound", "Lost"],
          "The claim's phase: Pending, Bound or Lost."),
        FieldSchema(
          "accessModes",
          .named(
            "[]v1.PersistentVolumeAccessMode",
            .array(.named("v1.PersistentVolumeAccessMode", .string))),
          "The access modes of the bound volume."),
        FieldSchema(
          "capacity", .named("v1.ResourceList", .map(.quantity)),
          "The actual resources of the bound volume."),
        FieldSchema(
          "conditions",
          .named(
            "[]v1.PersistentVolumeClaimCondition",
            .array(.object("core.PersistentVolumeClaimCondition"))),
          "Conditions of the claim, such as Resizing."),
        FieldSchema(
          "allocatedResources", .named("v1.ResourceList", .map(.quantity)),
          "The storage the system has allocated for the claim, tracked during resizing."),
        FieldSchema(
          "allocatedResourceStatuses",
          .named(
            "map[v1.ResourceName]v1.ClaimResourceStatus",
            .map(.named("v1.ClaimResourceStatus", .string))),
          "The progress of resizing, per resource."),
        FieldSchema(
          "currentVolumeAttributesClassName", .string,
          "The VolumeAttributesClass currently applied."),
        FieldSchema(
          "modifyVolumeStatus", .object("core.ModifyVolumeStatus"),
          "The status of a volume modification in progress."),
      ]),
    StructSchema(
      "core.PersistentVolumeClaimCondition",
      [
        FieldSchema(
          "type", .named("v1.PersistentVolumeClaimConditionType", .string), required: true,
          emitted: true,
          enum: [
            "Resizing", "FileSystemResizePending", "ControllerResizeError", "NodeResizeError",
            "ModifyVolumeError", "ModifyingVolume",
          ],
          "The type of this item."),
        FieldSchema(
          "status", .named("v1.ConditionStatus", .string), required: true, emitted: true,
          enum: ["True", "False", "Unknown"],
          "The status of the condition: True, False or Unknown."),
        FieldSchema(
          "lastProbeTime", .time, emitted: true,
          "When the condition was last checked."),
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
      "core.ModifyVolumeStatus",
      [
        FieldSchema(
          "targetVolumeAttributesClassName", .string,
          "The class being applied."),
        FieldSchema(
          "status", .named("v1.PersistentVolumeClaimModifyVolumeStatus", .string), required: true,
          emitted: true, enum: ["Pending", "InProgress", "Infeasible"],
          "The status of the modification."),
      ]),
    StructSchema(
      "core.PersistentVolume",
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
          "spec", .object("core.PersistentVolumeSpec"), emitted: true,
          "The volume's properties, provided by an administrator or a provisioner."),
        FieldSchema(
          "status", .object("core.PersistentVolumeStatus"), emitted: true,
          "The volume's current phase."),
      ]),
    StructSchema(
      "core.PersistentVolumeSpec",
      [
        FieldSchema(
          "capacity", .named("v1.ResourceList", .map(.quantity)),
          "How much storage the volume holds, under storage."),
        FieldSchema(
          "gcePersistentDisk", .named("v1.GCEPersistentDiskVolumeSource", .anyObject),
          "A Google Compute Engine disk (deprecated in-tree plugin)."),
        FieldSchema(
          "awsElasticBlockStore", .named("v1.AWSElasticBlockStoreVolumeSource", .anyObject),
          "An AWS EBS volume (deprecated in-tree plugin)."),
        FieldSchema(
          "hostPath", .object("core.HostPathVolumeSource"),
          "A directory on the node's filesystem. Useful for single-node tests only."),
        FieldSchema(
          "glusterfs", .named("v1.GlusterfsPersistentVolumeSource", .anyObject),
          "A Glusterfs mount (removed in-tree plugin)."),
        FieldSchema(
          "nfs", .object("core.NFSVolumeSource"),
          "An NFS share."),
        FieldSchema(
          "rbd", .named("v1.RBDPersistentVolumeSource", .anyObject),
          "A Ceph RBD volume (deprecated in-tree plugin)."),
        FieldSchema(
          "iscsi", .named("v1.ISCSIPersistentVolumeSource", .anyObject),
          "An iSCSI disk."),
        FieldSchema(
          "cinder", .named("v1.CinderPersistentVolumeSource", .anyObject),
          "An OpenStack Cinder volume (deprecated in-tree plugin)."),
        FieldSchema(
          "cephfs", .named("v1.CephFSPersistentVolumeSource", .anyObject),
          "A CephFS mount (deprecated in-tree plugin)."),
        FieldSchema(
          "fc", .named("v1.FCVolumeSource", .anyObject),
          "A Fibre Channel disk."),
        FieldSchema(
          "flocker", .named("v1.FlockerVolumeSource", .anyObject),
          "A Flocker volume (removed in-tree plugin)."),
        FieldSchema(
          "flexVolume", .named("v1.FlexPersistentVolumeSource", .anyObject),
          "A volume handled by a FlexVolume driver (deprecated)."),
        FieldSchema(
          "azureFile", .named("v1.AzureFilePersistentVolumeSource", .anyObject),
          "An Azure File share (deprecated in-tree plugin)."),
        FieldSchema(
          "vsphereVolume", .named("v1.VsphereVirtualDiskVolumeSource", .anyObject),
          "A vSphere disk (deprecated in-tree plugin)."),
        FieldSchema(
          "quobyte", .named("v1.QuobyteVolumeSource", .anyObject),
          "A Quobyte mount (removed in-tree plugin)."),
        FieldSchema(
          "azureDisk", .named("v1.AzureDiskVolumeSource", .anyObject),
          "An Azure data disk (deprecated in-tree plugin)."),
        FieldSchema(
          "photonPersistentDisk", .named("v1.PhotonPersistentDiskVolumeSource", .anyObject),
          "A Photon Controller disk (removed in-tree plugin)."),
        FieldSchema(
          "portworxVolume", .named("v1.PortworxVolumeSource", .anyObject),
          "A Portworx volume (deprecated in-tree plugin)."),
        FieldSchema(
          "scaleIO", .named("v1.ScaleIOPersistentVolumeSource", .anyObject),
          "A ScaleIO volume (removed in-tree plugin)."),
        FieldSchema(
          "local", .named("v1.LocalVolumeSource", .anyObject),
          "A local disk, partition or directory on one node."),
        FieldSchema(
          "storageos", .named("v1.StorageOSPersistentVolumeSource", .anyObject),
          "A StorageOS volume (removed in-tree plugin)."),
        FieldSchema(
          "csi", .named("v1.CSIPersistentVolumeSource", .anyObject),
          "A volume handled by an external CSI driver."),
        FieldSchema(
          "accessModes",
          .named(
            "[]v1.PersistentVolumeAccessMode",
            .array(.named("v1.PersistentVolumeAccessMode", .string))),
          "The ways the volume can be mounted, such as ReadWriteOnce."),
        FieldSchema(
          "claimRef", .object("core.ObjectReference"),
          "The claim bound to this volume, set when binding happens."),
        FieldSchema(
          "persistentVolumeReclaimPolicy", .named("v1.PersistentVolumeReclaimPolicy", .string),
          enum: ["Recycle", "Delete", "Retain"],
          """
          What happens to the volume when its claim is deleted: Retain, Delete or Recycle. \
          Defaults to Retain for volumes created by hand.
          """),
        FieldSchema(
          "storageClassName", .string,
          "The StorageClass this volume belongs to; claims must ask for the same class."),
        FieldSchema(
          "mountOptions", .array(.string),
          "Mount options used when the volume is mounted, such as ro or soft."),
        FieldSchema(
          "volumeMode", .named("v1.PersistentVolumeMode", .string), enum: ["Block", "Filesystem"],
          """
          Whether the volume holds a filesystem or is a raw block device. Defaults to Filesystem.
          """),
        FieldSchema(
          "nodeAffinity", .object("core.VolumeNodeAffinity"),
          "Restricts which nodes can use the volume, as for local volumes."),
        FieldSchema(
          "volumeAttributesClassName", .string,
          "The VolumeAttributesClass the volume uses."),
      ]),
    StructSchema(
      "core.HostPathVolumeSource",
      [
        FieldSchema(
          "path", .string, required: true, emitted: true,
          "The path of the directory or file on the node. A symbolic link is followed."),
        FieldSchema(
          "type", .named("v1.HostPathType", .string),
          enum: [
            "", "DirectoryOrCreate", "Directory", "FileOrCreate", "File", "Socket", "CharDevice",
            "BlockDevice",
          ],
          """
          What must exist at the path: empty for no check, or DirectoryOrCreate, Directory, \
          FileOrCreate, File, Socket, CharDevice or BlockDevice.
          """),
      ]),
    StructSchema(
      "core.NFSVolumeSource",
      [
        FieldSchema(
          "server", .string, required: true, emitted: true,
          "The host name or IP address of the NFS server."),
        FieldSchema(
          "path", .string, required: true, emitted: true,
          "The path exported by the NFS server."),
        FieldSchema(
          "readOnly", .boolean,
          "Mount the export read-only. Defaults to false."),
      ]),
    StructSchema(
      "core.VolumeNodeAffinity",
      [
        FieldSchema(
          "required", .object("core.NodeSelector"),
          "The nodes that can access the volume.")
      ]),
    StructSchema(
      "core.NodeSelector",
      [
        FieldSchema(
          "nodeSelectorTerms",
          .named("[]v1.NodeSelectorTerm", .array(.object("core.NodeSelectorTerm"))), required: true,
          emitted: true,
          "A list of terms; a node matches when any one term matches.")
      ]),
    StructSchema(
      "core.NodeSelectorTerm",
      [
        FieldSchema(
          "matchExpressions",
          .named("[]v1.NodeSelectorRequirement", .array(.object("core.NodeSelectorRequirement"))),
          "Requirements on node labels."),
        FieldSchema(
          "matchFields",
          .named("[]v1.NodeSelectorRequirement", .array(.object("core.NodeSelectorRequirement"))),
          "Requirements on node fields, such as metadata.name."),
      ]),
    StructSchema(
      "core.NodeSelectorRequirement",
      [
        FieldSchema(
          "key", .string, required: true, emitted: true,
          "The label key (or field name) the requirement applies to."),
        FieldSchema(
          "operator", .named("v1.NodeSelectorOperator", .string), required: true, emitted: true,
          enum: ["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"],
          "How the key relates to the values: In, NotIn, Exists, DoesNotExist, Gt or Lt."),
        FieldSchema(
          "values", .array(.string),
          """
          The values to compare with. Gt and Lt take one integer value; Exists and DoesNotExist \
          take none.
          """),
      ]),
    StructSchema(
      "core.PersistentVolumeStatus",
      [
        FieldSchema(
          "phase", .named("v1.PersistentVolumePhase", .string),
          enum: ["Pending", "Available", "Bound", "Released", "Failed"],
          "The volume's phase: Pending, Available, Bound, Released or Failed."),
        FieldSchema(
          "message", .string,
          "A human-readable message about the volume's state."),
        FieldSchema(
          "reason", .string,
          "A short CamelCase reason for a failed volume."),
        FieldSchema(
          "lastPhaseTransitionTime", .time,
          "When the volume last changed phase."),
      ]),
    StructSchema(
      "core.Pod",
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
          "spec", .object("core.PodSpec"), emitted: true,
          "The pod's desired behaviour: its containers, volumes and scheduling constraints."),
        FieldSchema(
          "status", .object("core.PodStatus"), emitted: true,
          "The pod's most recently observed state, written by the kubelet and the control plane."),
      ]),
    StructSchema(
      "core.PodSpec",
      [
        FieldSchema(
          "volumes", .named("[]v1.Volume", .array(.object("core.Volume"))),
          "Volumes that containers in the pod can mount."),
        FieldSchema(
          "initContainers", .named("[]v1.Container", .array(.object("core.Container"))),
          """
          Containers that run one after another, each to completion, before the app containers \
          start. A failing init container is retried according to restartPolicy.
          """),
        FieldSchema(
          "containers", .named("[]v1.Container", .array(.object("core.Container"))), required: true,
          emitted: true,
          """
          The containers that make up the pod. At least one is required, and none can be added or \
          removed after creation.
          """),
        FieldSchema(
          "ephemeralContainers",
          .named("[]v1.EphemeralContainer", .array(.object("core.EphemeralContainer"))),
          """
          Temporary containers added to a running pod for debugging, through the \
          ephemeralcontainers subresource. They cannot be set on create.
          """),
        FieldSchema(
          "restartPolicy", .named("v1.RestartPolicy", .string),
          enum: ["Always", "OnFailure", "Never"],
          "When to restart containers that exit: Always, OnFailure or Never. Defaults to Always."),
        FieldSchema(
          "terminationGracePeriodSeconds", .int64,
          """
          Seconds the pod is given to stop after it is asked to terminate, before its processes \
          are killed. Defaults to 30.
          """),
        FieldSchema(
          "activeDeadlineSeconds", .int64,
          """
          Seconds the pod may run, counted from its start, before the system fails it. Must be a \
          positive integer.
          """),
        FieldSchema(
          "dnsPolicy", .named("v1.DNSPolicy", .string),
          enum: ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"],
          """
          How DNS is set up for the pod: ClusterFirst, ClusterFirstWithHostNet, Default or None. \
          Defaults to ClusterFirst.
          """),
        FieldSchema(
          "nodeSelector", .map(.string),
          "Labels a node must have for the pod to be scheduled there."),
        FieldSchema(
          "serviceAccountName", .string,
          "The ServiceAccount the pod runs as. Defaults to default."),
        FieldSchema(
          "serviceAccount", .string,
          "Deprecated alias of serviceAccountName."),
        FieldSchema(
          "automountServiceAccountToken", .boolean,
          "Whether the service account's API token is mounted into the pod automatically."),
        FieldSchema(
          "nodeName", .string,
          "The node the pod runs on. The scheduler sets it; setting it yourself skips scheduling."),
        FieldSchema(
          "hostNetwork", .boolean,
          "Use the node's network namespace instead of the pod's own. Defaults to false."),
        FieldSchema(
          "hostPID", .boolean,
          "Use the node's process ID namespace. Defaults to false."),
        FieldSchema(
          "hostIPC", .boolean,
          "Use the node's IPC namespace. Defaults to false."),
        FieldSchema(
          "shareProcessNamespace", .boolean,
          """
          Share one process namespace among all containers in the pod, so they can see each \
          other's processes. Defaults to false.
          """),
        FieldSchema(
          "securityContext", .object("core.PodSecurityContext"),
          """
          Security settings that apply to the whole pod, such as the user ID and filesystem group.
          """),
        FieldSchema(
          "imagePullSecrets",
          .named("[]v1.LocalObjectReference", .array(.object("core.LocalObjectReference"))),
          """
          Secrets in the same namespace holding registry credentials used to pull the pod's \
          images.
          """),
        FieldSchema(
          "hostname", .string,
          "The pod's host name. Defaults to the pod's name."),
        FieldSchema(
          "subdomain", .string,
          """
          With a headless service of this name, gives the pod the DNS name \
          <hostname>.<subdomain>.<namespace>.svc.<cluster-domain>.
          """),
        FieldSchema(
          "affinity", .object("core.Affinity"),
          "Rules that attract the pod to, or repel it from, certain nodes and other pods."),
        FieldSchema(
          "schedulerName", .string,
          "The scheduler that places the pod. Defaults to default-scheduler."),
        FieldSchema(
          "tolerations", .named("[]v1.Toleration", .array(.object("core.Toleration"))),
          """
          Taints the pod tolerates, which lets it be scheduled on, or keep running on, tainted \
          nodes.
          """),
        FieldSchema(
          "hostAliases", .named("[]v1.HostAlias", .array(.object("core.HostAlias"))),
          "Extra entries written to the pod's /etc/hosts file."),
        FieldSchema(
          "priorityClassName", .string,
          "The PriorityClass that sets the pod's priority."),
        FieldSchema(
          "priority", .int32,
          """
          The pod's priority, filled in from priorityClassName by the priority admission \
          controller.
          """),
        FieldSchema(
          "dnsConfig", .object("core.PodDNSConfig"),
          "Extra DNS settings merged into the configuration dnsPolicy produces."),
        FieldSchema(
          "readinessGates",
          .named("[]v1.PodReadinessGate", .array(.object("core.PodReadinessGate"))),
          "Extra pod conditions that must be True before the pod counts as ready."),
        FieldSchema(
          "runtimeClassName", .string,
          "The RuntimeClass used to run the pod."),
        FieldSchema(
          "enableServiceLinks", .boolean,
          """
          Whether environment variables describing the services in the namespace are injected, in \
          Docker link style. Defaults to true.
          """),
        FieldSchema(
          "preemptionPolicy", .named("v1.PreemptionPolicy", .string),
          enum: ["PreemptLowerPriority", "Never"],
          "Whether the pod may preempt lower-priority pods: PreemptLowerPriority or Never."),
        FieldSchema(
          "overhead", .named("v1.ResourceList", .map(.quantity)),
          """
          Resources used by the pod's sandbox on top of its containers' requests, set from the \
          RuntimeClass.
          """),
        FieldSchema(
          "topologySpreadConstraints",
          .named("[]v1.TopologySpreadConstraint", .array(.object("core.TopologySpreadConstraint"))),
          """
          How the pod's replicas should be spread across topology domains such as zones or nodes.
          """),
        FieldSchema(
          "setHostnameAsFQDN", .boolean,
          "Set the pod's host name to its fully qualified domain name. Defaults to false."),
        FieldSchema(
          "os", .object("core.PodOS"),
          "The operating system the pod's containers need."),
        FieldSchema(
          "hostUsers", .boolean,
          """
          Whether the pod shares the node's user namespace. Set to false to run in its own user \
          namespace.
          """),
        FieldSchema(
          "schedulingGates",
          .named("[]v1.PodSchedulingGate", .array(.object("core.PodSchedulingGate"))),
          "Gates that keep the pod from being scheduled until they are removed."),
        FieldSchema(
          "resourceClaims",
          .named("[]v1.PodResourceClaim", .array(.object("core.PodResourceClaim"))),
          "Dynamic resource claims the pod needs, which containers can then reference."),
        FieldSchema(
          "resources", .object("core.ResourceRequirements"),
          "Resources for the whole pod, shared by its containers (pod-level resources, alpha)."),
      ]),
    StructSchema(
      "core.Volume",
      [
        FieldSchema(
          "name", .string, required: true, emitted: true,
          """
          The volume's name, unique in the pod and a DNS label. Containers mount it by this name.
          """),
        FieldSchema(
          "hostPath", .object("core.HostPathVolumeSource"),
          "A file or directory on the node. Pods that use it depend on the node they run on."),
        FieldSchema(
          "emptyDir", .object("core.EmptyDirVolumeSource"),
          "A temporary empty directory that lives as long as the pod."),
        FieldSchema(
          "gcePersistentDisk", .named("v1.GCEPersistentDiskVolumeSource", .anyObject),
          "A Google Compute Engine disk (deprecated in-tree plugin)."),
        FieldSchema(
          "awsElasticBlockStore", .named("v1.AWSElasticBlockStoreVolumeSource", .anyObject),
          "An AWS EBS volume (deprecated in-tree plugin)."),
        FieldSchema(
          "gitRepo", .named("v1.GitRepoVolumeSource", .anyObject),
          "A git repository cloned into an empty directory (deprecated)."),
        FieldSchema(
          "secret", .object("core.SecretVolumeSource"),
          "A Secret whose keys appear as files."),
        FieldSchema(
          "nfs", .object("core.NFSVolumeSource"),
          "An NFS share mounted into the pod."),
        FieldSchema(
          "iscsi", .named("v1.ISCSIVolumeSource", .anyObject),
          "An iSCSI disk."),
        FieldSchema(
          "glusterfs", .named("v1.GlusterfsVolumeSource", .anyObject),
          "A Glusterfs mount (removed in-tree plugin)."),
        FieldSchema(
          "persistentVolumeClaim", .object("core.PersistentVolumeClaimVolumeSource"),
          "A PersistentVolumeClaim in the pod's namespace."),
        FieldSchema(
          "rbd", .named("v1.RBDVolumeSource", .anyObject),
          "A Ceph RBD volume (deprecated in-tree plugin)."),
        FieldSchema(
          "flexVolume", .named("v1.FlexVolumeSource", .anyObject),
          "A volume handled by a FlexVolume driver (deprecated)."),
        FieldSchema(
          "cinder", .named("v1.CinderVolumeSource", .anyObject),
          "An OpenStack Cinder volume (deprecated in-tree plugin)."),
        FieldSchema(
          "cephfs", .named("v1.CephFSVolumeSource", .anyObject),
          "A CephFS mount (deprecated in-tree plugin)."),
        FieldSchema(
          "flocker", .named("v1.FlockerVolumeSource", .anyObject),
          "A Flocker volume (removed in-tree plugin)."),
        FieldSchema(
          "downwardAPI", .object("core.DownwardAPIVolumeSource"),
          "Files containing information about the pod itself, such as its labels."),
        FieldSchema(
          "fc", .named("v1.FCVolumeSource", .anyObject),
          "A Fibre Channel disk."),
        FieldSchema(
          "azureFile", .named("v1.AzureFileVolumeSource", .anyObject),
          "An Azure File share (deprecated in-tree plugin)."),
        FieldSchema(
          "configMap", .object("core.ConfigMapVolumeSource"),
          "A ConfigMap whose keys appear as files."),
        FieldSchema(
          "vsphereVolume", .named("v1.VsphereVirtualDiskVolumeSource", .anyObject),
          "A vSphere disk (deprecated in-tree plugin)."),
        FieldSchema(
          "quobyte", .named("v1.QuobyteVolumeSource", .anyObject),
          "A Quobyte mount (removed in-tree plugin)."),
        FieldSchema(
          "azureDisk", .named("v1.AzureDiskVolumeSource", .anyObject),
          "An Azure data disk (deprecated in-tree plugin)."),
        FieldSchema(
          "photonPersistentDisk", .named("v1.PhotonPersistentDiskVolumeSource", .anyObject),
          "A Photon Controller disk (removed in-tree plugin)."),
        FieldSchema(
          "projected", .object("core.ProjectedVolumeSource"),
          """
          Several sources, such as secrets, config maps and service account tokens, combined into \
          one directory.
          """),
        FieldSchema(
          "portworxVolume", .named("v1.PortworxVolumeSource", .anyObject),
          "A Portworx volume (deprecated in-tree plugin)."),
        FieldSchema(
          "scaleIO", .named("v1.ScaleIOVolumeSource", .anyObject),
          "A ScaleIO volume (removed in-tree plugin)."),
        FieldSchema(
          "storageos", .named("v1.StorageOSVolumeSource", .anyObject),
          "A StorageOS volume (removed in-tree plugin)."),
        FieldSchema(
          "csi", .named("v1.CSIVolumeSource", .anyObject),
          "An ephemeral volume provided by a CSI driver."),
        FieldSchema(
          "ephemeral", .named("v1.EphemeralVolumeSource", .anyObject),
          """
          A volume provisioned through a PersistentVolumeClaim that is created and deleted \
          together with the pod.
          """),
        FieldSchema(
          "image", .named("v1.ImageVolumeSource", .anyObject),
          "An OCI image or artifact mounted read-only (alpha)."),
      ]),
    StructSchema(
      "core.EmptyDirVolumeSource",
      [
        FieldSchema(
          "medium", .named("v1.StorageMedium", .string),
          enum: ["", "Memory", "HugePages", "HugePages-"],
          """
          Where the directory is stored: empty for the node's default storage, or Memory for a \
          RAM-backed tmpfs.
          """),
        FieldSchema(
          "sizeLimit", .quantity,
          "The most storage the directory may use. The pod is evicted when it uses more."),
      ]),
    StructSchema(
      "core.SecretVolumeSource",
      [
        FieldSchema(
          "secretName", .string,
          "The name of the Secret in the pod's namespace."),
        FieldSchema(
          "items", .named("[]v1.KeyToPath", .array(.object("core.KeyToPath"))),
          """
          Which keys to project and the relative file path for each. Without it, every key becomes \
          a file named after the key.
          """),
        FieldSchema(
          "defaultMode", .int32,
          """
          Permission bits, in octal or decimal, for created files that do not set their own mode. \
          Defaults to 0644.
          """),
        FieldSchema(
          "optional", .boolean,
          "Whether the Secret or its listed keys may be missing."),
      ]),
    StructSchema(
      "core.KeyToPath",
      [
        FieldSchema(
          "key", .string, required: true, emitted: true,
          "The key to project."),
        FieldSchema(
          "path", .string, required: true, emitted: true,
          """
          The relative path of the file to write the key to. It may not be absolute or contain \
          '..'.
          """),
        FieldSchema(
          "mode", .int32,
          """
          Permission bits for this file, between 0 and 0777. Defaults to the volume's defaultMode.
          """),
      ]),
    StructSchema(
      "core.PersistentVolumeClaimVolumeSource",
      [
        FieldSchema(
          "claimName", .string, required: true, emitted: true,
          "The name of a PersistentVolumeClaim in the pod's namespace."),
        FieldSchema(
          "readOnly", .boolean,
          "Mount the volume read-only. Defaults to false."),
      ]),
    StructSchema(
      "core.DownwardAPIVolumeSource",
      [
        FieldSchema(
          "items",
          .named("[]v1.DownwardAPIVolumeFile", .array(.object("core.DownwardAPIVolumeFile"))),
          "The files to create, each filled from a pod field or a container resource."),
        FieldSchema(
          "defaultMode", .int32,
          """
          Permission bits, in octal or decimal, for created files that do not set their own mode. \
          Defaults to 0644.
          """),
      ]),
    StructSchema(
      "core.DownwardAPIVolumeFile",
      [
        FieldSchema(
          "path", .string, required: true, emitted: true,
          "The relative path of the file to create."),
        FieldSchema(
          "fieldRef", .object("core.ObjectFieldSelector"),
          "A pod field to write, such as metadata.labels or metadata.name."),
        FieldSchema(
          "resourceFieldRef", .object("core.ResourceFieldSelector"),
          "A container resource limit or request to write, such as limits.memory."),
        FieldSchema(
          "mode", .int32,
          """
          Permission bits for this file, between 0 and 0777. Defaults to the volume's defaultMode.
          """),
      ]),
    StructSchema(
      "core.ObjectFieldSelector",
      [
        FieldSchema(
          "apiVersion", .string,
          "The version of the schema the fieldPath is written in. Defaults to v1."),
        FieldSchema(
          "fieldPath", .string, required: true, emitted: true,
          "The path of the field to select, such as metadata.name or status.podIP."),
      ]),
    StructSchema(
      "core.ResourceFieldSelector",
      [
        FieldSchema(
          "containerName", .string,
          "The container whose resources are read. Required for volumes."),
        FieldSchema(
          "resource", .string, required: true, emitted: true,
          "The resource to select, such as limits.cpu or requests.memory."),
        FieldSchema(
          "divisor", .quantity, emitted: true,
          """
          The unit the value is expressed in, such as 1m for CPU or 1Mi for memory. Defaults to 1.
          """),
      ]),
    StructSchema(
      "core.ConfigMapVolumeSource",
      [
        FieldSchema(
          "name", .string,
          "The name of the ConfigMap in the pod's namespace."),
        FieldSchema(
          "items", .named("[]v1.KeyToPath", .array(.object("core.KeyToPath"))),
          """
          Which keys to project and the relative file path for each. Without it, every key becomes \
          a file named after the key.
          """),
        FieldSchema(
          "defaultMode", .int32,
          """
          Permission bits, in octal or decimal, for created files that do not set their own mode. \
          Defaults to 0644.
          """),
        FieldSchema(
          "optional", .boolean,
          "Whether the ConfigMap or its listed keys may be missing."),
      ]),
    StructSchema(
      "core.ProjectedVolumeSource",
      [
        FieldSchema(
          "sources", .named("[]v1.VolumeProjection", .array(.object("core.VolumeProjection"))),
          emitted: true,
          "The sources to combine into the volume."),
        FieldSchema(
          "defaultMode", .int32,
          """
          Permission bits, in octal or decimal, for created files that do not set their own mode. \
          Defaults to 0644.
          """),
      ]),
    StructSchema(
      "core.VolumeProjection",
      [
        FieldSchema(
          "secret", .object("core.SecretProjection"),
          "Keys from a Secret."),
        FieldSchema(
          "downwardAPI", .object("core.DownwardAPIProjection"),
          "Information about the pod."),
        FieldSchema(
          "configMap", .object("core.ConfigMapProjection"),
          "Keys from a ConfigMap."),
        FieldSchema(
          "serviceAccountToken", .object("core.ServiceAccountTokenProjection"),
          "A token for the pod's service account."),
        FieldSchema(
          "clusterTrustBundle", .named("v1.ClusterTrustBundleProjection", .anyObject),
          "Certificates from ClusterTrustBundle objects (beta)."),
      ]),
    StructSchema(
      "core.SecretProjection",
      [
        FieldSchema(
          "name", .string,
          "The name of the Secret."),
        FieldSchema(
          "items", .named("[]v1.KeyToPath", .array(.object("core.KeyToPath"))),
          """
          Which keys to project and the relative file path for each. Without it, every key becomes \
          a file named after the key.
          """),
        FieldSchema(
          "optional", .boolean,
          "Whether the Secret or its keys may be missing."),
      ]),
    StructSchema(
      "core.DownwardAPIProjection",
      [
        FieldSchema(
          "items",
          .named("[]v1.DownwardAPIVolumeFile", .array(.object("core.DownwardAPIVolumeFile"))),
          "The files to create from pod fields and container resources.")
      ]),
    StructSchema(
      "core.ConfigMapProjection",
      [
        FieldSchema(
          "name", .string,
          "The name of the ConfigMap."),
        FieldSchema(
          "items", .named("[]v1.KeyToPath", .array(.object("core.KeyToPath"))),
          """
          Which keys to project and the relative file path for each. Without it, every key becomes \
          a file named after the key.
          """),
        FieldSchema(
          "optional", .boolean,
          "Whether the ConfigMap or its keys may be missing."),
      ]),
    StructSchema(
      "core.ServiceAccountTokenProjection",
      [
        FieldSchema(
          "audience", .string,
          "The intended audience of the token. Defaults to the API server's identifier."),
        FieldSchema(
          "expirationSeconds", .int64,
          """
          How long the token is valid. The kubelet refreshes it before it expires. Defaults to one \
          hour; the minimum is ten minutes.
          """),
        FieldSchema(
          "path", .string, required: true, emitted: true,
          "The file path, relative to the mount point, to write the token to."),
      ]),
    StructSchema(
      "core.Container",
      [
        FieldSchema(
          "name", .string, required: true, emitted: true,
          "The container's name, a DNS label unique within the pod. It cannot be changed."),
        FieldSchema(
          "image", .string,
          "The container image to run, such as nginx:1.27 or registry.example.com/app@sha256:...."),
        FieldSchema(
          "command", .array(.string),
          """
          The entrypoint, run without a shell. Replaces the image's ENTRYPOINT. $(VAR) references \
          to container variables are expanded.
          """),
        FieldSchema(
          "args", .array(.string),
          """
          Arguments to the entrypoint. Replace the image's CMD. $(VAR) references to container \
          variables are expanded.
          """),
        FieldSchema(
          "workingDir", .string,
          "The working directory inside the container. Defaults to the image's own."),
        FieldSchema(
          "ports", .named("[]v1.ContainerPort", .array(.object("core.ContainerPort"))),
          """
          Ports the container exposes. Listing a port is informational; any port the process \
          listens on can be reached.
          """),
        FieldSchema(
          "envFrom", .named("[]v1.EnvFromSource", .array(.object("core.EnvFromSource"))),
          """
          Sources that fill in many environment variables at once, from every key of a ConfigMap \
          or Secret.
          """),
        FieldSchema(
          "env", .named("[]v1.EnvVar", .array(.object("core.EnvVar"))),
          "Environment variables to set in the container."),
        FieldSchema(
          "resources", .object("core.ResourceRequirements"), emitted: true,
          "The compute resources the container requests and its limits."),
        FieldSchema(
          "resizePolicy",
          .named("[]v1.ContainerResizePolicy", .array(.object("core.ContainerResizePolicy"))),
          "How the container is resized in place, per resource."),
        FieldSchema(
          "restartPolicy", .named("v1.ContainerRestartPolicy", .string), enum: ["Always"],
          """
          For init containers only: Always makes it a sidecar that keeps running beside the app \
          containers.
          """),
        FieldSchema(
          "volumeMounts", .named("[]v1.VolumeMount", .array(.object("core.VolumeMount"))),
          "The pod volumes to mount into the container's filesystem."),
        FieldSchema(
          "volumeDevices", .named("[]v1.VolumeDevice", .array(.object("core.VolumeDevice"))),
          "Block devices from the pod's volumes to expose to the container."),
        FieldSchema(
          "livenessProbe", .object("core.Probe"),
          """
          A periodic check of whether the container is alive. The container is restarted when it \
          fails.
          """),
        FieldSchema(
          "readinessProbe", .object("core.Probe"),
          """
          A periodic check of whether the container can serve traffic. A pod that is not ready is \
          removed from service endpoints.
          """),
        FieldSchema(
          "startupProbe", .object("core.Probe"),
          """
          A check that must succeed before the other probes start, for containers that start \
          slowly.
          """),
        FieldSchema(
          "lifecycle", .object("core.Lifecycle"),
          "Actions the system runs right after the container starts and right before it stops."),
        FieldSchema(
          "terminationMessagePath", .string,
          """
          The file whose contents become the container's termination message. Defaults to \
          /dev/termination-log.
          """),
        FieldSchema(
          "terminationMessagePolicy", .named("v1.TerminationMessagePolicy", .string),
          enum: ["File", "FallbackToLogsOnError"],
          """
          Where the termination message comes from: File, or FallbackToLogsOnError to use the end \
          of the log when the file is empty. Defaults to File.
          """),
        FieldSchema(
          "imagePullPolicy", .named("v1.PullPolicy", .string),
          enum: ["Always", "Never", "IfNotPresent"],
          """
          When to pull the image: Always, Never or IfNotPresent. Defaults to Always for the latest \
          tag or no tag, IfNotPresent otherwise.
          """),
        FieldSchema(
          "securityContext", .object("core.SecurityContext"),
          "Security settings for this container, overriding the pod's where both set a field."),
        FieldSchema(
          "stdin", .boolean,
          "Keep a standard input buffer open for the container. Defaults to false."),
        FieldSchema(
          "stdinOnce", .boolean,
          "Close standard input after the first attach session ends. Defaults to false."),
        FieldSchema(
          "tty", .boolean,
          "Allocate a terminal for the container; needs stdin too. Defaults to false."),
      ]),
    StructSchema(
      "core.ContainerPort",
      [
        FieldSchema(
          "name", .string,
          """
          A name for the port, at most 15 characters with at least one letter, unique in the pod. \
          Services can refer to it.
          """),
        FieldSchema(
          "hostPort", .int32,
          "The port to open on the node for this container port. Rarely needed."),
        FieldSchema(
          "containerPort", .int32, required: true, emitted: true,
          "The port number the container listens on, between 1 and 65535."),
        FieldSchema(
          "protocol", .named("v1.Protocol", .string), enum: ["TCP", "UDP", "SCTP"],
          "The protocol: TCP, UDP or SCTP. Defaults to TCP."),
        FieldSchema(
          "hostIP", .string,
          "The node IP to bind the host port to."),
      ]),
    StructSchema(
      "core.EnvFromSource",
      [
        FieldSchema(
          "prefix", .string,
          "A prefix added to every variable name taken from the source."),
        FieldSchema(
          "configMapRef", .object("core.ConfigMapEnvSource"),
          "A ConfigMap whose keys become variables."),
        FieldSchema(
          "secretRef", .object("core.SecretEnvSource"),
          "A Secret whose keys become variables."),
      ]),
    StructSchema(
      "core.ConfigMapEnvSource",
      [
        FieldSchema(
          "name", .string,
          "The name of the ConfigMap."),
        FieldSchema(
          "optional", .boolean,
          "Whether the ConfigMap may be missing."),
      ]),
    StructSchema(
      "core.SecretEnvSource",
      [
        FieldSchema(
          "name", .string,
          "The name of the Secret."),
        FieldSchema(
          "optional", .boolean,
          "Whether the Secret may be missing."),
      ]),
    StructSchema(
      "core.EnvVar",
      [
        FieldSchema(
          "name", .string, required: true, emitted: true,
          "The name of the variable."),
        FieldSchema(
          "value", .string,
          """
          The value. $(VAR) references to earlier variables are expanded; $$ escapes a dollar \
          sign. Defaults to an empty string.
          """),
        FieldSchema(
          "valueFrom", .object("core.EnvVarSource"),
          """
          Where to take the value from instead of value: a pod field, a container resource, a \
          ConfigMap key or a Secret key.
          """),
      ]),
    StructSchema(
      "core.EnvVarSource",
      [
        FieldSchema(
          "fieldRef", .object("core.ObjectFieldSelector"),
          "A field of the pod, such as metadata.name, spec.nodeName or status.podIP."),
        FieldSchema(
          "resourceFieldRef", .object("core.ResourceFieldSelector"),
          "A limit or request of a container, such as limits.memory."),
        FieldSchema(
          "configMapKeyRef", .object("core.ConfigMapKeySelector"),
          "One key of a ConfigMap."),
        FieldSchema(
          "secretKeyRef", .object("core.SecretKeySelector"),
          "One key of a Secret."),
      ]),
    StructSchema(
      "core.ConfigMapKeySelector",
      [
        FieldSchema(
          "name", .string,
          "The name of the ConfigMap."),
        FieldSchema(
          "key", .string, required: true, emitted: true,
          "The key to read."),
        FieldSchema(
          "optional", .boolean,
          "Whether the ConfigMap or key may be missing."),
      ]),
    StructSchema(
      "core.SecretKeySelector",
      [
        FieldSchema(
          "name", .string,
          "The name of the Secret."),
        FieldSchema(
          "key", .string, required: true, emitted: true,
          "The key to read."),
        FieldSchema(
          "optional", .boolean,
          "Whether the Secret or key may be missing."),
      ]),
    StructSchema(
      "core.ResourceRequirements",
      [
        FieldSchema(
          "limits", .named("v1.ResourceList", .map(.quantity)),
          """
          The most of each resource the container may use, such as cpu: 500m or memory: 128Mi. \
          Exceeding a memory limit kills the container.
          """),
        FieldSchema(
          "requests", .named("v1.ResourceList", .map(.quantity)),
          """
          The resources the container is guaranteed, used for scheduling. Defaults to the limits \
          when only limits are set.
          """),
        FieldSchema(
          "claims", .named("[]v1.ResourceClaim", .array(.object("core.ResourceClaim"))),
          "Which of the pod's resource claims this container uses."),
      ]),
    StructSchema(
      "core.ResourceClaim",
      [
        FieldSchema(
          "name", .string, required: true, emitted: true,
          "The name of an entry in the pod's resourceClaims."),
        FieldSchema(
          "request", .string,
          "The request within the claim to use; empty means the whole claim."),
      ]),
    StructSchema(
      "core.ContainerResizePolicy",
      [
        FieldSchema(
          "resourceName", .named("v1.ResourceName", .string), required: true, emitted: true,
          enum: [
            "cpu", "memory", "storage", "ephemeral-storage", "pods", "services",
            "replicationcontrollers", "resourcequotas", "secrets", "configmaps",
            "persistentvolumeclaims", "services.nodeports", "services.loadbalancers",
            "requests.cpu", "requests.memory", "requests.storage", "requests.ephemeral-storage",
            "limits.cpu", "limits.memory", "limits.ephemeral-storage",
          ],
          "The resource the policy is for: cpu or memory."),
        FieldSchema(
          "restartPolicy", .named("v1.ResourceResizeRestartPolicy", .string), required: true,
          emitted: true, enum: ["NotRequired", "RestartContainer"],
          "What happens when the resource is resized: NotRequired or RestartContainer."),
      ]),
    StructSchema(
      "core.VolumeMount",
      [
        FieldSchema(
          "name", .string, required: true, emitted: true,
          "The name of a volume in the pod."),
        FieldSchema(
          "readOnly", .boolean,
          "Mount read-only. Defaults to false."),
        FieldSchema(
          "recursiveReadOnly", .named("v1.RecursiveReadOnlyMode", .string),
          enum: ["Disabled", "IfPossible", "Enabled"],
          """
          Whether read-only mounts are read-only in submounts too: Disabled, IfPossible or \
          Enabled.
          """),
        FieldSchema(
          "mountPath", .string, required: true, emitted: true,
          "The path in the container to mount the volume at. It must not contain ':'."),
        FieldSchema(
          "subPath", .string,
          "A path inside the volume to mount instead of its root."),
        FieldSchema(
          "mountPropagation", .named("v1.MountPropagationMode", .string),
          enum: ["None", "HostToContainer", "Bidirectional"],
          """
          How mounts propagate between the host and the container: None, HostToContainer or \
          Bidirectional.
          """),
        FieldSchema(
          "subPathExpr", .string,
          "Like subPath, with $(VAR) references to the container's environment expanded."),
      ]),
    StructSchema(
      "core.VolumeDevice",
      [
        FieldSchema(
          "name", .string, required: true, emitted: true,
          "The name of a PersistentVolumeClaim volume in the pod."),
        FieldSchema(
          "devicePath", .string, required: true, emitted: true,
          "The path in the container where the device appears."),
      ]),
    StructSchema(
      "core.Probe",
      [
        FieldSchema(
          "exec", .object("core.ExecAction"),
          "Run a command in the container; exit status 0 means success."),
        FieldSchema(
          "httpGet", .object("core.HTTPGetAction"),
          "Send an HTTP GET request; a status from 200 to 399 means success."),
        FieldSchema(
          "tcpSocket", .object("core.TCPSocketAction"),
          "Open a TCP connection; success if it connects."),
        FieldSchema(
          "grpc", .object("core.GRPCAction"),
          "Call the gRPC health checking service."),
        FieldSchema(
          "initialDelaySeconds", .int32,
          "Seconds to wait after the container starts before the first probe. Defaults to 0."),
        FieldSchema(
          "timeoutSeconds", .int32,
          "Seconds after which a probe attempt times out. Defaults to 1."),
        FieldSchema(
          "periodSeconds", .int32,
          "How often to probe, in seconds. Defaults to 10."),
        FieldSchema(
          "successThreshold", .int32,
          """
          Consecutive successes needed after a failure to count as passing. Defaults to 1, and \
          must be 1 for liveness and startup probes.
          """),
        FieldSchema(
          "failureThreshold", .int32,
          "Consecutive failures needed to count as failing. Defaults to 3."),
        FieldSchema(
          "terminationGracePeriodSeconds", .int64,
          "A grace period that overrides the pod's when a failed probe kills the container."),
      ]),
    StructSchema(
      "core.ExecAction",
      [
        FieldSchema(
          "command", .array(.string),
          "The command to run, as a list of words with no shell; use sh -c to get one.")
      ]),
    StructSchema(
      "core.HTTPGetAction",
      [
        FieldSchema(
          "path", .string,
          "The path to request. Defaults to /."),
        FieldSchema(
          "port", .intOrString, required: true, emitted: true,
          "The container port to connect to, by number or name."),
        FieldSchema(
          "host", .string,
          """
          The host to connect to. Defaults to the pod IP; set a Host header instead for virtual \
          hosting.
          """),
        FieldSchema(
          "scheme", .named("v1.URIScheme", .string), enum: ["HTTP", "HTTPS"],
          "HTTP or HTTPS. Defaults to HTTP."),
        FieldSchema(
          "httpHeaders", .named("[]v1.HTTPHeader", .array(.object("core.HTTPHeader"))),
          "Extra headers to send."),
      ]),
    StructSchema(
      "core.HTTPHeader",
      [
        FieldSchema(
          "name", .string, required: true, emitted: true,
          "The header name."),
        FieldSchema(
          "value", .string, required: true, emitted: true,
          "The header value."),
      ]),
    StructSchema(
      "core.TCPSocketAction",
      [
        FieldSchema(
          "port", .intOrString, required: true, emitted: true,
          "The container port to connect to, by number or name."),
        FieldSchema(
          "host", .string,
          "The host to connect to. Defaults to the pod IP."),
      ]),
    StructSchema(
      "core.GRPCAction",
      [
        FieldSchema(
          "port", .int32, required: true, emitted: true,
          "The port of the gRPC service."),
        FieldSchema(
          "service", .string, emitted: true, pointer: true,
          "The service name sent in the health check request. Empty checks the server as a whole."),
      ]),
    StructSchema(
      "core.Lifecycle",
      [
        FieldSchema(
          "postStart", .object("core.LifecycleHandler"),
          """
          Runs right after the container is created. If it fails, the container is killed and \
          restarted.
          """),
        FieldSchema(
          "preStop", .object("core.LifecycleHandler"),
          "Runs before the container is stopped, within the termination grace period."),
      ]),
    StructSchema(
      "core.LifecycleHandler",
      [
        FieldSchema(
          "exec", .object("core.ExecAction"),
          "Run a command in the container."),
        FieldSchema(
          "httpGet", .object("core.HTTPGetAction"),
          "Send an HTTP GET request."),
        FieldSchema(
          "tcpSocket", .object("core.TCPSocketAction"),
          "Deprecated; kept for compatibility and not acted on."),
        FieldSchema(
          "sleep", .object("core.SleepAction"),
          "Wait a number of seconds."),
      ]),
    StructSchema(
      "core.SleepAction",
      [
        FieldSchema(
          "seconds", .int64, required: true, emitted: true,
          "How many seconds to sleep.")
      ]),
    StructSchema(
      "core.SecurityContext",
      [
        FieldSchema(
          "capabilities", .object("core.Capabilities"),
          "Linux capabilities to add or drop."),
        FieldSchema(
          "privileged", .boolean,
          """
          Run with the host's full privileges, like a root process on the node. Defaults to false.
          """),
        FieldSchema(
          "seLinuxOptions", .object("core.SELinuxOptions"),
          "The SELinux context for the container."),
        FieldSchema(
          "windowsOptions", .named("v1.WindowsSecurityContextOptions", .anyObject),
          "Settings for Windows containers."),
        FieldSchema(
          "runAsUser", .int64,
          "The user ID to run the entrypoint as. Overrides the pod's setting."),
        FieldSchema(
          "runAsGroup", .int64,
          "The group ID to run the entrypoint as."),
        FieldSchema(
          "runAsNonRoot", .boolean,
          "Refuse to start the container if it would run as user 0."),
        FieldSchema(
          "readOnlyRootFilesystem", .boolean,
          "Mount the container's root filesystem read-only. Defaults to false."),
        FieldSchema(
          "allowPrivilegeEscalation", .boolean,
          """
          Whether a process may gain more privileges than its parent, through setuid binaries for \
          example.
          """),
        FieldSchema(
          "procMount", .named("v1.ProcMountType", .string), enum: ["Default", "Unmasked"],
          "Which /proc mount to use: Default or Unmasked."),
        FieldSchema(
          "seccompProfile", .object("core.SeccompProfile"),
          "The seccomp profile for the container, overriding the pod's."),
        FieldSchema(
          "appArmorProfile", .object("core.AppArmorProfile"),
          "The AppArmor profile for the container, overriding the pod's."),
      ]),
    StructSchema(
      "core.Capabilities",
      [
        FieldSchema(
          "add", .named("[]v1.Capability", .array(.named("v1.Capability", .string))),
          "Capabilities to add, such as NET_ADMIN."),
        FieldSchema(
          "drop", .named("[]v1.Capability", .array(.named("v1.Capability", .string))),
          "Capabilities to remove, such as ALL."),
      ]),
    StructSchema(
      "core.SELinuxOptions",
      [
        FieldSchema(
          "user", .string,
          "The SELinux user label."),
        FieldSchema(
          "role", .string,
          "The SELinux role label."),
        FieldSchema(
          "type", .string,
          "The SELinux type label."),
        FieldSchema(
          "level", .string,
          "The SELinux level label."),
      ]),
    StructSchema(
      "core.SeccompProfile",
      [
        FieldSchema(
          "type", .named("v1.SeccompProfileType", .string), required: true, emitted: true,
          enum: ["Unconfined", "RuntimeDefault", "Localhost"],
          "The kind of profile: RuntimeDefault, Unconfined or Localhost."),
        FieldSchema(
          "localhostProfile", .string,
          "For Localhost: the profile file, relative to the kubelet's seccomp directory."),
      ]),
    StructSchema(
      "core.AppArmorProfile",
      [
        FieldSchema(
          "type", .named("v1.AppArmorProfileType", .string), required: true, emitted: true,
          enum: ["Unconfined", "RuntimeDefault", "Localhost"],
          "The kind of profile: RuntimeDefault, Unconfined or Localhost."),
        FieldSchema(
          "localhostProfile", .string,
          "For Localhost: the name of a profile loaded on the node."),
      ]),
    StructSchema(
      "core.EphemeralContainer",
      [
        FieldSchema(
          "name", .string, required: true, emitted: true,
          "The container's name, a DNS label unique within the pod. It cannot be changed."),
        FieldSchema(
          "image", .string,
          "The container image to run, such as nginx:1.27 or registry.example.com/app@sha256:...."),
        FieldSchema(
          "command", .array(.string),
          """
          The entrypoint, run without a shell. Replaces the image's ENTRYPOINT. $(VAR) references \
          to container variables are expanded.
          """),
        FieldSchema(
          "args", .array(.string),
          """
          Arguments to the entrypoint. Replace the image's CMD. $(VAR) references to container \
          variables are expanded.
          """),
        FieldSchema(
          "workingDir", .string,
          "The working directory inside the container. Defaults to the image's own."),
        FieldSchema(
          "ports", .named("[]v1.ContainerPort", .array(.object("core.ContainerPort"))),
          """
          Ports the container exposes. Listing a port is informational; any port the process \
          listens on can be reached.
          """),
        FieldSchema(
          "envFrom", .named("[]v1.EnvFromSource", .array(.object("core.EnvFromSource"))),
          """
          Sources that fill in many environment variables at once, from every key of a ConfigMap \
          or Secret.
          """),
        FieldSchema(
          "env", .named("[]v1.EnvVar", .array(.object("core.EnvVar"))),
          "Environment variables to set in the container."),
        FieldSchema(
          "resources", .object("core.ResourceRequirements"), emitted: true,
          "The compute resources the container requests and its limits."),
        FieldSchema(
          "resizePolicy",
          .named("[]v1.ContainerResizePolicy", .array(.object("core.ContainerResizePolicy"))),
          "How the container is resized in place, per resource."),
        FieldSchema(
          "restartPolicy", .named("v1.ContainerRestartPolicy", .string), enum: ["Always"],
          """
          For init containers only: Always makes it a sidecar that keeps running beside the app \
          containers.
          """),
        FieldSchema(
          "volumeMounts", .named("[]v1.VolumeMount", .array(.object("core.VolumeMount"))),
          "The pod volumes to mount into the container's filesystem."),
        FieldSchema(
          "volumeDevices", .named("[]v1.VolumeDevice", .array(.object("core.VolumeDevice"))),
          "Block devices from the pod's volumes to expose to the container."),
        FieldSchema(
          "livenessProbe", .object("core.Probe"),
          """
          A periodic check of whether the container is alive. The container is restarted when it \
          fails.
          """),
        FieldSchema(
          "readinessProbe", .object("core.Probe"),
          """
          A periodic check of whether the container can serve traffic. A pod that is not ready is \
          removed from service endpoints.
          """),
        FieldSchema(
          "startupProbe", .object("core.Probe"),
          """
          A check that must succeed before the other probes start, for containers that start \
          slowly.
          """),
        FieldSchema(
          "lifecycle", .object("core.Lifecycle"),
          "Actions the system runs right after the container starts and right before it stops."),
        FieldSchema(
          "terminationMessagePath", .string,
          """
          The file whose contents become the container's termination message. Defaults to \
          /dev/termination-log.
          """),
        FieldSchema(
          "terminationMessagePolicy", .named("v1.TerminationMessagePolicy", .string),
          enum: ["File", "FallbackToLogsOnError"],
          """
          Where the termination message comes from: File, or FallbackToLogsOnError to use the end \
          of the log when the file is empty. Defaults to File.
          """),
        FieldSchema(
          "imagePullPolicy", .named("v1.PullPolicy", .string),
          enum: ["Always", "Never", "IfNotPresent"],
          """
          When to pull the image: Always, Never or IfNotPresent. Defaults to Always for the latest \
          tag or no tag, IfNotPresent otherwise.
          """),
        FieldSchema(
          "securityContext", .object("core.SecurityContext"),
          "Security settings for this container, overriding the pod's where both set a field."),
        FieldSchema(
          "stdin", .boolean,
          "Keep a standard input buffer open for the container. Defaults to false."),
        FieldSchema(
          "stdinOnce", .boolean,
          "Close standard input after the first attach session ends. Defaults to false."),
        FieldSchema(
          "tty", .boolean,
          "Allocate a terminal for the container; needs stdin too. Defaults to false."),
        FieldSchema(
          "targetContainerName", .string,
          "For ephemeral containers: the container whose process namespace to join."),
      ]),
    StructSchema(
      "core.PodSecurityContext",
      [
        FieldSchema(
          "seLinuxOptions", .object("core.SELinuxOptions"),
          "The SELinux context for all containers."),
        FieldSchema(
          "windowsOptions", .named("v1.WindowsSecurityContextOptions", .anyObject),
          "Settings for Windows containers."),
        FieldSchema(
          "runAsUser", .int64,
          "The user ID all container processes run as, unless a container overrides it."),
        FieldSchema(
          "runAsGroup", .int64,
          "The group ID all container processes run as."),
        FieldSchema(
          "runAsNonRoot", .boolean,
          "Refuse to start containers that would run as user 0."),
        FieldSchema(
          "supplementalGroups", .array(.int64),
          "Extra group IDs given to the first process in each container."),
        FieldSchema(
          "supplementalGroupsPolicy", .named("v1.SupplementalGroupsPolicy", .string),
          enum: ["Merge", "Strict"],
          "How supplemental groups are computed: Merge or Strict."),
        FieldSchema(
          "fsGroup", .int64,
          "A group ID that owns mounted volumes and is added to every container's groups."),
        FieldSchema(
          "sysctls", .named("[]v1.Sysctl", .array(.object("core.Sysctl"))),
          "Namespaced kernel parameters to set for the pod."),
        FieldSchema(
          "fsGroupChangePolicy", .named("v1.PodFSGroupChangePolicy", .string),
          enum: ["OnRootMismatch", "Always"],
          "When volume ownership is changed to fsGroup: Always or OnRootMismatch."),
        FieldSchema(
          "seccompProfile", .object("core.SeccompProfile"),
          "The seccomp profile for all containers."),
        FieldSchema(
          "appArmorProfile", .object("core.AppArmorProfile"),
          "The AppArmor profile for all containers."),
        FieldSchema(
          "seLinuxChangePolicy", .named("v1.PodSELinuxChangePolicy", .string),
          enum: ["Recursive", "MountOption"],
          "How the SELinux label is applied to volumes: Recursive or MountOption."),
      ]),
    StructSchema(
      "core.Sysctl",
      [
        FieldSchema(
          "name", .string, required: true, emitted: true,
          "The kernel parameter to set, such as net.ipv4.ip_local_port_range."),
        FieldSchema(
          "value", .string, required: true, emitted: true,
          "The value to set."),
      ]),
    StructSchema(
      "core.LocalObjectReference",
      [
        FieldSchema(
          "name", .string,
          "The name of an object in the same namespace.")
      ]),
    StructSchema(
      "core.Affinity",
      [
        FieldSchema(
          "nodeAffinity", .object("core.NodeAffinity"),
          "Rules about which nodes the pod may or should run on."),
        FieldSchema(
          "podAffinity", .object("core.PodAffinity"),
          "Rules that place the pod near other pods."),
        FieldSchema(
          "podAntiAffinity", .object("core.PodAntiAffinity"),
          "Rules that keep the pod away from other pods."),
      ]),
    StructSchema(
      "core.NodeAffinity",
      [
        FieldSchema(
          "requiredDuringSchedulingIgnoredDuringExecution", .object("core.NodeSelector"),
          """
          Node rules that must hold for the pod to be scheduled. Later label changes do not evict \
          the pod.
          """),
        FieldSchema(
          "preferredDuringSchedulingIgnoredDuringExecution",
          .named("[]v1.PreferredSchedulingTerm", .array(.object("core.PreferredSchedulingTerm"))),
          "Weighted node preferences the scheduler tries to satisfy."),
      ]),
    StructSchema(
      "core.PreferredSchedulingTerm",
      [
        FieldSchema(
          "weight", .int32, required: true, emitted: true,
          "How much this preference counts, from 1 to 100."),
        FieldSchema(
          "preference", .object("core.NodeSelectorTerm"), required: true, emitted: true,
          "The node selector term to prefer."),
      ]),
    StructSchema(
      "core.PodAffinity",
      [
        FieldSchema(
          "requiredDuringSchedulingIgnoredDuringExecution",
          .named("[]v1.PodAffinityTerm", .array(.object("core.PodAffinityTerm"))),
          "Terms that must be satisfied by pods already in the topology domain."),
        FieldSchema(
          "preferredDuringSchedulingIgnoredDuringExecution",
          .named("[]v1.WeightedPodAffinityTerm", .array(.object("core.WeightedPodAffinityTerm"))),
          "Weighted terms the scheduler tries to satisfy."),
      ]),
    StructSchema(
      "core.PodAffinityTerm",
      [
        FieldSchema(
          "labelSelector", .object("meta.LabelSelector"),
          "Which pods the term is about."),
        FieldSchema(
          "namespaces", .array(.string),
          "The namespaces to look for those pods in. Empty means the pod's own namespace."),
        FieldSchema(
          "topologyKey", .string, required: true, emitted: true,
          """
          The node label that defines a topology domain, such as kubernetes.io/hostname or \
          topology.kubernetes.io/zone.
          """),
        FieldSchema(
          "namespaceSelector", .object("meta.LabelSelector"),
          "A label query over namespaces to look for pods in."),
        FieldSchema(
          "matchLabelKeys", .array(.string),
          "Label keys whose values are taken from the incoming pod and added to labelSelector."),
        FieldSchema(
          "mismatchLabelKeys", .array(.string),
          "Label keys whose values from the incoming pod must not match."),
      ]),
    StructSchema(
      "core.WeightedPodAffinityTerm",
      [
        FieldSchema(
          "weight", .int32, required: true, emitted: true,
          "How much this term counts, from 1 to 100."),
        FieldSchema(
          "podAffinityTerm", .object("core.PodAffinityTerm"), required: true, emitted: true,
          "The pod affinity term."),
      ]),
    StructSchema(
      "core.PodAntiAffinity",
      [
        FieldSchema(
          "requiredDuringSchedulingIgnoredDuringExecution",
          .named("[]v1.PodAffinityTerm", .array(.object("core.PodAffinityTerm"))),
          "Terms that no pod already in the topology domain may satisfy."),
        FieldSchema(
          "preferredDuringSchedulingIgnoredDuringExecution",
          .named("[]v1.WeightedPodAffinityTerm", .array(.object("core.WeightedPodAffinityTerm"))),
          "Weighted terms the scheduler tries to avoid."),
      ]),
    StructSchema(
      "core.Toleration",
      [
        FieldSchema(
          "key", .string,
          "The taint key the toleration matches. Empty with operator Exists matches every taint."),
        FieldSchema(
          "operator", .named("v1.TolerationOperator", .string), enum: ["Exists", "Equal"],
          "Exists matches any value; Equal matches value exactly. Defaults to Equal."),
        FieldSchema(
          "value", .string,
          "The taint value to match when operator is Equal."),
        FieldSchema(
          "effect", .named("v1.TaintEffect", .string),
          enum: ["NoSchedule", "PreferNoSchedule", "NoExecute"],
          """
          The taint effect to match: NoSchedule, PreferNoSchedule or NoExecute. Empty matches all \
          effects.
          """),
        FieldSchema(
          "tolerationSeconds", .int64,
          """
          For NoExecute taints: how long the pod stays bound after the taint appears. Unset means \
          forever.
          """),
      ]),
    StructSchema(
      "core.HostAlias",
      [
        FieldSchema(
          "ip", .string, required: true, emitted: true,
          "The IP address of the entry."),
        FieldSchema(
          "hostnames", .array(.string),
          "The host names for the IP address."),
      ]),
    StructSchema(
      "core.PodDNSConfig",
      [
        FieldSchema(
          "nameservers", .array(.string),
          "DNS server IP addresses, at most three."),
        FieldSchema(
          "searches", .array(.string),
          "DNS search domains for host name lookups."),
        FieldSchema(
          "options", .named("[]v1.PodDNSConfigOption", .array(.object("core.PodDNSConfigOption"))),
          "Resolver options, such as ndots."),
      ]),
    StructSchema(
      "core.PodDNSConfigOption",
      [
        FieldSchema(
          "name", .string,
          "The option name, such as ndots."),
        FieldSchema(
          "value", .string,
          "The option value."),
      ]),
    StructSchema(
      "core.PodReadinessGate",
      [
        FieldSchema(
          "conditionType", .named("v1.PodConditionType", .string), required: true, emitted: true,
          enum: [
            "ContainersReady", "Initialized", "Ready", "PodScheduled", "DisruptionTarget",
            "PodReadyToStartContainers",
          ],
          "A pod condition type that must be True for the pod to be ready.")
      ]),
    StructSchema(
      "core.TopologySpreadConstraint",
      [
        FieldSchema(
          "maxSkew", .int32, required: true, emitted: true,
          """
          The largest allowed difference in matching pods between any two domains. Must be greater \
          than zero.
          """),
        FieldSchema(
          "topologyKey", .string, required: true, emitted: true,
          "The node label whose values define the domains, such as topology.kubernetes.io/zone."),
        FieldSchema(
          "whenUnsatisfiable", .named("v1.UnsatisfiableConstraintAction", .string), required: true,
          emitted: true, enum: ["DoNotSchedule", "ScheduleAnyway"],
          "What to do when the constraint cannot be met: DoNotSchedule or ScheduleAnyway."),
        FieldSchema(
          "labelSelector", .object("meta.LabelSelector"),
          "Which pods are counted in each domain."),
        FieldSchema(
          "minDomains", .int32,
          "The minimum number of eligible domains."),
        FieldSchema(
          "nodeAffinityPolicy", .named("v1.NodeInclusionPolicy", .string),
          enum: ["Ignore", "Honor"],
          "Whether node affinity is honored when counting domains: Honor or Ignore."),
        FieldSchema(
          "nodeTaintsPolicy", .named("v1.NodeInclusionPolicy", .string), enum: ["Ignore", "Honor"],
          "Whether node taints are honored when counting domains: Honor or Ignore."),
        FieldSchema(
          "matchLabelKeys", .array(.string),
          "Label keys whose values from the incoming pod narrow the set of counted pods."),
      ]),
    StructSchema(
      "core.PodOS",
      [
        FieldSchema(
          "name", .named("v1.OSName", .string), required: true, emitted: true,
          enum: ["linux", "windows"],
          "The operating system: linux or windows.")
      ]),
    StructSchema(
      "core.PodSchedulingGate",
      [
        FieldSchema(
          "name", .string, required: true, emitted: true,
          "The name of the gate.")
      ]),
    StructSchema(
      "core.PodResourceClaim",
      [
        FieldSchema(
          "name", .string, required: true, emitted: true,
          "The name containers use to refer to this claim."),
        FieldSchema(
          "resourceClaimName", .string,
          "The name of an existing ResourceClaim."),
        FieldSchema(
          "resourceClaimTemplateName", .string,
          "A ResourceClaimTemplate from which a claim is made for this pod."),
      ]),
    StructSchema(
      "core.PodStatus",
      [
        FieldSchema(
          "phase", .named("v1.PodPhase", .string),
          enum: ["Pending", "Running", "Succeeded", "Failed", "Unknown"],
          "Where the pod is in its lifecycle: Pending, Running, Succeeded, Failed or Unknown."),
        FieldSchema(
          "conditions", .named("[]v1.PodCondition", .array(.object("core.PodCondition"))),
          "The pod's conditions, such as PodScheduled, Initialized, ContainersReady and Ready."),
        FieldSchema(
          "message", .string,
          "A human-readable message about why the pod is in its state."),
        FieldSchema(
          "reason", .string,
          "A short CamelCase reason for the pod's state, such as Evicted."),
        FieldSchema(
          "nominatedNodeName", .string,
          "The node the pod is expected to land on after preempting other pods."),
        FieldSchema(
          "hostIP", .string,
          "The IP address of the node the pod runs on."),
        FieldSchema(
          "hostIPs", .named("[]v1.HostIP", .array(.object("core.HostIP"))),
          "The IP addresses of the node, one per IP family."),
        FieldSchema(
          "podIP", .string,
          "The IP address allocated to the pod."),
        FieldSchema(
          "podIPs", .named("[]v1.PodIP", .array(.object("core.PodIP"))),
          "The pod's IP addresses, one per IP family."),
        FieldSchema(
          "startTime", .time,
          "When the kubelet accepted the pod, before images were pulled."),
        FieldSchema(
          "initContainerStatuses",
          .named("[]v1.ContainerStatus", .array(.object("core.ContainerStatus"))),
          "The state of each init container."),
        FieldSchema(
          "containerStatuses",
          .named("[]v1.ContainerStatus", .array(.object("core.ContainerStatus"))),
          "The state of each app container."),
        FieldSchema(
          "qosClass", .named("v1.PodQOSClass", .string),
          enum: ["Guaranteed", "Burstable", "BestEffort"],
          """
          The pod's quality of service class: Guaranteed, Burstable or BestEffort, derived from \
          its resources.
          """),
        FieldSchema(
          "ephemeralContainerStatuses",
          .named("[]v1.ContainerStatus", .array(.object("core.ContainerStatus"))),
          "The state of each ephemeral container."),
        FieldSchema(
          "resize", .named("v1.PodResizeStatus", .string),
          enum: ["Proposed", "InProgress", "Deferred", "Infeasible"],
          "The state of an in-place resize request."),
        FieldSchema(
          "resourceClaimStatuses",
          .named("[]v1.PodResourceClaimStatus", .array(.object("core.PodResourceClaimStatus"))),
          "The names of the resource claims made for the pod."),
      ]),
    StructSchema(
      "core.PodCondition",
      [
        FieldSchema(
          "type", .named("v1.PodConditionType", .string), required: true, emitted: true,
          enum: [
            "ContainersReady", "Initialized", "Ready", "PodScheduled", "DisruptionTarget",
            "PodReadyToStartContainers",
          ],
          "The condition type, such as Ready or PodScheduled."),
        FieldSchema(
          "status", .named("v1.ConditionStatus", .string), required: true, emitted: true,
          enum: ["True", "False", "Unknown"],
          "The status of the condition: True, False or Unknown."),
        FieldSchema(
          "lastProbeTime", .time, emitted: true,
          "When the condition was last checked."),
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
      "core.HostIP",
      [
        FieldSchema(
          "ip", .string, required: true, emitted: true,
          "The IP address of the node.")
      ]),
    StructSchema(
      "core.PodIP",
      [
        FieldSchema(
          "ip", .string, required: true, emitted: true,
          "The IP address of the pod.")
      ]),
    StructSchema(
      "core.ContainerStatus",
      [
        FieldSchema(
          "name", .string, required: true, emitted: true,
          "The name of the container."),
        FieldSchema(
          "state", .object("core.ContainerState"), emitted: true,
          "The container's current state: waiting, running or terminated."),
        FieldSchema(
          "lastState", .object("core.ContainerState"), emitted: true,
          "The container's previous state, such as why it last terminated."),
        FieldSchema(
          "ready", .boolean, required: true, emitted: true,
          "Whether the container has passed its readiness probe."),
        FieldSchema(
          "restartCount", .int32, required: true, emitted: true,
          "How many times the container has been restarted."),
        FieldSchema(
          "image", .string, required: true, emitted: true,
          "The image the container runs."),
        FieldSchema(
          "imageID", .string, required: true, emitted: true,
          "The ID of the image the container runs."),
        FieldSchema(
          "containerID", .string,
          "The container's ID in the runtime, in the form <type>://<id>."),
        FieldSchema(
          "started", .boolean,
          "Whether the container has passed its startup probe."),
        FieldSchema(
          "allocatedResources", .named("v1.ResourceList", .map(.quantity)),
          "The resources the node has allocated to the container."),
        FieldSchema(
          "resources", .object("core.ResourceRequirements"),
          "The resources actually configured for the running container."),
        FieldSchema(
          "volumeMounts",
          .named("[]v1.VolumeMountStatus", .array(.object("core.VolumeMountStatus"))),
          "The volumes mounted in the container."),
        FieldSchema(
          "user", .object("core.ContainerUser"),
          "The identity the container's first process runs as."),
        FieldSchema(
          "allocatedResourcesStatus",
          .named("[]v1.ResourceStatus", .array(.object("core.ResourceStatus"))),
          "The health of the resources allocated to the container."),
      ]),
    StructSchema(
      "core.ContainerState",
      [
        FieldSchema(
          "waiting", .object("core.ContainerStateWaiting"),
          "Details of a container that is not running yet."),
        FieldSchema(
          "running", .object("core.ContainerStateRunning"),
          "Details of a running container."),
        FieldSchema(
          "terminated", .object("core.ContainerStateTerminated"),
          "Details of a container that has exited."),
      ]),
    StructSchema(
      "core.ContainerStateWaiting",
      [
        FieldSchema(
          "reason", .string,
          "Why the container is not running, such as ContainerCreating or ImagePullBackOff."),
        FieldSchema(
          "message", .string,
          "More detail about why the container is waiting."),
      ]),
    StructSchema(
      "core.ContainerStateRunning",
      [
        FieldSchema(
          "startedAt", .time, emitted: true,
          "When the container last started.")
      ]),
    StructSchema(
      "core.ContainerStateTerminated",
      [
        FieldSchema(
          "exitCode", .int32, required: true, emitted: true,
          "The exit status of the container's last run."),
        FieldSchema(
          "signal", .int32,
          "The signal that ended the container, if any."),
        FieldSchema(
          "reason", .string,
          "Why the container exited, such as Completed or Error."),
        FieldSchema(
          "message", .string,
          "More detail about the exit."),
        FieldSchema(
          "startedAt", .time, emitted: true,
          "When the container's last run started."),
        FieldSchema(
          "finishedAt", .time, emitted: true,
          "When the container's last run ended."),
        FieldSchema(
          "containerID", .string,
          "The container's ID in the runtime."),
      ]),
    StructSchema(
      "core.VolumeMountStatus",
      [
        FieldSchema(
          "name", .string, required: true, emitted: true,
          "The name of the volume mount."),
        FieldSchema(
          "mountPath", .string, required: true, emitted: true,
          "Where the volume is mounted."),
        FieldSchema(
          "readOnly", .boolean,
          "Whether the mount is read-only."),
        FieldSchema(
          "recursiveReadOnly", .named("v1.RecursiveReadOnlyMode", .string),
          enum: ["Disabled", "IfPossible", "Enabled"],
          "Whether read-only applies recursively."),
      ]),
    StructSchema(
      "core.ContainerUser",
      [
        FieldSchema(
          "linux", .object("core.LinuxContainerUser"),
          "The Linux identity of the first process.")
      ]),
    StructSchema(
      "core.LinuxContainerUser",
      [
        FieldSchema(
          "uid", .int64, required: true, emitted: true,
          "The user ID."),
        FieldSchema(
          "gid", .int64, required: true, emitted: true,
          "The primary group ID."),
        FieldSchema(
          "supplementalGroups", .array(.int64),
          "The supplementary group IDs."),
      ]),
    StructSchema(
      "core.ResourceStatus",
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
          "The name of the resource."),
        FieldSchema(
          "resources", .named("[]v1.ResourceHealth", .array(.object("core.ResourceHealth"))),
          "The health of each device or unit of the resource."),
      ]),
    StructSchema(
      "core.ResourceHealth",
      [
        FieldSchema(
          "resourceID", .named("v1.ResourceID", .string), required: true, emitted: true,
          "The ID of the device or unit."),
        FieldSchema(
          "health", .named("v1.ResourceHealthStatus", .string),
          enum: ["Healthy", "Unhealthy", "Unknown"],
          "Its health: Healthy, Unhealthy or Unknown."),
      ]),
    StructSchema(
      "core.PodResourceClaimStatus",
      [
        FieldSchema(
          "name", .string, required: true, emitted: true,
          "The name of the pod's resource claim entry."),
        FieldSchema(
          "resourceClaimName", .string,
          "The name of the ResourceClaim made for it."),
      ]),
    StructSchema(
      "core.ResourceQuota",
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
          "spec", .object("core.ResourceQuotaSpec"), emitted: true,
          "The limits the quota enforces."),
        FieldSchema(
          "status", .object("core.ResourceQuotaStatus"), emitted: true,
          "The limits and the amounts in use."),
      ]),
    StructSchema(
      "core.ResourceQuotaSpec",
      [
        FieldSchema(
          "hard", .named("v1.ResourceList", .map(.quantity)),
          "The most of each resource allowed, such as pods: 10 or requests.cpu: 4."),
        FieldSchema(
          "scopes",
          .named("[]v1.ResourceQuotaScope", .array(.named("v1.ResourceQuotaScope", .string))),
          "Restricts which objects are counted, such as Terminating or BestEffort."),
        FieldSchema(
          "scopeSelector", .object("core.ScopeSelector"),
          "A more expressive form of scopes."),
      ]),
    StructSchema(
      "core.ScopeSelector",
      [
        FieldSchema(
          "matchExpressions",
          .named(
            "[]v1.ScopedResourceSelectorRequirement",
            .array(.object("core.ScopedResourceSelectorRequirement"))),
          "Requirements on scopes.")
      ]),
    StructSchema(
      "core.ScopedResourceSelectorRequirement",
      [
        FieldSchema(
          "scopeName", .named("v1.ResourceQuotaScope", .string), required: true, emitted: true,
          enum: [
            "Terminating", "NotTerminating", "BestEffort", "NotBestEffort", "PriorityClass",
            "CrossNamespacePodAffinity",
          ],
          "The scope the requirement applies to."),
        FieldSchema(
          "operator", .named("v1.ScopeSelectorOperator", .string), required: true, emitted: true,
          enum: ["In", "NotIn", "Exists", "DoesNotExist"],
          "How the scope relates to the values: In, NotIn, Exists or DoesNotExist."),
        FieldSchema(
          "values", .array(.string),
          "The values to compare with."),
      ]),
    StructSchema(
      "core.ResourceQuotaStatus",
      [
        FieldSchema(
          "hard", .named("v1.ResourceList", .map(.quantity)),
          "The limits being enforced."),
        FieldSchema(
          "used", .named("v1.ResourceList", .map(.quantity)),
          "The amounts currently in use in the namespace."),
      ]),
    StructSchema(
      "core.Secret",
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
          "immutable", .boolean,
          """
          When true, the data cannot be changed after creation; only metadata can be updated. \
          Defaults to false.
          """),
        FieldSchema(
          "data", .map(.bytes),
          "Secret values, base64-encoded. Keys must be letters, digits, '-', '_' or '.'."),
        FieldSchema(
          "stringData", .map(.string),
          """
          Secret values as plain strings, for convenience on write. They are merged into data, \
          overriding it, and never read back.
          """),
        FieldSchema(
          "type", .named("v1.SecretType", .string),
          enum: [
            "Opaque", "kubernetes.io/service-account-token", "kubernetes.io/dockercfg",
            "kubernetes.io/dockerconfigjson", "kubernetes.io/basic-auth", "kubernetes.io/ssh-auth",
            "kubernetes.io/tls", "bootstrap.kubernetes.io/token",
          ],
          """
          How the data is structured, such as Opaque, kubernetes.io/tls or \
          kubernetes.io/dockerconfigjson. Defaults to Opaque.
          """),
      ]),
    StructSchema(
      "core.ServiceAccount",
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
          "secrets", .named("[]v1.ObjectReference", .array(.object("core.ObjectReference"))),
          "Secrets that pods running as this account may use (legacy)."),
        FieldSchema(
          "imagePullSecrets",
          .named("[]v1.LocalObjectReference", .array(.object("core.LocalObjectReference"))),
          "Registry credentials added to pods that run as this account."),
        FieldSchema(
          "automountServiceAccountToken", .boolean,
          "Whether pods that run as this account get an API token mounted automatically."),
      ]),
    StructSchema(
      "core.Service",
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
          "spec", .object("core.ServiceSpec"), emitted: true,
          "The service's behaviour: its ports, selector and type."),
        FieldSchema(
          "status", .object("core.ServiceStatus"), emitted: true,
          "The service's observed state, such as its load balancer."),
      ]),
    StructSchema(
      "core.ServiceSpec",
      [
        FieldSchema(
          "ports", .named("[]v1.ServicePort", .array(.object("core.ServicePort"))),
          "The ports the service exposes."),
        FieldSchema(
          "selector", .map(.string),
          """
          Pods with these labels receive the service's traffic. Without a selector, endpoints must \
          be managed by hand.
          """),
        FieldSchema(
          "clusterIP", .string,
          """
          The service's virtual IP address, usually assigned at random. None makes a headless \
          service. It cannot be changed once set.
          """),
        FieldSchema(
          "clusterIPs", .array(.string),
          """
          The service's virtual IP addresses, at most one per IP family. The first equals \
          clusterIP.
          """),
        FieldSchema(
          "type", .named("v1.ServiceType", .string),
          enum: ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"],
          """
          How the service is exposed: ClusterIP, NodePort, LoadBalancer or ExternalName. Defaults \
          to ClusterIP.
          """),
        FieldSchema(
          "externalIPs", .array(.string),
          "Extra IP addresses the nodes accept traffic for on this service's ports."),
        FieldSchema(
          "sessionAffinity", .named("v1.ServiceAffinity", .string), enum: ["ClientIP", "None"],
          """
          ClientIP sends a client's connections to the same pod; None does not. Defaults to None.
          """),
        FieldSchema(
          "loadBalancerIP", .string,
          "Deprecated; a requested load balancer IP, supported by some providers."),
        FieldSchema(
          "loadBalancerSourceRanges", .array(.string),
          "Client IP ranges allowed to reach the load balancer, where the provider supports it."),
        FieldSchema(
          "externalName", .string,
          "For type ExternalName: the DNS name the service's name points to, as a CNAME record."),
        FieldSchema(
          "externalTrafficPolicy", .named("v1.ServiceExternalTrafficPolicy", .string),
          enum: ["Cluster", "Local"],
          """
          How external traffic is routed: Cluster spreads it across all endpoints; Local keeps it \
          on the receiving node and preserves the client IP.
          """),
        FieldSchema(
          "healthCheckNodePort", .int32,
          """
          The node port used for load balancer health checks when externalTrafficPolicy is Local.
          """),
        FieldSchema(
          "publishNotReadyAddresses", .boolean,
          "Publish endpoints for pods that are not ready, as StatefulSet peers often need."),
        FieldSchema(
          "sessionAffinityConfig", .object("core.SessionAffinityConfig"),
          "Settings for session affinity."),
        FieldSchema(
          "ipFamilies", .named("[]v1.IPFamily", .array(.named("v1.IPFamily", .string))),
          """
          The IP families (IPv4, IPv6) of the service's cluster IPs, set by the server when left \
          empty.
          """),
        FieldSchema(
          "ipFamilyPolicy", .named("v1.IPFamilyPolicy", .string),
          enum: ["SingleStack", "PreferDualStack", "RequireDualStack"],
          "SingleStack, PreferDualStack or RequireDualStack. Set by the server when left empty."),
        FieldSchema(
          "allocateLoadBalancerNodePorts", .boolean,
          "Whether node ports are allocated for a LoadBalancer service. Defaults to true."),
        FieldSchema(
          "loadBalancerClass", .string,
          "The load balancer implementation to use instead of the cloud provider's default."),
        FieldSchema(
          "internalTrafficPolicy", .named("v1.ServiceInternalTrafficPolicy", .string),
          enum: ["Cluster", "Local"],
          "How traffic from inside the cluster is routed: Cluster or Local. Defaults to Cluster."),
        FieldSchema(
          "trafficDistribution", .string,
          """
          A preference for how traffic is spread, such as PreferClose to favour topologically \
          close endpoints.
          """),
      ]),
    StructSchema(
      "core.ServicePort",
      [
        FieldSchema(
          "name", .string,
          "The port's name, a DNS label. Required when the service has more than one port."),
        FieldSchema(
          "protocol", .named("v1.Protocol", .string), enum: ["TCP", "UDP", "SCTP"],
          "The protocol: TCP, UDP or SCTP. Defaults to TCP."),
        FieldSchema(
          "appProtocol", .string,
          """
          The application protocol carried by this port, as a hint to implementations, such as \
          http or kubernetes.io/h2c.
          """),
        FieldSchema(
          "port", .int32, required: true, emitted: true,
          "The port the service listens on."),
        FieldSchema(
          "targetPort", .intOrString, emitted: true,
          """
          The pod port to send traffic to, by number or by the name of a container port. Defaults \
          to the value of port.
          """),
        FieldSchema(
          "nodePort", .int32,
          """
          For NodePort and LoadBalancer services: the port opened on every node, usually chosen by \
          the system from 30000-32767.
          """),
      ]),
    StructSchema(
      "core.SessionAffinityConfig",
      [
        FieldSchema(
          "clientIP", .object("core.ClientIPConfig"),
          "Settings for ClientIP affinity.")
      ]),
    StructSchema(
      "core.ClientIPConfig",
      [
        FieldSchema(
          "timeoutSeconds", .int32,
          """
          How long a client sticks to the same pod, in seconds, from 1 to 86400. Defaults to 10800 \
          (three hours).
          """)
      ]),
    StructSchema(
      "core.ServiceStatus",
      [
        FieldSchema(
          "loadBalancer", .object("core.LoadBalancerStatus"), emitted: true,
          "The load balancer's address, if one has been provisioned."),
        FieldSchema(
          "conditions", .named("[]v1.Condition", .array(.object("meta.Condition"))),
          "The service's conditions."),
      ]),
    StructSchema(
      "core.LoadBalancerStatus",
      [
        FieldSchema(
          "ingress",
          .named("[]v1.LoadBalancerIngress", .array(.object("core.LoadBalancerIngress"))),
          "The addresses at which the load balancer can be reached.")
      ]),
    StructSchema(
      "core.LoadBalancerIngress",
      [
        FieldSchema(
          "ip", .string,
          "The load balancer's IP address."),
        FieldSchema(
          "hostname", .string,
          "The load balancer's DNS name."),
        FieldSchema(
          "ipMode", .named("v1.LoadBalancerIPMode", .string), enum: ["VIP", "Proxy"],
          "How traffic to the IP is delivered: VIP or Proxy."),
        FieldSchema(
          "ports", .named("[]v1.PortStatus", .array(.object("core.PortStatus"))),
          "The status of each service port on the load balancer."),
      ]),
    StructSchema(
      "core.PortStatus",
      [
        FieldSchema(
          "port", .int32, required: true, emitted: true,
          "The port number."),
        FieldSchema(
          "protocol", .named("v1.Protocol", .string), required: true, emitted: true,
          enum: ["TCP", "UDP", "SCTP"],
          "The protocol of the port."),
        FieldSchema(
          "error", .string,
          """
          A description of a problem, in CamelCase form such as ServiceUnavailable, or empty when \
          there is none.
          """),
      ]),
    StructSchema(
      "core.PodTemplateSpec",
      [
        FieldSchema(
          "metadata", .object("meta.ObjectMeta"), emitted: true,
          "Metadata for the pods made from this template, mainly their labels."),
        FieldSchema(
          "spec", .object("core.PodSpec"), emitted: true,
          "The specification of the pods made from this template."),
      ]),
    StructSchema(
      "core.TopologySelectorTerm",
      [
        FieldSchema(
          "matchLabelExpressions",
          .named(
            "[]v1.TopologySelectorLabelRequirement",
            .array(.object("core.TopologySelectorLabelRequirement"))),
          "Requirements on topology labels.")
      ]),
    StructSchema(
      "core.TopologySelectorLabelRequirement",
      [
        FieldSchema(
          "key", .string, required: true, emitted: true,
          "The topology label key."),
        FieldSchema(
          "values", .array(.string), required: true, emitted: true,
          "The allowed values."),
      ]),
  ]
}
