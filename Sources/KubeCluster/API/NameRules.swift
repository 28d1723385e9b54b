/// The naming rules of Kubernetes' validation package, with its wording.
package enum NameRules {
  static let dns1123LabelMessage =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
    + "and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', "
    + "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
  static let dns1123SubdomainMessage =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
    + "'.', and must start and end with an alphanumeric character (e.g. 'example.com', regex "
    + "used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
  static let dns1035LabelMessage =
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an "
    + "alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or "
    + "'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"

  private static func isLowerAlnum(_ c: Character) -> Bool {
    c.isASCII && (c.isLowercase || c.isNumber)
  }

  private static func isAlnum(_ c: Character) -> Bool {
    c.isASCII && (c.isLetter || c.isNumber)
  }

  package static func isDNS1123Label(_ text: String) -> Bool {
    guard let first = text.first, let last = text.last, text.count <= 63 else { return false }
    return isLowerAlnum(first) && isLowerAlnum(last)
      && text.allSatisfy { isLowerAlnum($0) || $0 == "-" }
  }

  package static func isDNS1123Subdomain(_ text: String) -> Bool {
    guard text.count <= 253, !text.isEmpty else { return false }
    return text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy {
      isDNS1123Label(String($0))
    }
  }

  package static func isDNS1035Label(_ text: String) -> Bool {
    guard let first = text.first, first.isASCII, first.isLetter, first.isLowercase else {
      return false
    }
    return isDNS1123Label(text)
  }

  /// The problems with an object name that must be a DNS subdomain, worded as
  /// the API server words them.
  package static func subdomainProblems(_ name: String) -> [String] {
    var problems: [String] = []
    if name.count > 253 { problems.append("must be no more than 253 characters") }
    if !isDNS1123Subdomain(name) { problems.append(dns1123SubdomainMessage) }
    return problems
  }

  package static func labelProblems(_ name: String) -> [String] {
    var problems: [String] = []
    if name.count > 63 { problems.append("must be no more than 63 characters") }
    if !isDNS1123Label(name) || name.count > 63 {
      if !(name.count > 63 && isDNS1123Label(String(name.prefix(63)))) {
        problems.append(dns1123LabelMessage)
      }
    }
    return problems
  }

  package static func dns1035Problems(_ name: String) -> [String] {
    var problems: [String] = []
    if name.count > 63 { problems.append("must be no more than 63 characters") }
    if !isDNS1035Label(name) { problems.append(dns1035LabelMessage) }
    return problems
  }

  /// Why a label key is not a qualified name, or nil when it is.
  package static func qualifiedNameProblem(_ key: String) -> String? {
    let parts = key.split(separator: "/", omittingEmptySubsequences: false)
    let name: Substring
    switch parts.count {
    case 1: name = parts[0]
    case 2:
      if parts[0].isEmpty { return "prefix part must be non-empty" }
      if !isDNS1123Subdomain(String(parts[0])) {
        return "prefix part \(dns1123SubdomainMessage)"
      }
      name = parts[1]
    default:
      return
        "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must "
        + "start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or "
        + "'123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') "
        + "with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
    }
    if name.isEmpty { return "name part must be non-empty" }
    if name.count > 63 { return "name part must be no more than 63 characters" }
    if !isQualifiedPart(String(name)) {
      return
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and "
        + "end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex "
        + "used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
    }
    return nil
  }

  private static func isQualifiedPart(_ text: String) -> Bool {
    guard let first = text.first, let last = text.last else { return false }
    return isAlnum(first) && isAlnum(last)
      && text.allSatisfy { isAlnum($0) || $0 == "-" || $0 == "_" || $0 == "." }
  }

  /// Why a label value is invalid, or nil.
  package static func labelValueProblem(_ value: String) -> String? {
    if value.isEmpty { return nil }
    if value.count > 63 { return "must be no more than 63 characters" }
    if !isQualifiedPart(value) {
      return
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' "
        + "or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or "
        + "'my_value',  or '12345', regex used for validation is "
        + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
    }
    return nil
  }
}
