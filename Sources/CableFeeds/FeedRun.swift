import CableFetch
import Foundation

/// One feed's part of a fetch while it runs: its report so far and the items still on their
/// way, shared by the worker threads that handle its pages (every access under its lock).
final class FeedRun: @unchecked Sendable {
    let subscription: Subscription
    let started = Date()
    private let lock = NSLock()
    private var state: FeedReport
    private var pending = 0
    private var later = false
    private var feedInfo: (title: String?, source: String, validators: Validators)?
    private var folderURL: URL?

    init(subscription: Subscription) {
        self.subscription = subscription
        state = FeedReport(url: subscription.url, title: subscription.displayTitle, status: .failed)
    }

    var report: FeedReport { lock.withLock { state } }

    func change(_ body: (inout FeedReport) -> Void) {
        lock.withLock { body(&state) }
    }

    /// The feed has been read: its title, the source its articles get, its validators.
    func begin(feed: Feed, source: String, validators: Validators) {
        lock.withLock {
            feedInfo = (feed.title, source, validators)
            if subscription.title == nil, let title = feed.title { state.title = title }
        }
    }

    var feedTitle: String? { lock.withLock { feedInfo?.title } }
    var source: String { lock.withLock { feedInfo?.source ?? subscription.displayTitle } }
    var validators: Validators { lock.withLock { feedInfo?.validators ?? Validators() } }

    var folder: URL? {
        get { lock.withLock { folderURL } }
        set { lock.withLock { folderURL = newValue } }
    }

    /// Items handed out to be fetched and saved.
    func expect(_ count: Int) {
        lock.withLock { pending = count }
    }

    /// One item is finished; true when it was the last.
    func itemFinished() -> Bool {
        lock.withLock {
            pending -= 1
            return pending == 0
        }
    }

    /// Some item is left to try again next time.
    func leaveForLater() {
        lock.withLock { later = true }
    }

    var leftForLater: Bool { lock.withLock { later } }
}
