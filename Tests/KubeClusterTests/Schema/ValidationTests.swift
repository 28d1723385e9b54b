import Testing

@testable import KubeCluster

/// Validation wording for the common beginner mistakes, as a real 1.32 API
/// server reports them after defaulting.
@Suite("Validation")
struct ValidationTests {
  static let subdomainMessage =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', "
    + "and must start and end with an alphanumeric character (e.g. 'example.com', regex used for "
    + "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
  static let labelMessage =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must "
    + "start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for "
    + "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"

  /// Runs what the API server runs on a create: defaulting, the create
  /// strategy, then validation.
  static func errors(_ kind: Kind, _ content: JSONValue) -> [String] {
    var object = Object(kind, content)
    Schema.applyDefaults(to: &object)
    Schema.prepareForCreate(&object)
    return Schema.validate(object, old: nil).map(\.description)
  }

  static func pod(_ containers: JSONValue, spec extra: JSONValue = [:], name: String = "web")
    -> JSONValue
  {
    var spec: JSONValue = ["containers": containers]
    for (key, value) in extra.object ?? JSONObject() { spec[key] = value }
    return ["metadata": ["name": .string(name)], "spec": spec]
  }

  static func deployment(
    selector: JSONValue? = ["matchLabels": ["app": "web"]], labels: JSONValue = ["app": "web"],
    spec extra: JSONValue = [:], podSpec: JSONValue = [:]
  ) -> JSONValue {
    var template: JSONValue = [
      "metadata": ["labels": labels], "spec": ["containers": [["name": "web", "image": "nginx"]]],
    ]
    for (key, value) in podSpec.object ?? JSONObject() { template["spec"]?[key] = value }
    var spec: JSONValue = ["template": template]
    if let selector { spec["selector"] = selector }
    for (key, value) in extra.object ?? JSONObject() { spec[key] = value }
    return ["metadata": ["name": "web"], "spec": spec]
  }

  static func service(_ spec: JSONValue, name: String = "web") -> JSONValue {
    ["metadata": ["name": .string(name)], "spec": spec]
  }

  @Test("valid objects pass")
  func validObjects() {
    #expect(
      ValidationTests.errors(.pod, ValidationTests.pod([["name": "web", "image": "nginx"]])) == [])
    #expect(ValidationTests.errors(.deployment, ValidationTests.deployment()) == [])
    #expect(
      ValidationTests.errors(
        .service, ValidationTests.service(["selector": ["app": "web"], "ports": [["port": 80]]]))
        == [])
  }

  @Test(
    "names",
    arguments: [
      (
        Kind.pod, ["spec": ["containers": [["name": "web", "image": "nginx"]]]] as JSONValue,
        ["metadata.name: Required value: name or generateName is required"]
      ),
      (
        .pod, pod([["name": "web", "image": "nginx"]], name: "Web_1"),
        [#"metadata.name: Invalid value: "Web_1": "# + subdomainMessage]
      ),
      (
        .namespace, ["metadata": ["name": "Dev"]],
        [#"metadata.name: Invalid value: "Dev": "# + labelMessage]
      ),
      (
        .namespace, ["metadata": ["name": "my.team"]],
        [#"metadata.name: Invalid value: "my.team": must not contain dots"#]
      ),
      (
        .service, service(["ports": [["port": 80]]], name: "1web"),
        [
          #"metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"#
        ]
      ),
      (
        .configMap,
        ["metadata": ["name": .string(String(repeating: "a", count: 254))]] as JSONValue,
        [
          #"metadata.name: Invalid value: ""# + String(repeating: "a", count: 254)
            + #"": must be no more than 253 characters"#
        ]
      ),
      (
        .role, ["metadata": ["name": "a/b"]],
        [#"metadata.name: Invalid value: "a/b": may not contain '/'"#]
      ),
    ] as [(Kind, JSONValue, [String])])
  func names(kind: Kind, content: JSONValue, expected: [String]) {
    #expect(ValidationTests.errors(kind, content) == expected)
  }

  @Test("labels and annotations")
  func labelsAndAnnotations() {
    let content: JSONValue = [
      "metadata": [
        "name": "web", "labels": ["tier": "front end"], "annotations": ["example.com/": "x"],
      ],
      "spec": ["containers": [["name": "web", "image": "nginx"]]],
    ]

    #expect(
      ValidationTests.errors(.pod, content) == [
        #"metadata.labels: Invalid value: "front end": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"#,
        #"metadata.annotations: Invalid value: "example.com/": name part must be non-empty"#,
        #"metadata.annotations: Invalid value: "example.com/": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"#,
      ])
  }

  @Test(
    "pods",
    arguments: [
      (pod([]), ["spec.containers: Required value"]),
      (pod([["image": "nginx"]]), ["spec.containers[0].name: Required value"]),
      (
        pod([["name": "Web", "image": "nginx"]]),
        [#"spec.containers[0].name: Invalid value: "Web": "# + labelMessage]
      ),
      (
        pod([["name": "web", "image": "nginx"], ["name": "web", "image": "redis"]]),
        [#"spec.containers[1].name: Duplicate value: "web""#]
      ),
      (pod([["name": "web"]]), ["spec.containers[0].image: Required value"]),
      (
        pod([["name": "web", "image": "nginx", "ports": [["containerPort": 70000]]]]),
        [
          "spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive"
        ]
      ),
      (
        pod([
          [
            "name": "web", "image": "nginx",
            "ports": [
              ["name": "http", "containerPort": 80], ["name": "http", "containerPort": 8080],
            ],
          ]
        ]),
        [#"spec.containers[0].ports[1].name: Duplicate value: "http""#]
      ),
      (
        pod([
          ["name": "web", "image": "nginx", "ports": [["name": "web_port", "containerPort": 80]]]
        ]),
        [
          #"spec.containers[0].ports[0].name: Invalid value: "web_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"#
        ]
      ),
      (
        pod([["name": "web", "image": "nginx"]], spec: ["restartPolicy": "Sometimes"]),
        [
          #"spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never""#
        ]
      ),
      (
        pod([["name": "web", "image": "nginx", "imagePullPolicy": "always"]]),
        [
          #"spec.containers[0].imagePullPolicy: Unsupported value: "always": supported values: "Always", "IfNotPresent", "Never""#
        ]
      ),
      (
        pod([["name": "web", "image": "nginx"]], spec: ["dnsPolicy": "Cluster"]),
        [
          #"spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None""#
        ]
      ),
      (
        pod([
          [
            "name": "web", "image": "nginx",
            "resources": ["requests": ["cpu": "2"], "limits": ["cpu": "1"]],
          ]
        ]),
        [
          #"spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1"#
        ]
      ),
      (
        pod([
          [
            "name": "web", "image": "nginx",
            "resources": ["requests": ["memory": "1Gi"], "limits": ["memory": "512Mi"]],
          ]
        ]),
        [
          #"spec.containers[0].resources.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 512Mi"#
        ]
      ),
      (
        pod([["name": "web", "image": "nginx", "resources": ["limits": ["cpus": "1"]]]]),
        [
          #"spec.containers[0].resources.limits[cpus]: Invalid value: "cpus": must be a standard resource for containers"#,
          #"spec.containers[0].resources.requests[cpus]: Invalid value: "cpus": must be a standard resource for containers"#,
        ]
      ),
      (
        pod([
          [
            "name": "web", "image": "nginx",
            "livenessProbe": ["httpGet": ["port": 80], "successThreshold": 2],
          ]
        ]),
        ["spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1"]
      ),
      (
        pod([["name": "web", "image": "nginx", "readinessProbe": ["periodSeconds": 5]]]),
        ["spec.containers[0].readinessProbe: Required value: must specify a handler type"]
      ),
      (
        pod([["name": "web", "image": "nginx", "readinessProbe": ["tcpSocket": ["port": 0]]]]),
        [
          "spec.containers[0].readinessProbe.tcpSocket.port: Invalid value: 0: must be between 1 and 65535, inclusive"
        ]
      ),
      (
        pod([
          [
            "name": "web", "image": "nginx",
            "env": [["name": "MY=VAR", "value": "x"], ["value": "y"]],
          ]
        ]),
        [
          #"spec.containers[0].env[0].name: Invalid value: "MY=VAR": a valid environment variable name must consist only of printable ASCII characters other than '='"#,
          "spec.containers[0].env[1].name: Required value",
        ]
      ),
      (
        pod([
          [
            "name": "web", "image": "nginx",
            "volumeMounts": [["name": "data", "mountPath": "/data"]],
          ]
        ]),
        [#"spec.containers[0].volumeMounts[0].name: Not found: "data""#]
      ),
      (
        pod([["name": "web", "image": "nginx "]]),
        [
          #"spec.containers[0].image: Invalid value: "nginx ": must not have leading or trailing whitespace"#
        ]
      ),
    ] as [(JSONValue, [String])])
  func pods(content: JSONValue, expected: [String]) {
    #expect(ValidationTests.errors(.pod, content) == expected)
  }

  @Test(
    "deployments",
    arguments: [
      (
        deployment(selector: nil),
        [
          "spec.selector: Required value",
          #"spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`"#,
        ]
      ),
      (
        deployment(labels: ["app": "x"]),
        [
          #"spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`"#
        ]
      ),
      (
        deployment(selector: [:]),
        [
          "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment"
        ]
      ),
      (
        deployment(spec: ["replicas": -1]),
        ["spec.replicas: Invalid value: -1: must be greater than or equal to 0"]
      ),
      (
        deployment(podSpec: ["restartPolicy": "Never"]),
        [
          #"spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always""#
        ]
      ),
      (
        deployment(podSpec: ["containers": [["name": "web"]]]),
        ["spec.template.spec.containers[0].image: Required value"]
      ),
      (
        deployment(labels: ["app": "web", "bad key": "x"]),
        [
          #"spec.template.labels: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"#
        ]
      ),
    ] as [(JSONValue, [String])])
  func deployments(content: JSONValue, expected: [String]) {
    #expect(ValidationTests.errors(.deployment, content) == expected)
  }

  @Test("other workloads check their selector and restart policy")
  func otherWorkloads() {
    #expect(
      ValidationTests.errors(.replicaSet, ValidationTests.deployment(labels: ["app": "other"])) == [
        #"spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`"#
      ])
    #expect(
      ValidationTests.errors(
        .daemonSet, ValidationTests.deployment(podSpec: ["restartPolicy": "OnFailure"])) == [
          #"spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always""#
        ])
    #expect(
      ValidationTests.errors(.statefulSet, ValidationTests.deployment(selector: [:])) == [
        "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for statefulset"
      ])
  }

  @Test("a job's pods must not restart Always")
  func jobRestartPolicy() {
    let job: JSONValue = [
      "metadata": ["name": "once", "uid": "6b0c1c2e-0000-4000-8000-000000000001"],
      "spec": ["template": ["spec": ["containers": [["name": "work", "image": "busybox"]]]]],
    ]

    #expect(
      ValidationTests.errors(.job, job) == [
        #"spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never""#
      ])
    var withPolicy = job
    withPolicy["spec"]?["template"]?["spec"]?["restartPolicy"] = "OnFailure"
    withPolicy["spec"]?["podFailurePolicy"] = [
      "rules": [["action": "FailJob", "onExitCodes": ["operator": "In", "values": [42]]]]
    ]
    #expect(
      ValidationTests.errors(.job, withPolicy) == [
        #"spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified"#
      ])
  }

  @Test("a job's pod failure policy is checked rule by rule")
  func podFailurePolicy() {
    let job: JSONValue = [
      "metadata": ["name": "once", "uid": "6b0c1c2e-0000-4000-8000-000000000001"],
      "spec": [
        "template": ["spec": ["restartPolicy": "Never", "containers": [["name": "main", "image": "busybox"]]]],
        "podReplacementPolicy": "TerminatingOrFailed",
        "podFailurePolicy": [
          "rules": [
            ["action": "FailJob", "onExitCodes": ["containerName": "mian", "operator": "In", "values": [42, 0, 42]]],
            ["action": "Ignore"],
            ["action": "Restart", "onPodConditions": [["type": "DisruptionTarget", "status": "Maybe"]]],
            ["action": "FailIndex", "onExitCodes": ["operator": "NotIn", "values": []]],
          ]
        ],
      ],
    ]
    #expect(
      ValidationTests.errors(.job, job) == [
        #"spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: "mian": must be one of the container or initContainer names in the pod template"#,
        #"spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Invalid value: 0: must not be 0 for the In operator"#,
        #"spec.podFailurePolicy.rules[0].onExitCodes.values[2]: Duplicate value: 42"#,
        #"spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{42, 0, 42}: must be ordered"#,
        "spec.podFailurePolicy.rules[1]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required",
        #"spec.podFailurePolicy.rules[2].action: Unsupported value: "Restart": supported values: "Count", "FailIndex", "FailJob", "Ignore""#,
        #"spec.podFailurePolicy.rules[2].onPodConditions[0].status: Unsupported value: "Maybe": supported values: "False", "True", "Unknown""#,
        #"spec.podFailurePolicy.rules[3].action: Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set"#,
        "spec.podFailurePolicy.rules[3].onExitCodes.values: Invalid value: []int32{}: at least one value is required",
        #"spec.podReplacementPolicy: Unsupported value: "TerminatingOrFailed": supported values: "Failed""#,
      ])
  }

  @Test(
    "services",
    arguments: [
      (service(["selector": ["app": "web"]]), ["spec.ports: Required value"]),
      (service(["clusterIP": "None", "selector": ["app": "web"]]), []),
      (service(["type": "ExternalName", "externalName": "db.example.com"]), []),
      (
        service(["ports": [["port": 70000]]]),
        [
          "spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive",
          "spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
        ]
      ),
      (
        service(["type": "NodePort", "ports": [["port": 80, "nodePort": 80]]]),
        [
          "spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767"
        ]
      ),
      (
        service(["ports": [["port": 80, "nodePort": 30080]]]),
        ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]
      ),
      (
        service(["ports": [["name": "http", "port": 80], ["name": "http", "port": 80]]]),
        [
          #"spec.ports[1].name: Duplicate value: "http""#,
          #"spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}"#,
        ]
      ),
      (
        service(["ports": [["port": 80], ["port": 443]]]),
        ["spec.ports[0].name: Required value", "spec.ports[1].name: Required value"]
      ),
      (
        service(["type": "Nodeport", "ports": [["port": 80]]]),
        [
          #"spec.type: Unsupported value: "Nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort""#
        ]
      ),
      (
        service(["selector": ["app": "web server"], "ports": [["port": 80]]]),
        [
          #"spec.selector: Invalid value: "web server": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"#
        ]
      ),
    ] as [(JSONValue, [String])])
  func services(content: JSONValue, expected: [String]) {
    #expect(ValidationTests.errors(.service, content) == expected)
  }

  @Test("the Invalid status lists several causes in brackets")
  func invalidStatus() {
    let content = ValidationTests.deployment(selector: nil)
    var object = Object(.deployment, content)
    Schema.applyDefaults(to: &object)

    let error = APIError.invalid(.deployment, "web", Schema.validate(object, old: nil))

    #expect(
      error.message
        == #"Deployment.apps "web" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`]"#
    )
  }
}

/// Updates: the fields the API server refuses to change.
@Suite("Validation of updates")
struct UpdateValidationTests {
  static func stored(_ kind: Kind, _ content: JSONValue) -> Object {
    var object = Object(kind, content)
    Schema.applyDefaults(to: &object)
    Schema.prepareForCreate(&object)
    return object
  }

  static func updateErrors(_ old: Object, _ change: (inout JSONValue) -> Void) -> [String] {
    var new = old
    change(&new.content)
    Schema.applyDefaults(to: &new)
    return Schema.validate(new, old: old).map(\.description)
  }

  @Test("a deployment's selector is immutable")
  func deploymentSelector() {
    let old = UpdateValidationTests.stored(.deployment, ValidationTests.deployment())

    let errors = UpdateValidationTests.updateErrors(old) { content in
      content[path: "spec.selector.matchLabels.app"] = "web2"
      content[path: "spec.template.metadata.labels.app"] = "web2"
    }

    #expect(
      errors == [
        #"spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable"#
      ])
  }

  @Test("scaling and changing the image are allowed")
  func allowedDeploymentChanges() {
    let old = UpdateValidationTests.stored(.deployment, ValidationTests.deployment())

    let errors = UpdateValidationTests.updateErrors(old) { content in
      content[path: "spec.replicas"] = 5
      content[path: "spec.template.spec.containers.0.image"] = "nginx:1.27"
    }

    #expect(errors == [])
  }

  @Test("a stateful set's volume claim templates cannot change")
  func statefulSetSpec() {
    let old = UpdateValidationTests.stored(.statefulSet, ValidationTests.deployment())

    let errors = UpdateValidationTests.updateErrors(old) { content in
      content[path: "spec.serviceName"] = "db"
    }

    #expect(
      errors == [
        "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"
      ])
  }

  @Test("a job's generated selector is immutable")
  func jobSelector() {
    let old = UpdateValidationTests.stored(
      .job,
      [
        "metadata": ["name": "once", "uid": "0000-1111"],
        "spec": [
          "template": [
            "spec": ["restartPolicy": "Never", "containers": [["name": "w", "image": "busybox"]]]
          ]
        ],
      ])

    let errors = UpdateValidationTests.updateErrors(old) { content in
      content["spec"]?["selector"] = ["matchLabels": ["job-name": "once"]]
    }

    #expect(
      old.content[path: "spec.selector"] == [
        "matchLabels": ["batch.kubernetes.io/controller-uid": "0000-1111"]
      ])
    #expect(
      errors == [
        #"spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"job-name":"once"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable"#
      ])
  }

  @Test("pod updates may change the image but not the rest of the spec")
  func podUpdates() {
    let old = UpdateValidationTests.stored(
      .pod, ValidationTests.pod([["name": "web", "image": "nginx"]]))

    let imageChange = UpdateValidationTests.updateErrors(old) { content in
      content[path: "spec.containers.0.image"] = "nginx:1.27"
    }
    let policyChange = UpdateValidationTests.updateErrors(old) { content in
      content[path: "spec.restartPolicy"] = "Never"
    }
    let added = UpdateValidationTests.updateErrors(old) { content in
      content[path: "spec.containers"] = [
        ["name": "web", "image": "nginx"], ["name": "side", "image": "busybox"],
      ]
    }

    #expect(imageChange == [])
    #expect(policyChange.count == 1)
    #expect(
      policyChange.first?.hasPrefix(
        "spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n"
      ) == true)
    #expect(policyChange.first?.contains("+ \tRestartPolicy: \"Never\",") == true)
    #expect(added == ["spec.containers: Forbidden: pod updates may not add or remove containers"])
  }

  @Test("a service's cluster IP may not change once set")
  func serviceClusterIP() {
    var old = UpdateValidationTests.stored(
      .service, ValidationTests.service(["selector": ["app": "web"], "ports": [["port": 80]]]))
    Schema.serviceAllocationDefaults(to: &old, allocatedClusterIP: "10.96.0.10")

    let errors = UpdateValidationTests.updateErrors(old) { content in
      content[path: "spec.clusterIP"] = "10.96.0.99"
    }

    #expect(
      errors == [
        #"spec.clusterIPs[0]: Invalid value: []string{"10.96.0.99"}: may not change once set"#
      ])
  }

  @Test("an immutable config map keeps its data")
  func immutableConfigMap() {
    let old = UpdateValidationTests.stored(
      .configMap, ["metadata": ["name": "settings"], "immutable": true, "data": ["mode": "a"]])

    let errors = UpdateValidationTests.updateErrors(old) { content in
      content[path: "data.mode"] = "b"
    }

    #expect(errors == ["data: Forbidden: field is immutable when `immutable` is set"])
  }
}
