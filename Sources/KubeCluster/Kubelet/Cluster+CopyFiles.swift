import Foundation

/// How a container's `tar` words its messages.
package enum TarFlavor: Sendable {
  /// GNU tar, in Debian-based images (nginx, httpd, redis, …).
  case gnu
  /// BusyBox's tar, in busybox and alpine.
  case busybox
}

extension Cluster {
  /// The `tar` a running container has, as `kubectl cp` needs it; images
  /// without a shell (distroless, pause) have none.
  package func tar(in pod: Object, container: String) throws(ExecFailure) -> TarFlavor {
    guard let runtime = runtimes[pod.uid]?.container(container), runtime.isRunning else {
      throw .containerNotFound(container)
    }
    let reference = ImageReference(runtime.image)
    guard ImageCatalog.lookup(reference)?.hasShell == true else { throw .executableNotFound("tar") }
    let busybox = ["busybox", "alpine"].contains(reference.shortRepository) || reference.tag.contains("alpine")
    return busybox ? .busybox : .gnu
  }

  /// Whether a path is a directory in the container: one the image ships
  /// or one holding files written into it.
  package func isDirectory(_ path: String, in pod: Object, container: String) -> Bool {
    let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    let known: Set<String> = [
      "/", "/tmp", "/etc", "/root", "/home", "/var", "/usr", "/opt", "/srv", "/mnt", "/data",
      "/usr/share/nginx/html", "/usr/local/apache2/htdocs", "/var/run/secrets/kubernetes.io/serviceaccount",
    ]
    if known.contains(trimmed) { return true }
    let files = runtimes[pod.uid]?.container(container)?.files.keys.map { $0 } ?? []
    return files.contains { $0.hasPrefix(trimmed + "/") }
  }

  /// Writes a file into a running container, as the `tar xf -` that
  /// `kubectl cp` runs there would.
  package mutating func writeFile(_ path: String, _ content: String, in pod: Object, container: String) throws(ExecFailure) {
    _ = try tar(in: pod, container: container)
    guard var runtime = runtimes[pod.uid], let index = runtime.containers.firstIndex(where: { $0.name == container })
    else { throw .containerNotFound(container) }
    runtime.containers[index].files[path] = content
    runtimes[pod.uid] = runtime
    keepInVolume(path, content, in: pod, container: container)
  }
}
