import CableUI
import Foundation

/// Runs effects on a background thread, in order, and posts their results to the mailbox,
/// so a slow query never holds up a key or a resize: the screen answers at once and fills
/// in when the results come. An effect that a later one in the queue makes pointless (an
/// older search's list while the user is still typing) is dropped unrun.
final class TUIEffectWorker: @unchecked Sendable {
    private let runner: EffectRunner
    private let mailbox: Mailbox
    private let condition = NSCondition()
    private var queue: [Effect] = []
    private var running = 0

    init(runner: EffectRunner, mailbox: Mailbox) {
        self.runner = runner
        self.mailbox = mailbox
        Thread.detachNewThread { [self] in work() }
    }

    func submit(_ effects: [Effect]) {
        guard !effects.isEmpty else { return }
        condition.lock()
        queue += effects
        condition.signal()
        condition.unlock()
    }

    /// Whether anything is queued or running (the loop then looks at the mailbox sooner).
    var isBusy: Bool {
        condition.lock()
        defer { condition.unlock() }
        return !queue.isEmpty || running > 0
    }

    private func work() {
        while true {
            condition.lock()
            while queue.isEmpty { condition.wait() }
            let effect = queue.removeFirst()
            let superseded = queue.contains { effect.isSuperseded(by: $0) }
            if !superseded { running += 1 }
            condition.unlock()
            guard !superseded else { continue }
            let actions = runner.run(effect)
            // Post before no longer counting as busy, so the loop never sees idle and empty
            // while results are on their way.
            for action in actions { mailbox.post(action) }
            condition.lock()
            running -= 1
            condition.unlock()
        }
    }
}
