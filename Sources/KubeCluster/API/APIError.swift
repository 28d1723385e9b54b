/// A failure reported by the simulated API server, shaped like the
/// `metav1.Status` a real one returns.
///
/// Constructors carry exactly the facts a real server would put in the
/// status; the wording of each reason lives here, once.
package struct APIError: Error, Equatable, Sendable, CustomStringConvertible {
  /// `NotFound`, `AlreadyExists`, `Invalid`, `BadRequest`, ...
  package var reason: String
  package var message: String
  /// The HTTP status code.
  package var code: Int
  /// For `Invalid`: the group, kind and name the causes are about.
  package var detailsGroup: String = ""
  package var detailsKind: String = ""
  package var detailsName: String = ""
  package var causes: [FieldError] = []

  package var description: String { message }

  package static func notFound(_ kind: Kind, _ name: String) -> APIError {
    notFound(resource: kind.groupResource, name)
  }

  package static func notFound(resource: String, _ name: String) -> APIError {
    APIError(reason: "NotFound", message: "\(resource) \"\(name)\" not found", code: 404)
  }

  package static func alreadyExists(_ kind: Kind, _ name: String) -> APIError {
    APIError(
      reason: "AlreadyExists", message: "\(kind.groupResource) \"\(name)\" already exists",
      code: 409)
  }

  package static func conflict(_ kind: Kind, _ name: String) -> APIError {
    APIError(
      reason: "Conflict",
      message: "Operation cannot be fulfilled on \(kind.groupResource) \"\(name)\": the object "
        + "has been modified; please apply your changes to the latest version and try again",
      code: 409)
  }

  /// `NewInvalid`: the message names the group-qualified kind
  /// (`Deployment.apps "web" is invalid: …`, `Pod "web" is invalid: …`);
  /// the details keep group and kind apart, and kubectl's own wording
  /// (`The Deployment "web" is invalid`) reads the kind from them.
  package static func invalid(_ kind: Kind, _ name: String, _ causes: [FieldError]) -> APIError {
    let body =
      causes.count == 1
      ? causes[0].description : "[" + causes.map(\.description).joined(separator: ", ") + "]"
    let qualified = kind.group.isEmpty ? kind.rawValue : "\(kind.rawValue).\(kind.group)"
    return APIError(
      reason: "Invalid", message: "\(qualified) \"\(name)\" is invalid: \(body)", code: 422,
      detailsGroup: kind.group, detailsKind: kind.rawValue, detailsName: name, causes: causes)
  }

  package static func badRequest(_ message: String) -> APIError {
    APIError(reason: "BadRequest", message: message, code: 400)
  }

  package static func forbidden(_ kind: Kind, _ name: String, _ why: String) -> APIError {
    APIError(
      reason: "Forbidden", message: "\(kind.groupResource) \"\(name)\" is forbidden: \(why)",
      code: 403)
  }

  package static func methodNotAllowed(_ message: String) -> APIError {
    APIError(reason: "MethodNotAllowed", message: message, code: 405)
  }

  package static func internalError(_ message: String) -> APIError {
    APIError(reason: "InternalError", message: "Internal error occurred: \(message)", code: 500)
  }
}

/// One reason a field was rejected, worded as apimachinery's `field.Error`.
package struct FieldError: Equatable, Sendable, CustomStringConvertible {
  package enum ErrorType: String, Sendable {
    case notFound = "Not found"
    case required = "Required value"
    case duplicate = "Duplicate value"
    case invalid = "Invalid value"
    case notSupported = "Unsupported value"
    case forbidden = "Forbidden"
    case tooLong = "Too long"
    case tooMany = "Too many"
    case internalError = "Internal error"
  }

  package var type: ErrorType
  /// The field path, such as `spec.containers[0].image`.
  package var field: String
  /// The rejected value; `nil` when the message omits it.
  package var value: JSONValue?
  package var detail: String

  package init(_ type: ErrorType, _ field: String, value: JSONValue? = nil, _ detail: String = "") {
    self.type = type
    self.field = field
    self.value = value
    self.detail = detail
  }

  package static func required(_ field: String, _ detail: String = "") -> FieldError {
    FieldError(.required, field, detail)
  }

  package static func invalid(_ field: String, _ value: JSONValue, _ detail: String) -> FieldError {
    FieldError(.invalid, field, value: value, detail)
  }

  package static func notSupported(_ field: String, _ value: JSONValue, supported: [String])
    -> FieldError
  {
    FieldError(
      .notSupported, field, value: value,
      "supported values: " + supported.map { "\"\($0)\"" }.joined(separator: ", "))
  }

  package static func forbidden(_ field: String, _ detail: String) -> FieldError {
    FieldError(.forbidden, field, detail)
  }

  package static func duplicate(_ field: String, _ value: JSONValue) -> FieldError {
    FieldError(.duplicate, field, value: value)
  }

  /// The part after the field path: type, value and detail.
  package var body: String {
    var text: String
    switch type {
    case .required, .forbidden, .tooLong, .internalError:
      text = type.rawValue
    default:
      if let value {
        switch value {
        case .string(let string): text = "\(type.rawValue): \"\(FieldError.goQuote(string))\""
        case .null: text = "\(type.rawValue): \"null\""
        case .int, .double, .bool: text = "\(type.rawValue): \(value.scalarText)"
        default: text = "\(type.rawValue): \(value.compactJSON)"
        }
      } else {
        text = type.rawValue
      }
    }
    if !detail.isEmpty { text += ": \(detail)" }
    return text
  }

  package var description: String { "\(field): \(body)" }

  /// The inside of Go's `%q` for ordinary text.
  static func goQuote(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
  }
}
