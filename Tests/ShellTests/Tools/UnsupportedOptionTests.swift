import Shell
import Testing

/// Options GNU has but kubetutor does not say so plainly; options GNU does
/// not have get GNU's own error.
@Suite("Unsupported and invalid options")
struct UnsupportedOptionTests {
  @Test(arguments: [
    ToolCase(
      "grep", ["-P", "x"], stdout: "", stderr: "kubetutor: grep: option -P not supported here\n",
      status: 2),
    ToolCase(
      "grep", ["-r", "x", "."], stdout: "",
      stderr: "kubetutor: grep: option -r not supported here\n", status: 2),
    ToolCase(
      "grep", ["--perl-regexp", "x"], stdout: "",
      stderr: "kubetutor: grep: option --perl-regexp not supported here\n",
      status: 2),
    ToolCase(
      "tail", ["-f", "pods.txt"], stdout: "",
      stderr: "kubetutor: tail: option -f not supported here\n", status: 1),
    ToolCase(
      "sort", ["-V"], stdout: "", stderr: "kubetutor: sort: option -V not supported here\n",
      status: 2),
    ToolCase(
      "awk", ["-f", "prog.awk"], stdout: "",
      stderr: "kubetutor: awk: option -f not supported here\n", status: 2),
    ToolCase(
      "awk", ["{ getline; print }"], stdout: "",
      stderr: "kubetutor: awk: getline not supported here\n", status: 2),
    ToolCase(
      "awk", ["{ print > \"out.txt\" }"], stdout: "",
      stderr: "kubetutor: awk: output redirection not supported here\n",
      status: 2),
    ToolCase(
      "awk", ["function f() { return 1 } { print }"], stdout: "",
      stderr: "kubetutor: awk: user-defined functions not supported here\n", status: 2),
  ])
  func unsupported(_ tool: ToolCase) {
    #expect(tool.run() == tool.expected)
  }

  @Test(arguments: [
    ToolCase(
      "head", ["-x", "pods.txt"], stdout: "",
      stderr: "head: invalid option -- 'x'\nTry 'head --help' for more information.\n", status: 1),
    ToolCase(
      "head", ["--bogus"], stdout: "",
      stderr: "head: unrecognized option '--bogus'\nTry 'head --help' for more information.\n",
      status: 1),
    ToolCase(
      "head", ["-n"], stdout: "",
      stderr: "head: option requires an argument -- 'n'\nTry 'head --help' for more information.\n",
      status: 1),
    ToolCase(
      "grep", ["-k", "x"], stdout: "",
      stderr:
        "grep: invalid option -- 'k'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
      status: 2),
    ToolCase(
      "wc", ["--lines=3"], stdout: "",
      stderr:
        "wc: option '--lines' doesn't allow an argument\nTry 'wc --help' for more information.\n",
      status: 1),
  ])
  func invalid(_ tool: ToolCase) {
    #expect(tool.run() == tool.expected)
  }

  @Test func longOptionsAndPrefixes() {
    #expect(
      ToolCase("head", ["--lines=1", "pods.txt"], stdout: "").run().stdout
        == "NAME READY STATUS RESTARTS AGE\n")
    #expect(ToolCase("grep", ["--count", "web", "pods.txt"], stdout: "").run().stdout == "2\n")
    #expect(
      ToolCase("grep", ["--ignore", "WEB", "pods.txt"], stdout: "").run().stdout
        == "web-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 1m\n")
    #expect(ToolCase("sort", ["pods.txt", "-r"], stdout: "").run().stdout.hasPrefix("web-2"))
  }

  @Test func directoriesAreNotFiles() {
    let files = FileAccess(read: { _ in .failure(.isDirectory) }, kind: { _ in .directory })

    #expect(CatTool.run(["m"], stdin: "", files: files) == .failure("cat: m: Is a directory"))
    #expect(
      GrepTool.run(["x", "m"], stdin: "", files: files)
        == CommandResult(stderr: "grep: m: Is a directory\n", exitCode: 2))
  }
}
