import Foundation
import Testing

/// `kubectl exec -it POD -- sh` in the real binary at a terminal (tmux):
/// the in-pod shell's own prompt, its answers, and kubectl's exit line.
@Suite(
  "kubectl exec -it at a terminal",
  .serialized,
  .enabled(if: TmuxSession.unavailableReason == nil, "needs tmux and the built kubetutor binary"))
struct PodShellTerminalTests {
  /// A shell at its prompt with pod `name` (from `kubectl run …`) ready;
  /// the interactive clock follows the wall clock, so kubectl waits for it.
  static func shell(running run: String, name: String) throws -> TmuxSession {
    let tty = try TmuxSession()
    try tty.start()
    try tty.waitForPrompt()
    try tty.type(run)
    try tty.press("Enter")
    try tty.waitFor("pod/\(name) created")
    try tty.waitForIdlePrompt()
    try tty.type("kubectl wait --for=condition=Ready pod/\(name) --timeout=60s")
    try tty.press("Enter")
    try tty.waitFor("condition met", timeout: 20)
    try tty.waitForPrompt(count: 3)
    return tty
  }

  @Test("busybox's sh shows / # and follows cd; exit N comes back as kubectl's exit code")
  func busyboxShell() throws {
    let tty = try Self.shell(running: "kubectl run box --image=busybox:1.37 -- sleep 3600", name: "box")
    defer { tty.removeFolders() }

    try tty.type("kubectl exec -it box -- sh")
    try tty.press("Enter")
    try tty.waitFor { $0.last == "/ #" }
    try tty.type("hostname")
    try tty.press("Enter")
    try tty.waitFor { $0.suffix(2) == ["box", "/ #"] }
    try tty.type("cd /tmp")
    try tty.press("Enter")
    try tty.waitFor { $0.last == "/tmp #" }
    try tty.type("nosuch")
    try tty.press("Enter")
    try tty.waitFor { $0.suffix(2) == ["sh: nosuch: not found", "/tmp #"] }
    try tty.type("exit 4")
    try tty.press("Enter")
    try tty.waitForPrompt(count: 4)
    try tty.type("echo rc=$?")
    try tty.press("Enter")
    let screen = try tty.waitFor("rc=4")

    let start = try #require(screen.firstIndex(of: "default ❯ kubectl exec -it box -- sh"))
    #expect(
      Array(screen[start...].prefix(9)) == [
        "default ❯ kubectl exec -it box -- sh", "/ # hostname", "box", "/ # cd /tmp", "/tmp # nosuch",
        "sh: nosuch: not found", "/tmp # exit 4", "command terminated with exit code 4",
        "default ❯ echo rc=$?",
      ])
  }

  @Test("nginx's bash shows root@POD:/# and Ctrl-D leaves it with bash's exit line")
  func debianBash() throws {
    let tty = try Self.shell(running: "kubectl run web --image=nginx:1.27", name: "web")
    defer { tty.removeFolders() }

    try tty.type("kubectl exec -it web -- bash")
    try tty.press("Enter")
    try tty.waitFor { $0.last == "root@web:/#" }
    try tty.type("curl -s localhost | grep title")
    try tty.press("Enter")
    try tty.waitFor { $0.suffix(2) == ["<title>Welcome to nginx!</title>", "root@web:/#"] }
    try tty.press("C-d")
    let screen = try tty.waitForPrompt(count: 4)

    // bash says `exit` on Ctrl-D (the terminal may echo ^D before it).
    let exitLine = try #require(screen.dropLast().last)
    #expect(exitLine.range(of: #"^root@web:/# (\^D)?exit$"#, options: .regularExpression) != nil)
    #expect(screen.last == "default ❯")
    #expect(!screen.contains { $0.contains("command terminated") })
  }

  @Test("kubectl run -it without --rm: exit ends the main process, kubectl says how to reattach, the pod restarts")
  func runSessionEnds() throws {
    let tty = try TmuxSession()
    defer { tty.removeFolders() }
    try tty.start()
    try tty.waitForPrompt()
    try tty.type("kubectl run -it shell --image=busybox:1.37 -- sh")
    try tty.press("Enter")
    try tty.waitFor(timeout: 20) { $0.last == "/ #" }
    try tty.type("exit")
    try tty.press("Enter")
    let ended = "Session ended, resume using 'kubectl attach shell -c shell -i -t' command when the pod is running"
    try tty.waitFor(ended)
    try tty.waitForPrompt(count: 2)
    try tty.type("kubectl get pod shell -o jsonpath='{.status.containerStatuses[0].restartCount}{\"\\n\"}'")
    try tty.press("Enter")
    let screen = try tty.waitForPrompt(count: 3)
    let start = try #require(screen.firstIndex(of: "/ # exit"))
    #expect(screen[start + 1] == ended)
    #expect(screen.dropLast().last == "1")
  }
}
