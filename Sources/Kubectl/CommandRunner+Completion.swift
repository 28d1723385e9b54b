/// What the shell's TAB completion may ask of kubectl: its verbs and each
/// verb's flags, read from the same declarations the parser uses.
extension CommandRunner {
  /// Every verb kubectl knows, in kubectl's order.
  package static var verbNames: [String] { verbs }

  /// The verbs this emulator runs.
  package static var implementedVerbs: [String] { commands.map { $0.name } }

  /// The flags `kubectl VERB` accepts, its own first, then the global ones.
  package static func flags(of verb: String) -> [FlagSpec] {
    let own = commands.first { $0.name == verb }?.flags ?? []
    return own + GlobalFlags.all
  }

  /// Sub-verbs such as `rollout status` or `create deployment`.
  package static func subverbs(of verb: String) -> [String] {
    let table: [String: [String]] = [
      "create": [
        "clusterrole", "clusterrolebinding", "configmap", "cronjob", "deployment", "ingress", "job",
        "namespace", "poddisruptionbudget", "priorityclass", "quota", "role", "rolebinding", "secret",
        "service", "serviceaccount", "token",
      ],
      "rollout": ["history", "pause", "restart", "resume", "status", "undo"],
      "set": ["env", "image", "resources", "selector", "serviceaccount", "subject"],
      "config": ["current-context", "get-contexts", "set-context", "use-context", "view"],
      "auth": ["can-i", "reconcile", "whoami"],
      "certificate": ["approve", "deny"],
      "top": ["node", "pod"],
    ]
    return table[verb] ?? []
  }

  /// Whether a flag takes a value (`-n dev`), so the next word is its value.
  package static func flagTakesValue(_ flag: FlagSpec) -> Bool { !flag.isBool }
}
