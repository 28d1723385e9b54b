/// An image reference as containerd normalises it: `nginx` is
/// `docker.io/library/nginx:latest`.
package struct ImageReference: Equatable, Sendable {
  package var registry: String
  package var repository: String
  package var tag: String
  package var digest: String?

  package init(_ text: String) {
    var rest = text
    if let at = rest.firstIndex(of: "@") {
      digest = String(rest[rest.index(after: at)...])
      rest = String(rest[..<at])
    }
    var components = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    if components.count > 1,
      let first = components.first,
      first.utf8.contains(UInt8(ascii: ".")) || first.utf8.contains(UInt8(ascii: ":")) || first == "localhost"
    {
      registry = first
      components.removeFirst()
    } else {
      registry = "docker.io"
    }
    var path = components.joined(separator: "/")
    tag = "latest"
    let lastComponent = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
    if let colon = path[lastComponent...].lastIndex(of: ":") {
      tag = String(path[path.index(after: colon)...])
      path = String(path[..<colon])
    }
    if registry == "docker.io" && !path.utf8.contains(UInt8(ascii: "/")) { path = "library/" + path }
    repository = path
  }

  /// `docker.io/library/nginx:latest`.
  package var fullName: String { "\(registry)/\(repository):\(tag)" }

  /// `docker.io/library/nginx`.
  package var name: String { "\(registry)/\(repository)" }

  /// The short repository name the catalogue is keyed by: `nginx`, `subicura/whoami`.
  package var shortRepository: String {
    if registry == "docker.io" && repository.hasPrefix("library/") {
      return String(repository.dropFirst("library/".count))
    }
    return registry == "docker.io" ? repository : "\(registry)/\(repository)"
  }
}
