import Foundation
import KubeAPIServer
import KubeCluster
import KubetutorTestSupport
import Kubectl
import Shell
import Testing

/// `kubectl proxy` in the shell, answered by the API server's router: the
/// kubernetes.io basics tutorial's steps as recorded sessions
/// (Transcripts/*.session), and the details a transcript cannot show.
@Suite("kubectl proxy")
struct ProxyTranscriptTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Transcripts")
  static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
    .filter { $0.hasSuffix(".session") }.sorted()

  @Test("a proxy transcript plays exactly as recorded", arguments: files)
  func plays(_ file: String) throws {
    let fixtures = Self.folder.appendingPathComponent("files")
    for mismatch in try SessionTranscript.playFile(file, in: Self.folder, fixtures: fixtures, configure: ProxiedAPI.install) {
      Issue.record("\(file):\n\(mismatch)")
    }
  }

  /// A script-mode session with the API behind its proxies; returns what
  /// each line printed.
  private func run(_ lines: [String]) -> [String] {
    var output = ""
    let folder = FileManager.default.temporaryDirectory
    let session = ShellSession(cluster: Cluster.kind(seed: 1), mode: .script, workingDirectory: folder) { _, text in
      output += text
    }
    ProxiedAPI.install(on: session)
    return lines.map { line in
      output = ""
      session.feed(line)
      return output
    }
  }

  @Test("indented JSON for curl has no final newline, as json.MarshalIndent writes it")
  func noFinalNewline() {
    let outputs = run(["kubectl proxy", "curl -s localhost:8001/api", "curl -s localhost:8001/api?pretty=false"])
    #expect(outputs[1].hasPrefix("{\n  \"kind\": \"APIVersions\",\n  \"versions\": [\n    \"v1\"\n  ],"))
    #expect(outputs[1].hasSuffix("}"))
    // `?pretty=false` wins over curl's user agent: compact, with the encoder's newline.
    #expect(outputs[2].hasPrefix("{\"kind\":\"APIVersions\""))
    #expect(outputs[2].hasSuffix("}\n"))
  }

  @Test("objects come in Go's field order: kind, apiVersion, metadata, spec, status")
  func goFieldOrder() {
    let outputs = run([
      "kubectl run web --image=nginx --labels=zeta=1,alpha=2", "kubectl proxy",
      "curl -s localhost:8001/api/v1/namespaces/default/pods/web",
    ])
    let body = outputs[2]
    let order = ["\"kind\": \"Pod\"", "\"apiVersion\": \"v1\"", "\"metadata\"", "\"name\": \"web\"",
      "\"namespace\"", "\"uid\"", "\"creationTimestamp\"", "\"alpha\": \"2\"", "\"zeta\": \"1\"", "\"spec\"",
      "\"containers\"", "\"restartPolicy\"", "\"status\""]
    let positions = order.map { body.range(of: $0)?.lowerBound }
    #expect(positions.allSatisfy { $0 != nil }, "\(body)")
    let found = positions.compactMap { $0 }
    #expect(found == found.sorted(), "\(body)")
  }

  @Test("the request filter refuses exec, other hosts and rejected methods with <h3>Unauthorized</h3>")
  func filter() {
    let outputs = run([
      "kubectl run web --image=nginx", "kubectl proxy --reject-methods=POST",
      "curl -si localhost:8001/api/v1/namespaces/default/pods/web/exec?command=ls",
      "curl -s -H 'Host: evil.example' localhost:8001/api",
      "curl -s -X POST localhost:8001/api/v1/namespaces/default/pods",
      "kubectl proxy --port=8002 --disable-filter", "curl -s -H 'Host: evil.example' localhost:8002/version",
    ])
    #expect(outputs[2].hasPrefix("HTTP/1.1 403 Forbidden\n"))
    #expect(outputs[2].hasSuffix("\n\n<h3>Unauthorized</h3>"))
    #expect(outputs[3] == "<h3>Unauthorized</h3>")
    #expect(outputs[4] == "<h3>Unauthorized</h3>")
    #expect(outputs[5].contains("Request filter disabled, your proxy is vulnerable to XSRF attacks, please be cautious"))
    #expect(outputs[6].contains("\"gitVersion\": \"v1.32.2\""))
  }

  @Test("curl before kubectl proxy runs is refused with curl's exit 7")
  func refusedBeforeProxy() {
    var output = ""
    let session = ShellSession(
      cluster: Cluster.kind(seed: 1), mode: .script, workingDirectory: FileManager.default.temporaryDirectory
    ) { _, text in output += text }
    ProxiedAPI.install(on: session)
    session.feed("curl http://localhost:8001/version")
    #expect(output == "curl: (7) Failed to connect to localhost port 8001 after 0 ms: Couldn't connect to server\n")
    #expect(session.lastStatus == 7)
  }
}
