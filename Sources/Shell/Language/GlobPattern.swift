/// A shell pattern as in globbing and `${NAME#pattern}`: `*`, `?`, `[…]`
/// bracket expressions (with `!` or `^` and `[:class:]`), and backslash to
/// quote the next character.
package struct GlobPattern: Sendable {
  private enum Element: Sendable {
    case character(Character)
    case anyCharacter
    case anyString
    case bracket(negated: Bool, items: [BracketItem])
  }

  private enum BracketItem: Sendable {
    case character(Character)
    case range(Character, Character)
    case characterClass(String)
  }

  private let elements: [Element]

  /// Whether the pattern holds `*`, `?` or a bracket expression.
  package let hasWildcards: Bool

  package init(_ pattern: String) {
    let characters = Array(pattern)
    var elements: [Element] = []
    var index = 0
    var hasWildcards = false
    while index < characters.count {
      let character = characters[index]
      index += 1
      switch character {
      case "\\" where index < characters.count:
        elements.append(.character(characters[index]))
        index += 1
      case "*":
        hasWildcards = true
        if case .anyString? = elements.last { continue }
        elements.append(.anyString)
      case "?":
        hasWildcards = true
        elements.append(.anyCharacter)
      case "[":
        if let (bracket, next) = Self.parseBracket(characters, from: index) {
          hasWildcards = true
          elements.append(bracket)
          index = next
        } else {
          elements.append(.character("["))
        }
      default:
        elements.append(.character(character))
      }
    }
    self.elements = elements
    self.hasWildcards = hasWildcards
  }

  /// Parses a bracket expression whose `[` is just before `start`; returns
  /// it and the index after its `]`, or `nil` when it is not closed.
  private static func parseBracket(_ characters: [Character], from start: Int) -> (Element, Int)? {
    var index = start
    var negated = false
    if index < characters.count && (characters[index] == "!" || characters[index] == "^") {
      negated = true
      index += 1
    }
    var items: [BracketItem] = []
    var first = true
    while index < characters.count {
      var character = characters[index]
      if character == "]" && !first {
        return (.bracket(negated: negated, items: items), index + 1)
      }
      first = false
      if character == "[" && index + 1 < characters.count && characters[index + 1] == ":" {
        if let close = findClassEnd(characters, from: index + 2) {
          items.append(.characterClass(String(characters[(index + 2)..<close])))
          index = close + 2
          continue
        }
      }
      if character == "\\" && index + 1 < characters.count {
        index += 1
        character = characters[index]
      }
      if index + 2 < characters.count && characters[index + 1] == "-"
        && characters[index + 2] != "]"
      {
        items.append(.range(character, characters[index + 2]))
        index += 3
      } else {
        items.append(.character(character))
        index += 1
      }
    }
    return nil
  }

  private static func findClassEnd(_ characters: [Character], from start: Int) -> Int? {
    var index = start
    while index + 1 < characters.count {
      if characters[index] == ":" && characters[index + 1] == "]" { return index }
      guard characters[index].isLetter else { return nil }
      index += 1
    }
    return nil
  }

  /// Whether `character` belongs to the POSIX class `name`, such as `alpha`.
  package static func isMember(_ character: Character, ofClass name: String) -> Bool {
    switch name {
    case "alpha": character.isLetter
    case "digit": character.isASCII && character.isNumber
    case "alnum": character.isLetter || (character.isASCII && character.isNumber)
    case "upper": character.isUppercase
    case "lower": character.isLowercase
    case "space": character.isWhitespace
    case "blank": character == " " || character == "\t"
    case "punct":
      character.isASCII && character.isPunctuation || character.isASCII && character.isSymbol
    case "xdigit": character.isHexDigit
    case "cntrl": character.asciiValue.map { $0 < 32 || $0 == 127 } ?? false
    case "print": !(character.asciiValue.map { $0 < 32 || $0 == 127 } ?? false)
    case "graph":
      !character.isWhitespace && !(character.asciiValue.map { $0 < 32 || $0 == 127 } ?? false)
    default: false
    }
  }

  private static func matches(_ character: Character, _ element: Element) -> Bool {
    switch element {
    case .character(let expected):
      return character == expected
    case .anyCharacter:
      return true
    case .anyString:
      return false
    case .bracket(let negated, let items):
      let found = items.contains { item in
        switch item {
        case .character(let member): character == member
        case .range(let low, let high): low <= character && character <= high
        case .characterClass(let name): isMember(character, ofClass: name)
        }
      }
      return found != negated
    }
  }

  /// Whether the whole of `text` matches.
  package func matches(_ text: String) -> Bool {
    matches(Array(text)[...])
  }

  private func matches(_ text: ArraySlice<Character>) -> Bool {
    var patternIndex = 0
    var textIndex = text.startIndex
    var starPattern = -1
    var starText = text.startIndex
    while textIndex < text.endIndex {
      if patternIndex < elements.count {
        if case .anyString = elements[patternIndex] {
          starPattern = patternIndex
          starText = textIndex
          patternIndex += 1
          continue
        }
        if Self.matches(text[textIndex], elements[patternIndex]) {
          patternIndex += 1
          textIndex += 1
          continue
        }
      }
      guard starPattern >= 0 else { return false }
      patternIndex = starPattern + 1
      starText += 1
      textIndex = starText
    }
    while patternIndex < elements.count, case .anyString = elements[patternIndex] {
      patternIndex += 1
    }
    return patternIndex == elements.count
  }

  /// `${VALUE#pattern}` (shortest) or `${VALUE##pattern}` (longest).
  package func removingPrefix(of value: String, longest: Bool) -> String {
    let characters = Array(value)
    let lengths = longest ? Array((0...characters.count).reversed()) : Array(0...characters.count)
    for length in lengths where matches(characters[..<length]) {
      return String(characters[length...])
    }
    return value
  }

  /// `${VALUE%pattern}` (shortest) or `${VALUE%%pattern}` (longest).
  package func removingSuffix(of value: String, longest: Bool) -> String {
    let characters = Array(value)
    let starts = longest ? Array(0...characters.count) : Array((0...characters.count).reversed())
    for start in starts where matches(characters[start...]) {
      return String(characters[..<start])
    }
    return value
  }

  /// `${VALUE/pattern/replacement}`, or every match when `all`; each match
  /// is the longest one starting at its position.
  package func replacing(in value: String, with replacement: String, all: Bool) -> String {
    let characters = Array(value)
    var result = ""
    var index = 0
    var replaced = false
    while index < characters.count {
      if !replaced || all,
        let end = stride(from: characters.count, to: index, by: -1).first(where: {
          matches(characters[index..<$0])
        })
      {
        result += replacement
        index = end
        replaced = true
        continue
      }
      result.append(characters[index])
      index += 1
    }
    return result
  }

  /// `text` with every pattern character quoted, so it matches itself.
  package static func escape(_ text: String) -> String {
    var escaped = ""
    for character in text {
      if "*?[]\\".contains(character) { escaped.append("\\") }
      escaped.append(character)
    }
    return escaped
  }
}
