/// A runtime error the shell itself reports, such as a refused redirection.
///
/// Printed as `kubetutor: MESSAGE`; the command fails with status 1.
struct ShellFailure: Error {
  var message: String
  /// Whether the rest of the input is dropped too, as for `${X:?}`.
  var isFatal: Bool

  init(_ message: String, isFatal: Bool = false) {
    self.message = message
    self.isFatal = isFatal
  }
}
