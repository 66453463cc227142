import CableCore
import CableFetch
import Foundation

/// What `cable feeds add ADDRESS` subscribes to: the feed at the address, or, when the
/// address is a web page, the first feed the page names (`<link rel="alternate">`).
public enum FeedLookup {
    public struct Found: Sendable {
        public var subscription: Subscription
        /// The feeds the page named, when the address was a page.
        public var named: [URL] = []
    }

    public static func subscription(for address: String, fetcher: PageFetcher) -> Result<Found, FeedError> {
        let url: URL
        switch PageFetcher.webAddress(address) {
        case .failure(let error): return .failure(.fetch(error))
        case .success(let found): url = found
        }
        let page: FetchedPage
        switch fetcher.fetch(FetchRequest(url: url, accepts: .anything)) {
        case .failure(let error): return .failure(.fetch(error))
        case .success(let fetched): page = fetched
        }
        do {
            let feed = try FeedParser.parse(page.body, address: page.final)
            return .success(Found(subscription: subscription(url.absoluteString, feed)))
        } catch let error as FeedError {
            guard isWebPage(page) else { return .failure(error) }
        } catch {
            return .failure(.notAFeed("\(error)"))
        }
        let named = FeedLinkDiscovery.feeds(inPage: page.body, address: page.final)
        guard let first = named.first else { return .failure(.noFeedFound(address)) }
        switch fetcher.fetch(FetchRequest(url: first, accepts: .anything)) {
        case .failure(let error): return .failure(.fetch(error))
        case .success(let fetched):
            do {
                let feed = try FeedParser.parse(fetched.body, address: fetched.final)
                var subscription = subscription(first.absoluteString, feed)
                subscription.siteURL = subscription.siteURL ?? page.final.absoluteString
                return .success(Found(subscription: subscription, named: named))
            } catch let error as FeedError {
                return .failure(error)
            } catch {
                return .failure(.notAFeed("\(error)"))
            }
        }
    }

    private static func subscription(_ address: String, _ feed: Feed) -> Subscription {
        Subscription(url: address, title: feed.title, siteURL: feed.siteURL)
    }

    /// An HTML page by its type, or (untyped or mistyped) by how it starts.
    static func isWebPage(_ page: FetchedPage) -> Bool {
        if let type = page.contentType?.lowercased(), type.contains("html") { return true }
        let head = String(decoding: page.body.prefix(1024), as: UTF8.self).lowercased()
        return head.contains("<!doctype html") || head.contains("<html")
    }
}
