import Foundation

/// ingress-nginx's TLS: the certificates of `spec.tls` Secrets, its fake
/// certificate when a Secret is missing, and the redirect of plain HTTP.
extension Cluster {
  /// The first Ingress served by nginx that lists `host` under `spec.tls`.
  func ingressWithTLS(forHost host: String) -> Object? {
    store.list(.ingress).first { ingress in
      isNginxIngress(ingress) && !ingress.isTerminating
        && (ingress.content[path: "spec.tls"]?.array ?? []).contains { entry in
          (entry["hosts"]?.array ?? []).contains { $0.string?.lowercased() == host }
        }
    }
  }

  /// The certificate of the `kubernetes.io/tls` Secret named for `host`,
  /// or nil when there is none (or it cannot be read).
  func ingressSecretCertificate(forHost host: String) -> TLSCertificate? {
    guard let ingress = ingressWithTLS(forHost: host) else { return nil }
    for entry in ingress.content[path: "spec.tls"]?.array ?? [] {
      guard (entry["hosts"]?.array ?? []).contains(where: { $0.string?.lowercased() == host }),
        let name = entry["secretName"]?.string,
        let secret = store.get(ObjectKey(.secret, name, in: ingress.namespace)),
        secret.content["type"]?.string == "kubernetes.io/tls",
        let encoded = secret.content[path: "data"]?["tls.crt"]?.string,
        let data = Data(base64Encoded: encoded)
      else { continue }
      return TLSCertificate.all(inPEM: String(decoding: data, as: UTF8.self)).first
    }
    return nil
  }

  /// What the controller shows for a TLS handshake naming `sni`.
  func ingressCertificate(forSNI sni: String) -> TLSCertificate {
    ingressSecretCertificate(forHost: sni) ?? .ingressFake
  }

  /// nginx's answer to plain HTTP on its HTTPS port.
  mutating func plainHTTPToHTTPSPort(_ request: HTTPRequest, controller: Object, client: String)
    -> HTTPResponse
  {
    let reason = "The plain HTTP request was sent to HTTPS port"
    let body =
      "<html>\r\n<head><title>400 \(reason)</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<center>\(reason)</center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    logIngress(
      request, controller: controller, client: client, status: 400, bytes: body.utf8.count,
      upstream: "", address: "-")
    return HTTPResponse(
      status: 400, reason: "Bad Request",
      headers: [
        ("Date", HTTPDate.rfc1123(now)), ("Content-Type", "text/html"),
        ("Content-Length", String(body.utf8.count)), ("Connection", "close"),
      ], body: request.method == "HEAD" ? "" : body)
  }

  /// `ssl-redirect`: a host with TLS answers plain HTTP with 308 to HTTPS.
  mutating func sslRedirect(_ request: HTTPRequest, ingress: Object, controller: Object, client: String)
    -> HTTPResponse
  {
    let body = HTTPDate.nginxErrorPage(308, "Permanent Redirect", server: "nginx")
    let backend =
      (ingress.content[path: "spec.rules"]?.array ?? []).lazy.compactMap {
        $0[path: "http.paths"]?.array?.first?["backend"]
      }.first ?? ingress.content[path: "spec.defaultBackend"]
    let port = backend?[path: "service.port"]
    let upstream =
      "\(ingress.namespace)-\(backend?[path: "service.name"]?.string ?? "")-\(port?["number"]?.int.map(String.init) ?? port?["name"]?.string ?? "")"
    logIngress(
      request, controller: controller, client: client, status: 308, bytes: body.utf8.count,
      upstream: upstream, address: "-")
    return HTTPResponse(
      status: 308, reason: "Permanent Redirect",
      headers: [
        ("Date", HTTPDate.rfc1123(now)), ("Content-Type", "text/html"),
        ("Content-Length", String(body.utf8.count)), ("Connection", "keep-alive"),
        ("Location", "https://\(request.hostHeader)\(request.path)"),
      ], body: request.method == "HEAD" ? "" : body)
  }
}
