import Testing

@testable import KubeCluster

/// Defaulting, compared with what a real 1.32 API server returns for the
/// same minimal manifests (admission plugins aside).
@Suite("Defaulting")
struct DefaultingTests {
  static let defaultedContainer: JSONValue = [
    "name": "web", "image": "nginx", "imagePullPolicy": "Always", "resources": [:],
    "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File",
  ]

  static let defaultedPodSpec: JSONValue = [
    "containers": [defaultedContainer], "dnsPolicy": "ClusterFirst", "restartPolicy": "Always",
    "schedulerName": "default-scheduler", "securityContext": [:],
    "terminationGracePeriodSeconds": 30,
  ]

  @Test("a minimal pod")
  func minimalPod() {
    var pod = Object(
      .pod,
      [
        "apiVersion": "v1", "kind": "Pod", "metadata": ["name": "web"],
        "spec": ["containers": [["name": "web", "image": "nginx"]]],
      ])

    Schema.applyDefaults(to: &pod)

    var spec = DefaultingTests.defaultedPodSpec
    spec["enableServiceLinks"] = true
    let expected: JSONValue = [
      "apiVersion": "v1", "kind": "Pod", "metadata": ["name": "web", "creationTimestamp": nil],
      "spec": spec, "status": [:],
    ]
    #expect(pod.content == expected)
    #expect(pod.content["spec"]?.object?.keys.first == "containers")
  }

  @Test("a minimal deployment")
  func minimalDeployment() {
    var deployment = Object(
      .deployment,
      [
        "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web"],
        "spec": [
          "selector": ["matchLabels": ["app": "web"]],
          "template": [
            "metadata": ["labels": ["app": "web"]],
            "spec": ["containers": [["name": "web", "image": "nginx"]]],
          ],
        ],
      ])

    Schema.applyDefaults(to: &deployment)

    let expected: JSONValue = [
      "apiVersion": "apps/v1", "kind": "Deployment",
      "metadata": ["name": "web", "creationTimestamp": nil],
      "spec": [
        "selector": ["matchLabels": ["app": "web"]],
        "template": [
          "metadata": ["labels": ["app": "web"], "creationTimestamp": nil],
          "spec": DefaultingTests.defaultedPodSpec,
        ],
        "replicas": 1,
        "strategy": [
          "type": "RollingUpdate", "rollingUpdate": ["maxUnavailable": "25%", "maxSurge": "25%"],
        ],
        "revisionHistoryLimit": 10, "progressDeadlineSeconds": 600,
      ],
      "status": [:],
    ]
    #expect(deployment.content == expected)
  }

  @Test("a minimal service, before and after cluster IP allocation")
  func minimalService() {
    var service = Object(
      .service,
      [
        "apiVersion": "v1", "kind": "Service", "metadata": ["name": "web"],
        "spec": ["selector": ["app": "web"], "ports": [["port": 80]]],
      ])

    Schema.applyDefaults(to: &service)

    var spec: JSONValue = [
      "selector": ["app": "web"],
      "ports": [["port": 80, "protocol": "TCP", "targetPort": 80]],
      "sessionAffinity": "None", "type": "ClusterIP", "internalTrafficPolicy": "Cluster",
    ]
    #expect(
      service.content
        == [
          "apiVersion": "v1", "kind": "Service",
          "metadata": ["name": "web", "creationTimestamp": nil], "spec": spec,
          "status": ["loadBalancer": [:]],
        ])

    Schema.serviceAllocationDefaults(to: &service, allocatedClusterIP: "10.96.0.10")

    spec["clusterIP"] = "10.96.0.10"
    spec["clusterIPs"] = ["10.96.0.10"]
    spec["ipFamilyPolicy"] = "SingleStack"
    spec["ipFamilies"] = ["IPv4"]
    #expect(service.content["spec"] == spec)
  }

  @Test(
    "imagePullPolicy follows the image tag",
    arguments: [
      ("nginx", "Always"), ("nginx:latest", "Always"), ("nginx:1.27", "IfNotPresent"),
      ("localhost:5000/web", "Always"), ("localhost:5000/web:v2", "IfNotPresent"),
      ("nginx@sha256:0123456789abcdef", "IfNotPresent"), ("Nginx", "IfNotPresent"),
    ])
  func pullPolicy(image: String, expected: String) {
    var pod = Object(.pod, ["spec": ["containers": [["name": "web", "image": .string(image)]]]])

    Schema.applyDefaults(to: &pod)

    #expect(pod.content[path: "spec.containers.0.imagePullPolicy"] == .string(expected))
  }

  @Test("probes, ports and volumes get their defaults")
  func podDetails() {
    var pod = Object(
      .pod,
      [
        "spec": [
          "containers": [
            [
              "name": "web", "image": "nginx:1.27", "ports": [["containerPort": 80]],
              "livenessProbe": ["httpGet": ["port": 80]],
              "resources": ["limits": ["cpu": 0.5, "memory": "1024Mi"]],
            ]
          ],
          "volumes": [["name": "config", "configMap": ["name": "web"]], ["name": "scratch"]],
        ]
      ])

    Schema.applyDefaults(to: &pod)

    let container = pod.content[path: "spec.containers.0"]
    #expect(container?["ports"] == [["containerPort": 80, "protocol": "TCP"]])
    #expect(
      container?["livenessProbe"]
        == [
          "httpGet": ["port": 80, "path": "/", "scheme": "HTTP"], "timeoutSeconds": 1,
          "periodSeconds": 10, "successThreshold": 1, "failureThreshold": 3,
        ])
    #expect(
      container?["resources"]
        == [
          "limits": ["cpu": "500m", "memory": "1Gi"], "requests": ["cpu": "500m", "memory": "1Gi"],
        ])
    #expect(
      pod.content[path: "spec.volumes"]
        == [
          ["name": "config", "configMap": ["name": "web", "defaultMode": 420]],
          ["name": "scratch", "emptyDir": [:]],
        ])
  }

  @Test("workload kinds get their own defaults")
  func workloads() {
    var daemonSet = Object(.daemonSet, ["spec": [:]])
    var statefulSet = Object(
      .statefulSet,
      ["spec": ["volumeClaimTemplates": [["metadata": ["name": "data"], "spec": [:]]]]])
    var job = Object(.job, ["spec": ["template": ["metadata": ["labels": ["app": "batch"]]]]])
    var cronJob = Object(.cronJob, ["spec": ["schedule": "* * * * *"]])

    Schema.applyDefaults(to: &daemonSet)
    Schema.applyDefaults(to: &statefulSet)
    Schema.applyDefaults(to: &job)
    Schema.applyDefaults(to: &cronJob)

    #expect(
      daemonSet.content[path: "spec.updateStrategy"]
        == ["type": "RollingUpdate", "rollingUpdate": ["maxUnavailable": 1, "maxSurge": 0]])
    #expect(daemonSet.content[path: "spec.revisionHistoryLimit"] == 10)
    #expect(statefulSet.content[path: "spec.podManagementPolicy"] == "OrderedReady")
    #expect(
      statefulSet.content[path: "spec.updateStrategy"]
        == ["type": "RollingUpdate", "rollingUpdate": ["partition": 0]])
    #expect(
      statefulSet.content[path: "spec.persistentVolumeClaimRetentionPolicy"]
        == ["whenDeleted": "Retain", "whenScaled": "Retain"])
    #expect(statefulSet.content[path: "spec.replicas"] == 1)
    #expect(
      statefulSet.content[path: "spec.volumeClaimTemplates.0"]
        == [
          "metadata": ["name": "data", "creationTimestamp": nil],
          "spec": ["volumeMode": "Filesystem", "resources": [:]], "status": ["phase": "Pending"],
        ])
    #expect(
      job.content["spec"]?.object.map { JSONValue.object($0) }.map {
        [
          $0["backoffLimit"], $0["completions"], $0["parallelism"], $0["completionMode"],
          $0["suspend"], $0["podReplacementPolicy"],
        ]
      } == [6, 1, 1, "NonIndexed", false, "TerminatingOrFailed"])
    #expect(job.content[path: "metadata.labels"] == ["app": "batch"])
    #expect(job.content[path: "spec.manualSelector"] == nil)
    #expect(
      [
        cronJob.content[path: "spec.concurrencyPolicy"], cronJob.content[path: "spec.suspend"],
        cronJob.content[path: "spec.successfulJobsHistoryLimit"],
        cronJob.content[path: "spec.failedJobsHistoryLimit"],
      ] == ["Allow", false, 3, 1])
  }

  @Test("namespaces, secrets, claims and ingresses")
  func otherKinds() {
    var namespace = Object(.namespace, name: "dev")
    var secret = Object(.secret, name: "db", namespace: "default")
    var claim = Object(.persistentVolumeClaim, ["metadata": ["name": "data"], "spec": [:]])
    var ingress = Object(
      .ingress,
      [
        "spec": [
          "rules": [
            [
              "http": [
                "paths": [
                  ["path": "/", "backend": ["service": ["name": "web", "port": ["number": 80]]]]
                ]
              ]
            ]
          ]
        ]
      ])

    Schema.applyDefaults(to: &namespace)
    Schema.applyDefaults(to: &secret)
    Schema.applyDefaults(to: &claim)
    Schema.applyDefaults(to: &ingress)

    #expect(namespace.content[path: "metadata.labels"] == ["kubernetes.io/metadata.name": "dev"])
    #expect(namespace.content["spec"] == ["finalizers": ["kubernetes"]])
    #expect(namespace.content["status"] == ["phase": "Active"])
    #expect(secret.content["type"] == "Opaque")
    #expect(claim.content[path: "spec.volumeMode"] == "Filesystem")
    #expect(claim.content[path: "status.phase"] == "Pending")
    #expect(ingress.content[path: "spec.rules.0.http.paths.0.pathType"] == .null)
  }

  @Test("load balancer and node port services")
  func externalServices() {
    var balancer = Object(.service, ["spec": ["type": "LoadBalancer", "ports": [["port": 443]]]])
    var nodePort = Object(
      .service, ["spec": ["type": "NodePort", "ports": [["port": 80, "targetPort": "http"]]]])

    Schema.applyDefaults(to: &balancer)
    Schema.applyDefaults(to: &nodePort)

    #expect(balancer.content[path: "spec.externalTrafficPolicy"] == "Cluster")
    #expect(balancer.content[path: "spec.allocateLoadBalancerNodePorts"] == true)
    #expect(nodePort.content[path: "spec.externalTrafficPolicy"] == "Cluster")
    #expect(nodePort.content[path: "spec.allocateLoadBalancerNodePorts"] == nil)
    #expect(nodePort.content[path: "spec.ports.0.targetPort"] == "http")
  }

  @Test("a new pod starts Pending with its QoS class")
  func podCreateStrategy() {
    var guaranteed = Object(
      .pod,
      [
        "spec": [
          "containers": [
            [
              "name": "web", "image": "nginx",
              "resources": ["limits": ["cpu": "1", "memory": "1Gi"]],
            ]
          ]
        ]
      ])
    var bestEffort = Object(.pod, ["spec": ["containers": [["name": "web", "image": "nginx"]]]])

    Schema.applyDefaults(to: &guaranteed)
    Schema.prepareForCreate(&guaranteed)
    Schema.applyDefaults(to: &bestEffort)
    Schema.prepareForCreate(&bestEffort)

    #expect(guaranteed.content["status"] == ["phase": "Pending", "qosClass": "Guaranteed"])
    #expect(bestEffort.content["status"] == ["phase": "Pending", "qosClass": "BestEffort"])
  }

  @Test(
    "quantities are stored in canonical form",
    arguments: [
      ("0.5", "500m"), ("1000m", "1"), ("2000", "2k"), ("1536Mi", "1536Mi"), ("1024Mi", "1Gi"),
      ("0.5Gi", "512Mi"), ("100Mi", "100Mi"), ("1e3", "1e3"), ("0.0001", "1m"), ("250m", "250m"),
    ])
  func quantityCanonicalForm(input: String, expected: String) {
    var pod = Object(
      .pod,
      [
        "spec": [
          "containers": [
            ["name": "web", "image": "nginx", "resources": ["requests": ["cpu": .string(input)]]]
          ]
        ]
      ])

    Schema.applyDefaults(to: &pod)

    #expect(pod.content[path: "spec.containers.0.resources.requests.cpu"] == .string(expected))
  }
}
