import ArgumentParser
import Foundation
import KubeCluster
import Progress
import Shell
import Tutor

#if canImport(Glibc)
  import Glibc
#endif

/// The lessons and scenarios `options` point at (shipped, or `--content`).
private func course(_ options: TutorOptions) -> (Course, Language) {
  let tutor = tutorSession(options)
  return (Course(catalog: tutor.catalog, scenariosDirectory: tutor.scenariosDirectory), tutor.language)
}

/// A tutor with the options' language and content, for reading the catalog.
private func tutorSession(_ options: TutorOptions) -> TutorSession {
  let tutor = TutorSession(language: options.language)
  options.configure(tutor)
  return tutor
}

private func fail(_ message: String, code: Int32 = 1) -> ExitCode {
  FileHandle.standardError.write(Data("kubetutor: \(message)\n".utf8))
  return ExitCode(code)
}

/// The database `--db` names, or the default one; reported if it cannot open.
private func openStore(_ options: TutorOptions) throws -> ProgressStore {
  guard let store = options.openStore(required: true) else { throw ExitCode(2) }
  return store
}

/// `kubetutor progress [--export json|csv]`: the learner's progress.
struct ProgressCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "progress",
    abstract: "Show your progress per track, or export it for an instructor.",
    discussion: "The export formats are described in docs/progress-export.md.")

  @OptionGroup var options: TutorOptions

  @Option(name: .long, help: ArgumentHelp("Print everything as json or csv.", valueName: "FORMAT"))
  var export: String?

  func validate() throws {
    if let export, !["json", "csv"].contains(export) {
      throw ValidationError("--export must be json or csv, not '\(export)'")
    }
  }

  func run() throws {
    let store = try openStore(options)
    let tutor = tutorSession(options)
    tutor.recorder = store
    let course = Course(catalog: tutor.catalog, scenariosDirectory: tutor.scenariosDirectory)
    let language = tutor.language
    let progress: LearnerProgress
    do {
      progress = try LearnerProgress.read(store.database, profileID: store.profileID)
    } catch {
      throw fail("\(error)", code: 2)
    }
    let learner = ProgressExport.Learner(
      database: store.database.location.description, progress: progress)
    switch export {
    case "json"?:
      print(ProgressExport.json([learner], course: course, exportedAt: Date()), terminator: "")
    case "csv"?:
      print(ProgressExport.csv([learner], course: course), terminator: "")
    default:
      print(
        ProgressView.text(progress, course: course, language: language)
          + tutor.quizMasterySection(at: Date()), terminator: "")
    }
  }
}

/// `kubetutor report DB…`: a workshop's learners side by side.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Summarise several learners' progress databases for a workshop.",
    discussion: "Every profile of every file is one learner. The files are only read.")

  @Argument(help: "Progress databases collected from the learners.")
  var databases: [String]

  @Option(name: .long, help: "table, csv or json.")
  var format: String = "table"

  @OptionGroup var options: TutorOptions

  func validate() throws {
    guard ["table", "csv", "json"].contains(format) else {
      throw ValidationError("--format must be table, csv or json, not '\(format)'")
    }
    if databases.isEmpty { throw ValidationError("give at least one database file") }
  }

  func run() throws {
    let (course, _) = course(options)
    var learners: [ProgressExport.Learner] = []
    var failed = false
    for path in databases {
      do {
        let database = try SQLiteDatabase(.path(path), schema: .progress, readOnly: true)
        for progress in try LearnerProgress.readAll(database) {
          learners.append(ProgressExport.Learner(database: path, progress: progress))
        }
      } catch {
        failed = true
        FileHandle.standardError.write(Data("kubetutor: \(error)\n".utf8))
      }
    }
    switch format {
    case "json":
      print(ProgressExport.json(learners, course: course, exportedAt: Date()), terminator: "")
    case "csv":
      print(ProgressExport.csv(learners, course: course), terminator: "")
    default:
      print(ProgressReport.table(learners, course: course), terminator: "")
    }
    if failed { throw ExitCode(1) }
  }
}

/// `kubetutor reset lesson ID | scenario ID | cluster | all [--yes]`.
struct ResetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reset",
    abstract: "Forget the progress of a lesson, a scenario, the cluster, or everything.",
    discussion: "Asks first; --yes skips the question. Without a terminal, --yes is required.")

  @Argument(help: "lesson ID, scenario ID, cluster or all.")
  var what: [String] = []

  @Flag(name: [.short, .long], help: "Do not ask for confirmation.")
  var yes = false

  @OptionGroup var options: TutorOptions

  func run() throws {
    let store = try openStore(options)
    let (course, language) = course(options)
    let recorded = Set(
      ((try? store.events()) ?? []).map { String($0.subject.split(separator: "#").first ?? "") })
    let request: ResetRequest
    switch ResetRequest.parse(what + (yes ? ["--yes"] : []), course: course, recorded: recorded) {
    case .success(let parsed): request = parsed
    case .failure(let error): throw fail(String(error.message(language).dropFirst("reset: ".count)))
    }
    if !request.confirmed {
      guard isatty(STDIN_FILENO) != 0 else {
        throw fail(String(ResetError.needsConfirmation.message(language).dropFirst(7)))
      }
      guard ask(request.question(profile: store.profile, language: language)) else {
        print(ResetError.declined.message(language))
        throw ExitCode(1)
      }
    }
    do {
      try store.reset(request.scope)
    } catch {
      throw fail("\(error)", code: 2)
    }
    print(request.done(language: language), terminator: "")
  }
}

/// Asks a yes/no question on the terminal; true for y or yes.
func ask(_ question: String) -> Bool {
  FileHandle.standardOutput.write(Data(question.utf8))
  return ResetRequest.agrees(Swift.readLine())
}
