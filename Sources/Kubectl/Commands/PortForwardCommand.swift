import Foundation
import KubeCluster

/// `kubectl port-forward TYPE/NAME [LOCAL:]REMOTE...`.
///
/// The real command blocks while it forwards; here it reports the forwards
/// and hands them to the shell, whose `curl` reaches them until the
/// session ends.
struct PortForwardCommand: KubectlCommand {
  static let name = "port-forward"
  static let flags: [FlagSpec] = [
    .strings(
      "address",
      help:
        "Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value. When localhost is supplied, kubectl will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind."
    ),
    .string(
      "pod-running-timeout", default: "1m0s",
      help:
        "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running"
    ),
  ]

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    let positionals = invocation.positionals
    guard positionals.count >= 2 else {
      throw KubectlError.raw(
        "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n"
      )
    }
    let namespace = invocation.namespace
    let target = positionals[0]
    var kind = Kind.pod
    var name = target
    if let slash = target.firstIndex(of: "/") {
      let type = String(target[..<slash])
      guard let found = ResourceResolver.kind(for: type) else {
        throw KubectlError.unknownResourceType(type)
      }
      kind = found
      name = String(target[target.index(after: slash)...])
    }
    guard let object = cluster.store.get(ObjectKey(kind, name, in: namespace)) else {
      throw KubectlError.api(.notFound(kind, name))
    }
    let pod: Object
    switch kind {
    case .pod:
      pod = object
    case .service, .deployment, .replicaSet, .statefulSet, .daemonSet:
      let selector =
        kind == .service
        ? LabelSelector(matchLabels: Object.stringMap(object.content[path: "spec.selector"]))
        : LabelSelector(json: object.content[path: "spec.selector"])
      let pods = cluster.list(.pod, in: namespace, selector: selector).filter { !$0.isTerminating }
      guard
        let chosen = pods.first(where: { $0.content[path: "status.phase"]?.string == "Running" })
          ?? pods.first
      else {
        throw KubectlError.message("timed out waiting for the condition")
      }
      pod = chosen
    default:
      throw KubectlError.message(
        "cannot attach to \(kind.rawValue): selector for \(kind.groupSingular) not implemented")
    }
    let phase = pod.content[path: "status.phase"]?.string ?? "Pending"
    guard phase == "Running" else {
      throw KubectlError.message(
        "unable to forward port because pod is not running. Current status=\(phase)")
    }
    var output = CommandOutput()
    for spec in positionals.dropFirst() {
      let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
      let localText = parts.count == 2 ? parts[0] : parts[0]
      let remoteText = parts.count == 2 ? parts[1] : parts[0]
      var remote: Int
      if kind == .service {
        guard let number = Int(remoteText),
          let servicePort = (object.content[path: "spec.ports"]?.array ?? []).first(where: {
            $0["port"]?.int == number
          })
        else {
          throw KubectlError.message(
            "Service \(object.name) does not have a service port \(remoteText)")
        }
        remote = try containerPort(servicePort["targetPort"] ?? .int(number), in: pod)
      } else if let number = Int(remoteText) {
        remote = number
      } else {
        remote = try containerPort(.string(remoteText), in: pod)
      }
      let local =
        localText.isEmpty
        ? 30_000 + Int(RandomSource.fnv32a(pod.name + spec) % 20_000) : (Int(localText) ?? remote)
      output.stdout +=
        "Forwarding from 127.0.0.1:\(local) -> \(remote)\nForwarding from [::1]:\(local) -> \(remote)\n"
      output.portForwards.append(PortForward(localPort: local, pod: pod.key, podPort: remote))
    }
    return output
  }

  /// A container port by number or by name.
  static func containerPort(_ value: JSONValue, in pod: Object) throws -> Int {
    if let number = value.int { return number }
    let name = value.string ?? ""
    for container in pod.content[path: "spec.containers"]?.array ?? [] {
      for port in container["ports"]?.array ?? [] where port["name"]?.string == name {
        if let number = port["containerPort"]?.int { return number }
      }
    }
    throw KubectlError.message("Pod '\(pod.name)' does not have a named port '\(name)'")
  }
}
