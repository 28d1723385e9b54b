import KubeCluster

/// Renders any error as the exact text kubectl writes to stderr: the single
/// place where wording lives.
package enum ErrorMessage {
  package static func render(_ error: any Error) -> String {
    switch error {
    case let error as KubectlError: return render(error)
    case let error as APIError: return render(error, source: nil)
    default: return "error: \(error)\n"
    }
  }

  static func render(_ error: KubectlError) -> String {
    switch error {
    case .message(let text): return "error: \(text)\n"
    case .raw(let text): return text.hasSuffix("\n") ? text : text + "\n"
    case .usage(let text, let command):
      return "error: \(text)\nSee 'kubectl \(command) --help' for usage.\n"
    case .unknownResourceType(let type):
      return "error: the server doesn't have a resource type \"\(type)\"\n"
    case .api(let error): return render(error, source: nil)
    case .apiWithSource(let error, let verb, let source):
      return render(error, source: (verb, source))
    }
  }

  /// kubectl's `StandardErrorMessage`: Invalid errors list their causes;
  /// others read `Error from server (Reason): message`.
  static func render(_ error: APIError, source: (verb: String, file: String)?) -> String {
    if error.reason == "Invalid", !error.causes.isEmpty {
      let prefix = "The \(error.detailsKind) \"\(error.detailsName)\" is invalid: "
      if error.causes.count == 1 { return prefix + error.causes[0].description + "\n" }
      return prefix + "\n" + error.causes.map { "* \($0.description)\n" }.joined()
    }
    if error.reason == "Invalid" {
      // No causes: the kind and name when the details have them, else the
      // server's message after kubectl's own words.
      if !error.detailsKind.isEmpty || !error.detailsName.isEmpty {
        return "The \(error.detailsKind) \"\(error.detailsName)\" is invalid\n"
      }
      return "The request is invalid" + (error.message.isEmpty ? "" : ": \(error.message)") + "\n"
    }
    var message = error.message
    if let source { message = "error when \(source.verb) \"\(source.file)\": \(message)" }
    return "Error from server (\(error.reason)): \(message)\n"
  }
}
