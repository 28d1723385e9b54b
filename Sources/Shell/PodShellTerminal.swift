import Foundation
import KubeCluster
import Kubectl

/// `kubectl exec -it POD -- sh` at the learner's terminal: the in-pod
/// shell's prompt, one line at a time from the shell's own line reader,
/// until `exit`, Ctrl-D, or the container going away.
///
/// kubectl itself chose the pod and container and checked the image has
/// the shell (`CommandOutput.execSession`); this only holds the terminal.
enum PodShellTerminal {
  static func run(_ session: ExecSession, output: CommandOutput, state: SessionState) -> CommandResult {
    state.write(.stderr, output.stderr)
    guard let readLine = state.readLine, let pod = state.cluster.store.get(session.pod),
      var shell = PodShell(
        session.command[0], pod: pod, container: session.container, cluster: state.cluster,
        interactive: session.tty)
    else {
      return CommandResult()
    }
    let hostname = pod.name
    var code = 0
    loop: while true {
      state.followWallClock()
      guard state.cluster.containerRuntime(of: pod, container: session.container)?.isRunning == true,
        state.cluster.store.get(session.pod)?.uid == pod.uid
      else {
        code = 137
        break
      }
      switch readLine(session.tty ? shell.prompt(hostname: hostname) : "") {
      case .line(let line):
        state.followWallClock()
        let step = shell.run(line, cluster: &state.cluster)
        // With a TTY the container's stderr arrives on the terminal too.
        state.write(.stdout, step.stdout)
        state.write(session.tty ? .stdout : .stderr, step.stderr)
        if let exit = step.exit {
          code = exit
          break loop
        }
      case .interrupted:
        continue
      case .end:
        state.write(.stdout, shell.flavor == .bash && session.tty ? "exit\n" : "\n")
        code = shell.lastStatus
        break loop
      }
    }
    if session.endsMainProcess {
      if !session.removesPod {
        state.cluster.endMainProcess(of: session.pod, container: session.container, exitCode: code)
      }
      state.write(.stdout, session.endNotice)
      if session.reportsTermination {
        if session.removesPod {
          _ = try? state.cluster.delete(session.pod)
          state.write(.stdout, "pod \"\(session.pod.name)\" deleted\n")
        }
        guard code != 0 else { return CommandResult() }
        return CommandResult(
          stderr: "pod \(session.pod.namespace)/\(session.pod.name) terminated (Error)\n", exitCode: Int32(truncatingIfNeeded: code))
      }
      if session.removesPod {
        _ = try? state.cluster.delete(session.pod)
        state.write(.stdout, "pod \"\(session.pod.name)\" deleted\n")
      }
      return CommandResult()
    }
    if session.removesPod {
      _ = try? state.cluster.delete(session.pod)
      state.write(.stdout, "pod \"\(session.pod.name)\" deleted\n")
      return CommandResult(exitCode: Int32(truncatingIfNeeded: code))
    }
    guard code != 0 else { return CommandResult() }
    return CommandResult(
      stderr: "command terminated with exit code \(code)\n", exitCode: Int32(truncatingIfNeeded: code))
  }
}
