/// Non-local exits out of the interpreter's recursion.
enum ControlFlow: Error {
  /// `break N`
  case breakLoop(Int)
  /// `continue N`
  case continueLoop(Int)
  /// `exit N`
  case exit(Int32)
  /// An error such as `${X:?}` that ends the whole input, as an
  /// interactive bash drops the rest of the line.
  case abort(Int32)
  /// The caller's `isInterrupted` returned true (Ctrl-C).
  case interrupted
}
