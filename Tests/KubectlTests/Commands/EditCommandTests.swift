import Foundation
import KubeCluster
import Kubectl
import KubetutorTestSupport
import Testing

/// Records what the editor was shown and answers from a script of edits.
private final class ScriptedEditor: @unchecked Sendable {
  var shown: [String] = []
  var answers: [(String) -> String?]

  init(_ answers: [(String) -> String?]) { self.answers = answers }

  func edit(_ text: String) -> String? {
    shown.append(text)
    guard !answers.isEmpty else { return text }
    return answers.removeFirst()(text)
  }
}

@Suite("kubectl edit")
struct EditCommandTests {
  static func cluster() -> Cluster {
    var cluster = Cluster.kind()
    _ = CommandRunner.run(["create", "deployment", "web", "--image=nginx"], cluster: &cluster)
    return cluster
  }

  @Test("a changed file is saved and reported as edited")
  func savesChanges() throws {
    var cluster = Self.cluster()
    let editor = ScriptedEditor([{ $0.replacingOccurrences(of: "replicas: 1", with: "replicas: 4") }])

    let output = CommandRunner.run(
      ["edit", "deployment", "web"], cluster: &cluster,
      environment: KubectlEnvironment(edit: { editor.edit($0) }))

    #expect(output.stdout == "deployment.apps/web edited\n")
    #expect(editor.shown.first?.hasPrefix("# Please edit the object below.") == true)
    let web = try #require(cluster.store.get(ObjectKey(.deployment, "web", in: "default")))
    #expect(web.content[path: "spec.replicas"]?.int == 4)
  }

  @Test("an unchanged file cancels the edit")
  func unchangedCancels() {
    var cluster = Self.cluster()

    let output = CommandRunner.run(
      ["edit", "deploy/web"], cluster: &cluster, environment: KubectlEnvironment(edit: { $0 }))

    #expect(output.stdout == "")
    #expect(output.stderr == "Edit cancelled, no changes made.\n")
  }

  @Test("an invalid file is reopened with the error on top; the same file again gives up")
  func invalidReopens() {
    var cluster = Self.cluster()
    let editor = ScriptedEditor([
      { $0.replacingOccurrences(of: "replicas: 1", with: "replicas: -1") },
      { text in text.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined(separator: "\n") + "\n" },
    ])

    let output = CommandRunner.run(
      ["edit", "deployment", "web"], cluster: &cluster,
      environment: KubectlEnvironment(edit: { editor.edit($0) }))

    #expect(editor.shown.count == 2)
    #expect(editor.shown[1].contains("# deployments.apps \"web\" was not valid:"))
    #expect(output.stderr == "error: Edit cancelled, no valid changes were saved.\n")
    #expect(output.exitCode == 1)
  }
}
