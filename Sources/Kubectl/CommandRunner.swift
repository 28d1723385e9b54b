import Foundation
import KubeCluster

/// One `kubectl` verb: its flags as data and what it does.
protocol KubectlCommand {
  static var name: String { get }
  static var flags: [FlagSpec] { get }
  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput
}

/// A parsed command line and what surrounds it.
struct Invocation {
  var command: String
  var flags: ParsedFlags
  var environment: KubectlEnvironment

  var positionals: [String] { flags.positionals }

  /// `-n`/`--namespace`, else the kubeconfig context's namespace.
  var namespace: String {
    let value = flags.optionalString("namespace") ?? ""
    return value.isEmpty ? environment.namespace : value
  }

  var namespaceWasGiven: Bool { !(flags.optionalString("namespace") ?? "").isEmpty }
}

/// Runs kubectl command lines against a cluster: the one entry point.
package enum CommandRunner {
  static let commands: [any KubectlCommand.Type] = [
    GetCommand.self, DescribeCommand.self, CreateCommand.self, ApplyCommand.self,
    DeleteCommand.self, RunCommand.self, LogsCommand.self, ExecCommand.self, WaitCommand.self,
    ScaleCommand.self, VersionCommand.self, ClusterInfoCommand.self, APIResourcesCommand.self,
    LabelCommand.self, AnnotateCommand.self,
    ExposeCommand.self, PortForwardCommand.self, ProxyCommand.self,
    RolloutCommand.self, PatchCommand.self, SetCommand.self, AutoscaleCommand.self,
    ConfigCommand.self, APIVersionsCommand.self, AuthCommand.self, CordonCommand.self,
    UncordonCommand.self, DrainCommand.self, TaintCommand.self, TopCommand.self,
    ReplaceCommand.self, DiffCommand.self, EditCommand.self, ExplainCommand.self, OptionsCommand.self, CopyCommand.self, AttachCommand.self,
    EventsCommand.self,
  ]

  /// Runs `kubectl ARGUMENTS` (without the word `kubectl`).
  package static func run(_ arguments: [String], cluster: inout Cluster, environment: KubectlEnvironment = KubectlEnvironment()) -> CommandOutput {
    guard let (verb, rest) = splitVerb(arguments) else {
      return CommandOutput(stdout: HelpText.root)
    }
    if verb == "help" || verb == "--help" || verb == "-h" {
      // `kubectl help VERB` is `kubectl VERB --help`; cobra answers a
      // topic it does not know on stderr, then prints the root usage.
      let topic = rest.filter { !$0.hasPrefix("-") }
      if verb == "help", let first = topic.first {
        if let command = commands.first(where: { $0.name == first }) {
          return CommandOutput(stdout: HelpText.forCommand(usageName(first, Array(topic.dropFirst())), flags: command.flags))
        }
        return CommandOutput(stderr: "Unknown help topic [`\(topic.joined(separator: "` `"))`]\n\n" + HelpText.root)
      }
      return CommandOutput(stdout: HelpText.root)
    }
    guard let command = commands.first(where: { $0.name == verb }) else {
      return CommandOutput(stderr: unknownCommand(verb), exitCode: 1)
    }
    do {
      let flags = try FlagParser.parse(rest, specs: GlobalFlags.all + command.flags + [.bool("help", short: "h")], command: usageName(verb, rest))
      if flags.bool("help") {
        var key = usageName(verb, rest)
        let words = rest.filter { !$0.hasPrefix("-") }
        if key == "create secret", words.count > 1, ["generic", "tls", "docker-registry"].contains(words[1]) { key += " " + words[1] }
        return CommandOutput(stdout: HelpText.forCommand(key, flags: command.flags))
      }
      var invocation = Invocation(command: verb, flags: flags, environment: environment)
      // `--as=USER`: what RBAC refuses the user is refused (Impersonation.swift);
      // get and describe show what is allowed beside the refusals.
      var refusals = ""
      if verb == "get" || verb == "describe", let check = Impersonation.checkGet(invocation, cluster: cluster) {
        guard let allowed = check.allowed else { return CommandOutput(stderr: check.refusals, exitCode: 1) }
        invocation.flags.positionals = allowed
        refusals = check.refusals
      } else if let refused = Impersonation.preflight(invocation, cluster: cluster) {
        return CommandOutput(stderr: refused, exitCode: 1)
      }
      if verb != "scale" {
        cluster.requester = Impersonation.subject(invocation)
        cluster.requesterUpdateVerb = verb == "replace" ? "update" : "patch"
      }
      defer { cluster.requester = nil }
      var output = try command.run(invocation, cluster: &cluster)
      if !refusals.isEmpty {
        output.stderr += refusals
        output.exitCode = 1
      }
      output.stderr = DryRun.deprecation(flags.optionalString("dry-run"), now: cluster.now) + output.stderr
      return output
    } catch {
      if verb == "diff" {
        // CheckDiffErr: exit code 2, and diff's own flag-error wording.
        let text = ErrorMessage.render(error).replacingOccurrences(
          of: "See 'kubectl diff --help' for usage.", with: "See 'kubectl diff -h' for help and examples")
        return CommandOutput(stderr: text, exitCode: 2)
      }
      return CommandOutput(stderr: ErrorMessage.render(error), exitCode: 1)
    }
  }

  /// The command named in usage errors: `create deployment`, `rollout status`.
  static func usageName(_ verb: String, _ rest: [String]) -> String {
    guard let known = usageSubcommands[verb], let first = rest.first(where: { !$0.hasPrefix("-") }), known.contains(first) else {
      return verb
    }
    return "\(verb) \(first)"
  }

  /// The subcommands usage errors name with their verb.
  static let usageSubcommands: [String: Set<String>] = [
    "auth": ["can-i", "whoami"], "top": ["node", "pod"],
    "create": ["deployment", "namespace", "service", "configmap", "secret", "job", "cronjob", "ingress", "serviceaccount", "quota", "role", "rolebinding", "clusterrole", "clusterrolebinding", "token", "priorityclass", "poddisruptionbudget"],
    "rollout": ["status", "history", "undo", "restart", "pause", "resume"],
    "set": ["image", "env", "resources", "selector", "serviceaccount", "subject"],
    "config": ["view", "get-contexts", "current-context", "use-context", "set-context"],
  ]

  /// The global flags that take a value, as they are written (`--namespace`, `-n`).
  static let valuedGlobalFlags = Set(GlobalFlags.all.filter { !$0.isBool }.flatMap { spec in
    ["--\(spec.name)"] + (spec.short.map { ["-\($0)"] } ?? [])
  })

  /// Finds the verb among leading global flags (`kubectl -n dev get pods`).
  static func splitVerb(_ arguments: [String]) -> (String, [String])? {
    var index = 0
    var before: [String] = []
    while index < arguments.count {
      let argument = arguments[index]
      if argument.hasPrefix("-") && argument != "-" {
        before.append(argument)
        if valuedGlobalFlags.contains(argument), index + 1 < arguments.count {
          before.append(arguments[index + 1])
          index += 1
        }
        index += 1
        continue
      }
      var rest = before
      rest += arguments[(index + 1)...]
      return (argument, rest)
    }
    if before.contains("--help") || before.contains("-h") { return ("help", []) }
    return nil
  }

  /// kubectl's commands in the order its root command adds them, which is
  /// the order cobra suggests them in.
  static let verbs = [
    "create", "expose", "run", "set", "explain", "get", "edit", "delete", "rollout", "scale",
    "autoscale", "certificate", "cluster-info", "top", "cordon", "uncordon", "drain", "taint",
    "describe", "logs", "attach", "exec", "port-forward", "proxy", "cp", "auth", "debug", "events",
    "diff", "apply", "patch", "replace", "wait", "kustomize", "label", "annotate", "completion",
    "api-resources", "api-versions", "config", "plugin", "version", "options",
  ]

  /// cobra's unknown-command error with its suggestions.
  static func unknownCommand(_ verb: String) -> String {
    let suggestions = verbs.filter { Levenshtein.distance($0, verb) <= 2 || $0.hasPrefix(verb.lowercased()) }
    var text = "error: unknown command \"\(verb)\" for \"kubectl\"\n"
    if !suggestions.isEmpty {
      text += "\nDid you mean this?\n" + suggestions.map { "\t\($0)\n" }.joined()
    }
    return text
  }
}

enum Levenshtein {
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased())
    let b = Array(b.lowercased())
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var current = [i + 1]
      for (j, y) in b.enumerated() {
        current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
      }
      previous = current
    }
    return previous[b.count]
  }
}
