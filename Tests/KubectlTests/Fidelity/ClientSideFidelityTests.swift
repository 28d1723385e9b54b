import Foundation
import KubeCluster
import Kubectl
import KubetutorTestSupport
import Testing

/// Commands the real kubectl 1.32 client answers offline, run through both
/// it and kubetutor: the output must be identical, byte for byte.
@Suite("Client-side output equals the real kubectl's")
struct ClientSideFidelityTests {
  static let commands: [String] = [
    "create deployment web --image=nginx --replicas=3 --dry-run=client -o yaml",
    "create deployment web --image=nginx --replicas=3 --dry-run=client -o json",
    "create namespace dev --dry-run=client -o yaml",
    "create namespace dev --dry-run=client -o json",
    "create deployment api --image=httpd:2.4 --port=80 --dry-run=client -o yaml",
    "create deployment multi --image=nginx --image=redis:7 --dry-run=client -o yaml",
    "create deployment whoami --image=subicura/whoami:1 --dry-run=client -o json",
    "create deployment web --image=nginx --dry-run=client -o name",
    "create deployment web --image=nginx --dry-run=client",
    "create namespace dev --dry-run=client",
  ]

  @Test(
    "the same line prints the same text", .enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 client"),
    arguments: commands)
  func sameOutput(_ line: String) throws {
    let (real, ours) = try BothClients.run(line)
    #expect(ours.stdout == real.stdout)
    #expect(ours.exitCode == real.exitCode)
  }

  static let usageErrors: [String] = [
    "get pods -x", "get pods --foo", "get pods -n", "create deployment web", "run x",
    "create deployment web --image=nginx --replicas=abc", "logs", "exec x", "delete", "apply", "gett pods",
  ]

  @Test(
    "usage errors read as the real kubectl's", .enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 client"),
    arguments: usageErrors)
  func sameError(_ line: String) throws {
    let (real, ours) = try BothClients.run(line)
    #expect(ours.stderr == real.stderr)
    #expect(ours.exitCode == real.exitCode)
  }
}
