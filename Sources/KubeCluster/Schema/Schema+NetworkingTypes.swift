// Field schemas of `networking.k8s.io/v1`, as of Kubernetes 1.32.
// Descriptions are kubetutor's own wording.

extension Schema {
  /// The object types of `networking.k8s.io/v1` that the simulated kinds use.
  static let networkingTypes: [StructSchema] = [
    StructSchema(
      "networking.IngressClass",
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
          "spec", .object("networking.IngressClassSpec"), emitted: true,
          "The controller and its parameters."),
      ]),
    StructSchema(
      "networking.IngressClassSpec",
      [
        FieldSchema(
          "controller", .string,
          "The controller that implements the class, such as k8s.io/ingress-nginx."),
        FieldSchema(
          "parameters", .object("networking.IngressClassParametersReference"),
          "A reference to an object holding the controller's configuration."),
      ]),
    StructSchema(
      "networking.IngressClassParametersReference",
      [
        FieldSchema(
          "apiGroup", .string,
          "The API group of the referenced resource. Empty means the core group."),
        FieldSchema(
          "kind", .string, required: true,
          "The kind of the parameters object."),
        FieldSchema(
          "name", .string, required: true, emitted: true,
          "The name of the parameters object."),
        FieldSchema(
          "scope", .string, emitted: true, pointer: true,
          "Whether the object is Cluster-scoped or in a Namespace."),
        FieldSchema(
          "namespace", .string,
          "The namespace of the object when scope is Namespace."),
      ]),
    StructSchema(
      "networking.Ingress",
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
          "spec", .object("networking.IngressSpec"), emitted: true,
          "The routing rules."),
        FieldSchema(
          "status", .object("networking.IngressStatus"), emitted: true,
          "The addresses the ingress is served on."),
      ]),
    StructSchema(
      "networking.IngressSpec",
      [
        FieldSchema(
          "ingressClassName", .string,
          "The IngressClass that should handle this ingress."),
        FieldSchema(
          "defaultBackend", .object("networking.IngressBackend"),
          "Where traffic goes when no rule matches."),
        FieldSchema(
          "tls", .named("[]v1.IngressTLS", .array(.object("networking.IngressTLS"))),
          "TLS settings: the hosts and the secret holding their certificate."),
        FieldSchema(
          "rules", .named("[]v1.IngressRule", .array(.object("networking.IngressRule"))),
          "Host and path rules mapping requests to backends."),
      ]),
    StructSchema(
      "networking.IngressBackend",
      [
        FieldSchema(
          "service", .object("networking.IngressServiceBackend"),
          "A service to send traffic to."),
        FieldSchema(
          "resource", .object("core.TypedLocalObjectReference"),
          "Another object to send traffic to, such as a storage bucket. Exclusive with service."),
      ]),
    StructSchema(
      "networking.IngressServiceBackend",
      [
        FieldSchema(
          "name", .string, required: true, emitted: true,
          "The name of the service."),
        FieldSchema(
          "port", .object("networking.ServiceBackendPort"), emitted: true,
          "The service port, by number or by name."),
      ]),
    StructSchema(
      "networking.ServiceBackendPort",
      [
        FieldSchema(
          "name", .string,
          "The name of the service port."),
        FieldSchema(
          "number", .int32,
          "The number of the service port."),
      ]),
    StructSchema(
      "networking.IngressTLS",
      [
        FieldSchema(
          "hosts", .array(.string),
          "The host names the certificate covers."),
        FieldSchema(
          "secretName", .string,
          "The Secret holding the TLS certificate and key."),
      ]),
    StructSchema(
      "networking.IngressRule",
      [
        FieldSchema(
          "host", .string,
          """
          The host name the rule applies to, such as foo.example.com; wildcards like *.example.com \
          are allowed. Empty matches all hosts.
          """),
        FieldSchema(
          "http", .object("networking.HTTPIngressRuleValue"),
          "The HTTP paths of the rule."),
      ]),
    StructSchema(
      "networking.HTTPIngressRuleValue",
      [
        FieldSchema(
          "paths", .named("[]v1.HTTPIngressPath", .array(.object("networking.HTTPIngressPath"))),
          required: true, emitted: true,
          "The paths and their backends.")
      ]),
    StructSchema(
      "networking.HTTPIngressPath",
      [
        FieldSchema(
          "path", .string,
          "The path to match, starting with '/'."),
        FieldSchema(
          "pathType", .named("v1.PathType", .string), required: true, emitted: true, pointer: true,
          """
          How path is matched: Exact, Prefix (by path element) or ImplementationSpecific. \
          Required.
          """),
        FieldSchema(
          "backend", .object("networking.IngressBackend"), required: true, emitted: true,
          "Where matching requests are sent."),
      ]),
    StructSchema(
      "networking.IngressStatus",
      [
        FieldSchema(
          "loadBalancer", .object("networking.IngressLoadBalancerStatus"), emitted: true,
          "The addresses of the load balancer.")
      ]),
    StructSchema(
      "networking.IngressLoadBalancerStatus",
      [
        FieldSchema(
          "ingress",
          .named(
            "[]v1.IngressLoadBalancerIngress",
            .array(.object("networking.IngressLoadBalancerIngress"))),
          "The load balancer's addresses.")
      ]),
    StructSchema(
      "networking.IngressLoadBalancerIngress",
      [
        FieldSchema(
          "ip", .string,
          "The IP address."),
        FieldSchema(
          "hostname", .string,
          "The DNS name."),
        FieldSchema(
          "ports",
          .named("[]v1.IngressPortStatus", .array(.object("networking.IngressPortStatus"))),
          "The status of each port."),
      ]),
    StructSchema(
      "networking.IngressPortStatus",
      [
        FieldSchema(
          "port", .int32, required: true, emitted: true,
          "The port number."),
        FieldSchema(
          "protocol", .named("v1.Protocol", .string), required: true, emitted: true,
          enum: ["TCP", "UDP", "SCTP"],
          "The network protocol: TCP, UDP or SCTP. Defaults to TCP."),
        FieldSchema(
          "error", .string,
          """
          A description of a problem, in CamelCase form such as ServiceUnavailable, or empty when \
          there is none.
          """),
      ]),
    StructSchema(
      "networking.NetworkPolicy",
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
          "spec", .object("networking.NetworkPolicySpec"), emitted: true,
          "The traffic rules."),
      ]),
    StructSchema(
      "networking.NetworkPolicySpec",
      [
        FieldSchema(
          "podSelector", .object("meta.LabelSelector"), required: true, emitted: true,
          "The pods the policy applies to. An empty selector selects every pod in the namespace."),
        FieldSchema(
          "ingress",
          .named(
            "[]v1.NetworkPolicyIngressRule", .array(.object("networking.NetworkPolicyIngressRule"))),
          "Allowed incoming traffic. A selected pod accepts only traffic some rule allows."),
        FieldSchema(
          "egress",
          .named(
            "[]v1.NetworkPolicyEgressRule", .array(.object("networking.NetworkPolicyEgressRule"))),
          "Allowed outgoing traffic."),
        FieldSchema(
          "policyTypes", .named("[]v1.PolicyType", .array(.named("v1.PolicyType", .string))),
          "Which directions the policy restricts: Ingress, Egress or both."),
      ]),
    StructSchema(
      "networking.NetworkPolicyIngressRule",
      [
        FieldSchema(
          "ports",
          .named("[]v1.NetworkPolicyPort", .array(.object("networking.NetworkPolicyPort"))),
          "Ports the traffic may reach. Empty means all ports."),
        FieldSchema(
          "from", .named("[]v1.NetworkPolicyPeer", .array(.object("networking.NetworkPolicyPeer"))),
          "Where traffic may come from. Empty means anywhere."),
      ]),
    StructSchema(
      "networking.NetworkPolicyPort",
      [
        FieldSchema(
          "protocol", .named("v1.Protocol", .string), enum: ["TCP", "UDP", "SCTP"],
          "The protocol: TCP, UDP or SCTP. Defaults to TCP."),
        FieldSchema(
          "port", .intOrString,
          "The port, by number or name. Empty means all ports."),
        FieldSchema(
          "endPort", .int32,
          "The last port of a range that starts at port."),
      ]),
    StructSchema(
      "networking.NetworkPolicyPeer",
      [
        FieldSchema(
          "podSelector", .object("meta.LabelSelector"),
          "Pods allowed as peers."),
        FieldSchema(
          "namespaceSelector", .object("meta.LabelSelector"),
          "Namespaces whose pods are allowed as peers."),
        FieldSchema(
          "ipBlock", .object("networking.IPBlock"),
          "An IP range allowed as a peer."),
      ]),
    StructSchema(
      "networking.IPBlock",
      [
        FieldSchema(
          "cidr", .string, required: true, emitted: true,
          "The IP range, such as 192.168.1.0/24."),
        FieldSchema(
          "except", .array(.string),
          "Ranges inside cidr to exclude."),
      ]),
    StructSchema(
      "networking.NetworkPolicyEgressRule",
      [
        FieldSchema(
          "ports",
          .named("[]v1.NetworkPolicyPort", .array(.object("networking.NetworkPolicyPort"))),
          "Ports the traffic may go to. Empty means all ports."),
        FieldSchema(
          "to", .named("[]v1.NetworkPolicyPeer", .array(.object("networking.NetworkPolicyPeer"))),
          "Where traffic may go. Empty means anywhere."),
      ]),
  ]
}
