import CableCore
import CableFeeds
import CableUI
import Foundation

/// The TUI's fetch key: `cable fetch` on a thread of its own, its progress in the status line
/// and its outcome as a message. The articles it saves reach the list through the live
/// updates, which see the new files as any others.
struct BackgroundFetch: Sendable {
    let library: Library
    /// How often the status line is told how far the fetch has got.
    static let progressInterval: TimeInterval = 0.25

    func run(_ mailbox: Mailbox) {
        func finish(_ message: String, failed: Bool) {
            mailbox.post(.library(.fetchFinished(message, failed: failed)))
        }
        guard library.root != LibraryLocations.standard(root: LibraryOptions.sampleData).root else {
            return finish("This is the bundled sample library: cable fetch fills your own", failed: true)
        }
        do {
            let subscriptions = try SubscriptionFile.standard().load().subscriptions
            guard !subscriptions.isEmpty else { return finish("No feeds to fetch: cable feeds add URL", failed: true) }
            guard let lock = try FetchLock.take(at: FetchLock.standardLocation()) else {
                return finish("Another cable fetch is running", failed: true)
            }
            defer { withExtendedLifetime(lock) {} }
            let store = try FeedStateStore(at: FeedStateStore.standardLocation())
            let library = self.library
            let fetch = FeedFetch(subscriptions: subscriptions, library: library.root, store: store) { id in
                (try? library.article(id)) != nil
            }
            let throttle = Throttle(interval: Self.progressInterval)
            let report = fetch.run(onProgress: { progress in
                if throttle.isDue() { mailbox.post(.library(.fetchProgress(Self.describe(progress)))) }
            })
            finish(Self.describe(report), failed: report.failedFeeds > 0)
        } catch {
            finish("Fetching feeds failed: \(ErrorText.describe(error))", failed: true)
        }
    }

    /// `Fetching feeds: 1/3 · pages 120/400`
    static func describe(_ progress: FetchProgress) -> String {
        "Fetching feeds: \(progress.feedsDone)/\(progress.feeds)"
            + (progress.pages > 0 ? " · pages \(NumberText.grouped(progress.pagesDone))/\(NumberText.grouped(progress.pages))" : "")
    }

    /// `Fetched 3 feeds: 42 new articles, 1 feed failed (cable feeds list)`
    static func describe(_ report: FetchReport) -> String {
        var text = "Fetched \(report.feeds.count) feed\(report.feeds.count == 1 ? "" : "s"): "
            + "\(NumberText.grouped(report.saved)) new article\(report.saved == 1 ? "" : "s")"
        if report.failedFeeds > 0 {
            text += ", \(report.failedFeeds) feed\(report.failedFeeds == 1 ? "" : "s") failed (cable feeds list)"
        }
        return text
    }
}

/// Says yes at most once per interval (the first time at once).
final class Throttle: @unchecked Sendable {
    private let interval: TimeInterval
    private let lock = NSLock()
    private var last = Date.distantPast

    init(interval: TimeInterval) {
        self.interval = interval
    }

    func isDue() -> Bool {
        lock.withLock {
            let now = Date()
            guard now.timeIntervalSince(last) >= interval else { return false }
            last = now
            return true
        }
    }
}
