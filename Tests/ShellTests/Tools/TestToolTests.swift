import Shell
import Testing

/// `test` and `[`, checked against bash 5.2's builtins.
@Suite("test and [")
struct TestToolTests {
  static let files = FileAccess.files(["pods.txt": "x\n", "m/a.yaml": "k\n", "empty.txt": ""])

  @Test(
    arguments: [
      (["-f", "pods.txt", "]"], Int32(0)),
      (["-d", "m", "]"], 1),
      (["-e", "nope", "]"], 1),
      (["-s", "m/a.yaml", "]"], 0),
      (["-s", "empty.txt", "]"], 1),
      (["]"], 1),
      (["", "]"], 1),
      (["x", "]"], 0),
      (["!", "x", "]"], 1),
      (["-z", "", "-a", "-n", "x", "]"], 0),
      (["a", "-o", "", "]"], 0),
      (["(", "a", "=", "b", ")", "-o", "c", "=", "c", "]"], 0),
      (["3", "-ge", "3", "]"], 0),
      (["a", "==", "a", "]"], 0),
      (["a", "!=", "a", "]"], 1),
      (["a", "<", "b", "]"], 0),
    ] as [([String], Int32)])
  func bracketStatus(arguments: [String], status: Int32) {
    #expect(TestTool.run(arguments, files: Self.files, bracket: true).exitCode == status)
  }

  @Test(
    arguments: [
      (["1", "-lt", "abc", "]"], "kubetutor: [: abc: integer expression expected\n"),
      (["a", "=", "a"], "kubetutor: [: missing `]'\n"),
      (["1", "-eq", "]"], "kubetutor: [: 1: unary operator expected\n"),
      (["a", "b", "c", "]"], "kubetutor: [: b: binary operator expected\n"),
    ] as [([String], String)])
  func bracketErrors(arguments: [String], message: String) {
    #expect(
      TestTool.run(arguments, files: Self.files, bracket: true)
        == CommandResult(stderr: message, exitCode: 2))
  }

  @Test func testHasNoClosingBracket() {
    #expect(
      TestTool.run(["-q", "x"], files: Self.files, bracket: false)
        == CommandResult(stderr: "kubetutor: test: -q: unary operator expected\n", exitCode: 2))
    #expect(TestTool.run(["3", "-gt", "2"], files: Self.files, bracket: false).exitCode == 0)
  }

  @Test func inTheShellWithRealFiles() {
    let harness = ShellHarness()
    harness.directory.write("pods.txt", "x\n")

    #expect(
      harness.run(#"[ -f pods.txt ] && echo file; [ ! -d pods.txt ] && echo "not a dir""#).stdout
        == "file\nnot a dir\n")
  }
}
