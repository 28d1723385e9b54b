import Shell
import Testing

/// Cases checked against GNU coreutils 9.1, grep 3.8, mawk 1.3.4 and bash
/// 5.2 builtins on Debian 12 with `LC_ALL=C`.
@Suite("base64")
struct Base64Tests {
  static let cases: [ToolCase] = [
    ToolCase(
      "base64", [],
      stdin: "hello\n",
      stdout: "aGVsbG8K\n"),
    ToolCase(
      "base64", [],
      stdin: "a longer string that will need to wrap past seventy six columns for sure yes",
      stdout:
        "YSBsb25nZXIgc3RyaW5nIHRoYXQgd2lsbCBuZWVkIHRvIHdyYXAgcGFzdCBzZXZlbnR5IHNpeCBj\nb2x1bW5zIGZvciBzdXJlIHllcw==\n"
    ),
    ToolCase(
      "base64", ["-w", "0"],
      stdin: "a longer string that will need to wrap past seventy six columns for sure yes",
      stdout:
        "YSBsb25nZXIgc3RyaW5nIHRoYXQgd2lsbCBuZWVkIHRvIHdyYXAgcGFzdCBzZXZlbnR5IHNpeCBjb2x1bW5zIGZvciBzdXJlIHllcw=="
    ),
    ToolCase(
      "base64", ["-w", "10"],
      stdin: "hello world",
      stdout: "aGVsbG8gd2\n9ybGQ=\n"),
    ToolCase(
      "base64", ["-d"],
      stdin: "aGVsbG8=\n",
      stdout: "hello"),
    ToolCase(
      "base64", ["--decode"],
      stdin: "aGVs\nbG8=\n",
      stdout: "hello"),
    ToolCase(
      "base64", ["-d"],
      stdin: "!!!\n",
      stdout: "",
      stderr: "base64: invalid input\n",
      status: 1),
    ToolCase(
      "base64", [],
      stdout: ""),
  ]

  @Test(arguments: cases)
  func matchesGNU(_ tool: ToolCase) {
    #expect(tool.run() == tool.expected)
  }
}
