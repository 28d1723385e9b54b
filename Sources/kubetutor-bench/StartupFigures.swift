import Foundation
import KubeCluster
import Kubectl

#if canImport(Glibc)
  import Glibc
#endif

/// From process start to the first prompt: script mode, and a learner's
/// shell opening a saved cluster.
enum StartupFigures {
  static func scriptMode(binary: String) {
    guard FileManager.default.isExecutableFile(atPath: binary) else {
      BenchSupport.note("start-up: skipped (no kubetutor binary at \(binary))")
      return
    }
    let echo = medians(runs: 21) { runScript(binary, arguments: ["--script", "-"], input: "echo ok\n") }
    BenchSupport.line("start-up, script mode to `echo ok` (median of 21)", echo.wall, "ms", key: "startup")
    BenchSupport.line("  its CPU time (user + system)", echo.cpu, "ms", key: "startup-cpu")
    // The cluster is built when a command first needs it: this is start-up
    // for a script whose first command is kubectl.
    let first = medians(runs: 21) { runScript(binary, arguments: ["--script", "-"], input: "kubectl get nodes\n") }
    BenchSupport.line("start-up, script mode to `kubectl get nodes` (median of 21)", first.wall, "ms", key: "startup-kubectl")
    BenchSupport.line("  its CPU time (user + system)", first.cpu, "ms", key: "startup-kubectl-cpu")
  }

  /// The commands that leave about 200 objects in the saved cluster.
  static let savedClusterScript = """
    kubectl create deployment web --image=nginx:1.27 --replicas=20
    kubectl create deployment api --image=nginx:1.27 --replicas=10
    kubectl expose deployment web --port=80
    kubectl create configmap settings --from-literal=a=b
    sleep 60

    """

  static func savedCluster(binary: String) {
    guard FileManager.default.isExecutableFile(atPath: binary) else {
      BenchSupport.note("start-up with a saved cluster: skipped (no kubetutor binary at \(binary))")
      return
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kubetutor-bench-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("progress.db").path
    runScript(binary, arguments: ["--script", "-", "--db", db], input: savedClusterScript)

    // The same commands in-process, to count what was saved.
    var cluster = Cluster.kind()
    for line in savedClusterScript.split(separator: "\n") {
      let words = line.split(separator: " ").map(String.init)
      if words.first == "sleep" { cluster.advance(by: Double(words[1]) ?? 0) } else {
        _ = CommandRunner.run(Array(words.dropFirst()), cluster: &cluster)
      }
    }
    let objects = Kind.allCases.map { cluster.store.count($0) }.reduce(0, +)

    let script = medians(runs: 21) { runScript(binary, arguments: ["--script", "-", "--db", db], input: "echo ok\n") }
    BenchSupport.line("start-up, script mode, saved cluster of \(objects) objects", script.wall, "ms", key: "startup-saved-script")
    BenchSupport.line("  its CPU time (user + system)", script.cpu, "ms", key: "startup-saved-script-cpu")
    // The first command that needs the cluster restores it.
    let restored = medians(runs: 21) { runScript(binary, arguments: ["--script", "-", "--db", db], input: "kubectl get nodes\n") }
    BenchSupport.line("start-up, same, to `kubectl get nodes` (cluster restored)", restored.wall, "ms", key: "startup-saved-kubectl")
    BenchSupport.line("  its CPU time (user + system)", restored.cpu, "ms", key: "startup-saved-kubectl-cpu")
    var prompts: [Double] = []
    for _ in 0..<11 {
      if let time = timeToPrompt(binary, db: db, home: folder.path) { prompts.append(time) }
    }
    guard !prompts.isEmpty else {
      BenchSupport.note("start-up, interactive shell: no prompt seen")
      return
    }
    prompts.sort()
    BenchSupport.line("start-up, interactive shell to its prompt, same cluster", prompts[prompts.count / 2], "ms", key: "startup-saved")
  }

  /// The medians of the wall and CPU milliseconds `body` reports over `runs` runs.
  private static func medians(runs: Int, _ body: () -> (wall: Double, cpu: Double)?) -> (wall: Double, cpu: Double) {
    var walls: [Double] = []
    var cpus: [Double] = []
    for _ in 0..<runs {
      guard let time = body() else { continue }
      walls.append(time.wall)
      cpus.append(time.cpu)
    }
    guard !walls.isEmpty else { return (.nan, .nan) }
    return (walls.sorted()[walls.count / 2], cpus.sorted()[cpus.count / 2])
  }

  /// Runs `binary` with `input` on its standard input and its output
  /// discarded, and returns the milliseconds from starting it to its exit,
  /// and the CPU time it used. `posix_spawn` and `wait4`, not Foundation's
  /// `Process`: its `waitUntilExit` polls a run loop every 50 ms, which
  /// rounded every start-up figure up to a multiple of 50 ms (`/bin/true`
  /// took 55 ms that way, 0.8 ms this way).
  @discardableResult
  private static func runScript(_ binary: String, arguments: [String], input: String) -> (wall: Double, cpu: Double)? {
    var pipe: [Int32] = [0, 0]
    guard Glibc.pipe(&pipe) == 0 else { return nil }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pipe[0], 0)
    posix_spawn_file_actions_addclose(&actions, pipe[0])
    posix_spawn_file_actions_addclose(&actions, pipe[1])
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([binary] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let start = DispatchTime.now().uptimeNanoseconds
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, binary, &actions, nil, argv, environ)
    close(pipe[0])
    guard spawned == 0 else {
      close(pipe[1])
      return nil
    }
    let bytes = Array(input.utf8)
    _ = bytes.withUnsafeBytes { write(pipe[1], $0.baseAddress, $0.count) }
    close(pipe[1])
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
      + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3
    return (wall, cpu)
  }

  /// Milliseconds from starting the interactive shell on a pseudo-terminal
  /// (util-linux `script` provides it) to its prompt (`❯`) appearing; then
  /// it is told to quit.
  private static func timeToPrompt(_ binary: String, db: String, home: String) -> Double? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-q", "-e", "-c", "'\(binary)' --db '\(db)' --no-color", "/dev/null"]
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_DATA_HOME"] = home
    environment["HOME"] = home
    environment["TERM"] = "xterm"
    process.environment = environment
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    let start = DispatchTime.now().uptimeNanoseconds
    guard (try? process.run()) != nil else { return nil }
    let descriptor = output.fileHandleForReading.fileDescriptor
    var seen: [UInt8] = []
    var elapsed: Double?
    let prompt = Array("❯".utf8)
    var buffer = [UInt8](repeating: 0, count: 4096)
    while elapsed == nil {
      var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, 10_000) > 0 else { break }
      let count = read(descriptor, &buffer, buffer.count)
      guard count > 0 else { break }
      seen += buffer[0..<count]
      if seen.count >= prompt.count,
        (0...(seen.count - prompt.count)).contains(where: { Array(seen[$0..<($0 + prompt.count)]) == prompt })
      {
        elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
      }
    }
    input.fileHandleForWriting.write(Data("quit\n".utf8))
    try? input.fileHandleForWriting.close()
    let deadline = Date().addingTimeInterval(5)
    while process.isRunning && Date() < deadline {
      var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      if poll(&poller, 1, 50) > 0, read(descriptor, &buffer, buffer.count) <= 0 { break }
    }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    return elapsed
  }
}
