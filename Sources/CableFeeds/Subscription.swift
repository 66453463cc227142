import Foundation

/// One feed the user follows, as the OPML file has it: the feed's address and what the
/// file says about it. Fetch bookkeeping (validators, times, errors, items seen) is kept
/// apart, in `FeedStateStore`, so the file stays the user's to edit and move.
public struct Subscription: Hashable, Codable, Sendable {
    /// The feed's address (`xmlUrl`), as written.
    public var url: String
    /// The title (`title`, else `text`): the name of the feed's folder in the library, and
    /// the source of its articles when a page names none.
    public var title: String?
    /// The site's address (`htmlUrl`).
    public var siteURL: String?
    /// The titles of the outlines it sits in (folders), outermost first.
    public var folder: [String]
    /// The `category` attribute as written (comma-separated, slash-delimited).
    public var categories: String?

    public init(url: String, title: String? = nil, siteURL: String? = nil, folder: [String] = [],
                categories: String? = nil) {
        self.url = url
        self.title = title
        self.siteURL = siteURL
        self.folder = folder
        self.categories = categories
    }

    /// The title when there is one, else the address's host, else the address.
    public var displayTitle: String {
        if let title, !title.isEmpty { return title }
        return URL(string: url)?.host ?? url
    }
}

/// The subscriptions of one OPML file, in file order, at most one per address.
public struct SubscriptionList: Hashable, Sendable {
    public var title: String?
    public private(set) var subscriptions: [Subscription]

    public init(title: String? = nil, subscriptions: [Subscription] = []) {
        self.title = title
        self.subscriptions = []
        for subscription in subscriptions { add(subscription) }
    }

    public func contains(_ url: String) -> Bool {
        subscriptions.contains { $0.url == url }
    }

    /// Adds a subscription unless its address is there already; says whether it did.
    @discardableResult
    public mutating func add(_ subscription: Subscription) -> Bool {
        guard !contains(subscription.url) else { return false }
        subscriptions.append(subscription)
        return true
    }

    /// Removes the subscription to `url`; says whether there was one.
    @discardableResult
    public mutating func remove(_ url: String) -> Bool {
        let before = subscriptions.count
        subscriptions.removeAll { $0.url == url }
        return subscriptions.count != before
    }
}
