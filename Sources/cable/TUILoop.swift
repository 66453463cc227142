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
    /// How long a frame showing a new mark waits for it to be saved (seconds).
    static let markDrawWait: TimeInterval = 1

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
        let loop = TUILoopRun(terminal: terminal, session: session, fetchFeeds: fetchFeeds)
        if let background {
            let mailbox = loop.mailbox
            Thread.detachNewThread { background(mailbox) }
        }
        return loop.run()
    }
}

/// One run of the loop: the terminal, the session, the worker and the timers between keys.
private final class TUILoopRun {
    let terminal: Terminal
    var session: Session
    let mailbox = Mailbox()
    let worker: EffectWorker
    let fetchFeeds: (@Sendable (Mailbox) -> Void)?
    var timers: [(due: Date, timer: TimerID)] = []
    var dirty = true

    init(terminal: Terminal, session: Session, fetchFeeds: (@Sendable (Mailbox) -> Void)?) {
        self.terminal = terminal
        self.session = session
        self.fetchFeeds = fetchFeeds
        worker = EffectWorker(runner: session.runner, mailbox: mailbox)
    }

    func run() -> AppState {
        while !session.state.quitting {
            if handOverEffects() { continue }
            fireTimers()
            if dirty {
                terminal.present(session.screen)
                dirty = false
            }
            readEvents()
            for action in mailbox.take() {
                session.send(action)
                dirty = true
            }
        }
        return finish()
    }

    /// Gives the reducer's effects to whoever does them: the worker (queries, marks), the
    /// timers, the browser, a feed fetch, Ctrl-Z. True when the terminal was suspended and
    /// given back (the loop then starts again).
    private func handOverEffects() -> Bool {
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
            case .fetchFeeds: startFetch()
            case .quit: break
            default: work.append(effect)
            }
        }
        worker.submit(work)
        // A mark is drawn only once saved (a few milliseconds), so no star the user saw can
        // be lost to a kill; a library too busy to answer in time does not freeze the screen.
        if work.contains(where: \.isMark) { worker.waitUntilMarksSaved(timeout: TUILoop.markDrawWait) }
        for address in addresses {
            session.send(.library(BrowserLaunch.open(address, terminal: terminal)))
            dirty = true
        }
        guard suspend else { return false }
        session.send(.resize(terminal.suspend()))
        dirty = true
        return true
    }

    private func startFetch() {
        if let fetchFeeds {
            let mailbox = mailbox
            Thread.detachNewThread { fetchFeeds(mailbox) }
        } else {
            mailbox.post(.library(.fetchFinished("Feeds cannot be fetched here", failed: true)))
        }
    }

    private func fireTimers() {
        let now = Date()
        for due in timers where due.due <= now { session.send(.timer(due.timer)) }
        if timers.contains(where: { $0.due <= now }) { dirty = true }
        timers.removeAll { $0.due <= now }
    }

    /// Takes every key already waiting before drawing again, so a held key or a pasted query
    /// does not queue up frames. While the worker has results on the way, looks at the mailbox
    /// often; never sleeps past a timer. Characters that arrive together (a paste) go in as
    /// one text: a pasted query is parsed and searched once, not once per character.
    private func readEvents() {
        var timeout = worker.isBusy ? TUILoop.busyPollInterval : TUILoop.pollInterval
        if let next = timers.map(\.due).min() {
            timeout = min(timeout, Int32(max(0, min(1_000, next.timeIntervalSinceNow * 1_000))))
        }
        var typed = ""
        while let event = terminal.nextEvent(timeout: timeout) {
            dirty = true
            timeout = 0
            if case .key(.character(let character)) = event {
                typed.append(character)
                continue
            }
            sendTyped(&typed)
            switch event {
            case .key(let key): session.send(.key(key))
            case .resize(let size): session.send(.resize(size))
            }
            if session.state.quitting || session.heldEffects.contains(.suspend) { break }
        }
        sendTyped(&typed)
    }

    private func sendTyped(_ typed: inout String) {
        if typed.count == 1, let only = typed.first {
            session.send(.key(.character(only)))
        } else if !typed.isEmpty {
            session.send(.text(typed))
        }
        typed = ""
    }

    /// The keys before `q` may have made marks not yet handed over (`s` and `q` typed
    /// together): saves them, and waits for those already queued. The queries still waiting
    /// are dropped: nobody will see their answers. The terminal is given back first so the
    /// wait, usually a few milliseconds, never shows as a frozen screen.
    private func finish() -> AppState {
        worker.submit(session.takeHeldEffects().filter(\.isMark))
        terminal.stop()
        if !worker.finish(timeout: TUILoop.markSaveTimeout) {
            FileHandle.standardError.write(Data(
                "cable: the library was busy; the last read/star marks may not have been saved\n".utf8))
        }
        return session.state
    }
}
