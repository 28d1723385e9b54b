import Foundation
import KubeAPIServer
import KubeCluster
import Shell
import Testing

/// `kubectl proxy` in the interactive shell listens on 127.0.0.1:PORT for
/// real: another terminal's curl reaches the session's cluster without a
/// token, as through the real proxy.
@Suite("kubectl proxy on a real port", .serialized)
struct ProxyPortTests {
  /// An interactive session with the API and real ports behind its proxies.
  final class Shell: @unchecked Sendable {
    let session: ShellSession
    private var output = ""

    init() {
      var box: Shell?
      session = ShellSession(
        cluster: Cluster.kind(start: Date().addingTimeInterval(-600), seed: 3), mode: .interactive,
        workingDirectory: FileManager.default.temporaryDirectory
      ) { _, text in box?.output += text }
      box = self
      ProxiedAPI.install(on: session)
      SessionProxyPorts.install(on: session)
    }

    func run(_ line: String) -> (text: String, status: Int32) {
      output = ""
      session.feed(line)
      return (output, session.lastStatus)
    }

    func close(_ port: Int) {
      session.state.proxyPorts?.close(port: port)
    }
  }

  /// A port nothing listens on now.
  static func freePort() throws -> Int {
    let server = APIServer(host: LockedCluster(Cluster.kind(seed: 1), followsWallClock: false))
    let port = try server.start(port: 0)
    server.stop()
    return port
  }

  @Test("kubectl proxy & serves GET, POST and a watch on 127.0.0.1 without a token")
  func servesForReal() throws {
    let shell = Shell()
    let port = try Self.freePort()
    let started = shell.run("kubectl proxy --port=\(port) &")
    #expect(started.status == 0)
    #expect(started.text.contains("Starting to serve on 127.0.0.1:\(port)\n"))
    defer { shell.close(port) }
    let base = "http://127.0.0.1:\(port)"

    let version = try HTTPClient.request("\(base)/version")
    #expect(version.status == 200)
    #expect(version.body.contains(#""gitVersion": "v1.32.2""#))

    let pod = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}"#
    let created = try HTTPClient.request(
      "\(base)/api/v1/namespaces/default/pods", method: "POST", headers: ["Content-Type": "application/json"],
      body: pod)
    #expect(created.status == 201, "\(created.body)")
    #expect(shell.run("kubectl get pod web -o name").text == "pod/web\n")

    // Without a JSON content type (curl -d's default), the API refuses the body.
    let form = try HTTPClient.request(
      "\(base)/api/v1/namespaces/default/pods", method: "POST",
      headers: ["Content-Type": "application/x-www-form-urlencoded"], body: pod)
    #expect(form.status == 415)
    #expect(form.body.contains("the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf"))

    let listed = try HTTPClient.request("\(base)/api/v1/namespaces/default/pods")
    #expect(listed.status == 200)
    #expect(listed.body.contains(#""name":"web""#) || listed.body.contains(#""name": "web""#))

    // A watch streams: the current pod as ADDED, then what happens to it.
    let box = Box()
    let done = DispatchSemaphore(value: 0)
    Thread {
      box.body = (try? HTTPClient.request("\(base)/api/v1/namespaces/default/pods?watch=1&timeoutSeconds=2", timeout: 20))?.body ?? ""
      done.signal()
    }.start()
    Thread.sleep(forTimeInterval: 0.5)
    _ = shell.run("kubectl label pod web tier=front")
    done.wait()
    let types = box.body.split(separator: "\n").compactMap { line in
      (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["type"] as? String
    }
    #expect(types.first == "ADDED", "\(box.body)")
    #expect(types.contains("MODIFIED"), "\(box.body)")

    // The filter still stands in front: exec is refused.
    let exec = try HTTPClient.request("\(base)/api/v1/namespaces/default/pods/web/exec?command=ls")
    #expect(exec.status == 403)
    #expect(exec.body == "<h3>Unauthorized</h3>")
  }

  @Test("a port already taken fails as kubectl 1.32 does: error: listen tcp …: bind: address already in use, exit 1")
  func portTaken() throws {
    let holder = Shell()
    let port = try Self.freePort()
    #expect(holder.run("kubectl proxy --port=\(port) &").status == 0)
    defer { holder.close(port) }
    let other = Shell()
    // In the foreground, which would otherwise hold the terminal until Ctrl-C.
    let refused = other.run("kubectl proxy --port=\(port)")
    #expect(refused.status == 1)
    #expect(refused.text == "error: listen tcp 127.0.0.1:\(port): bind: address already in use\n")
    // After `&` the job's failure is printed the same way.
    #expect(other.run("kubectl proxy --port=\(port) &").text.hasSuffix("bind: address already in use\n"))
    // The shell's own curl then has no proxy on that port.
    #expect(other.run("curl -s localhost:\(port)/version").status == 7)
  }

  private final class Box: @unchecked Sendable {
    var body = ""
  }
}
