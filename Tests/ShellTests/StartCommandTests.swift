import Foundation
import KubetutorTestSupport
import Testing

/// `kubetutor start ITEM` through the binary: the same shell as
/// `kubetutor`, opened at a lesson, with its progress kept.
@Suite(
  "kubetutor start",
  .enabled(if: DeterminismTests.binary != nil, "needs the kubetutor binary (swift build)"))
struct StartCommandTests {
  /// Runs the binary in a folder of its own; standard output and standard
  /// error apart.
  static func run(_ arguments: [String], stdin: String) throws -> (
    stdout: String, stderr: String, status: Int32
  ) {
    try ProcessLock.run {
      let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("kubetutor-start-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: folder) }
      let errors = folder.appendingPathComponent("stderr")
      _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
      let process = Process()
      process.executableURL = DeterminismTests.binary
      process.arguments = arguments
      process.currentDirectoryURL = folder
      process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
      let input = Pipe()
      let output = Pipe()
      process.standardInput = input
      process.standardOutput = output
      process.standardError = try FileHandle(forWritingTo: errors)
      try process.run()
      input.fileHandleForWriting.write(Data(stdin.utf8))
      try input.fileHandleForWriting.close()
      let data = output.fileHandleForReading.readDataToEndOfFile()
      process.waitForExit()
      return (
        String(decoding: data, as: UTF8.self), try String(contentsOf: errors, encoding: .utf8),
        process.terminationStatus
      )
    }
  }

  @Test("goals met are reported on standard output, after the command's own output")
  func reportsOnStandardOutput() throws {
    let (stdout, stderr, status) = try Self.run(
      ["start", "pods", "--script", "-"],
      stdin: """
        next
        kubectl run whoami --image=subicura/whoami:1
        sleep 10; kubectl get pod whoami -o jsonpath='{.status.phase}'
        kubectl get pod whoami -o name | wc -l

        """)

    #expect(status == 0)
    #expect(stderr == "")
    #expect(stdout.contains("pod/whoami created\nRunning\n✓ pod whoami is Running and Ready\nStep complete!\n"))
    // A report never enters a pipe: `wc -l` counted one line.
    #expect(stdout.hasSuffix("  [ ] you found the pod's IP\n\n1\n"))
  }

  @Test("a lesson opened with start keeps its progress and resumes with what the earlier steps did")
  func resumesWithItsCluster() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("kubetutor-resume-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("progress.db").path

    _ = try Self.run(
      ["start", "pods", "--db", db, "--script", "-"],
      stdin: "next\nkubectl run whoami --image=subicura/whoami:1\nsleep 10\n")
    let (lessons, _, _) = try Self.run(["lessons", "--db", db], stdin: "")
    let (again, _, status) = try Self.run(
      ["start", "pods", "--db", db, "--script", "-"], stdin: "kubectl get pods -o name\n")

    #expect(lessons.contains("  pods                   Pods: the smallest unit — in progress, step 3\n"))
    #expect(status == 0)
    #expect(again.contains("Resuming at step 3.\nThe cluster was rebuilt with what the earlier steps did.\n"))
    #expect(again.hasSuffix("  [ ] you found the pod's IP\n\npod/whoami\n"))
  }

  @Test("an unknown lesson is an error with exit code 1")
  func unknownItem() throws {
    let (stdout, stderr, status) = try Self.run(["start", "nope", "--script", "-"], stdin: "")

    #expect(status == 1)
    #expect(stdout == "")
    #expect(stderr == "start: no lesson or scenario 'nope' — type `lessons` or `scenarios`\n")
  }
}
