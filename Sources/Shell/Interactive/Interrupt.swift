import CEditLine

#if canImport(Glibc)
  import Glibc
#endif

/// Ctrl-C in the interactive shell.
///
/// The handler only sets a flag (it has no `SA_RESTART`, so a blocking
/// read returns `EINTR`): the line editor then clears its line, and a
/// running watch or `sleep` polls the flag and stops. The shell itself
/// never dies of SIGINT.
///
/// The flag lives in `shim.h` as a `static` variable; this file is the
/// only one that touches it, so the program has exactly one copy.
package enum Interrupt {
  /// Installs the SIGINT handler; call once, before the first prompt.
  package static func install() {
    _ = kt_install_sigint()
  }

  /// Whether Ctrl-C was pressed since the last `take()`, clearing it.
  package static func take() -> Bool {
    kt_take_interrupt() != 0
  }

  /// Whether Ctrl-C was pressed since the last `take()`.
  package static var isPending: Bool {
    kt_peek_interrupt() != 0
  }
}
