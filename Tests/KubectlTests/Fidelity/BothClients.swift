import KubeCluster
import Kubectl
import KubetutorTestSupport

/// One command line run by the real kubectl 1.32 client and by kubetutor on
/// a fresh kind cluster. Where an argument is `{file}`, both read `manifest`:
/// the real client from a scratch file, kubetutor at `ourPath`.
enum BothClients {
  static func run(_ arguments: [String], manifest: String? = nil, ourPath: String = "{file}") throws
    -> (real: RealKubectl.Output, ours: CommandOutput)
  {
    var cluster = Cluster.kind()
    guard let manifest else {
      return (try RealKubectl.run(arguments), CommandRunner.run(arguments, cluster: &cluster))
    }
    let real = try RealKubectl.run(arguments, file: manifest)
    let environment = KubectlEnvironment(readFile: { path in
      guard path == ourPath else { throw FileError.notFound(path) }
      return manifest
    })
    let ours = CommandRunner.run(
      arguments.map { $0 == "{file}" ? ourPath : $0 }, cluster: &cluster, environment: environment)
    return (real, ours)
  }

  /// The line, split at spaces.
  static func run(_ line: String) throws -> (real: RealKubectl.Output, ours: CommandOutput) {
    try run(line.split(separator: " ").map(String.init))
  }
}
