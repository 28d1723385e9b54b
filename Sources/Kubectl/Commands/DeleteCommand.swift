import Foundation
import KubeCluster

/// `kubectl delete`: by name, by file, by selector or `--all`.
struct DeleteCommand: KubectlCommand {
  static let name = "delete"
  static let flags: [FlagSpec] = [
    .strings("filename", short: "f", help: "containing the resource to delete."),
    .strings("selector", short: "l", help: "Selector (label query) to filter on, not including uninitialized ones."),
    .bool("all", help: "Delete all resources, in the namespace of the specified resource types."),
    .bool("all-namespaces", short: "A", help: "If present, list the requested object(s) across all namespaces."),
    .int("grace-period", default: -1, help: "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion)."),
    .bool("force", help: "If true, immediately remove resources from API and bypass graceful deletion."),
    .bool("now", help: "If true, resources are signaled for immediate shutdown (same as --grace-period=1)."),
    .bool("wait", default: true, help: "If true, wait for resources to be gone before returning. This waits for finalizers."),
    .string("cascade", default: "background", help: "Must be \"background\", \"orphan\", or \"foreground\". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background."),
    .bool("ignore-not-found", help: "Treat \"resource not found\" as a successful delete. Defaults to \"true\" when --all is specified."),
    .string("output", short: "o", help: "Output mode. Use \"-o name\" for shorter output (resource/name)."),
    .string("dry-run", default: "none", help: "Must be \"none\", \"server\", or \"client\"."),
    .string("timeout", default: "0s", help: "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object"),
    .string("field-selector", help: "Selector (field query) to filter on, supports '=', '==', and '!='."),
    .bool("recursive", short: "R", help: "Process the directory used in -f, --filename recursively."),
    .bool("interactive", short: "i", help: "If true, delete resource only when user confirms."),
    .string("raw", help: "Raw URI to DELETE to the server."),
  ]

  static let usage = """
    error: You must provide one or more resources by argument or filename.
    Example resource specifications include:
       '-f rsrc.yaml'
       '--filename=rsrc.json'
       '<resource> <name>'
       '<resource>'

    """

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    let flags = invocation.flags
    let namespace = invocation.namespace
    let dryRun = try DryRun.parse(flags.string("dry-run"))
    // DeleteOptions.Complete and Validate, in kubectl's order.
    if flags.bool("now") && flags.int("grace-period") != -1 {
      throw KubectlError.message("--now and --grace-period cannot be specified together")
    }
    let mode = flags.string("output")
    if !mode.isEmpty && mode != "name" {
      throw KubectlError.message("unexpected -o output mode: \(mode). We only support '-o name'")
    }
    if flags.bool("all") && (!flags.strings("selector").isEmpty || !flags.string("field-selector").isEmpty) {
      // The resource builder refuses first, in its own words.
      throw KubectlError.message("setting 'all' parameter but found a non empty selector. ")
    }
    if flags.bool("force") && flags.int("grace-period") > 0 {
      throw KubectlError.message("--force and --grace-period greater than 0 cannot be specified together")
    }
    var grace: Int? = flags.int("grace-period") >= 0 ? flags.int("grace-period") : nil
    if flags.bool("now") { grace = 1 }
    if flags.bool("force") && grace == nil { grace = 0 }
    if grace == 0 && !flags.bool("force") { grace = 1 }
    let propagation: PropagationPolicy
    switch flags.string("cascade") {
    case "background", "true": propagation = .background
    case "orphan", "false": propagation = .orphan
    case "foreground": propagation = .foreground
    default: throw KubectlError.message("invalid cascade value (\(flags.string("cascade"))). Must be \"background\", \"foreground\", or \"orphan\"")
    }
    var targets: [ObjectKey] = []
    var output = CommandOutput()

    let files = flags.strings("filename")
    if !files.isEmpty {
      let manifests = try ManifestSource.read(files, recursive: flags.bool("recursive"), environment: invocation.environment, namespace: namespace, namespaceGiven: invocation.namespaceWasGiven)
      targets = manifests.map(\.object.key)
    } else {
      guard !invocation.positionals.isEmpty else { throw KubectlError.raw(usage) }
      switch try ResourceRequest.parse(invocation.positionals) {
      case .byType(let kinds, let names):
        if names.isEmpty {
          let selector = try GetCommand.listSelector(flags, for: kinds)
          guard flags.bool("all") || !selector.isEmpty || flags.isSet("field-selector") else {
            throw KubectlError.message("resource(s) were provided, but no name was specified")
          }
          let fieldSelector = try FieldSelector.parse(flags.string("field-selector"))
          for kind in kinds {
            let scope: String? = flags.bool("all-namespaces") || !kind.isNamespaced ? nil : namespace
            targets += cluster.list(kind, in: scope, selector: selector).filter { fieldSelector.matches($0) }.map(\.key)
          }
          if targets.isEmpty {
            let scoped = kinds.contains { $0.isNamespaced } && !flags.bool("all-namespaces")
            output.stderr += scoped ? "No resources found\n" : "No resources found\n"
            return output
          }
        } else {
          for kind in kinds { targets += names.map { ObjectKey(kind, $0, in: namespace) } }
        }
      case .byName(let pairs):
        targets = pairs.map { ObjectKey($0.0, $0.1, in: namespace) }
      }
    }

    let forced = grace == 0 && flags.bool("force")
    if forced {
      output.stderr += "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n"
    }
    var deleted: [(key: ObjectKey, uid: String)] = []
    for key in targets {
      guard let object = cluster.store.get(key) else {
        if !flags.bool("ignore-not-found") {
          output.stderr += ErrorMessage.render(APIError.notFound(key.kind, key.name))
          output.exitCode = 1
        }
        continue
      }
      if dryRun == .client {
        output.stdout += "\(key.kind.groupSingular) \"\(key.name)\" deleted (dry run)\n"
        continue
      }
      do {
        try cluster.delete(key, options: DeleteOptions(gracePeriodSeconds: grace == 0 && flags.bool("force") ? 0 : grace, propagation: propagation, dryRun: dryRun == .server))
      } catch {
        output.stderr += ErrorMessage.render(error)
        output.exitCode = 1
        continue
      }
      if flags.string("output") == "name" {
        output.stdout += ObjectPrinter.name(object) + "\n"
      } else {
        let verb = grace == 0 && flags.bool("force") ? "force deleted" : "deleted"
        output.stdout += "\(key.kind.groupSingular) \"\(key.name)\" \(verb)\(dryRun.suffix)\n"
      }
      deleted.append((key, object.uid))
    }
    if flags.bool("wait") && dryRun == .none {
      // kubectl waits for the objects to be gone; the clock moves meanwhile.
      Waiting.until(cluster: &cluster, timeout: 3600) { cluster in
        // Gone means this object: a StatefulSet may already have made a new pod of the same name.
        deleted.allSatisfy { cluster.store.get($0.key)?.uid != $0.uid }
      }
    }
    if forced, let warning = output.stderr.split(separator: "\n", maxSplits: 1).first {
      // The warning comes first; errors about missing objects come last.
      let rest = String(output.stderr.dropFirst(warning.count + 1))
      output.chunks = []
      let lines = output.stdout
      output.stdout = ""
      output.stderr = ""
      output.err(String(warning) + "\n")
      output.out(lines)
      output.err(rest)
    }
    return output
  }
}

/// Waiting on the simulated clock, as kubectl's polling loops do.
enum Waiting {
  /// Moves the clock event by event (at most `timeout` seconds) until
  /// `done` holds; returns whether it did.
  @discardableResult
  static func until(cluster: inout Cluster, timeout: Double, _ done: (Cluster) -> Bool) -> Bool {
    cluster.settle()
    if done(cluster) { return true }
    let deadline = cluster.now.addingTimeInterval(timeout)
    while cluster.now < deadline {
      let step = cluster.nextEventTime.map { min($0, deadline) } ?? deadline
      cluster.advance(to: max(step, cluster.now.addingTimeInterval(0.001)))
      if done(cluster) { return true }
      if cluster.nextEventTime == nil { cluster.advance(to: deadline) }
    }
    return done(cluster)
  }
}
