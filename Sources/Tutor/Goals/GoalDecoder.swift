import KubeCluster
import Kubectl

/// Reads goals from a content file, reporting every mistake with its place.
///
/// A goal is a mapping with one goal key and an optional `description`:
///
/// ```yaml
/// - description: { en: three ready web pods, ko: 준비된 web 파드 세 개 }
///   count: { kind: Pod, labels: { app: web }, phase: Running, ready: true, atLeast: 3 }
/// ```
package struct GoalDecoder {
  package let reader: ContentReader

  package init(reader: ContentReader) { self.reader = reader }

  static let goalKeys = [
    "exists", "absent", "field", "count", "http", "dns", "command", "answer", "all", "any",
    "not", "after", "componentDid",
  ]

  /// The goals of a task or a `try` step: a list of described goals.
  package func taskGoals(_ path: [String]) -> [TaskGoal] {
    guard let items = reader.array(path) else {
      reader.error(path, "\(path.joined(separator: ".")): missing goals (expected a list)")
      return []
    }
    if items.isEmpty { reader.error(path, "a task needs at least one goal") }
    return items.indices.compactMap { index in
      let itemPath = path + [String(index)]
      guard let goal = goal(itemPath) else { return nil }
      let description = reader.text(itemPath + ["description"]) ?? LocalizedText(goal.summary)
      return TaskGoal(description: description, goal: goal)
    }
  }

  /// One goal.
  package func goal(_ path: [String]) -> Goal? {
    guard let object = reader.mapping(path, allowed: ["description"] + Self.goalKeys) else {
      if reader.value(path) == nil { reader.error(path, "missing goal") }
      return nil
    }
    let present = Self.goalKeys.filter { object[$0] != nil }
    guard present.count == 1, let key = present.first else {
      reader.error(
        path,
        present.isEmpty
          ? "a goal needs one of: \(Self.goalKeys.joined(separator: ", "))"
          : "a goal has exactly one goal key, found \(present.joined(separator: ", "))")
      return nil
    }
    let inner = path + [key]
    switch key {
    case "exists", "absent":
      guard let reference = reference(inner, extra: []) else { return nil }
      return key == "exists" ? .exists(reference) : .absent(reference)
    case "field":
      let tests = Self.valueTestKeys
      guard let reference = reference(inner, extra: ["path"] + tests, required: ["path"]),
        let query = self.path(inner + ["path"], kind: reference.kind),
        let test = valueTest(inner)
      else { return nil }
      return .field(reference, path: query, test: test)
    case "count":
      guard let query = objectQuery(inner, extra: ["equals", "atLeast", "atMost"]) else {
        return nil
      }
      let test = CountTest(
        equals: reader.int(inner + ["equals"]), atLeast: reader.int(inner + ["atLeast"]),
        atMost: reader.int(inner + ["atMost"]))
      if test.equals == nil && test.atLeast == nil && test.atMost == nil {
        reader.error(inner, "count: needs one of equals, atLeast, atMost")
      }
      return .count(query, test: test)
    case "http":
      guard
        reader.mapping(
          inner, allowed: ["url", "fromPod", "status", "bodyContains"], required: ["url"]) != nil,
        let url = reader.string(inner + ["url"])
      else { return nil }
      if !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
        reader.error(inner + ["url"], "url: expected an http:// or https:// URL")
      }
      var check = HTTPCheck(url: url)
      if reader.value(inner + ["fromPod"]) != nil {
        check.fromPod = reference(inner + ["fromPod"], extra: [], defaultKind: .pod)
      }
      check.status = reader.int(inner + ["status"]) ?? 200
      check.bodyContains = reader.string(inner + ["bodyContains"])
      return .http(check)
    case "dns":
      guard reader.mapping(inner, allowed: ["name", "namespace"], required: ["name"]) != nil,
        let name = reader.string(inner + ["name"])
      else { return nil }
      return .dns(name: name, namespace: reader.string(inner + ["namespace"]) ?? "default")
    case "command":
      return commandPattern(inner).map(Goal.command)
    case "answer":
      return answerSource(inner).map(Goal.answer)
    case "componentDid":
      return componentAction(inner).map(Goal.component)
    case "all", "any":
      guard let items = reader.array(inner) else { return nil }
      if items.isEmpty { reader.error(inner, "\(key): needs at least one goal") }
      let goals = items.indices.compactMap { goal(inner + [String($0)]) }
      guard goals.count == items.count else { return nil }
      return key == "all" ? .all(goals) : .any(goals)
    case "not":
      return goal(inner).map(Goal.not)
    case "after":
      guard reader.mapping(inner, allowed: ["first", "then"], required: ["first", "then"]) != nil,
        let first = goal(inner + ["first"]), let then = goal(inner + ["then"])
      else { return nil }
      return .after(first: first, then: then)
    default:
      return nil
    }
  }

  static let valueTestKeys = ["equals", "notEquals", "atLeast", "atMost", "matches", "present"]

  private func valueTest(_ path: [String]) -> ValueTest? {
    let present = Self.valueTestKeys.filter { reader.value(path + [$0]) != nil }
    guard present.count == 1, let key = present.first else {
      reader.error(path, "expected exactly one of: \(Self.valueTestKeys.joined(separator: ", "))")
      return nil
    }
    let keyPath = path + [key]
    switch key {
    case "equals": return reader.string(keyPath).map(ValueTest.equals)
    case "notEquals": return reader.string(keyPath).map(ValueTest.notEquals)
    case "atLeast", "atMost":
      guard let value = reader.value(keyPath),
        let number = value.double ?? value.int.map(Double.init)
      else {
        reader.error(keyPath, "\(key): expected a number")
        return nil
      }
      return key == "atLeast" ? .atLeast(number) : .atMost(number)
    case "matches":
      guard let pattern = reader.string(keyPath) else { return nil }
      if (try? Regex(pattern)) == nil {
        reader.error(keyPath, "matches: '\(pattern)' is not a valid regular expression")
      }
      return .matches(pattern)
    default:
      return reader.bool(keyPath).map(ValueTest.present)
    }
  }

  /// A kind name as kubectl accepts it: `Deployment`, `deployment`, `deploy`.
  package func kind(_ path: [String]) -> Kind? {
    guard let text = reader.string(path, required: true) else { return nil }
    if let kind = Kind(rawValue: text) ?? ResourceResolver.kind(for: text.lowercased()) {
      return kind
    }
    reader.error(path, "unknown kind '\(text)'")
    return nil
  }

  private func reference(
    _ path: [String], extra: [String], required: [String] = [], defaultKind: Kind? = nil
  ) -> ObjectReference? {
    if let name = reader.value(path)?.string, let defaultKind {
      return ObjectReference(kind: defaultKind, name: name)
    }
    guard
      reader.mapping(
        path, allowed: ["kind", "name", "namespace"] + extra,
        required: (defaultKind == nil ? ["kind"] : []) + ["name"] + required) != nil
    else {
      if reader.value(path) == nil { reader.error(path, "missing object (kind and name)") }
      return nil
    }
    let kind: Kind? =
      reader.value(path + ["kind"]) == nil ? defaultKind : self.kind(path + ["kind"])
    guard let kind, let name = reader.string(path + ["name"]) else { return nil }
    let namespace = reader.string(path + ["namespace"])
    if namespace != nil && !kind.isNamespaced {
      reader.error(path + ["namespace"], "\(kind.rawValue) is not namespaced", key: true)
    }
    return ObjectReference(kind: kind, name: name, namespace: namespace)
  }

  /// A JSONPath that must exist in the kind's schema.
  package func path(_ path: [String], kind: Kind) -> JSONPathQuery? {
    guard let text = reader.string(path, required: true) else { return nil }
    switch JSONPathQuery.parse(text) {
    case .failure(let error):
      reader.error(path, error.message)
      return nil
    case .success(let query):
      if let problem = SchemaPaths.problem(query, kind: kind) { reader.error(path, problem) }
      return query
    }
  }

  private func objectQuery(_ path: [String], extra: [String]) -> ObjectQuery? {
    guard
      reader.mapping(
        path,
        allowed: ["kind", "namespace", "labels", "fields", "phase", "ready", "owner"] + extra,
        required: ["kind"]) != nil,
      let kind = kind(path + ["kind"])
    else { return nil }
    var query = ObjectQuery(kind: kind, namespace: reader.string(path + ["namespace"]))
    query.labels = reader.stringMap(path + ["labels"]) ?? [:]
    if let fields = reader.value(path + ["fields"])?.object {
      for (key, _) in fields {
        switch JSONPathQuery.parse(key) {
        case .failure(let error): reader.error(path + ["fields", key], error.message, key: true)
        case .success(let query2):
          if let problem = SchemaPaths.problem(query2, kind: kind) {
            reader.error(path + ["fields", key], problem, key: true)
          }
          if let value = reader.string(path + ["fields", key]) {
            query.fields.append(FieldCondition(path: query2, test: .equals(value)))
          }
        }
      }
    } else if reader.value(path + ["fields"]) != nil {
      reader.error(path + ["fields"], "fields: expected a mapping of JSONPath to value")
    }
    query.phase = reader.string(path + ["phase"])
    query.ready = reader.bool(path + ["ready"])
    if reader.value(path + ["owner"]) != nil {
      query.owner = reference(path + ["owner"], extra: [])
    }
    return query
  }

  package func commandPattern(_ path: [String]) -> CommandPattern? {
    guard
      reader.mapping(
        path, allowed: ["verb", "resource", "target", "output", "flags", "pattern", "succeeded"])
        != nil
    else { return nil }
    var pattern = CommandPattern()
    pattern.verb = reader.string(path + ["verb"])
    if reader.value(path + ["resource"]) != nil { pattern.resource = kind(path + ["resource"]) }
    if reader.value(path + ["target"]) != nil {
      pattern.target = reference(path + ["target"], extra: [])
    }
    pattern.output = reader.string(path + ["output"])
    if let flags = reader.array(path + ["flags"]) {
      pattern.flags = flags.indices.compactMap { reader.string(path + ["flags", String($0)]) }
    }
    pattern.pattern = reader.string(path + ["pattern"])
    if let text = pattern.pattern, (try? Regex(text)) == nil {
      reader.error(path + ["pattern"], "pattern: '\(text)' is not a valid regular expression")
    }
    pattern.succeeded = reader.bool(path + ["succeeded"]) ?? true
    if pattern == CommandPattern() {
      reader.error(
        path, "command: needs at least one of verb, resource, target, output, flags, pattern")
    }
    return pattern
  }

  package func answerSource(_ path: [String]) -> AnswerSource? {
    let keys = ["podIP", "nodeOf", "restarts", "field", "count", "value"]
    guard let object = reader.mapping(path, allowed: keys) else { return nil }
    let present = keys.filter { object[$0] != nil }
    guard present.count == 1, let key = present.first else {
      reader.error(path, "an answer needs exactly one of: \(keys.joined(separator: ", "))")
      return nil
    }
    let inner = path + [key]
    switch key {
    case "podIP", "nodeOf", "restarts":
      guard let pod = reference(inner, extra: [], defaultKind: .pod) else { return nil }
      return key == "podIP" ? .podIP(pod) : key == "nodeOf" ? .nodeOf(pod) : .restarts(pod)
    case "field":
      guard let reference = reference(inner, extra: ["path"], required: ["path"]),
        let query = self.path(inner + ["path"], kind: reference.kind)
      else { return nil }
      return .field(reference, query)
    case "count":
      return objectQuery(inner, extra: []).map(AnswerSource.count)
    default:
      if let items = reader.value(inner)?.array {
        return .value(items.indices.compactMap { reader.string(inner + [String($0)]) })
      }
      return reader.string(inner).map { .value([$0]) }
    }
  }
}

/// Checks JSONPaths against the kinds' schemas.
package enum SchemaPaths {
  /// Why the path cannot exist for the kind, or nil when it can.
  package static func problem(_ query: JSONPathQuery, kind: Kind) -> String? {
    var current = Schema.root(for: kind)
    var walked: [String] = []
    for name in query.fieldNames {
      switch current.type.underlying {
      case .map, .freeForm, .anyObject:
        return nil
      default:
        break
      }
      if walked.isEmpty && ["apiVersion", "kind"].contains(name) { return nil }
      guard let next = current.field(named: name) else {
        let at =
          walked.isEmpty ? kind.rawValue : "\(kind.rawValue).\(walked.joined(separator: "."))"
        return "JSONPath '\(query.description)' cannot exist: \(at) has no field '\(name)'"
      }
      walked.append(name)
      current = next
    }
    return nil
  }
}

extension Goal {
  /// A one-line description generated from the goal, when the author wrote none.
  package var summary: String {
    switch self {
    case .exists(let reference): "\(reference.kind.rawValue) \(reference.name) exists"
    case .absent(let reference): "\(reference.kind.rawValue) \(reference.name) is gone"
    case .field(let reference, let path, let test):
      "\(reference.kind.rawValue) \(reference.name): \(path.description) \(test.summary)"
    case .count(let query, let test):
      "\(test.summary) \(query.kind.resource)"
        + (query.labels.isEmpty
          ? ""
          : " with "
            + query.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            .joined(separator: ","))
        + (query.phase.map { " \($0)" } ?? "") + (query.ready == true ? " and Ready" : "")
    case .http(let check): "GET \(check.url) → \(check.status)"
    case .dns(let name, _): "\(name) resolves"
    case .command(let pattern):
      "run kubectl "
        + [pattern.verb, pattern.output.map { "-o \($0)" }].compactMap { $0 }
        .joined(separator: " ")
    case .answer: "answer the question"
    case .component(let action): action.summary
    case .all(let goals): goals.map(\.summary).joined(separator: " and ")
    case .any(let goals): goals.map(\.summary).joined(separator: " or ")
    case .not(let goal): "not: \(goal.summary)"
    case .after(let first, let then): "\(first.summary), then \(then.summary)"
    }
  }
}
