import Foundation
import KubeCluster
import Shell
import Testing

@Suite("TAB completion")
struct CompletionTests {
  let directory: URL
  let session: ShellSession

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubetutor-completion-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("manifests"), withIntermediateDirectories: true)
    for file in ["web.yaml", "whoami.yaml", "manifests/svc.yaml"] {
      try "".write(to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
    }
    session = ShellSession(cluster: Cluster.kind(seed: 1), mode: .script, workingDirectory: directory) { _, _ in }
    for line in [
      "kubectl create deployment whoami --image=nginx", "kubectl create namespace dev",
      "kubectl create deployment api --image=nginx -n dev", "sleep 5",
    ] {
      session.feed(line)
    }
  }

  func complete(_ line: String) -> [String] {
    Completion.complete(line: line, cursor: line.count, state: session.state).candidates
  }

  @Test func verbsAndSubverbs() {
    #expect(complete("kubectl ro") == ["rollout"])
    #expect(complete("k des") == ["describe"])
    #expect(complete("kubectl rollout st") == ["status"])
    #expect(complete("kubectl rollout status deploy/w") == ["deploy/whoami"])
  }

  @Test func flagsOfTheVerb() {
    #expect(complete("kubectl get pods --show-l") == ["--show-labels"])
    #expect(complete("kubectl scale deploy whoami --rep") == ["--replicas"])
    #expect(complete("kubectl get pods -o ya") == ["yaml"])
    #expect(complete("kubectl get pods --output=ya") == ["yaml"])
  }

  @Test func resourceTypesAndLiveNames() throws {
    #expect(complete("kubectl get deploy") == ["deploy", "deployments"])
    #expect(complete("kubectl get po").contains("pods"))
    let pods = complete("kubectl logs who")
    #expect(pods.count == 1)
    #expect(try #require(pods.first).hasPrefix("whoami-"))
    #expect(complete("kubectl get deploy -n dev a") == ["api"])
    #expect(complete("kubectl get deploy a") == [])
    #expect(complete("kubectl get deploy -A a") == ["api"])
  }

  @Test func namespacesFilesAndBuiltins() {
    #expect(complete("kubectl get pods -n de") == ["default", "dev"])
    #expect(complete("kubectl apply -f w") == ["web.yaml", "whoami.yaml"])
    #expect(complete("kubectl apply -f man") == ["manifests/"])
    #expect(complete("kubectl apply -f manifests/") == ["manifests/svc.yaml"])
    #expect(complete("cat we") == ["web.yaml"])
    #expect(complete("ma") == ["map"])
    #expect(complete("kubectl get pods | gr") == ["grep"])
  }

  @Test("the word's start is reported in characters, past a flag's =")
  func startOfWord() {
    let line = "echo 한글 && kubectl get pods --output=ya"
    let result = Completion.complete(line: line, cursor: line.count, state: session.state)
    #expect(result.start == line.count - 2)
    #expect(result.candidates == ["yaml"])
  }

  @Test func insertion() {
    #expect(Completion.insertion(typed: "who", candidates: ["whoami-1"]) == "whoami-1 ")
    #expect(Completion.insertion(typed: "man", candidates: ["manifests/"]) == "manifests/")
    #expect(Completion.insertion(typed: "de", candidates: ["deploy", "deployments"]) == "deploy")
    #expect(Completion.insertion(typed: "deploy", candidates: ["deploy", "deployments"]) == nil)
    #expect(Completion.insertion(typed: "a", candidates: ["a b.yaml"]) == "a\\ b.yaml ")
  }

  @Test("candidates are laid out in columns by display width, down then across")
  func layout() {
    #expect(
      Completion.layout(["aa", "bb", "cc", "한글"], width: 13) == """
        aa    cc
        bb    한글

        """)
    #expect(Completion.layout(["one"], width: 80) == "one\n")
  }
}

@Suite("Interactive pieces")
struct InteractivePiecesTests {
  @Test("watch rows keep kubectl's growing column widths")
  func watchTable() {
    var table = WatchTable()
    table.remember([["NAME", "STATUS", "AGE"], ["default", "Active", "9h"]])

    let lines = [["ns1", "Active", "0s"], ["ns-with-a-long-name", "Active", "0s"], ["ns1", "Terminating", "8s"]]
      .map { table.line($0) }

    #expect(
      lines.joined() == """
        ns1       Active   0s
        ns-with-a-long-name   Active   0s
        ns1                   Terminating   8s

        """)
    #expect(WatchTable.cells("web-1   0/1     Running   0 (5s ago)   2s") == ["web-1", "0/1", "Running", "0 (5s ago)", "2s"])
  }

  @Test("Ctrl-C at a continuation prompt drops the unfinished command")
  func interruptDropsPending() {
    var output = ""
    let session = ShellSession(
      cluster: Cluster.kind(seed: 1), mode: .script,
      workingDirectory: FileManager.default.temporaryDirectory
    ) { _, text in output += text }
    let reader = ScriptedLineReader(inputs: [
      .line("cat <<EOF"), .line("lost"), .interrupted, .line("echo 'a"), .line("b'"), .line("quit"),
      .line("echo never"),
    ])

    let status = InteractiveLoop(session: session, reader: reader, colour: false).run()

    #expect(output == "a\nb\n")
    #expect(status == 0)
    #expect(reader.prompts == ["default ❯ ", "> ", "> ", "default ❯ ", "> ", "default ❯ "])
  }

  @Test func prompt() {
    let session = ShellSession(
      cluster: Cluster.kind(seed: 1), mode: .script,
      workingDirectory: FileManager.default.temporaryDirectory
    ) { _, _ in }
    session.state.position = "services 3/7"
    #expect(Prompt.render(session.state, colour: false) == "[services 3/7] default ❯ ")
    let coloured = Prompt.render(session.state, colour: true)
    #expect(coloured.contains("\u{1B}["))
    #expect(Prompt.plain(coloured).replacingOccurrences(of: #"\x1B\[[0-9;]*m"#, with: "", options: .regularExpression) == "[services 3/7] default ❯ ")
  }

  @Test("history keeps each line's last use, newest lines within the limit")
  func historyDeduplication() {
    #expect(EditLineReader.deduplicated(["a", "b", "a", "c", "b"], limit: 10) == ["a", "c", "b"])
    #expect(EditLineReader.deduplicated(["a", "b", "c", "d"], limit: 2) == ["c", "d"])
  }

  @Test("map draws nodes with their pods and the routes to them")
  func map() {
    var output = ""
    let session = ShellSession(
      cluster: Cluster.kind(seed: 1), mode: .script,
      workingDirectory: FileManager.default.temporaryDirectory
    ) { _, text in output += text }
    session.feed("kubectl create deployment web --image=nginx --replicas=2")
    session.feed("sleep 10")
    output = ""

    session.feed("map")

    #expect(output.contains("┌─ kind-worker (Ready) "))
    #expect(output.contains("● web-"))
    #expect(output.contains("Running"))
    #expect(output.hasPrefix("Cluster — namespace default\n"))
    session.feed("map --bogus")
    #expect(output.contains("map: unknown argument '--bogus'"))
  }

  @Test("editors refuse to open in script mode")
  func editorRefusesScripts() {
    var output = ""
    let session = ShellSession(
      cluster: Cluster.kind(seed: 1), mode: .script,
      workingDirectory: FileManager.default.temporaryDirectory
    ) { _, text in output += text }

    session.feed("vi pod.yaml")

    #expect(output == "kubetutor: vi: editors open only in the interactive shell; a script cannot type into one\n")
    #expect(session.lastStatus == 126)
  }
}
