import CableCore
import CableTerminal
import CableUI
import Foundation

/// The full-screen loop: keys become actions, actions and their effects change the state
/// (through the same `Session` the tests drive), and the state is drawn when it changed.
/// Queries go to a background worker; timers, Ctrl-Z and quitting are done here.
enum TUILoop {
    /// How long to wait for a key before looking at the mailbox again (milliseconds).
    static let pollInterval: Int32 = 100
    static let busyPollInterval: Int32 = 5
    /// How long quitting waits for the last read/star marks to be saved (seconds).
    static let markSaveTimeout: TimeInterval = 5

    /// Runs until the user quits; returns the last state (to remember the session by).
    static func run(library: any LibraryQuerying, state: AppState, theme: Theme, logPath: String?,
                    initialActions: [Action] = [],
                    background: (@Sendable (Mailbox) -> Void)? = nil,
                    fetchFeeds: (@Sendable (Mailbox) -> Void)? = nil) throws -> AppState {
        let terminal = try Terminal(logPath: logPath, environment: ProcessInfo.processInfo.environment,
                                    theme: theme)
        defer { terminal.stop() }
        var start = state
        start.size = terminal.size
        var session = Session(library: library, size: terminal.size, state: start)
        session.holdsEffects = true
        for action in initialActions { session.send(action) }
        let mailbox = Mailbox()
        let worker = EffectWorker(runner: session.runner, mailbox: mailbox)
        if let background {
            Thread.detachNewThread { background(mailbox) }
        }
        var timers: [(due: Date, timer: TimerID)] = []
        var dirty = true
        while !session.state.quitting {
            var suspend = false
            var addresses: [String] = []
            var work: [Effect] = []
            for effect in session.takeHeldEffects() {
                switch effect {
                case .startTimer(let timer, let seconds):
                    timers.removeAll { $0.timer == timer }
                    timers.append((Date().addingTimeInterval(seconds), timer))
                case .suspend: suspend = true
                case .openURL(let address): addresses.append(address)
                case .fetchFeeds:
                    if let fetchFeeds {
                        Thread.detachNewThread { fetchFeeds(mailbox) }
                    } else {
                        mailbox.post(.library(.fetchFinished("Feeds cannot be fetched here", failed: true)))
                    }
                case .quit: break
                default: work.append(effect)
                }
            }
            worker.submit(work)
            for address in addresses {
                session.send(.library(BrowserLaunch.open(address, terminal: terminal)))
                dirty = true
            }
            if suspend {
                session.send(.resize(terminal.suspend()))
                dirty = true
                continue
            }
            let now = Date()
            for due in timers where due.due <= now { session.send(.timer(due.timer)) }
            if timers.contains(where: { $0.due <= now }) { dirty = true }
            timers.removeAll { $0.due <= now }
            if dirty {
                terminal.present(session.screen)
                dirty = false
            }
            // Take every key already waiting before drawing again, so a held key or a
            // pasted query does not queue up frames. While the worker has results on the
            // way, look at the mailbox often; never sleep past a timer.
            // Characters that arrive together (a paste) go in as one text: a pasted query is
            // parsed and searched once, not once per character.
            var timeout = worker.isBusy ? busyPollInterval : pollInterval
            if let next = timers.map(\.due).min() {
                timeout = min(timeout, Int32(max(0, min(1_000, next.timeIntervalSinceNow * 1_000))))
            }
            var typed = ""
            func sendTyped() {
                if typed.count == 1, let only = typed.first {
                    session.send(.key(.character(only)))
                } else if !typed.isEmpty {
                    session.send(.text(typed))
                }
                typed = ""
            }
            while let event = terminal.nextEvent(timeout: timeout) {
                dirty = true
                timeout = 0
                if case .key(.character(let character)) = event {
                    typed.append(character)
                    continue
                }
                sendTyped()
                switch event {
                case .key(let key): session.send(.key(key))
                case .resize(let size): session.send(.resize(size))
                }
                if session.state.quitting || session.heldEffects.contains(.suspend) { break }
            }
            sendTyped()
            for action in mailbox.take() {
                session.send(action)
                dirty = true
            }
        }
        // The keys before `q` may have made marks not yet handed over (`s` and `q` typed
        // together): save them, and wait for those already queued. The queries still
        // waiting are dropped: nobody will see their answers. The terminal is given back
        // first so the wait, usually a few milliseconds, never shows as a frozen screen.
        worker.submit(session.takeHeldEffects().filter(\.isMark))
        terminal.stop()
        if !worker.finish(timeout: markSaveTimeout) {
            FileHandle.standardError.write(Data(
                "cable: the library was busy; the last read/star marks may not have been saved\n".utf8))
        }
        return session.state
    }
}
