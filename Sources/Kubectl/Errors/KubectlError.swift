import KubeCluster

/// A failure of a kubectl command, before or after it reached the server.
///
/// Commands throw these; `ErrorMessage` words them once, as kubectl's
/// `CheckErr` does.
package enum KubectlError: Error, Equatable {
  /// A message printed as `error: MESSAGE`.
  case message(String)
  /// Text printed exactly as given (kubectl's multi-line usage errors).
  case raw(String)
  /// A flag-parsing failure, followed by the `See 'kubectl X --help'` line.
  case usage(String, command: String)
  case unknownResourceType(String)
  case api(APIError)
  /// An API error while handling a file: `error when creating "FILE": ...`.
  case apiWithSource(APIError, verb: String, source: String)

  /// cobra's answer to a subcommand it does not know (`kubectl set bogus`).
  static func unknownCommand(_ name: String, of command: String) -> KubectlError {
    .raw("error: unknown command \"\(name)\"\nSee 'kubectl \(command) -h' for help and examples\n")
  }
}
