import Foundation

/// `printf FORMAT [ARG…]`, as bash's builtin: `%s`, `%d`, `%i`, `%u`,
/// `%x`, `%X`, `%o`, `%c`, `%f`, `%e`, `%g`, `%b`, `%q` and `%%`, with
/// flags, width and precision; the format repeats while arguments remain.
package enum PrintfTool {
  private struct Specification {
    var flags = ""
    var width: Int?
    var precision: Int?
    var conversion: Character = "s"
  }

  package static func run(
    _ arguments: [String], stdin: String, files: FileAccess
  ) -> CommandResult {
    var arguments = arguments[...]
    if arguments.first == "--" { arguments = arguments.dropFirst() }
    guard let format = arguments.first else {
      return .failure("printf: usage: printf [-v var] format [arguments]", exitCode: 2)
    }
    var remaining = Array(arguments.dropFirst())[...]
    var result = CommandResult()
    repeat {
      let before = remaining.count
      let stop = render(Array(format), &remaining, into: &result)
      if stop || remaining.count == before { break }
    } while !remaining.isEmpty
    result.writesErrorsFirst = true
    return result
  }

  /// Renders the format once, taking arguments as it goes; returns whether
  /// `\c` stopped all output.
  private static func render(
    _ format: [Character], _ arguments: inout ArraySlice<String>, into result: inout CommandResult
  ) -> Bool {
    var index = 0
    var literal = ""
    func flush(_ result: inout CommandResult) -> Bool {
      let decoded = EscapeSequences.decode(literal, octalNeedsZero: false)
      result.stdout += decoded.text
      literal = ""
      return decoded.stopsOutput
    }
    while index < format.count {
      let character = format[index]
      guard character == "%", index + 1 < format.count else {
        literal.append(character)
        index += 1
        continue
      }
      if format[index + 1] == "%" {
        literal.append("%")
        index += 2
        continue
      }
      if flush(&result) { return true }
      var specification = Specification()
      index += 1
      while index < format.count, "-+ #0".contains(format[index]) {
        specification.flags.append(format[index])
        index += 1
      }
      specification.width = number(format, &index, &arguments, &result)
      if index < format.count, format[index] == "." {
        index += 1
        specification.precision = number(format, &index, &arguments, &result) ?? 0
      }
      guard index < format.count else {
        result.stderr +=
          "kubetutor: printf: `\(String(format[(index - 1)...]))': missing format character\n"
        result.exitCode = 1
        return true
      }
      specification.conversion = format[index]
      index += 1
      let argument = arguments.popFirst()
      if convert(specification, argument, into: &result) { return true }
    }
    return flush(&result)
  }

  /// A width or precision: digits, or `*` taking an argument.
  private static func number(
    _ format: [Character], _ index: inout Int, _ arguments: inout ArraySlice<String>,
    _ result: inout CommandResult
  ) -> Int? {
    if index < format.count, format[index] == "*" {
      index += 1
      return integer(arguments.popFirst(), &result)
    }
    var digits = ""
    while index < format.count, format[index].isASCII, format[index].isNumber {
      digits.append(format[index])
      index += 1
    }
    return Int(digits)
  }

  /// The integer an argument spells, as bash reads it: `'c` is a character
  /// code; anything else non-numeric is an error and counts as 0.
  private static func integer(_ argument: String?, _ result: inout CommandResult) -> Int {
    guard let argument, !argument.isEmpty else { return 0 }
    if argument.hasPrefix("'") || argument.hasPrefix("\"") {
      return Int(argument.dropFirst().unicodeScalars.first?.value ?? 0)
    }
    let trimmed = argument.trimmingWhitespace
    if let value = Int(trimmed) { return value }
    let lower = trimmed.lowercased()
    if lower.hasPrefix("0x"), let value = Int(lower.dropFirst(2), radix: 16) { return value }
    if lower.count > 1, lower.hasPrefix("0"), let value = Int(lower.dropFirst(), radix: 8) {
      return value
    }
    result.stderr += "kubetutor: printf: \(argument): invalid number\n"
    result.exitCode = 1
    return Int(trimmed.prefix { $0.isNumber || $0 == "-" }) ?? 0
  }

  private static func floatingPoint(_ argument: String?, _ result: inout CommandResult) -> Double {
    guard let argument, !argument.isEmpty else { return 0 }
    if let value = Double(argument.trimmingWhitespace) { return value }
    result.stderr += "kubetutor: printf: \(argument): invalid number\n"
    result.exitCode = 1
    return 0
  }

  /// Appends one conversion; returns whether `%b` met `\c`.
  private static func convert(
    _ specification: Specification, _ argument: String?, into result: inout CommandResult
  ) -> Bool {
    let flags = specification.flags
    let width = specification.width.map(String.init) ?? ""
    let precision = specification.precision.map { ".\($0)" } ?? ""
    switch specification.conversion {
    case "d", "i":
      let value = integer(argument, &result)
      result.stdout += String(format: "%\(flags)\(width)\(precision)ld", value)
    case "u", "x", "X", "o":
      let value = integer(argument, &result)
      result.stdout += String(
        format: "%\(flags)\(width)\(precision)l\(specification.conversion)", value)
    case "f", "F", "e", "E", "g", "G":
      let value = floatingPoint(argument, &result)
      result.stdout += String(
        format: "%\(flags)\(width)\(precision)\(specification.conversion)", value)
    case "c":
      result.stdout += pad(String((argument ?? "").prefix(1)), specification)
    case "s":
      var text = argument ?? ""
      if let limit = specification.precision { text = String(text.prefix(limit)) }
      result.stdout += pad(text, specification)
    case "b":
      let decoded = EscapeSequences.decode(argument ?? "", octalNeedsZero: true)
      result.stdout += pad(decoded.text, specification)
      return decoded.stopsOutput
    case "q":
      result.stdout += pad(quote(argument ?? ""), specification)
    default:
      result.stderr +=
        "kubetutor: printf: `\(specification.conversion)': invalid format character\n"
      result.exitCode = 1
      return true
    }
    return false
  }

  private static func pad(_ text: String, _ specification: Specification) -> String {
    let missing = (specification.width ?? 0) - text.count
    guard missing > 0 else { return text }
    let padding = String(repeating: " ", count: missing)
    return specification.flags.contains("-") ? text + padding : padding + text
  }

  /// Quotes text for reuse as shell input, as `%q` does.
  static func quote(_ text: String) -> String {
    guard !text.isEmpty else { return "''" }
    var quoted = ""
    for character in text {
      if character.isLetter || character.isNumber || "@%_+=:,./-".contains(character) {
        quoted.append(character)
      } else if character == "\n" {
        return "$'"
          + text.replacingOccurrences(of: "\\", with: "\\\\")
          .replacingOccurrences(of: "'", with: "\\'").replacingOccurrences(of: "\n", with: "\\n")
          + "'"
      } else {
        quoted += "\\" + String(character)
      }
    }
    return quoted
  }
}
