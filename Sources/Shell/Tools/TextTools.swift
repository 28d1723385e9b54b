/// A text tool as a pure function: its arguments (without its name), its
/// standard input and read access to files.
package typealias TextTool = (_ arguments: [String], _ stdin: String, _ files: FileAccess) ->
  CommandResult

/// The text tools tutorials pipe kubectl output through, by command name.
package enum TextTools {
  /// Every tool, keyed by the name the learner types.
  package static var all: [String: TextTool] {
    [
      "awk": Awk.run,
      "base64": Base64Tool.run,
      "cat": Cat.run,
      "cut": Cut.run,
      "echo": Echo.run,
      "false": { _, _, _ in CommandResult(exitCode: 1) },
      "grep": Grep.run,
      "head": Head.run,
      "printf": Printf.run,
      "seq": Seq.run,
      "sort": Sort.run,
      "tail": Tail.run,
      "test": { arguments, _, files in TestCommand.run(arguments, files: files, bracket: false) },
      "[": { arguments, _, files in TestCommand.run(arguments, files: files, bracket: true) },
      "tr": Translate.run,
      "true": { _, _, _ in CommandResult() },
      "uniq": Uniq.run,
      "wc": WordCount.run,
    ]
  }
}
