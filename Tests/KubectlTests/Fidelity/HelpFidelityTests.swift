import Foundation
import KubeCluster
import Kubectl
import KubetutorTestSupport
import Testing

/// `kubectl VERB --help` has the real client's sections in the real order
/// (Aliases, Examples, Available Commands, Options, Usage); the words are
/// kubetutor's own.
@Suite("Help pages have the real kubectl's sections")
struct HelpFidelityTests {
  static let commands: [String] = [
    "rollout", "rollout status", "rollout history", "rollout undo", "rollout restart", "rollout pause",
    "rollout resume", "set", "set image", "set env", "set resources", "patch", "autoscale", "replace",
    "diff", "edit", "explain", "config", "config view", "config get-contexts", "config set-context",
    "config use-context", "config current-context", "cordon", "uncordon", "drain", "taint", "top", "auth",
    "auth can-i", "api-versions", "create configmap", "create secret", "create secret generic",
    "create job", "create cronjob", "create role", "create token", "cp", "attach", "create service",
  ]

  static func headers(_ text: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter { line in
      line.hasSuffix(":") && line.first?.isUppercase == true && !line.contains("  ")
        && line.dropLast().allSatisfy { $0.isLetter || $0 == " " }
    }
  }

  @Test(
    "the same sections in the same order", .enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 client"),
    arguments: commands)
  func sameSections(_ command: String) throws {
    let arguments = command.split(separator: " ").map(String.init) + ["--help"]
    let real = try RealKubectl.run(arguments)
    var cluster = Cluster.kind()
    let ours = CommandRunner.run(arguments, cluster: &cluster)
    #expect(Self.headers(ours.stdout) == Self.headers(real.stdout))
    #expect(ours.exitCode == 0)
  }

  /// pflag's option lines (`    --client=false:`, `    -o, --output='':`):
  /// kubectl 1.32 indents long-only flags by four spaces, as the others.
  @Test(
    "option lines are indented as kubectl's", .enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 client"))
  func optionLines() throws {
    let real = try RealKubectl.run(["version", "--help"])
    var cluster = Cluster.kind()
    let ours = CommandRunner.run(["version", "--help"], cluster: &cluster)
    func options(_ text: String) -> [String] {
      text.split(separator: "\n").map(String.init).filter { $0.hasPrefix("    -") || $0.hasPrefix("     ") }
    }
    #expect(!options(real.stdout).isEmpty)
    #expect(options(ours.stdout) == options(real.stdout))
  }
}
