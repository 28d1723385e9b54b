import Foundation
import KubeCluster
import Kubectl

/// One command the learner ran, as the shell saw it after expansion.
package struct CommandRun: Equatable, Sendable {
  package var argv: [String]
  package var exitCode: Int32
  /// The namespace of the shell's context when it ran.
  package var namespace: String

  package init(argv: [String], exitCode: Int32, namespace: String = "default") {
    self.argv = argv
    self.exitCode = exitCode
    self.namespace = namespace
  }

  package var line: String { argv.joined(separator: " ") }

  /// Whether this is kubectl (or its alias `k`).
  package var isKubectl: Bool { argv.first == "kubectl" || argv.first == "k" }

  /// kubectl's words, read loosely: the verb, positionals and flags.
  package var kubectl: KubectlWords? {
    guard isKubectl else { return nil }
    return KubectlWords(Array(argv.dropFirst()))
  }
}

/// A kubectl command line split into verb, positional words and flags,
/// without knowing each verb's flags: enough to check command goals.
package struct KubectlWords: Equatable, Sendable {
  package var positionals: [String] = []
  /// Flags by their long name (`-o` is `output`), with their value if any.
  package var flags: [String: String] = [:]

  static let valueFlags: Set<String> = [
    "namespace", "output", "selector", "container", "filename", "field-selector", "context",
    "kubeconfig", "since", "tail", "timeout", "for", "image", "replicas", "port", "type", "patch",
    "target-port", "to-revision", "grace-period", "sort-by", "cluster", "user", "server",
    "request-timeout", "limits", "requests", "env", "labels", "restart", "protocol", "name",
    "from-literal", "from-file", "schedule", "rule", "class", "overrides", "revision",
    "current-replicas", "max-unavailable",
  ]
  static let shortNames: [Character: String] = [
    "n": "namespace", "o": "output", "l": "selector", "c": "container", "f": "filename",
    "A": "all-namespaces", "w": "watch", "i": "stdin", "t": "tty", "p": "previous",
    "R": "recursive", "k": "kustomize", "h": "help",
  ]
  static let shortWithValue: Set<Character> = ["n", "o", "l", "c", "f"]

  package init(_ words: [String]) {
    // `kubectl logs -f` follows; elsewhere `-f` names a file.
    let isLogs = words.first { !$0.hasPrefix("-") } == "logs"
    var index = 0
    while index < words.count {
      let word = words[index]
      index += 1
      if word == "--" {
        positionals += words[index...]
        break
      }
      if word.hasPrefix("--") {
        let body = word.dropFirst(2)
        if let equal = body.firstIndex(of: "=") {
          flags[String(body[..<equal])] = String(body[body.index(after: equal)...])
        } else if Self.valueFlags.contains(String(body)), index < words.count {
          flags[String(body)] = words[index]
          index += 1
        } else {
          flags[String(body)] = ""
        }
      } else if word.hasPrefix("-") && word.count > 1 {
        var letters = Substring(word.dropFirst())
        while let letter = letters.first {
          letters = letters.dropFirst()
          let name = isLogs && letter == "f" ? "follow" : Self.shortNames[letter] ?? String(letter)
          if Self.shortWithValue.contains(letter) && !(isLogs && letter == "f") {
            var value = String(letters)
            if value.hasPrefix("=") { value.removeFirst() }
            if value.isEmpty, index < words.count {
              value = words[index]
              index += 1
            }
            flags[name] = value
            break
          }
          flags[name] = ""
        }
      } else {
        positionals.append(word)
      }
    }
  }

  package var verb: String? { positionals.first }

  /// The words after the verb that are not flags.
  package var arguments: [String] { Array(positionals.dropFirst()) }

  /// The long name of a flag written either way.
  package static func longName(_ flag: String) -> String {
    if flag.hasPrefix("--") { return String(flag.dropFirst(2).split(separator: "=").first ?? "") }
    if flag.hasPrefix("-"), flag.count == 2, let letter = flag.dropFirst().first {
      return shortNames[letter] ?? String(letter)
    }
    return flag
  }
}
