import Foundation
import KubeAPIServer
import KubeCluster
import KubetutorTestSupport
import Testing

/// `serve on` speaks TLS as kind's API server does: a kubeconfig with the
/// server's certificate as its authority and an inline bearer token,
/// and the real kubectl verifying the certificate and sending the token.
@Suite("the served API over TLS", .serialized)
struct ServeTLSTests {
  /// Starts the server; returns the announcement, the port and the token.
  static func start(_ served: ServedShell) throws -> (announcement: String, port: Int, token: String) {
    let announcement = served.shell("serve on --port 0").stdout
    let match = try #require(announcement.firstMatch(of: /https:\/\/127\.0\.0\.1:(\d+)/), "\(announcement)")
    let token = try String(contentsOfFile: served.kubeconfig + ".token", encoding: .utf8)
    return (announcement, try #require(Int(match.1)), token.trimmingCharacters(in: .newlines))
  }

  /// A host tool (curl, openssl), for what it prints and its exit code.
  static func host(_ tool: String, _ arguments: [String], stdin: Data? = nil) throws -> (stdout: String, exitCode: Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    let output = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = input
    try ProcessLock.run { try process.run() }
    input.fileHandleForWriting.write(stdin ?? Data())
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: data, as: UTF8.self), process.terminationStatus)
  }

  static func curl(_ arguments: [String]) throws -> (stdout: String, exitCode: Int32) {
    try host("/usr/bin/curl", ["-sS", "--max-time", "10"] + arguments)
  }

  static var hasCurl: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") }
  static var hasOpenSSL: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") }

  static let unauthorized =
    #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}"#
    + "\n"

  @Test func theKubeconfigIsKindsShapeWithTheCertificateAsAuthority() throws {
    let served = try ServedShell()
    defer { served.close() }
    let (announcement, port, token) = try Self.start(served)

    #expect(announcement.hasPrefix("Serving the Kubernetes API of this cluster on https://127.0.0.1:\(port) (context kubetutor).\n"))
    let config = try String(contentsOfFile: served.kubeconfig, encoding: .utf8)
    #expect(config.contains("\n    server: https://127.0.0.1:\(port)\n"))
    #expect(config.contains("\n- name: kubetutor\n  user:\n    token: \(token)\n"))
    let data = try #require(config.firstMatch(of: /certificate-authority-data: (\S+)\n/))
    let pem = String(decoding: try #require(Data(base64Encoded: String(data.1))), as: UTF8.self)
    #expect(pem.hasPrefix("-----BEGIN CERTIFICATE-----\n"))
    #expect(pem.hasSuffix("\n-----END CERTIFICATE-----\n"))
    for file in [served.kubeconfig, served.kubeconfig + ".token"] {
      let attributes = try FileManager.default.attributesOfItem(atPath: file)
      #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "\(file)")
    }
    // The private key stays in memory: nothing beside the kubeconfig holds one.
    let folder = (served.kubeconfig as NSString).deletingLastPathComponent
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
      let text = (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)) ?? ""
      #expect(!text.contains("PRIVATE KEY"), "\(name)")
    }
  }

  @Test(.enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 (skipped: not installed)"))
  func clusterInfoNamesTheHTTPSServerAndNoToken() throws {
    let served = try ServedShell()
    defer { served.close() }
    let (_, port, token) = try Self.start(served)

    let info = try served.real(["cluster-info"])

    // cluster-info colours the names and URLs whether or not it writes to a
    // terminal, as against kind.
    let plain = info.stdout.replacing(/\x1b\[[0-9;]*m/, with: "")
    #expect(
      plain == """
        Kubernetes control plane is running at https://127.0.0.1:\(port)
        CoreDNS is running at https://127.0.0.1:\(port)/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy

        To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.

        """, "\(info)")
    #expect(info.exitCode == 0)
    #expect(!(info.stdout + info.stderr).contains(token))
    let view = try served.real(["config", "view"])
    #expect(view.stdout.contains("\n    token: REDACTED\n"), "\(view)")
    #expect(!view.stdout.contains(token))
  }

  @Test(.enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 (skipped: not installed)"))
  func kubectlVerifiesTheCertificateAndSendsTheBearerToken() throws {
    let served = try ServedShell()
    defer { served.close() }
    _ = try Self.start(served)

    let verified = try served.real(["--insecure-skip-tls-verify=false", "get", "namespaces", "-v=8"])

    #expect(verified.exitCode == 0, "\(verified)")
    #expect(verified.stdout.hasPrefix("NAME "))
    #expect(verified.stdout.contains("\nkube-system "))
    // The token travels as kube-apiserver expects it, in the header
    // (kubectl masks it in its own log).
    #expect(verified.stderr.contains("Authorization: Bearer <masked>"), "\(verified.stderr.prefix(3000))")

    // Without the CA data the self-signed certificate is refused.
    let config = try String(contentsOfFile: served.kubeconfig, encoding: .utf8)
    let withoutAuthority = served.kubeconfig + ".no-ca"
    try Data(config.replacing(/\n    certificate-authority-data: \S+/, with: "").utf8).write(to: URL(fileURLWithPath: withoutAuthority))
    let unverified = try RealKubectl.run(["--kubeconfig", withoutAuthority, "get", "namespaces"])
    #expect(unverified.exitCode == 1)
    #expect(unverified.stderr.contains("tls: failed to verify certificate: x509: certificate signed by unknown authority"), "\(unverified.stderr)")

    // A wrong token gets kube-apiserver's 401, which kubectl words so.
    let wrong = try served.real(["--token", "nope", "get", "pods"])
    #expect(wrong.exitCode == 1)
    #expect(wrong.stderr == "error: You must be logged in to the server (Unauthorized)\n", "\(wrong)")
  }

  @Test(.enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 (skipped: not installed)"))
  func logsFollowAndWatchStayOpenOverTLS() throws {
    let served = try ServedShell()
    defer { served.close() }
    _ = try Self.start(served)
    served.shell("kubectl run web --image=nginx:1.27 --labels=app=web")
    RealKubectlComparisonTests.waitFor(served) { RealKubectlComparisonTests.readyPods($0, app: "web") == 1 }
    let first = try #require(served.shell("kubectl logs web").stdout.split(separator: "\n").first)
    let client = ["--kubeconfig", served.kubeconfig, "--cache-dir", served.cacheDirectory]

    let logs = try PortForwardTests.Background(client + ["logs", "-f", "web"])
    defer { logs.stop() }
    let watch = try PortForwardTests.Background(client + ["get", "pods", "-w"])
    defer { watch.stop() }

    #expect(logs.waitForLine(String(first)) != nil, "\(logs.read("stderr"))")
    #expect(watch.waitForLine("web ") != nil, "\(watch.read("stderr"))")
    served.shell("kubectl run second --image=nginx:1.27")
    #expect(watch.waitForLine("second ") != nil, "\(watch.read("stdout"))\(watch.read("stderr"))")
    #expect(logs.process.isRunning && watch.process.isRunning)
  }

  @Test(.enabled(if: hasCurl, "needs curl (skipped: not installed)"))
  func theSamePortAnswersHTTPSAndPlainHTTP() throws {
    let served = try ServedShell()
    defer { served.close() }
    let (_, port, token) = try Self.start(served)
    let config = try String(contentsOfFile: served.kubeconfig, encoding: .utf8)
    let data = try #require(config.firstMatch(of: /certificate-authority-data: (\S+)\n/))
    let authority = served.kubeconfig + ".ca.crt"
    try #require(Data(base64Encoded: String(data.1))).write(to: URL(fileURLWithPath: authority))

    // curl (OpenSSL) verifies the certificate for both names it carries.
    let https = try Self.curl(["--cacert", authority, "https://127.0.0.1:\(port)/version"])
    let byName = try Self.curl(
      ["--cacert", authority, "--resolve", "kubernetes.default.svc:\(port):127.0.0.1", "-H", "Authorization: Bearer \(token)",
       "https://kubernetes.default.svc:\(port)/api/v1/namespaces/kube-system/services/kube-dns"])
    let plain = try Self.curl(["http://127.0.0.1:\(port)/api/v1/namespaces"])
    let plainWithToken = try Self.curl(["-H", "Authorization: Bearer \(token)", "http://127.0.0.1:\(port)/api/v1/namespaces/default"])

    #expect(https.exitCode == 0)
    #expect(https.stdout == Self.unauthorized)
    #expect(byName.exitCode == 0)
    #expect(byName.stdout.contains(#""kind":"Service","#) && byName.stdout.contains(#""metadata":{"name":"kube-dns","#), "\(byName)")
    #expect(plain.stdout == Self.unauthorized)
    #expect(plainWithToken.stdout.contains(#""kind":"Namespace","#), "\(plainWithToken)")
    #expect(plainWithToken.stdout.contains(#""metadata":{"name":"default","#), "\(plainWithToken)")
  }

  @Test func theCertificateIsASelfSignedP256CA() throws {
    let certificate = try ServingCertificate.generate(now: Date(timeIntervalSince1970: 1_800_000_000))
    let der = certificate.der

    // An outer SEQUENCE with a two-byte length holding all the rest.
    #expect(der[0] == 0x30 && der[1] == 0x82)
    #expect(Int(der[2]) << 8 | Int(der[3]) == der.count - 4)
    // Valid from an hour before 2027-01-15 08:00:00 UTC, for a year.
    let text = String(decoding: der, as: UTF8.self)
    #expect(text.contains("270115070000Z"))
    #expect(text.contains("280115080000Z"))
    for name in ServingCertificate.dnsNames { #expect(text.contains(name)) }
    #expect(certificate.pem.split(separator: "\n").dropFirst().dropLast().allSatisfy { $0.count <= 64 })
    #expect(try ServingCertificate.generate().der != der)
  }

  @Test(.enabled(if: hasOpenSSL, "needs openssl (skipped: not installed)"))
  func opensslReadsTheCertificateAsItsOwnCA() throws {
    let certificate = try ServingCertificate.generate()

    let file = FileManager.default.temporaryDirectory.appendingPathComponent("serving-\(UUID().uuidString).crt")
    defer { try? FileManager.default.removeItem(at: file) }
    try Data(certificate.pem.utf8).write(to: file)
    let dump = try Self.host("/usr/bin/openssl", ["x509", "-noout", "-text", "-in", file.path])
    let verify = try Self.host("/usr/bin/openssl", ["verify", "-CAfile", file.path, "-purpose", "sslserver", file.path])

    #expect(dump.exitCode == 0)
    let lines = dump.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    for line in [
      "Version: 3 (0x2)", "Signature Algorithm: ecdsa-with-SHA256", "Issuer: CN = kubernetes", "Subject: CN = kubernetes",
      "Public Key Algorithm: id-ecPublicKey", "ASN1 OID: prime256v1",
      "X509v3 Key Usage: critical", "Digital Signature, Certificate Sign",
      "X509v3 Basic Constraints: critical", "CA:TRUE",
      "DNS:localhost, DNS:kubernetes, DNS:kubernetes.default, DNS:kubernetes.default.svc, IP Address:127.0.0.1",
    ] {
      #expect(lines.contains(line), "\(line)\n\(dump.stdout)")
    }
    #expect(verify.stdout == "\(file.path): OK\n")
  }
}
