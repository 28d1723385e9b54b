/// `wc [-l] [-w] [-c] [-m] [-L] [FILE…]`, with GNU's layout: one count
/// for one input prints just the number; otherwise columns are as wide as
/// the total byte size needs (at least 7 for standard input).
package enum WordCountTool {
  private static let options = ToolOptions(
    tool: "wc",
    options: [
      ToolOptions.Option("l", "lines"),
      ToolOptions.Option("w", "words"),
      ToolOptions.Option("c", "bytes"),
      ToolOptions.Option("m", "chars"),
      ToolOptions.Option("L", "max-line-length"),
    ],
    unsupported: ["--files0-from", "--total"])

  private struct Counts {
    var lines = 0
    var words = 0
    var characters = 0
    var bytes = 0
    var longestLine = 0

    init() {}

    init(_ text: String) {
      var inWord = false
      var lineLength = 0
      for character in text.unicodeScalars {
        characters += 1
        if character == "\n" {
          lines += 1
          longestLine = max(longestLine, lineLength)
          lineLength = 0
        } else if character == "\t" {
          lineLength += 8 - lineLength % 8
        } else {
          lineLength += 1
        }
        let isSpace = character == " " || ("\t"..."\r").contains(character)
        if isSpace {
          inWord = false
        } else if !inWord {
          inWord = true
          words += 1
        }
      }
      longestLine = max(longestLine, lineLength)
      bytes = text.utf8.count
    }

    static func + (left: Counts, right: Counts) -> Counts {
      var sum = Counts()
      sum.lines = left.lines + right.lines
      sum.words = left.words + right.words
      sum.characters = left.characters + right.characters
      sum.bytes = left.bytes + right.bytes
      sum.longestLine = max(left.longestLine, right.longestLine)
      return sum
    }
  }

  package static func run(
    _ arguments: [String], stdin: String, files: FileAccess
  ) -> CommandResult {
    let parsed: ToolOptions.Parsed
    do {
      parsed = try options.parse(arguments)
    } catch {
      return error.result
    }
    var selected = ["l", "w", "m", "c", "L"].filter { parsed.has($0) }
    if selected.isEmpty { selected = ["l", "w", "c"] }
    let sources = ToolInput.sources(parsed.operands, stdin: stdin, files: files)
    var result = CommandResult()
    var rows: [(Counts, String?)] = []
    var total = Counts()
    var readsStandardInput = false
    for source in sources {
      switch source.text {
      case .success(let text):
        let counts = Counts(text)
        total = total + counts
        if source.name == "-" { readsStandardInput = true }
        rows.append((counts, parsed.operands.isEmpty ? nil : source.name))
      case .failure(let error):
        result.stderr += "wc: \(source.name): \(error)\n"
        result.exitCode = 1
      }
    }
    if sources.count > 1 { rows.append((total, "total")) }
    var width = 1
    if !(sources.count == 1 && selected.count == 1) {
      width = String(total.bytes).count
      if readsStandardInput { width = max(width, 7) }
    }
    for (counts, name) in rows {
      let numbers = selected.map { key -> String in
        let value =
          switch key {
          case "l": counts.lines
          case "w": counts.words
          case "m": counts.characters
          case "c": counts.bytes
          default: counts.longestLine
          }
        let digits = String(value)
        return String(repeating: " ", count: max(0, width - digits.count)) + digits
      }
      result.stdout += numbers.joined(separator: " ") + (name.map { " " + $0 } ?? "") + "\n"
    }
    return result
  }
}
