import Foundation
import KubeCluster
import KubetutorTestSupport
import Shell
import Testing

/// Start-up: the cluster is built when a command first needs it, and a plain
/// command line skips ArgumentParser; neither may change what is printed.
@Suite("start-up")
struct StartupTests {
  /// A session whose cluster is built on first use, and how many times it was.
  final class Counted {
    var builds = 0
    var output = ""
    lazy var session = ShellSession(
      building: { [unowned self] in
        builds += 1
        return Cluster.kind(seed: 1)
      }, mode: .script, workingDirectory: FileManager.default.temporaryDirectory
    ) { [unowned self] _, text in output += text }
  }

  @Test("a line that needs no cluster does not build it; the first kubectl command does, once")
  func buildsOnFirstUse() {
    let counted = Counted()
    counted.session.feed("echo ok")
    #expect(counted.builds == 0)
    #expect(counted.output == "ok\n")
    counted.session.feed("kubectl get nodes -o name")
    counted.session.feed("kubectl get ns default -o name")
    #expect(counted.builds == 1)
    #expect(counted.output == "ok\nnode/kind-control-plane\nnode/kind-worker\nnode/kind-worker2\nnamespace/default\n")
  }

  @Test("undo after the command that built the cluster goes back to the cluster as built")
  func undoesTheFirstCommand() {
    let counted = Counted()
    counted.session.feed("kubectl create namespace first")
    #expect(counted.session.state.cluster.namespaceExists("first"))
    counted.session.feed("undo")
    #expect(!counted.session.state.cluster.namespaceExists("first"))
    #expect(counted.session.state.cluster.namespaceExists("default"))
    #expect(counted.builds == 1)
  }

  @Test("a lazily built session prints what an eagerly built one does")
  func sameOutputAsEager() {
    let script = """
      echo start
      kubectl create deployment web --image=nginx:1.27 --replicas=2
      sleep 30
      kubectl get pods -o wide
      kubectl get all -A
      """
    let lazy = Transcript.run(script).combined
    var eager = ""
    let session = ShellSession(
      cluster: Cluster.kind(seed: 1), mode: .script,
      workingDirectory: FileManager.default.temporaryDirectory
    ) { _, text in eager += text }
    for line in script.split(separator: "\n") { session.feed(String(line)) }
    session.finish()
    #expect(lazy == eager)
    #expect(lazy.contains("deployment.apps/web created"))
  }

  /// The binary's answer, given options in `--name value` form (read
  /// without ArgumentParser) and in `--name=value` form (read by it).
  @Test(
    "the plain command line and ArgumentParser's reading of it run the same shell",
    .enabled(if: DeterminismTests.binary != nil, "needs the kubetutor binary (swift build)"))
  func plainArgumentsMatchParsed() throws {
    let script = "kubectl get nodes\nkubectl run x --image=nginx:1.27\nsleep 5\nkubectl get pods\necho done\n"
    let plain = try StartCommandTests.run(["--script", "-", "--seed", "7", "--nodes", "3", "--no-color"], stdin: script)
    let parsed = try StartCommandTests.run(["--script=-", "--seed=7", "--nodes=3", "--no-color"], stdin: script)
    #expect(plain.stdout == parsed.stdout)
    #expect(plain.stderr == parsed.stderr)
    #expect(plain.status == parsed.status)
    #expect(plain.stdout.contains("kind-worker3"))

    // Values the plain reading does not accept go to ArgumentParser, which words the error.
    let invalid = try StartCommandTests.run(["--script", "-", "--lang", "fr"], stdin: "echo no\n")
    #expect(invalid.status == 64)
    #expect(invalid.stdout == "")
    #expect(invalid.stderr.contains("--lang must be en or ko, not 'fr'"))
    let failing = try StartCommandTests.run(["--script", "-"], stdin: "kubectl get pod missing\n")
    #expect(failing.status == 1)
    #expect(failing.stderr == "Error from server (NotFound): pods \"missing\" not found\n")
  }
}
