import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The kubeconfig (context `kubetutor`) and bearer-token file that point
/// a real kubectl at the server; both are written mode 0600.
package enum Kubeconfig {
  package struct Files: Equatable, Sendable {
    package var kubeconfig: String
    package var token: String
  }

  /// The kubeconfig's text. kubectl drops bearer tokens on plain HTTP
  /// (clientcmd merges credentials only for TLS), so the server URL carries
  /// the token as its path prefix; `tokenFile` serves clients that send an
  /// `Authorization: Bearer` header on HTTP. There is no password.
  package static func text(port: Int, token: String, tokenPath: String) -> String {
    """
    apiVersion: v1
    kind: Config
    clusters:
    - cluster:
        server: http://127.0.0.1:\(port)/t/\(token)
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
        tokenFile: \(tokenPath)

    """
  }

  /// Writes the kubeconfig at `path` and the token beside it (`PATH.token`).
  package static func write(to path: String, port: Int, token: String) throws -> Files {
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
    let tokenPath = path + ".token"
    try writePrivate(token + "\n", to: tokenPath)
    try writePrivate(text(port: port, token: token, tokenPath: tokenPath), to: path)
    return Files(kubeconfig: path, token: tokenPath)
  }

  /// What `serve on` and `kubetutor serve` print.
  package static func announcement(port: Int, files: Files) -> String {
    """
    Serving the Kubernetes API of this cluster on http://127.0.0.1:\(port) (context kubetutor).
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
