import Foundation
import KubeCluster
import Kubectl
import Shell
import Tutor

/// The inputs that come from people, each as one function of a string that
/// must return (with any output or error) and never crash or hang.
///
/// libFuzzer drives these through the `Fuzz*` executables (`make fuzz`);
/// `FuzzSmokeTests` drives them with seeded mutations of the shipped
/// content for a few seconds in every `swift test`.
package enum FuzzTarget: String, CaseIterable, Sendable {
  /// A line typed at the shell: its tokenizer and parser, then kubectl's
  /// flag parser and commands against a copy of the kind cluster.
  case shell
  /// A manifest given to `kubectl apply -f -` and `kubectl create
  /// --dry-run=client -f - -o yaml`: YAML/JSON decoding, limits,
  /// validation and admission.
  case manifest
  /// A lesson or scenario file, as `kubetutor scenario lint` loads it.
  case content

  /// Runs one input through the target.
  package func run(_ input: String) {
    switch self {
    case .shell: FuzzTarget.runShell(input)
    case .manifest: FuzzTarget.runManifest(input)
    case .content: FuzzTarget.runContent(input)
    }
  }

  /// Runs raw bytes (as libFuzzer hands them over) through the target.
  package func run(bytes: UnsafeBufferPointer<UInt8>) {
    run(String(decoding: bytes, as: UTF8.self))
  }

  /// The cluster every input starts from: built once per process.
  private static let base = Cluster.kind()

  /// A folder the shell may read and write in; created once per process.
  private static let folder: URL = {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("kubetutor-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }()

  private static func runShell(_ input: String) {
    _ = try? ShellParser.parse(input)
    let session = ShellSession(cluster: base, mode: .script, workingDirectory: folder) { _, _ in }
    for line in input.split(separator: "\n", omittingEmptySubsequences: false).prefix(64) {
      session.feed(String(line))
      if session.exitStatus != nil { break }
    }
    session.finish()
  }

  private static func runManifest(_ input: String) {
    _ = try? ManifestDecoder.decode(input)
    var cluster = base
    let environment = KubectlEnvironment(stdin: input)
    _ = CommandRunner.run(["apply", "-f", "-"], cluster: &cluster, environment: environment)
    _ = CommandRunner.run(["get", "all", "-A", "-o", "wide"], cluster: &cluster)
    var dryRun = base
    _ = CommandRunner.run(
      ["create", "--dry-run=client", "-f", "-", "-o", "yaml"], cluster: &dryRun,
      environment: environment)
  }

  private static func runContent(_ input: String) {
    do {
      _ = try Lesson.load(file: "fuzz.yaml", text: input)
    } catch {
      _ = error.description
    }
    let scenario: Scenario
    do {
      scenario = try Scenario.load(file: "fuzz.yaml", text: input)
    } catch {
      _ = error.description
      return
    }
    // A scenario that loads is played as a learner would start it: its
    // set-up builds a cluster, and its goals are checked after a command.
    let tutor = TutorSession()
    var cluster = base
    _ = tutor.open(scenario, cluster: &cluster)
    _ = tutor.commandFinished(CommandRun(argv: ["kubectl", "get", "pods"], exitCode: 0), cluster: cluster)
    _ = tutor.handle(["goals"], cluster: &cluster)
  }
}
