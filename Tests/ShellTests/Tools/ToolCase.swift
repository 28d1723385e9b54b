import Shell
import Testing

/// The files every tool case can read.
let toolFiles = FileAccess.files([
  "pods.txt": """
  NAME READY STATUS RESTARTS AGE
  web-1 1/1 Running 0 5m
  web-2 0/1 Pending 0 1m
  api-1 1/1 Running 3 10m

  """,
  "m/a.yaml": "kind: Pod\n",
])

/// One run of a text tool and what it must print.
struct ToolCase: Sendable, CustomTestStringConvertible {
  var tool: String
  var arguments: [String]
  var stdin: String
  var expected: CommandResult

  init(
    _ tool: String, _ arguments: [String], stdin: String = "", stdout: String, stderr: String = "",
    status: Int32 = 0
  ) {
    self.tool = tool
    self.arguments = arguments
    self.stdin = stdin
    expected = CommandResult(stdout: stdout, stderr: stderr, exitCode: status)
  }

  var testDescription: String {
    ([tool] + arguments).map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 }.joined(
      separator: " ")
  }

  /// Runs the tool on `toolFiles`, ignoring output order.
  func run() -> CommandResult {
    guard let function = TextTools.all[tool] else {
      return .failure("no tool \(tool)")
    }
    var result = function(arguments, stdin, toolFiles)
    result.writesErrorsFirst = false
    return result
  }
}
