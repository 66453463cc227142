import Foundation

/// What the screen and the command line ask of a library. `Library` (SQLite index + user
/// state) conforms; UI tests may use a small in-memory conformance.
public protocol LibraryQuerying: Sendable {
    /// How many articles match.
    func count(_ query: Query) throws -> Int
    /// One window of matching articles, newest first (undated last).
    func list(_ query: Query, offset: Int, limit: Int) throws -> [ArticleSummary]
    /// One window of matching articles in `order` (ties newest first).
    func list(_ query: Query, order: ListOrder, offset: Int, limit: Int) throws -> [ArticleSummary]
    /// The first unread article after position `after` of the list in `order`, and its position.
    func firstUnread(_ query: Query, order: ListOrder, after: Int) throws -> (position: Int, summary: ArticleSummary)?
    /// The whole article, or nil when the id is unknown.
    func article(_ id: ArticleID) throws -> Article?
    /// The tags of the articles that match, with how many of them carry each, by count.
    func tags(in query: Query) throws -> [TagCount]
    /// Quotes in matching articles (newest article first), optionally by one speaker
    /// (case-insensitive substring of the speaker's name).
    func quotes(_ query: Query, speaker: String?, offset: Int, limit: Int) throws -> [QuoteHit]
    func quoteCount(_ query: Query, speaker: String?) throws -> Int
    /// Explicit links resolved to articles, similar articles, and articles linking here.
    func related(_ id: ArticleID) throws -> RelatedStories
    func setRead(_ ids: [ArticleID], _ read: Bool) throws
    func setStarred(_ ids: [ArticleID], _ starred: Bool) throws
    /// The user's marks and own tags on one article.
    func marks(_ id: ArticleID) throws -> ArticleMarks
    /// Marks every unread article matching `query` read; returns the ones it changed (to undo).
    func markAllRead(_ query: Query) throws -> [ArticleID]
    /// Adds and removes the user's own tags; returns notes on removals that did nothing.
    @discardableResult
    func changeUserTags(_ ids: [ArticleID], adding: [String], removing: [String]) throws -> [String]
    /// The articles of one story, by date (see `Story`).
    func story(_ id: ArticleID) throws -> Story
}

/// One row of the article list.
public struct ArticleSummary: Hashable, Codable, Sendable {
    public var id: ArticleID
    public var title: String
    public var published: Date?
    /// The page's own tags.
    public var tags: [String]
    /// The user's own tags (`cable tag`, or `+` in the reader), kept apart from the page's.
    public var userTags: [String]
    /// Path relative to the library.
    public var file: String
    public var unread: Bool
    public var starred: Bool
    /// The outlet and the page's address, when the page names them.
    public var source: String?
    public var url: String?

    public init(id: ArticleID, title: String, published: Date?, tags: [String], file: String,
                unread: Bool, starred: Bool, userTags: [String] = [], source: String? = nil, url: String? = nil) {
        self.id = id
        self.title = title
        self.published = published
        self.tags = tags
        self.userTags = userTags
        self.file = file
        self.unread = unread
        self.starred = starred
        self.source = source
        self.url = url
    }
}

public struct TagCount: Hashable, Codable, Sendable {
    public var tag: String
    public var count: Int
    public init(tag: String, count: Int) {
        self.tag = tag
        self.count = count
    }
}

/// A quote with the article it is in.
public struct QuoteHit: Hashable, Codable, Sendable {
    public var text: String
    public var speaker: String?
    public var role: String?
    public var id: ArticleID
    public var title: String
    public var published: Date?
    /// Index of the paragraph in the article, so the reading pane can scroll to it.
    public var paragraph: Int

    public init(text: String, speaker: String?, role: String?, id: ArticleID, title: String,
                published: Date?, paragraph: Int) {
        self.text = text
        self.speaker = speaker
        self.role = role
        self.id = id
        self.title = title
        self.published = published
        self.paragraph = paragraph
    }
}

/// A pointer to an article in the library.
public struct ArticleRef: Hashable, Codable, Sendable {
    public var id: ArticleID
    public var title: String
    public init(id: ArticleID, title: String) {
        self.id = id
        self.title = title
    }
}

/// A headline the page itself named: in its related block or as a READ MORE line.
public struct ExplicitLink: Hashable, Codable, Sendable {
    public enum Kind: String, Hashable, Codable, Sendable { case related, readMore }
    /// The headline as the page wrote it.
    public var headline: String
    public var kind: Kind
    /// The article it resolves to, or nil while the story is not in the library.
    public var match: ArticleRef?

    public init(headline: String, kind: Kind, match: ArticleRef?) {
        self.headline = headline
        self.kind = kind
        self.match = match
    }

    private enum Keys: String, CodingKey { case headline, kind, id, title }

    /// Flat: the matched article's `id` and `title` beside the headline, `null` when unmatched.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(headline, forKey: .headline)
        try container.encode(kind, forKey: .kind)
        try container.encode(match?.id, forKey: .id)
        try container.encode(match?.title, forKey: .title)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        headline = try container.decode(String.self, forKey: .headline)
        kind = try container.decode(Kind.self, forKey: .kind)
        let id = try container.decodeIfPresent(ArticleID.self, forKey: .id)
        let title = try container.decodeIfPresent(String.self, forKey: .title)
        if let id, let title { match = ArticleRef(id: id, title: title) } else { match = nil }
    }
}

public struct SimilarArticle: Hashable, Codable, Sendable {
    public var id: ArticleID
    public var title: String
    public var score: Double
    public init(id: ArticleID, title: String, score: Double) {
        self.id = id
        self.title = title
        self.score = score
    }
}

public struct RelatedStories: Hashable, Codable, Sendable {
    public var id: ArticleID
    /// READ MORE links first, then the related block, each in page order, without
    /// duplicates (a READ MORE headline that is also in the block is listed once).
    public var explicit: [ExplicitLink]
    public var similar: [SimilarArticle]
    public var linkedFrom: [ArticleRef]

    public init(id: ArticleID, explicit: [ExplicitLink] = [], similar: [SimilarArticle] = [],
                linkedFrom: [ArticleRef] = []) {
        self.id = id
        self.explicit = explicit
        self.similar = similar
        self.linkedFrom = linkedFrom
    }
}
