import Foundation

/// One saved news page, as recovered by the parser. A value: the library stores and
/// re-derives it, the UI only reads it.
public struct Article: Hashable, Codable, Sendable {
    /// Stable identity: a hash of the file's text content (see `ArticleID`), so it survives
    /// renames, moves, re-reads and re-indexing. User state (read, starred) is keyed by it.
    public var id: ArticleID
    /// The file it came from: the path as given to the parser, or relative to the library.
    public var file: String
    /// The page's headline, or a title derived from the lead when the page had none.
    public var title: String
    public var titleDerived: Bool
    /// The dateline as an instant in UTC, when one was found.
    public var published: Date?
    /// The outlet, when the page names it (a masthead, a copyright line, `og:site_name`).
    public var source: String?
    /// The page's own address (canonical URL, `og:url`, or where it was fetched from), when known.
    public var url: String?
    /// Body paragraphs, lead first, cleaned (NBSP folded, whitespace collapsed).
    public var paragraphs: [String]
    public var quotes: [Quote]
    /// Headlines of `READ MORE:` lines, in page order.
    public var readMore: [String]
    /// The page's related-headline block, in page order.
    public var related: [String]
    /// Tags as written on the page (case kept).
    public var tags: [String]
    /// Addresses of the page's READ MORE and related links, keyed by the headline as it stands
    /// in `readMore` or `related` (HTML pages; a text page has none).
    public var linkURLs: [String: String]
    /// What the parser could not find or had to guess, for the user and for `cable parse`.
    public var warnings: [String]
    /// The id older Cable gave this text (`ArticleID.legacy(forContent:)`): the key its
    /// marks and tags may still be kept under (`LegacyState`). Not part of the JSON form.
    public var legacyID: ArticleID?

    public init(
        id: ArticleID, file: String, title: String, titleDerived: Bool = false,
        published: Date? = nil, source: String? = nil, url: String? = nil, paragraphs: [String] = [],
        quotes: [Quote] = [], readMore: [String] = [], related: [String] = [],
        tags: [String] = [], linkURLs: [String: String] = [:], warnings: [String] = [],
        legacyID: ArticleID? = nil
    ) {
        self.id = id
        self.file = file
        self.title = title
        self.titleDerived = titleDerived
        self.published = published
        self.source = source
        self.url = url
        self.paragraphs = paragraphs
        self.quotes = quotes
        self.readMore = readMore
        self.related = related
        self.tags = tags
        self.linkURLs = linkURLs
        self.warnings = warnings
        self.legacyID = legacyID
    }

    /// The lead paragraph, if the article has a body.
    public var lead: String? { paragraphs.first }
}

/// The one JSON form of an article (`cable show --json`, `cable parse --json`) is its
/// `Codable` form, these keys; `JSONWriter` writes `null` for what the page does not have.
extension Article {
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case id, file, title, titleDerived, published, source, url, paragraphs, quotes, readMore, related,
             tags, linkURLs, warnings
    }
}

/// A direct quotation and who said it.
public struct Quote: Hashable, Codable, Sendable {
    /// The quoted words without the quote marks, or the comma that ran into the attribution.
    public var text: String
    /// The person or body the sentence attributes it to; nil when it cannot be found
    /// (better no speaker than a wrong one).
    public var speaker: String?
    /// The title written before the speaker's name (`Defence Minister`), if any.
    public var role: String?
    /// Index into `Article.paragraphs`.
    public var paragraph: Int

    public init(text: String, speaker: String? = nil, role: String? = nil, paragraph: Int) {
        self.text = text
        self.speaker = speaker
        self.role = role
        self.paragraph = paragraph
    }
}

extension Quote {
    /// The quoted words on their own, as `Quote.text` holds them: a quote that ran into its
    /// attribution (`"We will act," she said`) leaves its comma to the sentence, where it
    /// belongs; in a quote view or a script's JSON it would read as a typo.
    public static func standalone(_ text: String) -> String {
        var words = Substring(text)
        while let last = words.last, last == "," || last == ";" || last == ":" || last.isWhitespace {
            words.removeLast()
        }
        return String(words)
    }
}
