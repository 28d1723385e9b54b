import Foundation
import KubetutorTestSupport
import Testing

@Suite("Script mode is deterministic")
struct DeterminismTests {
  static let script = """
    kubectl create deployment web --image=nginx --replicas=3
    kubectl run whoami --image subicura/whoami:1
    kubectl run broken --image nginx:1.999
    sleep 40
    kubectl get pods -o wide
    kubectl get all
    kubectl describe pod broken
    kubectl get pods -o yaml

    """

  @Test("the same script and seed print byte-identical output")
  func sameSeedSameOutput() {
    let first = Transcript.run(Self.script, seed: 7)
    let second = Transcript.run(Self.script, seed: 7)
    #expect(first.combined == second.combined)
    #expect(first.combined.contains("ImagePullBackOff"))
  }

  @Test("another seed gives other generated names")
  func otherSeedOtherNames() {
    let first = Transcript.run(Self.script, seed: 7)
    let second = Transcript.run(Self.script, seed: 8)
    #expect(first.combined != second.combined)
  }

  /// The built binary, when `swift build` has made it.
  static let binary: URL? = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let candidate = root.appendingPathComponent(".build/debug/kubetutor")
    return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
  }()

  static func runBinary(_ arguments: [String], stdin: String) throws -> (String, Int32) {
    try ProcessLock.run { try launchBinary(arguments, stdin: stdin) }
  }

  private static func launchBinary(_ arguments: [String], stdin: String) throws -> (String, Int32) {
    let process = Process()
    process.executableURL = try #require(binary)
    process.arguments = arguments
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = output
    try process.run()
    input.fileHandleForWriting.write(Data(stdin.utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitForExit()
    return (String(decoding: data, as: UTF8.self), process.terminationStatus)
  }

  @Test("kubetutor --script - prints the same bytes twice", .enabled(if: binary != nil, "needs the kubetutor binary (swift build)"))
  func binaryIsDeterministic() throws {
    let (first, status) = try Self.runBinary(["--script", "-", "--seed", "3"], stdin: Self.script)
    let (second, _) = try Self.runBinary(["--script", "-", "--seed", "3"], stdin: Self.script)
    #expect(first == second)
    #expect(status == 0)
    #expect(first.contains("web-"))
  }

  @Test("a failed command makes the script's exit code non-zero, and the script goes on", .enabled(if: binary != nil, "needs the kubetutor binary (swift build)"))
  func failureExitCode() throws {
    let (output, status) = try Self.runBinary(["--script", "-"], stdin: "kubectl get pod nosuch\nnosuchcommand\necho still here\n")
    #expect(status == 1)
    #expect(output.contains("Error from server (NotFound): pods \"nosuch\" not found\n"))
    #expect(output.contains("kubetutor: nosuchcommand: command not found\n"))
    #expect(output.hasSuffix("still here\n"))
  }

  @Test("piped input without --script runs as a script", .enabled(if: binary != nil, "needs the kubetutor binary (swift build)"))
  func pipedInput() throws {
    let (output, status) = try Self.runBinary([], stdin: "kubectl get ns\nexit 3\necho never\n")
    #expect(output.hasPrefix("NAME                 STATUS   AGE\ndefault              Active   5m"))
    #expect(!output.contains("never"))
    #expect(status == 3)
  }
}
