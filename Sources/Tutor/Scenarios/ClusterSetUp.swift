import Foundation
import KubeCluster
import Kubectl

/// How a lesson or scenario prepares its cluster: nodes, manifests, faults.
///
/// Faults are named stages with parameters, never code, so a content file
/// cannot make kubetutor run anything on the learner's machine.
package struct ClusterSetUp: Equatable, Sendable {
  /// A fault injected after the manifests are applied.
  package enum Fault: Equatable, Sendable {
    /// Stops a control-plane component: `kube-scheduler`, `kube-controller-manager`.
    case stopComponent(String)
    /// A node's kubelet stops: the node goes NotReady.
    case nodeNotReady(String)
    /// A pod `hog-NODE` in `default` reserves all of the node's CPU and memory.
    case fillNode(String)
    /// A taint on a node before the manifests, as `kubectl taint nodes NODE
    /// KEY=VALUE:EFFECT` puts it: `kind-worker dedicated=batch:NoSchedule`.
    case taintNode(node: String, taint: String)
  }

  package var workers = 2
  /// Add-ons installed before the manifests, as a learner would install
  /// them on kind: `ingress-nginx`.
  package var addOns: [String] = []
  /// Each worker's CPU and memory (capacity and allocatable), such as
  /// `2` and `4Gi`; nil keeps kind's defaults.
  package var workerCPU: String?
  package var workerMemory: String?
  /// One YAML stream per entry, applied in order as `kubectl apply -f -` would.
  package var manifests: [Manifest] = []
  package var faults: [Fault] = []
  /// Seconds the clock moves after the manifests, so pods reach their state.
  package var settleSeconds: Double = 30

  package struct Manifest: Equatable, Sendable {
    package var text: String
    /// Where the text starts in its file, for error messages.
    package var line: Int
    package var column: Int
  }

  package init() {}

  /// A fresh cluster with this set-up applied, its clock at `start`: the
  /// cluster was made and the manifests applied just before, so that at a
  /// terminal the clock goes on with the wall clock at once. Also the
  /// errors of manifests the cluster rejected, if any.
  package func makeCluster(seed: UInt64 = 1, start: Date = Cluster.scriptEpoch) -> (
    Cluster, [String]
  ) {
    var cluster = Cluster.kind(
      start: start.addingTimeInterval(-duration), seed: seed, workers: workers)
    let errors = apply(to: &cluster)
    cluster.markJournalBaseline()
    return (cluster, errors)
  }

  /// The simulated seconds `apply` moves the clock: the settling time and
  /// each fault's own wait.
  var duration: Double {
    faults.reduce(settleSeconds) { total, fault in
      switch fault {
      case .stopComponent, .taintNode: total
      case .fillNode: total + 10
      case .nodeNotReady: total + 60
      }
    }
  }

  /// Applies manifests and faults to an existing cluster.
  package func apply(to cluster: inout Cluster) -> [String] {
    var errors: [String] = []
    if workerCPU != nil || workerMemory != nil { resizeWorkers(&cluster) }
    if addOns.contains("ingress-nginx") { cluster.installIngressNginx(by: "kubectl") }
    // A stopped component never sees the manifests; a node goes down after
    // its pods were placed.
    for case .stopComponent(let name) in faults {
      cluster.stop(name == "kube-scheduler" ? .scheduler : .controllerManager)
    }
    for case .taintNode(let node, let taint) in faults {
      let output = CommandRunner.run(["taint", "nodes", node, taint], cluster: &cluster)
      if output.exitCode != 0 { errors.append(output.stderr) }
    }
    for manifest in manifests {
      let output = CommandRunner.run(
        ["apply", "-f", "-"], cluster: &cluster,
        environment: KubectlEnvironment(stdin: manifest.text))
      if output.exitCode != 0 { errors.append(output.stderr) }
    }
    cluster.advance(by: settleSeconds)
    for fault in faults {
      switch fault {
      case .stopComponent, .taintNode:
        continue
      case .fillNode(let name):
        guard let node = cluster.store.get(ObjectKey(.node, name)) else {
          errors.append("no node \(name)")
          continue
        }
        // What the node's pods leave: a hog asking for more would be rejected.
        let allocatable = cluster.unrequested(on: node.name) ?? .emptyObject
        let hog: JSONValue = [
          "apiVersion": "v1", "kind": "Pod",
          "metadata": ["name": .string("hog-\(name)"), "labels": ["app": "hog"]],
          "spec": [
            "nodeName": .string(name),
            "containers": [
              [
                "name": "hog", "image": "registry.k8s.io/pause:3.10",
                "resources": [
                  "requests": [
                    "cpu": allocatable["cpu"] ?? "1", "memory": allocatable["memory"] ?? "1Gi",
                  ]
                ],
              ]
            ],
          ],
        ]
        do {
          try cluster.create(Object(.pod, hog))
        } catch {
          errors.append(error.message)
        }
        cluster.advance(by: 10)
      case .nodeNotReady(let name):
        guard cluster.store.get(ObjectKey(.node, name)) != nil else {
          errors.append("no node \(name)")
          continue
        }
        // The node-lifecycle controller notices after its grace period and
        // marks the node and its pods.
        cluster.stop(.kubelet(node: name))
        cluster.advance(by: 60)
      }
    }
    return errors
  }
}

extension ClusterSetUp {
  /// Gives every worker the set-up's CPU and memory, as a kind node on a
  /// smaller machine would report them.
  private func resizeWorkers(_ cluster: inout Cluster) {
    for var node in cluster.store.list(.node)
    where node.labels["node-role.kubernetes.io/control-plane"] == nil {
      for field in ["capacity", "allocatable"] {
        if let workerCPU { node.content[path: "status.\(field).cpu"] = .string(workerCPU) }
        if let workerMemory {
          node.content[path: "status.\(field).memory"] = .string(workerMemory)
        }
      }
      cluster.write(node, by: "kubelet/\(node.name)", summary: "status updated")
    }
  }

  static let addOnNames = ["ingress-nginx"]
  static let faultKeys = ["stopComponent", "nodeNotReady", "fillNode", "taintNode"]
  static let components = ["kube-scheduler", "kube-controller-manager"]

  /// Reads `setup:`; manifests are checked against a cluster (unknown kinds
  /// and fields, invalid names) with errors placed on the file's lines.
  package static func decode(_ reader: ContentReader, path: [String]) -> ClusterSetUp {
    var setUp = ClusterSetUp()
    guard
      reader.mapping(
        path, allowed: ["workers", "capacity", "addons", "manifests", "faults", "settleSeconds"])
        != nil
    else { return setUp }
    if let workers = reader.int(path + ["workers"]) {
      if workers < 0 || workers > 10 {
        reader.error(path + ["workers"], "workers: expected 0 to 10")
      } else {
        setUp.workers = workers
      }
    }
    if let seconds = reader.int(path + ["settleSeconds"]) { setUp.settleSeconds = Double(seconds) }
    if reader.mapping(path + ["capacity"], allowed: ["cpu", "memory"]) != nil {
      setUp.workerCPU = reader.string(path + ["capacity", "cpu"])
      setUp.workerMemory = reader.string(path + ["capacity", "memory"])
      for (key, value) in [("cpu", setUp.workerCPU), ("memory", setUp.workerMemory)] {
        if let value, Quantity(value) == nil {
          reader.error(path + ["capacity", key], "capacity.\(key): expected a quantity such as 2 or 4Gi")
        }
      }
    }
    if let items = reader.array(path + ["addons"]) {
      for index in items.indices {
        guard let name = reader.string(path + ["addons", String(index)]) else { continue }
        if Self.addOnNames.contains(name) {
          setUp.addOns.append(name)
        } else {
          reader.error(
            path + ["addons", String(index)],
            "addons: expected one of \(Self.addOnNames.joined(separator: ", "))")
        }
      }
    }
    let manifestsPath = path + ["manifests"]
    if let value = reader.value(manifestsPath) {
      let paths: [[String]] =
        value.array.map { items in items.indices.map { manifestsPath + [String($0)] } }
        ?? [manifestsPath]
      for itemPath in paths {
        guard let text = reader.string(itemPath) else { continue }
        let place = blockStart(reader, itemPath)
        setUp.manifests.append(Manifest(text: text, line: place.line, column: place.column))
      }
    }
    if let faults = reader.array(path + ["faults"]) {
      for index in faults.indices {
        let faultPath = path + ["faults", String(index)]
        guard let object = reader.mapping(faultPath, allowed: faultKeys) else { continue }
        guard object.count == 1, let key = object.keys.first,
          let argument = reader.string(faultPath + [key])
        else {
          reader.error(
            faultPath, "a fault needs exactly one of: \(faultKeys.joined(separator: ", "))")
          continue
        }
        switch key {
        case "stopComponent":
          if !components.contains(argument) {
            reader.error(
              faultPath + [key],
              "stopComponent: expected one of \(components.joined(separator: ", "))")
          }
          setUp.faults.append(.stopComponent(argument))
        case "fillNode":
          setUp.faults.append(.fillNode(argument))
        case "taintNode":
          let parts = argument.split(separator: " ", maxSplits: 1).map(String.init)
          guard parts.count == 2,
            parts[1].wholeMatch(of: /[^=:\s]+(=[^:\s]*)?:(NoSchedule|PreferNoSchedule|NoExecute)/)
              != nil
          else {
            reader.error(
              faultPath + [key], "taintNode: expected 'NODE KEY=VALUE:EFFECT', such as 'kind-worker dedicated=batch:NoSchedule'")
            continue
          }
          setUp.faults.append(.taintNode(node: parts[0], taint: parts[1]))
        default:
          setUp.faults.append(.nodeNotReady(argument))
        }
      }
    }
    setUp.lint(reader)
    return setUp
  }

  /// Where a literal block's text starts: the line after `|`, at its indentation.
  private static func blockStart(_ reader: ContentReader, _ path: [String]) -> (
    line: Int, column: Int
  ) {
    let place = reader.position(path)
    return (place.line + 1, place.column)
  }

  /// Creates every manifest object in a scratch cluster and places the
  /// cluster's complaints on the lines of the file.
  func lint(_ reader: ContentReader) {
    var cluster = Cluster.kind(workers: workers)
    for manifest in manifests {
      let documents: [ManifestDocument]
      do {
        documents = try ManifestDecoder.decode(manifest.text)
      } catch {
        let line = manifest.line + (error.position?.line ?? 1) - 1
        reader.error(line: line, column: manifest.column, "manifest: \(error.message)")
        continue
      }
      for document in documents {
        func place(_ field: String?) -> (Int, Int) {
          let position =
            field.flatMap {
              document.keyPosition(of: Self.dotted($0)) ?? document.position(of: Self.dotted($0))
            }
            ?? ManifestPosition(line: document.startLine, column: 1)
          return (
            manifest.line + position.line - 1,
            manifestColumn(manifest, reader) + position.column - 1
          )
        }
        guard let kindName = document.value["kind"]?.string else {
          let (line, column) = place(nil)
          reader.error(line: line, column: column, "manifest: missing 'kind'")
          continue
        }
        guard let kind = Kind(rawValue: kindName) else {
          let (line, column) = place("kind")
          reader.error(line: line, column: column, "manifest: unknown kind '\(kindName)'")
          continue
        }
        let object = Object(kind, document.value)
        do {
          try cluster.create(object)
        } catch {
          // A later manifest may update an earlier one, as `kubectl apply` does.
          if error.reason == "AlreadyExists" { continue }
          if error.causes.isEmpty {
            // Strict decoding names the field in its message.
            let field = error.message.firstMatch(of: /unknown field "([^"]+)"/).map { String($0.1) }
            let (line, column) = place(field)
            reader.error(line: line, column: column, "manifest: \(error.message)")
          }
          for cause in error.causes {
            let (line, column) = place(cause.field)
            reader.error(line: line, column: column, "manifest: \(kindName): \(cause.description)")
          }
        }
      }
    }
  }

  private func manifestColumn(_ manifest: Manifest, _ reader: ContentReader) -> Int {
    // The block's indentation: the first non-blank line of the file after the `|`.
    let lines = sourceLines(reader)
    guard manifest.line - 1 < lines.count else { return 1 }
    for line in lines[(manifest.line - 1)...]
    where !line.trimmingCharacters(in: .whitespaces).isEmpty {
      return line.prefix { $0 == " " }.count + 1
    }
    return 1
  }

  private func sourceLines(_ reader: ContentReader) -> [String] {
    reader.sourceText.components(separatedBy: "\n")
  }

  /// `spec.containers[0].image` → `spec.containers.0.image`.
  static func dotted(_ field: String) -> String {
    field.replacingOccurrences(of: "[", with: ".").replacingOccurrences(of: "]", with: "")
  }
}
