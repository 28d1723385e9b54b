extension Schema {
  /// The BadRequest a Kubernetes 1.32 API server returns when `content`
  /// cannot be decoded as a `kind` with `fieldValidation=Strict` (what
  /// kubectl sends by default), or nil when it decodes.
  ///
  /// Unknown fields are all listed with their full paths:
  /// `Pod in version "v1" cannot be handled as a Pod: strict decoding error:
  /// unknown field "spec.containers[0].imagee"`. A value of the wrong type
  /// gives Go's decoder error instead, such as `json: cannot unmarshal
  /// string into Go struct field DeploymentSpec.spec.replicas of type int32`,
  /// and then unknown fields are not reported.
  package static func decodeError(_ content: JSONValue, kind: Kind) -> APIError? {
    var decoder = StrictDecoder()
    decoder.decode(content, as: .object(rootKey(for: kind)), rootStruct: kind.rawValue)
    guard let message = decoder.message else { return nil }
    return .badRequest(
      "\(kind.rawValue) in version \(JSONValue.quoted(kind.version)) cannot be handled as a "
        + "\(kind.rawValue): \(message)")
  }
}
