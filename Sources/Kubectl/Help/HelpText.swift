/// kubectl's help pages: the same sections and command groups, in
/// kubetutor's own words.
enum HelpText {
  static let groups: [(String, [(String, String)])] = [
    ("Basic Commands (Beginner)", [
      ("create", "Make a resource from a file, from stdin or from a generator"),
      ("expose", "Put a Service in front of a pod, deployment, replica set or service"),
      ("run", "Start a single pod from an image"),
      ("set", "Change particular fields of existing objects"),
    ]),
    ("Basic Commands (Intermediate)", [
      ("explain", "Describe the fields of a resource"),
      ("get", "List one or more resources"),
      ("edit", "Change a live resource in your editor"),
      ("delete", "Remove resources named by file, by name, or by label selector"),
    ]),
    ("Deploy Commands", [
      ("rollout", "Follow, pause, resume or undo a rollout"),
      ("scale", "Change the replica count of a deployment, replica set or stateful set"),
      ("autoscale", "Create a horizontal pod autoscaler for a workload"),
    ]),
    ("Cluster Management Commands", [
      ("certificate", "Approve or deny certificate signing requests"),
      ("cluster-info", "Show where the control plane and add-ons are reachable"),
      ("top", "Show CPU and memory use of nodes and pods"),
      ("cordon", "Stop new pods from being scheduled on a node"),
      ("uncordon", "Allow pods to be scheduled on a node again"),
      ("drain", "Evict the pods of a node before maintenance"),
      ("taint", "Add or remove taints on nodes"),
    ]),
    ("Troubleshooting and Debugging Commands", [
      ("describe", "Show the details and recent events of resources"),
      ("logs", "Print what a container wrote to its output"),
      ("attach", "Connect to the process of a running container"),
      ("exec", "Run a command inside a container"),
      ("port-forward", "Forward local ports to a pod"),
      ("proxy", "Serve the Kubernetes API on a local port"),
      ("cp", "Copy files to and from containers"),
      ("auth", "Check what you are allowed to do"),
      ("debug", "Start debugging sessions for pods and nodes"),
      ("events", "List events"),
    ]),
    ("Advanced Commands", [
      ("diff", "Compare the live object with what applying a file would make"),
      ("apply", "Bring resources to the state a file or stdin describes"),
      ("patch", "Change some fields of a resource"),
      ("replace", "Replace a resource with the one in a file or stdin"),
      ("wait", "Experimental: Block until resources reach a condition"),
      ("kustomize", "Render a kustomization directory"),
    ]),
    ("Settings Commands", [
      ("label", "Add, change or remove labels"),
      ("annotate", "Add, change or remove annotations"),
      ("completion", "Print shell completion code (bash, zsh, fish, or powershell)"),
    ]),
    ("Subcommands provided by plugins", []),
    ("Other Commands", [
      ("api-resources", "List the resource types the server offers"),
      ("api-versions", "List the API versions the server offers, as \"group/version\""),
      ("config", "Read and change kubeconfig files"),
      ("plugin", "Work with kubectl plugins"),
      ("version", "Print the client and server versions"),
    ]),
  ]

  static let root: String = {
    var text = "kubectl controls the Kubernetes cluster manager.\n\n"
    text += " Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n"
    for (title, commands) in groups {
      text += "\(title):\n"
      for (name, summary) in commands {
        text += "  " + name.padding(toLength: 16, withPad: " ", startingAt: 0) + summary + "\n"
      }
      text += "\n"
    }
    text += "Usage:\n  kubectl [flags] [options]\n\n"
    text += "Use \"kubectl <command> --help\" for more information about a given command.\n"
    text += "Use \"kubectl options\" for a list of global command-line options (applies to all commands).\n"
    return text
  }()

  static func summary(of command: String) -> String {
    groups.flatMap(\.1).first { $0.0 == command }?.1 ?? ""
  }

  static func forCommand(_ command: String, flags: [FlagSpec]) -> String {
    if let page = HelpCatalog.pages[command] {
      return HelpCatalog.render(command, page, options: optionLines(flags))
    }
    let verb = String(command.split(separator: " ").first ?? Substring(command))
    var text = summary(of: verb) + ".\n\n"
    text += "Options:\n"
    text += optionLines(flags)
    text += "Usage:\n  kubectl \(command) [options]\n\n"
    text += "Use \"kubectl options\" for a list of global command-line options (applies to all commands).\n"
    return text
  }

  /// pflag's option listing (kubectl 1.32 indents every flag by four): `    -n, --name=default:` then the help
  /// indented by a tab, a blank line after each.
  static func optionLines(_ flags: [FlagSpec]) -> String {
    var text = ""
    for flag in flags.sorted(by: { $0.name < $1.name }) {
      let names = flag.short.map { "-\($0), --\(flag.name)" } ?? "--\(flag.name)"
      var line = "    " + names
      switch flag.kind {
      case .bool: line += "=\(flag.defaultValue)"
      case .int: line += "=\(flag.defaultValue)"
      default: line += "=\(flag.defaultValue.isEmpty ? "''" : flag.defaultValue)"
      }
      text += line + ":\n\t" + flag.help + "\n\n"
    }
    return text
  }
}
