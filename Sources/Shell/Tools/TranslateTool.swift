/// `tr [-c] [-d] [-s] SET1 [SET2]`: translates, deletes or squeezes characters.
///
/// Sets take ranges (`a-z`), classes (`[:upper:]`) and escapes (`\n`,
/// `\t`, `\\`, `\NNN`).
package enum TranslateTool {
  private static let options = ToolOptions(
    tool: "tr",
    options: [
      ToolOptions.Option("c", "complement"),
      ToolOptions.Option("C", key: "c"),
      ToolOptions.Option("d", "delete"),
      ToolOptions.Option("s", "squeeze-repeats"),
      ToolOptions.Option("t", "truncate-set1"),
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
    let delete = parsed.has("d")
    let squeeze = parsed.has("s")
    let complement = parsed.has("c")
    let sets = parsed.operands
    guard let first = sets.first else { return options.usageError("missing operand") }
    let needsTwo = !delete && !(squeeze && sets.count == 1)
    if needsTwo && sets.count < 2 {
      return options.usageError(
        "missing operand after '\(first)'\nTwo strings must be given when translating.")
    }
    let allowed = delete && !squeeze ? 1 : 2
    if sets.count > allowed {
      var message = "extra operand '\(sets[allowed])'"
      if delete && allowed == 1 {
        message += "\nOnly one string may be given when deleting without squeezing repeats."
      }
      return options.usageError(message)
    }
    let set1 = expand(first)
    let set2 = sets.count > 1 ? expand(sets[1]) : []
    let members = Set(set1)
    func inSet1(_ character: Character) -> Bool { members.contains(character) != complement }

    var mapping: [Character: Character] = [:]
    if !delete && !set2.isEmpty && !complement {
      for (index, character) in set1.enumerated() {
        mapping[character] = index < set2.count ? set2[index] : set2[set2.count - 1]
      }
    }
    let squeezeSet = Set(set2)
    func squeezes(_ character: Character) -> Bool {
      sets.count > 1 ? squeezeSet.contains(character) : inSet1(character)
    }
    var output = ""
    var previous: Character?
    for character in stdin {
      var current = character
      if delete {
        if inSet1(character) { continue }
      } else if complement, !set2.isEmpty, inSet1(character), let last = set2.last {
        current = last
      } else if let mapped = mapping[character] {
        current = mapped
      }
      if squeeze, squeezes(current), current == previous { continue }
      output.append(current)
      previous = current
    }
    return CommandResult(stdout: output)
  }

  /// The characters a set names, in order.
  static func expand(_ set: String) -> [Character] {
    let characters = Array(set)
    var result: [Character] = []
    var index = 0
    func next() -> Character {
      let character = characters[index]
      index += 1
      guard character == "\\", index < characters.count else { return character }
      let escape = characters[index]
      index += 1
      switch escape {
      case "n": return "\n"
      case "t": return "\t"
      case "r": return "\r"
      case "f": return "\u{0C}"
      case "v": return "\u{0B}"
      case "a": return "\u{07}"
      case "b": return "\u{08}"
      case "0"..."7":
        var digits = String(escape)
        while digits.count < 3, index < characters.count, ("0"..."7").contains(characters[index]) {
          digits.append(characters[index])
          index += 1
        }
        return Unicode.Scalar(UInt32(digits, radix: 8) ?? 0).map(Character.init) ?? "\0"
      default: return escape
      }
    }
    while index < characters.count {
      if characters[index] == "[", index + 1 < characters.count, characters[index + 1] == ":",
        let close = characters[(index + 2)...].firstIndex(of: ":"),
        close + 1 < characters.count, characters[close + 1] == "]"
      {
        let name = String(characters[(index + 2)..<close])
        result += (0..<128).compactMap { Unicode.Scalar($0).map(Character.init) }
          .filter { GlobPattern.isMember($0, ofClass: name) }
        index = close + 2
        continue
      }
      let low = next()
      if index + 1 < characters.count, characters[index] == "-" {
        index += 1
        let high = next()
        if let start = low.unicodeScalars.first?.value, let end = high.unicodeScalars.first?.value,
          start <= end
        {
          result += (start...end).compactMap { Unicode.Scalar($0).map(Character.init) }
          continue
        }
        result += [low, "-", high]
        continue
      }
      result.append(low)
    }
    return result
  }
}
