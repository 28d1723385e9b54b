import Foundation
import KubeCluster
import Kubectl

/// `curl` on the learner's machine, the docker host of a kind cluster.
///
/// It reaches node addresses (NodePorts, the ingress controller's ports 80
/// and 443), load-balancer addresses, and `localhost` ports opened by
/// `kubectl port-forward`. ClusterIPs and pod addresses time out, as they
/// do from outside a real cluster's network.
enum CurlCommand {
  static func register(into table: inout CommandTable, state: SessionState) {
    table.register("curl") { argv, _, context in
      var handled: [Int] = []
      let forwards = state.portForwards
      let outcome = CurlProgram.run(
        Array(argv.dropFirst()), cluster: &state.cluster, origin: .host,
        forward: { port in
          guard let forward = forwards[port] else { return nil }
          handled.append(port)
          return (forward.pod, forward.podPort)
        },
        local: { port, request, cluster in
          ProxyJobs.answer(port: port, request: request, cluster: &cluster, state: state, context: context)
        },
        // `--cacert FILE`, read from the learner's folder.
        readFile: { path in (try? context.resolve(path)).flatMap { try? String(contentsOf: $0, encoding: .utf8) } })
      var result = CommandResult(
        stdout: outcome.stdout, stderr: outcome.stderr, exitCode: outcome.exitCode)
      // kubectl port-forward, still running, reports each connection on
      // the terminal (not into curl's pipe).
      for port in handled {
        result.stderr = "Handling connection for \(port)\n" + result.stderr
        result.writesErrorsFirst = true
      }
      if let (path, contents) = outcome.file, path != "/dev/null" {
        do {
          let url = try context.resolve(path)
          try Data(contents.utf8).write(to: url)
        } catch {
          return CommandResult(
            stderr:
              "Warning: Failed to open the file \(path): Permission denied\ncurl: (23) Failure writing output to destination\n",
            exitCode: 23)
        }
      }
      return result
    }
  }
}
