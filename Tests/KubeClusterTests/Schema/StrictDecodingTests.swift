import Testing

@testable import KubeCluster

/// Strict decoding, checked against the wording of a real 1.32 API server.
@Suite("Strict decoding")
struct StrictDecodingTests {
  static let container: JSONValue = ["name": "web", "image": "nginx:1.27"]

  static func pod(spec: JSONValue) -> JSONValue {
    ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "web"], "spec": spec]
  }

  static func deployment(spec: JSONValue) -> JSONValue {
    ["apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web"], "spec": spec]
  }

  @Test("a valid object decodes")
  func validObject() {
    let pod = StrictDecodingTests.pod(spec: ["containers": [StrictDecodingTests.container]])

    #expect(Schema.decodeError(pod, kind: .pod) == nil)
  }

  @Test(
    "unknown fields are listed with their full paths",
    arguments: [
      (
        pod(spec: ["contaners": [container]]),
        #"Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.contaners""#
      ),
      (
        pod(spec: ["containers": [container], "a": 1, "b": 2]),
        #"Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.a", unknown field "spec.b""#
      ),
      (
        pod(spec: ["containers": [container, ["name": "side", "imagee": "busybox"]]]),
        #"Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[1].imagee""#
      ),
      (
        [
          "apiVersion": "v1", "kind": "Pod", "metadata": ["name": "web", "lables": ["app": "web"]],
          "spec": ["containers": [container]],
        ],
        #"Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "metadata.lables""#
      ),
      (
        deployment(spec: [
          "selector": ["matchLabels": ["app": "web"]],
          "template": [
            "metadata": ["labels": ["app": "web"]],
            "spec": ["containers": [["name": "web", "image": "nginx", "port": 80]]],
          ],
        ]),
        #"Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].port""#
      ),
    ] as [(JSONValue, String)])
  func unknownFields(content: JSONValue, expected: String) {
    let kind = Kind(rawValue: content["kind"]?.string ?? "") ?? .pod

    let error = Schema.decodeError(content, kind: kind)

    #expect(error?.message == expected)
    #expect(error?.reason == "BadRequest")
    #expect(error?.code == 400)
  }

  @Test(
    "values of the wrong type give Go's decoder error",
    arguments: [
      (
        deployment(spec: ["replicas": "3"]),
        "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32"
      ),
      (
        deployment(spec: ["replicas": 1.5]),
        "json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32"
      ),
      (
        deployment(spec: ["replicas": 3_000_000_000]),
        "json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32"
      ),
      (
        deployment(spec: [
          "template": [
            "spec": ["containers": [["name": "web", "ports": [["containerPort": "80"]]]]]
          ]
        ]),
        "json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32"
      ),
      (
        pod(spec: ["containers": ["name": "web", "image": "nginx"]]),
        "json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container"
      ),
      (
        pod(spec: ["containers": ["web"]]),
        "json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type v1.Container"
      ),
      (
        pod(spec: ["containers": [["name": "web", "image": 123]]]),
        "json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string"
      ),
      (
        pod(spec: ["restartPolicy": 1, "containers": [container]]),
        "json: cannot unmarshal number into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy"
      ),
      (
        pod(spec: ["containers": [["name": "web", "image": "nginx", "command": "sleep 10"]]]),
        "json: cannot unmarshal string into Go struct field Container.spec.containers.command of type []string"
      ),
      (
        pod(spec: ["containers": [["name": "web", "image": "nginx", "livenessProbe": "yes"]]]),
        "json: cannot unmarshal string into Go struct field Container.spec.containers.livenessProbe of type v1.Probe"
      ),
      (
        pod(spec: [
          "containers": [["name": "web", "image": "nginx", "resources": ["limits": ["cpu", "1"]]]]
        ]),
        "json: cannot unmarshal array into Go struct field ResourceRequirements.spec.containers.resources.limits of type v1.ResourceList"
      ),
      (
        pod(spec: ["hostNetwork": "true", "containers": [container]]),
        "json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool"
      ),
      (
        deployment(spec: "web"),
        "json: cannot unmarshal string into Go struct field Deployment.spec of type v1.DeploymentSpec"
      ),
    ] as [(JSONValue, String)])
  func wrongTypes(content: JSONValue, expected: String) {
    let kind = Kind(rawValue: content["kind"]?.string ?? "") ?? .pod

    let error = Schema.decodeError(content, kind: kind)

    let prefix = "\(kind.rawValue) in version \"v1\" cannot be handled as a \(kind.rawValue): "
    #expect(error?.message == prefix + expected)
  }

  @Test("a label value that YAML read as a number is rejected")
  func numericLabel() {
    let content: JSONValue = [
      "apiVersion": "v1", "kind": "Pod", "metadata": ["name": "web", "labels": ["version": 1.0]],
      "spec": ["containers": [StrictDecodingTests.container]],
    ]

    #expect(
      Schema.decodeError(content, kind: .pod)?.message
        == #"Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string"#
    )
  }

  @Test("a type error hides unknown fields, as Go's decoder stops reporting them")
  func typeErrorWins() {
    let content = StrictDecodingTests.deployment(spec: ["replicas": "2", "replica": 2])

    #expect(
      Schema.decodeError(content, kind: .deployment)?.message
        == #"Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32"#
    )
  }

  @Test(
    "types with their own decoding report their own errors",
    arguments: [
      (
        pod(spec: [
          "containers": [
            ["name": "web", "image": "nginx", "resources": ["limits": ["cpu": "one"]]]
          ]
        ]),
        "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
      ),
      (
        pod(spec: [
          "containers": [
            ["name": "web", "image": "nginx", "resources": ["requests": ["memory": "512mi"]]]
          ]
        ]),
        "unable to parse quantity's suffix"
      ),
    ] as [(JSONValue, String)])
  func quantities(content: JSONValue, expected: String) {
    #expect(
      Schema.decodeError(content, kind: .pod)?.message
        == #"Pod in version "v1" cannot be handled as a Pod: "# + expected)
  }

  @Test("secret data must be base64")
  func secretData() {
    let content: JSONValue = [
      "apiVersion": "v1", "kind": "Secret", "metadata": ["name": "db"],
      "data": ["password": "hunter2"],
    ]
    let good: JSONValue = [
      "apiVersion": "v1", "kind": "Secret", "metadata": ["name": "db"],
      "data": ["password": "aHVudGVyMg=="],
    ]

    #expect(
      Schema.decodeError(content, kind: .secret)?.message
        == #"Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4"#
    )
    #expect(Schema.decodeError(good, kind: .secret) == nil)
  }

  @Test("a service targetPort must be a number or a string")
  func targetPort() {
    let content: JSONValue = [
      "apiVersion": "v1", "kind": "Service", "metadata": ["name": "web"],
      "spec": ["ports": [["port": 80, "targetPort": true]]],
    ]

    #expect(
      Schema.decodeError(content, kind: .service)?.message
        == #"Service in version "v1" cannot be handled as a Service: json: cannot unmarshal bool into Go value of type int32"#
    )
  }

  @Test("autoscaling/v2 types print with their own package name")
  func autoscalingPackage() {
    let content: JSONValue = [
      "apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
      "metadata": ["name": "web"],
      "spec": ["scaleTargetRef": "web"],
    ]

    #expect(
      Schema.decodeError(content, kind: .horizontalPodAutoscaler)?.message
        == #"HorizontalPodAutoscaler in version "v2" cannot be handled as a HorizontalPodAutoscaler: json: cannot unmarshal string into Go struct field HorizontalPodAutoscalerSpec.spec.scaleTargetRef of type v2.CrossVersionObjectReference"#
    )
  }
}
