import Foundation

/// What one `cable fetch` did, feed by feed.
public struct FetchReport: Sendable {
    public var feeds: [FeedReport]
    public var seconds: Double

    /// Articles saved, in all feeds.
    public var saved: Int { feeds.reduce(0) { $0 + $1.saved.count } }
    public var failedFeeds: Int { feeds.filter { $0.status == .failed }.count }
    /// Pages downloaded (not feeds), in all feeds.
    public var pagesDownloaded: Int { feeds.reduce(0) { $0 + $1.pagesDownloaded } }

    public init(feeds: [FeedReport], seconds: Double) {
        self.feeds = feeds
        self.seconds = seconds
    }
}

/// One feed's part of a fetch.
public struct FeedReport: Sendable {
    public enum Status: String, Sendable {
        /// Fetched and read (new items or not).
        case fetched
        /// The server said nothing changed since the last fetch (304).
        case notModified = "not-modified"
        case failed
    }

    public var url: String
    public var title: String
    /// The folder under `<library>/feeds/`, once the feed has one.
    public var folder: String?
    public var status: Status
    public var error: String?
    /// Items in the feed.
    public var items = 0
    /// Items seen in earlier fetches (or twice in this one).
    public var alreadySeen = 0
    /// New items whose article the library already had (from another feed, or `cable add`).
    public var alreadyInLibrary = 0
    /// New items that got no article: given up (or left to try again next time).
    public var failedItems = 0
    /// Items left to try again next time.
    public var retryLater = 0
    public var pagesDownloaded = 0
    public var saved: [SavedArticle] = []
    /// What the user should know: pages saved from the feed's text, and why.
    public var warnings: [String] = []
    public var seconds = 0.0

    public init(url: String, title: String, status: Status) {
        self.url = url
        self.title = title
        self.status = status
    }

    public var fromFeedText: Int { saved.filter(\.fromFeed).count }
}

/// An article file a fetch added to the library.
public struct SavedArticle: Hashable, Sendable {
    /// Relative to the library.
    public var file: String
    public var link: String?
    public var fromFeed: Bool
}

/// How far a fetch has got, for a progress bar or a status line.
public struct FetchProgress: Sendable, Equatable {
    public var feedsDone = 0
    public var feeds = 0
    public var pagesDone = 0
    /// Pages to fetch so far (grows as feeds are read).
    public var pages = 0
    public var saved = 0

    public init() {}
}

extension FeedReport {
    /// One line for the user: `Harbour Gazette: 12 new (1 from the feed's text), 488 seen before`.
    public var summary: String {
        switch status {
        case .failed: return "\(title): failed: \(error ?? "unknown error")"
        case .notModified: return "\(title): not modified since the last fetch"
        case .fetched:
            var parts = ["\(saved.count) new" + (fromFeedText > 0 ? " (\(fromFeedText) from the feed's text)" : "")]
            if alreadySeen > 0 { parts.append("\(alreadySeen) seen before") }
            if alreadyInLibrary > 0 { parts.append("\(alreadyInLibrary) already in the library") }
            if failedItems > 0 {
                parts.append("\(failedItems) failed" + (retryLater > 0 ? " (\(retryLater) to try again)" : ""))
            }
            return "\(title): " + parts.joined(separator: ", ") + String(format: " (%.1f s)", seconds)
        }
    }
}
