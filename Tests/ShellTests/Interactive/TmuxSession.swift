import Foundation
import KubetutorTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// The real `kubetutor` binary in a tmux pane, driven with keys and read
/// back as a screen, the way a learner sees it.
///
/// Every session has its own tmux server (`-L`), its own data folder and
/// its own working folder, so tests can run beside each other and never
/// touch the user's tmux or history.
final class TmuxSession {
  /// Where tmux is, or `nil` when it is not installed.
  static let tmux: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/tmux"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }()

  /// The `kubetutor` executable built beside the test bundle.
  static let binary: String? = {
    var candidates: [URL] = []
    if let executable = Bundle.main.executableURL {
      candidates.append(executable.deletingLastPathComponent().appendingPathComponent("kubetutor"))
    }
    let argument0 = URL(fileURLWithPath: CommandLine.arguments[0])
    candidates.append(argument0.deletingLastPathComponent().appendingPathComponent("kubetutor"))
    for bundle in Bundle.allBundles {
      candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("kubetutor"))
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(root.appendingPathComponent(".build/debug/kubetutor"))
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path
  }()

  /// Why the terminal tests cannot run here, or `nil` when they can.
  static var unavailableReason: String? {
    if tmux == nil { return "tmux is not installed" }
    if binary == nil { return "the kubetutor binary was not found beside the tests" }
    return nil
  }

  /// The tmux server's socket, inside the session's folder so nothing is
  /// left behind in the system's tmux folder.
  var socket: String { folder.appendingPathComponent("tmux-\(serverID)").path }
  private let serverID = UUID().uuidString.prefix(8)
  let folder: URL
  var workingDirectory: URL { folder.appendingPathComponent("work") }
  var dataDirectory: URL { folder.appendingPathComponent("data") }

  /// A new folder pair (data and work) for one or more sessions.
  init(folder: URL? = nil) throws {
    self.folder =
      folder
      ?? FileManager.default.temporaryDirectory.appendingPathComponent(
        "kubetutor-tty-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: workingDirectory, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
  }

  deinit {
    _ = try? tmux(["kill-server"])
  }

  /// Stops the tmux server and removes the folders; call once the last
  /// session on them is done.
  func removeFolders() {
    stop()
    try? FileManager.default.removeItem(at: folder)
  }

  /// Stops this session's tmux server and the shell in it.
  func stop() {
    _ = try? tmux(["kill-server"])
  }

  /// Starts kubetutor in a `width`×`height` pane.
  func start(
    width: Int = 120, height: Int = 40, arguments: [String] = ["--no-color"], editor: String = ""
  ) throws {
    guard let binary = Self.binary else { return }
    let command =
      ["env", "-u", "NO_COLOR", "LANG=C.UTF-8", "HOME=\(folder.path)",
       "XDG_DATA_HOME=\(dataDirectory.path)", "EDITOR=\(editor)", binary, "--db", folder.appendingPathComponent("progress.db").path]
      + arguments
    try tmux(
      ["-f", "/dev/null", "new-session", "-d", "-s", "kt", "-x", "\(width)", "-y", "\(height)", "-c", workingDirectory.path]
        + [command.map(Self.quote).joined(separator: " ")])
    _ = try tmux(["set-option", "-t", "kt", "remain-on-exit", "on"])
  }

  /// Resizes the terminal, as a learner dragging the window's edge.
  func resize(width: Int, height: Int = 40) throws {
    try tmux(["resize-window", "-t", "kt", "-x", "\(width)", "-y", "\(height)"])
  }

  /// Types text literally (UTF-8 as is).
  func type(_ text: String) throws {
    try tmux(["send-keys", "-t", "kt", "-l", text])
  }

  /// Presses keys by tmux's names: `Enter`, `Tab`, `C-c`, `Up`, `Left`…
  func press(_ keys: String...) throws {
    try tmux(["send-keys", "-t", "kt"] + keys)
  }

  /// The screen's lines, trailing blanks trimmed.
  func screen() throws -> [String] {
    let text = try tmux(["capture-pane", "-p", "-t", "kt"])
    var lines = text.components(separatedBy: "\n").map { line in
      String(line.reversed().drop { $0 == " " }.reversed())
    }
    while lines.last == "" { lines.removeLast() }
    return lines
  }

  /// Whether the program in the pane has ended.
  func hasExited() throws -> Bool {
    try tmux(["display-message", "-p", "-t", "kt", "#{pane_dead}"]).hasPrefix("1")
  }

  /// Waits (up to `timeout` seconds) until the screen satisfies
  /// `condition`, and returns it; the last screen is returned on timeout.
  @discardableResult
  func waitFor(timeout: Double = 8, _ condition: ([String]) -> Bool) throws -> [String] {
    let deadline = Date().addingTimeInterval(timeout)
    var lines = try screen()
    while !condition(lines) && Date() < deadline {
      usleep(40_000)
      lines = try screen()
    }
    return lines
  }

  /// Waits until some line contains `text`.
  @discardableResult
  func waitFor(_ text: String, timeout: Double = 8) throws -> [String] {
    try waitFor(timeout: timeout) { $0.contains { $0.contains(text) } }
  }

  /// Waits until the shell is idle at an empty prompt (the last line).
  @discardableResult
  func waitForIdlePrompt(timeout: Double = 8) throws -> [String] {
    try waitFor(timeout: timeout) { $0.last?.hasSuffix("❯") ?? false }
  }

  /// Waits until the last line is an empty prompt.
  @discardableResult
  func waitForPrompt(count: Int = 1, timeout: Double = 8) throws -> [String] {
    try waitFor(timeout: timeout) { lines in
      lines.filter { $0.contains("❯") }.count >= count && (lines.last?.hasSuffix("❯") ?? false)
    }
  }

  /// Runs tmux through `popen`, which waits for exactly its own child
  /// (Foundation's `Process` can miss the exit of tmux's client, which
  /// forks the server).
  @discardableResult
  private func tmux(_ arguments: [String]) throws -> String {
    try ProcessLock.run { try runTmux(arguments) }
  }

  private func runTmux(_ arguments: [String]) throws -> String {
    guard let tmux = Self.tmux else { return "" }
    let reads = arguments.contains("capture-pane") || arguments.contains("display-message")
    let command =
      "env -u TMUX " + ([tmux, "-S", socket] + arguments).map(Self.quote).joined(separator: " ")
      + (reads ? " 2>/dev/null" : " >/dev/null 2>&1 </dev/null")
    guard let pipe = popen(command, "r") else { return "" }
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = fread(&buffer, 1, buffer.count, pipe)
      if count <= 0 { break }
      data.append(contentsOf: buffer[0..<count])
    }
    pclose(pipe)
    return String(decoding: data, as: UTF8.self)
  }

  private static func quote(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
