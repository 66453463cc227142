import CableTerminal
import CableUI
import Foundation

/// `o` in the reader: starts the browser on an address (`BrowserCommand`: an argument
/// vector, never a shell) and says how it went in the status line.
enum BrowserLaunch {
    static func open(_ address: String, terminal: Terminal) -> LibraryEvent {
        let command: BrowserCommand
        switch BrowserCommand.resolve(address, environment: ProcessInfo.processInfo.environment) {
        case .success(let found): command = found
        case .failure(let error): return .failed(error.description)
        }
        guard command.inTerminal else {
            do {
                _ = try command.start()
                return .notice("Opened in \(command.name): \(address)")
            } catch {
                return .failed("Could not start \(command.name): \(error.localizedDescription)")
            }
        }
        // A terminal browser gets the terminal as the shell had it until it exits. Like
        // system(3), the reader ignores Ctrl-C and Ctrl-\ meanwhile: they are the browser's
        // (it was started with default signal handling), not a reason for the reader to quit.
        var outcome: Result<Int32, Error> = .success(0)
        _ = terminal.runOutside {
            outcome = Result { try waitIgnoringInterrupts(for: command.start()) }
        }
        return describe(outcome, command)
    }

    /// Waits for a browser started in the terminal, with SIGINT and SIGQUIT ignored here
    /// meanwhile (restored after); the browser, already started, keeps its own handling.
    private static func waitIgnoringInterrupts(for process: Process) -> Int32 {
        let interrupt = signal(SIGINT, SIG_IGN)
        let quit = signal(SIGQUIT, SIG_IGN)
        defer {
            signal(SIGINT, interrupt)
            signal(SIGQUIT, quit)
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The status line after a terminal browser: a failure to start or a non-zero exit.
    private static func describe(_ outcome: Result<Int32, Error>, _ command: BrowserCommand) -> LibraryEvent {
        switch outcome {
        case .success(let status) where status != 0:
            return .failed("\(command.name) exited with status \(status)")
        case .success:
            return .notice("Back from \(command.name)")
        case .failure(let error):
            return .failed("Could not start \(command.name): \(error.localizedDescription)")
        }
    }
}
