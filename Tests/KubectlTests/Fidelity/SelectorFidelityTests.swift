import Foundation
import KubeCluster
import Kubectl
import KubetutorTestSupport
import Testing

/// Bad `-l` selectors: kubectl 1.32's `top pod` and `apply --prune` parse
/// them before asking any server, so their error line and exit code can be
/// compared with kubetutor's offline.
@Suite("Selector errors equal the real kubectl's")
struct SelectorFidelityTests {
  static let selectors: [String] = [
    "a in (b", "a in b", "a in (b c)", "a in (b,", "a notin", "!a=b", "!", "!=a", "a=b,", ",a", "a,,b", "a b",
    "a!b", "a=b c", "a=b=c", "a=(b)", "a=!", "a===b", "a<x", "a>", "a>1.5", "a>-1", "a>99999999999999999999",
    "a=b_", "a in (-b,-c)", "-a", "x/", "a/b/c", "/a", "Example.com/a", "a=\"b\"", "a in (b))", "(a)", "a=é",
    String(repeating: "k", count: 64), "a=" + String(repeating: "v", count: 64), "a>-x",
  ]

  @Test(
    "top pod -l: the same error and exit code", .enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 client"),
    arguments: selectors)
  func top(_ selector: String) throws {
    let (real, ours) = try BothClients.run(["top", "pod", "-l", selector])
    #expect(ours.stderr == ClientErrorFidelityTests.withoutKlog(real.stderr))
    #expect(ours.stdout == real.stdout)
    #expect(ours.exitCode == real.exitCode)
  }

  static let manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shop\n"

  @Test(
    "apply -l: the provided selector is not valid", .enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 client"),
    arguments: ["a in (b", "a=b_", "-a", ",a"])
  func apply(_ selector: String) throws {
    let (real, ours) = try BothClients.run(
      ["apply", "-f", "{file}", "--dry-run=client", "-l", selector], manifest: Self.manifest)
    #expect(ours.stderr == ClientErrorFidelityTests.withoutKlog(real.stderr))
    #expect(ours.stdout == real.stdout)
    #expect(ours.exitCode == real.exitCode)
  }

  /// `get` leaves the selector to the API server, whose BadRequest kubectl
  /// words as `Unable to find … that match label selector …` for each type.
  @Test("get -l: the API server's BadRequest for each listed type")
  func get() {
    var cluster = Cluster.kind()
    let ours = CommandRunner.run(["get", "pods,deploy", "-l", "a in (b"], cluster: &cluster)
    #expect(
      ours.stderr == """
        Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a in (b", \
        field selector "": unable to parse requirement: found '', expected: ',' or ')'
        Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector \
        "a in (b", field selector "": unable to parse requirement: found '', expected: ',' or ')'

        """)
    #expect(ours.stdout.isEmpty)
    #expect(ours.exitCode == 1)
  }

  /// Every command that lists by `-l` through kubectl's resource builder
  /// words the API server's BadRequest the same way, once per listed type.
  @Test(
    "delete, describe, logs, label, rollout and wait -l: the API server's BadRequest",
    arguments: [
      (["delete", "pods", "-l", "a in (b"], ["pods"]),
      (["delete", "pods,deploy", "-l", "a in (b"], ["pods", "deployments"]),
      (["describe", "pods", "-l", "a in (b"], ["pods"]),
      (["logs", "-l", "a in (b"], ["pods"]),
      (["label", "pods", "-l", "a in (b", "x=y"], ["pods"]),
      (["rollout", "restart", "deploy", "-l", "a in (b"], ["deployments"]),
      (["wait", "pods", "-l", "a in (b", "--for=condition=Ready"], ["pods"]),
    ])
  func listingCommands(_ arguments: [String], types: [String]) {
    var cluster = Cluster.kind()
    let ours = CommandRunner.run(arguments, cluster: &cluster)
    let resources = ["pods": #""/v1, Resource=pods""#, "deployments": #""apps/v1, Resource=deployments""#]
    let expected = types.map { type in
      "Error from server (BadRequest): Unable to find \(resources[type]!) that match label selector \"a in (b\", "
        + "field selector \"\": unable to parse requirement: found '', expected: ',' or ')'\n"
    }.joined()
    #expect(ours.stderr == expected)
    #expect(ours.stdout.isEmpty)
    #expect(ours.exitCode == 1)
  }
}
