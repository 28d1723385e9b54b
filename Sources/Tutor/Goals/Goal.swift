import KubeCluster

/// A checkable statement about the cluster or the learner's commands.
///
/// Goals are decoded from lesson and scenario files and never change
/// anything; they are checked after every command.
package indirect enum Goal: Equatable, Sendable {
  /// The object exists.
  case exists(ObjectReference)
  /// The object does not exist.
  case absent(ObjectReference)
  /// A field of the object, read through a JSONPath, passes a test.
  case field(ObjectReference, path: JSONPathQuery, test: ValueTest)
  /// The number of objects that match a query passes a test.
  case count(ObjectQuery, test: CountTest)
  /// An HTTP request reaches a backend.
  case http(HTTPCheck)
  /// A DNS name resolves from inside the cluster.
  case dns(name: String, namespace: String)
  /// The learner ran a matching command.
  case command(CommandPattern)
  /// The learner typed `answer …` with the value computed from the cluster.
  case answer(AnswerSource)
  /// A component did something since the set-up (see `ComponentAction`).
  case component(ComponentAction)
  case all([Goal])
  case any([Goal])
  case not(Goal)
  /// `then` only counts once `first` has been met (in this or an earlier check).
  case after(first: Goal, then: Goal)
}

/// A goal as shown to the learner.
package struct TaskGoal: Equatable, Sendable {
  package var description: LocalizedText
  package var goal: Goal

  package init(description: LocalizedText, goal: Goal) {
    self.description = description
    self.goal = goal
  }
}

/// One named object.
package struct ObjectReference: Equatable, Sendable {
  package var kind: Kind
  package var name: String
  /// nil: `default` for namespaced kinds.
  package var namespace: String?

  package init(kind: Kind, name: String, namespace: String? = nil) {
    self.kind = kind
    self.name = name
    self.namespace = namespace
  }

  package var key: ObjectKey {
    ObjectKey(kind, name, in: kind.isNamespaced ? (namespace ?? "default") : "")
  }
}

/// Objects selected by kind, namespace, labels, fields and status.
package struct ObjectQuery: Equatable, Sendable {
  package var kind: Kind
  /// nil: `default`; `*`: every namespace.
  package var namespace: String?
  package var labels: [String: String] = [:]
  /// Fields that must equal a value, as with `--field-selector`.
  package var fields: [FieldCondition] = []
  /// A pod's `status.phase`.
  package var phase: String?
  /// A pod's Ready condition (or, for workloads, all replicas ready).
  package var ready: Bool?
  /// Only objects controlled by this object, directly or through a ReplicaSet.
  package var owner: ObjectReference?

  package init(kind: Kind, namespace: String? = nil) {
    self.kind = kind
    self.namespace = namespace
  }
}

package struct FieldCondition: Equatable, Sendable {
  package var path: JSONPathQuery
  package var test: ValueTest
}

/// How a field's value is tested.
package enum ValueTest: Equatable, Sendable {
  case equals(String)
  case notEquals(String)
  case atLeast(Double)
  case atMost(Double)
  case matches(String)
  /// The field is set (true) or missing (false).
  case present(Bool)

  package var summary: String {
    switch self {
    case .equals(let value): "== \(value)"
    case .notEquals(let value): "!= \(value)"
    case .atLeast(let value): ">= \(JSONValue.format(value))"
    case .atMost(let value): "<= \(JSONValue.format(value))"
    case .matches(let pattern): "matches /\(pattern)/"
    case .present(let flag): flag ? "is set" : "is not set"
    }
  }
}

/// How a number of objects is tested.
package struct CountTest: Equatable, Sendable {
  package var equals: Int?
  package var atLeast: Int?
  package var atMost: Int?

  package func passes(_ count: Int) -> Bool {
    if let equals, count != equals { return false }
    if let atLeast, count < atLeast { return false }
    if let atMost, count > atMost { return false }
    return true
  }

  package var summary: String {
    var parts: [String] = []
    if let equals { parts.append("exactly \(equals)") }
    if let atLeast { parts.append("at least \(atLeast)") }
    if let atMost { parts.append("at most \(atMost)") }
    return parts.joined(separator: ", ")
  }
}

/// An HTTP request whose answer must reach a backend.
package struct HTTPCheck: Equatable, Sendable {
  package var url: String
  /// The pod the request is sent from; nil: from the host (the learner's machine).
  package var fromPod: ObjectReference?
  package var status: Int = 200
  package var bodyContains: String?
}

/// What a command goal asks of a command the learner ran.
package struct CommandPattern: Equatable, Sendable {
  /// kubectl's verb, such as `logs` or `rollout` (`rollout undo` for two words).
  package var verb: String?
  /// The resource type named (`pods`, `deploy`, ...), compared by kind.
  package var resource: Kind?
  /// The object the command is about: the object itself or a pod it controls.
  package var target: ObjectReference?
  /// `-o` / `--output` value, such as `wide`.
  package var output: String?
  /// Flags that must appear, such as `--all-namespaces` (short and long forms are equal).
  package var flags: [String] = []
  /// A regular expression the whole command line must match.
  package var pattern: String?
  /// Whether the command had to succeed.
  package var succeeded = true
}

/// Where the value an `answer` goal expects comes from.
package enum AnswerSource: Equatable, Sendable {
  case podIP(ObjectReference)
  case nodeOf(ObjectReference)
  case restarts(ObjectReference)
  case field(ObjectReference, JSONPathQuery)
  case count(ObjectQuery)
  case value([String])
}
