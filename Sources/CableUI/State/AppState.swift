import CableCore

public enum Pane: Int, Hashable, Sendable, CaseIterable {
    case list, reader, sidebar
}

/// A window of a long result list: only `rows` (starting at `offset`) are in memory, the
/// cursor and the first visible row are positions in the whole list.
public struct Window<Row: Hashable & Sendable>: Hashable, Sendable {
    public var total: Int?
    public var offset = 0
    public var rows: [Row] = []
    public var cursor = 0
    /// The first position shown on screen.
    public var top = 0
    /// The offset of a load asked for and not yet answered, so it is not asked twice.
    public var pending: Int?

    public init() {}

    public func row(at position: Int) -> Row? {
        let index = position - offset
        return rows.indices.contains(index) ? rows[index] : nil
    }

    public var selected: Row? { row(at: cursor) }
    /// How many rows there are: the total once counted, else as far as rows are on hand.
    public var count: Int { total ?? (offset + rows.count) }
    /// Nothing on hand yet.
    public var isLoading: Bool { total == nil && rows.isEmpty }

    /// Moves the cursor by `step` within the list (saturating: ±Int.max/2 mean the ends).
    mutating func moveCursor(by step: Int) {
        guard count > 0 else { return }
        cursor = max(0, min(count - 1, cursor.addingClamped(step)))
    }

    /// Moves `top` so the cursor is on a screen of `page` rows, and the screen within the list.
    mutating func keepCursorVisible(page: Int) {
        if cursor < top { top = cursor }
        if cursor >= top + page { top = cursor - page + 1 }
        top = max(0, min(top, count - page))
    }

    /// Where to load a window of `size` rows when the screen, with half a screen either
    /// side, is not all on hand; nil when it is, or when that load was already asked for
    /// (it is then recorded as pending).
    mutating func offsetToLoad(page: Int, size: Int) -> Int? {
        guard let total, total > 0 else { return nil }
        let wantLow = max(0, top - page / 2)
        let wantHigh = min(total, top + page + page / 2)
        guard wantLow < offset || wantHigh > offset + rows.count else { return nil }
        let start = max(0, min(top - page, total - size))
        guard pending != start else { return nil }
        pending = start
        return start
    }
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

public struct TagPrompt: Hashable, Sendable {
    public var input = ""
    public var selection = 0
}

public struct SearchPrompt: Hashable, Sendable {
    public var input: String
    /// What to go back to on Esc.
    public var previous: String
    /// The parse error of `input`, when it does not parse.
    public var error: String?
}

public struct SpeakerPrompt: Hashable, Sendable {
    public var input: String
    public var previous: String
}

public enum Prompt: Hashable, Sendable {
    case tag(TagPrompt)
    case search(SearchPrompt)
    case speaker(SpeakerPrompt)
}

/// The article on screen with what the library knows about its neighbours.
public struct OpenArticle: Hashable, Sendable {
    public var article: Article
    public var related: RelatedStories
    /// False until the related stories arrive (they come a moment after the article).
    public var relatedLoaded: Bool

    public init(article: Article, related: RelatedStories, relatedLoaded: Bool = true) {
        self.article = article
        self.related = related
        self.relatedLoaded = relatedLoaded
    }
}

public enum ReaderTarget: Hashable, Sendable {
    case paragraph(Int)
    case line(Int)
}

public struct Marks: Hashable, Sendable {
    public var read: Bool
    public var starred: Bool
}

public struct QuoteSource: Hashable, Sendable {
    public var query: Query
    public var speaker: String
}

/// The whole state of the UI. A value: `reduce` makes the next one, `render` draws it.
public struct AppState: Hashable, Sendable {
    public var size: Size
    public var focus: Pane = .list
    /// Whether the sidebar is shown (wide layouts) or replaces the reading pane (medium ones).
    public var sidebarToggled = false
    public var showHelp = false
    public var showQuotes = false
    public var prompt: Prompt?

    /// Tag filters (all must match) and the search text (query language) on top of them.
    public var tags: [String] = []
    public var search = ""
    public var searchQuery = Query.all

    public var list = Window<ArticleSummary>()
    public var libraryTotal: Int?
    /// Tags of the articles in the current filter, with counts.
    public var filterTags: [TagCount] = []
    /// The filter `filterTags` were counted for (nil until they arrive).
    public var filterTagsFor: Query?

    public var open: OpenArticle?
    public var readerScroll = 0
    /// The open article laid out at the reading pane's width (see `ReaderLayout`).
    public var readerLayout: ReaderLayout?
    /// Where the reading pane was asked to scroll (a quote's paragraph, a line from history),
    /// kept until the related stories arrive: their READ MORE lines lengthen the article,
    /// so a scroll clamped before them is applied again after.
    public var readerTarget: ReaderTarget?
    /// A related headline asked for (1-9) before the related stories arrived.
    public var pendingRelated: Int?
    /// An article asked for (opened, or reached through history) and not yet arrived:
    /// `1`-`9` typed meanwhile are meant for it, not for the one still shown.
    public var opening: ArticleID?
    /// Read and starred marks seen in list rows or set here, so `r` and `s` on the open
    /// article know what they toggle.
    public var marks: [ArticleID: Marks] = [:]
    public var sidebarCursor = 0
    public var history = History()

    public var quotes = Window<QuoteHit>()
    public var speaker = ""
    /// What `quotes` holds, so the view reloads only when the filter or speaker changed.
    public var quotesLoadedFor: QuoteSource?

    public var message: String?
    public var messageIsError = false
    public var progress: String?
    public var quitting = false

    public init(size: Size) {
        self.size = size
    }

    /// The filter in force: every tag, and the search.
    public var query: Query {
        Query(clauses: tags.map { .tag($0, negated: false) }).and(searchQuery)
    }

    /// The filter as the user would type it, for title bars.
    public var filterDescription: String {
        var parts = tags.map { $0.contains(" ") ? "tag:\"\($0)\"" : "tag:\($0)" }
        if !search.isEmpty { parts.append(search) }
        return parts.joined(separator: " ")
    }
}
