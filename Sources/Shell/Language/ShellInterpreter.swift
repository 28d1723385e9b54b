/// Runs parsed shell input: lists, pipelines, loops, redirections and
/// expansions, with builtins for the commands that change the shell
/// (`cd`, `export`, `read`, `exit`, …) and a host for everything else.
///
/// Output is streamed: each command's standard output and error reach
/// `output` as soon as the command finishes, unless a pipe, `$(…)` or a
/// redirection takes them. After every command (builtins and commands in
/// `$(…)` included) `commandFinished` runs, so the caller can check goals.
///
/// ```swift
/// var shell = ShellInterpreter(
///   context: ShellContext(workingDirectory: lessonFolder),
///   host: CommandTable.standard,
///   output: { stream, text in stream == .stdout ? print(text, terminator: "") : … })
/// shell.run("POD=$(echo web-1); echo pod is $POD")
/// ```
package struct ShellInterpreter {
  package var context: ShellContext
  package var host: any ShellCommandHost
  /// Receives output as it is produced.
  package var output: (ShellStream, String) -> Void
  /// Called after each command with its expanded words and exit status.
  package var commandFinished: (_ argv: [String], _ exitCode: Int32) -> Void = { _, _ in }
  /// Polled before each command and loop iteration; returning `true` stops
  /// the run with status 130, as Ctrl-C does.
  package var isInterrupted: () -> Bool = { false }
  /// A loop stops with an error after this many iterations.
  package var maximumLoopIterations = 10_000
  /// The status passed to `exit`, once the input asked the shell to end.
  package private(set) var exitRequested: Int32?

  /// The exit status of the last command substitution of the command
  /// being expanded; `A=$(false)` returns it.
  var substitutionStatus: Int32?
  /// How many loops enclose the running command, for `break`.
  var loopDepth = 0

  package init(
    context: ShellContext, host: any ShellCommandHost,
    output: @escaping (ShellStream, String) -> Void
  ) {
    self.context = context
    self.host = host
    self.output = output
  }

  /// Parses and runs one complete input, returning its exit status.
  ///
  /// A syntax error prints `kubetutor: syntax error …` and returns 2.
  /// A here-document cut short by the end of the input runs with what it
  /// has, after bash's warning.
  @discardableResult
  package mutating func run(_ source: String) -> Int32 {
    let text = source.hasSuffix("\n") ? source : source + "\n"
    do {
      let (list, warnings) = try ShellParser.parseScript(text)
      for warning in warnings {
        output(.stderr, "kubetutor: \(warning)\n")
      }
      return run(list)
    } catch {
      output(.stderr, "kubetutor: \(error)\n")
      context.lastExitStatus = 2
      return 2
    }
  }

  /// Runs a parsed list, returning its exit status.
  @discardableResult
  package mutating func run(_ list: CommandList) -> Int32 {
    let io = ShellIO(
      stdin: InputSource(""), stdout: .sink(.stdout, output), stderr: .sink(.stderr, output))
    let status: Int32
    do {
      status = try execute(list, io)
    } catch ControlFlow.exit(let code) {
      exitRequested = code
      status = code
    } catch ControlFlow.interrupted {
      status = 130
    } catch ControlFlow.abort(let code) {
      status = code
    } catch {
      status = context.lastExitStatus
    }
    context.lastExitStatus = status
    return status
  }

  // MARK: Lists and pipelines

  mutating func execute(_ list: CommandList, _ io: ShellIO) throws -> Int32 {
    var status: Int32 = 0
    for item in list.items {
      guard item.isBackground else {
        status = try execute(item.andOr, io)
        continue
      }
      // `COMMAND &`: commands finish before the next runs; the long-running
      // ones (kubectl proxy, port-forward) read this to keep serving.
      context.runsInBackground = true
      defer { context.runsInBackground = false }
      _ = try execute(item.andOr, io)
      status = 0
      context.lastExitStatus = 0
    }
    return status
  }

  mutating func execute(_ andOr: AndOrList, _ io: ShellIO) throws -> Int32 {
    var status = try execute(andOr.first, io)
    for link in andOr.rest {
      switch link.connective {
      case .and where status != 0, .or where status == 0:
        continue
      case .and, .or:
        status = try execute(link.pipeline, io)
      }
    }
    return status
  }

  mutating func execute(_ pipeline: Pipeline, _ io: ShellIO) throws -> Int32 {
    var status: Int32
    if pipeline.commands.count == 1, let only = pipeline.commands.first {
      status = try execute(only, io)
    } else {
      status = 0
      var input = io.stdin
      for (index, command) in pipeline.commands.enumerated() {
        let isLast = index == pipeline.commands.count - 1
        let stdout = isLast ? io.stdout : OutputChannel.buffer()
        // Each element of a pipeline runs in a subshell, as in bash.
        status = try inSubshell {
          try $0.execute(command, ShellIO(stdin: input, stdout: stdout, stderr: io.stderr))
        }
        input = InputSource(stdout.text)
      }
    }
    if pipeline.isNegated {
      status = status == 0 ? 1 : 0
    }
    context.lastExitStatus = status
    return status
  }

  /// Runs `body` on a copy of the shell state that is thrown away after,
  /// except for `$?`; `exit` ends only the subshell.
  mutating func inSubshell(_ body: (inout ShellInterpreter) throws -> Int32) throws -> Int32 {
    let savedContext = context
    let savedDepth = loopDepth
    defer {
      let status = context.lastExitStatus
      context = savedContext
      context.lastExitStatus = status
      loopDepth = savedDepth
    }
    do {
      let status = try body(&self)
      context.lastExitStatus = status
      return status
    } catch ControlFlow.exit(let code) {
      context.lastExitStatus = code
      return code
    } catch ControlFlow.abort(let code) {
      context.lastExitStatus = code
      return code
    }
  }

  // MARK: Commands

  mutating func execute(_ node: CommandNode, _ io: ShellIO) throws -> Int32 {
    switch node {
    case .simple(let command):
      return try execute(command, io)
    case .forLoop(let loop):
      return try execute(loop, io)
    case .whileLoop(let loop):
      return try execute(loop, io)
    case .ifClause(let clause):
      for branch in clause.branches where try execute(branch.condition, io) == 0 {
        return try execute(branch.body, io)
      }
      guard let elseBody = clause.elseBody else { return 0 }
      return try execute(elseBody, io)
    case .braceGroup(let list):
      return try execute(list, io)
    case .subshell(let list):
      return try inSubshell { try $0.execute(list, io) }
    case .redirected(let inner, let redirections):
      var opened: [OutputChannel] = []
      defer { opened.forEach { $0.close() } }
      let redirected: ShellIO
      do {
        redirected = try applyRedirections(redirections, io, opened: &opened)
      } catch let failure as ShellFailure {
        return try fail(failure, io)
      }
      return try execute(inner, redirected)
    }
  }

  /// Prints a shell failure and sets `$?` to 1; a fatal one also ends
  /// the input.
  mutating func fail(_ failure: ShellFailure, _ io: ShellIO) throws -> Int32 {
    io.stderr.write("kubetutor: \(failure.message)\n")
    context.lastExitStatus = 1
    if failure.isFatal { throw ControlFlow.abort(1) }
    return 1
  }

  mutating func checkInterrupted() throws {
    if isInterrupted() { throw ControlFlow.interrupted }
  }

  /// Runs a loop body once, turning `break` and `continue` into whether
  /// the loop goes on.
  mutating func runLoopBody(_ body: CommandList, _ io: ShellIO, status: inout Int32) throws -> Bool
  {
    do {
      status = try execute(body, io)
    } catch ControlFlow.breakLoop(let levels) {
      if levels > 1 { throw ControlFlow.breakLoop(levels - 1) }
      return false
    } catch ControlFlow.continueLoop(let levels) {
      if levels > 1 { throw ControlFlow.continueLoop(levels - 1) }
    }
    return true
  }

  mutating func execute(_ loop: ForLoop, _ io: ShellIO) throws -> Int32 {
    let values: [String]
    if let words = loop.words {
      do {
        values = try expandWords(words, io)
      } catch let failure as ShellFailure {
        return try fail(failure, io)
      }
    } else {
      values = context.positionalParameters
    }
    loopDepth += 1
    defer { loopDepth -= 1 }
    var status: Int32 = 0
    for value in values {
      try checkInterrupted()
      context.variables[loop.variable] = value
      guard try runLoopBody(loop.body, io, status: &status) else { break }
    }
    return status
  }

  mutating func execute(_ loop: WhileLoop, _ io: ShellIO) throws -> Int32 {
    loopDepth += 1
    defer { loopDepth -= 1 }
    var status: Int32 = 0
    var iterations = 0
    while true {
      try checkInterrupted()
      let condition = try execute(loop.condition, io)
      guard (condition == 0) != loop.isUntil else { break }
      iterations += 1
      guard iterations <= maximumLoopIterations else {
        io.stderr.write("kubetutor: loop stopped after \(maximumLoopIterations) iterations\n")
        return 1
      }
      guard try runLoopBody(loop.body, io, status: &status) else { break }
    }
    return status
  }

  /// Builtins whose `NAME=value` arguments are expanded like assignments,
  /// without field splitting.
  private static let declarationBuiltins: Set<String> = ["export", "readonly", "local", "declare"]

  mutating func execute(_ command: SimpleCommand, _ io: ShellIO) throws -> Int32 {
    try checkInterrupted()
    substitutionStatus = nil
    var argv: [String]
    var assignments: [(name: String, value: String)] = []
    do {
      if let name = command.words.first?.plainText, Self.declarationBuiltins.contains(name) {
        argv = [name]
        for word in command.words.dropFirst() {
          if let assignment = Assignment.split(word) {
            argv.append(assignment.name + "=" + (try expandString(assignment.value, io)))
          } else {
            argv += try expandWords([word], io)
          }
        }
      } else {
        argv = try expandWords(command.words, io)
      }
      for assignment in command.assignments {
        assignments.append((assignment.name, try expandString(assignment.value, io)))
      }
    } catch let failure as ShellFailure {
      return try fail(failure, io)
    }

    var opened: [OutputChannel] = []
    defer { opened.forEach { $0.close() } }
    let redirected: ShellIO
    do {
      redirected = try applyRedirections(command.redirections, io, opened: &opened)
    } catch let failure as ShellFailure {
      return try fail(failure, io)
    }

    guard !argv.isEmpty else {
      for assignment in assignments {
        context.variables[assignment.name] = assignment.value
      }
      let status = substitutionStatus ?? 0
      context.lastExitStatus = status
      return status
    }

    var saved: [(name: String, value: String?, exported: Bool)] = []
    for assignment in assignments {
      saved.append(
        (
          assignment.name, context.variables[assignment.name],
          context.exportedNames.contains(assignment.name)
        ))
      context.variables[assignment.name] = assignment.value
      context.exportedNames.insert(assignment.name)
    }
    let result = try dispatch(argv, redirected)
    for entry in saved.reversed() {
      context.variables[entry.name] = entry.value
      if !entry.exported { context.exportedNames.remove(entry.name) }
    }
    if !result.ordered.isEmpty {
      for chunk in result.ordered {
        if chunk.isError { redirected.stderr.write(chunk.text) } else { redirected.stdout.write(chunk.text) }
      }
    } else if result.writesErrorsFirst {
      redirected.stderr.write(result.stderr)
      redirected.stdout.write(result.stdout)
    } else {
      redirected.stdout.write(result.stdout)
      redirected.stderr.write(result.stderr)
    }
    context.lastExitStatus = result.exitCode
    commandFinished(argv, result.exitCode)
    return result.exitCode
  }

  /// Runs one expanded command: a builtin, or the host.
  mutating func dispatch(_ argv: [String], _ io: ShellIO) throws -> CommandResult {
    if let result = try runBuiltin(argv, io) {
      return result
    }
    return host.run(argv, stdin: io.stdin.text, context: &context)
  }
}
