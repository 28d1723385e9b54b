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
