/// A text tool as a pure function: its arguments (without its name), its
/// standard input and read access to files.
package typealias TextTool = (_ arguments: [String], _ stdin: String, _ files: FileAccess) ->
  CommandResult

/// The text tools tutorials pipe kubectl output through, by command name.
package enum TextTools {
  /// Every tool, keyed by the name the learner types.
  package static var all: [String: TextTool] {
    [
      "awk": AwkTool.run,
      "base64": Base64Tool.run,
      "cat": CatTool.run,
      "cut": CutTool.run,
      "echo": EchoTool.run,
      "false": { _, _, _ in CommandResult(exitCode: 1) },
      "grep": GrepTool.run,
      "head": HeadTool.run,
      "printf": PrintfTool.run,
      "seq": SeqTool.run,
      "sort": SortTool.run,
      "tail": TailTool.run,
      "test": { arguments, _, files in TestTool.run(arguments, files: files, bracket: false) },
      "[": { arguments, _, files in TestTool.run(arguments, files: files, bracket: true) },
      "tr": TranslateTool.run,
      "true": { _, _, _ in CommandResult() },
      "uniq": UniqTool.run,
      "wc": WordCountTool.run,
    ]
  }
}
