import CNcursesw
import Glibc

/// Puts the terminal back however the process ends: a normal quit, SIGTERM/SIGINT/SIGHUP,
/// or a crash (the handler restores, then re-raises so the process still dies of the
/// signal and leaves a core or exit status as usual).
///
/// The state lives in globals because signal handlers cannot capture context; it is only
/// written on the main thread before the handlers are installed or after they are gone.
enum TerminalGuard {
    nonisolated(unsafe) static var active = false
    nonisolated(unsafe) static var savedStderr: Int32 = -1

    static let signals: [Int32] = [SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGILL,
                                   SIGFPE, SIGABRT, SIGTRAP]

    static func activate(logPath: String?) {
        active = true
        if let logPath {
            let log = open(logPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
            if log >= 0 {
                savedStderr = dup(2)
                _ = dup2(log, 2)
                _ = close(log)
            }
        }
        for signal in signals {
            _ = Glibc.signal(signal) { number in
                TerminalGuard.restore()
                cable_default_signal(number)
                _ = raise(number)
            }
        }
    }

    /// Idempotent; safe enough to call from a signal handler (endwin and dup2 are what
    /// htop and friends do there too).
    static func restore() {
        guard active else { return }
        active = false
        _ = curs_set(1)
        _ = endwin()
        if savedStderr >= 0 {
            _ = dup2(savedStderr, 2)
            _ = close(savedStderr)
            savedStderr = -1
        }
    }
}
