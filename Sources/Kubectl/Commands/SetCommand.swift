import Foundation
import KubeCluster

/// `kubectl set image|env|resources|serviceaccount`: edits the pod template
/// of workloads (or a pod's own spec) and reports `image updated`, `env
/// updated`, `resource requirements updated` or `serviceaccount updated`.
struct SetCommand: KubectlCommand {
  static let name = "set"
  static let flags: [FlagSpec] = [
    .bool("all", help: "Select all resources, in the namespace of the specified resource types"),
    .strings("selector", short: "l", help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'."),
    .strings("filename", short: "f", help: "Filename, directory, or URL to files identifying the resource to get from a server."),
    .bool("local", help: "If true, set will NOT contact api-server but run locally."),
    .string("output", short: "o", help: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
    .string("dry-run", default: "none", help: "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."),
    .bool("recursive", short: "R", help: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
    .string("field-manager", default: "kubectl-set", help: "Name of the manager used to track field ownership."),
    .string("container", short: "c", default: "*", help: "The names of containers in the selected pod templates to change - may use wildcards"),
    .strings("env", short: "e", help: "Specify a key-value pair for an environment variable to set into each container."),
    .bool("list", help: "If true, display the environment and any changes in the standard format. this flag will removed when we have kubectl view env."),
    .bool("overwrite", default: true, help: "If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment."),
    .string("limits", help: "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges."),
    .string("requests", help: "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges."),
    .string("template", help: "Template string or path to template file to use when -o=go-template, -o=go-template-file."),
    .bool("show-managed-fields", help: "If true, keep the managedFields when printing objects in JSON or YAML format."),
    .bool("allow-missing-template-keys", default: true, help: "If true, ignore any errors in templates when a field or map key is missing in the template."),
  ]

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    guard var sub = invocation.positionals.first else {
      return CommandOutput(stderr: HelpText.forCommand("set", flags: []), exitCode: 1)
    }
    if sub == "sa" { sub = "serviceaccount" }
    guard ["image", "env", "resources", "serviceaccount"].contains(sub) else { throw KubectlError.unknownCommand(sub, of: "set") }
    var arguments = Array(invocation.positionals.dropFirst())
    // `set serviceaccount RESOURCE… NAME`: the last word is the account.
    var account = ""
    if sub == "serviceaccount" {
      guard let last = arguments.popLast() else { throw KubectlError.message("serviceaccount is required") }
      account = last
    }
    // Resource arguments come first; `NAME=VALUE` pairs follow.
    let firstPair = arguments.firstIndex { $0.contains("=") || (sub == "env" && $0.hasSuffix("-") && !$0.contains("/")) } ?? arguments.count
    let pairs = Array(arguments[firstPair...])
    arguments = Array(arguments[..<firstPair])
    if arguments.isEmpty && invocation.flags.strings("filename").isEmpty {
      // set image and set resources build their resource list first (in
      // Complete); set env checks the resources in Validate.
      if sub == "env" {
        throw KubectlError.message("one or more resources must be specified as <resource> <name> or <resource>/<name>")
      }
      throw KubectlError.raw("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n")
    }
    switch sub {
    case "serviceaccount": break
    case "image":
      guard !pairs.isEmpty else { throw KubectlError.message("at least one image update is required") }
    case "resources":
      guard !invocation.flags.string("limits").isEmpty || !invocation.flags.string("requests").isEmpty else {
        throw KubectlError.message("you must specify an update to requests or limits (in the form of --requests/--limits)")
      }
    default:
      guard !pairs.isEmpty || !invocation.flags.strings("env").isEmpty || invocation.flags.bool("list") else {
        throw KubectlError.message("at least one environment variable must be provided")
      }
    }
    let local = invocation.flags.bool("local")
    var localObjects: [ObjectKey: Object] = [:]
    var keys: [ObjectKey] = []
    if local || (arguments.isEmpty && !invocation.flags.strings("filename").isEmpty) {
      let manifests = try ManifestSource.read(invocation.flags.strings("filename"), recursive: invocation.flags.bool("recursive"), environment: invocation.environment, namespace: invocation.namespace, namespaceGiven: invocation.namespaceWasGiven)
      for manifest in manifests {
        var object = manifest.object
        if local, !invocation.namespaceWasGiven, let text = try? invocation.environment.readFile(manifest.source),
          let document = try? ManifestDecoder.decode(text).first(where: { $0.value[path: "metadata.name"]?.string == object.name }),
          document.value[path: "metadata.namespace"] == nil
        {
          object.content[path: "metadata.namespace"] = nil
        }
        keys.append(manifest.object.key)
        if local { localObjects[manifest.object.key] = object }
      }
    } else {
      keys = try RolloutCommand.targets(arguments, invocation: invocation, cluster: cluster, verb: "set")
    }
    var output = CommandOutput()
    let containerFilter = invocation.flags.string("container")
    for key in keys {
      guard var object = localObjects[key] ?? cluster.store.get(key) else {
        output.stderr += ErrorMessage.render(APIError.notFound(key.kind, key.name))
        output.exitCode = 1
        continue
      }
      let base = templatePath(key.kind)
      guard !base.isEmpty || key.kind == .pod else {
        output.stderr += "error: \(key.kind.groupResource)/\(key.name) the object is not a pod or does not have a pod template: *\(key.kind.rawValue.lowercased())\n"
        output.exitCode = 1
        continue
      }
      let path = base + "spec.containers"
      var containers = object.content[path: path]?.array ?? []
      var message = ""
      switch sub {
      case "serviceaccount":
        message = "serviceaccount updated"
        object.content[path: base + "spec.serviceAccountName"] = .string(account)
      case "image":
        message = "image updated"
        for pair in pairs {
          let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
          guard parts.count == 2 else { continue }
          var found = false
          for index in containers.indices where parts[0] == "*" || containers[index][path: "name"]?.string == parts[0] {
            containers[index][path: "image"] = .string(parts[1])
            found = true
          }
          if !found {
            output.stderr += "error: unable to find container named \"\(parts[0])\"\n"
            output.exitCode = 1
          }
        }
      case "resources":
        message = "resource requirements updated"
        for index in containers.indices where matches(containers[index], containerFilter) {
          for (flag, field) in [("limits", "limits"), ("requests", "requests")] {
            let text = invocation.flags.string(flag)
            guard !text.isEmpty else { continue }
            for entry in text.split(separator: ",") {
              let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
              guard parts.count == 2 else { throw KubectlError.message("invalid argument syntax \(entry)") }
              containers[index][segments: ["resources", Substring(field), Substring(parts[0])]] = .string(parts[1])
            }
          }
        }
      default:
        message = "env updated"
        if invocation.flags.bool("list") {
          for container in containers where matches(container, containerFilter) {
            output.stdout += "# \(key.kind.rawValue) \(key.name), container \(container[path: "name"]?.string ?? "")\n"
            for variable in container[path: "env"]?.array ?? [] {
              let name = variable[path: "name"]?.string ?? ""
              if let value = variable[path: "value"]?.string {
                output.stdout += "\(name)=\(value)\n"
              } else if let ref = variable[path: "valueFrom"] {
                output.stdout += "# \(name) from \(ref.object?.keys.first ?? "")\n"
              } else {
                output.stdout += "\(name)=\n"
              }
            }
          }
          continue
        }
        let all = invocation.flags.strings("env") + pairs
        for index in containers.indices where matches(containers[index], containerFilter) {
          var env = containers[index][path: "env"]?.array ?? []
          for pair in all {
            if pair.hasSuffix("-") && !pair.contains("=") {
              let name = String(pair.dropLast())
              env.removeAll { $0[path: "name"]?.string == name }
              continue
            }
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let entry: JSONValue = ["name": .string(parts[0]), "value": .string(parts.count > 1 ? parts[1] : "")]
            if let existing = env.firstIndex(where: { $0[path: "name"]?.string == parts[0] }) {
              env[existing] = entry
            } else {
              env.append(entry)
            }
          }
          containers[index][path: "env"] = env.isEmpty ? nil : .array(env)
        }
      }
      let before = object.content
      object.content[path: path] = .array(containers)
      // set serviceaccount patches (and reports) even when nothing changes.
      if object.content == before && sub != "serviceaccount" { continue }
      if local {
        output.stdout += try PatchCommand.printed(object, format: invocation.flags.string("output"), message: "\(RolloutCommand.label(key)) \(message)\n")
        continue
      }
      let dryRun = invocation.flags.string("dry-run")
      do {
        let stored = dryRun == "client" ? object : try cluster.update(object, dryRun: dryRun == "server")
        let suffix = dryRun == "client" ? " (dry run)" : (dryRun == "server" ? " (server dry run)" : "")
        output.stdout += try PatchCommand.printed(stored, format: invocation.flags.string("output"), message: "\(RolloutCommand.label(key)) \(message)\(suffix)\n")
      } catch {
        // kubectl wraps the server's refusal of the patch in its own words
        // (set resources leaves out the colon).
        if let refusal = error as? APIError {
          let wrapper = ["image": "failed to patch image update to pod template: ", "env": "failed to patch env update to pod template: "][sub]
          output.stderr += "error: \(wrapper ?? "failed to patch resources update to pod template ")\(refusal.message)\n"
        } else {
          output.stderr += ErrorMessage.render(error)
        }
        output.exitCode = 1
      }
    }
    return output
  }

  static func matches(_ container: JSONValue, _ filter: String) -> Bool {
    let name = container[path: "name"]?.string ?? ""
    guard filter != "*" else { return true }
    if filter.hasSuffix("*") { return name.hasPrefix(String(filter.dropLast())) }
    return name == filter
  }

  /// Where the pod spec lives: `spec.template.` for workloads, `` for pods.
  static func templatePath(_ kind: Kind) -> String {
    switch kind {
    case .pod: ""
    case .deployment, .replicaSet, .daemonSet, .statefulSet, .job: "spec.template."
    case .cronJob: "spec.jobTemplate.spec.template."
    default: ""
    }
  }
}
