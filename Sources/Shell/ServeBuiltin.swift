import Foundation
import KubeCluster

/// An HTTP server for the Kubernetes API of one session's cluster.
///
/// The Shell module does not link the server; the executable provides one
/// (`kubetutor` wires `KubeAPIServer`), so the shell's `serve` command only
/// turns it on and off.
package protocol SessionServer: AnyObject {
  /// The port the server listens on, when it runs.
  var port: Int? { get }
  /// Starts serving on 127.0.0.1:`port` (0 picks a free port); returns what
  /// to print: where it listens and the `export KUBECONFIG=…` line.
  func start(port: Int) throws -> String
  /// Stops serving and closes every connection.
  func stop()
}

/// `serve on [--port PORT]`, `serve off` and `serve` (the status): the
/// session's cluster as a Kubernetes API on loopback, for the real kubectl.
package enum ServeBuiltin {
  static let usage = "usage: serve on [--port PORT] | off | status"

  /// Adds `serve` to the session's commands, backed by `server`.
  package static func install(on session: ShellSession, server: SessionServer) {
    session.register("serve") { argv, _, _ in
      run(Array(argv.dropFirst()), server: server)
    }
  }

  static func run(_ arguments: [String], server: SessionServer) -> CommandResult {
    switch arguments.first ?? "status" {
    case "on":
      var port = 6443
      var rest = Array(arguments.dropFirst())
      while let word = rest.first {
        rest.removeFirst()
        let value: String?
        if word == "--port" {
          value = rest.isEmpty ? nil : rest.removeFirst()
        } else if word.hasPrefix("--port=") {
          value = String(word.dropFirst("--port=".count))
        } else {
          return .failure("serve: unknown argument '\(word)'\n\(usage)", exitCode: 2)
        }
        guard let value, let number = Int(value), (0...65535).contains(number) else {
          return .failure("serve: --port needs a port number between 0 and 65535", exitCode: 2)
        }
        port = number
      }
      if let running = server.port {
        return .failure("serve: already serving on 127.0.0.1:\(running) (serve off stops it)")
      }
      do {
        return CommandResult(stdout: try server.start(port: port))
      } catch {
        return .failure("serve: \(error)")
      }
    case "off":
      guard let running = server.port else { return .failure("serve: not serving") }
      server.stop()
      return CommandResult(stdout: "Stopped serving on 127.0.0.1:\(running).\n")
    case "status":
      guard let running = server.port else { return CommandResult(stdout: "Not serving (serve on starts).\n") }
      return CommandResult(stdout: "Serving on 127.0.0.1:\(running).\n")
    default:
      return .failure("serve: unknown argument '\(arguments[0])'\n\(usage)", exitCode: 2)
    }
  }
}
