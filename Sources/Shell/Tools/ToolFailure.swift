/// A tool's usage error, carrying the output the tool ends with.
struct ToolFailure: Error {
  var result: CommandResult

  init(_ result: CommandResult) {
    self.result = result
  }
}
