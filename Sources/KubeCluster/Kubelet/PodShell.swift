import Foundation

/// The shell a learner gets with `kubectl exec -it POD -- sh`: busybox's
/// ash, Debian's dash or bash, as the container's image ships it.
///
/// It reads one line at a time (from the learner's terminal or from a
/// heredoc), understands the little shell language tutorials use (`;`,
/// `&&`, `||`, `|`, quotes, `$VAR`, `$?`, `>`/`>>`, `2>&1`, `cd`, `exit`)
/// and runs the programs through the container's own `execute`, so that
/// what `kubectl exec POD -- CMD` prints and what the shell prints agree.
package struct PodShell: Sendable {
  /// Which shell program runs: their prompts and error wordings differ.
  package enum Flavor: Sendable, Equatable {
    /// busybox's ash (busybox, alpine).
    case ash
    /// Debian's `/bin/sh`.
    case dash
    /// GNU bash (Debian-based images).
    case bash
  }

  /// The Linux family of an image's filesystem.
  package enum Family: Sendable, Equatable {
    case busybox
    case alpine
    case debian
  }

  package let pod: ObjectKey
  package let container: String
  package let flavor: Flavor
  package let family: Family
  /// The program as typed (`sh`, `/bin/sh`, `bash`): ash and dash name
  /// themselves by it in their messages.
  package let program: String
  /// Whether the shell talks to a terminal: prompts, and bash's wording.
  package let interactive: Bool
  package internal(set) var directory = "/"
  package internal(set) var lastStatus = 0
  /// What kubectl's attached stdin still holds for the first program that
  /// reads it (`kubectl exec -i POD -- sh -c 'cat > /tmp/f' < f`).
  package var input: String?
  var variables: [String: String] = [:]
  var lineNumber = 0
  /// How many processes the shell started, for the PIDs `ps` shows.
  var started = 0

  /// The shell `program` names in the container, or nil when the image
  /// has no such executable.
  package init?(
    _ program: String, pod: Object, container: String, cluster: Cluster, interactive: Bool
  ) {
    let image = cluster.containerRuntime(of: pod, container: container)?.image ?? ""
    guard let family = PodShell.family(of: ImageReference(image)) else { return nil }
    let name = (program as NSString).lastPathComponent
    switch (name, family) {
    case ("sh", .debian), ("dash", .debian): flavor = .dash
    case ("sh", _), ("ash", .busybox), ("ash", .alpine): flavor = .ash
    case ("bash", .debian): flavor = .bash
    default: return nil
    }
    self.pod = pod.key
    self.container = container
    self.family = family
    self.program = program
    self.interactive = interactive
  }

  /// The filesystem family of an image, or nil when it has no shell.
  package static func family(of reference: ImageReference) -> Family? {
    guard let image = ImageCatalog.lookup(reference), image.hasShell else { return nil }
    switch image.repository {
    case "busybox", "registry.k8s.io/busybox": return .busybox
    case "alpine", "polinux/stress": return .alpine
    default: return reference.tag.contains("alpine") ? .alpine : .debian
    }
  }

  /// Whether `program` is a shell that would read commands from stdin.
  package static func isShell(_ argv: [String]) -> Bool {
    guard let first = argv.first else { return false }
    let name = (first as NSString).lastPathComponent
    return ["sh", "bash", "ash", "dash"].contains(name) && !argv.dropFirst().contains("-c")
  }

  /// The prompt the shell shows at a terminal.
  package func prompt(hostname: String) -> String {
    let shown = directory == "/root" ? "~" : directory
    switch flavor {
    case .ash: return "\(shown) # "
    case .dash: return "# "
    case .bash: return "root@\(hostname):\(shown)# "
    }
  }

  /// What one line did; `exit` holds the shell's exit status once it ended.
  package struct Step: Sendable, Equatable {
    package var stdout = ""
    package var stderr = ""
    package var exit: Int?
  }

  /// Runs the lines of a script (a heredoc fed to `kubectl exec -i`) until
  /// its end or `exit`; the status is the shell's exit status.
  package mutating func runScript(_ text: String, cluster: inout Cluster) -> ExecResult {
    var result = ExecResult()
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let step = run(String(line), cluster: &cluster)
      result.stdout += step.stdout
      result.stderr += step.stderr
      if let code = step.exit {
        result.exitCode = code
        return result
      }
    }
    result.exitCode = lastStatus
    return result
  }

  /// Runs one input line.
  package mutating func run(_ line: String, cluster: inout Cluster) -> Step {
    lineNumber += 1
    var step = Step()
    let tokens: [Token]
    do {
      tokens = try PodShell.tokenize(line)
    } catch {
      step.stderr = syntaxError(String(describing: error))
      lastStatus = 2
      return step
    }
    var index = 0
    var skip = false
    while index < tokens.count {
      // One pipeline up to `;`, `&&` or `||`.
      var pipeline: [[Token]] = [[]]
      while index < tokens.count {
        let token = tokens[index]
        if case .op(let op) = token, [";", "&&", "||"].contains(op) { break }
        if case .op("|") = token {
          pipeline.append([])
        } else {
          pipeline[pipeline.count - 1].append(token)
        }
        index += 1
      }
      let separator: String
      if index < tokens.count, case .op(let op) = tokens[index] { separator = op } else { separator = ";" }
      index += 1
      if !skip, !pipeline.allSatisfy(\.isEmpty) {
        let result = runPipeline(pipeline, cluster: &cluster)
        step.stdout += result.stdout
        step.stderr += result.stderr
        if let code = result.exit {
          step.exit = code
          return step
        }
      }
      switch separator {
      case "&&": skip = lastStatus != 0
      case "||": skip = lastStatus == 0
      default: skip = false
      }
    }
    return step
  }

  // MARK: Running commands

  private mutating func runPipeline(_ pipeline: [[Token]], cluster: inout Cluster) -> Step {
    var step = Step()
    var input: String?
    var known: [String: String] = [:]
    if let object = cluster.store.get(pod) {
      for (key, value) in cluster.environment(of: object, container: container) { known[key] = value }
    }
    known.merge(variables) { _, mine in mine }
    for (position, tokens) in pipeline.enumerated() {
      var argv: [String] = []
      var redirects: [(op: String, target: String)] = []
      var index = 0
      while index < tokens.count {
        switch tokens[index] {
        case .word(let parts): argv.append(substitute(parts, variables: known, cluster: &cluster))
        case .op(let op) where op == "2>&1" || op == "1>&2":
          redirects.append((op, ""))
        case .op(let op):
          guard index + 1 < tokens.count, case .word(let parts) = tokens[index + 1] else {
            step.stderr += syntaxError("unexpected newline")
            lastStatus = 2
            return step
          }
          redirects.append((op, substitute(parts, variables: known, cluster: &cluster)))
          index += 1
        }
        index += 1
      }
      if let from = redirects.last(where: { $0.op == "<" })?.target {
        guard let object = cluster.store.get(pod), let text = cluster.file(resolve(from), in: object, container: container)
        else {
          step.stderr += cannotOpen(from)
          lastStatus = 1
          return step
        }
        input = text
      }
      var result = runCommand(argv, stdin: input, cluster: &cluster)
      if let code = result.exit {
        step.stdout += result.stdout
        step.stderr += result.stderr
        step.exit = code
        return step
      }
      for redirect in redirects {
        switch redirect.op {
        case "2>&1":
          result.stdout += result.stderr
          result.stderr = ""
        case "1>&2":
          result.stderr += result.stdout
          result.stdout = ""
        case "2>", "2>>":
          if redirect.target != "/dev/null" { write(result.stderr, to: redirect.target, append: redirect.op == "2>>", cluster: &cluster) }
          result.stderr = ""
        case "<":
          break
        default:
          if redirect.target != "/dev/null" { write(result.stdout, to: redirect.target, append: redirect.op == ">>", cluster: &cluster) }
          result.stdout = ""
        }
      }
      step.stderr += result.stderr
      if position == pipeline.count - 1 {
        step.stdout += result.stdout
      } else {
        input = result.stdout
      }
    }
    return step
  }

  /// A word's text: variables expanded, `$(...)` run in this shell.
  private mutating func substitute(_ parts: [WordPart], variables: [String: String], cluster: inout Cluster) -> String {
    var text = ""
    for part in parts {
      guard case .command(let line) = part else {
        text += PodShell.expand([part], variables: variables, status: lastStatus)
        continue
      }
      let status = lastStatus
      var output = run(line, cluster: &cluster).stdout
      lineNumber -= 1
      lastStatus = status
      while output.hasSuffix("\n") { output.removeLast() }
      text += output
    }
    return text
  }

  /// A file written by a redirection, kept in the container's own files.
  private func write(_ text: String, to path: String, append: Bool, cluster: inout Cluster) {
    let absolute = resolve(path)
    guard let object = cluster.store.get(pod), var runtime = cluster.runtimes[object.uid],
      let slot = runtime.containers.firstIndex(where: { $0.name == container })
    else { return }
    let old = append ? (cluster.file(absolute, in: object, container: container) ?? "") : ""
    runtime.containers[slot].files[absolute] = old + text
    cluster.runtimes[object.uid] = runtime
    cluster.keepInVolume(absolute, old + text, in: object, container: container)
  }

  // MARK: Messages

  var messagePrefix: String {
    switch flavor {
    case .ash: return "\(program): "
    case .dash: return "\(program): \(lineNumber): "
    case .bash: return interactive ? "bash: " : "bash: line \(lineNumber): "
    }
  }

  func notFound(_ name: String) -> String {
    flavor == .bash ? "\(messagePrefix)\(name): command not found\n" : "\(messagePrefix)\(name): not found\n"
  }

  func cannotOpen(_ path: String) -> String {
    switch flavor {
    case .ash: return "\(messagePrefix)can't open '\(path)': No such file or directory\n"
    case .dash: return "\(messagePrefix)cannot open \(path): No such file\n"
    case .bash: return "\(messagePrefix)\(path): No such file or directory\n"
    }
  }

  func cdError(_ typed: String, target: String) -> String {
    switch flavor {
    case .ash: return "\(messagePrefix)cd: can't cd to \(typed): No such file or directory\n"
    case .dash: return "\(messagePrefix)cd: can't cd to \(typed)\n"
    case .bash: return "\(messagePrefix)cd: \(typed): No such file or directory\n"
    }
  }

  private func syntaxError(_ detail: String) -> String {
    switch flavor {
    case .ash: return "\(messagePrefix)syntax error: \(detail)\n"
    case .dash: return "\(messagePrefix)Syntax error: \(detail)\n"
    case .bash: return "\(messagePrefix)syntax error: \(detail)\n"
    }
  }
}
