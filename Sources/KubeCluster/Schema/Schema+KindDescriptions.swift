// What each kind is for, shown at the top of `kubectl explain KIND`.

extension Schema {
  /// One or two sentences per kind, in kubetutor's own words.
  static let kindDescriptions: [Kind: String] = [
    .binding:
      "Binding attaches one object to another; the scheduler posts a Binding to assign a pod to a node.",
    .configMap:
      "ConfigMap holds non-secret configuration data as key-value pairs that pods can read as environment variables, command-line arguments or files.",
    .endpoints:
      "Endpoints lists the network addresses and ports that back a service. Controllers keep it in step with the ready pods the service selects.",
    .event:
      "Event records something that happened to an object in the cluster, such as a pod being scheduled or an image pull failing.",
    .limitRange:
      "LimitRange sets default, minimum and maximum resource amounts for containers, pods and claims in a namespace.",
    .namespace:
      "Namespace is a scope for names. Most objects live in exactly one namespace, and names must be unique only within it.",
    .node:
      "Node is a worker machine in the cluster. Each node runs a kubelet, which reports the node's status and runs the pods scheduled there.",
    .persistentVolumeClaim:
      "PersistentVolumeClaim is a user's request for storage. The cluster binds it to a PersistentVolume that satisfies its size and access modes.",
    .persistentVolume:
      "PersistentVolume is a piece of storage provisioned by an administrator or dynamically through a StorageClass, available to be claimed.",
    .pod:
      "Pod is the smallest deployable unit: one or more containers that share a network namespace and storage and are scheduled together onto a node.",
    .resourceQuota:
      "ResourceQuota caps the total amount of resources and the number of objects that may exist in a namespace.",
    .secret:
      "Secret holds a small amount of sensitive data, such as a password, token or key. Values in data are base64-encoded.",
    .serviceAccount:
      "ServiceAccount is an identity for processes that run in pods, used when they talk to the API server.",
    .service:
      "Service gives a stable virtual IP address and DNS name to a set of pods chosen by a label selector, and spreads traffic across them.",
    .controllerRevision:
      "ControllerRevision is an immutable snapshot of a controller's state, used by DaemonSets and StatefulSets to roll back and track updates.",
    .daemonSet:
      "DaemonSet runs a copy of a pod on every node, or on every node that matches its node selector and tolerations.",
    .deployment:
      "Deployment declares the desired state for a set of identical pods and manages ReplicaSets to roll out changes gradually.",
    .replicaSet:
      "ReplicaSet keeps a fixed number of identical pods running, creating or deleting pods that match its selector as needed.",
    .statefulSet:
      "StatefulSet manages pods that need stable names, stable network identities and their own persistent storage, starting and updating them in order.",
    .horizontalPodAutoscaler:
      "HorizontalPodAutoscaler adjusts the replica count of a scalable resource, such as a Deployment, based on observed metrics like CPU usage.",
    .cronJob:
      "CronJob creates Jobs on a repeating schedule written in cron syntax.",
    .job:
      "Job runs pods until a given number of them finish successfully, retrying failed pods up to a limit.",
    .lease:
      "Lease is a lightweight lock used for leader election and for node heartbeats.",
    .endpointSlice:
      "EndpointSlice lists a subset of the network endpoints behind a service. Large services are split across several slices.",
    .ingressClass:
      "IngressClass names an ingress controller and its configuration, so Ingress objects can say which controller should handle them.",
    .ingress:
      "Ingress routes external HTTP and HTTPS traffic to services by host name and path, and can terminate TLS.",
    .networkPolicy:
      "NetworkPolicy restricts which traffic may reach, or leave, the pods it selects.",
    .podDisruptionBudget:
      "PodDisruptionBudget limits how many pods of an application may be down at once because of voluntary disruptions such as node drains.",
    .clusterRoleBinding:
      "ClusterRoleBinding grants the permissions of a ClusterRole to users, groups or service accounts across the whole cluster.",
    .clusterRole:
      "ClusterRole is a cluster-wide set of permission rules, usable through ClusterRoleBindings or, within one namespace, through RoleBindings.",
    .roleBinding:
      "RoleBinding grants the permissions of a Role or ClusterRole to subjects within one namespace.",
    .role:
      "Role is a set of permission rules that apply within one namespace.",
    .priorityClass:
      "PriorityClass maps a name to an integer priority. Pods that name it are scheduled ahead of, and may preempt, lower-priority pods.",
    .storageClass:
      "StorageClass describes a kind of storage and the provisioner that creates volumes of that kind on demand.",
  ]
}
