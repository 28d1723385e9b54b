import Foundation
import KubeCluster
import Kubectl

/// The `kubectl proxy`s of a session: kept from the command that started
/// them until the session ends (in script mode, and after `&` in the
/// interactive shell), and answered for the shell's `curl`.
enum ProxyJobs {
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
        // klog.Fatal: kubectl exits 255 after logging the listen error.
        let line =
          "F\(APIProxy.klogTime(state.cluster.now)) \(APIProxy.klogPID) proxy.go:252] listen tcp 127.0.0.1:\(proxy.port): bind: address already in use\n"
        return (CommandResult(stderr: jobLine + line, exitCode: 255), "")
      }
      if let folder = proxy.wwwDirectory { proxy.wwwDirectory = context.absolutePath(folder) }
      state.proxies[proxy.port] = proxy
    }
    return (nil, jobLine)
  }

  /// The answer of the proxy listening on `port`, or nil when none does
  /// (or no API is wired behind it): curl then gets connection refused.
  static func answer(
    port: Int, request: HTTPRequest, cluster: inout Cluster, state: SessionState, context: ShellContext
  ) -> HTTPResponse? {
    guard let proxy = state.proxies[port], let api = state.kubernetesAPI else { return nil }
    return proxy.answer(request, cluster: &cluster, api: api) { relative in
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
