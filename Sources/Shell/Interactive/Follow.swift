import Foundation
import KubeCluster
import Kubectl

#if canImport(Glibc)
  import Glibc
#endif

extension SessionState {
  /// Moves the cluster's clock up to now (in the interactive shell only),
  /// such as before TAB completes names that may have appeared meanwhile.
  package func followWallClock() {
    guard followsWallClock else { return }
    let now = Date()
    if now > cluster.now { cluster.advance(to: now) }
  }
}

/// kubectl commands that keep running until Ctrl-C in the interactive
/// shell (`get -w`, `logs -f`, `port-forward`; `proxy` is `ProxyJobs`'), where the clock follows
/// the wall clock: every ~200 ms the cluster is advanced to now and what
/// changed is printed at once.
///
/// Their output goes straight to the terminal, so a pipe after a watch
/// sees nothing; script mode never comes here (a watch there prints the
/// first listing only).
enum Follow {
  /// How long the loop sleeps between looks at the cluster.
  static let interval: useconds_t = 200_000

  /// Runs `kubectl ARGUMENTS` as a follow loop when it is one, or returns
  /// `nil` for an ordinary command.
  static func run(_ arguments: [String], environment: KubectlEnvironment, state: SessionState)
    -> CommandResult?
  {
    let words = arguments
    guard let verb = words.first(where: { !$0.hasPrefix("-") }) else { return nil }
    switch verb {
    case "get":
      let watchFlags: Set<String> = ["-w", "--watch", "--watch=true", "--watch-only", "--watch-only=true"]
      guard words.contains(where: watchFlags.contains) else { return nil }
      return WatchFollower(arguments: words, environment: environment, state: state)?.run()
    case "logs":
      let followFlags: Set<String> = ["-f", "--follow", "--follow=true"]
      guard words.contains(where: followFlags.contains) else { return nil }
      return followLogs(words.filter { !followFlags.contains($0) }, environment: environment, state: state)
    case "attach":
      return followAttach(words, environment: environment, state: state)
    case "port-forward":
      var cluster = state.cluster
      let first = CommandRunner.run(words, cluster: &cluster, environment: environment)
      state.cluster = cluster
      guard first.exitCode == 0 else {
        return CommandResult(stdout: first.stdout, stderr: first.stderr, exitCode: first.exitCode)
      }
      state.write(.stdout, first.stdout)
      state.write(.stderr, first.stderr)
      waitForInterrupt(state)
      return CommandResult(exitCode: 130)
    default:
      return nil
    }
  }

  /// Sleeps in small steps, keeping the cluster on the wall clock, until
  /// Ctrl-C. The flag stays set, so the rest of the command line stops too
  /// (as in bash) and the loop then starts a fresh line.
  static func waitForInterrupt(_ state: SessionState, each step: () -> Void = {}) {
    while !state.isInterrupted() {
      usleep(interval)
      advance(state)
      step()
    }
  }

  static func advance(_ state: SessionState) {
    state.followWallClock()
  }

  /// `attach`: what the container writes from now on, until Ctrl-C.
  static func followAttach(_ words: [String], environment: KubectlEnvironment, state: SessionState)
    -> CommandResult
  {
    let first = runKeepingChanges(words, environment: environment, state: state)
    guard first.exitCode == 0 else {
      return CommandResult(stdout: first.stdout, stderr: first.stderr, exitCode: first.exitCode)
    }
    state.write(.stderr, first.stderr)
    let streamFlags: Set<String> = ["-i", "-t", "-it", "-ti", "-q", "--stdin", "--tty", "--quiet"]
    let logs = words.map { $0 == "attach" ? "logs" : $0 }.filter { !streamFlags.contains($0) }
    var cluster = state.cluster
    let shown = CommandRunner.run(logs, cluster: &cluster, environment: environment).stdout
    streamNewLines(logs, after: shown, environment: environment, state: state)
    return CommandResult(exitCode: 130)
  }

  /// Runs one kubectl command on the session's cluster, keeping what it changed.
  private static func runKeepingChanges(
    _ words: [String], environment: KubectlEnvironment, state: SessionState
  ) -> CommandOutput
  {
    var cluster = state.cluster
    let output = CommandRunner.run(words, cluster: &cluster, environment: environment)
    state.cluster = cluster
    return output
  }

  /// Prints what `kubectl logs …` gains beyond `shown`, until Ctrl-C.
  static func streamNewLines(_ logs: [String], after shown: String, environment: KubectlEnvironment, state: SessionState) {
    var shown = shown
    waitForInterrupt(state) {
      let next = runKeepingChanges(logs, environment: environment, state: state)
      guard next.exitCode == 0, next.stdout != shown else { return }
      if next.stdout.hasPrefix(shown) {
        state.write(.stdout, String(next.stdout.dropFirst(shown.count)))
      }
      shown = next.stdout
    }
  }

  /// `logs -f`: the logs so far, then each new line as the container writes it.
  static func followLogs(_ words: [String], environment: KubectlEnvironment, state: SessionState)
    -> CommandResult
  {
    let first = runKeepingChanges(words, environment: environment, state: state)
    guard first.exitCode == 0 else {
      return CommandResult(stdout: first.stdout, stderr: first.stderr, exitCode: first.exitCode)
    }
    state.write(.stdout, first.stdout)
    streamNewLines(words, after: first.stdout, environment: environment, state: state)
    return CommandResult(exitCode: 130)
  }
}

/// `kubectl get … -w`: the listing, then one row per changed object, in
/// the columns kubectl's watch keeps (widths only grow, as kubectl's
/// tabwriter remembers them since 1.14).
struct WatchFollower {
  let state: SessionState
  let environment: KubectlEnvironment
  /// The command without its watch flags.
  let listing: [String]
  /// Flags that shape a row: `-o wide`, `--show-labels`, `-L key`.
  let rowFlags: [String]
  let watchOnly: Bool
  let kinds: [Kind]
  let names: [String]
  let namespace: String?
  let selector: LabelSelector
  let allNamespaces: Bool
  let format: String?

  init?(arguments: [String], environment: KubectlEnvironment, state: SessionState) {
    self.state = state
    self.environment = environment
    let watchFlags: Set<String> = ["-w", "--watch", "--watch=true", "--watch-only", "--watch-only=true"]
    watchOnly = arguments.contains { $0.hasPrefix("--watch-only") }
    listing = arguments.filter { !watchFlags.contains($0) }
    var positionals: [String] = []
    var rowFlags: [String] = []
    var namespace: String?
    var selectorText = ""
    var allNamespaces = false
    var format: String?
    var index = 0
    var verbSeen = false
    let valued: Set<String> = [
      "-n", "--namespace", "-l", "--selector", "-o", "--output", "-L", "--label-columns",
      "--field-selector", "--sort-by", "--context", "--cluster", "--user", "--kubeconfig",
      "--chunk-size", "--template", "-c",
    ]
    while index < listing.count {
      let word = listing[index]
      let next = index + 1 < listing.count ? listing[index + 1] : ""
      index += 1
      if !word.hasPrefix("-") || word == "-" {
        if verbSeen { positionals.append(word) } else { verbSeen = true }
        continue
      }
      var name = word
      var value: String?
      if let equals = word.firstIndex(of: "="), word.hasPrefix("--") {
        name = String(word[..<equals])
        value = String(word[word.index(after: equals)...])
      } else if word.hasPrefix("-o") && word.count > 2 && !word.hasPrefix("--") {
        name = "-o"
        value = String(word.dropFirst(2))
      }
      if value == nil && valued.contains(name) {
        value = next
        index += 1
      }
      switch name {
      case "-n", "--namespace": namespace = value
      case "-l", "--selector": selectorText = value ?? ""
      case "-A", "--all-namespaces": allNamespaces = true
      case "-o", "--output":
        format = value
        rowFlags += ["-o", value ?? ""]
      case "-L", "--label-columns": rowFlags += ["-L", value ?? ""]
      case "--show-labels": rowFlags.append("--show-labels")
      default: break
      }
    }
    guard let typeWord = positionals.first else { return nil }
    var names = Array(positionals.dropFirst())
    if let slash = typeWord.firstIndex(of: "/") {
      guard let kind = ResourceResolver.kind(for: String(typeWord[..<slash])) else { return nil }
      kinds = [kind]
      names = [String(typeWord[typeWord.index(after: slash)...])]
    } else {
      guard let kinds = try? ResourceResolver.kinds(for: typeWord), kinds.count == 1 else { return nil }
      self.kinds = kinds
    }
    guard let selector = try? LabelSelector.parse(selectorText) else { return nil }
    self.selector = selector
    self.names = names
    self.namespace = namespace
    self.allNamespaces = allNamespaces
    self.rowFlags = rowFlags
    self.format = format
  }

  private var kind: Kind { kinds[0] }
  private var isTable: Bool { format == nil || format == "wide" }

  private func watched() -> [Object] {
    let scope: String? =
      kind.isNamespaced ? (allNamespaces ? nil : (namespace ?? environment.namespace)) : nil
    return state.cluster.list(kind, in: scope, selector: selector)
      .filter { names.isEmpty || names.contains($0.name) }
  }

  private func kubectl(_ arguments: [String]) -> CommandOutput {
    var cluster = state.cluster
    let output = CommandRunner.run(arguments, cluster: &cluster, environment: environment)
    state.cluster = cluster
    return output
  }

  func run() -> CommandResult? {
    var table = WatchTable()
    var seen: [String: String] = [:]
    var lastRows: [String: [String]] = [:]
    var headerPrinted = false
    if !watchOnly {
      let first = kubectl(listing)
      guard first.exitCode == 0 else {
        return CommandResult(stdout: first.stdout, stderr: first.stderr, exitCode: first.exitCode)
      }
      if isTable {
        let lines = first.stdout.split(separator: "\n").map(String.init)
        table.remember(lines.map(WatchTable.cells))
        headerPrinted = !lines.isEmpty
      }
      state.write(.stdout, first.stdout)
      state.write(.stderr, first.stderr)
    }
    for object in watched() {
      seen[id(object)] = object.resourceVersion
      if isTable, let row = row(for: object) { lastRows[id(object)] = row }
    }
    var count = 0
    Follow.waitForInterrupt(state) {
      var current = Set<String>()
      var text = ""
      for object in watched() {
        let key = id(object)
        current.insert(key)
        guard seen[key] != object.resourceVersion else { continue }
        seen[key] = object.resourceVersion
        if isTable {
          guard let row = row(for: object) else { continue }
          lastRows[key] = row
          if !headerPrinted {
            text += header(table: &table)
            headerPrinted = true
          }
          text += table.line(row)
        } else {
          text += single(object, first: count == 0)
        }
        count += 1
      }
      for key in seen.keys where !current.contains(key) {
        seen[key] = nil
        if let row = lastRows.removeValue(forKey: key) { text += table.line(row) }
      }
      if !text.isEmpty { state.write(.stdout, text) }
    }
    return CommandResult(exitCode: 130)
  }

  private func id(_ object: Object) -> String { "\(object.namespace)/\(object.name)" }

  private func scopeFlags(_ object: Object) -> [String] {
    kind.isNamespaced ? ["-n", object.namespace] : []
  }

  /// One object's row, as `kubectl get` prints it, split into cells.
  private func row(for object: Object) -> [String]? {
    let output = kubectl(["get", kind.resource, object.name, "--no-headers"] + scopeFlags(object) + rowFlags)
    guard output.exitCode == 0, let line = output.stdout.split(separator: "\n").first else { return nil }
    var cells = WatchTable.cells(String(line))
    if allNamespaces && kind.isNamespaced { cells.insert(object.namespace, at: 0) }
    return cells
  }

  private func header(table: inout WatchTable) -> String {
    var arguments = ["get", kind.resource] + rowFlags
    if allNamespaces { arguments.append("-A") } else if let namespace { arguments += ["-n", namespace] }
    let output = kubectl(arguments)
    guard let line = output.stdout.split(separator: "\n").first else { return "" }
    return table.line(WatchTable.cells(String(line)))
  }

  /// A changed object in `-o yaml|json|name`.
  private func single(_ object: Object, first: Bool) -> String {
    let output = kubectl(["get", kind.resource, object.name] + scopeFlags(object) + rowFlags)
    let separator = (format == "yaml" && (!first || !watchOnly)) ? "---\n" : ""
    return separator + output.stdout
  }
}

/// Table rows printed one at a time with column widths that only grow,
/// like kubectl's watch output.
package struct WatchTable {
  package private(set) var widths: [Int] = []

  package init() {}

  /// Cells of a table line as kubectl prints it: columns are separated by
  /// at least three spaces.
  package static func cells(_ line: String) -> [String] {
    var cells: [String] = []
    var current = ""
    var spaces = 0
    for character in line {
      if character == " " {
        spaces += 1
        continue
      }
      if spaces >= 3 {
        cells.append(current)
        current = ""
      } else if spaces > 0 {
        current += String(repeating: " ", count: spaces)
      }
      spaces = 0
      current.append(character)
    }
    cells.append(current)
    return cells
  }

  package mutating func remember(_ rows: [[String]]) {
    for row in rows { grow(row) }
  }

  private mutating func grow(_ row: [String]) {
    for (index, cell) in row.enumerated() {
      let width = DisplayWidth.of(cell)
      if index < widths.count {
        widths[index] = max(widths[index], width)
      } else {
        widths.append(width)
      }
    }
  }

  /// One row padded to the remembered widths (grown by the row first).
  package mutating func line(_ row: [String]) -> String {
    grow(row)
    var text = ""
    for (index, cell) in row.enumerated() {
      if index == row.count - 1 {
        text += cell
      } else {
        text += cell + String(repeating: " ", count: widths[index] - DisplayWidth.of(cell) + 3)
      }
    }
    return text + "\n"
  }
}
