import ArgumentParser
import Foundation
import KubeAPIServer
import KubeCluster
import Progress
import Shell

#if canImport(Glibc)
  import Glibc
#endif

/// `kubetutor serve [--port 6443] [--kubeconfig PATH]`: the simulated
/// cluster's Kubernetes API on 127.0.0.1, for the real kubectl, k9s or a
/// client library, until Ctrl-C.
struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the simulated cluster's Kubernetes API on 127.0.0.1 for the real kubectl.")

  @Option(name: .long, help: "The port to listen on (0 picks a free one).")
  var port: Int = 6443

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Where to write the kubeconfig (context kubetutor); the token goes beside it as PATH.token.",
      valueName: "PATH"))
  var kubeconfig: String?

  @Option(name: .long, help: "Seed for generated names.")
  var seed: UInt64 = 1

  @Option(name: .long, help: "Number of worker nodes in the simulated cluster.")
  var nodes: Int = 2

  @Flag(name: .long, help: "Start a new cluster instead of the saved one.")
  var fresh = false

  /// `kubeconfig` in the data folder.
  static var defaultKubeconfig: String {
    (ProgressStore.dataFolder() as NSString).appendingPathComponent("kubeconfig")
  }

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    guard (0...500).contains(nodes) else { throw ValidationError("--nodes must be between 0 and 500") }
  }

  func run() throws {
    let seed = rawOption("seed").flatMap(UInt64.init) ?? seed
    var cluster = Cluster.kind(start: Date(), seed: seed, workers: nodes)
    if !fresh, let store = try? ProgressStore(.path(ProgressStore.defaultDatabasePath()), profile: rawOption("profile") ?? "default"),
      let saved = try? store.loadSnapshot(name: Kubetutor.clusterSnapshot),
      let restored = try? Cluster.restore(from: saved)
    {
      cluster = restored
    }
    let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let session = ShellSession(cluster: cluster, mode: .interactive, workingDirectory: directory) { stream, text in
      let handle = stream == .stdout ? FileHandle.standardOutput : FileHandle.standardError
      handle.write(Data(text.utf8))
    }
    let control = SessionServerControl(session: session, kubeconfigPath: kubeconfig ?? Self.defaultKubeconfig)
    do {
      FileHandle.standardOutput.write(Data(try control.start(port: port).utf8))
    } catch {
      FileHandle.standardError.write(Data("kubetutor: cannot serve on 127.0.0.1:\(port): \(error)\n".utf8))
      throw ExitCode(1)
    }
    FileHandle.standardOutput.write(Data("Press Ctrl-C to stop.\n".utf8))
    control.wait()
  }
}

extension ServeWiring {
  /// Adds `serve on|off` to a shell session, writing the kubeconfig in the
  /// data folder.
  static func install(on session: ShellSession) {
    ServeBuiltin.install(
      on: session,
      server: SessionServerControl(session: session, kubeconfigPath: ServeCommand.defaultKubeconfig))
    ProxiedAPI.install(on: session)
    SessionProxyPorts.install(on: session)
  }
}

/// Gives the shells the executable opens their `serve` command.
enum ServeWiring {}
