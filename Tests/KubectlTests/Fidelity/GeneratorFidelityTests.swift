import Foundation
import KubeCluster
import Kubectl
import KubetutorTestSupport
import Testing

/// `kubectl create GENERATOR --dry-run=client -o yaml|json` through the real
/// kubectl 1.32 and kubetutor: stdout, stderr and exit code must match.
@Suite("Create generators print as the real kubectl's")
struct GeneratorFidelityTests {
  /// Files the `--from-file`, `--from-env-file` and `--cert` cases read,
  /// written once to a scratch folder both clients see by absolute path.
  static let folder = FixtureFolder.make("kubetutor-generators", files: ["f.txt": "hello\n", "e.env": "A=1\n# comment\n\nB=two words\n"])

  static let generators: [[String]] = [
    ["configmap", "cm1", "--from-literal=a=1", "--from-literal=b=x y"],
    ["configmap", "cm2", "--from-env-file=\(folder)/e.env"],
    ["configmap", "cm3", "--from-file=\(folder)/f.txt", "--from-file=k2=\(folder)/f.txt", "-n", "dev"],
    ["secret", "generic", "s1", "--from-literal=user=admin", "--from-literal=pw=s3cr3t"],
    ["secret", "generic", "s2", "--from-env-file=\(folder)/e.env", "--type=Opaque"],
    ["secret", "docker-registry", "reg", "--docker-server=r.io", "--docker-username=u", "--docker-password=p", "--docker-email=e@x.io"],
    ["secret", "docker-registry", "reg2", "--docker-username=u", "--docker-password=p"],
    ["job", "j2", "--image=busybox"],
    ["cronjob", "c2", "--image=busybox", "--schedule=0 * * * *", "--restart=Never"],
    ["serviceaccount", "sa1"],
    ["sa", "sa2", "-n", "dev"],
    ["quota", "q1", "--hard=cpu=1,memory=1G,pods=2"],
    ["quota", "q2", "--hard=pods=2", "--scopes=BestEffort"],
    ["rolebinding", "rb1", "--role=r1", "--user=alice", "--serviceaccount=default:sa1", "--group=g"],
    ["rolebinding", "rb2", "--clusterrole=view", "--user=a", "--user=b"],
    ["clusterrolebinding", "crb1", "--clusterrole=cr1", "--user=bob"],
    ["priorityclass", "pc1", "--value=1000", "--description=high"],
    ["priorityclass", "pc2", "--value=5", "--global-default", "--preemption-policy=Never"],
    ["poddisruptionbudget", "pdb1", "--selector=app=web", "--min-available=1"],
    ["pdb", "pdb2", "--selector=app=web", "--max-unavailable=20%"],
  ]

  static let printed: [[String]] = generators.flatMap { (generator: [String]) -> [[String]] in
    let yaml: [String] = ["create"] + generator + ["--dry-run=client", "-o", "yaml"]
    let json: [String] = ["create"] + generator + ["--dry-run=client", "-o", "json"]
    return [yaml, json]
  }

  static let others: [[String]] = [
      ["create", "job", "j1", "--image=busybox", "--dry-run=client", "-o", "json", "--", "echo", "hi"],
      ["create", "cronjob", "c1", "--image=busybox", "--schedule=*/5 * * * *", "--dry-run=client", "-o", "yaml", "--", "date"],
      ["create", "configmap", "cm1", "--from-literal=a=1", "--from-literal=a=2", "--dry-run=client"],
      ["create", "sa", "sa1", "--dry-run=client"],
      ["create", "pdb", "x", "--selector=a=b", "--dry-run=client"],
      ["create", "configmap", "--from-literal=a=1"],
      ["create", "configmap", "a", "b"],
      ["create", "secret", "tls", "t", "--cert=\(folder)/f.txt", "--key=\(folder)/f.txt", "--dry-run=client", "-o", "yaml"],
      ["create", "quota", "q", "--hard=pods=3", "--dry-run=client", "-o", "name"],
    ]

  static let cases: [[String]] = printed + others + ExamFidelityTests.generators

  @Test(
    "the same generator prints the same text", .enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 client"),
    arguments: cases)
  func sameOutput(_ arguments: [String]) throws {
    let real = try RealKubectl.run(arguments)
    var cluster = Cluster.kind()
    let environment = KubectlEnvironment(readFile: { path in
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw FileError.notFound(path) }
      return text
    })
    let ours = CommandRunner.run(arguments, cluster: &cluster, environment: environment)
    #expect(ours.stdout == real.stdout)
    // klog lines (the deprecated bare `--dry-run`) carry the time and pid.
    #expect(ClientErrorFidelityTests.withoutKlog(ours.stderr) == ClientErrorFidelityTests.withoutKlog(real.stderr))
    #expect(ours.exitCode == real.exitCode)
  }
}
