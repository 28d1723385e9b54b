import Foundation

/// One child process at a time for the whole test run.
///
/// Launching processes from several test threads at once (Foundation's
/// `Process`, `popen`) corrupted the test runner's heap here, so every
/// test that starts a program goes through this lock.
package enum ProcessLock {
  private static let lock = NSLock()

  package static func run<T>(_ body: () throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }
}

extension Process {
  /// Blocks until the process has exited, woken by its termination handler.
  ///
  /// Foundation's `waitUntilExit` polls its run loop every 50 ms, which
  /// adds up over the hundreds of child processes the suites start. The
  /// handler may already have run before it is set here, so the wait still
  /// rechecks `isRunning` now and then instead of trusting the signal alone.
  package func waitForExit() {
    let exited = DispatchSemaphore(value: 0)
    terminationHandler = { _ in exited.signal() }
    while isRunning {
      _ = exited.wait(timeout: .now() + .milliseconds(50))
    }
  }
}
