import Shell
import Testing

/// Cases checked against GNU coreutils 9.1, grep 3.8, mawk 1.3.4 and bash
/// 5.2 builtins on Debian 12 with `LC_ALL=C`.
@Suite("wc")
struct WordCountTests {
  static let cases: [ToolCase] = [
    ToolCase(
      "wc", ["-l"],
      stdin:
        "NAME READY STATUS RESTARTS AGE\nweb-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 1m\napi-1 1/1 Running 3 10m\n",
      stdout: "4\n"),
    ToolCase(
      "wc", ["-w"],
      stdin:
        "NAME READY STATUS RESTARTS AGE\nweb-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 1m\napi-1 1/1 Running 3 10m\n",
      stdout: "20\n"),
    ToolCase(
      "wc", [],
      stdin:
        "NAME READY STATUS RESTARTS AGE\nweb-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 1m\napi-1 1/1 Running 3 10m\n",
      stdout: "      4      20     101\n"),
    ToolCase(
      "wc", ["-l", "pods.txt"],
      stdout: "4 pods.txt\n"),
    ToolCase(
      "wc", ["pods.txt"],
      stdout: "  4  20 101 pods.txt\n"),
    ToolCase(
      "wc", ["-lc", "pods.txt"],
      stdout: "  4 101 pods.txt\n"),
    ToolCase(
      "wc", ["-l", "pods.txt", "m/a.yaml"],
      stdout: "  4 pods.txt\n  1 m/a.yaml\n  5 total\n"),
    ToolCase(
      "wc", ["-L"],
      stdin: "ab\nabcd\n",
      stdout: "4\n"),
    ToolCase(
      "wc", ["-l"],
      stdin: "no newline",
      stdout: "0\n"),
    ToolCase(
      "wc", ["nofile"],
      stdout: "",
      stderr: "wc: nofile: No such file or directory\n",
      status: 1),
  ]

  @Test(arguments: cases)
  func matchesGNU(_ tool: ToolCase) {
    #expect(tool.run() == tool.expected)
  }
}
