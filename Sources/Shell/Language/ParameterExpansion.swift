/// A parameter expansion: `$NAME`, `${NAME}`, `$?` or `${NAME:-default}`.
package struct ParameterExpansion: Equatable, Sendable {
  /// What to do with the parameter's value.
  package enum Modifier: Equatable, Sendable {
    /// `${#NAME}`: the length of the value.
    case length
    /// `${!NAME}`: the value of the variable that `NAME` names.
    case indirect
    /// `${NAME:-word}` (`colon`) or `${NAME-word}`.
    case useDefault(ShellWord, colon: Bool)
    /// `${NAME:=word}` or `${NAME=word}`: also assigns the default.
    case assignDefault(ShellWord, colon: Bool)
    /// `${NAME:+word}` or `${NAME+word}`.
    case useAlternative(ShellWord, colon: Bool)
    /// `${NAME:?word}` or `${NAME?word}`: fails when unset.
    case errorIfUnset(ShellWord, colon: Bool)
    /// `${NAME#pattern}` or, when `longest`, `${NAME##pattern}`.
    case removePrefix(ShellWord, longest: Bool)
    /// `${NAME%pattern}` or, when `longest`, `${NAME%%pattern}`.
    case removeSuffix(ShellWord, longest: Bool)
    /// `${NAME/pattern/replacement}` or, when `all`, `${NAME//pattern/replacement}`.
    case replace(ShellWord, with: ShellWord, all: Bool)
    /// `${NAME^}` (first character) or `${NAME^^}` (all) in upper case.
    case uppercase(all: Bool)
    /// `${NAME,}` (first character) or `${NAME,,}` (all) in lower case.
    case lowercase(all: Bool)
    /// `${NAME:offset}` or `${NAME:offset:length}`.
    case substring(offset: ShellWord, length: ShellWord?)
  }

  /// A variable name, a digit, or one of `?`, `$`, `#`, `@`, `*`, `!`, `-`.
  package var name: String
  package var modifier: Modifier?

  package init(_ name: String, _ modifier: Modifier? = nil) {
    self.name = name
    self.modifier = modifier
  }
}
