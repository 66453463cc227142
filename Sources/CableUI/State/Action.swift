import CableCore

/// Everything that can change the state: keys, the terminal, and the results of effects.
public enum Action: Sendable {
    case key(Key)
    /// Characters that arrived together (a paste): typed into an open prompt as one edit,
    /// so a pasted query is parsed and searched once, not once per character; otherwise
    /// each is a key.
    case text(String)
    case resize(Size)
    /// One window of the article list for `query`.
    case listLoaded(query: Query, offset: Int, rows: [ArticleSummary])
    /// How many articles match `query`.
    case listCounted(query: Query, total: Int)
    case libraryCounted(Int)
    /// The article to show, scrolled to a paragraph (a quote) or to a line (history).
    /// `reload`: the open article read again after the library changed, which must not
    /// mark it read (the user may just have marked it unread).
    case articleLoaded(Article, paragraph: Int?, scroll: Int?, reload: Bool = false)
    case relatedLoaded(RelatedStories)
    case articleMissing(ArticleID)
    case tagsLoaded(query: Query, tags: [TagCount])
    case quotesLoaded(query: Query, speaker: String, offset: Int, rows: [QuoteHit])
    case quotesCounted(query: Query, speaker: String, total: Int)
    /// The next unread article after the cursor is at this position of the list.
    case unreadFound(query: Query, position: Int, summary: ArticleSummary)
    case noUnread
    /// Something went wrong outside the UI; shown in the status line.
    case failed(String)
    /// Something worth telling the user (a sync's outcome); shown in the status line.
    case notice(String)
    /// Background work (sync) reports progress; nil when it is done.
    case progress(String?)
    /// The library changed underneath (a sync finished): reload what is shown.
    case libraryChanged
}

/// Work that `reduce` asks for; an `EffectRunner` does it and answers with actions.
public enum Effect: Hashable, Sendable {
    case loadList(Query, offset: Int, limit: Int)
    case countList(Query)
    case countLibrary
    /// `reload`: see `Action.articleLoaded`.
    case loadArticle(ArticleID, paragraph: Int?, scroll: Int?, reload: Bool = false)
    /// `reload`: the open article's, asked for again after the library changed.
    case loadRelated(ArticleID, reload: Bool = false)
    case loadTags(Query)
    case loadQuotes(Query, speaker: String, offset: Int, limit: Int)
    case countQuotes(Query, speaker: String)
    case findUnread(Query, after: Int)
    case setRead([ArticleID], Bool)
    case setStarred([ArticleID], Bool)
    case quit

    /// Whether this saves a read/starred mark: the user's own work, never dropped, and
    /// still saved when the UI quits.
    public var isMark: Bool {
        switch self {
        case .setRead, .setStarred: return true
        default: return false
        }
    }

    /// Whether a later effect makes this one pointless: a newer window, count or tag list
    /// replaces an older one still waiting (typing a search asks for one per key), and a
    /// newer article replaces one not yet loaded. Marks are never dropped.
    public func isSuperseded(by later: Effect) -> Bool {
        switch (self, later) {
        case (.loadList, .loadList), (.countList, .countList), (.loadTags, .loadTags),
             (.loadQuotes, .loadQuotes), (.countQuotes, .countQuotes), (.findUnread, .findUnread),
             (.countLibrary, .countLibrary):
            return true
        case (.loadArticle, .loadArticle(_, _, _, let reload)), (.loadRelated, .loadRelated(_, let reload)):
            // A reload of the open article after a sync must not cancel opening another.
            return !reload
        default:
            return false
        }
    }
}
