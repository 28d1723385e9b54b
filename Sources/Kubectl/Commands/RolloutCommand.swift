import Foundation
import KubeCluster

/// `kubectl rollout status|history|undo|restart|pause|resume`.
///
/// `status` follows the simulated clock event by event, printing kubectl's
/// status line each time the object changes, as kubectl does on each watch
/// event; without `--timeout` a script stops after an hour of simulated time.
struct RolloutCommand: KubectlCommand {
  static let name = "rollout"
  static let flags: [FlagSpec] = [
    .int("revision", default: 0, help: "See the details, including podTemplate of the revision specified"),
    .duration("timeout", default: "0s", help: "The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h)."),
    .bool("watch", short: "w", default: true, help: "Watch the status of the rollout until it's done."),
    .int("to-revision", default: 0, help: "The revision to rollback to. Default to 0 (last revision)."),
    .strings("selector", short: "l", help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'."),
    .strings("filename", short: "f", help: "Filename, directory, or URL to files identifying the resource to get from a server."),
    .string("output", short: "o", help: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
    .string("dry-run", default: "none", help: "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."),
    .bool("recursive", short: "R", help: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
    .string("field-manager", default: "kubectl-rollout", help: "Name of the manager used to track field ownership."),
    .string("template", help: "Template string or path to template file to use when -o=go-template, -o=go-template-file."),
    .bool("show-managed-fields", help: "If true, keep the managedFields when printing objects in JSON or YAML format."),
    .bool("allow-missing-template-keys", default: true, help: "If true, ignore any errors in templates when a field or map key is missing in the template."),
  ]

  static let subcommands = ["history", "pause", "restart", "resume", "status", "undo"]

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    guard let sub = invocation.positionals.first else {
      return CommandOutput(stdout: HelpText.forCommand("rollout", flags: []), exitCode: 1)
    }
    guard subcommands.contains(sub) else {
      throw KubectlError.raw("error: unknown command \"\(sub)\"\nSee 'kubectl rollout -h' for help and examples\n")
    }
    let arguments = Array(invocation.positionals.dropFirst())
    let keys = try targets(arguments, invocation: invocation, cluster: cluster, verb: sub)
    var output = CommandOutput()
    for key in keys {
      do {
        switch sub {
        case "status": output.append(try status(key, invocation: invocation, cluster: &cluster))
        case "history": output.stdout += try history(key, revision: invocation.flags.int("revision"), cluster: cluster)
        case "undo":
          let dryRun = invocation.flags.string("dry-run")
          var message = try undo(key, to: invocation.flags.int("to-revision"), dryRun: dryRun, cluster: &cluster)
          // PrintFlagsWithDryRunStrategy: the mark follows the whole result.
          if let mark = ["client": " (dry run)", "server": " (server dry run)"][dryRun], message.hasSuffix("\n") {
            message.removeLast()
            message += mark + "\n"
          }
          output.stdout += message
        case "restart": output.stdout += try restart(key, cluster: &cluster)
        case "pause": output.stdout += try pause(key, paused: true, cluster: &cluster)
        default: output.stdout += try pause(key, paused: false, cluster: &cluster)
        }
      } catch {
        output.stderr += ErrorMessage.render(error)
        output.exitCode = 1
      }
    }
    return output
  }

  /// The objects named by `TYPE NAME`, `TYPE/NAME` or `TYPE -l SELECTOR`.
  static func targets(_ arguments: [String], invocation: Invocation, cluster: Cluster, verb: String) throws -> [ObjectKey] {
    let namespace = invocation.namespace
    guard !arguments.isEmpty else {
      if subcommands.contains(verb) { throw KubectlError.message("required resource not specified") }
      throw KubectlError.raw("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n")
    }
    var keys: [ObjectKey] = []
    switch try ResourceRequest.parse(arguments) {
    case .byType(let kinds, let names):
      if names.isEmpty {
        let selector = try GetCommand.listSelector(invocation.flags, for: kinds)
        for kind in kinds { keys += cluster.list(kind, in: namespace, selector: selector).map(\.key) }
        if keys.isEmpty {
          throw KubectlError.raw("No resources found in \(namespace) namespace.\n")
        }
      } else {
        for kind in kinds { keys += names.map { ObjectKey(kind, $0, in: namespace) } }
      }
    case .byName(let pairs):
      keys = pairs.map { ObjectKey($0.0, $0.1, in: namespace) }
    }
    for key in keys where cluster.store.get(key) == nil {
      throw KubectlError.api(APIError.notFound(key.kind, key.name))
    }
    if verb == "status" && keys.count != 1 {
      throw KubectlError.message("rollout status is only supported on individual resources and resource collections - \(keys.count) resources were found")
    }
    return keys
  }

  static func label(_ key: ObjectKey) -> String { "\(key.kind.groupSingular)/\(key.name)" }

  // MARK: status

  static func status(_ key: ObjectKey, invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    guard [.deployment, .daemonSet, .statefulSet].contains(key.kind) else {
      throw KubectlError.message("no status viewer has been implemented for \(key.kind.rawValue)")
    }
    var output = CommandOutput()
    let timeout = GoDuration.parse(invocation.flags.string("timeout")) ?? 0
    let deadline = cluster.now.addingTimeInterval(timeout > 0 ? timeout : 3600)
    var lastVersion = ""
    while true {
      cluster.settle()
      guard let object = cluster.store.get(key) else {
        output.stderr += "error: object has been deleted\n"
        output.exitCode = 1
        return output
      }
      if object.resourceVersion != lastVersion {
        lastVersion = object.resourceVersion
        do {
          let (text, done) = try statusLine(object)
          output.stdout += text
          if done || !invocation.flags.bool("watch") { return output }
        } catch {
          output.stderr += ErrorMessage.render(error)
          output.exitCode = 1
          return output
        }
      }
      guard let next = cluster.nextEventTime, next <= deadline else {
        cluster.advance(to: deadline)
        output.stderr += "error: timed out waiting for the condition\n"
        output.exitCode = 1
        return output
      }
      cluster.advance(to: max(next, cluster.now))
    }
  }

  /// polymorphichelpers' status viewers: the line to print and whether the
  /// rollout is done.
  static func statusLine(_ object: Object) throws -> (String, Bool) {
    let c = object.content
    let name = object.name
    let generation = c[path: "metadata.generation"]?.int ?? 0
    let observed = c[path: "status.observedGeneration"]?.int ?? 0
    func status(_ field: String) -> Int { c[path: "status.\(field)"]?.int ?? 0 }
    switch object.kind {
    case .deployment:
      guard generation <= observed else { return ("Waiting for deployment spec update to be observed...\n", false) }
      let conditions = c[path: "status.conditions"]?.array ?? []
      if conditions.contains(where: { $0[path: "type"]?.string == "Progressing" && $0[path: "reason"]?.string == "ProgressDeadlineExceeded" }) {
        throw KubectlError.message("deployment \"\(name)\" exceeded its progress deadline")
      }
      let replicas = c[path: "spec.replicas"]?.int ?? 1
      let updated = status("updatedReplicas")
      if updated < replicas {
        return ("Waiting for deployment \"\(name)\" rollout to finish: \(updated) out of \(replicas) new replicas have been updated...\n", false)
      }
      if status("replicas") > updated {
        return ("Waiting for deployment \"\(name)\" rollout to finish: \(status("replicas") - updated) old replicas are pending termination...\n", false)
      }
      if status("availableReplicas") < updated {
        return ("Waiting for deployment \"\(name)\" rollout to finish: \(status("availableReplicas")) of \(updated) updated replicas are available...\n", false)
      }
      return ("deployment \"\(name)\" successfully rolled out\n", true)
    case .daemonSet:
      if let type = c[path: "spec.updateStrategy.type"]?.string, type != "RollingUpdate" {
        throw KubectlError.message("rollout status is only available for RollingUpdate strategy type")
      }
      guard generation <= observed else { return ("Waiting for daemon set spec update to be observed...\n", false) }
      let desired = status("desiredNumberScheduled")
      if status("updatedNumberScheduled") < desired {
        return ("Waiting for daemon set \"\(name)\" rollout to finish: \(status("updatedNumberScheduled")) out of \(desired) new pods have been updated...\n", false)
      }
      if status("numberAvailable") < desired {
        return ("Waiting for daemon set \"\(name)\" rollout to finish: \(status("numberAvailable")) of \(desired) updated pods are available...\n", false)
      }
      return ("daemon set \"\(name)\" successfully rolled out\n", true)
    default:
      if let type = c[path: "spec.updateStrategy.type"]?.string, type != "RollingUpdate" {
        throw KubectlError.message("rollout status is only available for RollingUpdate strategy type")
      }
      guard observed != 0, generation <= observed else { return ("Waiting for statefulset spec update to be observed...\n", false) }
      let replicas = c[path: "spec.replicas"]?.int ?? 1
      if status("readyReplicas") < replicas {
        return ("Waiting for \(replicas - status("readyReplicas")) pods to be ready...\n", false)
      }
      if c[path: "spec.updateStrategy.rollingUpdate"]?.object != nil {
        if let partition = c[path: "spec.updateStrategy.rollingUpdate.partition"]?.int,
          status("updatedReplicas") < replicas - partition
        {
          return ("Waiting for partitioned roll out to finish: \(status("updatedReplicas")) out of \(replicas - partition) new pods have been updated...\n", false)
        }
        return ("partitioned roll out complete: \(status("updatedReplicas")) new pods have been updated...\n", true)
      }
      let update = c[path: "status.updateRevision"]?.string ?? ""
      let current = c[path: "status.currentRevision"]?.string ?? ""
      if update != current {
        return ("waiting for statefulset rolling update to complete \(status("updatedReplicas")) pods at revision \(update)...\n", false)
      }
      return ("statefulset rolling update complete \(status("currentReplicas")) pods at revision \(current)...\n", true)
    }
  }

  // MARK: history and undo

  /// The deployment's ReplicaSets by revision.
  static func revisions(of deployment: Object, cluster: Cluster) -> [(Int, Object)] {
    cluster.list(.replicaSet, in: deployment.namespace)
      .filter { $0.isControlled(by: deployment) }
      .compactMap { rs in Int(rs.annotations["deployment.kubernetes.io/revision"] ?? "").map { ($0, rs) } }
      .sorted { $0.0 < $1.0 }
  }

  static func history(_ key: ObjectKey, revision: Int, cluster: Cluster) throws -> String {
    if [.statefulSet, .daemonSet].contains(key.kind), let owner = cluster.store.get(key) {
      return try revisionHistory(owner, revision: revision, cluster: cluster)
    }
    guard key.kind == .deployment, let deployment = cluster.store.get(key) else {
      throw KubectlError.message("no history viewer has been implemented for \(key.kind.rawValue)")
    }
    let all = revisions(of: deployment, cluster: cluster)
    if revision > 0 {
      guard let match = all.first(where: { $0.0 == revision }) else {
        throw KubectlError.message("unable to find the specified revision")
      }
      var w = DescribeWriter()
      var template = match.1.content[path: "spec.template"]
      if let cause = match.1.annotations["kubernetes.io/change-cause"] {
        template?[segments: ["metadata", "annotations", "kubernetes.io/change-cause"]] = .string(cause)
      }
      WorkloadDescriber.podTemplate(&w, template)
      return "\(label(key)) with revision #\(revision)\n" + w.rawText + "\n"
    }
    guard !all.isEmpty else { return "\(label(key)) \nNo rollout history found.\n" }
    var rows = "REVISION\tCHANGE-CAUSE\n"
    for (number, rs) in all {
      let cause = rs.annotations["kubernetes.io/change-cause"] ?? ""
      rows += "\(number)\t\(cause.isEmpty ? "<none>" : cause)\n"
    }
    return "\(label(key)) \n" + TabWriter.format(rows) + "\n"
  }

  static func undo(_ key: ObjectKey, to target: Int, dryRun: String, cluster: inout Cluster) throws -> String {
    if [.statefulSet, .daemonSet].contains(key.kind), let owner = cluster.store.get(key) {
      return try revisionUndo(owner, to: target, dryRun: dryRun, cluster: &cluster)
    }
    guard key.kind == .deployment, var deployment = cluster.store.get(key) else {
      throw KubectlError.message("no rollbacker has been implemented for \"\(key.kind.rawValue)\"")
    }
    guard target >= 0 else { throw KubectlError.message("unable to find specified revision \(target) in history") }
    let all = revisions(of: deployment, cluster: cluster)
    let chosen: (Int, Object)?
    if target == 0 {
      chosen = all.count >= 2 ? all[all.count - 2] : nil
      guard chosen != nil else { throw KubectlError.message("no rollout history found for deployment \"\(key.name)\"") }
    } else {
      chosen = all.first { $0.0 == target }
      guard chosen != nil else { throw KubectlError.message("unable to find specified revision \(target) in history") }
    }
    guard let (revision, rs) = chosen else { return "" }
    // A client-side dry run shows the ReplicaSet's template as it is (its
    // pod-template-hash label included), before the paused check.
    if dryRun == "client" {
      var w = DescribeWriter()
      WorkloadDescriber.podTemplate(&w, rs.content[path: "spec.template"])
      return "\(label(key)) " + w.rawText + "\n"
    }
    if deployment.content[path: "spec.paused"]?.bool == true {
      throw KubectlError.message("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again")
    }
    var template = rs.content[path: "spec.template"] ?? .emptyObject
    template[path: "metadata.labels.pod-template-hash"] = nil
    let current = deployment.content[path: "spec.template"]
    if current == template {
      return "\(label(key)) skipped rollback (current template already matches revision \(revision))\n"
    }
    deployment.content[path: "spec.template"] = template
    if let cause = rs.annotations["kubernetes.io/change-cause"] {
      deployment.content[segments: ["metadata", "annotations", "kubernetes.io/change-cause"]] = .string(cause)
    } else if deployment.annotations["kubernetes.io/change-cause"] != nil {
      var annotations = deployment.annotations
      annotations["kubernetes.io/change-cause"] = nil
      deployment.content[path: "metadata.annotations"] = Object.mapValue(annotations)
    }
    if dryRun == "server" {
      return "\(label(key)) rolled back\n"
    }
    try cluster.update(deployment)
    return "\(label(key)) rolled back\n"
  }

  // MARK: restart, pause, resume

  static func restart(_ key: ObjectKey, cluster: inout Cluster) throws -> String {
    guard [.deployment, .daemonSet, .statefulSet].contains(key.kind), var object = cluster.store.get(key) else {
      throw KubectlError.message("\(key.kind.groupResource) \"\(key.name)\" restarting is not supported")
    }
    if object.content[path: "spec.paused"]?.bool == true {
      throw KubectlError.message("\(key.kind.groupResource) \"\(key.name)\" can't restart paused deployment (run rollout resume first)")
    }
    object.content[segments: ["spec", "template", "metadata", "annotations", "kubectl.kubernetes.io/restartedAt"]] = .string(Timestamp.format(cluster.now))
    try cluster.update(object)
    return "\(label(key)) restarted\n"
  }

  static func pause(_ key: ObjectKey, paused: Bool, cluster: inout Cluster) throws -> String {
    let verb = paused ? "pausing" : "resuming"
    guard key.kind == .deployment, var object = cluster.store.get(key) else {
      throw KubectlError.message("\(key.kind.groupResource) \"\(key.name)\" \(verb) is not supported")
    }
    let current = object.content[path: "spec.paused"]?.bool == true
    if current == paused {
      throw KubectlError.message("\(key.kind.groupResource) \"\(key.name)\" \(paused ? "is already paused" : "is not paused")")
    }
    object.content[path: "spec.paused"] = paused ? .bool(true) : nil
    try cluster.update(object)
    return "\(label(key)) \(paused ? "paused" : "resumed")\n"
  }
}
