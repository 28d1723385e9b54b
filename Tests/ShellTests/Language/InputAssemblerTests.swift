import Shell
import Testing

@Suite("Input assembler")
struct InputAssemblerTests {
  /// Feeds lines one at a time and returns every status.
  func feed(_ lines: [String]) -> [InputAssembler.Status] {
    var assembler = InputAssembler()
    return lines.map { assembler.feed($0) }
  }

  @Test func aSimpleLineIsCompleteAtOnce() {
    #expect(feed(["kubectl get pods"]) == [.complete("kubectl get pods\n")])
  }

  @Test("an unquoted heredoc waits for its terminator line, then expands")
  func unquotedHereDocumentLineByLine() {
    let statuses = feed(["cat <<EOF | grep name", "kind: Pod", "name: $NAME", "EOF"])

    #expect(
      statuses == [
        .needsMore(prompt: "> "), .needsMore(prompt: "> "), .needsMore(prompt: "> "),
        .complete("cat <<EOF | grep name\nkind: Pod\nname: $NAME\nEOF\n"),
      ])
    guard case .complete(let text) = statuses.last else { return }
    #expect(ShellHarness().run("NAME=web; " + text).stdout == "name: web\n")
  }

  @Test("a quoted heredoc delimiter leaves $(date) alone")
  func quotedHereDocumentLineByLine() {
    let statuses = feed(["cat <<'EOF'", "now: $(date) $HOME", "EOF"])

    guard case .complete(let text) = statuses.last else {
      Issue.record("not complete: \(statuses)")
      return
    }
    #expect(statuses.dropLast() == [.needsMore(prompt: "> "), .needsMore(prompt: "> ")])
    #expect(ShellHarness().run(text).stdout == "now: $(date) $HOME\n")
  }

  @Test func aLineThatOnlyLooksLikeTheTerminatorDoesNotEndTheBody() {
    #expect(
      feed(["cat <<EOF", " EOF", "EOF "]) == [
        .needsMore(prompt: "> "), .needsMore(prompt: "> "), .needsMore(prompt: "> "),
      ])
  }

  @Test func dashHereDocumentAcceptsATabIndentedTerminator() {
    #expect(
      feed(["cat <<-EOF", "\tindented", "\tEOF"]).last
        == .complete("cat <<-EOF\n\tindented\n\tEOF\n"))
  }

  @Test func unclosedQuoteContinues() {
    #expect(
      feed(["echo \"first", "second\""]) == [
        .needsMore(prompt: "> "), .complete("echo \"first\nsecond\"\n"),
      ])
    #expect(feed(["echo 'it", "'"]).last == .complete("echo 'it\n'\n"))
  }

  @Test func trailingBackslashContinues() {
    let statuses = feed(["kubectl run web \\", "  --image=nginx"])

    #expect(
      statuses == [.needsMore(prompt: "> "), .complete("kubectl run web \\\n  --image=nginx\n")])
  }

  @Test(arguments: ["kubectl get pods |", "true &&", "false ||"])
  func trailingOperatorContinues(line: String) {
    #expect(feed([line, "wc -l"]) == [.needsMore(prompt: "> "), .complete(line + "\nwc -l\n")])
  }

  @Test func unfinishedCompoundCommandsContinue() {
    #expect(
      feed(["for i in 1 2 3", "do", "  echo $i", "done"]).map { $0 == .needsMore(prompt: "> ") }
        == [true, true, true, false])
    #expect(
      feed(["if true; then", "echo yes", "fi"]).last == .complete("if true; then\necho yes\nfi\n"))
    #expect(feed(["echo $(echo", "hi)"]).last == .complete("echo $(echo\nhi)\n"))
  }

  @Test("a syntax error is complete at once, so it is reported rather than waited on")
  func syntaxErrorsAreComplete() {
    #expect(feed(["echo a ;;"]) == [.complete("echo a ;;\n")])
    #expect(feed(["echo >"]) == [.complete("echo >\n")])
    #expect(
      runShell("echo >").stderr == "kubetutor: syntax error near unexpected token `newline'\n")
  }

  @Test func customPromptAndPendingState() {
    var assembler = InputAssembler()
    assembler.continuationPrompt = "... "

    #expect(assembler.feed("echo 'a") == .needsMore(prompt: "... "))
    #expect(assembler.isPending)
    #expect(assembler.pendingReason == .unmatched("'"))
  }

  @Test func resetDropsPendingLines() {
    var assembler = InputAssembler()
    _ = assembler.feed("cat <<EOF")

    assembler.reset()

    #expect(!assembler.isPending)
    #expect(assembler.feed("echo ok") == .complete("echo ok\n"))
  }

  @Test("end of input hands back the pending text; running it warns like bash")
  func finishRunsAnUnterminatedHereDocument() {
    var assembler = InputAssembler()
    _ = assembler.feed("cat <<EOF")
    _ = assembler.feed("partial")

    let text = assembler.finish()

    #expect(text == "cat <<EOF\npartial\n")
    #expect(assembler.finish() == nil)
    let run = runShell(text ?? "")
    #expect(
      run.stderr
        == "kubetutor: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n")
    #expect(run.stdout == "partial\n")
  }
}
