import Foundation

/// What is saved of a cluster between runs: what etcd holds (every object),
/// the clock, the random source, and which components are stopped.
///
/// Like a control plane restarting, a restored cluster rebuilds everything
/// else from the objects: components are level-triggered, so each looks at
/// every object once and carries on; each kubelet picks its containers up
/// from the pods' status.
///
/// Saved as one JSON object: `version` (1), `now` (seconds since 1970),
/// `random`, `stopped`, `nodeImages`, `volumeData` (files in persistent
/// volumes and host folders; absent when there are none, and in older
/// snapshots) and `objects`. `SnapshotJSON` writes and reads it.
private struct ClusterSnapshot {
  var version = 1
  var now: Date
  var random: UInt64
  var stopped: [String]
  var nodeImages: [String: [String]]
  var volumeData: [String: [String: String]]?
  var objects: [JSONValue]

  func encoded() -> Data {
    var writer = SnapshotJSON.Writer(capacity: 4096 + objects.count * 1024)
    writer.raw("{\"version\":")
    writer.number(String(version))
    writer.raw(",\"now\":")
    writer.number(now.timeIntervalSince1970.description)
    writer.raw(",\"random\":")
    writer.number(String(random))
    writer.raw(",\"stopped\":")
    writer.value(.array(stopped.map(JSONValue.string)))
    writer.raw(",\"nodeImages\":")
    writer.value(.object(JSONObject(nodeImages.sorted { $0.key < $1.key }.map { ($0.key, .array($0.value.map(JSONValue.string))) })))
    if let volumeData {
      writer.raw(",\"volumeData\":")
      writer.value(.object(JSONObject(volumeData.sorted { $0.key < $1.key }.map { folder in
        (folder.key, .object(JSONObject(folder.value.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
      })))
    }
    writer.raw(",\"objects\":[")
    for (index, object) in objects.enumerated() {
      if index > 0 { writer.byte(UInt8(ascii: ",")) }
      writer.value(object)
    }
    writer.raw("]}")
    return Data(writer.bytes)
  }
}

extension ClusterSnapshot {
  /// Reads `encoded()` bytes, or those of the `JSONEncoder` that wrote
  /// snapshots before (same members, in any order).
  init(decoding data: Data) throws(SnapshotJSON.SyntaxError) {
    let read = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      Result { () throws(SnapshotJSON.SyntaxError) -> ClusterSnapshot in
        var reader = SnapshotJSON.Reader(raw.bindMemory(to: UInt8.self))
        var snapshot = ClusterSnapshot(now: Date(timeIntervalSince1970: 0), random: 0, stopped: [], nodeImages: [:], objects: [])
        var seen: Set<String> = []
        try reader.members { (key, reader) throws(SnapshotJSON.SyntaxError) in
          seen.insert(key)
          switch key {
          case "version":
            guard let version = Int(exactly: try reader.double()) else { throw SnapshotJSON.SyntaxError(offset: 0, expected: "an integer version") }
            snapshot.version = version
          case "now": snapshot.now = Date(timeIntervalSince1970: try reader.double())
          case "random": snapshot.random = try reader.unsigned()
          case "stopped": snapshot.stopped = try reader.value().array?.compactMap(\.string) ?? []
          case "nodeImages":
            for (node, images) in try reader.value().object ?? JSONObject() {
              snapshot.nodeImages[node] = images.array?.compactMap(\.string) ?? []
            }
          case "volumeData":
            let value = try reader.value()
            guard let folders = value.object else { break }
            var volumeData: [String: [String: String]] = [:]
            for (folder, files) in folders {
              var contents: [String: String] = [:]
              for (path, text) in files.object ?? JSONObject() { contents[path] = text.string }
              volumeData[folder] = contents
            }
            snapshot.volumeData = volumeData
          case "objects":
            guard case .array(let objects) = try reader.value() else { throw SnapshotJSON.SyntaxError(offset: 0, expected: "an array of objects") }
            snapshot.objects = objects
          default: _ = try reader.value()
          }
        }
        guard reader.atEnd() else { throw SnapshotJSON.SyntaxError(offset: data.count, expected: "the end") }
        for key in ["version", "now", "random", "stopped", "nodeImages", "objects"] where !seen.contains(key) {
          throw SnapshotJSON.SyntaxError(offset: 0, expected: "member '\(key)'")
        }
        return snapshot
      }
    }
    self = try read.get()
  }
}

/// A saved cluster that cannot be read back.
package struct SnapshotError: Error, CustomStringConvertible {
  package var description: String
}

extension Cluster {
  /// The cluster's state as bytes, for the progress database.
  package func snapshot() -> Data {
    var objects: [JSONValue] = []
    for kind in Kind.allCases { objects += store.list(kind).map(\.content) }
    let saved = ClusterSnapshot(
      now: now, random: random.state, stopped: stoppedComponents.sorted(),
      nodeImages: nodeImages.mapValues { $0.sorted() },
      volumeData: volumeData.isEmpty ? nil : volumeData, objects: objects)
    return saved.encoded()
  }

  /// A cluster rebuilt from `snapshot()` bytes.
  package static func restore(from data: Data) throws -> Cluster {
    let saved: ClusterSnapshot
    do {
      saved = try ClusterSnapshot(decoding: data)
    } catch {
      throw SnapshotError(description: "the saved cluster could not be read (\(error))")
    }
    guard saved.version == 1 else {
      throw SnapshotError(description: "the saved cluster has format \(saved.version), which this kubetutor does not know")
    }
    var cluster = Cluster(emptyAt: saved.now, seed: saved.random)
    cluster.stoppedComponents = Set(saved.stopped)
    cluster.nodeImages = saved.nodeImages.mapValues(Set.init)
    cluster.volumeData = saved.volumeData ?? [:]
    for content in saved.objects {
      guard let kindName = content["kind"]?.string, let apiVersion = content["apiVersion"]?.string,
        let kind = Kind.from(apiVersion: apiVersion, kind: kindName)
      else { continue }
      cluster.store.restore(Object(kind, content))
    }
    // Saved before the cluster had its default roles: the API server's
    // post-start hooks add what is missing, as on a real restart. Saved
    // with the cluster roles but before the namespaced ones (kube-system's
    // and kube-public's Roles and RoleBindings): only those are added.
    let created = cluster.store.get(ObjectKey(.namespace, "kube-system")).flatMap { Timestamp.parse($0.content[path: "metadata.creationTimestamp"]?.string) }
    if !cluster.store.contains(ObjectKey(.clusterRole, "cluster-admin")) {
      cluster.ensureBootstrapPolicy(createdAt: created ?? saved.now, seed: 1)
    } else if !cluster.store.contains(ObjectKey(.role, "system:controller:bootstrap-signer", in: "kube-public")),
      !cluster.store.contains(ObjectKey(.role, "system:controller:bootstrap-signer", in: "kube-system"))
    {
      cluster.ensureBootstrapPolicy(createdAt: created ?? saved.now, seed: 1, namespacedOnly: true)
    }
    cluster.recover()
    return cluster
  }

  /// Rebuilds the indexes and the kubelets' view from the stored objects,
  /// then lets every component look at everything once.
  private mutating func recover() {
    for service in store.list(.service) {
      for ip in service.content[path: "spec.clusterIPs"]?.array?.compactMap(\.string) ?? [] where ip != "None" {
        _ = network.claimServiceIP(ip)
      }
      for port in service.content[path: "spec.ports"]?.array ?? [] {
        if let nodePort = port["nodePort"]?.int { _ = network.claimNodePort(nodePort) }
      }
    }
    for event in store.list(.event) {
      if let uid = event.content[path: "involvedObject.uid"]?.string {
        eventIndex[uid, default: []].append(IndexedEvent(event))
      }
    }
    for pod in store.list(.pod) {
      guard let node = pod.content[path: "spec.nodeName"]?.string else {
        enqueue(.scheduler(pod.key))
        continue
      }
      podsByNode[node, default: []].insert(pod.key)
      account(pod.key, pod)
      if pod.content[path: "spec.hostNetwork"]?.bool != true, let ip = pod.content[path: "status.podIP"]?.string {
        network.claimPodIP(ip, node: node)
      }
      runtimes[pod.uid] = recoveredRuntime(pod)
      enqueue(.kubelet(pod.key))
    }
    for kind in [Kind.replicaSet, .deployment, .daemonSet, .namespace, .service] {
      for object in store.list(kind) {
        switch kind {
        case .replicaSet: enqueue(.replicaSet(object.key))
        case .deployment: enqueue(.deployment(object.key))
        case .daemonSet: enqueue(.daemonSet(object.key))
        case .namespace: enqueue(.namespace(object.key))
        default: enqueue(.endpoints(object.key))
        }
      }
    }
    settle()
  }

  /// A kubelet's view of a pod, read back from its status.
  private func recoveredRuntime(_ pod: Object) -> PodRuntime {
    let statuses = (pod.content[path: "status.initContainerStatuses"]?.array ?? []) + (pod.content[path: "status.containerStatuses"]?.array ?? [])
    let specs = (pod.content[path: "spec.initContainers"]?.array ?? []).map { ($0, true) } + (pod.content[path: "spec.containers"]?.array ?? []).map { ($0, false) }
    var containers: [ContainerRuntime] = []
    for (spec, isInit) in specs {
      let name = spec["name"]?.string ?? ""
      var container = ContainerRuntime(name: name, image: spec["image"]?.string ?? "", isInit: isInit)
      guard let status = statuses.first(where: { $0["name"]?.string == name }) else {
        containers.append(container)
        continue
      }
      container.restartCount = status["restartCount"]?.int ?? 0
      container.containerID = status["containerID"]?.string
      container.lastTermination = Cluster.termination(status[path: "lastState.terminated"])
      if let running = status[path: "state.running"], let since = Timestamp.parse(running["startedAt"]?.string) {
        let image = ImageCatalog.lookup(ImageReference(container.image))
        let steps = ContainerProgram.steps(image: image, command: spec["command"]?.array?.compactMap(\.string), args: spec["args"]?.array?.compactMap(\.string), stdin: spec["stdin"]?.bool == true)
        container.program = FlatStep.flatten(steps)
        container.programTime = since
        container.state = .running(since: since)
      } else if let end = Cluster.termination(status[path: "state.terminated"]) {
        container.state = .terminated(end)
      }
      containers.append(container)
    }
    var runtime = PodRuntime(containers: containers, sandboxReadyAt: Timestamp.parse(pod.content[path: "status.startTime"]?.string) ?? now, podIP: pod.content[path: "status.podIP"]?.string)
    for condition in pod.content[path: "status.conditions"]?.array ?? [] {
      if let type = condition["type"]?.string, let status = condition["status"]?.string,
        let time = Timestamp.parse(condition["lastTransitionTime"]?.string)
      {
        runtime.conditionTimes[type] = (status, time)
      }
    }
    return runtime
  }

  private static func termination(_ value: JSONValue?) -> Termination? {
    guard let value, let finished = Timestamp.parse(value["finishedAt"]?.string) else { return nil }
    return Termination(
      exitCode: value["exitCode"]?.int ?? 0, reason: value["reason"]?.string ?? "",
      message: value["message"]?.string, startedAt: Timestamp.parse(value["startedAt"]?.string),
      finishedAt: finished, containerID: value["containerID"]?.string)
  }
}
