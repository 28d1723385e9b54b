import Foundation
import KubeAPIServer
import KubeCluster
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Loopback only, a token per run, secrets written 0600.
@Suite("who may talk to the server")
struct ServerSecurityTests {
  static func server() throws -> (APIServer, Int) {
    let server = APIServer(host: LockedCluster(Cluster.kind(seed: 3), followsWallClock: false))
    let port = try server.start(port: 0)
    return (server, port)
  }

  @Test func requestWithoutTheTokenGets401Status() throws {
    let (server, port) = try Self.server()
    defer { server.stop() }

    let anonymous = try HTTPClient.request("http://127.0.0.1:\(port)/api/v1/namespaces/default/pods")
    let wrong = try HTTPClient.request(
      "http://127.0.0.1:\(port)/api/v1/pods", headers: ["Authorization": "Bearer nope"])
    let wrongPrefix = try HTTPClient.request("http://127.0.0.1:\(port)/t/nope/api/v1/pods")

    let unauthorized =
      #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}"#
      + "\n"
    for response in [anonymous, wrong, wrongPrefix] {
      #expect(response.status == 401)
      #expect(response.body == unauthorized)
    }
  }

  @Test func theTokenOpensTheAPIAsHeaderOrAsPathPrefix() throws {
    let (server, port) = try Self.server()
    defer { server.stop() }

    let header = try HTTPClient.request(
      "http://127.0.0.1:\(port)/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dkube-dns",
      headers: ["Authorization": "Bearer \(server.token)"])
    let prefixed = try HTTPClient.request(
      "http://127.0.0.1:\(port)/t/\(server.token)/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dkube-dns")

    #expect(header.status == 200)
    #expect(header.body == prefixed.body)
    #expect(header.body.hasPrefix(#"{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"#))
    #expect(header.body.components(separatedBy: #""k8s-app":"kube-dns""#).count - 1 >= 2)
  }

  @Test func tokensDifferPerRun() {
    let first = APIServer.newToken()
    let second = APIServer.newToken()
    #expect(first.count == 64)
    #expect(first != second)
  }

  @Test func listensOnLoopbackOnly() throws {
    let (server, port) = try Self.server()
    defer { server.stop() }

    // Every non-loopback IPv4 address of this machine refuses the port.
    var addresses: [String] = []
    var list: UnsafeMutablePointer<ifaddrs>?
    if getifaddrs(&list) == 0 {
      var cursor = list
      while let entry = cursor {
        if let address = entry.pointee.ifa_addr, address.pointee.sa_family == UInt16(AF_INET) {
          var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
          getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST)
          let text = String(cString: host)
          if !text.hasPrefix("127.") { addresses.append(text) }
        }
        cursor = entry.pointee.ifa_next
      }
      freeifaddrs(list)
    }
    for address in addresses {
      #expect(throws: (any Error).self, "\(address):\(port) answered") {
        try HTTPClient.request("http://\(address):\(port)/version", timeout: 3)
      }
    }
    #expect(try HTTPClient.request("http://127.0.0.1:\(port)/version").status == 401)
  }

  @Test func kubeconfigAndTokenAreWrittenMode0600() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kubeconfig-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("config").path
    // A token file left readable by an older run becomes private again.
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    FileManager.default.createFile(atPath: path + ".token", contents: Data("old".utf8), attributes: [.posixPermissions: 0o644])

    let files = try Kubeconfig.write(
      to: path, port: 6443, token: "abc123", certificateAuthority: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")

    for file in [files.kubeconfig, files.token] {
      let attributes = try FileManager.default.attributesOfItem(atPath: file)
      #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "\(file)")
    }
    #expect(try String(contentsOfFile: files.token, encoding: .utf8) == "abc123\n")
    let config = try String(contentsOfFile: files.kubeconfig, encoding: .utf8)
    #expect(config.contains("    server: https://127.0.0.1:6443\n"))
    #expect(
      config.contains(
        "    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUIKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=\n"))
    #expect(config.contains("current-context: kubetutor\n"))
    #expect(config.contains("\n    token: abc123\n"))
    #expect(!config.contains("password"))
  }
}
