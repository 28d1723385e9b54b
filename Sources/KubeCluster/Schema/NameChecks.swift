/// apimachinery's `util/validation` string checks, each returning the
/// problem messages in the order the Go functions append them.
///
/// The wording reuses `NameRules`; the length and regular-expression checks
/// are made separately, as in Go, so a long but well-formed name reports only
/// its length.
///
/// The checks read bytes, as Go's do: every character the patterns allow is
/// ASCII, so any other byte fails them, and lengths count bytes, as Go's
/// `len` does. (Reading Characters cost a grapheme walk per check, and a
/// controller's every pod has its name checked.)
enum NameChecks {
  private static func isLowerAlnum(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || isDigit(byte)
  }

  private static func isAlnum(_ byte: UInt8) -> Bool {
    isLowerAlnum(byte) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?` with no length limit.
  static func matchesLabel(_ text: String) -> Bool {
    let bytes = text.utf8
    guard let first = bytes.first, let last = bytes.last else { return false }
    return isLowerAlnum(first) && isLowerAlnum(last)
      && bytes.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
  }

  /// Labels joined by dots, each one `matchesLabel`.
  static func matchesSubdomain(_ text: String) -> Bool {
    // A label starts after a dot (or at the start) and ends before one.
    var previous = UInt8(ascii: ".")
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "."):
        guard isLowerAlnum(previous) else { return false }
      case UInt8(ascii: "-"):
        guard previous != UInt8(ascii: ".") else { return false }
      default:
        guard isLowerAlnum(byte) else { return false }
      }
      previous = byte
    }
    return isLowerAlnum(previous)
  }

  static func dns1123Label(_ text: String) -> [String] {
    var problems: [String] = []
    if text.utf8.count > 63 { problems.append("must be no more than 63 characters") }
    if !matchesLabel(text) {
      problems.append(
        matchesSubdomain(text) ? "must not contain dots" : NameRules.dns1123LabelMessage)
    }
    return problems
  }

  static func dns1123Subdomain(_ text: String) -> [String] {
    var problems: [String] = []
    if text.utf8.count > 253 { problems.append("must be no more than 253 characters") }
    if !matchesSubdomain(text) { problems.append(NameRules.dns1123SubdomainMessage) }
    return problems
  }

  static func dns1035Label(_ text: String) -> [String] {
    var problems: [String] = []
    if text.utf8.count > 63 { problems.append("must be no more than 63 characters") }
    if !(matchesLabel(text) && !isDigit(text.utf8.first ?? 0)) {
      problems.append(NameRules.dns1035LabelMessage)
    }
    return problems
  }

  /// What the API server says about an object name for `kind`, or none.
  static func objectName(_ name: String, kind: Kind) -> [String] {
    switch kind {
    case .namespace: return dns1123Label(name)
    case .service: return dns1035Label(name)
    case .role, .clusterRole, .roleBinding, .clusterRoleBinding: return pathSegment(name)
    case .cronJob:
      var problems = dns1123Subdomain(name)
      if name.utf8.count > 52 { problems.append("must be no more than 52 characters") }
      return problems
    default: return dns1123Subdomain(name)
    }
  }

  /// `path.IsValidPathSegmentName`, used for RBAC object names.
  static func pathSegment(_ name: String) -> [String] {
    if name == "." || name == ".." { return ["may not be '\(name)'"] }
    var problems: [String] = []
    if name.contains("/") { problems.append("may not contain '/'") }
    if name.contains("%") { problems.append("may not contain '%'") }
    return problems
  }

  private static let qualifiedPartMessage =
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
    + "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
    + "validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"

  static func matchesQualifiedPart(_ text: String) -> Bool {
    let bytes = text.utf8
    guard let first = bytes.first, let last = bytes.last else { return false }
    return isAlnum(first) && isAlnum(last) && bytes.allSatisfy { isAlnum($0) || isPunctuation($0) }
  }

  /// `-`, `_` or `.`.
  private static func isPunctuation(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
  }

  /// `IsQualifiedName`: label keys, annotation keys, finalizers.
  static func qualifiedName(_ value: String) -> [String] {
    var problems: [String] = []
    let parts = value.split(separator: "/", omittingEmptySubsequences: false)
    let name: String
    switch parts.count {
    case 1:
      name = String(parts[0])
    case 2:
      let prefix = String(parts[0])
      name = String(parts[1])
      if prefix.isEmpty {
        problems.append("prefix part must be non-empty")
      } else {
        problems += dns1123Subdomain(prefix).map { "prefix part " + $0 }
      }
    default:
      return [
        "a qualified name " + qualifiedPartMessage
          + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
      ]
    }
    if name.isEmpty {
      problems.append("name part must be non-empty")
    } else if name.utf8.count > 63 {
      problems.append("name part must be no more than 63 characters")
    }
    if !matchesQualifiedPart(name) { problems.append("name part " + qualifiedPartMessage) }
    return problems
  }

  static func labelValue(_ value: String) -> [String] {
    var problems: [String] = []
    if value.utf8.count > 63 { problems.append("must be no more than 63 characters") }
    if !value.isEmpty && !matchesQualifiedPart(value) {
      problems.append(NameRules.labelValueProblem(String(value.prefix(63))) ?? labelValueMessage)
    }
    return problems
  }

  private static let labelValueMessage =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or "
    + "'.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or "
    + "'my_value',  or '12345', regex used for validation is "
    + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

  /// `IsRelaxedEnvVarName`, the rule of Kubernetes 1.32 (the
  /// RelaxedEnvironmentVariableValidation feature is on by default).
  static func envVarName(_ name: String) -> [String] {
    if name.isEmpty { return ["environment variable name must be non-empty"] }
    let printable = name.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7f }
    if !printable || name.contains("=") {
      return [
        "a valid environment variable name must consist only of printable ASCII characters "
          + "other than '='"
      ]
    }
    return []
  }

  static func configMapKey(_ key: String) -> [String] {
    var problems: [String] = []
    if key.utf8.count > 253 { problems.append("must be no more than 253 characters") }
    if key.isEmpty || !key.utf8.allSatisfy({ isAlnum($0) || isPunctuation($0) }) {
      problems.append(
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. "
          + "'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is "
          + "'[-._a-zA-Z0-9]+')")
    }
    if key == "." {
      problems.append("must not be '.'")
    } else if key == ".." {
      problems.append("must not be '..'")
    } else if key.hasPrefix("..") {
      problems.append("must not start with '..'")
    }
    return problems
  }

  /// `IsValidPortName`.
  static func portName(_ name: String) -> [String] {
    var problems: [String] = []
    if name.utf8.count > 15 { problems.append("must be no more than 15 characters") }
    if name.isEmpty || !name.utf8.allSatisfy({ isLowerAlnum($0) || $0 == UInt8(ascii: "-") }) {
      problems.append("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)")
    }
    if !name.utf8.contains(where: { isLowerAlnum($0) && !isDigit($0) }) {
      problems.append("must contain at least one letter (a-z)")
    }
    if name.contains("--") { problems.append("must not contain consecutive hyphens") }
    if name.hasPrefix("-") || name.hasSuffix("-") {
      problems.append("must not begin or end with a hyphen")
    }
    return problems
  }

  static let portRange = "must be between 1 and 65535, inclusive"

  static func isValidPort(_ port: Int) -> Bool { (1...65535).contains(port) }
}
