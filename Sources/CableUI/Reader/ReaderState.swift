import CableCore

/// The reading pane and the sidebar beside it: the article on screen (previewed or opened),
/// where it is scrolled, and the history of articles opened.
public struct ReaderState: Hashable, Sendable {
    public var open: OpenArticle?
    public var scroll = 0
    /// The open article laid out at the reading pane's width (see `ReaderLayout`).
    public var layout: ReaderLayout?
    /// Where the reading pane was asked to scroll (a quote's paragraph, a line from history,
    /// the first search match), kept until the related stories arrive: their READ MORE lines
    /// lengthen the article, so a scroll clamped before them is applied again after.
    public var target: ReaderTarget?
    /// A related headline asked for (1-9) before the related stories arrived.
    public var pendingRelated: Int?
    /// An article asked for (opened, previewed, or reached through history) and not yet
    /// arrived: `1`-`9` typed meanwhile are meant for it, not for the one still shown.
    public var opening: ArticleID?
    public var history = History()
    public var sidebarCursor = 0
    /// Which search match `>` and `<` last went to (an index into the layout's match lines).
    public var match: Int?

    public init() {}
}

/// The article on screen with what the library knows about its neighbours.
public struct OpenArticle: Hashable, Sendable {
    public var article: Article
    public var related: RelatedStories
    /// False until the related stories arrive (they come a moment after the article).
    public var relatedLoaded: Bool
    /// The user's own tags on it (the article's `tags` are the page's).
    public var userTags: [String]
    /// Shown because the list's selection is on it, not opened: Enter opens it.
    public var isPreview: Bool

    public init(article: Article, related: RelatedStories, relatedLoaded: Bool = true,
                userTags: [String] = [], isPreview: Bool = false) {
        self.article = article
        self.related = related
        self.relatedLoaded = relatedLoaded
        self.userTags = userTags
        self.isPreview = isPreview
    }
}

public enum ReaderTarget: Hashable, Sendable {
    case paragraph(Int)
    case line(Int)
    /// The first match of the search, when it is below the first screen.
    case firstMatch
}

/// The browser-like history of opened articles.
public struct History: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var id: ArticleID
        public var scroll: Int
    }
    public var back: [Entry] = []
    public var forward: [Entry] = []
    public init() {}
}

/// The library's answers about the article on screen.
public enum ReaderAction: Sendable {
    /// The article, with the user's marks and tags on it, loaded for `load`'s reason.
    case articleLoaded(Article, ArticleMarks, ArticleLoad)
    case relatedLoaded(RelatedStories)
    case articleMissing(ArticleID)
    /// The user's tags on an article were changed; `notes` say what did not change and why.
    case userTagsChanged(ArticleID, notes: [String])
}
