import CableCore

/// The one place the state changes: the next state and the effects to run, from the current
/// state and an action. Pure: no I/O, no clock, no globals.
public func reduce(_ state: AppState, _ action: Action) -> (AppState, [Effect]) {
    var reducer = Reducer(state: state)
    reducer.apply(action)
    // Lay out the open article now if the action changed it, its width or its related
    // stories, so drawing and the next keys use the same layout.
    _ = reducer.readerDocument()
    return (reducer.state, reducer.effects)
}

/// The start-up effects: the first list window, the library size and the filter's tags.
public func startEffects(_ state: AppState) -> [Effect] {
    var reducer = Reducer(state: state)
    reducer.reloadFilter()
    reducer.effects.append(.countLibrary)
    return reducer.effects
}

struct Reducer {
    var state: AppState
    var effects: [Effect] = []

    mutating func apply(_ action: Action) {
        switch action {
        case .key(let key):
            handle(key)
        case .text(let text):
            handleText(text)
        case .resize(let size):
            state.size = size
            keepListCursorVisible()
            keepQuoteCursorVisible()
            clampReaderScroll()
        case .listLoaded(let query, let offset, let rows):
            guard query == state.query else { return }
            state.list.offset = offset
            state.list.rows = rows
            for row in rows { state.marks[row.id] = Marks(read: !row.unread, starred: row.starred) }
            if state.list.pending == offset { state.list.pending = nil }
            clampListCursor()
            ensureListWindow()
        case .listCounted(let query, let total):
            guard query == state.query else { return }
            state.list.total = total
            clampListCursor()
            ensureListWindow()
        case .libraryCounted(let total):
            state.libraryTotal = total
        case .articleLoaded(let article, let paragraph, let scroll, let reload):
            // A reload that arrives after another article was opened is stale.
            if reload && state.open?.article.id != article.id { return }
            if !reload { state.opening = nil }
            // Keep what is known of its neighbours when the same article is reloaded.
            let related = state.open?.article.id == article.id ? state.open?.related : nil
            let open = OpenArticle(article: article, related: related ?? RelatedStories(id: article.id),
                                   relatedLoaded: related != nil)
            state.open = open
            state.sidebarCursor = 0
            state.readerTarget = paragraph.map(ReaderTarget.paragraph) ?? scroll.map(ReaderTarget.line)
            scrollToTarget()
            // Only opening an article reads it (and brings the list to it); a reload keeps
            // whatever mark it has and leaves the list where it is.
            if !reload {
                setMarks([article.id], read: true, starred: nil)
                followOpenInList()
            }
        case .relatedLoaded(let related):
            guard state.open?.article.id == related.id else { return }
            state.open?.related = related
            state.open?.relatedLoaded = true
            scrollToTarget()
            state.readerTarget = nil
            if let number = state.pendingRelated, state.opening == nil {
                state.pendingRelated = nil
                openRelated(number)
            }
        case .articleMissing(let id):
            if state.opening == id { state.opening = nil }
            show("That article is no longer in the library (\(id))", error: true)
        case .tagsLoaded(let query, let tags):
            guard query == state.query else { return }
            state.filterTags = tags
            state.filterTagsFor = query
        case .quotesCounted(let query, let speaker, let total):
            guard query == state.query, speaker == state.speaker else { return }
            state.quotes.total = total
            state.quotes.cursor = min(state.quotes.cursor, max(0, total - 1))
            keepQuoteCursorVisible()
            ensureQuoteWindow()
        case .quotesLoaded(let query, let speaker, let offset, let rows):
            guard query == state.query, speaker == state.speaker else { return }
            state.quotes.offset = offset
            state.quotes.rows = rows
            if state.quotes.pending == offset { state.quotes.pending = nil }
            state.quotesLoadedFor = QuoteSource(query: query, speaker: speaker)
            state.quotes.cursor = min(state.quotes.cursor, max(0, state.quotes.count - 1))
            ensureQuoteWindow()
        case .unreadFound(let query, let position, let summary):
            guard query == state.query else { return }
            state.list.cursor = position
            keepListCursorVisible()
            ensureListWindow()
            open(summary.id)
        case .noUnread:
            show("No unread articles below this one")
        case .failed(let message):
            show(message, error: true)
        case .notice(let text):
            show(text)
        case .progress(let text):
            state.progress = text
        case .libraryChanged:
            reloadFilter(keepingPosition: true)
            effects.append(.countLibrary)
            if let id = state.open?.article.id {
                effects.append(.loadArticle(id, paragraph: nil, scroll: state.readerScroll, reload: true))
                effects.append(.loadRelated(id, reload: true))
            }
        }
    }

    mutating func handle(_ key: Key) {
        if layout.tooSmall {
            // Nothing is on screen to act on, so no key may change what is behind the
            // "too small" message; quitting still works.
            if key == .character("q") || key == .control("c") { quit() }
            return
        }
        if state.showHelp {
            // Any key closes the help; Ctrl-C still quits.
            state.showHelp = false
            if key == .control("c") { quit() }
            return
        }
        if state.prompt != nil {
            handlePromptKey(key)
            return
        }
        state.message = nil
        state.messageIsError = false
        if state.showQuotes {
            handleQuoteKey(key)
        } else {
            handleBrowseKey(key)
        }
    }

    mutating func quit() {
        state.quitting = true
        effects.append(.quit)
    }

    mutating func show(_ message: String, error: Bool = false) {
        state.message = message
        state.messageIsError = error
    }

    // MARK: Layout-derived sizes

    var layout: Layout { Layout(state) }

    var listPage: Int { Layout.contentHeight(layout.list ?? layout.main) }

    /// The reading pane's rect, even when the layout shows another pane in its place, so
    /// scrolling can be computed before it is shown.
    var readerRect: Rect? {
        let wide = state.size.width >= Layout.threePaneWidth
        return Layout(size: state.size, focus: .reader,
                      sidebarToggled: wide && state.sidebarToggled).reader
    }

    var readerWidth: Int { max(1, (readerRect?.width ?? state.size.width) - 2) }
    var readerPage: Int { Layout.contentHeight(readerRect) }

    // MARK: Marks

    /// Records read/starred marks: in the list rows on hand and for the open article, and
    /// asks the library to save them.
    mutating func setMarks(_ ids: [ArticleID], read: Bool?, starred: Bool?) {
        for id in ids {
            var mark = state.marks[id] ?? Marks(read: false, starred: false)
            if let read { mark.read = read }
            if let starred { mark.starred = starred }
            state.marks[id] = mark
        }
        for index in state.list.rows.indices where ids.contains(state.list.rows[index].id) {
            if let read { state.list.rows[index].unread = !read }
            if let starred { state.list.rows[index].starred = starred }
        }
        if let read { effects.append(.setRead(ids, read)) }
        if let starred { effects.append(.setStarred(ids, starred)) }
    }
}
