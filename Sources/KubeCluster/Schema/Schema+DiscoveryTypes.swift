// Field schemas of `discovery.k8s.io/v1`, as of Kubernetes 1.32.
// Descriptions are kubetutor's own wording.

extension Schema {
  /// The object types of `discovery.k8s.io/v1` that the simulated kinds use.
  static let discoveryTypes: [StructSchema] = [
    StructSchema(
      "discovery.EndpointSlice",
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
          "addressType", .named("v1.AddressType", .string), required: true, emitted: true,
          "The type of address in the slice: IPv4, IPv6 or FQDN. It cannot be changed."),
        FieldSchema(
          "endpoints", .named("[]v1.Endpoint", .array(.object("discovery.Endpoint"))),
          required: true, emitted: true,
          "The endpoints in the slice, at most 1000."),
        FieldSchema(
          "ports", .named("[]v1.EndpointPort", .array(.object("discovery.EndpointPort"))),
          emitted: true,
          "The ports every endpoint in the slice exposes. Empty means all ports."),
      ]),
    StructSchema(
      "discovery.Endpoint",
      [
        FieldSchema(
          "addresses", .array(.string), required: true, emitted: true,
          "The endpoint's addresses, of the slice's addressType."),
        FieldSchema(
          "conditions", .object("discovery.EndpointConditions"), emitted: true,
          "Whether the endpoint is ready, serving or terminating."),
        FieldSchema(
          "hostname", .string,
          "The endpoint's host name, used for DNS records."),
        FieldSchema(
          "targetRef", .object("core.ObjectReference"),
          "The object, usually a pod, that provides this endpoint."),
        FieldSchema(
          "deprecatedTopology", .map(.string),
          "Deprecated topology labels; use nodeName and zone."),
        FieldSchema(
          "nodeName", .string,
          "The node hosting the endpoint."),
        FieldSchema(
          "zone", .string,
          "The zone the endpoint is in."),
        FieldSchema(
          "hints", .object("discovery.EndpointHints"),
          "Hints for topology-aware routing."),
      ]),
    StructSchema(
      "discovery.EndpointConditions",
      [
        FieldSchema(
          "ready", .boolean,
          "Whether the endpoint is ready to receive traffic."),
        FieldSchema(
          "serving", .boolean,
          "Whether the endpoint is serving, regardless of terminating."),
        FieldSchema(
          "terminating", .boolean,
          "Whether the endpoint is terminating."),
      ]),
    StructSchema(
      "discovery.EndpointHints",
      [
        FieldSchema(
          "forZones", .named("[]v1.ForZone", .array(.object("discovery.ForZone"))),
          "The zones that should consume this endpoint.")
      ]),
    StructSchema(
      "discovery.ForZone",
      [
        FieldSchema(
          "name", .string, required: true, emitted: true,
          "The zone name.")
      ]),
    StructSchema(
      "discovery.EndpointPort",
      [
        FieldSchema(
          "name", .string,
          "The port's name, matching a service port name."),
        FieldSchema(
          "protocol", .named("v1.Protocol", .string), enum: ["TCP", "UDP", "SCTP"],
          "The network protocol: TCP, UDP or SCTP. Defaults to TCP."),
        FieldSchema(
          "port", .int32,
          "The port number."),
        FieldSchema(
          "appProtocol", .string,
          """
          The application protocol carried by this port, as a hint to implementations, such as \
          http or kubernetes.io/h2c.
          """),
      ]),
  ]
}
