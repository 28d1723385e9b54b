import Shell
import Testing

/// Cases checked against GNU coreutils 9.1, grep 3.8, mawk 1.3.4 and bash
/// 5.2 builtins on Debian 12 with `LC_ALL=C`.
@Suite("seq")
struct SeqTests {
  static let cases: [ToolCase] = [
    ToolCase(
      "seq", ["3"],
      stdout: "1\n2\n3\n"),
    ToolCase(
      "seq", ["2", "5"],
      stdout: "2\n3\n4\n5\n"),
    ToolCase(
      "seq", ["0", "2", "6"],
      stdout: "0\n2\n4\n6\n"),
    ToolCase(
      "seq", ["5", "-2", "1"],
      stdout: "5\n3\n1\n"),
    ToolCase(
      "seq", ["3", "1"],
      stdout: ""),
    ToolCase(
      "seq", ["-s,", "1", "3"],
      stdout: "1,2,3\n"),
    ToolCase(
      "seq", ["-w", "8", "10"],
      stdout: "08\n09\n10\n"),
    ToolCase(
      "seq", ["1.5", "0.5", "2.5"],
      stdout: "1.5\n2.0\n2.5\n"),
    ToolCase(
      "seq", ["-1", "1"],
      stdout: "-1\n0\n1\n"),
    ToolCase(
      "seq", [],
      stdout: "",
      stderr: "seq: missing operand\nTry 'seq --help' for more information.\n",
      status: 1),
    ToolCase(
      "seq", ["x"],
      stdout: "",
      stderr: "seq: invalid floating point argument: 'x'\nTry 'seq --help' for more information.\n",
      status: 1),
    ToolCase(
      "seq", ["1", "0", "3"],
      stdout: "",
      stderr: "seq: invalid Zero increment value: '0'\nTry 'seq --help' for more information.\n",
      status: 1),
  ]

  @Test(arguments: cases)
  func matchesGNU(_ tool: ToolCase) {
    #expect(tool.run() == tool.expected)
  }
}
