import Foundation

/// `base64 [-d] [-i] [-w COLS] [FILE]`: encodes, wrapping at 76 columns
/// unless `-w 0`, or decodes.
package enum Base64Tool {
  private static let options = ToolOptions(
    tool: "base64",
    options: [
      ToolOptions.Option("d", "decode"),
      ToolOptions.Option("i", "ignore-garbage"),
      ToolOptions.Option("w", "wrap", value: true),
    ])

  package static func run(
    _ arguments: [String], stdin: String, files: FileAccess
  ) -> CommandResult {
    let parsed: ToolOptions.Parsed
    do {
      parsed = try options.parse(arguments)
    } catch {
      return error.result
    }
    guard parsed.operands.count <= 1 else {
      return options.usageError("extra operand '\(parsed.operands[1])'")
    }
    let source = ToolInput.sources(parsed.operands, stdin: stdin, files: files)[0]
    let text: String
    switch source.text {
    case .success(let value): text = value
    case .failure(let error): return .failure("base64: \(source.name): \(error)")
    }
    if parsed.has("d") {
      var encoded = text.filter { !$0.isWhitespace }
      if parsed.has("i") {
        encoded = encoded.filter {
          $0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0))
        }
      }
      guard let data = Data(base64Encoded: encoded) else {
        return .failure("base64: invalid input")
      }
      return CommandResult(stdout: String(decoding: data, as: UTF8.self))
    }
    var width = 76
    if let value = parsed.last("w") {
      guard let number = Int(value), number >= 0 else {
        return .failure("base64: invalid wrap size: '\(value)'")
      }
      width = number
    }
    let encoded = Data(text.utf8).base64EncodedString()
    guard !encoded.isEmpty else { return CommandResult() }
    guard width > 0 else { return CommandResult(stdout: encoded) }
    var lines: [Substring] = []
    var rest = Substring(encoded)
    while !rest.isEmpty {
      lines.append(rest.prefix(width))
      rest = rest.dropFirst(width)
    }
    return CommandResult(stdout: ToolInput.joined(lines))
  }
}
