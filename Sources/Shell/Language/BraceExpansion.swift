import Foundation

/// Bash's brace expansion on the unquoted text of a word: `{a,b}` and
/// `{1..3}`, `{a..e}`, `{01..10..2}`.
///
/// Only characters of `.literal` parts can open, close or separate a
/// group, so `"{a,b}"` and `\{a,b}` stay as they are.
package enum BraceExpansion {
  private enum Atom {
    case character(Character)
    case part(ShellWord.Part)
  }

  /// The words `word` expands to, in order; `[word]` when it has no group.
  package static func expand(_ word: ShellWord) -> [ShellWord] {
    let hasBrace = word.parts.contains { part in
      if case .literal(let text) = part { return text.contains("{") }
      return false
    }
    guard hasBrace else { return [word] }
    var atoms: [Atom] = []
    for part in word.parts {
      if case .literal(let text) = part {
        atoms += text.map(Atom.character)
      } else {
        atoms.append(.part(part))
      }
    }
    return expand(atoms).map(makeWord)
  }

  private static func expand(_ atoms: [Atom]) -> [[Atom]] {
    var searchFrom = 0
    while let open = atoms[searchFrom...].firstIndex(where: { isCharacter($0, "{") }) {
      if let (close, alternatives) = group(atoms, openingAt: open) {
        let prefix = atoms[..<open]
        let suffix = atoms[(close + 1)...]
        return alternatives.flatMap { expand(Array(prefix) + $0 + Array(suffix)) }
      }
      searchFrom = open + 1
    }
    return [atoms]
  }

  private static func isCharacter(_ atom: Atom, _ expected: Character) -> Bool {
    if case .character(let character) = atom { return character == expected }
    return false
  }

  /// The closing brace and the alternatives of the group opening at `open`.
  private static func group(_ atoms: [Atom], openingAt open: Int) -> (Int, [[Atom]])? {
    var depth = 0
    var commas: [Int] = []
    var index = open + 1
    while index < atoms.count {
      if isCharacter(atoms[index], "{") {
        depth += 1
      } else if isCharacter(atoms[index], "}") {
        if depth == 0 { break }
        depth -= 1
      } else if depth == 0 && isCharacter(atoms[index], ",") {
        commas.append(index)
      }
      index += 1
    }
    guard index < atoms.count else { return nil }
    let close = index
    if !commas.isEmpty {
      let bounds = [open] + commas + [close]
      let alternatives = zip(bounds, bounds.dropFirst()).map { Array(atoms[($0 + 1)..<$1]) }
      return (close, alternatives)
    }
    var text = ""
    for atom in atoms[(open + 1)..<close] {
      guard case .character(let character) = atom else { return nil }
      text.append(character)
    }
    guard let sequence = sequence(text) else { return nil }
    return (close, sequence.map { $0.map(Atom.character) })
  }

  /// The items of `1..5`, `5..1..2`, `a..e` or `01..10`, or `nil`.
  private static func sequence(_ text: String) -> [String]? {
    let pieces = text.components(separatedBy: "..")
    guard pieces.count == 2 || pieces.count == 3 else { return nil }
    var step = 1
    if pieces.count == 3 {
      guard let given = Int(pieces[2]) else { return nil }
      step = given == 0 ? 1 : abs(given)
    }
    if let start = Int(pieces[0]), let end = Int(pieces[1]) {
      let padded = [pieces[0], pieces[1]].contains {
        $0.count > 1 && ($0.hasPrefix("0") || $0.hasPrefix("-0"))
      }
      let width = padded ? max(pieces[0].count, pieces[1].count) : 0
      let values = Array(stride(from: start, through: end, by: start <= end ? step : -step))
      return values.map { value in
        let digits = String(abs(value))
        let sign = value < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - sign.count - digits.count))
          + digits
      }
    }
    guard pieces[0].count == 1, pieces[1].count == 1,
      let start = pieces[0].unicodeScalars.first?.value,
      let end = pieces[1].unicodeScalars.first?.value
    else { return nil }
    let values = stride(from: Int(start), through: Int(end), by: start <= end ? step : -step)
    return values.compactMap { Unicode.Scalar(UInt32($0)).map { String(Character($0)) } }
  }

  private static func makeWord(_ atoms: [Atom]) -> ShellWord {
    var parts: [ShellWord.Part] = []
    for atom in atoms {
      switch atom {
      case .character(let character):
        if case .literal(let text)? = parts.last {
          parts[parts.count - 1] = .literal(text + String(character))
        } else {
          parts.append(.literal(String(character)))
        }
      case .part(let part):
        parts.append(part)
      }
    }
    return ShellWord(parts)
  }
}
