import Foundation
import KubeCluster
import Kubectl
import KubetutorTestSupport
import Testing

/// Inputs that would exhaust the simulation end in a clear error, quickly.
@Suite("Limits")
struct LimitTests {
  /// Runs `kubectl ARGS` (with `stdin`) on a fresh kind cluster, and fails
  /// the test when it takes more than `seconds` of wall time.
  func kubectl(_ arguments: [String], stdin: String = "", seconds: Double = 20) -> CommandOutput {
    var cluster = Cluster.kind()
    let started = Date()
    let output = CommandRunner.run(arguments, cluster: &cluster, environment: KubectlEnvironment(stdin: stdin))
    #expect(Date().timeIntervalSince(started) < seconds, "kubectl \(arguments.joined(separator: " ")) took too long")
    return output
  }

  @Test("replicas beyond the simulation's cap are refused as the API server refuses invalid values")
  func replicasCap() {
    let output = kubectl(["create", "deployment", "big", "--image=nginx", "--replicas=10001"])
    #expect(output.stdout == "")
    #expect(
      output.stderr
        == "error: failed to create deployment: Deployment.apps \"big\" is invalid: spec.replicas: Invalid value: 10001: must be less than or equal to 10000 (the most kubetutor's simulated cluster runs)\n")
    #expect(output.exitCode == 1)
  }

  @Test("scaling beyond the cap is refused, and the Deployment keeps its replicas")
  func scaleCap() {
    let run = Transcript.run("""
      kubectl create deployment web --image=nginx
      kubectl scale deployment web --replicas=50000
      kubectl get deployment web -o jsonpath={.spec.replicas}
      """)
    #expect(
      run.stderr
        == "The Deployment \"web\" is invalid: spec.replicas: Invalid value: 50000: must be less than or equal to 10000 (the most kubetutor's simulated cluster runs)\n")
    #expect(run.stdout == "deployment.apps/web created\n1")
  }

  @Test("the cap itself is allowed")
  func replicasAtCap() throws {
    var cluster = Cluster.kind()
    // Server-side dry run: validated and admitted, but no pods are made.
    let output = CommandRunner.run(["create", "deployment", "big", "--image=nginx", "--replicas=10000", "--dry-run=server"], cluster: &cluster)
    #expect(output.stdout == "deployment.apps/big created (server dry run)\n")
    #expect(output.exitCode == 0)
  }

  @Test("a JSONPath of recursive descents over recursive descents stops with an error")
  func recursiveJSONPath() {
    let output = kubectl(["get", "pods", "-A", "-o", "jsonpath={...*...*...*...*...*...*}"])
    #expect(output.stdout == "")
    #expect(output.stderr.hasPrefix(
      "error: error executing jsonpath \"{...*...*...*...*...*...*}\": Error executing template: the template went through more than 1000000 values;"))
    #expect(output.exitCode == 1)
  }

  @Test("a range over a recursive descent inside another stops with an error")
  func recursiveRange() {
    let output = kubectl(["get", "pods", "-A", "-o", "jsonpath={range ...*}{range ...*}{...*}{end}{end}"])
    #expect(output.stderr.contains("the template went through more than 1000000 values"))
    #expect(output.exitCode == 1)
  }

  @Test("a manifest over the size limit is refused before it is parsed")
  func manifestSize() {
    let big = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  a: \"" + String(repeating: "x", count: 11 * 1024 * 1024) + "\"\n"
    let output = kubectl(["apply", "-f", "-"], stdin: big)
    #expect(output.stdout == "")
    #expect(output.stderr == "error: error parsing STDIN: the manifest is 11534403 bytes, more than the limit of 10485760 bytes\n")
    #expect(output.exitCode == 1)
  }

  @Test("a YAML alias bomb is stopped with go-yaml's error")
  func aliasBomb() {
    var bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    var previous = "a"
    for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
      bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
      previous = name
    }
    let output = kubectl(["apply", "-f", "-"], stdin: bomb)
    #expect(output.stderr == "error: error parsing STDIN: error converting YAML to JSON: yaml: document contains excessive aliasing\n")
    #expect(output.exitCode == 1)
  }

  @Test("a watch with no timeout in script mode ends on its own")
  func watchEnds() {
    let started = Date()
    let run = Transcript.run("""
      kubectl create deployment web --image=nginx --replicas=2
      kubectl get pods -w
      echo done
      """)
    #expect(Date().timeIntervalSince(started) < 20)
    #expect(run.stdout.hasSuffix("done\n"))
    #expect(run.stdout.contains("Running"))
  }
}
