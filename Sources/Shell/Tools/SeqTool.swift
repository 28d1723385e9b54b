import Foundation

/// `seq [-s SEP] [-w] [FIRST [INCREMENT]] LAST`: a sequence of numbers.
///
/// One number a line; negative numbers are operands, not options.
package enum SeqTool {
  package static func run(
    _ arguments: [String], stdin: String, files: FileAccess
  ) -> CommandResult {
    var separator = "\n"
    var equalWidth = false
    var operands: [String] = []
    var index = 0
    let options = ToolOptions(tool: "seq", options: [])
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if argument == "--" {
        operands += arguments[index...]
        break
      }
      let looksNumeric = argument.dropFirst().first.map { $0.isNumber || $0 == "." } ?? false
      guard argument.hasPrefix("-"), argument.count > 1, !looksNumeric else {
        operands.append(argument)
        continue
      }
      switch argument {
      case "-w", "--equal-width":
        equalWidth = true
      case "-s", "--separator":
        guard index < arguments.count else {
          return options.usageError("option requires an argument -- 's'")
        }
        separator = arguments[index]
        index += 1
      case _ where argument.hasPrefix("-s"):
        separator = String(argument.dropFirst(2))
      case _ where argument.hasPrefix("--separator="):
        separator = String(argument.dropFirst("--separator=".count))
      case "-f", "--format":
        return .failure("kubetutor: seq: option \(argument) not supported here")
      default:
        return options.usageError("invalid option -- '\(argument.dropFirst().prefix(1))'")
      }
    }
    guard !operands.isEmpty else { return options.usageError("missing operand") }
    guard operands.count <= 3 else { return options.usageError("extra operand '\(operands[3])'") }
    var numbers: [Double] = []
    for operand in operands {
      guard let value = Double(operand) else {
        return options.usageError("invalid floating point argument: '\(operand)'")
      }
      numbers.append(value)
    }
    let first = numbers.count > 1 ? numbers[0] : 1
    let step = numbers.count == 3 ? numbers[1] : 1
    let last = numbers[numbers.count - 1]
    guard step != 0 else {
      return options.usageError("invalid Zero increment value: '\(operands[1])'")
    }
    let decimals =
      operands.map { operand in
        operand.firstIndex(of: ".").map { operand.distance(from: $0, to: operand.endIndex) - 1 }
          ?? 0
      }.max() ?? 0
    func render(_ value: Double) -> String {
      decimals == 0 && abs(value) < 1e18
        ? String(Int(value.rounded())) : String(format: "%.\(decimals)f", value)
    }
    var values: [String] = []
    var count = 0
    var previous: Double?
    while count <= 1_000_000 {
      let value = first + Double(count) * step
      if step > 0 ? value > last + 1e-9 : value < last - 1e-9 { break }
      // Past 2^53 a step of 1 no longer changes the value.
      if value == previous { break }
      values.append(render(value))
      previous = value
      count += 1
    }
    if equalWidth {
      let width = values.map(\.count).max() ?? 0
      values = values.map { value in
        let negative = value.hasPrefix("-")
        let digits = negative ? String(value.dropFirst()) : value
        return (negative ? "-" : "") + String(repeating: "0", count: max(0, width - value.count))
          + digits
      }
    }
    guard !values.isEmpty else { return CommandResult() }
    return CommandResult(stdout: values.joined(separator: separator) + "\n")
  }
}
