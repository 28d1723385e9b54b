import Foundation

extension Cluster {
  /// What the API server answers at `/version` (kind's v1.32.2 node image).
  package static let serverVersion: JSONValue = [
    "major": "1", "minor": "32", "gitVersion": "v1.32.2",
    "gitCommit": "67a30c0adcf52bd3f56ff0893ce19966be12991f", "gitTreeState": "clean",
    "buildDate": "2025-02-12T21:19:47Z", "goVersion": "go1.23.6", "compiler": "gc",
    "platform": "linux/amd64",
  ]

  /// The instant script mode starts at: fixed, so runs are reproducible.
  package static let scriptEpoch = Date(timeIntervalSince1970: 1_740_819_600)  // 2025-03-01T09:00:00Z

  /// A kind-like cluster, as `kind create cluster` with one control-plane
  /// node and `workers` workers leaves it, built through the same API and
  /// components learners then use. It was created about five minutes
  /// before `start`.
  package static func kind(start: Date = scriptEpoch, seed: UInt64 = 1, workers: Int = 2) -> Cluster {
    var cluster = Cluster(emptyAt: start.addingTimeInterval(-300), seed: seed)
    cluster.bootstrap(workers: workers, until: start)
    return cluster
  }

  private mutating func bootstrap(workers: Int, until start: Date) {
    let created = now
    let seed = random.state
    for name in ["default", "kube-node-lease", "kube-public", "kube-system"] {
      _ = try? create(Object(.namespace, name: name), by: "kube-apiserver")
    }
    addNode("kind-control-plane", index: 0, controlPlane: true)
    apiServerService()
    for component in Cluster.controlPlaneComponents {
      staticPod(component)
    }
    advance(by: 12)
    createAddOns()
    advance(by: 28)
    for index in 0..<workers {
      addNode(index == 0 ? "kind-worker" : "kind-worker\(index + 1)", index: index + 1, controlPlane: false)
      advance(by: 1)
    }
    advance(to: start)
    ensureBootstrapPolicy(createdAt: created, seed: seed)
    // What happened while the cluster came up is not the learner's history.
    store.currentCause = nil
  }

  /// Adds a node whose kubelet the simulator then runs, as a kind node
  /// joining the cluster.
  ///
  /// With `existing`, a Node object someone created through the API: its
  /// kubelet registers it, keeping the labels, annotations and taints given.
  package mutating func addNode(
    _ name: String, index: Int, controlPlane: Bool, cpu: String = "4", memory: String = "8148100Ki",
    existing: Object? = nil
  ) {
    var node = existing ?? Object(.node, name: name)
    var labels = [
      "beta.kubernetes.io/arch": "amd64", "beta.kubernetes.io/os": "linux",
      "kubernetes.io/arch": "amd64", "kubernetes.io/hostname": name, "kubernetes.io/os": "linux",
    ]
    if controlPlane {
      labels["node-role.kubernetes.io/control-plane"] = ""
      labels["node.kubernetes.io/exclude-from-external-load-balancers"] = ""
    }
    node.labels = labels.merging(existing?.labels ?? [:]) { _, given in given }
    node.annotations = (existing?.annotations ?? [:]).merging([
      "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///run/containerd/containerd.sock",
      "node.alpha.kubernetes.io/ttl": "0",
      "volumes.kubernetes.io/controller-managed-attach-detach": "true",
    ]) { given, _ in given }
    let cidr = "10.244.\(index).0/24"
    var spec: JSONValue = [
      "podCIDR": .string(cidr), "podCIDRs": [.string(cidr)],
      "providerID": .string("kind://docker/kind/\(name)"),
    ]
    if controlPlane {
      spec["taints"] = [["effect": "NoSchedule", "key": "node-role.kubernetes.io/control-plane"]]
    }
    for field in ["taints", "unschedulable"] {
      if let given = existing?.content[path: "spec.\(field)"] { spec[field] = given }
    }
    node.content["spec"] = spec
    let ip = "172.18.0.\(index + 2)"
    let resources: JSONValue = [
      "cpu": .string(cpu), "ephemeral-storage": "102626232Ki", "hugepages-1Gi": "0",
      "hugepages-2Mi": "0", "memory": .string(memory), "pods": "110",
    ]
    var seed = RandomSource(seed: UInt64(RandomSource.fnv32a(name)))
    node.content["status"] = [
      "addresses": [["address": .string(ip), "type": "InternalIP"], ["address": .string(name), "type": "Hostname"]],
      "allocatable": resources,
      "capacity": resources,
      "conditions": .array(nodeConditions(ready: true)),
      "daemonEndpoints": ["kubeletEndpoint": ["Port": 10250]],
      "images": .array(Cluster.preloadedImages.map { reference, size in
        let parsed = ImageReference(reference)
        return ["names": [.string("\(parsed.name)@\(ImageCatalog.digest(parsed))"), .string(parsed.fullName)], "sizeBytes": .int(size)]
      }),
      "nodeInfo": [
        "architecture": "amd64", "bootID": .string(seed.uuid()),
        "containerRuntimeVersion": "containerd://2.0.2",
        "kernelVersion": "6.8.0-51-generic", "kubeProxyVersion": "v1.32.2",
        "kubeletVersion": "v1.32.2", "machineID": .string(seed.hex(32)),
        "operatingSystem": "linux", "osImage": "Debian GNU/Linux 12 (bookworm)",
        "systemUUID": .string(seed.uuid()),
      ],
    ]
    nodeImages[name] = Set(Cluster.preloadedImages.map { ImageReference($0.0).fullName })
    guard let stored = write(node, by: "kubelet/\(name)", summary: "registered") else { return }
    createNodeLease(for: stored)
    recordEvent(stored, reason: "Starting", message: "Starting kubelet.", source: EventSource("kubelet", host: name))
    recordEvent(stored, reason: "NodeHasSufficientMemory", message: "Node \(name) status is now: NodeHasSufficientMemory", source: EventSource("kubelet", host: name))
    recordEvent(stored, reason: "NodeHasNoDiskPressure", message: "Node \(name) status is now: NodeHasNoDiskPressure", source: EventSource("kubelet", host: name))
    recordEvent(stored, reason: "NodeHasSufficientPID", message: "Node \(name) status is now: NodeHasSufficientPID", source: EventSource("kubelet", host: name))
    recordEvent(stored, reason: "NodeAllocatableEnforced", message: "Updated Node Allocatable limit across pods", source: EventSource("kubelet", host: name))
    recordEvent(stored, reason: "RegisteredNode", message: "Node \(name) event: Registered Node \(name) in Controller", source: EventSource("node-controller"))
    recordEvent(stored, reason: "NodeReady", message: "Node \(name) status is now: NodeReady", source: EventSource("kubelet", host: name))
    settle()
  }

  func nodeConditions(ready: Bool) -> [JSONValue] {
    let stamp = JSONValue.string(Timestamp.format(now))
    func condition(_ type: String, _ status: String, _ reason: String, _ message: String) -> JSONValue {
      ["lastHeartbeatTime": stamp, "lastTransitionTime": stamp, "message": .string(message), "reason": .string(reason), "status": .string(status), "type": .string(type)]
    }
    return [
      condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
      condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
      condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
      ready
        ? condition("Ready", "True", "KubeletReady", "kubelet is posting ready status")
        : condition("Ready", "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status."),
    ]
  }

  static let preloadedImages: [(String, Int)] = [
    ("registry.k8s.io/etcd:3.5.16-0", 57_680_541),
    ("registry.k8s.io/kube-apiserver:v1.32.2", 98_119_824),
    ("registry.k8s.io/kube-controller-manager:v1.32.2", 90_780_880),
    ("registry.k8s.io/kube-scheduler:v1.32.2", 70_698_688),
    ("registry.k8s.io/kube-proxy:v1.32.2", 95_269_848),
    ("registry.k8s.io/coredns/coredns:v1.11.3", 18_562_039),
    ("docker.io/kindest/kindnetd:v20250214-acbabc1a", 39_008_320),
    ("docker.io/kindest/local-path-provisioner:v20250214-acbabc1a", 22_541_737),
    ("docker.io/kindest/local-path-helper:v20241212-8ac705d0", 3_084_671),
    ("registry.k8s.io/pause:3.10", 320_368),
  ]

  /// The control plane's static pods: name, image, port, command.
  static let controlPlaneComponents: [(String, String, [String], String)] = [
    ("etcd", "registry.k8s.io/etcd:3.5.16-0", ["etcd", "--advertise-client-urls=https://172.18.0.2:2379", "--cert-file=/etc/kubernetes/pki/etcd/server.crt", "--client-cert-auth=true", "--data-dir=/var/lib/etcd", "--listen-client-urls=https://127.0.0.1:2379,https://172.18.0.2:2379", "--name=kind-control-plane"], "100m"),
    ("kube-apiserver", "registry.k8s.io/kube-apiserver:v1.32.2", ["kube-apiserver", "--advertise-address=172.18.0.2", "--allow-privileged=true", "--authorization-mode=Node,RBAC", "--enable-admission-plugins=NodeRestriction", "--etcd-servers=https://127.0.0.1:2379", "--secure-port=6443", "--service-cluster-ip-range=10.96.0.0/16"], "250m"),
    ("kube-controller-manager", "registry.k8s.io/kube-controller-manager:v1.32.2", ["kube-controller-manager", "--allocate-node-cidrs=true", "--cluster-cidr=10.244.0.0/16", "--cluster-name=kind", "--controllers=*,bootstrapsigner,tokencleaner", "--leader-elect=true", "--service-cluster-ip-range=10.96.0.0/16", "--use-service-account-credentials=true"], "200m"),
    ("kube-scheduler", "registry.k8s.io/kube-scheduler:v1.32.2", ["kube-scheduler", "--authentication-kubeconfig=/etc/kubernetes/scheduler.conf", "--authorization-kubeconfig=/etc/kubernetes/scheduler.conf", "--bind-address=127.0.0.1", "--kubeconfig=/etc/kubernetes/scheduler.conf", "--leader-elect=true"], "100m"),
  ]

  mutating func staticPod(_ component: (String, String, [String], String)) {
    let (name, image, command, cpu) = component
    guard let node = store.get(ObjectKey(.node, "kind-control-plane")) else { return }
    var pod = Object(.pod, name: "\(name)-kind-control-plane", namespace: "kube-system")
    pod.labels = ["component": name, "tier": "control-plane"]
    var seed = RandomSource(seed: UInt64(RandomSource.fnv32a(name)))
    pod.annotations = [
      "kubernetes.io/config.hash": seed.hex(32), "kubernetes.io/config.mirror": seed.hex(32),
      "kubernetes.io/config.seen": Timestamp.format(now).replacingOccurrences(of: "Z", with: ".000000000Z"),
      "kubernetes.io/config.source": "file",
    ]
    pod.ownerReferences = [OwnerReference(apiVersion: "v1", kind: "Node", name: node.name, uid: node.uid, controller: true, blockOwnerDeletion: false)]
    pod.content["spec"] = [
      "containers": [[
        "command": .array(command.map { .string($0) }), "image": .string(image),
        "imagePullPolicy": "IfNotPresent", "name": .string(name),
        "resources": ["requests": ["cpu": .string(cpu)]],
        "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File",
      ]],
      "dnsPolicy": "ClusterFirst", "enableServiceLinks": true, "hostNetwork": true,
      "nodeName": "kind-control-plane", "preemptionPolicy": "PreemptLowerPriority",
      "priority": 2_000_001_000, "priorityClassName": "system-node-critical",
      "restartPolicy": "Always", "schedulerName": "default-scheduler",
      "securityContext": ["seccompProfile": ["type": "RuntimeDefault"]],
      "terminationGracePeriodSeconds": 30,
      "tolerations": [["effect": "NoExecute", "operator": "Exists"]],
    ]
    _ = try? create(pod, by: "kubelet/kind-control-plane")
  }

  private mutating func apiServerService() {
    var service = Object(.service, name: "kubernetes", namespace: "default")
    service.labels = ["component": "apiserver", "provider": "kubernetes"]
    service.content["spec"] = [
      "clusterIP": "10.96.0.1", "clusterIPs": ["10.96.0.1"], "internalTrafficPolicy": "Cluster",
      "ipFamilies": ["IPv4"], "ipFamilyPolicy": "SingleStack",
      "ports": [["name": "https", "port": 443, "protocol": "TCP", "targetPort": 6443]],
      "sessionAffinity": "None", "type": "ClusterIP",
    ]
    service.content["status"] = ["loadBalancer": .emptyObject]
    _ = network.claimServiceIP("10.96.0.1")
    write(service, by: "kube-apiserver")
    var endpoints = Object(.endpoints, name: "kubernetes", namespace: "default")
    endpoints.labels = ["endpointslice.kubernetes.io/skip-mirror": "true"]
    endpoints.content["subsets"] = [["addresses": [["ip": "172.18.0.2"]], "ports": [["name": "https", "port": 6443, "protocol": "TCP"]]]]
    write(endpoints, by: "kube-apiserver")
    var slice = Object(.endpointSlice, name: "kubernetes", namespace: "default")
    slice.labels = ["kubernetes.io/service-name": "kubernetes"]
    slice.content["addressType"] = "IPv4"
    slice.content["endpoints"] = [["addresses": ["172.18.0.2"], "conditions": ["ready": true]]]
    slice.content["ports"] = [["name": "https", "port": 6443, "protocol": "TCP"]]
    write(slice, by: "kube-apiserver")
  }

  private mutating func createAddOns() {
    let actor = "kubeadm"
    // CoreDNS.
    var dnsService = Object(.service, name: "kube-dns", namespace: "kube-system")
    dnsService.labels = ["k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS"]
    dnsService.annotations = ["prometheus.io/port": "9153", "prometheus.io/scrape": "true"]
    dnsService.content["spec"] = [
      "clusterIP": "10.96.0.10",
      "ports": [
        ["name": "dns", "port": 53, "protocol": "UDP", "targetPort": 53],
        ["name": "dns-tcp", "port": 53, "protocol": "TCP", "targetPort": 53],
        ["name": "metrics", "port": 9153, "protocol": "TCP", "targetPort": 9153],
      ],
      "selector": ["k8s-app": "kube-dns"],
    ]
    _ = try? create(dnsService, by: actor)

    var corefile = Object(.configMap, name: "coredns", namespace: "kube-system")
    corefile.content["data"] = ["Corefile": .string(Cluster.corefile)]
    _ = try? create(corefile, by: actor)

    _ = try? create(Cluster.workload(.deployment, name: "coredns", namespace: "kube-system", labels: ["k8s-app": "kube-dns"], image: "registry.k8s.io/coredns/coredns:v1.11.3", args: ["-conf", "/etc/coredns/Corefile"], replicas: 2, cpu: "100m", memory: "70Mi", extraTolerations: [["key": "CriticalAddonsOnly", "operator": "Exists"], ["effect": "NoSchedule", "key": "node-role.kubernetes.io/control-plane"]], priorityClass: "system-cluster-critical", ports: [("dns", 53, "UDP"), ("dns-tcp", 53, "TCP"), ("metrics", 9153, "TCP")]), by: actor)
    _ = try? create(Cluster.workload(.daemonSet, name: "kube-proxy", namespace: "kube-system", labels: ["k8s-app": "kube-proxy"], image: "registry.k8s.io/kube-proxy:v1.32.2", command: ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf", "--hostname-override=$(NODE_NAME)"], hostNetwork: true, extraTolerations: [["operator": "Exists"]], priorityClass: "system-node-critical"), by: actor)
    _ = try? create(Cluster.workload(.daemonSet, name: "kindnet", namespace: "kube-system", labels: ["app": "kindnet", "k8s-app": "kindnet", "tier": "node"], image: "docker.io/kindest/kindnetd:v20250214-acbabc1a", command: ["/bin/kindnetd"], hostNetwork: true, cpu: "100m", memory: "50Mi", extraTolerations: [["effect": "NoSchedule", "operator": "Exists"]]), by: actor)

    // kind's default storage: local-path-provisioner and the `standard` class.
    _ = try? create(Object(.namespace, name: "local-path-storage"), by: actor)
    _ = try? create(Cluster.workload(.deployment, name: "local-path-provisioner", namespace: "local-path-storage", labels: ["app": "local-path-provisioner"], image: "docker.io/kindest/local-path-provisioner:v20250214-acbabc1a", command: ["local-path-provisioner", "--debug", "start", "--helper-image", "docker.io/kindest/local-path-helper:v20241212-8ac705d0", "--config", "/etc/config/config.json"], replicas: 1, extraTolerations: [["effect": "NoSchedule", "key": "node-role.kubernetes.io/control-plane", "operator": "Equal"]], nodeSelector: ["kubernetes.io/os": "linux"]), by: actor)
    var storageClass = Object(.storageClass, name: "standard")
    storageClass.annotations = ["storageclass.kubernetes.io/is-default-class": "true"]
    storageClass.content["provisioner"] = "rancher.io/local-path"
    storageClass.content["reclaimPolicy"] = "Delete"
    storageClass.content["volumeBindingMode"] = "WaitForFirstConsumer"
    _ = try? create(storageClass, by: actor)
  }

  static let corefile = """
    .:53 {
        errors
        health {
           lameduck 5s
        }
        ready
        kubernetes cluster.local in-addr.arpa ip6.arpa {
           pods insecure
           fallthrough in-addr.arpa ip6.arpa
           ttl 30
        }
        prometheus :9153
        forward . /etc/resolv.conf {
           max_concurrent 1000
        }
        cache 30 {
           disable success cluster.local
           disable denial cluster.local
        }
        loop
        reload
        loadbalance
    }

    """

  /// A system workload manifest (Deployment or DaemonSet).
  static func workload(
    _ kind: Kind, name: String, namespace: String, labels: [String: String], image: String,
    command: [String]? = nil, args: [String]? = nil, replicas: Int? = nil, hostNetwork: Bool = false,
    cpu: String? = nil, memory: String? = nil, extraTolerations: [JSONValue] = [],
    priorityClass: String? = nil, nodeSelector: [String: String] = [:],
    ports: [(String, Int, String)] = []
  ) -> Object {
    var object = Object(kind, name: name, namespace: namespace)
    object.labels = labels
    var container: JSONValue = ["image": .string(image), "imagePullPolicy": "IfNotPresent", "name": .string(kind == .deployment ? name : (name == "kindnet" ? "kindnet-cni" : name))]
    if let command { container["command"] = .array(command.map { .string($0) }) }
    if let args { container["args"] = .array(args.map { .string($0) }) }
    var resources: JSONValue = .emptyObject
    if let cpu { resources[path: "requests.cpu"] = .string(cpu) }
    if let memory {
      resources[path: "requests.memory"] = .string(memory)
      resources[path: "limits.memory"] = .string(memory == "70Mi" ? "170Mi" : memory)
    }
    container["resources"] = resources
    if !ports.isEmpty {
      container["ports"] = .array(ports.map { ["containerPort": .int($0.1), "name": .string($0.0), "protocol": .string($0.2)] })
    }
    var podSpec: JSONValue = ["containers": [container]]
    if hostNetwork { podSpec["hostNetwork"] = true }
    if !extraTolerations.isEmpty { podSpec["tolerations"] = .array(extraTolerations) }
    if let priorityClass { podSpec["priorityClassName"] = .string(priorityClass) }
    if !nodeSelector.isEmpty { podSpec["nodeSelector"] = Object.mapValue(nodeSelector) ?? .emptyObject }
    var spec: JSONValue = [
      "selector": ["matchLabels": Object.mapValue(labels.filter { $0.key != "tier" && $0.key != "k8s-app" || kind != .daemonSet || name == "kube-proxy" }) ?? .emptyObject],
      "template": ["metadata": ["labels": Object.mapValue(labels) ?? .emptyObject], "spec": podSpec],
    ]
    if let replicas { spec["replicas"] = .int(replicas) }
    object.content["spec"] = spec
    return object
  }
}

extension OwnerReference {
  init(apiVersion: String, kind: String, name: String, uid: String, controller: Bool, blockOwnerDeletion: Bool) {
    self.init(["apiVersion": .string(apiVersion), "kind": .string(kind), "name": .string(name), "uid": .string(uid), "controller": .bool(controller), "blockOwnerDeletion": .bool(blockOwnerDeletion)])!
  }
}
