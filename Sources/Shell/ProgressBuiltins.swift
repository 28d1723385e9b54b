import Foundation
import KubeCluster
import Progress
import Tutor

/// The shell backed by a progress database: every command recorded with
/// the lesson it was typed in, the cluster saved after it, and the
/// `progress` and `reset` builtins reading and changing the records.
package enum ProgressBuiltins {
  /// The name the current cluster is saved under.
  package static let clusterSnapshot = "current"

  /// Connects `session` to `store`: the tutor records into it, each
  /// command line is recorded (with the lesson or scenario open when it was
  /// typed) and the cluster saved before the next prompt, and `progress`
  /// and `reset` use it.
  ///
  /// - Parameters:
  ///   - replacesSavedCluster: Whether the session's cluster replaces the
  ///     saved one after the first command even if no command used it
  ///     (`--fresh`); otherwise a cluster that was never built is not saved.
  ///   - freshCluster: A new cluster for `reset cluster|all`, given the time now.
  ///   - confirm: Asks the learner a yes/no question at the terminal.
  ///   - report: Where a failed write is reported (it does not stop the shell).
  /// - Returns: What to print first: the lesson left open, reopened at its
  ///   step on the restored cluster, or nothing.
  package static func attach(
    _ store: ProgressStore, to session: ShellSession, resume: Bool,
    replacesSavedCluster: Bool = false,
    freshCluster: @escaping (Date) -> Cluster,
    confirm: @escaping (String) -> Bool,
    report: @escaping (String) -> Void
  ) -> String {
    guard let tutor = TutorBuiltins.tutor(of: session) else { return "" }
    let state = session.state
    tutor.recorder = store
    var opening = ""
    if resume, let item = try? store.currentItem(),
      let output = tutor.resume(item, cluster: state.cluster)
    {
      opening = output.stdout
      state.position = tutor.promptPrefix.trimmingCharacters(in: .whitespaces)
        .dropFirst().dropLast().description
    }
    var itemBefore = tutor.activityID
    // A cluster no command has needed yet is the saved one, unchanged:
    // restoring it only to save it again was most of a short script's time.
    var saveDue = replacesSavedCluster
    session.commandFinished = { line, status, started, duration in
      do {
        var line = line
        while line.hasSuffix("\n") { line.removeLast() }
        try store.recordCommand(
          line: line, exitCode: status, startedAt: started, durationMs: duration,
          courseItem: itemBefore)
        if saveDue || state.builtCluster != nil {
          try store.saveSnapshot(name: clusterSnapshot, data: state.cluster.snapshot())
          saveDue = false
        }
        itemBefore = tutor.activityID
        try store.setCurrentItem(itemBefore)
      } catch {
        report("kubetutor: \(error)\n")
      }
    }
    session.register("progress") { _, _, _ in
      do {
        let progress = try LearnerProgress.read(store.database, profileID: store.profileID)
        return CommandResult(
          stdout: ProgressView.text(progress, course: course(of: tutor), language: tutor.language)
            + tutor.quizMasterySection(at: state.cluster.now))
      } catch {
        return .failure("progress: \(error)")
      }
    }
    session.register("reset") { argv, _, _ in
      // Bare `reset` in a lesson rebuilds its cluster, as the tutor does.
      if argv.count == 1, tutor.activity != nil {
        let output = tutor.handle(argv, cluster: &state.cluster)
        return CommandResult(
          stdout: output.stdout, stderr: output.stderr, exitCode: output.exitCode)
      }
      return reset(
        Array(argv.dropFirst()), store: store, tutor: tutor, state: state,
        freshCluster: freshCluster, confirm: confirm)
    }
    return opening
  }

  /// The lessons and scenarios the tutor offers.
  static func course(of tutor: TutorSession) -> Course {
    Course(catalog: tutor.catalog, scenariosDirectory: tutor.scenariosDirectory)
  }

  /// `reset lesson ID | scenario ID | cluster | all [--yes]`.
  static func reset(
    _ words: [String], store: ProgressStore, tutor: TutorSession, state: SessionState,
    freshCluster: (Date) -> Cluster, confirm: (String) -> Bool
  ) -> CommandResult {
    let language = tutor.language
    let recorded = Set(
      ((try? store.events()) ?? []).map { String($0.subject.split(separator: "#").first ?? "") })
    let request: ResetRequest
    switch ResetRequest.parse(words, course: course(of: tutor), recorded: recorded) {
    case .success(let parsed): request = parsed
    case .failure(let error): return .failure(error.message(language))
    }
    if !request.confirmed {
      guard state.mode == .interactive else {
        return .failure(ResetError.needsConfirmation.message(language))
      }
      guard confirm(request.question(profile: store.profile, language: language)) else {
        return .failure(ResetError.declined.message(language))
      }
    }
    do {
      try store.reset(request.scope)
    } catch {
      return .failure("reset: \(error)")
    }
    var text = request.done(language: language)
    let open = tutor.activityID
    switch request.scope {
    case .cluster, .all:
      state.cluster = freshCluster(state.cluster.now)
    case .lesson, .scenario:
      break
    }
    // The item open now starts again from its first step on its own cluster.
    if let open, request.scope == .all || request.scope == .lesson(open)
      || request.scope == .scenario(open) || request.scope == .cluster
    {
      if request.scope == .cluster {
        text += tutor.handle(["reset"], cluster: &state.cluster).stdout
      } else {
        text += "\n" + tutor.handle(["start", open], cluster: &state.cluster).stdout
      }
    }
    return CommandResult(stdout: text)
  }
}
