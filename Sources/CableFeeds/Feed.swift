import CableCore
import Foundation

/// A feed as read from its XML: what it says about itself and its items, in feed order.
public struct Feed: Sendable {
    public var format: FeedFormat
    public var title: String?
    /// The site the feed belongs to (RSS `channel/link`, Atom `link rel="alternate"`).
    public var siteURL: String?
    public var items: [FeedItem]
    /// What was read past (items over the limit).
    public var warnings: [String] = []
}

public enum FeedFormat: String, Codable, Sendable {
    case rss2 = "RSS 2.0"
    case rss1 = "RSS 1.0"
    case atom = "Atom 1.0"
}

/// One item (RSS) or entry (Atom).
public struct FeedItem: Hashable, Sendable {
    /// RSS `guid`, RSS 1.0 `rdf:about`, Atom `id`.
    public var guid: String?
    /// The page of the item: absolute, http(s) only, `xml:base` applied.
    public var link: URL?
    /// As text: HTML in it decoded and tags dropped.
    public var title: String?
    public var published: Date?
    /// RSS `category` and `dc:subject`, Atom `category` (its label, else its term).
    public var categories: [String] = []
    public var author: String?
    /// The item's own text as HTML: its full content (`content:encoded`, Atom `content`),
    /// else its summary (`description`, Atom `summary`).
    public var content: ItemContent?

    public init(guid: String? = nil, link: URL? = nil, title: String? = nil, published: Date? = nil,
                categories: [String] = [], author: String? = nil, content: ItemContent? = nil) {
        self.guid = guid
        self.link = link
        self.title = title
        self.published = published
        self.categories = categories
        self.author = author
        self.content = content
    }

    /// What identifies the item from one fetch to the next: its GUID, else its link, else a
    /// hash of its title and text (an item with none of them is the same item while they
    /// stay the same).
    public var key: String {
        if let guid, !guid.isEmpty { return guid }
        if let link { return link.absoluteString }
        // Seen items are remembered by this key (and it is written into the saved page's first
        // line), so it must never change: the letters-and-digits hash items always had.
        return "text:" + ArticleID.legacy(forContent: (title ?? "") + " " + (content?.html ?? "")).rawValue
    }
}

/// HTML from a feed (not yet made safe), with the address its relative links are against.
public struct ItemContent: Hashable, Sendable {
    public var html: String
    public var base: URL?

    public init(html: String, base: URL?) {
        self.html = html
        self.base = base
    }
}
