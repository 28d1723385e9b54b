import Foundation
import KubeCluster

/// `kubectl run NAME --image=IMAGE`: one pod.
struct RunCommand: KubectlCommand {
  static let name = "run"
  static let flags: [FlagSpec] = [
    .string("image", help: "The image for the container to run."),
    .string("port", help: "The port that this container exposes."),
    .strings("env", help: "Environment variables to set in the container."),
    .string("labels", short: "l", help: "Comma separated labels to apply to the pod. Will override previous values."),
    .strings("annotations", help: "Annotations to apply to the pod."),
    .string("restart", default: "Always", help: "The restart policy for this Pod.  Legal values [Always, OnFailure, Never]."),
    .bool("command", help: "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default."),
    .bool("rm", help: "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'."),
    .bool("stdin", short: "i", help: "Keep stdin open on the container in the pod, even if nothing is attached."),
    .bool("tty", short: "t", help: "Allocate a TTY for the container in the pod."),
    .bool("attach", help: "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called."),
    .bool("expose", help: "If true, create a ClusterIP service associated with the pod.  Requires `--port`."),
    .string("dry-run", default: "none", help: "Must be \"none\", \"server\", or \"client\"."),
    .string("output", short: "o", help: "Output format."),
    .string("image-pull-policy", help: "The image pull policy for the container. If left empty, this value will not be specified by the client and defaulted by the server."),
    .bool("privileged", help: "If true, run the container in privileged mode."),
    .string("overrides", help: "An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field."),
    .string("override-type", default: "merge", help: "The method used to override the generated object: json, merge, or strategic."),
    .string("pod-running-timeout", default: "1m0s", help: "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running"),
    .bool("quiet", short: "q", help: "If true, suppress prompt messages."),
    .string("field-manager", default: "kubectl-run", help: "Name of the manager used to track field ownership."),
    .bool("save-config", help: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."),
    .bool("leave-stdin-open", help: "If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes."),
  ]

  /// distribution/reference's ReferenceRegexp: `[domain[:port]/]path[:tag][@digest]`.
  static func isImageReference(_ text: String) -> Bool {
    let domain = #"(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?"#
    let component = #"[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*"#
    let tag = #"[\w][\w.-]{0,127}"#
    let digest = #"[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}"#
    let pattern = "^(?:\(domain)/)?\(component)(?:/\(component))*(?::\(tag))?(?:@\(digest))?$"
    return text.range(of: pattern, options: .regularExpression) != nil
  }

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    let flags = invocation.flags
    guard flags.isSet("image"), !flags.string("image").isEmpty else {
      throw KubectlError.message("required flag(s) \"image\" not set")
    }
    let dashIndex = flags.argsBeforeDash ?? invocation.positionals.count
    let before = Array(invocation.positionals.prefix(dashIndex))
    guard let name = before.first else {
      throw KubectlError.raw("error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n")
    }
    let extra = Array(invocation.positionals.dropFirst())
    let dryRun = try DryRun.parse(flags.string("dry-run"))
    // RunOptions.Run's checks, in its order.
    func usage(_ text: String) -> KubectlError { .raw("error: \(text)\nSee 'kubectl run -h' for help and examples\n") }
    let image = flags.string("image")
    guard Self.isImageReference(image) else {
      throw KubectlError.message("Invalid image name \"\(image)\": invalid reference format")
    }
    if flags.bool("tty") && !flags.bool("stdin") { throw usage("-i/--stdin is required for containers with -t/--tty=true") }
    if flags.bool("expose") && flags.string("port").isEmpty { throw usage("--port must be set when exposing a service") }
    let restart = flags.string("restart")
    guard ["Always", "OnFailure", "Never"].contains(restart) else { throw usage("invalid restart policy: \(restart)") }
    let attach = flags.bool("attach") || (flags.bool("stdin") && !flags.isSet("attach"))
    if !attach && flags.bool("rm") { throw usage("--rm should only be used for attached containers") }
    if attach && dryRun != .none {
      throw usage("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)")
    }
    let pullPolicy = flags.string("image-pull-policy")
    if !pullPolicy.isEmpty && !["Always", "IfNotPresent", "Never"].contains(pullPolicy) {
      throw usage("invalid image pull policy: \(pullPolicy)")
    }
    // The pod generator's own parsing.
    if !flags.string("port").isEmpty && Int(flags.string("port")) == nil {
      throw KubectlError.message("strconv.Atoi: parsing \"\(flags.string("port"))\": invalid syntax")
    }
    for pair in flags.strings("env") {
      let name = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
      // validation.IsEnvVarName: letters, digits, '_', '-', '.', no leading digit.
      let valid = name.first.map { !$0.isNumber } == true
        && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }
      guard pair.contains("="), valid else {
        throw KubectlError.message("invalid env: \(pair)")
      }
    }
    var labels = ["run": name]
    if flags.isSet("labels") {
      labels = [:]
      for pair in flags.string("labels").split(separator: ",") {
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw KubectlError.message("unexpected label spec: \(pair)") }
        labels[parts[0]] = parts[1]
      }
    }
    var container = JSONObject()
    container["name"] = .string(name)
    container["image"] = .string(flags.string("image"))
    if !extra.isEmpty {
      container[flags.bool("command") ? "command" : "args"] = .array(extra.map { .string($0) })
    }
    if flags.isSet("port"), let port = Int(flags.string("port")) {
      container["ports"] = [["containerPort": .int(port)]]
    }
    let env = flags.strings("env")
    if !env.isEmpty {
      container["env"] = .array(env.map { pair in
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        return ["name": .string(parts[0]), "value": .string(parts.count > 1 ? parts[1] : "")]
      })
    }
    container["resources"] = .emptyObject
    if flags.isSet("image-pull-policy") { container["imagePullPolicy"] = .string(flags.string("image-pull-policy")) }
    if flags.bool("privileged") { container["securityContext"] = ["privileged": true] }
    if flags.bool("stdin") { container["stdin"] = true }
    if flags.bool("stdin") && !flags.bool("leave-stdin-open") { container["stdinOnce"] = true }
    if flags.bool("tty") { container["tty"] = true }
    var spec = JSONObject()
    spec["containers"] = [.object(container)]
    spec["restartPolicy"] = .string(restart)
    spec["dnsPolicy"] = "ClusterFirst"
    var meta = Generators.meta(name, namespace: invocation.namespaceWasGiven ? invocation.namespace : nil, labels: labels)
    var annotations: [String: String] = [:]
    for pair in flags.strings("annotations") {
      let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
      annotations[parts[0]] = parts.count > 1 ? parts[1] : ""
    }
    if !annotations.isEmpty { meta["annotations"] = Object.mapValue(annotations) }
    var pod = Generators.typed(.pod, [("metadata", meta), ("spec", .object(spec)), ("status", .emptyObject)])
    pod.content = try overridden(pod.content, flags: flags)
    let format = flags.string("output")
    try Printed.checkFormat(format)
    // `--expose`: the service comes first, printed by the same printer
    // (which, for YAML, writes its document separator twice).
    var exposed = ""
    if flags.bool("expose"), let port = Int(flags.string("port")) {
      let service = Generators.typed(.service, [
        ("metadata", Generators.meta(
          name, namespace: invocation.namespaceWasGiven ? invocation.namespace : nil,
          labels: flags.isSet("labels") ? labels : [:])),
        ("spec", ["ports": [["protocol": "TCP", "port": .int(port), "targetPort": .int(port)]], "selector": Object.mapValue(labels) ?? .emptyObject]),
        ("status", ["loadBalancer": .emptyObject]),
      ])
      exposed = try CreateCommand.submit(service, invocation: invocation, cluster: &cluster, dryRun: dryRun, format: format).stdout
      if dryRun == .client && format == "yaml" { exposed += "---\n---\n" }
    }
    var output = try CreateCommand.submit(pod, invocation: invocation, cluster: &cluster, dryRun: dryRun, format: format)
    output.stdout = exposed + output.stdout
    if (flags.bool("stdin") || flags.bool("attach")) && dryRun == .none {
      let key = ObjectKey(.pod, name, in: invocation.namespace)
      Waiting.until(cluster: &cluster, timeout: 60) { cluster in
        let phase = cluster.store.get(key)?.content[path: "status.phase"]?.string
        return phase != nil && phase != "Pending"
      }
      // The main process's exit code, which kubectl returns for Never and
      // OnFailure pods.
      var exitCode = cluster.store.get(key)?.content[path: "status.containerStatuses"]?.array?.first?[path: "state.terminated.exitCode"]?.int ?? 0
      // What the attached terminal shows, in the order kubectl writes it.
      var attached = CommandOutput()
      // A shell reading stdin (busybox's default command, or `-- sh`): the
      // attached input is its script, or the learner's terminal.
      let image = ImageCatalog.lookup(ImageReference(flags.string("image")))
      let program = extra.isEmpty ? (image.map { image in
        if case .exits = image.main { return ["sh"] }
        return []
      } ?? []) : extra
      if flags.bool("stdin"), PodShell.isShell(program), let pod = cluster.store.get(key),
        cluster.containerRuntime(of: pod, container: name)?.isRunning == true,
        var shell = PodShell(program[0], pod: pod, container: name, cluster: cluster, interactive: false)
      {
        // Attached, kubectl prints no "pod/NAME created".
        let terminal = invocation.environment.stdinIsTerminal
        if flags.bool("tty") && !terminal && !flags.bool("quiet") {
          attached.err("Unable to use a TTY - input is not a terminal or the right kind of file\n")
        }
        if !flags.bool("quiet") { attached.err("If you don't see a command prompt, try pressing enter.\n") }
        if terminal {
          var session = ExecSession(
            pod: key, container: name, command: program, tty: flags.bool("tty"), removesPod: flags.bool("rm"))
          session.endsMainProcess = true
          // attach's reattachMessage: only for a raw terminal and a pod that restarts.
          if flags.bool("tty") && restart == "Always" && !flags.bool("quiet") {
            session.endNotice = "Session ended, resume using 'kubectl attach \(name) -c \(name) -i -t' command when the pod is running\n"
          }
          if restart != "Always" { session.reportsTermination = true }
          attached.execSession = session
          return attached
        }
        let result = shell.runScript(invocation.environment.stdin, cluster: &cluster)
        attached.out(result.stdout)
        attached.err(result.stderr)
        // The shell was the container's main process: it ends with the
        // input (with --rm the pod goes at once, before any restart shows).
        if !flags.bool("rm") { cluster.endMainProcess(of: key, container: name, exitCode: result.exitCode) }
        if flags.bool("rm") {
          _ = try? cluster.delete(key)
          attached.out("pod \"\(name)\" deleted\n")
        }
        if restart != "Always" && result.exitCode != 0 {
          attached.err("pod \(invocation.namespace)/\(name) terminated (Error)\n")
          attached.exitCode = Int32(clamping: result.exitCode)
        }
        return attached
      }
      if let pod = cluster.store.get(key), let lines = cluster.logs(of: pod, container: name, previous: false) {
        if flags.bool("tty") { attached.err("If you don't see a command prompt, try pressing enter.\n") }
        // A network probe as the main process (`-- wget -qO- web`) prints what it fetched.
        if let tool = cluster.runNetworkTool(extra, asMainProcessOf: pod) {
          attached.out(tool.stdout)
          attached.err(tool.stderr)
          exitCode = tool.exitCode
        } else {
          attached.out(lines.map { $0.text + "\n" }.joined())
        }
      } else {
        attached.out(output.stdout)
      }
      if flags.bool("rm") {
        _ = try? cluster.delete(key)
        attached.out("pod \"\(name)\" deleted\n")
      }
      if restart != "Always" && exitCode != 0 {
        attached.err("pod \(invocation.namespace)/\(name) terminated (Error)\n")
        attached.exitCode = Int32(clamping: exitCode)
      }
      output = attached
    }
    return output
  }

  /// `--overrides` applied to the generated pod as kubectl applies it: a JSON
  /// merge patch by default, or a JSON or strategic merge patch by `--override-type`.
  static func overridden(_ pod: JSONValue, flags: ParsedFlags) throws -> JSONValue {
    let text = flags.string("overrides")
    guard !text.isEmpty else { return pod }
    let type = flags.string("override-type")
    guard ["json", "merge", "strategic"].contains(type) else {
      throw KubectlError.message("invalid override type: \(type)")
    }
    guard let document = try? ManifestDecoder.decode(text).first else {
      throw KubectlError.message(type == "json" ? "invalid character looking for beginning of value" : "Invalid JSON Patch")
    }
    var patched = try Patching.apply(document.value, type: type, to: pod, kind: .pod)
    // kubectl decodes the result into a typed Pod: a container's resources
    // struct and the status struct print as {} even when the patch dropped them.
    for list in ["containers", "initContainers"] {
      guard case .array(let containers)? = patched[path: "spec.\(list)"] else { continue }
      patched[path: "spec.\(list)"] = .array(containers.map { container in
        guard case .object(var fields) = container else { return container }
        if fields["resources"] == nil || fields["resources"] == .null { fields["resources"] = .emptyObject }
        return .object(fields)
      })
    }
    if patched[path: "status"] == nil || patched[path: "status"] == .null { patched[path: "status"] = .emptyObject }
    return patched
  }
}
