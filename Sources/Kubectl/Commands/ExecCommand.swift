import Foundation
import KubeCluster

/// `kubectl exec POD -- COMMAND`.
struct ExecCommand: KubectlCommand {
  static let name = "exec"
  static let flags: [FlagSpec] = [
    ContainerChoice.flag,
    .bool("stdin", short: "i", help: "Pass stdin to the container"),
    .bool("tty", short: "t", help: "Stdin is a TTY"),
    .bool("quiet", short: "q", help: "Only print output from the remote session"),
    .strings("filename", short: "f", help: "to use to exec into the resource"),
    .string("pod-running-timeout", default: "1m0s", help: "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running"),
  ]

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    let flags = invocation.flags
    let positionals = invocation.positionals
    guard let target = positionals.first else {
      throw KubectlError.raw("error: pod, type/name or --filename must be specified\n")
    }
    guard let dash = flags.argsBeforeDash else {
      if positionals.count > 1 {
        throw KubectlError.raw("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n")
      }
      throw KubectlError.message("you must specify at least one command for the container")
    }
    let command = Array(positionals.dropFirst(dash))
    guard !command.isEmpty else { throw KubectlError.message("you must specify at least one command for the container") }
    let namespace = invocation.namespace
    var pod: Object
    if let slash = target.firstIndex(of: "/") {
      let type = String(target[..<slash])
      let name = String(target[target.index(after: slash)...])
      guard let kind = ResourceResolver.kind(for: type) else { throw KubectlError.unknownResourceType(type) }
      guard let object = cluster.store.get(ObjectKey(kind, name, in: namespace)) else { throw KubectlError.api(.notFound(kind, name)) }
      if kind == .pod {
        pod = object
      } else {
        let selector = LabelSelector(json: object.content[path: "spec.selector"])
        guard let first = cluster.list(.pod, in: namespace, selector: selector).first else {
          throw KubectlError.message("cannot exec into a container in a completed pod; current phase is Pending")
        }
        pod = first
      }
    } else {
      guard let object = cluster.store.get(ObjectKey(.pod, target, in: namespace)) else { throw KubectlError.api(.notFound(.pod, target)) }
      pod = object
    }
    var output = CommandOutput()
    let phase = pod.content[path: "status.phase"]?.string ?? ""
    if phase == "Succeeded" || phase == "Failed" {
      throw KubectlError.message("cannot exec into a container in a completed pod; current phase is \(phase)")
    }
    guard let (container, notice) = ContainerChoice.choose(pod, requested: flags.string("container")) else {
      throw KubectlError.api(.badRequest("container \(flags.string("container")) is not valid for pod \(pod.name)"))
    }
    output.stderr += notice
    let quiet = flags.bool("quiet")
    if quiet { output.stderr = "" }
    let attachesStdin = flags.bool("stdin")
    // kubectl asks for a TTY only when stdin is attached and is a terminal.
    let tty = flags.bool("tty") && attachesStdin && invocation.environment.stdinIsTerminal
    if flags.bool("tty") && attachesStdin && !tty && !quiet {
      output.stderr += "Unable to use a TTY - input is not a terminal or the right kind of file\n"
    }
    let streams = attachesStdin || flags.bool("tty")
    if attachesStdin && PodShell.isShell(command) {
      let interactive = invocation.environment.stdinIsTerminal
      guard cluster.containerRuntime(of: pod, container: container)?.isRunning == true else {
        throw KubectlError.message("unable to upgrade connection: container not found (\"\(container)\")")
      }
      guard var shell = PodShell(command[0], pod: pod, container: container, cluster: cluster, interactive: tty)
      else {
        return missingExecutable(command[0], output: output, streams: true, tty: tty, pod: pod, container: container, cluster: cluster)
      }
      if interactive {
        output.execSession = ExecSession(pod: pod.key, container: container, command: command, tty: tty)
        return output
      }
      finish(shell.runScript(invocation.environment.stdin, cluster: &cluster), into: &output)
      return output
    }
    var failure: ExecFailure?
    if let shell = command.first, ["sh", "bash", "ash", "dash"].contains((shell as NSString).lastPathComponent),
      command.count >= 3, command[1] == "-c"
    {
      if var script = PodShell(shell, pod: pod, container: container, cluster: cluster, interactive: false) {
        if attachesStdin { script.input = invocation.environment.stdin }
        finish(script.runScript(command[2], cluster: &cluster), into: &output)
      } else if cluster.containerRuntime(of: pod, container: container)?.isRunning == true {
        failure = .executableNotFound(shell)
      } else {
        failure = .containerNotFound(container)
      }
    } else {
      do {
        finish(try cluster.execute(command, in: pod, container: container), into: &output)
      } catch {
        failure = error
      }
    }
    switch failure {
    case .none:
      return output
    case .containerNotFound(let name):
      throw KubectlError.message("unable to upgrade connection: container not found (\"\(name)\")")
    case .executableNotFound(let program):
      return missingExecutable(program, output: output, streams: streams, tty: tty, pod: pod, container: container, cluster: cluster)
    }
  }

  /// The process's output, and kubectl's line for a non-zero exit.
  private static func finish(_ result: ExecResult, into output: inout CommandOutput) {
    // kubectl's own notices (the defaulted container, no TTY) come before
    // anything the process writes.
    if output.chunks.isEmpty, !output.stderr.isEmpty {
      let notices = output.stderr
      output.stderr = ""
      output.err(notices)
    }
    output.out(result.stdout)
    output.err(result.stderr)
    if result.exitCode != 0 {
      output.err("command terminated with exit code \(result.exitCode)\n")
      output.exitCode = Int32(truncatingIfNeeded: result.exitCode)
    }
  }

  /// The runtime's answer when the program is not in the image: through
  /// the attached streams (exit code 126), or as the API server's error.
  private static func missingExecutable(
    _ program: String, output: CommandOutput, streams: Bool, tty: Bool, pod: Object, container: String,
    cluster: Cluster
  ) -> CommandOutput {
    var output = output
    let reason = "OCI runtime exec failed: exec failed: unable to start container process: exec: \"\(program)\": executable file not found in $PATH: unknown"
    if streams {
      if tty { output.stdout += reason + "\r\n" } else { output.stderr += reason + "\n" }
      output.stderr += "command terminated with exit code 126\n"
      output.exitCode = 126
      return output
    }
    output.stderr += notFoundMessage(program, pod: pod, container: container, cluster: cluster)
    output.exitCode = 1
    return output
  }

  /// The runtime's refusal to start a program the image does not have.
  static func notFoundMessage(_ program: String, pod: Object, container: String, cluster: Cluster) -> String {
    let id = (cluster.containerRuntime(of: pod, container: container)?.containerID ?? "").replacingOccurrences(of: "containerd://", with: "")
    return "error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec \"\(id)\": OCI runtime exec failed: exec failed: unable to start container process: exec: \"\(program)\": executable file not found in $PATH: unknown\n"
  }
}
