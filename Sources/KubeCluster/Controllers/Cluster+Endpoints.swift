import Foundation

extension Cluster {
  /// The endpoint and endpointslice controllers: a Service's Endpoints and
  /// EndpointSlice list the pods its selector matches, ready or not.
  mutating func reconcileEndpoints(_ key: ObjectKey) {
    if key.kind == .ingress {
      reconcileIngressStatus(key)
      return
    }
    reconcileLoadBalancer(key)
    if key.namespace == Cluster.ingressNamespace, key.name == "ingress-nginx-controller" { enqueueIngresses() }
    let endpointsKey = ObjectKey(.endpoints, key.name, in: key.namespace)
    guard let service = store.get(key), !service.isTerminating else {
      if store.contains(endpointsKey), store.get(endpointsKey)?.labels["endpoints.kubernetes.io/managed-by"] != "apiserver" {
        finalizeRemoval(endpointsKey, by: "endpoint-controller")
      }
      for slice in store.list(.endpointSlice, in: key.namespace) where slice.labels["kubernetes.io/service-name"] == key.name {
        finalizeRemoval(slice.key, by: "endpointslice-controller")
      }
      return
    }
    guard let selectorValue = service.content[path: "spec.selector"], let selectorMap = selectorValue.object, !selectorMap.isEmpty else { return }
    let selector = LabelSelector(matchLabels: Object.stringMap(selectorValue))
    let pods = store.list(.pod, in: key.namespace).filter {
      selector.matches($0.labels) && $0.content[path: "status.podIP"]?.string != nil && !$0.isTerminating
        && !["Succeeded", "Failed"].contains($0.content[path: "status.phase"]?.string ?? "")
    }
    var ready: [JSONValue] = []
    var notReady: [JSONValue] = []
    for pod in pods.sorted(by: { ($0.content[path: "status.podIP"]?.string ?? "") < ($1.content[path: "status.podIP"]?.string ?? "") }) {
      var address: JSONValue = ["ip": pod.content[path: "status.podIP"] ?? ""]
      if let hostname = pod.content[path: "spec.hostname"]?.string,
        pod.content[path: "spec.subdomain"]?.string == service.name
      {
        address["hostname"] = .string(hostname)
      }
      if let node = pod.content[path: "spec.nodeName"] { address["nodeName"] = node }
      address["targetRef"] = [
        "kind": "Pod", "name": .string(pod.name), "namespace": .string(pod.namespace),
        "uid": .string(pod.uid),
      ]
      if Cluster.isPodReady(pod) || service.content[path: "spec.publishNotReadyAddresses"]?.bool == true {
        ready.append(address)
      } else {
        notReady.append(address)
      }
    }
    let ports: [JSONValue] = (service.content[path: "spec.ports"]?.array ?? []).map { port in
      var entry: JSONValue = [:]
      if let name = port["name"]?.string, !name.isEmpty { entry["name"] = .string(name) }
      entry["port"] = .int(resolveTargetPort(port, pods: pods))
      entry["protocol"] = port["protocol"] ?? "TCP"
      return entry
    }
    var endpoints = store.get(endpointsKey) ?? Object(.endpoints, name: key.name, namespace: key.namespace)
    var labels = service.labels
    labels["endpoints.kubernetes.io/managed-by"] = nil
    endpoints.labels = labels
    var subset: JSONValue = [:]
    if !ready.isEmpty { subset["addresses"] = .array(ready) }
    if !notReady.isEmpty { subset["notReadyAddresses"] = .array(notReady) }
    if !ready.isEmpty || !notReady.isEmpty {
      subset["ports"] = .array(ports)
      endpoints.content["subsets"] = [subset]
    } else {
      endpoints.content["subsets"] = nil
    }
    var annotations = endpoints.annotations
    if annotations["endpoints.kubernetes.io/last-change-trigger-time"] == nil || store.get(endpointsKey)?.content["subsets"] != endpoints.content["subsets"] {
      annotations["endpoints.kubernetes.io/last-change-trigger-time"] = Timestamp.format(now)
    }
    endpoints.annotations = annotations
    if store.get(endpointsKey)?.content != endpoints.content {
      if let stored = write(endpoints, by: "endpoint-controller", summary: "\(ready.count) ready, \(notReady.count) not ready") {
        updateProxyRules(service, endpoints: ready.count, cause: store.lastJournalID, stored: stored)
      }
    }
    writeSlice(service, pods: pods, ports: ports)
  }

  /// kube-proxy on every node watches Endpoints and rewrites its rules for
  /// the Service (headless Services have none); journaled for `trace` as
  /// one action for all nodes.
  private mutating func updateProxyRules(_ service: Object, endpoints: Int, cause: Int, stored: Object) {
    guard let ip = service.content[path: "spec.clusterIP"]?.string, ip != "None" else { return }
    let previous = store.currentCause
    store.currentCause = cause
    defer { store.currentCause = previous }
    let nodes = store.count(.node)
    let plural = endpoints == 1 ? "endpoint" : "endpoints"
    store.note(
      "on all \(nodes) nodes: updated its rules for Service \(service.name) (\(ip)): \(endpoints) ready \(plural)",
      about: stored, actor: "kube-proxy", at: now)
  }

  private mutating func writeSlice(_ service: Object, pods: [Object], ports: [JSONValue]) {
    let existing = store.list(.endpointSlice, in: service.namespace).first {
      $0.labels["kubernetes.io/service-name"] == service.name
    }
    var slice = existing ?? Object(.endpointSlice, name: service.name + "-" + random.nameSuffix(), namespace: service.namespace)
    if existing == nil {
      slice.content[path: "metadata.generateName"] = .string(service.name + "-")
      slice.ownerReferences = [OwnerReference(controlledBy: service)]
    }
    var labels = service.labels
    labels["endpointslice.kubernetes.io/managed-by"] = "endpointslice-controller.k8s.io"
    labels["kubernetes.io/service-name"] = service.name
    slice.labels = labels
    slice.content["addressType"] = "IPv4"
    // In the Endpoints' order (by IP), which kubectl's describe of the
    // Service reads from the slice.
    let byIP = pods.sorted {
      ($0.content[path: "status.podIP"]?.string ?? "") < ($1.content[path: "status.podIP"]?.string ?? "")
    }
    slice.content["endpoints"] = .array(byIP.map { pod in
      let ready = Cluster.isPodReady(pod)
      var entry: JSONValue = [
        "addresses": [pod.content[path: "status.podIP"] ?? ""],
        "conditions": ["ready": .bool(ready), "serving": .bool(ready), "terminating": false],
      ]
      if let node = pod.content[path: "spec.nodeName"] { entry["nodeName"] = node }
      entry["targetRef"] = ["kind": "Pod", "name": .string(pod.name), "namespace": .string(pod.namespace), "uid": .string(pod.uid)]
      return entry
    })
    // The slice controller writes an unnamed port's name as "" (kubectl's
    // describe of a Service dereferences it).
    let slicePorts: [JSONValue] = ports.map { port in
      var named: JSONValue = ["name": port["name"] ?? ""]
      for (key, value) in port.object ?? JSONObject() where key != "name" { named[key] = value }
      return named
    }
    slice.content["ports"] = slicePorts.isEmpty ? .null : .array(slicePorts)
    if existing?.content != slice.content {
      write(slice, by: "endpointslice-controller")
    }
  }

  /// The container port a Service port's `targetPort` names.
  func resolveTargetPort(_ port: JSONValue, pods: [Object]) -> Int {
    if let number = port["targetPort"]?.int { return number }
    if let name = port["targetPort"]?.string {
      for pod in pods {
        for container in pod.content[path: "spec.containers"]?.array ?? [] {
          for containerPort in container["ports"]?.array ?? [] where containerPort["name"]?.string == name {
            return containerPort["containerPort"]?.int ?? 0
          }
        }
      }
      return Int(name) ?? 0
    }
    return port["port"]?.int ?? 0
  }
}
