import Shell
import Testing

/// Cases checked against GNU coreutils 9.1, grep 3.8, mawk 1.3.4 and bash
/// 5.2 builtins on Debian 12 with `LC_ALL=C`.
@Suite("true and false")
struct TrueAndFalseTests {
  static let cases: [ToolCase] = [
    ToolCase(
      "true", [],
      stdout: ""),
    ToolCase(
      "false", [],
      stdout: "",
      status: 1),
  ]

  @Test(arguments: cases)
  func matchesGNU(_ tool: ToolCase) {
    #expect(tool.run() == tool.expected)
  }
}
