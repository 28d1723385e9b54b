import Foundation
import KubetutorTestSupport
import Shell
import Testing

/// The real binary at a pseudo-terminal (tmux): what the learner sees.
@Suite(
  "Interactive shell at a terminal",
  .serialized,
  .enabled(if: TmuxSession.unavailableReason == nil, "needs tmux and the built kubetutor binary"))
struct TerminalTests {
  @Test("typed text is edited with cursor keys, Hangul included")
  func editsTheLine() throws {
    let tty = try TmuxSession()
    defer { tty.removeFolders() }
    try tty.start()
    try tty.waitForPrompt()

    try tty.type("echo 세계")
    try tty.press("C-a")
    for _ in 0..<5 { try tty.press("Right") }
    try tty.type("안녕 ")
    try tty.press("End")
    try tty.type("!")
    try tty.press("Enter")
    let screen = try tty.waitForPrompt(count: 2)

    #expect(screen.contains("default ❯ echo 안녕 세계!"))
    #expect(screen.contains("안녕 세계!"))
  }

  @Test("history comes back after a restart, deduplicated, in a private file")
  func historyAcrossRestarts() throws {
    let first = try TmuxSession()
    defer { first.removeFolders() }
    try first.start()
    try first.waitForPrompt()
    for (index, line) in ["echo one", "echo marker-two", "echo one"].enumerated() {
      try first.type(line)
      try first.press("Enter")
      try first.waitForPrompt(count: index + 2)
    }
    try first.press("C-d")
    _ = try first.waitFor { _ in (try? first.hasExited()) ?? false }

    let history = first.dataDirectory.appendingPathComponent("kubetutor/history")
    let attributes = try FileManager.default.attributesOfItem(atPath: history.path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    let second = try TmuxSession(folder: first.folder)
    defer { second.stop() }
    try second.start()
    try second.waitForPrompt()
    try second.press("Up")
    try second.waitFor("default ❯ echo one")
    try second.press("Up")
    let screen = try second.waitFor("default ❯ echo marker-two")

    #expect(screen.last == "default ❯ echo marker-two")
    try second.press("Enter")
    try second.waitForPrompt(count: 2)
    try second.press("C-r")
    try second.type("one")
    try second.waitFor("echo one")
  }

  @Test("TAB completes a live pod's name, and lists candidates when ambiguous")
  func completesPodNames() throws {
    let tty = try TmuxSession()
    defer { tty.removeFolders() }
    try tty.start()
    try tty.waitForPrompt()

    try tty.type("kubectl create deployment whoami --image=nginx")
    try tty.press("Enter")
    try tty.waitFor("deployment.apps/whoami created")
    try tty.waitForPrompt(count: 2)
    try tty.type("kubectl logs who")
    try tty.press("Tab")
    let screen = try tty.waitFor { lines in
      lines.last.map { $0.hasPrefix("default ❯ kubectl logs whoami-") } ?? false
    }

    let line = try #require(screen.last)
    #expect(line.range(of: #"^default ❯ kubectl logs whoami-[a-z0-9]+-[a-z0-9]{5}$"#, options: .regularExpression) != nil)
    try tty.press("C-u")
    try tty.type("kubectl get deploy")
    try tty.press("Tab")
    let listing = try tty.waitFor("deployments")
    #expect(listing.contains { $0.contains("deploy") && $0.contains("deployments") })
    #expect(listing.last == "default ❯ kubectl get deploy")
  }

  @Test("a heredoc keeps reading with the > prompt")
  func heredoc() throws {
    let tty = try TmuxSession()
    defer { tty.removeFolders() }
    try tty.start()
    try tty.waitForPrompt()

    try tty.type("cat <<EOF")
    try tty.press("Enter")
    try tty.waitFor { $0.last == ">" }
    try tty.type("first line")
    try tty.press("Enter")
    try tty.waitFor { $0.last == ">" && $0.count == 3 }
    try tty.type("둘째 줄")
    try tty.press("Enter")
    try tty.waitFor { $0.last == ">" && $0.count == 4 }
    try tty.type("EOF")
    try tty.press("Enter")
    let screen = try tty.waitForPrompt(count: 2)

    #expect(
      Array(screen.prefix(7)) == [
        "default ❯ cat <<EOF", "> first line", "> 둘째 줄", "> EOF", "first line", "둘째 줄", "default ❯",
      ])
    #expect(screen.filter { $0 == "둘째 줄" }.count == 1)
  }

  @Test("Ctrl-C stops kubectl get pods -w and the prompt comes back; Ctrl-C clears a line")
  func interruptsAWatch() throws {
    let tty = try TmuxSession()
    defer { tty.removeFolders() }
    try tty.start()
    try tty.waitForPrompt()
    try tty.type("kubectl run web --image=nginx")
    try tty.press("Enter")
    try tty.waitFor("pod/web created")
    try tty.waitForIdlePrompt()

    try tty.type("kubectl get pods -w")
    try tty.press("Enter")
    try tty.waitFor("NAME")
    try tty.press("C-c")
    try tty.waitForPrompt(count: 3)
    try tty.type("some words")
    try tty.press("C-c")
    try tty.waitForPrompt(count: 4)
    try tty.type("sleep 30")
    try tty.press("Enter")
    try tty.waitFor("default ❯ sleep 30")
    try tty.press("C-c")
    try tty.waitForPrompt(count: 5, timeout: 5)
    try tty.type("echo still-alive")
    try tty.press("Enter")
    let screen = try tty.waitFor { $0.contains("still-alive") }

    #expect(screen.contains { $0.hasPrefix("web ") })
    #expect(screen.contains("still-alive"))
    #expect(try !tty.hasExited())
  }

  @Test("Korean file names are listed in columns aligned by display width; Ctrl-D leaves")
  func koreanColumns() throws {
    let tty = try TmuxSession()
    defer { tty.removeFolders() }
    for name in ["한글파일.yaml", "설정.yaml", "web.yaml", "서비스-정의.yaml"] {
      try "kind: Pod\n".write(
        to: tty.workingDirectory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    try tty.start(width: 60)
    try tty.waitForPrompt()

    try tty.type("cat ")
    try tty.press("Tab")
    let screen = try tty.waitFor("web.yaml")

    let expected = Completion.layout(
      ["web.yaml", "서비스-정의.yaml", "설정.yaml", "한글파일.yaml"], width: 60)
    let listing = expected.split(separator: "\n").map(String.init)
    for line in listing {
      #expect(screen.contains(line.trimmingCharacters(in: .whitespaces)), "missing \(line)")
    }
    try tty.press("C-u")
    try tty.press("C-d")
    _ = try tty.waitFor { _ in (try? tty.hasExited()) ?? false }
    #expect(try tty.hasExited())
  }
}

extension TerminalTests {
  @Test("edit opens $EDITOR on a file of the working folder, and nothing outside it")
  func editor() throws {
    let tty = try TmuxSession()
    defer { tty.removeFolders() }
    let file = tty.workingDirectory.appendingPathComponent("pod.yaml")
    try "image: nginx\n".write(to: file, atomically: true, encoding: .utf8)
    try tty.start(editor: "sed -i s/nginx/httpd/")
    try tty.waitForPrompt()

    try tty.type("edit pod.yaml")
    try tty.press("Enter")
    try tty.waitForPrompt(count: 2)
    try tty.type("vi ../outside.yaml")
    try tty.press("Enter")
    let screen = try tty.waitFor("only files inside")

    #expect(try String(contentsOf: file, encoding: .utf8) == "image: httpd\n")
    #expect(screen.contains { $0.hasPrefix("kubetutor: vi: ../outside.yaml: only files inside") })
  }
}

extension TerminalTests {
  @Test("Korean values line up in describe; map re-flows when the terminal is resized")
  func koreanDescribeAndResize() throws {
    let tty = try TmuxSession()
    defer { tty.removeFolders() }
    try tty.start(width: 120)
    try tty.waitForPrompt()
    try tty.type("kubectl run web --image=nginx && kubectl annotate pod web note='웹 서버' owner=팀-가")
    try tty.press("Enter")
    try tty.waitFor("pod/web annotated")
    try tty.waitForIdlePrompt()

    try tty.type("clear; kubectl describe pod web | grep -A1 Annotations")
    try tty.press("Enter")
    let described = try tty.waitFor("owner:")
    try tty.waitForIdlePrompt()

    #expect(described.contains("Annotations:      note: 웹 서버"))
    #expect(described.contains("                  owner: 팀-가"))
    try tty.type("clear; map")
    try tty.press("Enter")
    let wide = try tty.waitFor("kind-worker2")
    try tty.waitForIdlePrompt()
    try tty.resize(width: 50)
    try tty.type("clear; map")
    try tty.press("Enter")
    let narrow = try tty.waitFor { $0.filter { $0.hasPrefix("┌─") }.count == 3 }

    // Three node boxes side by side at 120 columns; one per row at 50.
    #expect(wide.filter { $0.hasPrefix("┌─") }.count == 1)
    #expect(narrow.filter { $0.hasPrefix("┌─") }.count == 3)
    #expect(narrow.allSatisfy { $0.count <= 50 })
  }
}

/// Script mode with no terminal at all.
@Suite("Shell from a pipe")
struct PipeTests {
  @Test(
    "lines from a pipe run with no prompt and no line editor",
    .enabled(if: TmuxSession.binary != nil, "needs the built kubetutor binary"))
  func pipe() throws {
    let binary = try #require(TmuxSession.binary)
    let data = try ProcessLock.run { () throws -> Data in
      let process = Process()
      process.executableURL = URL(fileURLWithPath: binary)
      process.arguments = ["--script", "-"]
      let input = Pipe()
      let output = Pipe()
      process.standardInput = input
      process.standardOutput = output
      process.standardError = output
      try process.run()
      input.fileHandleForWriting.write(Data("echo 안녕\nkubectl get ns default\nvim x.yaml\n".utf8))
      try input.fileHandleForWriting.close()
      let data = output.fileHandleForReading.readDataToEndOfFile()
      process.waitForExit()
      return data
    }
    let text = String(decoding: data, as: UTF8.self)

    #expect(text.hasPrefix("안녕\nNAME      STATUS   AGE\ndefault   Active   "))
    #expect(text.contains("vim: editors open only in the interactive shell"))
    #expect(!text.contains("❯"))
  }
}
