import Foundation
import KubetutorTestSupport
import Testing

extension TerminalTests {
  @Test("trace --follow prints the kubelet's actions as they happen, until Ctrl-C")
  func traceFollows() throws {
    let tty = try TmuxSession()
    defer { tty.removeFolders() }
    try tty.start()
    try tty.waitForPrompt()
    // perl takes about 14 s to pull, so the start comes while trace follows.
    try tty.type("kubectl run p --image=perl --restart=Never")
    try tty.press("Enter")
    try tty.waitFor("pod/p created")
    try tty.waitForIdlePrompt()

    try tty.type("trace --follow")
    try tty.press("Enter")
    try tty.waitFor("Following the cluster's components; Ctrl-C stops.")
    let screen = try tty.waitFor(timeout: 30) { $0.contains { $0.contains("kubelet on kind-worker") && $0.contains("Started container p") } }
    try tty.press("C-c")
    try tty.waitForPrompt(count: 3)
    try tty.type("echo still-alive")
    try tty.press("Enter")
    let after = try tty.waitFor { $0.contains("still-alive") }

    #expect(screen.contains { $0.contains("Pod p: Successfully pulled image \"perl\"") })
    #expect(after.contains("still-alive"))
    #expect(try !tty.hasExited())
  }
}
