/// What `quiz` was asked to do, from its arguments.
package struct QuizRequest: Equatable, Sendable {
  package enum Action: Equatable, Sendable {
    /// Start a drill (or show the question of the one under way).
    case drill
    /// Print mastery per topic.
    case stats
    /// End the drill under way.
    case stop
    case help
  }

  /// The questions asked when `-n` is not given.
  package static let defaultCount = 5
  package static let maximumCount = 100
  package static let usage = "usage: quiz [--topic TOPIC] [-n COUNT] | quiz --stats | quiz --stop"

  package var action = Action.drill
  /// A track id or a lesson id.
  package var topic: String?
  package var count = defaultCount

  package init(action: Action = .drill, topic: String? = nil, count: Int = defaultCount) {
    self.action = action
    self.topic = topic
    self.count = count
  }

  /// A usage error, worded for the learner.
  package struct Invalid: Error, Equatable {
    package var message: String

    package init(message: String) { self.message = message }
  }

  /// Reads `--topic T` (or `--topic=T`), `-n N` (`-nN`, `--count N`),
  /// `--stats`, `--stop` and `--help`.
  package static func parse(_ arguments: [String]) -> Result<QuizRequest, Invalid> {
    var request = QuizRequest()
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
      var inline = argument.hasPrefix("--") && parts.count == 2 ? parts[1] : nil
      var name = inline == nil ? argument : parts[0]
      if name.hasPrefix("-n"), name.count > 2, !name.hasPrefix("--") {
        inline = String(name.dropFirst(2))
        name = "-n"
      }
      switch name {
      case "--topic":
        guard let topic = inline ?? rest.popFirst(), !topic.isEmpty else {
          return .failure(Invalid(message: "flag needs an argument: --topic"))
        }
        request.topic = topic
      case "-n", "--count":
        guard let text = inline ?? rest.popFirst() else {
          return .failure(Invalid(message: "flag needs an argument: \(name)"))
        }
        guard let count = Int(text), (1...maximumCount).contains(count) else {
          return .failure(
            Invalid(
              message: "invalid argument \"\(text)\" for \"\(name)\": "
                + "expected a number of questions from 1 to \(maximumCount)"))
        }
        request.count = count
      case "--stats": request.action = .stats
      case "--stop": request.action = .stop
      case "--help", "-h": request.action = .help
      default:
        if name.hasPrefix("-") {
          return .failure(Invalid(message: "unknown flag: \(name)"))
        }
        return .failure(Invalid(message: "unexpected argument '\(argument)'"))
      }
    }
    return .success(request)
  }
}
