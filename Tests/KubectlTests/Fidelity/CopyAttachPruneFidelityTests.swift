import Foundation
import KubeCluster
import Kubectl
import KubetutorTestSupport
import Testing

/// The errors `cp`, `attach` and `apply --prune` report before they reach
/// a server are the real client's, word for word.
@Suite("cp, attach and apply --prune fail as the real kubectl does")
struct CopyAttachPruneFidelityTests {
  static let manifest = """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings
      labels:
        app: shop
    data:
      mode: prod

    """

  static let cases: [[String]] = [
    ["cp", "only"],
    ["cp", "a", "b"],
    ["cp", ":x", "y"],
    ["cp", "a:/x", "b:/y"],
    ["cp", "nothere.txt", "box:/tmp"],
    ["attach"],
    ["attach", "a", "b", "c"],
    ["apply", "-f", "{file}", "--prune"],
    ["apply", "-f", "{file}", "--prune", "--all", "-l", "app=shop"],
    ["apply", "-f", "{file}", "--prune", "--force", "-l", "app=shop"],
    ["apply", "-f", "{file}", "--prune", "--all", "--server-side"],
    ["apply", "-f", "{file}", "--prune", "--all", "--prune-allowlist=v1/ConfigMap"],
  ]

  @Test(
    "the same error and exit code", .enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 client"),
    arguments: cases)
  func sameError(_ arguments: [String]) throws {
    let (real, ours) = try BothClients.run(arguments, manifest: Self.manifest)
    #expect(ours.stdout == real.stdout)
    #expect(ours.stderr == real.stderr)
    #expect(ours.exitCode == real.exitCode)
    #expect(ours.exitCode == 1)
  }
}
