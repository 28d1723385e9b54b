import Shell
import Testing

/// Cases checked against GNU coreutils 9.1, grep 3.8, mawk 1.3.4 and bash
/// 5.2 builtins on Debian 12 with `LC_ALL=C`.
@Suite("sort and uniq")
struct SortAndUniqTests {
  static let cases: [ToolCase] = [
    ToolCase(
      "sort", [],
      stdin: "b\na\nC\nb\n",
      stdout: "C\na\nb\nb\n"),
    ToolCase(
      "sort", ["-r"],
      stdin: "b\na\nC\n",
      stdout: "b\na\nC\n"),
    ToolCase(
      "sort", ["-f"],
      stdin: "b\na\nC\n",
      stdout: "a\nb\nC\n"),
    ToolCase(
      "sort", ["-n"],
      stdin: "10\n9\n100\n-1\nx\n",
      stdout: "-1\nx\n9\n10\n100\n"),
    ToolCase(
      "sort", ["-nu"],
      stdin: "10\n9\n10\n",
      stdout: "9\n10\n"),
    ToolCase(
      "sort", ["-u"],
      stdin: "b\na\nb\n",
      stdout: "a\nb\n"),
    ToolCase(
      "sort", ["-k3", "pods.txt"],
      stdout:
        "web-2 0/1 Pending 0 1m\nweb-1 1/1 Running 0 5m\napi-1 1/1 Running 3 10m\nNAME READY STATUS RESTARTS AGE\n"
    ),
    ToolCase(
      "sort", ["-k4,4n", "-r", "pods.txt"],
      stdout:
        "web-2 0/1 Pending 0 1m\nweb-1 1/1 Running 0 5m\nNAME READY STATUS RESTARTS AGE\napi-1 1/1 Running 3 10m\n"
    ),
    ToolCase(
      "sort", ["-k2", "-n"],
      stdin: "b 2\na 10\nc 1\n",
      stdout: "c 1\nb 2\na 10\n"),
    ToolCase(
      "sort", ["-t,", "-k2", "-r"],
      stdin: "x,3\ny,1\nz,2\n",
      stdout: "x,3\nz,2\ny,1\n"),
    ToolCase(
      "sort", ["-t-", "-k2", "pods.txt"],
      stdout:
        "NAME READY STATUS RESTARTS AGE\nweb-1 1/1 Running 0 5m\napi-1 1/1 Running 3 10m\nweb-2 0/1 Pending 0 1m\n"
    ),
    ToolCase(
      "sort", ["-k2,2", "-k1,1r"],
      stdin: "a 1\nb 1\nc 0\n",
      stdout: "c 0\nb 1\na 1\n"),
    ToolCase(
      "sort", ["-h"],
      stdin: "1K\n2M\n512\n1G\n",
      stdout: "512\n1K\n2M\n1G\n"),
    ToolCase(
      "sort", ["-k", "1.2"],
      stdin: "ab\nba\naa\n",
      stdout: "aa\nba\nab\n"),
    ToolCase(
      "sort", ["-t", "ab"],
      stdin: "x\n",
      stdout: "",
      stderr: "sort: multi-character tab 'ab'\n",
      status: 2),
    ToolCase(
      "sort", ["-x"],
      stdout: "",
      stderr: "sort: invalid option -- 'x'\nTry 'sort --help' for more information.\n",
      status: 2),
    ToolCase(
      "uniq", [],
      stdin: "a\na\nb\na\n",
      stdout: "a\nb\na\n"),
    ToolCase(
      "uniq", ["-c"],
      stdin: "a\na\nb\na\n",
      stdout: "      2 a\n      1 b\n      1 a\n"),
    ToolCase(
      "uniq", ["-d"],
      stdin: "a\na\nb\n",
      stdout: "a\n"),
    ToolCase(
      "uniq", ["-u"],
      stdin: "a\na\nb\n",
      stdout: "b\n"),
    ToolCase(
      "uniq", ["-i", "-c"],
      stdin: "a\nA\nb\n",
      stdout: "      2 a\n      1 b\n"),
  ]

  @Test(arguments: cases)
  func matchesGNU(_ tool: ToolCase) {
    #expect(tool.run() == tool.expected)
  }
}
