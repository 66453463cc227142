import CableFeeds
import Foundation

// The `--json` shapes of `cable fetch` and `cable feeds list`; as elsewhere, optional fields
// are written as `null` rather than left out.

struct FetchReportJSON: Encodable {
    var report: FetchReport

    init(_ report: FetchReport) {
        self.report = report
    }

    enum Keys: String, CodingKey { case feeds, seconds, saved, failedFeeds, pagesDownloaded }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(report.feeds.map(FeedReportJSON.init), forKey: .feeds)
        try container.encode(report.seconds, forKey: .seconds)
        try container.encode(report.saved, forKey: .saved)
        try container.encode(report.failedFeeds, forKey: .failedFeeds)
        try container.encode(report.pagesDownloaded, forKey: .pagesDownloaded)
    }
}

struct FeedReportJSON: Encodable {
    var report: FeedReport

    enum Keys: String, CodingKey {
        case url, title, folder, status, error, items, alreadySeen, alreadyInLibrary, failedItems, retryLater,
             pagesDownloaded, saved, warnings, seconds
    }

    enum SavedKeys: String, CodingKey { case file, link, fromFeed }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(report.url, forKey: .url)
        try container.encode(report.title, forKey: .title)
        try container.encode(report.folder, forKey: .folder)
        try container.encode(report.status.rawValue, forKey: .status)
        try container.encode(report.error, forKey: .error)
        try container.encode(report.items, forKey: .items)
        try container.encode(report.alreadySeen, forKey: .alreadySeen)
        try container.encode(report.alreadyInLibrary, forKey: .alreadyInLibrary)
        try container.encode(report.failedItems, forKey: .failedItems)
        try container.encode(report.retryLater, forKey: .retryLater)
        try container.encode(report.pagesDownloaded, forKey: .pagesDownloaded)
        var saved = container.nestedUnkeyedContainer(forKey: .saved)
        for article in report.saved {
            var entry = saved.nestedContainer(keyedBy: SavedKeys.self)
            try entry.encode(article.file, forKey: .file)
            try entry.encode(article.link, forKey: .link)
            try entry.encode(article.fromFeed, forKey: .fromFeed)
        }
        try container.encode(report.warnings, forKey: .warnings)
        try container.encode(report.seconds, forKey: .seconds)
    }
}

extension FeedListRow: Encodable {
    enum Keys: String, CodingKey { case title, url, siteURL, folder, category, lastFetched, lastAttempt, lastError, articles }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(subscription.displayTitle, forKey: .title)
        try container.encode(subscription.url, forKey: .url)
        try container.encode(subscription.siteURL, forKey: .siteURL)
        try container.encode(subscription.folder.isEmpty ? nil : subscription.folder.joined(separator: "/"), forKey: .category)
        try container.encode(record?.folder, forKey: .folder)
        try container.encode(record?.lastFetched, forKey: .lastFetched)
        try container.encode(record?.lastAttempt, forKey: .lastAttempt)
        try container.encode(record?.lastError, forKey: .lastError)
        try container.encode(articles, forKey: .articles)
    }
}
