import CableCore

/// The filter (tags and a search), the order, and the window of the article list it gives.
public struct BrowseState: Hashable, Sendable {
    /// Tag filters (all must match) and the search text (query language) on top of them.
    public var tags: [String] = []
    public var search = ""
    public var searchQuery = Query.all
    public var order = ListOrder.newest

    public var list = Window<ArticleSummary>()
    public var libraryTotal: Int?
    /// Unread articles in the filter, and the filter they were counted for.
    public var unread: Int?
    public var unreadFor: Query?
    /// Tags of the articles in the current filter, with counts, and the filter they were
    /// counted for (nil until they arrive).
    public var filterTags: [TagCount] = []
    public var filterTagsFor: Query?
    /// Every tag in the library (for completing the user's own tags), once asked for.
    public var allTags: [TagCount]?
    /// Read and starred marks seen in list rows or set here.
    public var marks: [ArticleID: Marks] = [:]
    /// The selection moved (or the list started over) and the reading pane should show the
    /// selected article once its row is on hand.
    public var previewPending = false
    /// The article selected when the list was reloaded underneath: the cursor goes back to
    /// it when it is still in the list, wherever it moved.
    public var keepSelection: ArticleID?

    public init() {}

    /// The filter in force: every tag, and the search.
    public var query: Query {
        Query(clauses: tags.map { .tag($0, negated: false) }).and(searchQuery)
    }

    public var source: ListSource { ListSource(query: query, order: order) }

    /// The filter as the user would type it, for title bars.
    public var filterDescription: String {
        var parts = tags.map { $0.contains(" ") ? "tag:\"\($0)\"" : "tag:\($0)" }
        if !search.isEmpty { parts.append(search) }
        return parts.joined(separator: " ")
    }
}

/// The library's answers about the list.
public enum BrowseAction: Sendable {
    /// One window of the list.
    case listLoaded(ListSource, offset: Int, rows: [ArticleSummary])
    /// How many articles match.
    case listCounted(Query, total: Int)
    /// How many of them are unread.
    case unreadCounted(Query, unread: Int)
    case libraryCounted(Int)
    case tagsLoaded(Query, tags: [TagCount])
    case allTagsLoaded([TagCount])
    /// The next unread article is at this position of the list (`wrapped`: above the
    /// cursor, found from the top).
    case unreadFound(ListSource, position: Int, summary: ArticleSummary, wrapped: Bool)
    case noUnread
    /// Every unread article in the filter was marked read: these.
    case markedAllRead(Query, [ArticleID])
}
