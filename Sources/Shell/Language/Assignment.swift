/// `NAME=value`, alone or before a command.
package struct Assignment: Equatable, Sendable {
  package var name: String
  /// The value; expanded without field splitting or globbing.
  package var value: ShellWord

  package init(name: String, value: ShellWord) {
    self.name = name
    self.value = value
  }

  /// Whether `name` is a valid shell variable name: a letter or `_`, then
  /// letters, digits or `_`.
  package static func isValidName(_ name: some StringProtocol) -> Bool {
    guard let first = name.first, first == "_" || (first.isASCII && first.isLetter) else {
      return false
    }
    return name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
  }

  /// Splits `NAME=rest` into an assignment, or returns `nil` when the word
  /// does not start with an unquoted valid name and `=`.
  package static func split(_ word: ShellWord) -> Assignment? {
    guard case .literal(let first)? = word.parts.first,
      let equals = first.firstIndex(of: "="),
      isValidName(first[..<equals])
    else { return nil }
    let rest = first[first.index(after: equals)...]
    var value = Array(word.parts.dropFirst())
    if !rest.isEmpty {
      value.insert(.literal(String(rest)), at: 0)
    }
    return Assignment(name: String(first[..<equals]), value: ShellWord(value))
  }
}
