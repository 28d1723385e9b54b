import Foundation
import Testing

/// `kubetutor start` at a terminal (tmux): the lesson runs inside the same
/// interactive shell as `kubetutor`, with line editing, history and completion.
@Suite(
  "kubetutor start at a terminal",
  .serialized,
  .enabled(if: TmuxSession.unavailableReason == nil, "needs tmux and the built kubetutor binary"))
struct StartTerminalTests {
  @Test("the prompt shows the position; TAB completes; ↑ recalls the last line")
  func lessonInTheInteractiveShell() throws {
    let tty = try TmuxSession()
    defer { tty.removeFolders() }
    try tty.start(arguments: ["start", "pods", "--no-color"])
    try tty.waitFor("[pods 1/6] default ❯")

    try tty.type("next")
    try tty.press("Enter")
    let step = try tty.waitFor("[pods 2/6] default ❯")
    try tty.type("kubectl get nod")
    try tty.press("Tab")
    let completed = try tty.waitFor { $0.last == "[pods 2/6] default ❯ kubectl get nodes" }
    try tty.press("C-u")
    try tty.press("Up")
    let recalled = try tty.waitFor { $0.last == "[pods 2/6] default ❯ next" }

    #expect(step.contains("  [ ] pod whoami is Running and Ready"))
    #expect(completed.last == "[pods 2/6] default ❯ kubectl get nodes")
    #expect(recalled.last == "[pods 2/6] default ❯ next")
  }
}
