import Foundation

/// The builtins that change the shell itself, so the host never sees them.
extension ShellInterpreter {
  /// The names `runBuiltin` handles.
  package static let builtinNames: Set<String> = [
    ":", "cd", "pwd", "export", "unset", "exit", "break", "continue", "read", "eval", "source", ".",
    "tee", "xargs",
  ]

  /// Runs a builtin, or returns `nil` when `argv` names none.
  mutating func runBuiltin(_ argv: [String], _ io: ShellIO) throws -> CommandResult? {
    guard let name = argv.first else { return nil }
    let arguments = Array(argv.dropFirst())
    switch name {
    case ":": return CommandResult()
    case "cd": return changeDirectory(arguments)
    case "pwd": return CommandResult(stdout: context.workingDirectory.path + "\n")
    case "export": return export(arguments)
    case "unset":
      for variable in arguments where !variable.hasPrefix("-") {
        context.variables[variable] = nil
        context.exportedNames.remove(variable)
      }
      return CommandResult()
    case "exit":
      guard let argument = arguments.first else { throw ControlFlow.exit(context.lastExitStatus) }
      guard let code = Int(argument) else {
        io.stderr.write("kubetutor: exit: \(argument): numeric argument required\n")
        throw ControlFlow.exit(2)
      }
      throw ControlFlow.exit(Int32(truncatingIfNeeded: code & 0xFF))
    case "break", "continue":
      guard loopDepth > 0 else {
        return .failure(
          "kubetutor: \(name): only meaningful in a `for', `while', or `until' loop", exitCode: 0)
      }
      let levels = arguments.first.flatMap { Int($0) } ?? 1
      guard levels > 0 else {
        return .failure("kubetutor: \(name): \(arguments[0]): loop count out of range")
      }
      let capped = min(levels, loopDepth)
      throw name == "break" ? ControlFlow.breakLoop(capped) : ControlFlow.continueLoop(capped)
    case "read": return read(arguments, io)
    case "eval": return try evaluate(arguments.joined(separator: " "), io)
    case "source", ".":
      guard let path = arguments.first else {
        return .failure("kubetutor: \(name): filename argument required", exitCode: 2)
      }
      do {
        return try evaluate(try context.readFile(path), io)
      } catch let error as FileAccessError {
        return .failure("kubetutor: \(path): \(error)")
      }
    case "tee": return tee(arguments, io)
    case "xargs": return try xargs(arguments, io)
    default: return nil
    }
  }

  private mutating func changeDirectory(_ arguments: [String]) -> CommandResult {
    guard arguments.count <= 1 else { return .failure("kubetutor: cd: too many arguments") }
    let path = arguments.first ?? context.rootDirectory.path
    let url: URL
    do {
      url = try context.resolve(path)
    } catch {
      return .failure("kubetutor: cd: \(path): \(error)")
    }
    switch context.kind(of: path) {
    case nil: return .failure("kubetutor: cd: \(path): No such file or directory")
    case .file: return .failure("kubetutor: cd: \(path): Not a directory")
    case .directory: break
    }
    context.workingDirectory = url
    if context.variables["PWD"] != nil {
      context.variables["PWD"] = url.path
    }
    return CommandResult()
  }

  private mutating func export(_ arguments: [String]) -> CommandResult {
    var result = CommandResult()
    var unexport = false
    let names = arguments.filter { argument in
      if argument == "-n" { unexport = true }
      return !argument.hasPrefix("-")
    }
    if names.isEmpty {
      result.stdout = context.environment.sorted { $0.key < $1.key }
        .map { "declare -x \($0.key)=\"\($0.value)\"\n" }.joined()
      return result
    }
    for argument in names {
      let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
      guard Assignment.isValidName(name) else {
        result.stderr += "kubetutor: export: `\(argument)': not a valid identifier\n"
        result.exitCode = 1
        continue
      }
      if let equals = argument.firstIndex(of: "=") {
        context.variables[name] = String(argument[argument.index(after: equals)...])
      }
      if unexport {
        context.exportedNames.remove(name)
      } else {
        context.exportedNames.insert(name)
      }
    }
    return result
  }

  /// `read [-r] [-p PROMPT] [NAME…]`: one line of input into variables.
  private mutating func read(_ arguments: [String], _ io: ShellIO) -> CommandResult {
    var names: [String] = []
    var raw = false
    var prompt = ""
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if argument == "-r" {
        raw = true
      } else if argument == "-p", index + 1 < arguments.count {
        index += 1
        prompt = arguments[index]
      } else if argument.hasPrefix("-") && argument.count > 1 {
        return .failure("kubetutor: read: \(argument): invalid option", exitCode: 2)
      } else {
        names.append(argument)
      }
      index += 1
    }
    if names.isEmpty { names = ["REPLY"] }
    io.stderr.write(prompt)
    guard var line = io.stdin.readLine() else {
      for name in names { context.variables[name] = "" }
      return CommandResult(exitCode: 1)
    }
    if !raw {
      var unescaped = ""
      var escaped = false
      for character in line {
        if character == "\\" && !escaped {
          escaped = true
          continue
        }
        escaped = false
        unescaped.append(character)
      }
      line = unescaped
    }
    if names == ["REPLY"] {
      context.variables["REPLY"] = line
      return CommandResult()
    }
    var rest = Substring(line.trimmingWhitespace)
    for (position, name) in names.enumerated() {
      if position == names.count - 1 {
        context.variables[name] = String(rest)
      } else {
        let end = rest.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? rest.endIndex
        context.variables[name] = String(rest[..<end])
        rest = rest[end...].drop { $0 == " " || $0 == "\t" }
      }
    }
    return CommandResult()
  }

  /// Parses and runs text with the current streams, for `eval` and `source`.
  private mutating func evaluate(_ source: String, _ io: ShellIO) throws -> CommandResult {
    do {
      let list = try ShellParser.parse(source)
      return CommandResult(exitCode: try execute(list, io))
    } catch let error as ShellSyntaxError {
      return .failure("kubetutor: \(error)", exitCode: 2)
    }
  }

  /// `tee [-a] FILE…`: copies input to files and to standard output.
  private mutating func tee(_ arguments: [String], _ io: ShellIO) -> CommandResult {
    let append = arguments.contains("-a")
    let input = io.stdin.text
    var result = CommandResult(stdout: input)
    for path in arguments where !path.hasPrefix("-") {
      var opened: [OutputChannel] = []
      do {
        let redirection = Redirection.file(
          fd: 1, mode: append ? .append : .write, target: .literal(path))
        let target = try applyRedirections([redirection], io, opened: &opened)
        target.stdout.write(input)
      } catch let failure as ShellFailure {
        result.stderr += "tee: \(failure.message)\n"
        result.exitCode = 1
      } catch {
        result.exitCode = 1
      }
      opened.forEach { $0.close() }
    }
    return result
  }

  /// `xargs [-n N] [-I REPLACE] [-r] [COMMAND [ARGS…]]`: runs a command
  /// with words of the input as more arguments.
  private mutating func xargs(_ arguments: [String], _ io: ShellIO) throws -> CommandResult {
    var perCall = Int.max
    var replace: String?
    var index = 0
    while index < arguments.count, arguments[index].hasPrefix("-"), arguments[index] != "-" {
      let option = arguments[index]
      switch option {
      case "-r", "--no-run-if-empty":
        break
      case "-n", "-I":
        guard index + 1 < arguments.count else {
          return .failure("xargs: option requires an argument -- '\(option.dropFirst())'")
        }
        index += 1
        if option == "-n" {
          guard let count = Int(arguments[index]), count > 0 else {
            return .failure("xargs: invalid number \"\(arguments[index])\" for -n option")
          }
          perCall = count
        } else {
          replace = arguments[index]
        }
      default:
        if option.hasPrefix("-n"), let count = Int(option.dropFirst(2)), count > 0 {
          perCall = count
        } else if option.hasPrefix("-I") {
          replace = String(option.dropFirst(2))
        } else {
          return .failure("kubetutor: xargs: option \(option) not supported here")
        }
      }
      index += 1
    }
    let command = arguments.count > index ? Array(arguments[index...]) : ["echo"]
    let input = io.stdin.text
    var calls: [[String]] = []
    if let replace {
      for line in input.split(separator: "\n") where !line.trimmingWhitespace.isEmpty {
        let item = line.trimmingWhitespace
        calls.append(command.map { $0.replacingOccurrences(of: replace, with: item) })
      }
    } else {
      let words = input.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(
        String.init)
      var start = 0
      while start < words.count {
        let end = min(words.count, start + perCall)
        calls.append(command + words[start..<end])
        start = end
      }
    }
    var failed = false
    let empty = ShellIO(stdin: InputSource(""), stdout: io.stdout, stderr: io.stderr)
    for argv in calls {
      let result = try dispatch(argv, empty)
      io.stdout.write(result.stdout)
      io.stderr.write(result.stderr)
      commandFinished(argv, result.exitCode)
      if result.exitCode != 0 { failed = true }
    }
    return CommandResult(exitCode: failed ? 123 : 0)
  }
}
