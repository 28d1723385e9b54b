import Shell
import Testing

/// Cases checked against GNU coreutils 9.1, grep 3.8, mawk 1.3.4 and bash
/// 5.2 builtins on Debian 12 with `LC_ALL=C`.
@Suite("echo and printf")
struct EchoAndPrintfTests {
  static let cases: [ToolCase] = [
    ToolCase(
      "echo", ["-n", "hi"],
      stdout: "hi"),
    ToolCase(
      "echo", ["-e", "a\\tb\\nc"],
      stdout: "a\tb\nc\n"),
    ToolCase(
      "echo", ["-E", "a\\tb"],
      stdout: "a\\tb\n"),
    ToolCase(
      "echo", ["-x", "--", "-n"],
      stdout: "-x -- -n\n"),
    ToolCase(
      "echo", ["-e", "stop\\chere"],
      stdout: "stop"),
    ToolCase(
      "printf", ["%s-%d\\n", "a", "1", "b", "2", "c"],
      stdout: "a-1\nb-2\nc-0\n"),
    ToolCase(
      "printf",
      [
        "%5s|%-5s|%05d|%x|%X|%o|%.2f|%e\\n", "ab", "cd", "42", "255", "255", "8", "3.14159",
        "1234.5",
      ],
      stdout: "   ab|cd   |00042|ff|FF|10|3.14|1.234500e+03\n"),
    ToolCase(
      "printf", ["%c%c\\n", "xyz", "A"],
      stdout: "xA\n"),
    ToolCase(
      "printf", ["%b|%q\\n", "a\\tb", "a b"],
      stdout: "a\tb|a\\ b\n"),
    ToolCase(
      "printf", ["%%|%s\\n"],
      stdout: "%|\n"),
    ToolCase(
      "printf", ["%d\\n", "abc"],
      stdout: "0\n",
      stderr: "kubetutor: printf: abc: invalid number\n",
      status: 1),
    ToolCase(
      "printf", ["\\101\\x42\\n"],
      stdout: "AB\n"),
  ]

  @Test(arguments: cases)
  func matchesGNU(_ tool: ToolCase) {
    #expect(tool.run() == tool.expected)
  }
}
