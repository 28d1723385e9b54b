extension APIError {
  /// A failure with any reason, for a server answering in `Status` objects
  /// (`Unauthorized`, `Expired`, `UnsupportedMediaType`, …).
  package static func status(_ reason: String, _ message: String, code: Int) -> APIError {
    APIError(reason: reason, message: message, code: code)
  }
}
