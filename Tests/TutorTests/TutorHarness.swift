import Foundation
import KubeCluster
import Shell
import Tutor

/// A script-mode shell with the tutor pointed at the repository's content:
/// each `type` returns what that line printed.
final class TutorHarness {
  let session: ShellSession
  let recorder = MemoryProgressRecorder()
  private var output = ""

  init(language: Language = .en) {
    var captured = ""
    let directory = FileManager.default.temporaryDirectory
    let box = OutputBox()
    session = ShellSession(
      cluster: Cluster.kind(seed: 1), mode: .script, workingDirectory: directory
    ) { _, text in box.text += text }
    self.box = box
    _ = captured
    captured = ""
    let tutor = TutorBuiltins.tutor(of: session)
    tutor?.lessonsDirectory = ContentPaths.lessons
    tutor?.scenariosDirectory = ContentPaths.scenarios
    tutor?.language = language
    tutor?.recorder = recorder
  }

  private let box: OutputBox

  final class OutputBox {
    var text = ""
  }

  var tutor: TutorSession? { TutorBuiltins.tutor(of: session) }

  /// Feeds lines (a heredoc may span several) and returns what they printed.
  @discardableResult
  func type(_ lines: String...) -> String {
    box.text = ""
    for line in lines { session.feed(line) }
    return box.text
  }
}
