/// `sort [-r] [-n] [-h] [-g] [-f] [-b] [-u] [-s] [-k POS1[,POS2]] [-t SEP] [FILE…]`
/// in the C locale: byte order, with GNU's key fields and its last-resort
/// comparison of whole lines.
package enum SortTool {
  private static let options = ToolOptions(
    tool: "sort",
    options: [
      ToolOptions.Option("r", "reverse"),
      ToolOptions.Option("n", "numeric-sort"),
      ToolOptions.Option("h", "human-numeric-sort"),
      ToolOptions.Option("g", "general-numeric-sort"),
      ToolOptions.Option("f", "ignore-case"),
      ToolOptions.Option("b", "ignore-leading-blanks"),
      ToolOptions.Option("u", "unique"),
      ToolOptions.Option("s", "stable"),
      ToolOptions.Option("k", "key", value: true),
      ToolOptions.Option("t", "field-separator", value: true),
    ],
    unsupported: [
      "-V", "-M", "-R", "-c", "-C", "-m", "-o", "-z", "-d", "-i", "--version-sort",
      "--month-sort", "--random-sort", "--check", "--merge", "--output", "--parallel",
    ],
    failureStatus: 2)

  /// How a key compares.
  private struct Ordering {
    var numeric = false
    var human = false
    var general = false
    var foldCase = false
    var skipBlanks = false
    var reverse = false

    var isDefault: Bool { !(numeric || human || general || foldCase || skipBlanks || reverse) }

    mutating func apply(_ letter: Character) -> Bool {
      switch letter {
      case "n": numeric = true
      case "h": human = true
      case "g": general = true
      case "f": foldCase = true
      case "b": skipBlanks = true
      case "r": reverse = true
      default: return false
      }
      return true
    }
  }

  /// A `-k` key: fields and characters are counted from 1; an end of 0
  /// means the end of the line.
  private struct Key {
    var startField: Int
    var startCharacter = 1
    var endField = 0
    var endCharacter = 0
    var ordering: Ordering
    var skipsStartBlanks = false
    var skipsEndBlanks = false
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
    var global = Ordering()
    for (key, _) in parsed.options { _ = global.apply(Character(key)) }
    var separator: Character?
    if let value = parsed.last("t") {
      guard value.count == 1, let character = value.first else {
        return .failure(
          value.isEmpty ? "sort: empty tab" : "sort: multi-character tab '\(value)'", exitCode: 2)
      }
      separator = character
    }
    var keys: [Key] = []
    for specification in parsed.all("k") {
      guard let key = parseKey(specification, global: global) else {
        return .failure(
          "sort: invalid number at field start: invalid count at start of '\(specification)'",
          exitCode: 2)
      }
      keys.append(key)
    }
    var lines: [Substring] = []
    var result = CommandResult()
    for source in ToolInput.sources(parsed.operands, stdin: stdin, files: files) {
      switch source.text {
      case .success(let text): lines += ToolInput.lines(text)
      case .failure(let error):
        return .failure("sort: cannot read: \(source.name): \(error)", exitCode: 2)
      }
    }
    let unique = parsed.has("u")
    let lastResort = !(unique || parsed.has("s"))
    let effectiveKeys = keys.isEmpty ? [Key(startField: 1, ordering: global)] : keys
    func compare(_ left: Substring, _ right: Substring) -> Int {
      for key in effectiveKeys {
        let order = compareKeys(
          extract(key, from: left, separator: separator),
          extract(key, from: right, separator: separator),
          key.ordering)
        if order != 0 { return key.ordering.reverse ? -order : order }
      }
      guard lastResort else { return 0 }
      let order = left < right ? -1 : (left == right ? 0 : 1)
      return global.reverse ? -order : order
    }
    let sorted = lines.enumerated().sorted { first, second in
      let order = compare(first.element, second.element)
      return order != 0 ? order < 0 : first.offset < second.offset
    }.map(\.element)
    var output: [Substring] = []
    for line in sorted {
      if unique, let previous = output.last, compare(previous, line) == 0 { continue }
      output.append(line)
    }
    result.stdout = ToolInput.joined(output)
    return result
  }

  /// Parses `F[.C][OPTS][,F[.C][OPTS]]`.
  private static func parseKey(_ text: String, global: Ordering) -> Key? {
    let halves = text.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
    var ordering = Ordering()
    func position(_ text: Substring, skips: inout Bool) -> (Int, Int)? {
      let digits = text.prefix { $0.isNumber || $0 == "." }
      for letter in text.dropFirst(digits.count) {
        guard ordering.apply(letter) else { return nil }
        if letter == "b" { skips = true }
      }
      let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
      guard let field = Int(parts[0]) else { return nil }
      let character = parts.count > 1 ? Int(parts[1]) : 0
      guard let character else { return nil }
      return (field, character)
    }
    var key = Key(startField: 0, ordering: global)
    guard let start = position(halves[0], skips: &key.skipsStartBlanks), start.0 > 0 else {
      return nil
    }
    key.startField = start.0
    key.startCharacter = max(1, start.1)
    if halves.count > 1 {
      guard let end = position(halves[1], skips: &key.skipsEndBlanks) else { return nil }
      key.endField = end.0
      key.endCharacter = end.1
    }
    if !ordering.isDefault {
      key.ordering = ordering
    } else if global.skipBlanks {
      key.skipsStartBlanks = true
    }
    if ordering.skipBlanks { key.skipsStartBlanks = true }
    return key
  }

  /// The fields of a line: with a separator, the text between separators;
  /// without, each field keeps the blanks before it.
  private static func fieldRanges(_ line: Substring, separator: Character?) -> [Range<
    Substring.Index
  >] {
    var ranges: [Range<Substring.Index>] = []
    var start = line.startIndex
    if let separator {
      var index = line.startIndex
      while index < line.endIndex {
        if line[index] == separator {
          ranges.append(start..<index)
          start = line.index(after: index)
        }
        index = line.index(after: index)
      }
      ranges.append(start..<line.endIndex)
      return ranges
    }
    var index = line.startIndex
    while index < line.endIndex {
      while index < line.endIndex && (line[index] == " " || line[index] == "\t") {
        index = line.index(after: index)
      }
      while index < line.endIndex && line[index] != " " && line[index] != "\t" {
        index = line.index(after: index)
      }
      ranges.append(start..<index)
      start = index
    }
    if ranges.isEmpty { ranges.append(line.startIndex..<line.endIndex) }
    return ranges
  }

  private static func extract(_ key: Key, from line: Substring, separator: Character?) -> Substring
  {
    let fields = fieldRanges(line, separator: separator)
    guard key.startField <= fields.count else { return "" }
    var start = fields[key.startField - 1].lowerBound
    if key.skipsStartBlanks || separator == nil && key.ordering.skipBlanks {
      while start < line.endIndex && (line[start] == " " || line[start] == "\t") {
        start = line.index(after: start)
      }
    }
    start =
      line.index(start, offsetBy: key.startCharacter - 1, limitedBy: line.endIndex) ?? line.endIndex
    var end = line.endIndex
    if key.endField > 0 && key.endField <= fields.count {
      let field = fields[key.endField - 1]
      if key.endCharacter > 0 {
        var fieldStart = field.lowerBound
        if key.skipsEndBlanks {
          while fieldStart < field.upperBound
            && (line[fieldStart] == " " || line[fieldStart] == "\t")
          {
            fieldStart = line.index(after: fieldStart)
          }
        }
        end =
          line.index(fieldStart, offsetBy: key.endCharacter, limitedBy: field.upperBound)
          ?? field.upperBound
      } else {
        end = field.upperBound
      }
    }
    return start < end ? line[start..<end] : ""
  }

  private static func compareKeys(_ left: Substring, _ right: Substring, _ ordering: Ordering)
    -> Int
  {
    if ordering.numeric || ordering.human || ordering.general {
      let first = number(left, human: ordering.human)
      let second = number(right, human: ordering.human)
      return first < second ? -1 : (first == second ? 0 : 1)
    }
    var first = ordering.skipBlanks ? left.drop { $0 == " " || $0 == "\t" } : left
    var second = ordering.skipBlanks ? right.drop { $0 == " " || $0 == "\t" } : right
    if ordering.foldCase {
      first = Substring(first.uppercased())
      second = Substring(second.uppercased())
    }
    return first < second ? -1 : (first == second ? 0 : 1)
  }

  /// The number a key starts with, 0 when none; with `human`, a suffix
  /// such as `K`, `Mi` or `G` scales it.
  private static func number(_ key: Substring, human: Bool) -> Double {
    let text = key.drop { $0 == " " || $0 == "\t" }
    var digits = ""
    var index = text.startIndex
    if index < text.endIndex && text[index] == "-" {
      digits.append("-")
      index = text.index(after: index)
    }
    var seenPoint = false
    while index < text.endIndex, text[index].isASCII,
      text[index].isNumber || (text[index] == "." && !seenPoint)
    {
      if text[index] == "." { seenPoint = true }
      digits.append(text[index])
      index = text.index(after: index)
    }
    var value = Double(digits) ?? 0
    if human, index < text.endIndex,
      let power = "KMGTPEZY".firstIndex(of: Character(text[index].uppercased()))
    {
      let exponent = "KMGTPEZY".distance(from: "KMGTPEZY".startIndex, to: power) + 1
      value *= Double(1 << min(60, 10 * exponent))
    }
    return value
  }
}
