/// One flag a kubectl command accepts, declared as data so that parsing,
/// help and completion read the same list.
package struct FlagSpec: Sendable {
  package enum Kind: Sendable {
    case bool
    case string
    case int
    /// Repeatable; each use appends (and a comma list splits, as pflag's stringSlice).
    case stringArray(splitCommas: Bool)
    case duration
  }

  package var name: String
  package var short: Character?
  package var kind: Kind
  package var defaultValue: String
  package var help: String

  package init(_ name: String, short: Character? = nil, _ kind: Kind = .string, default defaultValue: String = "", help: String = "") {
    self.name = name
    self.short = short
    self.kind = kind
    self.defaultValue = defaultValue
    self.help = help
  }

  package static func bool(_ name: String, short: Character? = nil, default value: Bool = false, help: String = "") -> FlagSpec {
    FlagSpec(name, short: short, .bool, default: value ? "true" : "false", help: help)
  }

  package static func string(_ name: String, short: Character? = nil, default value: String = "", help: String = "") -> FlagSpec {
    FlagSpec(name, short: short, .string, default: value, help: help)
  }

  package static func int(_ name: String, short: Character? = nil, default value: Int, help: String = "") -> FlagSpec {
    FlagSpec(name, short: short, .int, default: String(value), help: help)
  }

  package static func strings(_ name: String, short: Character? = nil, splitCommas: Bool = false, help: String = "") -> FlagSpec {
    FlagSpec(name, short: short, .stringArray(splitCommas: splitCommas), default: "[]", help: help)
  }

  package static func duration(_ name: String, default value: String, help: String = "") -> FlagSpec {
    FlagSpec(name, .duration, default: value, help: help)
  }

  /// `-r, --replicas` or `--replicas`, as pflag names a flag in errors.
  var displayName: String {
    if let short { return "-\(short), --\(name)" }
    return "--\(name)"
  }

  var isBool: Bool {
    if case .bool = kind { return true }
    return false
  }
}

/// The flags every kubectl command accepts (kubectl's persistent root flags).
package enum GlobalFlags {
  package static let all: [FlagSpec] = [
    .string("namespace", short: "n", help: "If present, the namespace scope for this CLI request"),
    .string("context", help: "The name of the kubeconfig context to use"),
    .string("cluster", help: "The name of the kubeconfig cluster to use"),
    .string("user", help: "The name of the kubeconfig user to use"),
    .string("kubeconfig", help: "Path to the kubeconfig file to use for CLI requests."),
    .string("server", short: "s", help: "The address and port of the Kubernetes API server"),
    .string("token", help: "Bearer token for authentication to the API server"),
    .string("request-timeout", default: "0", help: "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests."),
    .bool("insecure-skip-tls-verify", help: "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"),
    .bool("match-server-version", help: "Require server version to match client version"),
    .string("as", help: "Username to impersonate for the operation. User could be a regular user or a service account in a namespace."),
    .strings("as-group", help: "Group to impersonate for the operation, this flag can be repeated to specify multiple groups."),
    .string("as-uid", help: "UID to impersonate for the operation."),
    .string("cache-dir", default: "$HOME/.kube/cache", help: "Default cache directory"),
    .string("certificate-authority", help: "Path to a cert file for the certificate authority"),
    .string("client-certificate", help: "Path to a client certificate file for TLS"),
    .string("client-key", help: "Path to a client key file for TLS"),
    .string("tls-server-name", help: "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used"),
    .bool("disable-compression", help: "If true, opt-out of response compression for all requests to the server"),
    .string("profile", default: "none", help: "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)"),
    .string("profile-output", default: "profile.pprof", help: "Name of the file to write the profile to"),
    .bool("warnings-as-errors", help: "Treat warnings received from the server as errors and exit with a non-zero exit code"),
    .string("v", short: "v", default: "0", help: "number for the log level verbosity"),
    .string("vmodule", help: "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)"),
    .string("log-flush-frequency", default: "5s", help: "Maximum number of seconds between log flushes"),
  ]
}
