/// The two output streams a command writes to.
package enum ShellStream: Equatable, Sendable {
  case stdout
  case stderr
}
