import Foundation
import KubeCluster

/// `kubectl config view|get-contexts|current-context|use-context|set-context|get-clusters|get-users`
/// over the kubeconfig `kind create cluster` writes: one cluster, user and
/// context, all named `kind-kind`. The context's namespace is the session's.
struct ConfigCommand: KubectlCommand {
  static let name = "config"
  static let contextName = "kind-kind"
  static let server = "https://127.0.0.1:6443"

  static let flags: [FlagSpec] = [
    .bool("current", help: "Modify the current context"),
    .string("output", short: "o", help: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
    .bool("minify", help: "Remove all information not used by current-context from the output"),
    .bool("raw", help: "Display raw byte data and sensitive data"),
    .bool("flatten", help: "Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)"),
    .bool("merge", default: true, help: "Merge the full hierarchy of kubeconfig files"),
    .bool("no-headers", help: "When using the default or custom-column output format, don't print headers (default print headers)."),
    .string("template", help: "Template string or path to template file to use when -o=go-template, -o=go-template-file."),
    .bool("allow-missing-template-keys", default: true, help: "If true, ignore any errors in templates when a field or map key is missing in the template."),
    .bool("show-managed-fields", help: "If true, keep the managedFields when printing objects in JSON or YAML format."),
  ]

  static let subcommands = [
    "current-context", "delete-cluster", "delete-context", "delete-user", "get-clusters", "get-contexts",
    "get-users", "rename-context", "set", "set-cluster", "set-context", "set-credentials", "unset",
    "use-context", "view",
  ]

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    let flags = invocation.flags
    guard let sub = invocation.positionals.first else {
      return CommandOutput(stderr: HelpText.forCommand("config", flags: []), exitCode: 1)
    }
    guard subcommands.contains(sub) || sub == "use" else { throw KubectlError.unknownCommand(sub, of: "config") }
    let arguments = Array(invocation.positionals.dropFirst())
    let namespace = invocation.environment.namespace
    switch sub {
    case "current-context":
      return CommandOutput(stdout: contextName + "\n")
    case "use-context", "use":
      guard let name = arguments.first else { throw KubectlError.usage("Unexpected args: []", command: "config use-context") }
      guard name == contextName else { throw KubectlError.message("no context exists with the name: \"\(name)\"") }
      return CommandOutput(stdout: "Switched to context \"\(name)\".\n")
    case "set-context":
      var name = arguments.first ?? ""
      if flags.bool("current") {
        guard arguments.isEmpty else { throw KubectlError.message("you cannot specify both a context name and --current") }
        name = contextName
      }
      guard !name.isEmpty else { throw KubectlError.message("you must specify a non-empty context name or --current") }
      guard name == contextName else {
        return CommandOutput(stdout: "Context \"\(name)\" created.\n")
      }
      var output = CommandOutput(stdout: "Context \"\(name)\" modified.\n")
      if let value = flags.optionalString("namespace") { output.namespace = value.isEmpty ? "default" : value }
      return output
    case "get-contexts":
      if let name = arguments.first, name != contextName {
        // kubectl prints the table's header before it looks the name up.
        let header = flags.bool("no-headers") || flags.string("output") == "name" ? "" : TemplatePrinter.tabwriter([["CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE"]])
        return CommandOutput(stdout: header, stderr: "error: context \(name) not found\n", exitCode: 1)
      }
      if flags.string("output") == "name" { return CommandOutput(stdout: contextName + "\n") }
      guard flags.string("output").isEmpty else {
        throw KubectlError.message("output must be one of '' or 'name'")
      }
      var rows: [[String]] = []
      if !flags.bool("no-headers") { rows.append(["CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE"]) }
      rows.append(["*", contextName, contextName, contextName, namespace == "default" ? "" : namespace])
      return CommandOutput(stdout: TemplatePrinter.tabwriter(rows))
    case "get-clusters", "get-users":
      return CommandOutput(stdout: "NAME\n\(contextName)\n")
    case "view":
      let config = kubeconfig(namespace: namespace, raw: flags.bool("raw"))
      let format = flags.string("output")
      if let text = try Printed.templated(config, format: format) { return CommandOutput(stdout: text) }
      if format == "json" { return CommandOutput(stdout: JSONEmitter.emit(config, sortKeys: false)) }
      return CommandOutput(stdout: YAMLEmitter.emit(config))
    default:
      throw KubectlError.message("kubetutor keeps one kind cluster: \"config \(sub)\" is not available")
    }
  }

  /// The kubeconfig as kubectl prints it (secrets shown as `DATA+OMITTED`).
  static func kubeconfig(namespace: String, raw: Bool) -> JSONValue {
    let secret: JSONValue = raw ? "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUMva3ViZXR1dG9yCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K" : "DATA+OMITTED"
    var context: JSONValue = ["cluster": .string(contextName)]
    if namespace != "default" { context["namespace"] = .string(namespace) }
    context["user"] = .string(contextName)
    return [
      "apiVersion": "v1",
      "clusters": [["cluster": ["certificate-authority-data": secret, "server": .string(server)], "name": .string(contextName)]],
      "contexts": [["context": context, "name": .string(contextName)]],
      "current-context": .string(contextName),
      "kind": "Config",
      "preferences": .emptyObject,
      "users": [["name": .string(contextName), "user": ["client-certificate-data": secret, "client-key-data": secret]]],
    ]
  }
}

/// `kubectl api-versions`: the group versions a kind 1.32 API server serves.
struct APIVersionsCommand: KubectlCommand {
  static let name = "api-versions"
  static let flags: [FlagSpec] = []
  static let versions = [
    "admissionregistration.k8s.io/v1", "apiextensions.k8s.io/v1", "apiregistration.k8s.io/v1", "apps/v1",
    "authentication.k8s.io/v1", "authorization.k8s.io/v1", "autoscaling/v1", "autoscaling/v2", "batch/v1",
    "certificates.k8s.io/v1", "coordination.k8s.io/v1", "discovery.k8s.io/v1", "events.k8s.io/v1",
    "flowcontrol.apiserver.k8s.io/v1", "networking.k8s.io/v1", "node.k8s.io/v1", "policy/v1",
    "rbac.authorization.k8s.io/v1", "scheduling.k8s.io/v1", "storage.k8s.io/v1", "v1",
  ]

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    if !invocation.positionals.isEmpty {
      throw KubectlError.raw("error: unexpected arguments: [\(invocation.positionals.joined(separator: " "))]\nSee 'kubectl api-versions -h' for help and examples\n")
    }
    return CommandOutput(stdout: versions.map { $0 + "\n" }.joined())
  }
}

/// `kubectl auth can-i VERB RESOURCE` and `auth whoami`: kind's kubeconfig
/// user is cluster-admin; `--as` asks for another user or a service
/// account, whom the cluster's RBAC bindings answer for.
struct AuthCommand: KubectlCommand {
  static let name = "auth"
  static let flags: [FlagSpec] = [
    .bool("all-namespaces", short: "A", help: "If true, check the specified action in all namespaces."),
    .bool("list", help: "If true, prints all allowed actions."),
    .bool("no-headers", help: "If true, prints allowed actions without headers"),
    .bool("quiet", short: "q", help: "If true, suppress output and just return the exit code."),
    .string("subresource", help: "SubResource such as pod/log or deployment/scale"),
    .string("output", short: "o", help: "Output format. One of (json, yaml)."),
  ]

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    let arguments = invocation.positionals
    switch arguments.first {
    case "can-i":
      let subject = Self.subject(invocation)
      if invocation.flags.bool("list") {
        try Self.authorizeReview("selfsubjectrulesreviews", group: "authorization.k8s.io", subject: subject, in: cluster)
        let rules = RBACAuthorizer.rules(for: subject, namespace: invocation.namespace, in: cluster)
        return CommandOutput(stdout: Self.listing(rules, headers: !invocation.flags.bool("no-headers")))
      }
      // Exactly VERB and TYPE, TYPE/NAME or a non-resource URL.
      guard arguments.count == 3 else {
        throw KubectlError.raw(
          "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n")
      }
      try Self.authorizeReview("selfsubjectaccessreviews", group: "authorization.k8s.io", subject: subject, in: cluster)
      var output = CommandOutput()
      var request = RBACAuthorizer.Request(verb: arguments[1], subresource: invocation.flags.string("subresource"))
      let resource = arguments[2]
      if resource.hasPrefix("/") {
        request.path = resource
      } else {
        let parts = resource.split(separator: "/", maxSplits: 1).map(String.init)
        let type = parts.first ?? ""
        request.name = parts.count > 1 ? parts[1] : ""
        if let kind = ResourceResolver.kind(for: type) {
          request.apiGroup = kind.group
          request.resource = kind.resource
          if kind.isNamespaced && !invocation.flags.bool("all-namespaces") { request.namespace = invocation.namespace }
        } else if let group = Self.reviewGroups[type.split(separator: ".").first.map(String.init) ?? type] {
          // The review resources, which are served but never stored.
          request.apiGroup = group
          request.resource = String(type.split(separator: ".").first ?? "")
        } else {
          if type != "*" {
            // resourceFor warns before the answer is printed.
            output.err("Warning: the server doesn't have a resource type '\(type)'\n")
          }
          request.resource = type
          if !invocation.flags.bool("all-namespaces") { request.namespace = invocation.namespace }
        }
      }
      let allowed = RBACAuthorizer.allows(request, subject: subject, in: cluster)
      if !invocation.flags.bool("quiet") { output.out(allowed ? "yes\n" : "no\n") }
      output.exitCode = allowed ? 0 : 1
      return output
    case "whoami":
      let subject = Self.subject(invocation)
      try Self.authorizeReview("selfsubjectreviews", group: "authentication.k8s.io", subject: subject, in: cluster)
      return CommandOutput(stdout: TemplatePrinter.tabwriter([
        ["ATTRIBUTE", "VALUE"], ["Username", subject.user], ["Groups", "[\(subject.groups.joined(separator: " "))]"],
      ]))
    case nil:
      return CommandOutput(stderr: HelpText.forCommand("auth", flags: []), exitCode: 1)
    case let other?:
      throw KubectlError.unknownCommand(other, of: "auth")
    }
  }

  /// The access and token review resources discovery lists, by group.
  static let reviewGroups: [String: String] = [
    "selfsubjectaccessreviews": "authorization.k8s.io", "selfsubjectrulesreviews": "authorization.k8s.io",
    "subjectaccessreviews": "authorization.k8s.io", "selfsubjectreviews": "authentication.k8s.io",
    "tokenreviews": "authentication.k8s.io",
  ]

  /// The review kubectl creates to ask is itself authorized: only
  /// authenticated users are granted it (system:basic-user), so
  /// `--as=system:anonymous` is refused before any answer.
  static func authorizeReview(_ resource: String, group: String, subject: RBACAuthorizer.Subject, in cluster: Cluster) throws {
    let request = RBACAuthorizer.Request(verb: "create", apiGroup: group, resource: resource)
    guard !RBACAuthorizer.allows(request, subject: subject, in: cluster) else { return }
    throw KubectlError.raw(
      "Error from server (Forbidden): \(resource).\(group) is forbidden: \(RBACAuthorizer.refusal(request, subject: subject))\n")
  }

  /// kind's admin, or whom `--as` / `--as-group` impersonate.
  static func subject(_ invocation: Invocation) -> RBACAuthorizer.Subject {
    guard let user = invocation.flags.optionalString("as"), !user.isEmpty else { return .admin }
    return .impersonated(user, groups: invocation.flags.strings("as-group"))
  }

  /// `can-i --list`: the rules broken down to one verb each, merged back per
  /// resource (rbac's BreakdownRule and CompactRules), sorted by their Go
  /// `String()` form, as kubectl prints a SelfSubjectRulesReview.
  static func listing(_ rules: [RBACAuthorizer.Rule], headers: Bool) -> String {
    typealias Rule = RBACAuthorizer.Rule
    var simple: [Rule] = []
    var others: [Rule] = []
    for rule in rules {
      for group in rule.apiGroups {
        for resource in rule.resources {
          for verb in rule.verbs {
            for name in rule.resourceNames.isEmpty ? [nil] : rule.resourceNames.map(Optional.some) {
              let piece = Rule(verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: name.map { [$0] } ?? [])
              if let index = simple.firstIndex(where: {
                $0.apiGroups == piece.apiGroups && $0.resources == piece.resources && $0.resourceNames == piece.resourceNames
              }) {
                simple[index].verbs.append(verb)
              } else {
                simple.append(piece)
              }
            }
          }
        }
      }
      for url in rule.nonResourceURLs {
        for verb in rule.verbs { others.append(Rule(verbs: [verb], nonResourceURLs: [url])) }
      }
    }
    func list(_ items: [String]) -> String { "[\(items.joined(separator: " "))]" }
    func goString(_ rule: Rule) -> String {
      "&PolicyRule{Verbs:\(list(rule.verbs)),APIGroups:\(list(rule.apiGroups)),Resources:\(list(rule.resources)),"
        + "ResourceNames:\(list(rule.resourceNames)),NonResourceURLs:\(list(rule.nonResourceURLs)),}"
    }
    let sorted = (others + simple).enumerated().sorted { a, b in
      let (left, right) = (goString(a.element), goString(b.element))
      return left == right ? a.offset < b.offset : left.utf8.lexicographicallyPrecedes(right.utf8)
    }.map(\.element)
    var rows: [[String]] = headers ? [["Resources", "Non-Resource URLs", "Resource Names", "Verbs"]] : []
    for rule in sorted {
      // describe.CombineResourceGroup: `resource.group/subresource`.
      var combined = ""
      if let resource = rule.resources.first {
        let parts = resource.split(separator: "/", maxSplits: 1).map(String.init)
        combined = parts[0]
        if let group = rule.apiGroups.first, !group.isEmpty { combined += "." + group }
        if parts.count > 1 { combined += "/" + parts[1] }
      }
      rows.append([combined, list(rule.nonResourceURLs), list(rule.resourceNames), list(rule.verbs)])
    }
    return TemplatePrinter.tabwriter(rows)
  }
}
