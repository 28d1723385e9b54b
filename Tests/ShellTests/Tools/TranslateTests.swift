import Shell
import Testing

/// Cases checked against GNU coreutils 9.1, grep 3.8, mawk 1.3.4 and bash
/// 5.2 builtins on Debian 12 with `LC_ALL=C`.
@Suite("tr")
struct TranslateTests {
  static let cases: [ToolCase] = [
    ToolCase(
      "tr", ["a-z", "A-Z"],
      stdin: "hello\n",
      stdout: "HELLO\n"),
    ToolCase(
      "tr", ["-s", " "],
      stdin: "a  b   c\n",
      stdout: "a b c\n"),
    ToolCase(
      "tr", ["-d", "l"],
      stdin: "hello\n",
      stdout: "heo\n"),
    ToolCase(
      "tr", ["[:lower:]", "[:upper:]"],
      stdin: "hello\n",
      stdout: "HELLO\n"),
    ToolCase(
      "tr", [":", "\\n"],
      stdin: "a:b:c\n",
      stdout: "a\nb\nc\n"),
    ToolCase(
      "tr", ["-d", "[:space:]"],
      stdin: "a b\tc\n",
      stdout: "abc"),
    ToolCase(
      "tr", ["-cd", "[:digit:]"],
      stdin: "a1b2\n",
      stdout: "12"),
    ToolCase(
      "tr", ["-c", "a", "z"],
      stdin: "abc\n",
      stdout: "azzz"),
    ToolCase(
      "tr", ["abc", "x"],
      stdin: "aabbcc\n",
      stdout: "xxxxxx\n"),
    ToolCase(
      "tr", ["-s", "a-z", "A-Z"],
      stdin: "aabbcc\n",
      stdout: "ABC\n"),
    ToolCase(
      "tr", [],
      stdin: "x",
      stdout: "",
      stderr: "tr: missing operand\nTry 'tr --help' for more information.\n",
      status: 1),
    ToolCase(
      "tr", ["a"],
      stdin: "x",
      stdout: "",
      stderr:
        "tr: missing operand after 'a'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n",
      status: 1),
    ToolCase(
      "tr", ["-d", "a", "b"],
      stdin: "x",
      stdout: "",
      stderr:
        "tr: extra operand 'b'\nOnly one string may be given when deleting without squeezing repeats.\nTry 'tr --help' for more information.\n",
      status: 1),
  ]

  @Test(arguments: cases)
  func matchesGNU(_ tool: ToolCase) {
    #expect(tool.run() == tool.expected)
  }
}
