import Foundation
import KubeCluster
import NIOCore
import NIOHTTP1
import NIOWebSocket

/// `kubectl exec` over WebSocket with the `v5.channel.k8s.io` (or v4)
/// subprotocol, as kubectl 1.32 asks first: the first byte of each binary
/// message names the stream (1 stdout, 2 stderr, 3 the final `Status`).
///
/// Commands run to completion in the simulated container before the
/// answer is sent; standard input is not read.
enum ExecWebSocket {
  static let protocols = ["v5.channel.k8s.io", "v4.channel.k8s.io"]

  /// What an exec request names.
  struct Target: Sendable {
    var namespace: String
    var pod: String
    var container: String
    var command: [String]
    var subprotocol: String
  }

  /// Parses an upgrade request for `…/pods/NAME/exec`; `nil` when it is
  /// not one this server takes (it then gets a plain HTTP answer).
  static func target(_ head: HTTPRequestHead, token: String) -> Target? {
    let offered = head.headers[canonicalForm: "Sec-WebSocket-Protocol"].map(String.init)
    guard let subprotocol = protocols.first(where: offered.contains),
      let segments = authorizedSegments(head, token: token), segments.count == 7, segments[0] == "api",
      segments[1] == "v1", segments[2] == "namespaces", segments[4] == "pods", segments[6] == "exec"
    else { return nil }
    let query = head.uri.split(separator: "?", maxSplits: 1).dropFirst().first ?? ""
    var command: [String] = []
    var container = ""
    for pair in query.split(separator: "&") {
      let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { APIRequest.decode(String($0)) }
      guard kv.count == 2 else { continue }
      if kv[0] == "command" { command.append(kv[1]) }
      if kv[0] == "container" { container = kv[1] }
    }
    return Target(namespace: segments[3], pod: segments[5], container: container, command: command, subprotocol: subprotocol)
  }

  /// The decoded path segments of an upgrade request that carries the
  /// token (header or `/t/TOKEN` path prefix); nil without it.
  static func authorizedSegments(_ head: HTTPRequestHead, token: String) -> [String]? {
    var uri = head.uri
    let prefix = "/t/\(token)"
    var authorized = head.headers.first(name: "Authorization") == "Bearer \(token)"
    if uri.hasPrefix(prefix + "/") {
      uri = String(uri.dropFirst(prefix.count))
      authorized = true
    }
    guard authorized else { return nil }
    let path = uri.split(separator: "?", maxSplits: 1).first ?? ""
    return path.split(separator: "/").map { APIRequest.decode(String($0)) }
  }

  /// The WebSocket upgrades: exec, and port-forward's SPDY tunnel.
  static func upgrader(server: APIServer) -> NIOWebSocketServerUpgrader {
    NIOWebSocketServerUpgrader(
      shouldUpgrade: { [token = server.token] channel, head in
        if PortForward.offersTunnel(head), PortForward.target(head, token: token) != nil {
          return channel.eventLoop.makeSucceededFuture(["Sec-WebSocket-Protocol": PortForward.tunnelProtocol])
        }
        guard let target = target(head, token: token) else { return channel.eventLoop.makeSucceededFuture(nil) }
        return channel.eventLoop.makeSucceededFuture(["Sec-WebSocket-Protocol": target.subprotocol])
      },
      upgradePipelineHandler: { [weak server] channel, head in
        if let server, PortForward.offersTunnel(head), let target = PortForward.target(head, token: server.token) {
          let session = PortForwardSession(backend: ClusterPortForwardBackend(server: server, target: target))
          return PortForward.install(PortForwardWebSocketHandler(session: session), on: channel)
        }
        guard let server, let target = target(head, token: server.token) else {
          return channel.close()
        }
        let frames = server.exec(target)
        return channel.eventLoop.makeCompletedFuture {
          // The client's close frame may come before the connection ends
          // (sooner over TLS): the WebSocket decoder takes it, not HTTP.
          let pipeline = channel.pipeline.syncOperations
          if let http = try? pipeline.handler(type: HTTPHandler.self) { pipeline.removeHandler(http, promise: nil) }
          for (stream, data) in frames {
            var buffer = channel.allocator.buffer(capacity: data.count + 1)
            buffer.writeInteger(stream)
            buffer.writeBytes(data)
            channel.write(WebSocketFrame(fin: true, opcode: .binary, data: buffer), promise: nil)
          }
          var close = channel.allocator.buffer(capacity: 2)
          close.write(webSocketErrorCode: .normalClosure)
          channel.writeAndFlush(WebSocketFrame(fin: true, opcode: .connectionClose, data: close)).whenComplete { _ in
            channel.close(promise: nil)
          }
        }
      })
  }

  /// Runs the command; returns the messages to send, by stream.
  static func run(_ target: Target, cluster: inout Cluster) -> [(UInt8, [UInt8])] {
    func status(_ json: JSONValue) -> [(UInt8, [UInt8])] { [(3, Array(json.compactJSON.utf8))] }
    guard let pod = cluster.store.get(ObjectKey(.pod, target.pod, in: target.namespace)) else {
      return status(StatusObject.failure(.notFound(.pod, target.pod)))
    }
    let names = (pod.content[path: "spec.containers"]?.array ?? []).compactMap { $0["name"]?.string }
    let container = target.container.isEmpty ? (pod.annotations["kubectl.kubernetes.io/default-container"] ?? names.first ?? "") : target.container
    do {
      let result = try cluster.execute(target.command, in: pod, container: container)
      var frames: [(UInt8, [UInt8])] = []
      if !result.stdout.isEmpty { frames.append((1, Array(result.stdout.utf8))) }
      if !result.stderr.isEmpty { frames.append((2, Array(result.stderr.utf8))) }
      if result.exitCode == 0 {
        return frames + status(["metadata": .emptyObject, "status": "Success"])
      }
      return frames
        + status([
          "metadata": .emptyObject, "status": "Failure",
          "message": .string("command terminated with non-zero exit code: error executing command \(target.command), exit code \(result.exitCode)"),
          "reason": "NonZeroExitCode",
          "details": ["causes": [["reason": "ExitCode", "message": .string(String(result.exitCode))]]],
        ])
    } catch {
      switch error {
      case .containerNotFound(let name):
        return status(StatusObject.failure(.badRequest("container not found (\"\(name)\")")))
      case .executableNotFound(let program):
        let id = (cluster.containerRuntime(of: pod, container: container)?.containerID ?? "")
          .replacingOccurrences(of: "containerd://", with: "")
        return status(
          StatusObject.failure(
            .internalError(
              "Internal error occurred: error executing command in container: failed to exec in container: failed to start exec \"\(id)\": OCI runtime exec failed: exec failed: unable to start container process: exec: \"\(program)\": executable file not found in $PATH: unknown")))
      default:
        return status(StatusObject.failure(.internalError("\(error)")))
      }
    }
  }
}
