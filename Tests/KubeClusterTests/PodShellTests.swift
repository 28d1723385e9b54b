import Foundation
import KubeCluster
import Testing

/// The in-pod shell of `kubectl exec -it`: its language, its prompts, and
/// which images have which shell.
@Suite("In-pod shell")
struct PodShellTests {
  /// A kind cluster with running pods `box` (busybox), `web` (nginx) and `bare` (pause).
  static func cluster() throws -> Cluster {
    var cluster = Cluster.kind()
    for (name, image) in [("box", "busybox:1.37"), ("web", "nginx:1.27"), ("bare", "registry.k8s.io/pause:3.10")] {
      var pod = Object(.pod, name: name, namespace: "default")
      var container: JSONValue = ["name": "main", "image": .string(image)]
      if name == "box" { container["command"] = ["sleep", "3600"] }
      pod.content["spec"] = ["containers": [container]]
      try cluster.create(pod)
    }
    cluster.advance(by: 20)
    return cluster
  }

  static func shell(_ program: String, in pod: String, _ cluster: Cluster, interactive: Bool = false) throws -> PodShell? {
    let object = try #require(cluster.store.get(ObjectKey(.pod, pod, in: "default")))
    return PodShell(program, pod: object, container: "main", cluster: cluster, interactive: interactive)
  }

  @Test("the image decides the shell: ash in busybox, dash and bash in Debian, none in pause")
  func flavours() throws {
    let cluster = try Self.cluster()
    #expect(try Self.shell("sh", in: "box", cluster)?.flavor == .ash)
    #expect(try Self.shell("bash", in: "box", cluster) == nil)
    #expect(try Self.shell("/bin/sh", in: "web", cluster)?.flavor == .dash)
    #expect(try Self.shell("bash", in: "web", cluster)?.prompt(hostname: "web") == "root@web:/# ")
    #expect(try Self.shell("sh", in: "web", cluster)?.prompt(hostname: "web") == "# ")
    #expect(try Self.shell("sh", in: "bare", cluster) == nil)
  }

  @Test("quotes, variables, $?, &&, ||, pipes, $(…) and redirections")
  func language() throws {
    var cluster = try Self.cluster()
    var shell = try #require(try Self.shell("sh", in: "box", cluster))
    func run(_ line: String) -> String {
      let step = shell.run(line, cluster: &cluster)
      return step.stdout + step.stderr
    }
    #expect(run(#"echo 'a  $HOSTNAME' "b $HOSTNAME" c\ d"#) == "a  $HOSTNAME b box c d\n")
    #expect(run("X=1; echo $X ${X}2") == "1 12\n")
    #expect(run("false || echo $?; true && echo yes") == "1\nyes\n")
    #expect(run("cat /etc/hostname | wc -l") == "1\n")
    #expect(run("echo \"in $(pwd)\"") == "in /\n")
    #expect(run("cd /tmp && echo one > f && echo two >> f && cat f") == "one\ntwo\n")
    #expect(run("ls /nope 2>/dev/null; echo $?") == "1\n")
    #expect(run("cd /nope") == "sh: cd: can't cd to /nope: No such file or directory\n")
    #expect(run("echo 'open") == "sh: syntax error: unterminated quoted string\n")
    #expect(shell.prompt(hostname: "box") == "/tmp # ")
    #expect(shell.run("exit 300", cluster: &cluster).exit == 44)
  }

  @Test("a heredoc script ends at exit, with the last status otherwise")
  func scripts() throws {
    var cluster = try Self.cluster()
    var bash = try #require(try Self.shell("bash", in: "web", cluster))
    let result = bash.runScript("hostname\nnope\n", cluster: &cluster)
    #expect(result == ExecResult(stdout: "web\n", stderr: "bash: line 2: nope: command not found\n", exitCode: 127))
    var dash = try #require(try Self.shell("sh", in: "web", cluster))
    let ended = dash.runScript("nope\nexit 5\necho never\n", cluster: &cluster)
    #expect(ended == ExecResult(stdout: "", stderr: "sh: 1: nope: not found\n", exitCode: 5))
  }

  @Test("kubectl's stdin reaches the first reader; filters read files and < as the real tools do")
  func inputAndFiles() throws {
    var cluster = try Self.cluster()
    var shell = try #require(try Self.shell("sh", in: "box", cluster))
    shell.input = "a\nb\n"
    let result = shell.runScript(
      "cat > /tmp/f; cat; wc -l /tmp/f; grep b /tmp/f /etc/hostname; tail -n 1 < /tmp/f; grep zz /tmp/f; echo $?; cat < /nope",
      cluster: &cluster)
    #expect(result.stdout == "2 /tmp/f\n/tmp/f:b\n/etc/hostname:box\nb\n1\n")
    #expect(result.stderr == "sh: can't open '/nope': No such file or directory\n")
    #expect(result.exitCode == 1)
  }

  @Test("grep -e A -e B matches either pattern, from a pipe and from files")
  func grepPatterns() throws {
    var cluster = try Self.cluster()
    var shell = try #require(try Self.shell("sh", in: "box", cluster))
    shell.input = "alpha\nbeta\ngamma\n-x\n"
    let result = shell.runScript(
      "cat > /tmp/f; cat /tmp/f | grep -e alpha -e gam; grep -c -e beta --regexp=-x /tmp/f; grep -v -e a /tmp/f",
      cluster: &cluster)
    #expect(result.stdout == "alpha\ngamma\n2\n-x\n")
  }
}
