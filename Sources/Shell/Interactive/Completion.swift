import Foundation
import KubeCluster
import Kubectl

/// TAB completion for the shell, as a pure function of the line, the
/// cursor and the session's state: verbs, sub-verbs, flags, resource
/// types, names of live objects, namespaces, output formats, files and
/// the shell's own commands.
package enum Completion {
  /// The word at `cursor` (a count of characters into `line`) and what it
  /// may become: `start` is where the word begins, in characters, and
  /// every candidate replaces `line[start..<cursor]` whole.
  package static func complete(line: String, cursor: Int, state: SessionState) -> (
    start: Int, candidates: [String]
  ) {
    let left = String(line.prefix(cursor))
    let words = ShellWords.split(left)
    guard let current = words.last else { return (cursor, []) }
    let before = words.dropLast().map(\.text)
    let start = current.start
    let word = current.text
    let candidates: [String]
    if before.isEmpty {
      candidates = commandCandidates(state)
    } else {
      switch before[0] {
      case "kubectl", "k":
        let (offset, found) = kubectl(Array(before.dropFirst()), word: word, state: state)
        return (start + offset, found.filter { $0.hasPrefix(String(word.dropFirst(offset))) }.sorted())
      case "lang":
        candidates = ["en", "ko"]
      case "map":
        if before.last == "-n" || before.last == "--namespace" {
          candidates = namespaces(state)
        } else if word.hasPrefix("-") {
          candidates = ["--all", "--namespace", "-n"]
        } else {
          candidates = []
        }
      case "help", "man":
        candidates = commandCandidates(state)
      default:
        candidates = files(word, state: state)
      }
    }
    return (start, Array(Set(candidates.filter { $0.hasPrefix(word) })).sorted())
  }

  /// The text to put in place of `typed`: the only candidate and a space
  /// (none after a folder's `/` or a flag's `=`), or the candidates'
  /// longer common prefix; `nil` when only a listing helps.
  package static func insertion(typed: String, candidates: [String]) -> String? {
    if candidates.count == 1, let only = candidates.first {
      let closes = !(only.hasSuffix("/") || only.hasSuffix("="))
      return escape(only) + (closes ? " " : "")
    }
    let prefix = commonPrefix(candidates)
    return prefix.count > typed.count ? escape(prefix) : nil
  }

  /// Candidates in columns across `width`, sorted down the columns as
  /// bash lists them.
  package static func layout(_ candidates: [String], width: Int) -> String {
    let widest = candidates.map(DisplayWidth.of).max() ?? 0
    let columnWidth = widest + 2
    let columns = max(1, min(candidates.count, (max(width, columnWidth)) / columnWidth))
    let rows = (candidates.count + columns - 1) / columns
    var text = ""
    for row in 0..<rows {
      var line = ""
      for column in 0..<columns {
        let index = column * rows + row
        guard index < candidates.count else { break }
        let cell = candidates[index]
        let isLast = column == columns - 1 || (column + 1) * rows + row >= candidates.count
        line += isLast ? cell : cell + String(repeating: " ", count: columnWidth - DisplayWidth.of(cell))
      }
      text += line + "\n"
    }
    return text
  }

  static func commonPrefix(_ words: [String]) -> String {
    guard var prefix = words.first.map(Array.init) else { return "" }
    for word in words.dropFirst() {
      let characters = Array(word)
      var length = 0
      while length < min(prefix.count, characters.count) && prefix[length] == characters[length] {
        length += 1
      }
      prefix = Array(prefix.prefix(length))
    }
    return String(prefix)
  }

  /// Backslashes before the characters the shell would split or expand.
  static func escape(_ word: String) -> String {
    var escaped = ""
    for character in word {
      if " '\"\\$`|&;<>()*?[]!#{}".contains(character) { escaped.append("\\") }
      escaped.append(character)
    }
    return escaped
  }

  // MARK: Commands and files

  static func commandCandidates(_ state: SessionState) -> [String] {
    state.commandNames + ShellInterpreter.builtinNames.sorted()
  }

  /// Entries of the folder named by `word` (relative to the working
  /// directory) that start with its last component; folders end in `/`.
  static func files(_ word: String, state: SessionState) -> [String] {
    let folderPart: String
    let namePart: String
    if let slash = word.lastIndex(of: "/") {
      folderPart = String(word[...slash])
      namePart = String(word[word.index(after: slash)...])
    } else {
      folderPart = ""
      namePart = word
    }
    let base = state.currentDirectory()
    let folder =
      folderPart.hasPrefix("/")
      ? URL(fileURLWithPath: folderPart) : base.appendingPathComponent(folderPart)
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
      return []
    }
    return entries.filter { $0.hasPrefix(namePart) && ($0.hasPrefix(".") == namePart.hasPrefix(".")) }
      .map { entry in
        var isDirectory: ObjCBool = false
        let path = folder.appendingPathComponent(entry).path
        FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        return folderPart + entry + (isDirectory.boolValue ? "/" : "")
      }
  }

  // MARK: kubectl

  /// kubectl's output formats, for `-o`.
  static let outputFormats = [
    "json", "yaml", "wide", "name", "custom-columns=", "custom-columns-file=", "go-template=",
    "go-template-file=", "jsonpath=", "jsonpath-file=", "jsonpath-as-json=",
  ]

  /// Verbs whose first argument is a resource type (or `type/name`).
  static let typedVerbs: Set<String> = [
    "get", "describe", "delete", "edit", "label", "annotate", "patch", "scale", "wait", "explain",
    "expose", "autoscale", "cordon", "uncordon", "drain", "taint", "events",
  ]

  /// Verbs whose arguments are pod names.
  static let podVerbs: Set<String> = ["logs", "exec", "attach", "port-forward", "cp"]

  /// Candidates for the word after `arguments`; `offset` is how many
  /// leading characters of the word they leave alone (the `--flag=` or
  /// `type/` part).
  static func kubectl(_ arguments: [String], word: String, state: SessionState) -> (
    offset: Int, candidates: [String]
  ) {
    let scan = scan(arguments)
    let verb = scan.positionals.first
    let flags = CommandRunner.flags(of: verb ?? "")
    // `--output=ya`, `-n=de`
    if word.hasPrefix("-"), let equals = word.firstIndex(of: "=") {
      let name = String(word[..<equals])
      let offset = word.distance(from: word.startIndex, to: equals) + 1
      return (offset, values(forFlag: name, value: String(word[word.index(after: equals)...]), scan: scan, state: state))
    }
    if let pending = scan.pendingFlag {
      return (0, values(forFlag: pending, value: word, scan: scan, state: state))
    }
    if word.hasPrefix("-") {
      return (0, flags.map { "--\($0.name)" } + flags.compactMap { $0.short.map { "-\($0)" } })
    }
    guard let verb else { return (0, CommandRunner.verbNames) }
    var positionals = Array(scan.positionals.dropFirst())
    var typedVerb = typedVerbs.contains(verb)
    let subverbs = CommandRunner.subverbs(of: verb)
    if !subverbs.isEmpty {
      guard let subverb = positionals.first else { return (0, subverbs) }
      positionals.removeFirst()
      if verb == "rollout" || verb == "set" {
        typedVerb = true
      } else if verb == "top" {
        return (0, subverb == "pod" ? names(.pod, scan: scan, state: state) : names(.node, scan: scan, state: state))
      } else {
        return (0, [])
      }
    }
    let namespace = scan.namespace ?? state.namespace
    if podVerbs.contains(verb) {
      guard positionals.isEmpty else { return (0, []) }
      if let slash = word.firstIndex(of: "/") {
        return typeSlashName(word, slash: slash, scan: scan, state: state)
      }
      _ = namespace
      return (0, names(.pod, scan: scan, state: state))
    }
    guard typedVerb else {
      return (0, [])
    }
    if let slash = word.firstIndex(of: "/") {
      return typeSlashName(word, slash: slash, scan: scan, state: state)
    }
    if let typeWord = positionals.first, !typeWord.contains("/") {
      guard let kind = ResourceResolver.kind(for: typeWord.split(separator: ",").first.map(String.init) ?? typeWord) else {
        return (0, [])
      }
      return (0, names(kind, scan: scan, state: state))
    }
    if positionals.first?.contains("/") == true {
      return (0, resourceTypes())
    }
    return (0, resourceTypes())
  }

  /// `deploy/we` → `deploy/web`.
  static func typeSlashName(_ word: String, slash: String.Index, scan: Scan, state: SessionState)
    -> (offset: Int, candidates: [String])
  {
    let typeWord = String(word[..<slash])
    guard let kind = ResourceResolver.kind(for: typeWord) else { return (0, []) }
    return (0, names(kind, scan: scan, state: state).map { "\(typeWord)/\($0)" })
  }

  /// Resource types as kubectl accepts them: plural names and short names.
  static func resourceTypes() -> [String] {
    var names = Set<String>()
    for kind in Kind.allCases where kind.isListable {
      names.insert(kind.resource)
      for short in kind.shortNames { names.insert(short) }
    }
    return names.sorted()
  }

  /// Names of the live objects of `kind`, in the namespace the command line
  /// names (or every namespace with `-A`).
  static func names(_ kind: Kind, scan: Scan, state: SessionState) -> [String] {
    let namespace: String? =
      kind.isNamespaced ? (scan.allNamespaces ? nil : (scan.namespace ?? state.namespace)) : nil
    return state.cluster.list(kind, in: namespace).map(\.name)
  }

  static func namespaces(_ state: SessionState) -> [String] {
    state.cluster.list(.namespace).map(\.name)
  }

  static func values(forFlag flag: String, value: String, scan: Scan, state: SessionState)
    -> [String]
  {
    switch flag {
    case "-n", "--namespace":
      return namespaces(state)
    case "-o", "--output":
      return outputFormats
    case "-f", "--filename", "-k", "--kustomize":
      return files(value, state: state)
    case "-c", "--container":
      guard let podName = scan.positionals.dropFirst().first(where: { !$0.contains("/") }) else {
        return []
      }
      let namespace = scan.namespace ?? state.namespace
      guard let pod = try? state.cluster.get(ObjectKey(.pod, podName, in: namespace)) else {
        return []
      }
      let containers = pod.content[path: "spec.containers"]?.array ?? []
      return containers.compactMap { $0[path: "name"]?.string }
    default:
      return []
    }
  }

  /// What the words typed so far say: positionals, the namespace, `-A`,
  /// and a flag still waiting for its value.
  struct Scan {
    var positionals: [String] = []
    var namespace: String?
    var allNamespaces = false
    var pendingFlag: String?
  }

  static func scan(_ arguments: [String]) -> Scan {
    var scan = Scan()
    var index = 0
    var verb: String?
    while index < arguments.count {
      let argument = arguments[index]
      defer { index += 1 }
      guard argument.hasPrefix("-"), argument != "-" else {
        if verb == nil { verb = argument }
        scan.positionals.append(argument)
        continue
      }
      if argument == "-A" || argument == "--all-namespaces" {
        scan.allNamespaces = true
        continue
      }
      if argument.contains("=") {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        if parts[0] == "-n" || parts[0] == "--namespace", parts.count == 2 { scan.namespace = parts[1] }
        continue
      }
      guard takesValue(argument, verb: verb) else { continue }
      if index + 1 < arguments.count {
        if argument == "-n" || argument == "--namespace" { scan.namespace = arguments[index + 1] }
        index += 1
      } else {
        scan.pendingFlag = argument
      }
    }
    return scan
  }

  static func takesValue(_ argument: String, verb: String?) -> Bool {
    let flags = CommandRunner.flags(of: verb ?? "")
    let spec: FlagSpec?
    if argument.hasPrefix("--") {
      spec = flags.first { "--\($0.name)" == argument }
    } else if argument.count == 2, let short = argument.last {
      spec = flags.first { $0.short == short }
    } else {
      return false
    }
    return spec.map(CommandRunner.flagTakesValue) ?? false
  }
}

/// Splits a line into words as the shell would, keeping where each word
/// starts, so completion knows the word under the cursor. A command
/// separator (`|`, `;`, `&&`, `||`) starts a new command: only the words
/// after the last one are returned.
enum ShellWords {
  struct Word {
    var text: String
    var start: Int
  }

  static func split(_ line: String) -> [Word] {
    var words: [Word] = []
    var current = ""
    var start: Int?
    var quote: Character?
    var escaped = false
    var previous: Character?
    for (offset, character) in line.enumerated() {
      defer { previous = character }
      if escaped {
        current.append(character)
        escaped = false
        continue
      }
      if let open = quote {
        if character == open {
          quote = nil
        } else {
          current.append(character)
        }
        continue
      }
      switch character {
      case "\\":
        escaped = true
        if start == nil { start = offset }
      case "'", "\"":
        quote = character
        if start == nil { start = offset }
      case " ", "\t":
        if let begin = start {
          words.append(Word(text: current, start: begin))
          current = ""
          start = nil
        }
      case "|", ";", "&", "(", ")":
        _ = previous
        words = []
        current = ""
        start = nil
      default:
        if start == nil { start = offset }
        current.append(character)
      }
    }
    words.append(Word(text: current, start: start ?? line.count))
    return words
  }
}
