/// `cut -f LIST [-d DELIM] [-s] | -c LIST | -b LIST [FILE…]`: selected
/// fields or characters of each line.
package enum CutTool {
  private static let options = ToolOptions(
    tool: "cut",
    options: [
      ToolOptions.Option("f", "fields", value: true),
      ToolOptions.Option("c", "characters", value: true),
      ToolOptions.Option("b", "bytes", value: true),
      ToolOptions.Option("d", "delimiter", value: true),
      ToolOptions.Option("s", "only-delimited"),
      ToolOptions.Option(nil, "output-delimiter", value: true),
      ToolOptions.Option(nil, "complement"),
      ToolOptions.Option("n"),
    ],
    unsupported: ["-z", "--zero-terminated"])

  package static func run(
    _ arguments: [String], stdin: String, files: FileAccess
  ) -> CommandResult {
    let parsed: ToolOptions.Parsed
    do {
      parsed = try options.parse(arguments)
    } catch {
      return error.result
    }
    let lists = parsed.options.filter { ["f", "c", "b"].contains($0.key) }
    guard let list = lists.last else {
      return options.usageError("you must specify a list of bytes, characters, or fields")
    }
    guard Set(lists.map(\.key)).count == 1 else {
      return options.usageError("only one list may be specified")
    }
    let byFields = list.key == "f"
    var delimiter: Character = "\t"
    if let value = parsed.last("d") {
      guard byFields else {
        return options.usageError(
          "an input delimiter may be specified only when operating on fields")
      }
      guard value.count == 1, let character = value.first else {
        return options.usageError("the delimiter must be a single character")
      }
      delimiter = character
    }
    if parsed.has("s") && !byFields {
      return options.usageError(
        "suppressing non-delimited lines makes sense\n\tonly when operating on fields")
    }
    let ranges: [ClosedRange<Int>]
    do {
      ranges = try parseList(list.value, fields: byFields)
    } catch {
      return error.result
    }
    let complement = parsed.has("complement")
    func selected(_ position: Int) -> Bool {
      ranges.contains { $0.contains(position) } != complement
    }
    let outputDelimiter = parsed.last("output-delimiter") ?? String(delimiter)
    var result = CommandResult()
    for source in ToolInput.sources(parsed.operands, stdin: stdin, files: files) {
      guard case .success(let text) = source.text else {
        if case .failure(let error) = source.text {
          result.stderr += "cut: \(source.name): \(error)\n"
          result.exitCode = 1
        }
        continue
      }
      for line in ToolInput.lines(text) {
        if byFields {
          guard line.contains(delimiter) else {
            if !parsed.has("s") { result.stdout += line + "\n" }
            continue
          }
          let fields = line.split(separator: delimiter, omittingEmptySubsequences: false)
          let kept = fields.enumerated().filter { selected($0.offset + 1) }.map(\.element)
          result.stdout += kept.joined(separator: outputDelimiter) + "\n"
        } else {
          let characters = Array(line)
          result.stdout +=
            String(characters.enumerated().filter { selected($0.offset + 1) }.map(\.element)) + "\n"
        }
      }
    }
    return result
  }

  private static func numberedFromOne(_ fields: Bool) -> String {
    fields ? "fields are numbered from 1" : "byte/character positions are numbered from 1"
  }

  /// Parses `1,3`, `2-`, `-3` and `1-2` into ranges.
  private static func parseList(_ text: String, fields: Bool) throws(ToolFailure) -> [ClosedRange<
    Int
  >] {
    var ranges: [ClosedRange<Int>] = []
    let what = fields ? "field value" : "byte/character position"
    for item in text.split(separator: ",", omittingEmptySubsequences: false) {
      let bounds = item.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
      if bounds.count == 1 {
        guard let value = Int(bounds[0]) else {
          throw ToolFailure(options.usageError("invalid \(what) '\(item)'"))
        }
        guard value > 0 else { throw ToolFailure(options.usageError(numberedFromOne(fields))) }
        ranges.append(value...value)
        continue
      }
      guard !(bounds[0].isEmpty && bounds[1].isEmpty) else {
        throw ToolFailure(options.usageError("invalid range with no endpoint: -"))
      }
      let low = bounds[0].isEmpty ? 1 : Int(bounds[0])
      let high = bounds[1].isEmpty ? Int.max : Int(bounds[1])
      guard let low, let high else {
        throw ToolFailure(options.usageError("invalid \(what) '\(item)'"))
      }
      guard low > 0 else { throw ToolFailure(options.usageError(numberedFromOne(fields))) }
      guard low <= high else { throw ToolFailure(options.usageError("invalid decreasing range")) }
      ranges.append(low...high)
    }
    return ranges
  }
}
