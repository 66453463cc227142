import CableCore
import Foundation

extension Reducer {
    mutating func apply(_ action: BrowseAction) {
        switch action {
        case .listLoaded(let source, let offset, let rows):
            guard source == state.browse.source else { return }
            state.browse.list.offset = offset
            state.browse.list.rows = rows
            for row in rows { state.browse.marks[row.id] = Marks(read: !row.unread, starred: row.starred) }
            if state.browse.list.pending == offset { state.browse.list.pending = nil }
            if let kept = state.browse.keepSelection {
                state.browse.keepSelection = nil
                if let index = rows.firstIndex(where: { $0.id == kept }) {
                    state.browse.list.cursor = offset + index
                } else if state.reader.open?.isPreview ?? true {
                    // Moved out of reach (a sync adding many newer articles) or gone: the
                    // pane shows what is now selected, as a preview would.
                    state.browse.previewPending = true
                }
            }
            clampListCursor()
            ensureListWindow()
            previewIfPending()
        case .listCounted(let query, let total):
            guard query == state.browse.query else { return }
            state.browse.list.total = total
            // Nothing to preview: a number typed for the first article has nothing to open.
            if total == 0 && state.browse.previewPending { state.reader.pendingRelated = nil }
            clampListCursor()
            ensureListWindow()
            previewIfPending()
        case .unreadCounted(let query, let unread):
            guard query == state.browse.query else { return }
            state.browse.unread = unread
            state.browse.unreadFor = query
        case .libraryCounted(let total):
            state.browse.libraryTotal = total
        case .tagsLoaded(let query, let tags):
            guard query == state.browse.query else { return }
            state.browse.filterTags = tags
            state.browse.filterTagsFor = query
        case .allTagsLoaded(let tags):
            state.browse.allTags = tags
        case .unreadFound(let source, let position, let summary, let wrapped):
            guard source == state.browse.source else { return }
            state.browse.list.cursor = position
            keepListCursorVisible()
            ensureListWindow()
            open(summary.id)
            if wrapped { show("Wrapped to the top: no unread articles below") }
        case .noUnread:
            show("No unread articles in this list")
        case .markedAllRead(let query, let ids):
            for id in ids { state.browse.marks[id]?.read = true }
            guard !ids.isEmpty else {
                show("Nothing unread here")
                return
            }
            let count = "\(NumberText.grouped(ids.count)) article\(ids.count == 1 ? "" : "s")"
            remember("marking \(count) read", undo: [.setRead(ids, false)])
            let undoKey = state.settings.keymap.keys(for: .undo).first.map { " (\($0.label) undoes)" } ?? ""
            show("Marked \(count) read\(undoKey)")
            if query == state.browse.query { refresh(articles: false) }
        }
    }

    mutating func handleBrowse(_ command: Command) {
        switch command {
        case .down: move(by: 1)
        case .up: move(by: -1)
        case .top: move(by: -Int.max / 2)
        case .bottom: move(by: Int.max / 2)
        case .pageDown, .pageUp:
            let down = command == .pageDown
            if state.reader.open == nil || (layout.reader == nil && state.focus == .list) {
                // No reading pane on screen: page what is.
                moveListCursor(by: down ? listPage : -listPage)
            } else {
                scrollReader(by: (down ? 1 : -1) * max(1, readerPage - 1))
            }
        case .listPageDown: moveListCursor(by: listPage)
        case .listPageUp: moveListCursor(by: -listPage)
        case .nextPane: cycleFocus(by: 1)
        case .previousPane: cycleFocus(by: -1)
        case .toggleSidebar: toggleSidebar()
        case .open: activate()
        case .back: goBack()
        case .forward: goForward()
        case .nextUnread: nextUnread()
        case .nextMatch: jumpToMatch(by: 1)
        case .previousMatch: jumpToMatch(by: -1)
        case .tagFilter: openTagFilterPrompt()
        case .clearTags:
            guard !state.browse.tags.isEmpty else { return }
            state.browse.tags = []
            reloadFilter()
        case .search: openSearchPrompt()
        case .clearSearch:
            guard !state.browse.search.isEmpty else { return }
            applySearch("")
        case .savedSearches: openSavedSearchPrompt()
        case .sort:
            state.browse.order = state.browse.order.next
            show("Sorted \(state.browse.order.label)")
            reloadFilter()
        case .toggleRead: toggleMark(read: true)
        case .toggleStar: toggleMark(read: false)
        case .markAllRead:
            guard state.browse.list.count > 0 else { return }
            effects.append(.markAllRead(state.browse.query))
        case .undo: undoLast()
        case .addTag, .removeTag: openUserTagPrompt(adding: command == .addTag)
        case .story: openStory()
        case .quotes: openQuoteView()
        case .fetchFeeds: fetchFeeds()
        case .cancel:
            if state.focus != .list { focus(.list) }
        default: handleCommon(command)
        }
    }

    /// One fetch at a time: while one runs, the key says so.
    mutating func fetchFeeds() {
        guard state.status.fetching == nil else { return show("Already fetching feeds") }
        state.status.fetching = "Fetching feeds…"
        effects.append(.fetchFeeds)
    }

    mutating func move(by step: Int) {
        switch state.focus {
        case .list: moveListCursor(by: step)
        case .reader: scrollReader(by: step)
        case .sidebar:
            let count = SidebarModel(state).selectable.count
            guard count > 0 else { return }
            state.reader.sidebarCursor = max(0, min(count - 1, state.reader.sidebarCursor.addingClamped(step)))
        }
    }

    // MARK: The list window

    /// Moves the selection; the reading pane follows it.
    mutating func moveListCursor(by step: Int) {
        guard state.browse.list.count > 0 else { return }
        let before = state.browse.list.cursor
        state.browse.list.moveCursor(by: step)
        keepListCursorVisible()
        ensureListWindow()
        if state.browse.list.cursor != before || state.reader.open == nil {
            // A number typed for the article selected before is not meant for this one.
            state.reader.pendingRelated = nil
            state.browse.previewPending = true
            previewIfPending()
        }
    }

    mutating func clampListCursor() {
        state.browse.list.cursor = max(0, min(state.browse.list.cursor, state.browse.list.count - 1))
        keepListCursorVisible()
    }

    mutating func keepListCursorVisible() { state.browse.list.keepCursorVisible(page: listPage) }

    /// How many rows to keep in memory around the screen: three screens.
    var listWindowSize: Int { max(60, listPage * 3) }

    /// Asks for the window around the visible rows when they are not all on hand.
    mutating func ensureListWindow() {
        guard let offset = state.browse.list.offsetToLoad(page: listPage, size: listWindowSize) else { return }
        effects.append(.loadList(state.browse.source, offset: offset, limit: listWindowSize))
    }

    /// The filter or order changed: start the list over (the reading pane then shows its
    /// first article), and fetch its counts and tags (and quotes if shown).
    mutating func reloadFilter(keepingPosition: Bool = false) {
        let (cursor, top) = (state.browse.list.cursor, state.browse.list.top)
        state.browse.list = Window()
        var offset = 0
        if keepingPosition {
            state.browse.list.cursor = cursor
            state.browse.list.top = top
            offset = max(0, top - listPage)
        }
        state.browse.list.pending = offset
        state.browse.filterTags = []
        state.browse.filterTagsFor = nil
        state.browse.unread = nil
        state.browse.previewPending = !keepingPosition || state.reader.open == nil
        // The first rows first: the counts and the tag counts can take longer.
        let query = state.browse.query
        effects.append(.loadList(state.browse.source, offset: offset, limit: listWindowSize))
        effects.append(.countList(query))
        effects.append(.countUnread(query))
        effects.append(.loadTags(query))
        state.quotes.list = Window()
        state.quotes.loadedFor = nil
        if state.view == .quotes { loadQuotes() }
    }

    /// The library changed underneath: load what is shown again, keeping the rows on screen
    /// until the new ones come and the selection on its article. `articles`: articles came or
    /// went (tags and related stories may have changed too), else only marks did.
    mutating func refresh(articles: Bool) {
        let browse = state.browse
        let query = browse.query
        state.browse.keepSelection = browse.list.selected?.id
        state.browse.list.pending = browse.list.offset
        effects.append(.loadList(browse.source, offset: browse.list.offset, limit: listWindowSize))
        effects.append(.countList(query))
        effects.append(.countUnread(query))
        if let id = state.reader.open?.article.id {
            effects.append(.loadArticle(id, .reload(scroll: state.reader.scroll)))
            if articles { effects.append(.loadRelated(id, reload: true)) }
        }
        if articles {
            effects.append(.countLibrary)
            effects.append(.loadTags(query))
            if state.browse.allTags != nil { effects.append(.loadAllTags) }
            if let seed = state.story.seed, state.view == .story { effects.append(.loadStory(seed)) }
        }
        if state.view == .quotes { loadQuotes() }
    }

    // MARK: Next unread

    /// `n`: the selected article when it is unread and not yet open, else the next unread
    /// one below, else the first from the top.
    mutating func nextUnread() {
        let list = state.browse.list
        if let row = list.selected, row.unread, state.reader.open?.article.id != row.id || state.reader.open?.isPreview == true {
            open(row.id)
            return
        }
        let from = list.cursor
        for position in (from + 1)..<max(from + 1, list.end) {
            if let row = list.row(at: position), row.unread {
                state.browse.list.cursor = position
                keepListCursorVisible()
                ensureListWindow()
                open(row.id)
                return
            }
        }
        effects.append(.findUnread(state.browse.source, after: max(from, list.end - 1)))
    }

    // MARK: Marks

    /// The article a mark or tag key is about: the selected row in the list, else the open one.
    var markTarget: (id: ArticleID, title: String)? {
        if state.focus == .list, let row = state.browse.list.selected { return (row.id, row.title) }
        return state.reader.open.map { ($0.article.id, $0.article.title) }
    }

    mutating func toggleMark(read: Bool) {
        guard let id = markTarget?.id else { return }
        let current = state.browse.marks[id] ?? Marks(read: false, starred: false)
        if read {
            setMarks([id], read: !current.read, starred: nil)
            remember(current.read ? "marking unread" : "marking read", undo: [.setRead([id], current.read)])
            show(current.read ? "Marked unread" : "Marked read")
        } else {
            setMarks([id], read: nil, starred: !current.starred)
            remember(current.starred ? "unstarring" : "starring", undo: [.setStarred([id], current.starred)])
            show(current.starred ? "Unstarred" : "Starred")
        }
    }

    mutating func addTagFilter(_ tag: String) {
        guard !state.browse.tags.contains(where: { $0.caseInsensitiveCompare(tag) == .orderedSame }) else {
            show("Already filtering by \(tag)")
            return
        }
        state.browse.tags.append(tag)
        state.focus = .list
        reloadFilter()
    }

    mutating func applySearch(_ text: String, parsed: Query? = nil) {
        let query = parsed ?? (try? Query.parse(text)) ?? .all
        guard text != state.browse.search || query != state.browse.searchQuery else { return }
        state.browse.search = text
        state.browse.searchQuery = query
        reloadFilter()
        // The article on screen shows where the new search matched it.
        if state.reader.open != nil {
            state.reader.match = nil
            state.reader.target = .firstMatch
            scrollToTarget()
        }
    }
}
