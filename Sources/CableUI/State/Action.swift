import CableCore

/// Everything that can change the state: keys, the terminal, and the results of effects.
public enum Action: Sendable {
    case key(Key)
    case resize(Size)
    /// One window of the article list for `query` (and its total when asked for).
    case listLoaded(query: Query, offset: Int, rows: [ArticleSummary], total: Int?)
    case libraryCounted(Int)
    case articleLoaded(Article, RelatedStories, scrollTo: Int?)
    case articleMissing(ArticleID)
    case tagsLoaded(query: Query, tags: [TagCount])
    case quotesLoaded(query: Query, speaker: String, offset: Int, rows: [QuoteHit], total: Int?)
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
    case loadList(Query, offset: Int, limit: Int, withTotal: Bool)
    case countLibrary
    case loadArticle(ArticleID, scrollTo: Int?)
    case loadTags(Query)
    case loadQuotes(Query, speaker: String, offset: Int, limit: Int, withTotal: Bool)
    case findUnread(Query, after: Int)
    case setRead([ArticleID], Bool)
    case setStarred([ArticleID], Bool)
    case quit
}
