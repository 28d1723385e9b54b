/// A `ShellCommandHost` made of closures, one per command name.
///
/// ```swift
/// var table = CommandTable.standard
/// table.register("kubectl") { argv, stdin, context in
///   runKubectl(Array(argv.dropFirst()), stdin)
/// }
/// ```
package struct CommandTable: ShellCommandHost {
  /// Runs one command: `argv` with the command name first.
  package typealias Handler = (_ argv: [String], _ stdin: String, _ context: inout ShellContext) ->
    CommandResult

  package var handlers: [String: Handler]
  /// Runs names with no handler; by default `command not found`.
  package var fallback: Handler

  package init(_ handlers: [String: Handler] = [:], fallback: Handler? = nil) {
    self.handlers = handlers
    self.fallback = fallback ?? { argv, _, _ in .commandNotFound(argv.first ?? "") }
  }

  /// A table holding every text tool in `TextTools.all`.
  package static var standard: CommandTable {
    var table = CommandTable()
    for (name, tool) in TextTools.all {
      table.register(tool: name, tool)
    }
    return table
  }

  /// The names with a handler, sorted; for completion.
  package var commandNames: [String] { handlers.keys.sorted() }

  package mutating func register(_ name: String, _ handler: @escaping Handler) {
    handlers[name] = handler
  }

  /// Registers a text tool, which sees only its arguments, its input and
  /// the files of the working directory.
  package mutating func register(tool name: String, _ tool: @escaping TextTool) {
    handlers[name] = { argv, stdin, context in
      tool(Array(argv.dropFirst()), stdin, context.fileAccess)
    }
  }

  package mutating func run(_ argv: [String], stdin: String, context: inout ShellContext)
    -> CommandResult
  {
    guard let name = argv.first, let handler = handlers[name] else {
      return fallback(argv, stdin, &context)
    }
    return handler(argv, stdin, &context)
  }
}
