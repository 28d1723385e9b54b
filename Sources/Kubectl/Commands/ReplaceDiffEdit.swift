import Foundation
import KubeCluster

/// `kubectl replace -f FILE [--force]`: the manifest replaces the live object.
struct ReplaceCommand: KubectlCommand {
  static let name = "replace"
  static let flags: [FlagSpec] = [
    .strings("filename", short: "f", help: "The files that contain the configurations to replace."),
    .bool("force", help: "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation."),
    .int("grace-period", default: -1, help: "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion)."),
    .bool("cascade", default: true, help: "Only relevant during a force replace. If true, cascade the deletion of the resources managed by this resource (e.g. Pods created by a ReplicationController)."),
    .bool("wait", help: "Only relevant during a force replace. If true, wait for resources to be gone before returning. This waits for finalizers."),
    .string("output", short: "o", help: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
    .string("dry-run", default: "none", help: "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."),
    .bool("recursive", short: "R", help: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
    .bool("save-config", help: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."),
    .string("validate", default: "strict", help: "Must be one of: strict (or true), warn, ignore (or false)."),
    .string("field-manager", default: "kubectl-replace", help: "Name of the manager used to track field ownership."),
    .string("subresource", help: "If specified, replace will operate on the subresource of the requested object."),
    .string("template", help: "Template string or path to template file to use when -o=go-template, -o=go-template-file."),
    .bool("show-managed-fields", help: "If true, keep the managedFields when printing objects in JSON or YAML format."),
    .bool("allow-missing-template-keys", default: true, help: "If true, ignore any errors in templates when a field or map key is missing in the template."),
  ]

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    let flags = invocation.flags
    let files = flags.strings("filename")
    guard !files.isEmpty else { throw KubectlError.message("must specify one of -f and -k") }
    let manifests = try ManifestSource.read(files, recursive: flags.bool("recursive"), environment: invocation.environment, namespace: invocation.namespace, namespaceGiven: invocation.namespaceWasGiven)
    let dryRun = try DryRun.parse(flags.string("dry-run"))
    var output = CommandOutput()
    for manifest in manifests {
      var object = manifest.object
      guard let live = cluster.store.get(object.key) else {
        output.stderr += ErrorMessage.render(KubectlError.apiWithSource(APIError.notFound(object.kind, object.name), verb: "replacing", source: manifest.source))
        output.exitCode = 1
        continue
      }
      if flags.bool("save-config") { ApplyCommand.annotateLastApplied(&object) }
      if object.resourceVersion.isEmpty { object.resourceVersion = live.resourceVersion }
      switch replace(object, live: live, force: flags.bool("force"), dryRun: dryRun, cluster: &cluster) {
      case .success(let (deleted, stored)):
        if deleted { output.stdout += "\(live.kind.groupSingular) \"\(live.name)\" deleted\n" }
        output.stdout += Printed.result(stored, verb: "replaced", dryRun: dryRun, format: flags.string("output"))
      case .failure(let error):
        output.stderr += ErrorMessage.render(KubectlError.apiWithSource(error, verb: "replacing", source: manifest.source))
        output.exitCode = 1
      }
    }
    return output
  }
}

extension ReplaceCommand {
  static func replace(_ object: Object, live: Object, force: Bool, dryRun: DryRun, cluster: inout Cluster) -> Result<(Bool, Object), APIError> {
    if dryRun == .client { return .success((false, object)) }
    if force && dryRun == .none {
      do {
        _ = try cluster.delete(live.key, options: DeleteOptions(gracePeriodSeconds: 0))
        var fresh = object
        fresh.resourceVersion = ""
        return .success((true, try cluster.create(fresh)))
      } catch {
        return .failure(error)
      }
    }
    do {
      return .success((false, try cluster.update(object, dryRun: dryRun == .server)))
    } catch {
      return .failure(error)
    }
  }
}

/// `kubectl diff -f FILE`: `diff -u -N` between the live objects and what
/// applying the files would make of them; exit 1 when they differ.
struct DiffCommand: KubectlCommand {
  static let name = "diff"
  static let flags: [FlagSpec] = [
    .strings("filename", short: "f", help: "Filename, directory, or URL to files contains the configuration to diff"),
    .bool("recursive", short: "R", help: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
    .bool("server-side", help: "If true, apply runs in the server instead of the client."),
    .bool("force-conflicts", help: "If true, server-side apply will force the changes against conflicts. Not all resources support server-side apply."),
    .string("field-manager", default: "kubectl-client-side-apply", help: "Name of the manager used to track field ownership."),
    .strings("selector", short: "l", help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'."),
    .bool("prune", help: "Include resources that would be deleted by pruning. Can be used with -l and default shows all resources would be pruned"),
    .bool("show-managed-fields", help: "If true, include managed fields in the diff."),
    .int("concurrency", default: 1, help: "Number of objects to process in parallel when diffing against the live version. Larger number = faster, but more memory, I/O and CPU over that shorter period of time."),
  ]

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    let flags = invocation.flags
    let files = flags.strings("filename")
    guard !files.isEmpty else { throw KubectlError.message("must specify one of -f and -k") }
    let manifests = try ManifestSource.read(files, recursive: flags.bool("recursive"), environment: invocation.environment, namespace: invocation.namespace, namespaceGiven: invocation.namespaceWasGiven)
    var output = CommandOutput()
    var serial = 100_000
    for manifest in manifests {
      let desired = manifest.object
      let live = cluster.store.get(desired.key)
      var merged: JSONValue
      if let live {
        var previous: JSONValue?
        if let text = live.annotations["kubectl.kubernetes.io/last-applied-configuration"], let documents = try? ManifestDecoder.decode(text) {
          previous = documents.first?.value
        }
        var annotated = desired
        ApplyCommand.annotateLastApplied(&annotated)
        merged = ThreeWayMerge.apply(live: live.content, desired: annotated.content, previous: previous)
        merged[path: "metadata.generation"] = .int((live.content[path: "metadata.generation"]?.int ?? 1) + (merged[path: "spec"] != live.content[path: "spec"] ? 1 : 0))
      } else {
        var annotated = desired
        ApplyCommand.annotateLastApplied(&annotated)
        merged = annotated.content
        merged[path: "metadata.creationTimestamp"] = .string(Timestamp.format(cluster.now))
        merged[path: "metadata.generation"] = .int(1)
        merged[path: "metadata.uid"] = "00000000-0000-0000-0000-000000000000"
        if merged[path: "metadata.namespace"] == nil && desired.kind.isNamespaced { merged[path: "metadata.namespace"] = .string(desired.namespace) }
      }
      let group = desired.kind.group.isEmpty ? "" : desired.kind.group + "."
      let version = desired.kind.apiVersion.split(separator: "/").last.map(String.init) ?? "v1"
      let file = "\(group)\(version).\(desired.kind.rawValue).\(desired.kind.isNamespaced ? desired.namespace + "." : "")\(desired.name)"
      let liveText = live.map { ObjectPrinter.yaml(strip($0.content)) } ?? ""
      let mergedText = ObjectPrinter.yaml(strip(merged))
      guard liveText != mergedText else { continue }
      serial += 1
      let left = "/tmp/LIVE-\(serial)/\(file)"
      let right = "/tmp/MERGED-\(serial + 1)/\(file)"
      let stamp = GoTimestamp.diffStamp(cluster.now)
      output.stdout += "diff -u -N \(left) \(right)\n"
      output.stdout += "--- \(left)\t\(stamp)\n+++ \(right)\t\(stamp)\n"
      output.stdout += UnifiedDiff.hunks(liveText, mergedText)
      output.exitCode = 1
    }
    return output
  }

  /// kubectl diff hides managedFields unless asked.
  static func strip(_ value: JSONValue) -> JSONValue {
    var copy = value
    copy[path: "metadata.managedFields"] = nil
    return copy
  }
}

extension GoTimestamp {
  /// `diff -u`'s file time: `2024-05-01 09:30:00.000000000 +0000`.
  static func diffStamp(_ date: Date) -> String {
    let text = Timestamp.format(date)  // 2024-05-01T09:30:00Z
    return text.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: ".000000000 +0000")
  }
}

/// Unified diff hunks (three lines of context) over lines, after an LCS.
enum UnifiedDiff {
  static func hunks(_ a: String, _ b: String) -> String {
    let x = a.isEmpty ? [] : a.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    let y = b.isEmpty ? [] : b.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    let n = x.count
    let m = y.count
    var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in stride(from: m - 1, through: 0, by: -1) {
        lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
      }
    }
    enum Op { case same(String), del(String), add(String) }
    var ops: [Op] = []
    var i = 0
    var j = 0
    while i < n || j < m {
      if i < n && j < m && x[i] == y[j] {
        ops.append(.same(x[i])); i += 1; j += 1
      } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
        ops.append(.add(y[j])); j += 1
      } else {
        ops.append(.del(x[i])); i += 1
      }
    }
    // Reorder so deletions come before additions within a change, as diff prints.
    var out = ""
    var index = 0
    var oldLine = 1
    var newLine = 1
    var positions: [(old: Int, new: Int)] = []
    for op in ops {
      positions.append((oldLine, newLine))
      switch op {
      case .same: oldLine += 1; newLine += 1
      case .del: oldLine += 1
      case .add: newLine += 1
      }
    }
    while index < ops.count {
      guard let change = ops[index...].firstIndex(where: { if case .same = $0 { return false }; return true }) else { break }
      let start = max(change - 3, index == 0 ? 0 : index)
      var end = change
      var lastChange = change
      while end < ops.count {
        if case .same = ops[end] {
          if end - lastChange > 6 { break }
        } else {
          lastChange = end
        }
        end += 1
      }
      end = min(ops.count, lastChange + 4)
      let slice = ops[start..<end]
      let oldCount = slice.filter { if case .add = $0 { return false }; return true }.count
      let newCount = slice.filter { if case .del = $0 { return false }; return true }.count
      let oldStart = oldCount == 0 ? positions[start].old - 1 : positions[start].old
      let newStart = newCount == 0 ? positions[start].new - 1 : positions[start].new
      out += "@@ -\(oldStart)\(oldCount == 1 ? "" : ",\(oldCount)") +\(newStart)\(newCount == 1 ? "" : ",\(newCount)") @@\n"
      var pendingAdds: [String] = []
      for op in slice {
        switch op {
        case .same(let line):
          out += pendingAdds.joined(); pendingAdds = []
          out += " \(line)\n"
        case .del(let line): out += "-\(line)\n"
        case .add(let line): pendingAdds.append("+\(line)\n")
        }
      }
      out += pendingAdds.joined()
      index = end
    }
    return out
  }
}

/// `kubectl edit TYPE NAME`: the object as YAML goes to the editor (the
/// environment's `edit` closure); a changed file is sent back, and a file
/// the server rejects is reopened with the errors on top, as kubectl does.
struct EditCommand: KubectlCommand {
  static let name = "edit"
  static let flags: [FlagSpec] = [
    .strings("filename", short: "f", help: "Filename, directory, or URL to files to use to edit the resource"),
    .string("output", short: "o", help: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
    .bool("output-patch", help: "Output the patch if the resource is edited."),
    .bool("windows-line-endings", help: "Defaults to the line ending native to your platform."),
    .bool("save-config", help: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."),
    .string("validate", default: "strict", help: "Must be one of: strict (or true), warn, ignore (or false)."),
    .string("field-manager", default: "kubectl-edit", help: "Name of the manager used to track field ownership."),
    .string("subresource", help: "If specified, edit will operate on the subresource of the requested object."),
    .bool("recursive", short: "R", help: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
    .string("template", help: "Template string or path to template file to use when -o=go-template, -o=go-template-file."),
    .bool("show-managed-fields", help: "If true, keep the managedFields when printing objects in JSON or YAML format."),
    .bool("allow-missing-template-keys", default: true, help: "If true, ignore any errors in templates when a field or map key is missing in the template."),
  ]

  static let header = """
    # Please edit the object below. Lines beginning with a '#' will be ignored,
    # and an empty file will abort the edit. If an error occurs while saving this file will be
    # reopened with the relevant failures.
    #

    """

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    let keys = try RolloutCommand.targets(invocation.positionals, invocation: invocation, cluster: cluster, verb: "edit")
    guard let editor = invocation.environment.edit else {
      throw KubectlError.message("no editor is available: kubetutor's shell provides one in interactive mode")
    }
    var output = CommandOutput()
    for key in keys {
      guard let live = cluster.store.get(key) else { continue }
      let original = ObjectPrinter.yaml(DiffCommand.strip(live.content))
      var text = header + original
      var lastEdited: String?
      while true {
        guard let edited = editor(text) else {
          throw KubectlError.message("there was a problem with the editor \"vi\"")
        }
        let body = edited.split(separator: "\n", omittingEmptySubsequences: false)
          .filter { !$0.hasPrefix("#") }.joined(separator: "\n")
        if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
          output.stderr += "Edit cancelled, saved file was empty.\n"
          break
        }
        if body == original {
          output.stderr += "Edit cancelled, no changes made.\n"
          break
        }
        if let lastEdited, lastEdited == body {
          output.stderr += "error: Edit cancelled, no valid changes were saved.\n"
          output.exitCode = 1
          break
        }
        lastEdited = body
        let value: JSONValue
        do {
          guard let document = try ManifestDecoder.decode(body).first else { throw KubectlError.message("empty") }
          value = document.value
        } catch let error as ManifestError {
          text = header + "# The edited file had a syntax error: \(error.message)\n#\n" + body
          continue
        }
        var object = live
        object.content = value
        if object.name != live.name || object.kind != live.kind {
          text = header + "# At least one of apiVersion, kind and name was changed\n#\n" + body
          continue
        }
        let result: Result<Object, APIError> = Result { () throws(APIError) -> Object in try cluster.update(object) }
        switch result {
        case .success:
          output.stdout += "\(RolloutCommand.label(key)) edited\n"
        case .failure(let error):
          let rendered = ErrorMessage.render(error).split(separator: "\n").map { "# \($0)" }.joined(separator: "\n")
          text = header + "# \(key.kind.groupResource) \"\(key.name)\" was not valid:\n" + rendered.replacingOccurrences(of: "# The ", with: "# * The ") + "\n#\n" + body
          continue
        }
        break
      }
    }
    return output
  }
}
