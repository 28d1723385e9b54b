/// A runtime error the shell itself reports, such as a refused redirection.
///
/// Printed as `kubetutor: MESSAGE`; the command fails with status 1.
struct ShellFailure: Error {
  var message: String

  init(_ message: String) {
    self.message = message
  }
}
