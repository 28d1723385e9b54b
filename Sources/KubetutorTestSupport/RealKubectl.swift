import Foundation

/// The real kubectl 1.32 client, the ground truth for client-side output
/// (`create … --dry-run=client -o yaml|json`, `label --local -f …`).
///
/// Found through `KUBETUTOR_REAL_KUBECTL`, else as `kubectl.1.32` beside the
/// `kubectl` on `PATH` (after following symlinks, as the Cloud SDK installs
/// it), else at the Cloud SDK's usual place. Tests that need it are skipped
/// where it is missing: `@Test(.enabled(if: RealKubectl.isInstalled, "…"))`.
package enum RealKubectl {
  /// What one run printed and returned.
  package struct Output: Equatable, Sendable {
    package var stdout: String
    package var stderr: String
    package var exitCode: Int32

    package init(stdout: String, stderr: String, exitCode: Int32) {
      self.stdout = stdout
      self.stderr = stderr
      self.exitCode = exitCode
    }
  }

  /// A failure to start the binary at all.
  package struct LaunchError: Error, CustomStringConvertible {
    package var description: String
  }

  /// The Cloud SDK's place for the versioned client.
  package static let defaultPath = "/usr/lib/google-cloud-sdk/bin/kubectl.1.32"

  /// The binary's path, or nil when it is not installed.
  package static let path: String? = locate(environment: ProcessInfo.processInfo.environment)

  /// Serializes launches: swift-corelibs-foundation's `Process` corrupts the
  /// heap now and then when tests start several at once.
  private static let launchLock = NSLock()

  /// Whether the real client can be run here.
  package static var isInstalled: Bool { path != nil }

  /// Finds the binary from an environment (a parameter so it can be tested).
  package static func locate(environment: [String: String]) -> String? {
    let files = FileManager.default
    if let configured = environment["KUBETUTOR_REAL_KUBECTL"], !configured.isEmpty {
      return files.isExecutableFile(atPath: configured) ? configured : nil
    }
    for directory in (environment["PATH"] ?? "").split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("kubectl")
      guard files.isExecutableFile(atPath: candidate.path) else { continue }
      let sibling = candidate.resolvingSymlinksInPath().deletingLastPathComponent()
        .appendingPathComponent("kubectl.1.32")
      if files.isExecutableFile(atPath: sibling.path) { return sibling.path }
      break
    }
    return files.isExecutableFile(atPath: defaultPath) ? defaultPath : nil
  }

  /// Runs the real client with `arguments` and optional standard input.
  package static func run(_ arguments: [String], stdin: String? = nil) throws -> Output {
    try ProcessLock.run { try launch(arguments, stdin: stdin) }
  }

  private static func launch(_ arguments: [String], stdin: String?) throws -> Output {
    guard let path else {
      throw LaunchError(description: "the real kubectl 1.32 client is not installed")
    }
    let files = FileManager.default
    let scratch = files.temporaryDirectory.appendingPathComponent(
      "real-kubectl-\(UUID().uuidString)")
    try files.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? files.removeItem(at: scratch) }
    let stdoutURL = scratch.appendingPathComponent("stdout")
    let stderrURL = scratch.appendingPathComponent("stderr")
    _ = files.createFile(atPath: stdoutURL.path, contents: nil)
    _ = files.createFile(atPath: stderrURL.path, contents: nil)
    let stdoutHandle = try FileHandle(forWritingTo: stdoutURL)
    let stderrHandle = try FileHandle(forWritingTo: stderrURL)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.standardOutput = stdoutHandle
    process.standardError = stderrHandle
    let input = Pipe()
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    process.waitForExit()
    try stdoutHandle.close()
    try stderrHandle.close()

    return Output(
      stdout: String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self),
      exitCode: process.terminationStatus)
  }

  /// Runs the real client on a file holding `contents`, which replaces
  /// `{file}` in `arguments` (for `-f` commands such as `label --local`).
  package static func run(
    _ arguments: [String], file contents: String, named name: String = "manifest.yaml"
  )
    throws -> Output
  {
    let files = FileManager.default
    let directory = files.temporaryDirectory.appendingPathComponent(
      "real-kubectl-file-\(UUID().uuidString)")
    try files.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? files.removeItem(at: directory) }
    let url = directory.appendingPathComponent(name)
    try Data(contents.utf8).write(to: url)
    return try run(arguments.map { $0 == "{file}" ? url.path : $0 })
  }
}
