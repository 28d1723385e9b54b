/// `awk [-F FS] [-v VAR=VALUE]… 'PROGRAM' [FILE | VAR=VALUE]…`: a small awk
/// for tutorial one-liners such as `awk '{print $1}'`,
/// `awk -F: 'NR>1 {print $2}'`, `awk '/web/ {print}'` and
/// `awk '{sum += $3} END {print sum}'`.
///
/// Patterns, actions, fields, `NR`/`NF`/`FS`/`OFS`, arrays, `if`/loops,
/// `print`/`printf` and the string and math builtins are supported;
/// `getline`, output redirection and user functions are not.
package enum AwkTool {
  private static let usage = "usage: awk [-F value] [-v var=value] [--] 'program text' [file ...]"

  package static func run(
    _ arguments: [String], stdin: String, files: FileAccess
  ) -> CommandResult {
    var assignments: [(String, String)] = []
    var separator: String?
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      guard argument.hasPrefix("-"), argument.count > 1 else { break }
      index += 1
      if argument == "--" { break }
      func value(_ option: String) -> String? {
        if argument.count > 2 { return String(argument.dropFirst(2)) }
        guard index < arguments.count else { return nil }
        defer { index += 1 }
        return arguments[index]
      }
      switch argument.dropFirst().first {
      case "F":
        guard let fs = value("F") else {
          return .failure("awk: option requires an argument -- F", exitCode: 2)
        }
        separator = unescape(fs)
      case "v":
        guard let assignment = value("v"), let pair = split(assignment) else {
          return .failure("awk: improper assignment: -v \(arguments[index - 1])", exitCode: 2)
        }
        assignments.append(pair)
      case "f":
        return .failure("kubetutor: awk: option -f not supported here", exitCode: 2)
      default:
        return .failure("awk: not an option: \(argument)", exitCode: 2)
      }
    }
    guard index < arguments.count else { return .failure(usage, exitCode: 2) }
    let source = arguments[index]
    let operands = Array(arguments[(index + 1)...])

    let program: AwkProgram
    do {
      program = try AwkParser.parse(source)
    } catch let error as AwkLexer.SyntaxError {
      return .failure("awk: \(error.description)", exitCode: 2)
    } catch let error as AwkParser.Unsupported {
      return .failure("kubetutor: awk: \(error.what) not supported here", exitCode: 2)
    } catch {
      return .failure("awk: \(error)", exitCode: 2)
    }

    var machine = AwkMachine()
    if let separator { machine.variables["FS"] = .string(separator) }
    for (name, value) in assignments { machine.variables[name] = .strnum(unescape(value)) }
    var result = CommandResult()
    var exitCode: Int32 = 0
    do {
      do {
        for statement in program.begin { try machine.execute(statement) }
        if !program.rules.isEmpty || !program.end.isEmpty {
          try process(
            program, operands: operands, stdin: stdin, files: files, machine: &machine,
            result: &result)
        }
      } catch AwkMachine.Jump.exit(let code) {
        exitCode = code
      }
      do {
        for statement in program.end { try machine.execute(statement) }
      } catch AwkMachine.Jump.exit(let code) {
        exitCode = code
      }
    } catch let error as AwkMachine.RuntimeError {
      result.stdout = machine.output
      result.stderr += "awk: \(error.message)\n"
      result.exitCode = 2
      return result
    } catch let error as AwkParser.Unsupported {
      result.stdout = machine.output
      result.stderr += "kubetutor: awk: \(error.what) not supported here\n"
      result.exitCode = 2
      return result
    } catch {
      exitCode = 2
    }
    result.stdout = machine.output
    if result.exitCode == 0 { result.exitCode = exitCode }
    return result
  }

  /// Reads every input and runs the rules on each record.
  private static func process(
    _ program: AwkProgram, operands: [String], stdin: String, files: FileAccess,
    machine: inout AwkMachine, result: inout CommandResult
  ) throws {
    var inputs: [(name: String, text: String)] = []
    var sawFile = false
    for operand in operands {
      if let (name, value) = split(operand) {
        inputs.append(("=" + name, value))
        continue
      }
      sawFile = true
      if operand == "-" {
        inputs.append(("-", stdin))
        continue
      }
      switch files.read(operand) {
      case .success(let text): inputs.append((operand, text))
      case .failure(let error):
        result.stderr += "awk: cannot open \(operand) (\(error))\n"
        result.exitCode = 2
      }
    }
    if !sawFile { inputs.append(("-", stdin)) }
    var inRange = Array(repeating: false, count: program.rules.count)
    for input in inputs {
      if input.name.hasPrefix("=") {
        machine.variables[String(input.name.dropFirst())] = .strnum(unescape(input.text))
        continue
      }
      machine.variables["FILENAME"] = .string(input.name == "-" ? "" : input.name)
      machine.variables["FNR"] = .number(0)
      for line in ToolInput.lines(input.text) {
        machine.variables["NR"] = .number((machine.variables["NR"]?.number ?? 0) + 1)
        machine.variables["FNR"] = .number((machine.variables["FNR"]?.number ?? 0) + 1)
        try machine.setRecord(String(line))
        do {
          for (number, rule) in program.rules.enumerated() {
            if let rangeEnd = rule.rangeEnd, let pattern = rule.pattern {
              if !inRange[number] {
                guard try machine.evaluate(pattern).isTrue else { continue }
                inRange[number] = true
              }
              if try machine.evaluate(rangeEnd).isTrue { inRange[number] = false }
            } else if let pattern = rule.pattern {
              guard try machine.evaluate(pattern).isTrue else { continue }
            }
            try machine.execute(rule.action ?? .print([]))
          }
        } catch AwkMachine.Jump.next {
          continue
        }
      }
    }
  }

  /// Splits `name=value` when `name` is a valid awk variable name.
  private static func split(_ text: String) -> (String, String)? {
    guard let equals = text.firstIndex(of: "="), Assignment.isValidName(text[..<equals]) else {
      return nil
    }
    return (String(text[..<equals]), String(text[text.index(after: equals)...]))
  }

  /// Decodes the escapes awk applies to `-F` and `-v` values, such as `\t`.
  private static func unescape(_ text: String) -> String {
    guard text.contains("\\") else { return text }
    return EscapeSequences.decode(text, octalNeedsZero: false).text
  }
}
