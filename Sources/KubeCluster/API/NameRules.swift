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

  /// Why a label key is not a qualified name, or nil when it is.
  package static func qualifiedNameProblem(_ key: String) -> String? {
    let parts = key.split(separator: "/", omittingEmptySubsequences: false)
    let name: Substring
    switch parts.count {
    case 1: name = parts[0]
    case 2:
      if parts[0].isEmpty { return "prefix part must be non-empty" }
      if !NameChecks.dns1123Subdomain(String(parts[0])).isEmpty {
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
    if name.utf8.count > 63 { return "name part must be no more than 63 characters" }
    if !NameChecks.matchesQualifiedPart(String(name)) {
      return
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and "
        + "end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex "
        + "used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
    }
    return nil
  }

  /// Why a label value is invalid, or nil.
  package static func labelValueProblem(_ value: String) -> String? {
    if value.isEmpty { return nil }
    if value.utf8.count > 63 { return "must be no more than 63 characters" }
    if !NameChecks.matchesQualifiedPart(value) {
      return
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' "
        + "or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or "
        + "'my_value',  or '12345', regex used for validation is "
        + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
    }
    return nil
  }
}
