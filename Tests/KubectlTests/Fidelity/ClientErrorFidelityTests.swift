import Foundation
import KubeCluster
import Kubectl
import KubetutorTestSupport
import Testing

/// Error paths the real kubectl 1.32 client decides without a server
/// (missing arguments, bad taint specs, conflicting flags, unknown
/// subcommands): the same stdout, stderr and exit code from kubetutor.
@Suite("Client-side errors equal the real kubectl's")
struct ClientErrorFidelityTests {
  static let errors: [String] = [
    "set image", "set env", "set resources", "set bogus",
    "taint", "taint nodes", "taint nodes foo", "taint a=b:NoSchedule", "taint nodes foo a=b",
    "taint nodes foo a=b:Bogus", "taint nodes foo a:Bogus-", "taint nodes foo a:NoSchedule b",
    "taint nodes foo a==b:NoSchedule", "taint nodes foo a:NoSchedule:x",
    "taint nodes foo a=b:NoSchedule a=c:NoSchedule",
    "label", "label pods", "label pods foo", "annotate pods foo",
    "autoscale", "autoscale deploy web", "explain",
    "version extra", "version -o bogus", "version --client", "version --client -o yaml",
    "version --client -o json",
    "api-resources extra", "api-resources -o bogus", "api-resources --sort-by=x",
    "auth can-i get", "auth can-i get pods foo", "auth bogus", "config bogus",
    "delete pod x --now --grace-period=5", "delete pods --all -l a=b",
    "run web --image=nginx --restart=Bogus", "replace",
    "rollout bogus", "rollout undo", "rollout history", "rollout status", "rollout restart",
    "top bogus", "create bogus", "create secret bogus", "create service bogus",
  ]

  @Test(
    "the same words, streams and exit code", .enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 client"),
    arguments: errors)
  func sameError(_ line: String) throws {
    let (real, ours) = try ClientSideFidelityTests.both(line)
    #expect(ours.stdout == real.stdout)
    #expect(ours.stderr == Self.withoutKlog(real.stderr))
    #expect(ours.exitCode == real.exitCode)
  }

  /// The real client, with no cluster to ask, logs its failed discovery
  /// (`E1126 11:12:12.882017 … memcache.go …`) before the error it then
  /// decides on its own; kubetutor has a cluster and logs nothing.
  static func withoutKlog(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
      !(line.count > 5 && "EIW".contains(line.first!) && line.dropFirst().prefix(4).allSatisfy(\.isNumber))
    }.joined(separator: "\n")
  }

  /// A group command without its subcommand prints its help (in
  /// kubetutor's words) on the stream kubectl uses, and fails.
  @Test(
    "a bare group command prints help where kubectl does", .enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 client"),
    arguments: ["config", "set", "top", "auth", "rollout", "create secret", "create service"])
  func bareGroup(_ line: String) throws {
    let (real, ours) = try ClientSideFidelityTests.both(line)
    #expect(ours.stdout.isEmpty == real.stdout.isEmpty)
    #expect(ours.stderr.isEmpty == real.stderr.isEmpty)
    #expect(ours.exitCode == real.exitCode)
  }
}
