import Foundation
import KubeCluster

/// `kubectl cp`: copies a file between the working folder and a
/// container's simulated filesystem, through the container's `tar` as the
/// real kubectl does (so an image without `tar` fails the same way).
struct CopyCommand: KubectlCommand {
  static let name = "cp"
  static let flags: [FlagSpec] = [
    ContainerChoice.flag,
    .bool("no-preserve", help: "The copied file/directory's ownership and permissions will not be preserved in the container"),
    .int("retries", default: 0, help: "Set number of retries to complete a copy operation from a container. Specify 0 to disable or any negative value for infinite retrying. The default is 0 (no retry)."),
  ]

  /// `[namespace/]pod:path`, or a local path.
  struct FileSpec {
    var namespace: String?
    var pod: String?
    var path: String

    init(_ argument: String) throws {
      guard let colon = argument.firstIndex(of: ":") else {
        path = argument
        return
      }
      guard colon != argument.startIndex else {
        throw KubectlError.message("filespec must match the canonical format: [[namespace/]pod:]file/path")
      }
      let pieces = argument[..<colon].split(separator: "/", omittingEmptySubsequences: false).map(String.init)
      guard pieces.count <= 2 else {
        throw KubectlError.message("filespec must match the canonical format: [[namespace/]pod:]file/path")
      }
      namespace = pieces.count == 2 ? pieces[0] : nil
      pod = pieces.last
      path = String(argument[argument.index(after: colon)...])
    }
  }

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    let arguments = invocation.positionals
    guard arguments.count == 2 else { throw KubectlError.message("source and destination are required") }
    let source = try FileSpec(arguments[0])
    let destination = try FileSpec(arguments[1])
    if source.pod != nil && destination.pod != nil {
      throw KubectlError.message("one of src or dest must be a local file specification")
    }
    if source.path.isEmpty || destination.path.isEmpty { throw KubectlError.message("filepath can not be empty") }
    if source.pod != nil { return try copyFromPod(source, to: destination.path, invocation: invocation, cluster: &cluster) }
    guard destination.pod != nil else {
      throw KubectlError.message("one of src or dest must be a remote file specification")
    }
    return try copyToPod(source.path, to: destination, invocation: invocation, cluster: &cluster)
  }

  private static func target(_ spec: FileSpec, invocation: Invocation, cluster: Cluster) throws -> (Object, String) {
    let namespace = spec.namespace ?? invocation.namespace
    guard let pod = cluster.store.get(ObjectKey(.pod, spec.pod ?? "", in: namespace)) else {
      throw KubectlError.api(.notFound(.pod, spec.pod ?? ""))
    }
    let requested = invocation.flags.string("container")
    guard let (container, _) = ContainerChoice.choose(pod, requested: requested) else {
      throw KubectlError.api(.badRequest("container \(requested) is not valid for pod \(pod.name)"))
    }
    return (pod, container)
  }

  private static func copyToPod(_ local: String, to remote: FileSpec, invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    guard let content = try? invocation.environment.readFile(local) else {
      throw KubectlError.message("\(local) doesn't exist in local filesystem")
    }
    let (pod, container) = try target(remote, invocation: invocation, cluster: cluster)
    var path = remote.path
    if cluster.isDirectory(path, in: pod, container: container) {
      path = (path.hasSuffix("/") ? path : path + "/") + (local as NSString).lastPathComponent
    }
    if !path.hasPrefix("/") { path = "/" + path }
    do {
      try cluster.writeFile(path, content, in: pod, container: container)
    } catch {
      return failure(error, pod: pod, container: container, cluster: cluster)
    }
    return CommandOutput()
  }

  private static func copyFromPod(_ remote: FileSpec, to local: String, invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    let (pod, container) = try target(remote, invocation: invocation, cluster: cluster)
    let flavor: TarFlavor
    do {
      flavor = try cluster.tar(in: pod, container: container)
    } catch {
      return failure(error, pod: pod, container: container, cluster: cluster)
    }
    var output = CommandOutput()
    // tar's own messages reach kubectl's standard output.
    if remote.path.hasPrefix("/") {
      output.stdout += flavor == .gnu ? "tar: Removing leading `/' from member names\n" : "tar: removing leading '/' from member names\n"
    }
    guard let content = cluster.file(remote.path, in: pod, container: container) else {
      switch flavor {
      case .gnu:
        output.stdout += "tar: \(remote.path): Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n"
        output.stderr += "error: command terminated with exit code 2\n"
      case .busybox:
        output.stdout += "tar: \(remote.path): No such file or directory\n"
        output.stderr += "error: command terminated with exit code 1\n"
      }
      output.exitCode = 1
      return output
    }
    guard let write = invocation.environment.writeFile else {
      throw KubectlError.message("open \(local): permission denied")
    }
    do {
      try write(local, content)
    } catch {
      throw KubectlError.message("open \(local): no such file or directory")
    }
    return output
  }

  private static func failure(_ error: ExecFailure, pod: Object, container: String, cluster: Cluster) -> CommandOutput {
    switch error {
    case .containerNotFound(let name):
      return CommandOutput(stderr: "error: unable to upgrade connection: container not found (\"\(name)\")\n", exitCode: 1)
    case .executableNotFound(let program):
      return CommandOutput(stderr: ExecCommand.notFoundMessage(program, pod: pod, container: container, cluster: cluster), exitCode: 1)
    }
  }
}
