import Shell
import Testing

/// Cases checked against GNU coreutils 9.1, grep 3.8, mawk 1.3.4 and bash
/// 5.2 builtins on Debian 12 with `LC_ALL=C`.
@Suite("cut")
struct CutTests {
  static let cases: [ToolCase] = [
    ToolCase(
      "cut", ["-d", " ", "-f1,3", "pods.txt"],
      stdout: "NAME STATUS\nweb-1 Running\nweb-2 Pending\napi-1 Running\n"),
    ToolCase(
      "cut", ["-c1-3", "pods.txt"],
      stdout: "NAM\nweb\nweb\napi\n"),
    ToolCase(
      "cut", ["-d:", "-f2-"],
      stdin: "a:b:c\nnone\n",
      stdout: "b:c\nnone\n"),
    ToolCase(
      "cut", ["-d:", "-s", "-f2"],
      stdin: "a:b:c\nnone\n",
      stdout: "b\n"),
    ToolCase(
      "cut", ["-f2"],
      stdin: "a\tb\tc\n",
      stdout: "b\n"),
    ToolCase(
      "cut", ["-c", "-2,4-"],
      stdin: "abcdef\n",
      stdout: "abdef\n"),
    ToolCase(
      "cut", ["-d:", "-f1,3", "--output-delimiter=-"],
      stdin: "a:b:c\n",
      stdout: "a-c\n"),
    ToolCase(
      "cut", ["-d", "ab", "-f1"],
      stdin: "x\n",
      stdout: "",
      stderr:
        "cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n",
      status: 1),
    ToolCase(
      "cut", [],
      stdin: "x\n",
      stdout: "",
      stderr:
        "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n",
      status: 1),
    ToolCase(
      "cut", ["-f0"],
      stdin: "x\n",
      stdout: "",
      stderr: "cut: fields are numbered from 1\nTry 'cut --help' for more information.\n",
      status: 1),
    ToolCase(
      "cut", ["-c0"],
      stdin: "x\n",
      stdout: "",
      stderr:
        "cut: byte/character positions are numbered from 1\nTry 'cut --help' for more information.\n",
      status: 1),
    ToolCase(
      "cut", ["-fa"],
      stdin: "x\n",
      stdout: "",
      stderr: "cut: invalid field value 'a'\nTry 'cut --help' for more information.\n",
      status: 1),
    ToolCase(
      "cut", ["-f3-1"],
      stdin: "x\n",
      stdout: "",
      stderr: "cut: invalid decreasing range\nTry 'cut --help' for more information.\n",
      status: 1),
    ToolCase(
      "cut", ["-d:", "-c1"],
      stdin: "x\n",
      stdout: "",
      stderr:
        "cut: an input delimiter may be specified only when operating on fields\nTry 'cut --help' for more information.\n",
      status: 1),
  ]

  @Test(arguments: cases)
  func matchesGNU(_ tool: ToolCase) {
    #expect(tool.run() == tool.expected)
  }
}
