import Foundation
import KubeCluster

/// `kubectl create configmap|secret|job|cronjob|serviceaccount|quota|role|
/// rolebinding|clusterrole|clusterrolebinding|priorityclass|
/// poddisruptionbudget|token`: objects built in Go struct field order, so
/// `--dry-run=client -o json` prints as kubectl does.
enum CreateGenerators {
  static let flags: [FlagSpec] = [
    .strings("from-literal", help: "Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)"),
    .strings("from-file", help: "Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key."),
    .strings("from-env-file", help: "Specify the path to a file to read lines of key=val pairs to create a configmap."),
    .bool("append-hash", help: "Append a hash of the configmap to its name."),
    .string("type", help: "The type of secret to create"),
    .string("cert", help: "Path to PEM encoded public key certificate."),
    .string("key", help: "Path to private key associated with given certificate."),
    .string("docker-server", default: "https://index.docker.io/v1/", help: "Server location for Docker registry"),
    .string("docker-username", help: "Username for Docker registry authentication"),
    .string("docker-password", help: "Password for Docker registry authentication"),
    .string("docker-email", help: "Email for Docker registry"),
    .string("from", help: "The name of the resource to create a Job from (only cronjob is supported)."),
    .string("schedule", help: "A schedule in the Cron format the job should be run with."),
    .string("restart", help: "job's restart policy. supported values: OnFailure, Never"),
    .string("hard", help: "A comma-delimited set of resource=quantity pairs that define a hard limit."),
    .string("scopes", help: "A comma-delimited set of quota scopes that must all match each object tracked by the quota."),
    .strings("verb", splitCommas: true, help: "Verb that applies to the resources contained in the rule"),
    .strings("resource", splitCommas: true, help: "Resource that the rule applies to"),
    .strings("resource-name", help: "Resource in the white list that the rule applies to, repeat this flag for multiple items"),
    .strings("non-resource-url", splitCommas: true, help: "A partial url that user should have access to."),
    .string("aggregation-rule", help: "An aggregation label selector for combining ClusterRoles."),
    .string("role", help: "Role this RoleBinding should reference"),
    .string("clusterrole", help: "ClusterRole this binding should reference"),
    .strings("user", help: "Usernames to bind to the role. The flag can be repeated to add multiple users."),
    .strings("group", help: "Groups to bind to the role. The flag can be repeated to add multiple groups."),
    .strings("serviceaccount", help: "Service accounts to bind to the role, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts."),
    .int("value", default: 0, help: "the value of this priority class."),
    .bool("global-default", help: "global-default specifies whether this PriorityClass should be considered as the default priority."),
    .string("description", help: "description is an arbitrary string that usually provides guidelines on when this priority class should be used."),
    .string("preemption-policy", default: "PreemptLowerPriority", help: "preemption-policy is the policy for preempting pods with lower priority."),
    .string("min-available", help: "The minimum number or percentage of available pods this budget requires."),
    .string("max-unavailable", help: "The maximum number or percentage of unavailable pods this budget requires."),
    .duration("duration", default: "0s", help: "Requested lifetime of the issued token. If not set or if set to 0, the lifetime will be determined by the server automatically. The server may return a token with a longer or shorter lifetime."),
    .strings("audience", help: "Audience of the requested token. If unset, defaults to requesting a token for use with the Kubernetes API server. May be repeated to request a token valid for multiple audiences."),
  ]

  /// The generated object's output, or nil when `sub` is not a generator here.
  static func run(_ sub: String, _ invocation: Invocation, cluster: inout Cluster, dryRun: DryRun) throws -> CommandOutput? {
    let flags = invocation.flags
    let canonical: [String: String] = [
      "cm": "configmap", "sa": "serviceaccount", "resourcequota": "quota", "pc": "priorityclass",
      "pdb": "poddisruptionbudget", "cj": "cronjob",
    ]
    let kind = canonical[sub] ?? sub
    let known = ["configmap", "secret", "job", "cronjob", "serviceaccount", "quota", "role", "rolebinding", "clusterrole", "clusterrolebinding", "priorityclass", "poddisruptionbudget", "token"]
    guard known.contains(kind) else { return nil }
    var arguments = Array(invocation.positionals.dropFirst())
    var secretType = "generic"
    if kind == "secret" {
      guard let type = arguments.first else {
        return CommandOutput(stderr: HelpText.forCommand("create secret", flags: []), exitCode: 1)
      }
      guard ["generic", "tls", "docker-registry"].contains(type) else { throw KubectlError.unknownCommand(type, of: "create secret") }
      secretType = type
      arguments.removeFirst()
    }
    if kind == "cronjob" {
      // cobra's MarkFlagRequired, checked before the command runs.
      let missing = ["image", "schedule"].filter { !flags.isSet($0) }
      if !missing.isEmpty {
        throw KubectlError.message("required flag(s) \(missing.map { "\"\($0)\"" }.joined(separator: ", ")) not set")
      }
    }
    let command = kind == "secret" ? "create secret \(secretType)" : "create \(kind)"
    let argsBeforeDash = flags.argsBeforeDash.map { $0 - (kind == "secret" ? 2 : 1) }
    let nameCount = argsBeforeDash ?? arguments.count
    guard nameCount >= 1, let name = arguments.first else {
      throw KubectlError.raw("error: exactly one NAME is required, got 0\nSee 'kubectl \(command) -h' for help and examples\n")
    }
    let extra = Array(arguments.dropFirst())
    if !["job", "cronjob"].contains(kind) && nameCount > 1 {
      throw KubectlError.raw("error: exactly one NAME is required, got \(nameCount)\nSee 'kubectl \(command) -h' for help and examples\n")
    }
    let namespace: String? = invocation.namespaceWasGiven ? invocation.namespace : nil
    let meta = Generators.meta(name, namespace: namespace, labels: [:])
    var object: Object
    var warnings = ""
    switch kind {
    case "configmap":
      let data = try collectData(invocation, kindName: "ConfigMap", name: name, base64: false)
      var fields: [(String, JSONValue)] = [("metadata", meta)]
      if !data.isEmpty { fields.append(("data", Object.mapValue(data) ?? .emptyObject)) }
      object = Generators.typed(.configMap, fields)
    case "secret":
      var fields: [(String, JSONValue)] = [("metadata", meta)]
      var type = flags.string("type")
      switch secretType {
      case "tls":
        guard !flags.string("cert").isEmpty, !flags.string("key").isEmpty else {
          throw KubectlError.message("key and cert must be specified")
        }
        func readPEM(_ path: String) throws -> String {
          do { return try invocation.environment.readFile(path) } catch {
            throw KubectlError.message("Cannot read file \(path), open \(path): no such file or directory")
          }
        }
        let cert = try readPEM(flags.string("cert"))
        let key = try readPEM(flags.string("key"))
        guard cert.contains("-----BEGIN") else { throw KubectlError.message("tls: failed to find any PEM data in certificate input") }
        guard key.contains("-----BEGIN") else { throw KubectlError.message("tls: failed to find any PEM data in key input") }
        fields.append(("data", ["tls.crt": .string(Data(cert.utf8).base64EncodedString()), "tls.key": .string(Data(key.utf8).base64EncodedString())]))
        type = "kubernetes.io/tls"
      case "docker-registry":
        guard !flags.string("docker-username").isEmpty || !flags.strings("from-file").isEmpty else {
          throw KubectlError.message("either --from-file or the combination of --docker-username, --docker-password and --docker-server is required")
        }
        let user = flags.string("docker-username")
        let password = flags.string("docker-password")
        var entry = "{\"username\":\(JSONValue.quoted(user)),\"password\":\(JSONValue.quoted(password)),"
        if !flags.string("docker-email").isEmpty { entry += "\"email\":\(JSONValue.quoted(flags.string("docker-email"))),"}
        entry += "\"auth\":\(JSONValue.quoted(Data("\(user):\(password)".utf8).base64EncodedString()))}"
        let config = "{\"auths\":{\(JSONValue.quoted(flags.string("docker-server"))):\(entry)}}"
        fields.append(("data", [".dockerconfigjson": .string(Data(config.utf8).base64EncodedString())]))
        type = "kubernetes.io/dockerconfigjson"
      default:
        let data = try collectData(invocation, kindName: "Secret", name: name, base64: true)
        if !data.isEmpty { fields.append(("data", Object.mapValue(data) ?? .emptyObject)) }
      }
      if !type.isEmpty { fields.append(("type", .string(type))) }
      object = Generators.typed(.secret, fields)
    case "serviceaccount":
      object = Generators.typed(.serviceAccount, [("metadata", meta)])
    case "quota":
      var spec = JSONObject()
      if !flags.string("hard").isEmpty {
        var hard: [String: String] = [:]
        for pair in flags.string("hard").split(separator: ",") {
          let parts = pair.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
          guard parts.count == 2 else { throw KubectlError.message("Invalid argument syntax \(pair), expected <resource>=<value>") }
          do {
            hard[parts[0]] = try Quantity(parsing: parts[1]).description
          } catch {
            throw KubectlError.message(error.description)
          }
        }
        spec["hard"] = Object.mapValue(hard)
      }
      if !flags.string("scopes").isEmpty {
        spec["scopes"] = .array(flags.string("scopes").split(separator: ",").map { .string(String($0)) })
      }
      object = Generators.typed(.resourceQuota, [("metadata", meta), ("spec", .object(spec)), ("status", .emptyObject)])
    case "priorityclass":
      var fields: [(String, JSONValue)] = [("metadata", meta), ("value", .int(flags.int("value")))]
      if flags.bool("global-default") { fields.append(("globalDefault", .bool(true))) }
      if !flags.string("description").isEmpty { fields.append(("description", .string(flags.string("description")))) }
      fields.append(("preemptionPolicy", .string(flags.string("preemption-policy"))))
      object = Generators.typed(.priorityClass, fields)
    case "poddisruptionbudget":
      let minimum = flags.string("min-available")
      let maximum = flags.string("max-unavailable")
      guard minimum.isEmpty || maximum.isEmpty else {
        throw KubectlError.message("min-available and max-unavailable cannot be both specified")
      }
      guard !minimum.isEmpty || !maximum.isEmpty else {
        throw KubectlError.message("one of min-available or max-unavailable must be specified")
      }
      let selectorText = flags.string("selector")
      guard !selectorText.isEmpty else { throw KubectlError.message("a selector must be specified") }
      var spec = JSONObject()
      if !minimum.isEmpty { spec["minAvailable"] = intOrString(minimum) }
      var labels: [String: String] = [:]
      for pair in selectorText.split(separator: ",") {
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        if parts.count == 2 { labels[parts[0]] = parts[1] }
      }
      spec["selector"] = ["matchLabels": Object.mapValue(labels) ?? .emptyObject]
      if !maximum.isEmpty { spec["maxUnavailable"] = intOrString(maximum) }
      let status = JSONValue.object(JSONObject([("disruptionsAllowed", .int(0)), ("currentHealthy", .int(0)), ("desiredHealthy", .int(0)), ("expectedPods", .int(0))]))
      object = Generators.typed(.podDisruptionBudget, [("metadata", meta), ("spec", .object(spec)), ("status", status)])
    case "rolebinding", "clusterrolebinding":
      let role = flags.string("role")
      let clusterRole = flags.string("clusterrole")
      if kind == "rolebinding" {
        guard role.isEmpty != clusterRole.isEmpty else {
          throw KubectlError.message(role.isEmpty ? "exactly one of clusterrole or role must be specified" : "exactly one of clusterrole or role must be specified")
        }
      } else {
        guard !clusterRole.isEmpty else { throw KubectlError.message("required flag(s) \"clusterrole\" not set") }
      }
      var subjects: [JSONValue] = []
      for user in flags.strings("user") {
        subjects.append(.object(JSONObject([("kind", "User"), ("apiGroup", "rbac.authorization.k8s.io"), ("name", .string(user))])))
      }
      for group in flags.strings("group") {
        subjects.append(.object(JSONObject([("kind", "Group"), ("apiGroup", "rbac.authorization.k8s.io"), ("name", .string(group))])))
      }
      for account in flags.strings("serviceaccount") {
        let parts = account.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw KubectlError.message("serviceaccount must be <namespace>:<name>") }
        subjects.append(.object(JSONObject([("kind", "ServiceAccount"), ("name", .string(parts[1])), ("namespace", .string(parts[0]))])))
      }
      var fields: [(String, JSONValue)] = [("metadata", meta)]
      if !subjects.isEmpty { fields.append(("subjects", .array(subjects))) }
      let refKind = role.isEmpty ? "ClusterRole" : "Role"
      fields.append(("roleRef", .object(JSONObject([("apiGroup", "rbac.authorization.k8s.io"), ("kind", .string(refKind)), ("name", .string(role.isEmpty ? clusterRole : role))]))))
      object = Generators.typed(kind == "rolebinding" ? .roleBinding : .clusterRoleBinding, fields)
    case "role", "clusterrole":
      let verbs = flags.strings("verb")
      let resources = flags.strings("resource")
      let urls = flags.strings("non-resource-url")
      let aggregation = kind == "clusterrole" ? flags.string("aggregation-rule") : ""
      if !aggregation.isEmpty {
        // An aggregated ClusterRole has its rules filled in by the controller.
        guard verbs.isEmpty, resources.isEmpty, urls.isEmpty, flags.strings("resource-name").isEmpty else {
          throw KubectlError.message("aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames")
        }
        var labels = JSONObject()
        for pair in aggregation.split(separator: ",") {
          let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
          labels[parts[0]] = .string(parts.count > 1 ? parts[1] : "")
        }
        object = Generators.typed(.clusterRole, [
          ("metadata", meta), ("rules", .null), ("aggregationRule", ["clusterRoleSelectors": [["matchLabels": .object(labels)]]]),
        ])
        return try CreateCommand.submit(object, invocation: invocation, cluster: &cluster, dryRun: dryRun, format: flags.string("output"), saveConfig: false)
      }
      guard !verbs.isEmpty else { throw KubectlError.message("at least one verb must be specified") }
      guard !resources.isEmpty || !urls.isEmpty else {
        throw KubectlError.message("at least one resource must be specified")
      }
      var groups: [String: [String]] = [:]
      for resource in resources {
        // TYPE[.GROUP][/SUBRESOURCE], as `pods/log` or `deployments.apps/scale`.
        var plural = resource
        var subresource = ""
        if let slash = plural.firstIndex(of: "/") {
          subresource = String(plural[slash...])
          plural = String(plural[..<slash])
        }
        var group = ""
        if let dot = plural.firstIndex(of: ".") {
          group = String(plural[plural.index(after: dot)...])
          plural = String(plural[..<dot])
        }
        if let kindFound = ResourceResolver.kind(for: plural) {
          plural = kindFound.resource
          if group.isEmpty { group = kindFound.group }
        } else if !["*"].contains(plural) {
          // StandardErrorMessage words a NoResourceMatchError without "error: ".
          throw KubectlError.raw("the server doesn't have a resource type \"\(plural)\"\n")
        }
        groups[group, default: []].append(plural + subresource)
      }
      var rules: [JSONValue] = []
      for group in groups.keys.sorted() {
        var rule = JSONObject()
        rule["verbs"] = .array(verbs.map { .string($0) })
        rule["apiGroups"] = [.string(group)]
        rule["resources"] = .array((groups[group] ?? []).map { .string($0) })
        let names = flags.strings("resource-name")
        if !names.isEmpty { rule["resourceNames"] = .array(names.map { .string($0) }) }
        rules.append(.object(rule))
      }
      if !urls.isEmpty {
        rules.append(.object(JSONObject([("verbs", .array(verbs.map { .string($0) })), ("nonResourceURLs", .array(urls.map { .string($0) }))])))
      }
      object = Generators.typed(kind == "role" ? .role : .clusterRole, [("metadata", meta), ("rules", .array(rules))])
      // validateResource's warning for a verb outside the standard set.
      if !resources.isEmpty {
        for verb in verbs where !Self.resourceVerbs.contains(verb) {
          warnings += "Warning: '\(verb)' is not a standard resource verb\n"
        }
      }
    case "job":
      guard flags.strings("image").isEmpty != flags.string("from").isEmpty else {
        throw KubectlError.message("either --image or --from must be specified")
      }
      if !flags.string("from").isEmpty {
        guard extra.isEmpty else { throw KubectlError.message("cannot specify --from and command") }
        return try jobFromCronJob(name, from: flags.string("from"), invocation: invocation, cluster: &cluster, dryRun: dryRun)
      }
      object = Generators.typed(.job, [("metadata", meta), ("spec", ["template": podTemplate(name, image: flags.strings("image")[0], command: extra, restart: "Never")]), ("status", .emptyObject)])
    case "cronjob":
      let restart = flags.string("restart").isEmpty ? "OnFailure" : flags.string("restart")
      let jobTemplate: JSONValue = .object(JSONObject([
        ("metadata", .object(JSONObject([("name", .string(name)), ("creationTimestamp", .null)]))),
        ("spec", ["template": podTemplate(name, image: flags.strings("image")[0], command: extra, restart: restart)]),
      ]))
      object = Generators.typed(.cronJob, [("metadata", meta), ("spec", .object(JSONObject([("schedule", .string(flags.string("schedule"))), ("jobTemplate", jobTemplate)]))), ("status", .emptyObject)])
    default:
      guard cluster.store.get(ObjectKey(.serviceAccount, name, in: invocation.namespace)) != nil else {
        throw KubectlError.message("failed to create token: serviceaccounts \"\(name)\" not found")
      }
      return CommandOutput(stdout: fakeToken(account: name, namespace: invocation.namespace, now: cluster.now) + "\n")
    }
    var output = try CreateCommand.submit(
      object, invocation: invocation, cluster: &cluster, dryRun: dryRun, format: flags.string("output"),
      failure: failurePrefixes[kind], saveConfig: kind != "clusterrole")
    output.stderr = warnings + output.stderr
    return output
  }

  /// The verbs `create role` knows (k8s.io/kubectl's validResourceVerbs).
  static let resourceVerbs: Set<String> = [
    "*", "get", "delete", "list", "create", "update", "patch", "watch", "proxy", "redirect", "deletecollection", "use",
    "bind", "escalate", "impersonate", "approve", "sign",
  ]

  /// How each kubectl 1.32 generator words the API server's refusal
  /// (`pkg/cmd/create`); namespace, role and clusterrole pass it on as is.
  static let failurePrefixes: [String: String] = [
    "clusterrolebinding": "failed to create clusterrolebinding: ", "configmap": "failed to create configmap: ",
    "cronjob": "failed to create cronjob: ", "job": "failed to create job: ",
    "poddisruptionbudget": "failed to create poddisruptionbudgets: ", "priorityclass": "failed to create priorityclass: ",
    "quota": "failed to create quota: ", "rolebinding": "failed to create rolebinding: ",
    "secret": "failed to create secret ", "serviceaccount": "failed to create serviceaccount: ",
  ]

  static func podTemplate(_ name: String, image: String, command: [String], restart: String) -> JSONValue {
    var container = JSONObject([("name", .string(name)), ("image", .string(image))])
    if !command.isEmpty { container["command"] = .array(command.map { .string($0) }) }
    container["resources"] = .emptyObject
    return .object(JSONObject([
      ("metadata", ["creationTimestamp": .null]),
      ("spec", .object(JSONObject([("containers", [.object(container)]), ("restartPolicy", .string(restart))]))),
    ]))
  }

  static func intOrString(_ text: String) -> JSONValue {
    if let number = Int(text) { return .int(number) }
    return .string(text)
  }

  static func read(_ path: String, _ invocation: Invocation) throws -> String {
    do {
      return try invocation.environment.readFile(path)
    } catch {
      throw KubectlError.message("error reading \(path): no such file or directory")
    }
  }

  /// `--from-literal`, `--from-file` and `--from-env-file` into one map.
  static func collectData(_ invocation: Invocation, kindName: String, name: String, base64: Bool) throws -> [String: String] {
    var data: [String: String] = [:]
    func add(_ key: String, _ value: String) throws {
      if data[key] != nil {
        throw KubectlError.message("cannot add key \"\(key)\", another key by that name already exists in Data for \(kindName) \"\(name)\"")
      }
      data[key] = base64 ? Data(value.utf8).base64EncodedString() : value
    }
    let flags = invocation.flags
    if !flags.strings("from-env-file").isEmpty && !(flags.strings("from-file") + flags.strings("from-literal")).isEmpty {
      throw KubectlError.message("from-env-file cannot be combined with from-file or from-literal")
    }
    for file in flags.strings("from-env-file") {
      let text = try read(file, invocation)
      for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let line = raw.drop { $0 == " " || $0 == "\t" }
        if line.isEmpty || line.hasPrefix("#") { continue }
        let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else { continue }
        try add(parts[0], parts[1])
      }
    }
    for file in flags.strings("from-file") {
      var key: String?
      var path = file
      if let equals = file.firstIndex(of: "=") {
        key = String(file[..<equals])
        path = String(file[file.index(after: equals)...])
      }
      if let entries = invocation.environment.listDirectory(path) {
        for entry in entries.sorted() {
          let full = path.hasSuffix("/") ? path + entry : path + "/" + entry
          if let text = try? invocation.environment.readFile(full) { try add(entry, text) }
        }
        continue
      }
      let text = try read(path, invocation)
      try add(key ?? (path.split(separator: "/").last.map(String.init) ?? path), text)
    }
    for literal in flags.strings("from-literal") {
      let parts = literal.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
      guard parts.count == 2, !parts[0].isEmpty else {
        throw KubectlError.message("invalid literal source \(literal), expected key=value")
      }
      try add(parts[0], parts[1])
    }
    return data
  }

  /// `kubectl create job NAME --from=cronjob/CRON`.
  static func jobFromCronJob(_ name: String, from: String, invocation: Invocation, cluster: inout Cluster, dryRun: DryRun) throws -> CommandOutput {
    let parts = from.split(separator: "/", maxSplits: 1).map(String.init)
    guard parts.count == 2, ResourceResolver.kind(for: parts[0]) == .cronJob else {
      throw KubectlError.message("from must be an existing cronjob")
    }
    guard let cron = cluster.store.get(ObjectKey(.cronJob, parts[1], in: invocation.namespace)) else {
      throw KubectlError.api(APIError.notFound(.cronJob, parts[1]))
    }
    var meta = JSONObject()
    meta["name"] = .string(name)
    meta["namespace"] = .string(invocation.namespace)
    meta["creationTimestamp"] = .null
    var annotations = Object.stringMap(cron.content[path: "spec.jobTemplate.metadata.annotations"])
    annotations["cronjob.kubernetes.io/instantiate"] = "manual"
    if let labels = cron.content[path: "spec.jobTemplate.metadata.labels"] { meta["labels"] = labels }
    meta["annotations"] = Object.mapValue(annotations)
    meta["ownerReferences"] = [
      .object(JSONObject([
        ("apiVersion", "batch/v1"), ("kind", "CronJob"), ("name", .string(cron.name)),
        ("uid", .string(cron.content[path: "metadata.uid"]?.string ?? "")), ("controller", .bool(true)),
      ]))
    ]
    let object = Generators.typed(.job, [("metadata", .object(meta)), ("spec", cron.content[path: "spec.jobTemplate.spec"] ?? .emptyObject), ("status", .emptyObject)])
    return try CreateCommand.submit(
      object, invocation: invocation, cluster: &cluster, dryRun: dryRun, format: invocation.flags.string("output"),
      failure: failurePrefixes["job"])
  }

  /// A token-shaped string: three base64url parts, deterministic per account.
  static func fakeToken(account: String, namespace: String, now: Date) -> String {
    func encode(_ text: String) -> String {
      Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
    let issued = Int(now.timeIntervalSince1970)
    let header = encode("{\"alg\":\"RS256\",\"kid\":\"kubetutor\"}")
    let claims = encode("{\"aud\":[\"https://kubernetes.default.svc.cluster.local\"],\"exp\":\(issued + 3600),\"iat\":\(issued),\"iss\":\"https://kubernetes.default.svc.cluster.local\",\"sub\":\"system:serviceaccount:\(namespace):\(account)\"}")
    let signature = encode(String(repeating: "kubetutor-signature-", count: 8))
    return "\(header).\(claims).\(signature)"
  }
}
