/// One redirection of a command, such as `> out.txt`, `2>&1` or `<<EOF`.
package enum Redirection: Equatable, Sendable {
  /// How `file` opens its target.
  package enum FileMode: Equatable, Sendable {
    /// `<`
    case read
    /// `>` or `>|`
    case write
    /// `>>`
    case append
  }

  /// `N< word`, `N> word` or `N>> word`.
  case file(fd: Int, mode: FileMode, target: ShellWord)
  /// `N>&M` or `N<&M`; a target that is not a number means `&>` for `>&`.
  case duplicate(fd: Int, target: ShellWord)
  /// `&> word` or `&>> word` (`append`): standard output and error together.
  case allOutput(target: ShellWord, append: Bool)
  /// `N<<EOF` and its body.
  case hereDocument(fd: Int, HereDocument)
  /// `N<<< word`: the word and a newline as input.
  case hereString(fd: Int, ShellWord)
}
