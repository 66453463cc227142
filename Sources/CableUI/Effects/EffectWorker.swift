import Foundation

/// Runs effects on a background thread, in order, and posts their results to the mailbox,
/// so a slow query never holds up a key or a resize: the screen answers at once and fills
/// in when the results come. An effect that a later one in the queue makes pointless (an
/// older search's list while the user is still typing) is dropped unrun.
///
/// The thread runs until `finish`: it holds the worker (and through it the library) until
/// then, and ends after saving the marks still queued, so quitting never loses a star.
public final class EffectWorker: @unchecked Sendable {
    private let runner: EffectRunner
    private let mailbox: Mailbox
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [Effect] = []
    private var running = 0
    /// Marks submitted and not yet saved (queued or running).
    private var unsavedMarks = 0
    private var dropped = 0
    private var finishing = false
    private var ended = false

    public init(runner: EffectRunner, mailbox: Mailbox) {
        self.runner = runner
        self.mailbox = mailbox
        Thread.detachNewThread { [self] in work() }
    }

    /// How many effects were dropped unrun because a later one superseded them or the
    /// worker was finishing.
    public var skipped: Int {
        condition.lock()
        defer { condition.unlock() }
        return dropped
    }

    public func submit(_ effects: [Effect]) {
        guard !effects.isEmpty else { return }
        condition.lock()
        queue += finishing ? effects.filter(\.isMark) : effects
        unsavedMarks += effects.filter(\.isMark).count
        condition.broadcast()
        condition.unlock()
    }

    /// Whether anything is queued or running (the loop then looks at the mailbox sooner).
    public var isBusy: Bool {
        condition.lock()
        defer { condition.unlock() }
        return !queue.isEmpty || running > 0
    }

    /// Ends the worker: queries still queued are dropped (nobody will see their answers),
    /// marks are saved, then the thread ends and lets go of the worker. Waits up to
    /// `timeout` seconds; false if the thread was still busy then (a stuck library must not
    /// keep the terminal from being given back).
    @discardableResult
    public func finish(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        finishing = true
        let before = queue.count
        queue.removeAll { !$0.isMark }
        dropped += before - queue.count
        condition.broadcast()
        while !ended {
            if !condition.wait(until: deadline) { return false }
        }
        return true
    }

    private func work() {
        while true {
            condition.lock()
            while queue.isEmpty && !finishing { condition.wait() }
            guard !queue.isEmpty else {
                ended = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let effect = queue.removeFirst()
            let superseded = queue.contains { effect.isSuperseded(by: $0) }
            if superseded { dropped += 1 } else { running += 1 }
            condition.unlock()
            guard !superseded else { continue }
            let actions = runner.run(effect)
            // Post before no longer counting as busy, so the loop never sees idle and empty
            // while results are on their way.
            for action in actions { mailbox.post(action) }
            condition.lock()
            running -= 1
            if effect.isMark { unsavedMarks -= 1 }
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Waits until every mark submitted so far is saved (or has failed and said so), up to
    /// `timeout` seconds; false if some were still waiting then. The loop calls it before
    /// drawing a mark, so what the screen shows as saved survives the process being killed.
    @discardableResult
    public func waitUntilMarksSaved(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while unsavedMarks > 0 {
            if !condition.wait(until: deadline) { return false }
        }
        return true
    }

    /// Waits until nothing is queued or running (tests), up to `timeout` seconds.
    public func waitUntilIdle(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while !queue.isEmpty || running > 0 {
            if !condition.wait(until: deadline) { return false }
        }
        return true
    }
}

/// Actions posted from other threads (the worker's results, sync progress), taken by the
/// loop between keys.
public final class Mailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [Action] = []

    public init() {}

    public func post(_ action: Action) {
        lock.lock()
        actions.append(action)
        lock.unlock()
    }

    public func take() -> [Action] {
        lock.lock()
        defer { lock.unlock() }
        let taken = actions
        actions = []
        return taken
    }
}
