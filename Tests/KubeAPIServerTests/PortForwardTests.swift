import Foundation
import KubeCluster
import KubetutorTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The real `kubectl port-forward` (v1.32) against `serve on`: it opens a
/// local port whose connections reach the simulated pod's server.
@Suite("the real kubectl port-forward against the served cluster", .serialized)
struct PortForwardTests {
  /// The real kubectl running in the background, its output in files.
  final class Background {
    let process = Process()
    let folder: URL

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
      folder = FileManager.default.temporaryDirectory.appendingPathComponent("port-forward-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      for name in ["stdout", "stderr"] {
        FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: nil)
      }
      process.executableURL = URL(fileURLWithPath: RealKubectl.path ?? "/nonexistent")
      process.arguments = arguments
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
      process.standardOutput = try FileHandle(forWritingTo: folder.appendingPathComponent("stdout"))
      process.standardError = try FileHandle(forWritingTo: folder.appendingPathComponent("stderr"))
      process.standardInput = FileHandle.nullDevice
      try ProcessLock.run { try process.run() }
    }

    func read(_ name: String) -> String {
      (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }

    /// Waits until stdout has a line starting with `prefix`; returns the line.
    func waitForLine(_ prefix: String, seconds: Double = 30) -> String? {
      let deadline = Date().addingTimeInterval(seconds)
      while Date() < deadline {
        if let line = read("stdout").split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) {
          return String(line)
        }
        if !process.isRunning { return nil }
        Thread.sleep(forTimeInterval: 0.1)
      }
      return nil
    }

    /// Waits up to `seconds` for stderr to contain `text`.
    func waitForError(_ text: String, seconds: Double = 10) -> Bool {
      let deadline = Date().addingTimeInterval(seconds)
      while Date() < deadline {
        if read("stderr").contains(text) { return true }
        Thread.sleep(forTimeInterval: 0.1)
      }
      return false
    }

    /// Stops it (as Ctrl-C would, then harder) unless it has ended.
    func stop() {
      for signal in [SIGINT, SIGKILL] where process.isRunning {
        Glibc.kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
      }
      process.waitUntilExit()
      try? FileManager.default.removeItem(at: folder)
    }
  }

  /// Sends `request` to 127.0.0.1:`port` and reads until the answer is
  /// complete (its Content-Length or final chunk), the peer closes, or time runs out.
  static func exchange(port: Int, _ request: String, seconds: Int = 10) -> String {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { Glibc.close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { return "connect failed" }
    var timeout = timeval(tv_sec: seconds, tv_usec: 0)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    _ = Array(request.utf8).withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, 0) }
    var received: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while !isComplete(received) {
      let count = chunk.withUnsafeMutableBytes { Glibc.recv(socket, $0.baseAddress, $0.count, 0) }
      guard count > 0 else { break }
      received += chunk[0..<count]
    }
    return String(decoding: received, as: UTF8.self)
  }

  static func isComplete(_ bytes: [UInt8]) -> Bool {
    let text = String(decoding: bytes, as: UTF8.self)
    guard let end = text.range(of: "\r\n\r\n") else { return false }
    let head = text[..<end.lowerBound].lowercased()
    if head.contains("transfer-encoding: chunked") { return text.hasSuffix("0\r\n\r\n") }
    let length =
      head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
      .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
    return text[end.upperBound...].utf8.count >= length
  }

  static func body(_ response: String) -> String {
    response.range(of: "\r\n\r\n").map { String(response[$0.upperBound...]) } ?? ""
  }

  /// A served shell with a running nginx pod `web` and a service `web` for it.
  static func servedNginx() throws -> ServedShell {
    let served = try ServedShell()
    let on = served.shell("serve on --port 0")
    try #require(on.exitCode == 0, "\(on)")
    served.shell("kubectl run web --image=nginx:1.27 --port=80 --labels=app=web")
    served.shell("kubectl expose pod web --port=8080 --target-port=80")
    RealKubectlComparisonTests.waitFor(served) { RealKubectlComparisonTests.readyPods($0, app: "web") == 1 }
    try #require(RealKubectlComparisonTests.readyPods(served.cluster, app: "web") == 1)
    // The shell's own port-forward, in the background as the real one blocks.
    let forward = served.shell("kubectl port-forward pod/web 28080:80 &")
    try #require(forward.stdout.contains("Forwarding from 127.0.0.1:28080 -> 80\n"), "\(forward)")
    return served
  }

  static func portForward(_ served: ServedShell, _ arguments: [String], environment: [String: String] = [:]) throws
    -> Background
  {
    try Background(
      ["--kubeconfig", served.kubeconfig, "--cache-dir", served.cacheDirectory, "port-forward"] + arguments,
      environment: environment)
  }

  static let request = "GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: kubetutor-test\r\nAccept: */*\r\n\r\n"

  /// What the shell's own curl prints for the page, through its own port-forward.
  static func shellPage(_ served: ServedShell, _ path: String = "/") -> String {
    served.shell("curl -s http://localhost:28080\(path)").stdout
  }

  @Test(.enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 (skipped: not installed)"))
  func podPortOverTheWebSocketTunnel() throws {
    let served = try Self.servedNginx()
    defer { served.close() }
    let kubectl = try Self.portForward(served, ["pod/web", "18080:80"])
    defer { kubectl.stop() }
    let line = kubectl.waitForLine("Forwarding from 127.0.0.1:")
    #expect(line == "Forwarding from 127.0.0.1:18080 -> 80", "\(kubectl.read("stderr"))")
    let response = Self.exchange(port: 18080, Self.request)
    #expect(response.hasPrefix("HTTP/1.1 200 OK\r\nServer: nginx/1.27.3\r\nDate: "), "\(response)")
    #expect(response.contains("\r\nContent-Length: 615\r\n"))
    #expect(Self.body(response) == Self.shellPage(served))
    // Keep-alive: a second request on a new connection, and a 404 as nginx words it.
    let missing = Self.exchange(port: 18080, Self.request.replacingOccurrences(of: "GET / ", with: "GET /nope "))
    #expect(missing.hasPrefix("HTTP/1.1 404 Not Found\r\n"), "\(missing)")
    // nginx's error pages end their lines with CRLF; the shell's terminal shows them without the CR.
    #expect(Self.body(missing) == HTTPDate.nginxErrorPage(404, "Not Found", server: "nginx/1.27.3"))
    #expect(Self.body(missing).replacingOccurrences(of: "\r\n", with: "\n") == Self.shellPage(served, "/nope"))
    #expect(kubectl.read("stdout").components(separatedBy: "Handling connection for 18080\n").count == 3)
    // nginx logged the forwarded requests as coming from 127.0.0.1.
    let logs = served.shell("kubectl logs web").stdout
    #expect(logs.contains("127.0.0.1 - - ["))
    #expect(logs.contains("\"GET / HTTP/1.1\" 200 615 \"-\" \"kubetutor-test\" \"-\""), "\(logs)")
    #expect(kubectl.process.isRunning)
  }

  @Test(.enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 (skipped: not installed)"))
  func serviceWithARandomLocalPortOverPlainSPDY() throws {
    let served = try Self.servedNginx()
    defer { served.close() }
    // Without the WebSocket tunnel kubectl upgrades straight to SPDY/3.1.
    let kubectl = try Self.portForward(
      served, ["svc/web", ":8080"], environment: ["KUBECTL_PORT_FORWARD_WEBSOCKETS": "false"])
    defer { kubectl.stop() }
    let line = try #require(kubectl.waitForLine("Forwarding from 127.0.0.1:"), "\(kubectl.read("stderr"))")
    let port = try #require(Int(line.dropFirst("Forwarding from 127.0.0.1:".count).prefix { $0.isNumber }))
    #expect(line.hasSuffix(" -> 80"))
    let response = Self.exchange(port: port, Self.request)
    #expect(response.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(response)\n\(kubectl.read("stderr"))")
    #expect(Self.body(response) == Self.shellPage(served))
  }

  @Test(.enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 (skipped: not installed)"))
  func aPortNothingListensOn() throws {
    let served = try Self.servedNginx()
    defer { served.close() }
    let kubectl = try Self.portForward(served, ["pod/web", "18081:81"])
    defer { kubectl.stop() }
    #expect(kubectl.waitForLine("Forwarding from 127.0.0.1:") == "Forwarding from 127.0.0.1:18081 -> 81")
    #expect(Self.exchange(port: 18081, Self.request) == "")
    #expect(kubectl.waitForError("error forwarding port 81 to pod "), "\(kubectl.read("stderr"))")
    // klog quotes the error as Go does: inner quotes come out as \".
    let stderr = kubectl.read("stderr")
    let sandbox = try #require(
      stderr.range(of: "to pod ").map { String(stderr[$0.upperBound...].prefix { $0.isHexDigit }) })
    #expect(sandbox.count == 64)
    #expect(
      stderr.contains(
        #"portforward.go:424] "Unhandled Error" err="an error occurred forwarding 18081 -> 81: error forwarding port 81 to pod \#(sandbox), uid : failed to execute portforward in network namespace \"/var/run/netns/cni-"#
      ), "\(stderr)")
    #expect(
      stderr.contains(
        #"\": failed to connect to localhost:81 inside namespace \"\#(sandbox)\", IPv4: dial tcp4 127.0.0.1:81: connect: connection refused IPv6 dial tcp6 [::1]:81: connect: connection refused ""#
      ), "\(stderr)")
    // kubectl 1.32 logs the error and keeps forwarding.
    #expect(kubectl.process.isRunning)
  }
}
