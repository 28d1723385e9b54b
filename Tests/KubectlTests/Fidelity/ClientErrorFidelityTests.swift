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
    "run web --image=nginx --rm", "run web --image=nginx -t", "run web --image=nginx -it --dry-run=client",
    "run web --image=nginx --expose", "run web --image=nginx --image-pull-policy=Bogus", "run web --image=Bad_Image",
    "run web --image=nginx --port=abc", "run web --image=nginx --env=FOO", "run web --image=nginx --env=1A=b",
    "create secret tls t", "create secret tls t --cert=/nope", "create job j", "create job j --image=nginx --from=cronjob/c",
    "create cronjob c", "create cronjob c --schedule=x", "create quota q --hard=bogus", "create quota q --hard=pods=abc",
    "create configmap cm --from-file=/nope", "create configmap cm --from-env-file=/nope",
    "create secret generic s --from-file=a=/nope",
    "wait --for=delete", "api-versions extra", "diff --bogus", "diff -f", "logs --since=abc web",
    "logs --tail=abc web", "create deployment web --image=nginx --port=abc",
  ]

  @Test(
    "the same words, streams and exit code", .enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 client"),
    arguments: errors)
  func sameError(_ line: String) throws {
    let (real, ours) = try BothClients.run(line)
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
    let (real, ours) = try BothClients.run(line)
    #expect(ours.stdout.isEmpty == real.stdout.isEmpty)
    #expect(ours.stderr.isEmpty == real.stderr.isEmpty)
    #expect(ours.exitCode == real.exitCode)
  }
}
