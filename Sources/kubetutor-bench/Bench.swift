import Foundation
import KubeCluster
import Kubectl

/// `kubetutor-bench`: prints one line per figure, each the median of
/// repeated runs. Build in release mode:
/// `swift build -c release --product kubetutor-bench`, then
/// `.build/release/kubetutor-bench [--quick] [--only NAME] [PATH-TO-kubetutor]`.
///
/// Figures that report peak memory run in a child process of their own
/// (`--only NAME`), so one figure's peak does not hide in another's.
@main
struct Bench {
  /// One figure: a name for `--only`, and what prints it.
  struct Figure {
    var name: String
    var quick: Bool
    var run: (Options) -> Void
  }

  struct Options {
    var quick = false
    var only: String?
    /// The kubetutor executable, for the start-up figures.
    var binary: String
  }

  static var figures: [Figure] {
    var list: [Figure] = [
      Figure(name: "startup", quick: true) { StartupFigures.scriptMode(binary: $0.binary) },
      Figure(name: "startup-saved", quick: true) { StartupFigures.savedCluster(binary: $0.binary) },
    ]
    for count in [10, 100, 1000, 10_000] {
      list.append(Figure(name: "get-pods-\(count)", quick: true) { _ in CommandFigures.getPods(count) })
    }
    list.append(Figure(name: "get-pods-1000-first", quick: true) { _ in CommandFigures.getPodsFirst(1000) })
    list += [
      Figure(name: "get-all", quick: true) { _ in CommandFigures.getAll() },
      Figure(name: "describe-deployment", quick: true) { _ in CommandFigures.describeDeployment() },
      Figure(name: "apply-50", quick: true) { _ in CommandFigures.apply50() },
      Figure(name: "goals-20", quick: true) { _ in CommandFigures.goalCheck() },
      Figure(name: "progress", quick: true) { _ in progressRecording() },
      Figure(name: "scale-1000", quick: true) { _ in ScaleFigures.deployment(replicas: 1000) },
      Figure(name: "scale-10000", quick: true) { _ in ScaleFigures.deployment(replicas: 10_000) },
    ]
    return list
  }

  static func main() throws {
    if CommandLine.arguments.contains("--api-load") {
      print("kubetutor-bench  \(Timestamp.format(Date()))  \(ProcessInfo.processInfo.activeProcessorCount) cores")
      var options = APILoad.Options()
      let arguments = Array(CommandLine.arguments.dropFirst())
      if let index = arguments.firstIndex(of: "--seconds"), index + 1 < arguments.count,
        let value = Int(arguments[index + 1])
      {
        options.seconds = value
      }
      if let index = arguments.firstIndex(of: "--writer"), index + 1 < arguments.count {
        guard let writer = APILoad.Writer(rawValue: arguments[index + 1]) else {
          FileHandle.standardError.write(Data("kubetutor-bench: --writer is churn or patch\n".utf8))
          exit(2)
        }
        options.writer = writer
      }
      try APILoad.run(options)
      return
    }
    if let index = CommandLine.arguments.firstIndex(of: "--fingerprint") {
      let numbers = CommandLine.arguments[(index + 1)...].compactMap { Int($0) }
      ScaleFingerprint.run(replicas: numbers.first ?? 300, nodes: numbers.dropFirst().first ?? 10)
      return
    }
    var options = Options(binary: "")
    var arguments = Array(CommandLine.arguments.dropFirst())
    options.quick = arguments.contains("--quick")
    if let index = arguments.firstIndex(of: "--only"), index + 1 < arguments.count {
      options.only = arguments[index + 1]
      arguments.removeSubrange(index...(index + 1))
    }
    options.binary =
      arguments.first { !$0.hasPrefix("--") }
      ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("kubetutor").path
    if let only = options.only {
      guard let figure = figures.first(where: { $0.name == only }) else {
        FileHandle.standardError.write(Data("kubetutor-bench: no figure '\(only)'; figures: \(figures.map(\.name).joined(separator: " "))\n".utf8))
        exit(2)
      }
      BenchSupport.isChild = true
      figure.run(options)
      return
    }
    BenchSupport.note("kubetutor-bench  \(Timestamp.format(Date()))  \(ProcessInfo.processInfo.activeProcessorCount) cores\(options.quick ? "  --quick" : "")")
    let chosen = figures.filter { !options.quick || $0.quick }
    for figure in chosen where !figure.name.hasPrefix("scale-") { figure.run(options) }
    // Peak memory is per process: each run of a scale figure gets its own,
    // and the medians of seven runs are printed (of one with --quick). The
    // sizes run in turn, so that their ratio does not depend on when each ran.
    let scale = chosen.map(\.name).filter { $0.hasPrefix("scale-") }
    if !scale.isEmpty { BenchSupport.runChildren(figures: scale, runs: options.quick ? 1 : 7) }
    ScaleFigures.printGrowth()
  }
}
