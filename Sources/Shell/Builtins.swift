import Foundation
import KubeCluster
import Kubectl

/// The commands kubetutor's shell adds to the shell language: kubectl
/// itself, `sleep` on the simulated clock, and a clear answer for the
/// programs a learner might expect on a real machine.
enum Builtins {
  /// Programs a tutorial may mention that this shell deliberately lacks.
  static let unavailable: Set<String> = [
    "docker", "podman", "kind", "minikube", "k3d", "k3s", "helm", "kubeadm", "ssh", "scp", "sudo",
    "apt", "apt-get", "yum", "brew", "systemctl", "crictl", "ctr", "nerdctl", "python", "python3",
    "bash", "sh", "zsh", "vim", "vi", "nano", "emacs", "git", "make", "gcloud", "aws", "az", "eksctl",
  ]

  static func register(into table: inout CommandTable, state: SessionState) {
    let kubectl: CommandTable.Handler = { argv, stdin, context in
      Builtins.kubectl(Array(argv.dropFirst()), stdin: stdin, state: state, context: &context)
    }
    table.register("kubectl", kubectl)
    table.register("k", kubectl)
    CurlCommand.register(into: &table, state: state)
    table.register("sleep") { argv, _, _ in
      guard argv.count >= 2 else { return .failure("sleep: missing operand\nTry 'sleep --help' for more information.") }
      var total = 0.0
      for word in argv.dropFirst() {
        guard let seconds = Builtins.duration(word) else {
          return .failure("sleep: invalid time interval '\(word)'\nTry 'sleep --help' for more information.")
        }
        total += seconds
      }
      state.cluster.advance(by: total)
      return CommandResult()
    }
    table.fallback = { argv, _, _ in
      let name = argv.first ?? ""
      if unavailable.contains(name) {
        return .failure("kubetutor: \(name): not available here — this shell runs kubectl against a simulated cluster", exitCode: 127)
      }
      return .commandNotFound(name)
    }
  }

  /// Runs `kubectl ARGUMENTS`; in the interactive shell a watch or
  /// `logs -f` follows the cluster until Ctrl-C.
  static func kubectl(_ arguments: [String], stdin: String = "", state: SessionState, context: inout ShellContext)
    -> CommandResult
  {
    let working = context.workingDirectory
    let root = context.rootDirectory
    var environment = KubectlEnvironment(
      namespace: state.namespace, stdin: stdin,
      readFile: { path in try Builtins.read(path, in: working, root: root) },
      listDirectory: { path in Builtins.list(path, in: working, root: root) },
      interactive: state.mode == .interactive, width: state.terminalWidth())
    environment.stdinIsTerminal = state.mode == .interactive && stdin.isEmpty && state.readLine != nil
    environment.writeFile = { path, content in try Builtins.write(path, content, in: working, root: root) }
    if state.mode == .interactive, !context.runsInBackground {
      if let served = ProxyJobs.runInForeground(arguments, environment: environment, state: state, context: context) {
        return served
      }
      if let followed = Follow.run(arguments, environment: environment, state: state) { return followed }
    }
    let output = CommandRunner.run(arguments, cluster: &state.cluster, environment: environment)
    for forward in output.portForwards { state.portForwards[forward.localPort] = forward }
    let (refused, jobLine) = ProxyJobs.keep(output, state: state, context: &context)
    if let refused { return refused }
    if let namespace = output.namespace { state.namespace = namespace }
    if let session = output.execSession { return PodShellTerminal.run(session, output: output, state: state) }
    var result = CommandResult(stdout: output.stdout, stderr: output.stderr, exitCode: output.exitCode)
    result.ordered = (output.orderedChunks ?? []).map { OrderedText(isError: $0.isError, text: $0.text) }
    if !jobLine.isEmpty {
      result.ordered.insert(OrderedText(isError: true, text: jobLine), at: 0)
      if result.ordered.count == 1 {
        result.ordered += [OrderedText(isError: true, text: output.stderr), OrderedText(isError: false, text: output.stdout)]
      }
      result.stderr = jobLine + result.stderr
    }
    return result
  }

  /// `5`, `2m`, `1.5s`, `1h`, `1d`, as coreutils sleep reads them.
  static func duration(_ text: String) -> Double? {
    let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
    var number = Substring(text)
    var factor = 1.0
    if let last = text.last, let unit = units[last] {
      number = number.dropLast()
      factor = unit
    }
    guard let value = Double(number), value >= 0 else { return nil }
    return value * factor
  }

  static func resolve(_ path: String, in directory: URL, root: URL) throws -> URL {
    let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)
    let resolved = url.standardizedFileURL.path
    let rootPath = root.standardizedFileURL.path
    guard resolved == rootPath || resolved.hasPrefix(rootPath.hasSuffix("/") ? rootPath : rootPath + "/") else {
      throw FileError.notFound(path)
    }
    return url.standardizedFileURL
  }

  static func read(_ path: String, in directory: URL, root: URL) throws -> String {
    let url = try resolve(path, in: directory, root: root)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
      throw FileError.notFound(path)
    }
    return try String(contentsOf: url, encoding: .utf8)
  }

  /// Writes a file inside the working folder (`kubectl cp POD:PATH FILE`);
  /// a folder as the target receives the file under its own name.
  static func write(_ path: String, _ content: String, in directory: URL, root: URL) throws {
    var url = try resolve(path, in: directory, root: root)
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw FileError.isDirectory(path)
    }
    url = url.standardizedFileURL
    try Data(content.utf8).write(to: url)
  }

  static func list(_ path: String, in directory: URL, root: URL) -> [String]? {
    guard let url = try? resolve(path, in: directory, root: root) else { return nil }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
    return try? FileManager.default.contentsOfDirectory(atPath: url.path)
  }
}
