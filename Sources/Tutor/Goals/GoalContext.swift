import KubeCluster

/// An HTTP answer as a behaviour goal sees it.
package struct HTTPResponse: Equatable, Sendable {
  package var status: Int
  package var body: String

  package init(status: Int, body: String) {
    self.status = status
    self.body = body
  }
}

/// Sends a behaviour goal's request; nil when nothing answers.
package typealias HTTPProbe = @Sendable (Cluster, HTTPCheck) -> HTTPResponse?

/// What goals are checked against: the live cluster, the commands run since
/// the task began, and the answers typed.
package struct GoalContext {
  package var cluster: Cluster
  package var commands: [CommandRun]
  package var answers: [String]
  package var http: HTTPProbe

  package init(
    cluster: Cluster, commands: [CommandRun] = [], answers: [String] = [],
    http: @escaping HTTPProbe = SimulatedHTTP.request
  ) {
    self.cluster = cluster
    self.commands = commands
    self.answers = answers
    self.http = http
  }
}

/// What `after` goals remember between checks: which `first` goals were met.
package struct GoalMemory: Equatable, Sendable {
  package var seen: Set<String> = []

  package init() {}
}
