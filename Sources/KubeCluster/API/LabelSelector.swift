import Foundation

/// A label query: equality-based (`app=web`, `tier!=db`) and set-based
/// (`env in (prod,dev)`, `!canary`, `app`) requirements, all of which must hold.
package struct LabelSelector: Equatable, Sendable, CustomStringConvertible {
  package enum Operator: String, Sendable {
    case equals = "="
    case notEquals = "!="
    case `in` = "in"
    case notIn = "notin"
    case exists = "exists"
    case doesNotExist = "!"
  }

  package struct Requirement: Equatable, Sendable {
    package var key: String
    package var op: Operator
    package var values: [String]

    package func matches(_ labels: [String: String]) -> Bool {
      switch op {
      case .equals, .in: return labels[key].map { values.contains($0) } ?? false
      case .notEquals, .notIn: return labels[key].map { !values.contains($0) } ?? true
      case .exists: return labels[key] != nil
      case .doesNotExist: return labels[key] == nil
      }
    }

    var text: String {
      switch op {
      case .equals: "\(key)=\(values.first ?? "")"
      case .notEquals: "\(key)!=\(values.first ?? "")"
      case .in: "\(key) in (\(values.sorted().joined(separator: ",")))"
      case .notIn: "\(key) notin (\(values.sorted().joined(separator: ",")))"
      case .exists: key
      case .doesNotExist: "!\(key)"
      }
    }
  }

  package var requirements: [Requirement]
  /// A selector that matches nothing, as a nil `spec.selector` does for some kinds.
  package var matchesNothing = false

  package init(_ requirements: [Requirement] = []) {
    self.requirements = requirements
  }

  package static let everything = LabelSelector()
  package static let nothing: LabelSelector = {
    var selector = LabelSelector()
    selector.matchesNothing = true
    return selector
  }()

  package init(matchLabels: [String: String]) {
    requirements = matchLabels.keys.sorted().map {
      Requirement(key: $0, op: .equals, values: [matchLabels[$0] ?? ""])
    }
  }

  package var isEmpty: Bool { requirements.isEmpty && !matchesNothing }

  package func matches(_ labels: [String: String]) -> Bool {
    !matchesNothing && requirements.allSatisfy { $0.matches(labels) }
  }

  /// `app=web,tier in (a,b)`: the form kubectl describe prints.
  package var description: String {
    requirements.map(\.text).joined(separator: ",")
  }

  /// Reads a `metav1.LabelSelector` (`matchLabels` and `matchExpressions`).
  package init(json: JSONValue?) {
    guard let json, json.object != nil else {
      self = .nothing
      return
    }
    var requirements: [Requirement] = []
    let matchLabels = Object.stringMap(json["matchLabels"])
    for key in matchLabels.keys.sorted() {
      requirements.append(Requirement(key: key, op: .equals, values: [matchLabels[key] ?? ""]))
    }
    for expression in json["matchExpressions"]?.array ?? [] {
      let key = expression["key"]?.string ?? ""
      let values = expression["values"]?.array?.compactMap(\.string) ?? []
      let op: Operator
      switch expression["operator"]?.string ?? "" {
      case "In": op = .in
      case "NotIn": op = .notIn
      case "Exists": op = .exists
      case "DoesNotExist": op = .doesNotExist
      default: continue
      }
      requirements.append(Requirement(key: key, op: op, values: values))
    }
    self.requirements = requirements
  }

  /// Parses kubectl's `-l` syntax.
  package static func parse(_ text: String) throws(SelectorParseError) -> LabelSelector {
    var requirements: [Requirement] = []
    for part in splitTopLevel(text) {
      let term = part.trimmingCharacters(in: .whitespaces)
      if term.isEmpty {
        if text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
        throw SelectorParseError(
          message: "found '', expected: !, identifier, or 'end of string'")
      }
      requirements.append(try parseRequirement(term))
    }
    return LabelSelector(requirements)
  }

  private static func splitTopLevel(_ text: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var depth = 0
    for character in text {
      switch character {
      case "(": depth += 1
      case ")": depth -= 1
      case "," where depth == 0:
        parts.append(current)
        current = ""
        continue
      default: break
      }
      current.append(character)
    }
    parts.append(current)
    return parts
  }

  private static func parseRequirement(_ term: String) throws(SelectorParseError) -> Requirement {
    if term.hasPrefix("!") {
      let key = String(term.dropFirst()).trimmingCharacters(in: .whitespaces)
      try validateKey(key)
      return Requirement(key: key, op: .doesNotExist, values: [])
    }
    for (token, op) in [("!=", Operator.notEquals), ("==", .equals), ("=", .equals)] {
      if let range = term.range(of: token) {
        let key = term[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
        let value = term[range.upperBound...].trimmingCharacters(in: .whitespaces)
        try validateKey(key)
        try validateValue(value)
        return Requirement(key: key, op: op, values: [value])
      }
    }
    let words = term.split(separator: " ", maxSplits: 1).map(String.init)
    if words.count == 2 {
      let key = words[0]
      var rest = words[1].trimmingCharacters(in: .whitespaces)
      let op: Operator
      if rest.hasPrefix("notin") {
        op = .notIn
        rest = String(rest.dropFirst(5))
      } else if rest.hasPrefix("in") {
        op = .in
        rest = String(rest.dropFirst(2))
      } else {
        throw SelectorParseError(
          message: "found '\(rest)', expected: in, notin, =, ==, !=, gt, lt")
      }
      rest = rest.trimmingCharacters(in: .whitespaces)
      guard rest.hasPrefix("("), rest.hasSuffix(")") else {
        throw SelectorParseError(message: "found '\(rest)', expected: '('")
      }
      let values = rest.dropFirst().dropLast().split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      try validateKey(key)
      for value in values { try validateValue(value) }
      return Requirement(key: key, op: op, values: values)
    }
    try validateKey(term)
    return Requirement(key: term, op: .exists, values: [])
  }

  private static func validateKey(_ key: String) throws(SelectorParseError) {
    if let problem = NameRules.qualifiedNameProblem(key) {
      throw SelectorParseError(message: "invalid label key \"\(key)\": \(problem)")
    }
  }

  private static func validateValue(_ value: String) throws(SelectorParseError) {
    if let problem = NameRules.labelValueProblem(value) {
      throw SelectorParseError(message: "invalid label value: \"\(value)\": at key: \(problem)")
    }
  }
}

/// A `-l` selector kubectl cannot parse.
package struct SelectorParseError: Error, Equatable, Sendable {
  package var message: String
}
