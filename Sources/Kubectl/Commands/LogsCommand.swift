import Foundation
import KubeCluster

/// `kubectl logs`.
struct LogsCommand: KubectlCommand {
  static let name = "logs"
  static let flags: [FlagSpec] = [
    .string("container", short: "c", help: "Print the logs of this container"),
    .bool("follow", short: "f", help: "Specify if the logs should be streamed."),
    .bool("previous", short: "p", help: "If true, print the logs for the previous instance of the container in a pod if it exists."),
    .int("tail", default: -1, help: "Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided."),
    .duration("since", default: "0s", help: "Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used."),
    .string("since-time", help: "Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used."),
    .bool("timestamps", help: "Include timestamps on each line in the log output"),
    .strings("selector", short: "l", help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'."),
    .bool("all-containers", help: "Get all containers' logs in the pod(s)."),
    .bool("prefix", help: "Prefix each log line with the log source (pod name and container name)"),
    .int("max-log-requests", default: 5, help: "Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5."),
    .string("pod-running-timeout", default: "20s", help: "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running"),
    .bool("ignore-errors", help: "If watching / following pod logs, allow for any errors that occur to be non-fatal"),
    .int("limit-bytes", default: 0, help: "Maximum bytes of logs to return. Defaults to no limit."),
    .bool("insecure-skip-tls-verify-backend", help: "Skip verifying the identity of the kubelet that logs are requested from."),
  ]

  static let usage = """
    error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.
    POD or TYPE/NAME is a required argument for the logs command
    See 'kubectl logs -h' for help and examples

    """

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    let flags = invocation.flags
    let namespace = invocation.namespace
    var output = CommandOutput()
    var pods: [Object] = []
    let selector = try GetCommand.listSelector(flags, for: [.pod])
    if !selector.isEmpty {
      pods = cluster.list(.pod, in: namespace, selector: selector)
      if pods.isEmpty {
        output.stderr += "No resources found in \(namespace) namespace.\n"
        return output
      }
    } else {
      guard let target = invocation.positionals.first else { throw KubectlError.raw(usage) }
      var containerArgument: String?
      if invocation.positionals.count > 1 { containerArgument = invocation.positionals[1] }
      if let slash = target.firstIndex(of: "/") {
        let type = String(target[..<slash])
        let name = String(target[target.index(after: slash)...])
        guard let kind = ResourceResolver.kind(for: type) else { throw KubectlError.unknownResourceType(type) }
        guard let object = cluster.store.get(ObjectKey(kind, name, in: namespace)) else {
          throw KubectlError.api(.notFound(kind, name))
        }
        if kind == .pod {
          pods = [object]
        } else {
          let podSelector = LabelSelector(json: object.content[path: "spec.selector"])
          let matching = cluster.list(.pod, in: namespace, selector: podSelector).sorted { ($0.creationTimestamp ?? .distantPast, $0.name) < ($1.creationTimestamp ?? .distantPast, $1.name) }
          guard let first = matching.first else {
            throw KubectlError.message("timed out waiting for the condition")
          }
          if matching.count > 1 { output.stderr += "Found \(matching.count) pods, using pod/\(first.name)\n" }
          pods = [first]
        }
      } else {
        guard let pod = cluster.store.get(ObjectKey(.pod, target, in: namespace)) else {
          throw KubectlError.api(.notFound(.pod, target))
        }
        pods = [pod]
      }
      if let containerArgument, !flags.isSet("container") {
        return try logs(of: pods[0], container: containerArgument, invocation: invocation, cluster: cluster, output: output, prefixed: false)
      }
    }
    for pod in pods {
      let containers = (pod.content[path: "spec.containers"]?.array ?? []).compactMap { $0["name"]?.string }
      if flags.bool("all-containers") {
        for container in containers {
          output = try logs(of: pod, container: container, invocation: invocation, cluster: cluster, output: output, prefixed: flags.bool("prefix"))
        }
        continue
      }
      var container = flags.string("container")
      if container.isEmpty {
        container = pod.annotations["kubectl.kubernetes.io/default-container"] ?? containers.first ?? ""
        // podcmd.AllContainerNames: containers, then init containers.
        let inits = (pod.content[path: "spec.initContainers"]?.array ?? []).compactMap { $0["name"]?.string }
        let all = containers + inits.map { "\($0) (init)" }
        if all.count > 1 && pod.annotations["kubectl.kubernetes.io/default-container"] == nil {
          output.stderr += "Defaulted container \"\(container)\" out of: \(all.joined(separator: ", "))\n"
          do {
            output = try logs(of: pod, container: container, invocation: invocation, cluster: cluster, output: output, prefixed: flags.bool("prefix"))
          } catch {
            // The notice was printed before the request failed.
            output.stderr += ErrorMessage.render(error)
            output.exitCode = 1
            return output
          }
          continue
        }
      }
      output = try logs(of: pod, container: container, invocation: invocation, cluster: cluster, output: output, prefixed: flags.bool("prefix") || pods.count > 1 && flags.bool("prefix"))
    }
    return output
  }

  private static func logs(of pod: Object, container: String, invocation: Invocation, cluster: Cluster, output: CommandOutput, prefixed: Bool) throws -> CommandOutput {
    var output = output
    let flags = invocation.flags
    let containers = (pod.content[path: "spec.containers"]?.array ?? []) + (pod.content[path: "spec.initContainers"]?.array ?? [])
    guard containers.contains(where: { $0["name"]?.string == container }) else {
      throw KubectlError.message("container \(container) is not valid for pod \(pod.name)")
    }
    let previous = flags.bool("previous")
    guard let runtime = cluster.containerRuntime(of: pod, container: container) else {
      let hasInits = !(pod.content[path: "spec.initContainers"]?.array ?? []).isEmpty
      throw KubectlError.api(.badRequest("container \"\(container)\" in pod \"\(pod.name)\" is waiting to start: \(hasInits ? "PodInitializing" : "ContainerCreating")"))
    }
    if previous && runtime.lastTermination == nil {
      throw KubectlError.api(.badRequest("previous terminated container \"\(container)\" in pod \"\(pod.name)\" not found"))
    }
    if !previous && !runtime.hasStarted {
      // The API server words it after the container's waiting reason.
      let statuses = (pod.content[path: "status.containerStatuses"]?.array ?? []) + (pod.content[path: "status.initContainerStatuses"]?.array ?? [])
      let waiting = statuses.first { $0["name"]?.string == container }?[path: "state.waiting.reason"]?.string
      let reason: String
      switch runtime.state {
      case .pulling(_, _) where runtime.pullAttempts > 0, .pullFailed: reason = "trying and failing to pull image"
      default: reason = waiting ?? "ContainerCreating"
      }
      throw KubectlError.api(.badRequest("container \"\(container)\" in pod \"\(pod.name)\" is waiting to start: \(reason)"))
    }
    var lines = cluster.logs(of: pod, container: container, previous: previous) ?? []
    if let since = GoDuration.parse(flags.string("since")), flags.isSet("since") {
      lines = lines.filter { $0.time >= cluster.now.addingTimeInterval(-since) }
    }
    let tail = flags.int("tail")
    if tail >= 0 { lines = Array(lines.suffix(tail)) }
    var written = ""
    for line in lines {
      var text = line.text
      if flags.bool("timestamps") { text = Timestamp.formatNano(line.time) + " " + text }
      if prefixed { text = "[pod/\(pod.name)/\(container)] " + text }
      written += text + "\n"
    }
    // kubectl's notices ("Found 3 pods, using pod/…", the defaulted
    // container) reach the terminal before the log lines.
    if output.chunks.isEmpty, !output.stderr.isEmpty, output.stdout.isEmpty {
      let notices = output.stderr
      output.stderr = ""
      output.err(notices)
    }
    if output.chunks.isEmpty { output.stdout += written } else { output.out(written) }
    return output
  }
}

extension Timestamp {
  /// `2025-03-01T09:00:03.123456789Z`, as `kubectl logs --timestamps` prints.
  static func formatNano(_ date: Date) -> String {
    let base = format(date)
    let nanos = Int(((date.timeIntervalSince1970 - date.timeIntervalSince1970.rounded(.down)) * 1_000_000_000).rounded())
    let text = String(min(nanos, 999_999_999))
    return String(base.dropLast()) + "." + String(repeating: "0", count: 9 - text.count) + text + "Z"
  }
}
