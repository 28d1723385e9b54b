import Foundation
import KubeCluster

/// `kubectl attach POD`: joins the output of a running container's main
/// process. It shows only what the container writes from now on; in the
/// interactive shell that streams until Ctrl-C, while in script mode,
/// where the clock moves only when told to, nothing new is written while
/// attached.
struct AttachCommand: KubectlCommand {
  static let name = "attach"
  static let flags: [FlagSpec] = [
    ContainerChoice.flag,
    .bool("stdin", short: "i", help: "Pass stdin to the container"),
    .bool("tty", short: "t", help: "Stdin is a TTY"),
    .bool("quiet", short: "q", help: "Only print output from the remote session"),
    .string("pod-running-timeout", default: "1m0s", help: "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running"),
  ]

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    let flags = invocation.flags
    let arguments = invocation.positionals
    guard !arguments.isEmpty else { throw KubectlError.message("at least 1 argument is required for attach") }
    guard arguments.count <= 2 else {
      throw KubectlError.message("expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw \(arguments.count): [\(arguments.joined(separator: " "))]")
    }
    let namespace = invocation.namespace
    var kind = Kind.pod
    var name = arguments[0]
    if arguments.count == 2 {
      guard let resolved = ResourceResolver.kind(for: arguments[0]) else { throw KubectlError.unknownResourceType(arguments[0]) }
      kind = resolved
      name = arguments[1]
    } else if let slash = name.firstIndex(of: "/") {
      let type = String(name[..<slash])
      guard let resolved = ResourceResolver.kind(for: type) else { throw KubectlError.unknownResourceType(type) }
      kind = resolved
      name = String(name[name.index(after: slash)...])
    }
    guard let object = cluster.store.get(ObjectKey(kind, name, in: namespace)) else {
      throw KubectlError.api(.notFound(kind, name))
    }
    var pod = object
    if kind != .pod {
      let selector = LabelSelector(json: object.content[path: "spec.selector"])
      guard let first = cluster.list(.pod, in: namespace, selector: selector).sorted(by: { $0.name < $1.name }).first else {
        throw KubectlError.message("no pods found for \(kind.groupSingular)/\(name)")
      }
      pod = first
    }
    let phase = pod.content[path: "status.phase"]?.string ?? ""
    if phase == "Succeeded" || phase == "Failed" {
      throw KubectlError.message("cannot attach a container in a completed pod; current phase is \(phase)")
    }
    var output = CommandOutput()
    let specs = pod.content[path: "spec.containers"]?.array ?? []
    guard let (container, notice) = ContainerChoice.choose(pod, requested: flags.string("container")) else {
      throw KubectlError.message("cannot attach to the container: container \(flags.string("container")) not found in pod \(pod.name)")
    }
    output.stderr += notice
    let quiet = flags.bool("quiet")
    let spec = specs.first { $0["name"]?.string == container }
    if flags.bool("tty") {
      if spec?["tty"]?.bool != true {
        if !quiet { output.stderr += "error: Unable to use a TTY - container \(container) did not allocate one\n" }
      } else if !invocation.environment.interactive {
        if !quiet { output.stderr += "Unable to use a TTY - input is not a terminal or the right kind of file\n" }
      }
    }
    guard cluster.containerRuntime(of: pod, container: container)?.isRunning == true else {
      output.stderr += "error: unable to upgrade connection: container not found (\"\(container)\")\n"
      output.exitCode = 1
      return output
    }
    if !quiet { output.stderr += "If you don't see a command prompt, try pressing enter.\n" }
    return output
  }
}
