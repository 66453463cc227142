import CableCore

/// Work that `reduce` asks for; an `EffectRunner` does it and answers with actions. Timers,
/// suspending and quitting are for the loop around the UI instead.
public enum Effect: Hashable, Sendable {
    case loadList(ListSource, offset: Int, limit: Int)
    case countList(Query)
    case countUnread(Query)
    case countLibrary
    case loadArticle(ArticleID, ArticleLoad)
    /// `reload`: the open article's, asked for again after the library changed.
    case loadRelated(ArticleID, reload: Bool = false)
    case loadTags(Query)
    /// Every tag in the library, for completing the user's own tags.
    case loadAllTags
    case loadQuotes(Query, speaker: String, offset: Int, limit: Int)
    case countQuotes(Query, speaker: String)
    case loadStory(ArticleID)
    /// The first unread article after a position, from the top again when there is none below.
    case findUnread(ListSource, after: Int)
    case setRead([ArticleID], Bool)
    case setStarred([ArticleID], Bool)
    case markAllRead(Query)
    case changeUserTags([ArticleID], adding: [String], removing: [String])
    case startTimer(TimerID, seconds: Double)
    /// Fetch the subscribed feeds into the library, in the background (`cable fetch`); its
    /// progress and outcome come back as `LibraryEvent`s, its articles by the live updates.
    case fetchFeeds
    /// Ctrl-Z: give the terminal back to the shell until `fg`.
    case suspend
    case quit

    /// Whether this saves the user's own work (marks, tags): never dropped, and still
    /// saved when the UI quits.
    public var isMark: Bool {
        switch self {
        case .setRead, .setStarred, .markAllRead, .changeUserTags: return true
        default: return false
        }
    }

    /// Whether a later effect makes this one pointless: a newer window, count or tag list
    /// replaces an older one still waiting (typing a search asks for one per key), and a
    /// newer article replaces one not yet loaded. Marks are never dropped.
    public func isSuperseded(by later: Effect) -> Bool {
        switch (self, later) {
        case (.loadList, .loadList), (.countList, .countList), (.countUnread, .countUnread),
             (.loadTags, .loadTags), (.loadAllTags, .loadAllTags), (.loadQuotes, .loadQuotes),
             (.countQuotes, .countQuotes), (.findUnread, .findUnread), (.countLibrary, .countLibrary),
             (.loadStory, .loadStory):
            return true
        case (.loadArticle, .loadArticle(_, let load)):
            // A reload of the open article after a sync must not cancel opening another.
            return !load.isReload
        case (.loadRelated, .loadRelated(_, let reload)):
            return !reload
        default:
            return false
        }
    }
}

/// A list: which articles, in which order.
public struct ListSource: Hashable, Sendable {
    public var query: Query
    public var order: ListOrder

    public init(query: Query, order: ListOrder = .newest) {
        self.query = query
        self.order = order
    }
}

/// Why an article is loaded, which decides what its arrival does.
public enum ArticleLoad: Hashable, Sendable {
    /// Opened (Enter, a jump, history): it is read, and the list follows it. Scrolled to a
    /// paragraph (a quote) or a line (history), else to the first search match.
    case open(paragraph: Int?, scroll: Int?)
    /// Shown because the list's selection is on it: read only after the mark-read delay.
    case preview
    /// The open article read again after the library changed: its mark is left alone (the
    /// user may just have marked it unread), and so is the list.
    case reload(scroll: Int)
    /// The article that was open when Cable last quit: shown as it was left.
    case restore(scroll: Int)

    var isReload: Bool {
        if case .reload = self { return true }
        return false
    }
}
