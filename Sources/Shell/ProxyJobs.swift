import Foundation
import KubeCluster
import Kubectl

/// The `kubectl proxy`s of a session: kept from the command that started
/// them until the session ends (in script mode, and after `&` in the
/// interactive shell), and answered for the shell's `curl`.
package enum ProxyJobs {
  /// bash's `[N] PID` for the first background job; later jobs count up.
  static let firstPID = 20_617

  /// Keeps the proxies `output` started; returns the command's result when
  /// it differs from kubectl's own output (a port already taken), and the
  /// job line the interactive shell prints for `COMMAND &`.
  static func keep(_ output: CommandOutput, state: SessionState, context: inout ShellContext)
    -> (result: CommandResult?, jobLine: String)
  {
    var jobLine = ""
    let starts = !output.proxies.isEmpty || !output.portForwards.isEmpty
    if starts && context.runsInBackground && state.mode == .interactive {
      context.backgroundJobs += 1
      jobLine = "[\(context.backgroundJobs)] \(firstPID + context.backgroundJobs - 1)\n"
    }
    for var proxy in output.proxies {
      if state.proxies[proxy.port] != nil || state.portForwards[proxy.port] != nil {
        return (listenFailure(proxy.port, "bind: address already in use", before: jobLine), "")
      }
      if let folder = proxy.wwwDirectory { proxy.wwwDirectory = context.absolutePath(folder) }
      if state.mode == .interactive, let ports = state.proxyPorts {
        do {
          try state.withoutAccess { try ports.open(proxy, context: context) }
        } catch {
          return (listenFailure(proxy.port, ProxyPortError.reason(error), before: jobLine), "")
        }
      }
      state.proxies[proxy.port] = proxy
    }
    return (nil, jobLine)
  }

  /// kubectl 1.32's answer when the port cannot be had: Go's
  /// `listen tcp 127.0.0.1:8001: bind: address already in use`, exit 1.
  static func listenFailure(_ port: Int, _ reason: String, before jobLine: String = "") -> CommandResult {
    CommandResult(stderr: jobLine + "error: listen tcp 127.0.0.1:\(port): \(reason)\n", exitCode: 1)
  }

  /// `kubectl proxy` in the foreground of the interactive shell: serves on
  /// its real port until Ctrl-C, letting the port's requests (and `serve`'s)
  /// take the session between looks at the interrupt flag. Nil for any
  /// other command.
  static func runInForeground(
    _ arguments: [String], environment: KubectlEnvironment, state: SessionState, context: ShellContext
  ) -> CommandResult? {
    guard arguments.first(where: { !$0.hasPrefix("-") }) == "proxy" else { return nil }
    let output = CommandRunner.run(arguments, cluster: &state.cluster, environment: environment)
    guard output.exitCode == 0, var proxy = output.proxies.first else {
      return CommandResult(stdout: output.stdout, stderr: output.stderr, exitCode: output.exitCode)
    }
    if state.proxies[proxy.port] != nil || state.portForwards[proxy.port] != nil {
      return listenFailure(proxy.port, "bind: address already in use")
    }
    if let folder = proxy.wwwDirectory { proxy.wwwDirectory = context.absolutePath(folder) }
    if let ports = state.proxyPorts {
      do {
        try state.withoutAccess { try ports.open(proxy, context: context) }
      } catch {
        return listenFailure(proxy.port, ProxyPortError.reason(error))
      }
    }
    state.write(.stderr, output.stderr)
    state.write(.stdout, output.stdout)
    while !state.isInterrupted() {
      state.withoutAccess { usleep(Follow.interval) }
      state.followWallClock()
    }
    if let ports = state.proxyPorts { state.withoutAccess { ports.close(port: proxy.port) } }
    return CommandResult(exitCode: 130)
  }

  /// The answer of the proxy listening on `port`, or nil when none does
  /// (or no API is wired behind it): curl then gets connection refused.
  static func answer(
    port: Int, request: HTTPRequest, cluster: inout Cluster, state: SessionState, context: ShellContext
  ) -> HTTPResponse? {
    guard let proxy = state.proxies[port], let api = state.kubernetesAPI else { return nil }
    return answer(proxy, request: request, cluster: &cluster, context: context, api: api)
  }

  /// `proxy`'s answer to `request`, with `api` behind it and its `--www`
  /// folder read relative to `context`.
  package static func answer(
    _ proxy: APIProxy, request: HTTPRequest, cluster: inout Cluster, context: ShellContext, api: APIProxy.API
  ) -> HTTPResponse {
    proxy.answer(request, cluster: &cluster, api: api) { relative in
      guard let folder = proxy.wwwDirectory else { return nil }
      let path = (folder as NSString).appendingPathComponent(relative)
      guard let url = try? context.resolve(path) else { return nil }
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return nil }
      if isFolder.boolValue {
        return .folder((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [])
      }
      return (try? String(contentsOf: url, encoding: .utf8)).map { .file($0) }
    }
  }
}

/// Real loopback ports behind the interactive shell's `kubectl proxy`, so
/// `curl localhost:8001/…` from another terminal reaches the session's
/// cluster (the executable wires them; script mode never opens one).
package protocol ProxyPorts: AnyObject {
  /// Listens on 127.0.0.1:`proxy.port` and answers as `proxy` does, with
  /// the shell's `curl`'s answers; throws a `ProxyPortError` when the port
  /// cannot be had.
  func open(_ proxy: APIProxy, context: ShellContext) throws
  /// Stops listening on `port` and closes its connections.
  func close(port: Int)
}

/// Why a proxy port could not be opened, in Go's words after
/// `listen tcp ADDRESS: ` (`bind: address already in use`).
package struct ProxyPortError: Error {
  package var reason: String

  package init(reason: String) {
    self.reason = reason
  }

  /// The reason `error` gives, in Go's words when it is one of these.
  static func reason(_ error: any Error) -> String {
    (error as? ProxyPortError)?.reason ?? "\(error)"
  }
}

extension SessionState {
  /// Runs `body` with the session's lock let go, for work that waits on
  /// threads which take it (a server's event loops). The command running
  /// now holds the lock once; the lock is taken back before returning.
  func withoutAccess<T>(_ body: () throws -> T) rethrows -> T {
    access.unlock()
    defer { access.lock() }
    return try body()
  }
}
