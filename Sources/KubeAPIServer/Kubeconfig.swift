import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The kubeconfig (context `kubetutor`) that points a real kubectl at the
/// server, and the bearer token beside it; both are written mode 0600.
package enum Kubeconfig {
  package struct Files: Equatable, Sendable {
    package var kubeconfig: String
    package var token: String
  }

  /// The kubeconfig's text, as kind writes it: the server over HTTPS, the
  /// certificate it presents as the authority (base64 PEM), and the user's
  /// credential inline: the bearer token. Inline, not `tokenFile`, because
  /// client-go prefers a token file to `kubectl --token`, which must win as
  /// it does against kind. There is no password.
  package static func text(port: Int, token: String, certificateAuthority: String) -> String {
    """
    apiVersion: v1
    kind: Config
    clusters:
    - cluster:
        certificate-authority-data: \(Data(certificateAuthority.utf8).base64EncodedString())
        server: https://127.0.0.1:\(port)
      name: kubetutor
    contexts:
    - context:
        cluster: kubetutor
        namespace: default
        user: kubetutor
      name: kubetutor
    current-context: kubetutor
    preferences: {}
    users:
    - name: kubetutor
      user:
        token: \(token)

    """
  }

  /// Writes the kubeconfig at `path` and the token beside it (`PATH.token`,
  /// for `curl -H "Authorization: Bearer $(cat PATH.token)"`).
  package static func write(to path: String, port: Int, token: String, certificateAuthority: String) throws -> Files {
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
    let tokenPath = path + ".token"
    try writePrivate(token + "\n", to: tokenPath)
    try writePrivate(text(port: port, token: token, certificateAuthority: certificateAuthority), to: path)
    return Files(kubeconfig: path, token: tokenPath)
  }

  /// What `serve on` and `kubetutor serve` print.
  package static func announcement(port: Int, files: Files) -> String {
    """
    Serving the Kubernetes API of this cluster on https://127.0.0.1:\(port) (context kubetutor).
    Use it from another terminal with:
      export KUBECONFIG=\(files.kubeconfig)

    """
  }

  /// Creates or truncates `path` with mode 0600 before writing, so the
  /// secret is never readable by others, even for a moment.
  static func writePrivate(_ text: String, to path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else {
      throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
    }
    defer { close(descriptor) }
    fchmod(descriptor, 0o600)
    let bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
      let result = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
      guard result > 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
      written += result
    }
  }
}
