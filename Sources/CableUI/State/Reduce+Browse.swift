import CableCore
import Foundation

extension Reducer {
    mutating func handleBrowseKey(_ key: Key) {
        guard let command = Keymap.command(for: key, in: Keymap.browse) else { return }
        switch command {
        case .down: move(by: 1)
        case .up: move(by: -1)
        case .top: move(by: -Int.max / 2)
        case .bottom: move(by: Int.max / 2)
        case .pageDown, .pageUp:
            let down = command == .pageDown
            if state.open == nil || (layout.reader == nil && state.focus == .list) {
                // No reading pane on screen: page what is.
                moveListCursor(by: down ? listPage : -listPage)
            } else {
                scrollReader(by: (down ? 1 : -1) * max(1, readerPage - 1))
            }
        case .listPageDown: moveListCursor(by: listPage)
        case .listPageUp: moveListCursor(by: -listPage)
        case .focusNext: cycleFocus(by: 1)
        case .focusPrevious: cycleFocus(by: -1)
        case .toggleSidebar: toggleSidebar()
        case .open: activate()
        case .openRelated(let number): openRelated(number)
        case .back: goBack()
        case .forward: goForward()
        case .nextUnread: nextUnread()
        case .tagFilter:
            state.prompt = .tag(TagPrompt())
            if state.filterTagsFor != state.query { effects.append(.loadTags(state.query)) }
        case .clearTags:
            guard !state.tags.isEmpty else { return }
            state.tags = []
            reloadFilter()
        case .search:
            state.prompt = .search(SearchPrompt(input: state.search, previous: state.search))
        case .clearSearch:
            guard !state.search.isEmpty else { return }
            state.search = ""
            state.searchQuery = .all
            reloadFilter()
        case .toggleRead: toggleMark(read: true)
        case .toggleStar: toggleMark(read: false)
        case .quotes: openQuoteView()
        case .help: state.showHelp = true
        case .quit: quit()
        case .dismiss, .speakerFilter: break
        }
    }

    mutating func cycleFocus(by step: Int) {
        var panes = Pane.allCases
        // With the sidebar hidden on a wide screen, Tab still reaches it (it takes the
        // reading pane's place while focused).
        if state.open == nil { panes.removeAll { $0 == .reader } }
        let index = panes.firstIndex(of: state.focus) ?? 0
        focus(panes[(index + step + panes.count) % panes.count])
    }

    mutating func move(by step: Int) {
        switch state.focus {
        case .list: moveListCursor(by: step)
        case .reader: scrollReader(by: step)
        case .sidebar:
            let count = SidebarModel(state).selectable.count
            guard count > 0 else { return }
            state.sidebarCursor = max(0, min(count - 1, state.sidebarCursor.addingClamped(step)))
        }
    }

    // MARK: The list window

    mutating func moveListCursor(by step: Int) {
        guard state.list.count > 0 else { return }
        state.list.moveCursor(by: step)
        keepListCursorVisible()
        ensureListWindow()
    }

    mutating func clampListCursor() {
        state.list.cursor = max(0, min(state.list.cursor, state.list.count - 1))
        keepListCursorVisible()
    }

    mutating func keepListCursorVisible() { state.list.keepCursorVisible(page: listPage) }

    /// How many rows to keep in memory around the screen: three screens.
    var listWindowSize: Int { max(60, listPage * 3) }

    /// Asks for the window around the visible rows when they are not all on hand.
    mutating func ensureListWindow() {
        guard let offset = state.list.offsetToLoad(page: listPage, size: listWindowSize) else { return }
        effects.append(.loadList(state.query, offset: offset, limit: listWindowSize))
    }

    /// The filter changed: start the list over, and fetch its tags (and quotes if shown).
    /// When the library changed underneath instead, the cursor stays where it was.
    mutating func reloadFilter(keepingPosition: Bool = false) {
        let (cursor, top) = (state.list.cursor, state.list.top)
        state.list = Window()
        var offset = 0
        if keepingPosition {
            state.list.cursor = cursor
            state.list.top = top
            offset = max(0, top - listPage)
        }
        state.list.pending = offset
        state.filterTags = []
        state.filterTagsFor = nil
        // The first rows first: the count and the tag counts can take longer.
        effects.append(.loadList(state.query, offset: offset, limit: listWindowSize))
        effects.append(.countList(state.query))
        effects.append(.loadTags(state.query))
        state.quotes = Window()
        state.quotesLoadedFor = nil
        if state.showQuotes { loadQuotes() }
    }

    // MARK: The reading pane

    /// The open article at the reading pane's width: the one kept in the state while it
    /// still fits, else laid out once and kept.
    mutating func readerDocument() -> ReaderDocument? {
        guard let open = state.open else {
            state.readerLayout = nil
            return nil
        }
        let width = readerWidth
        if let layout = state.readerLayout, layout.fits(open, width: width) { return layout.document }
        let layout = ReaderLayout(open, width: width)
        state.readerLayout = layout
        return layout.document
    }

    mutating func readerLineCount() -> Int { readerDocument()?.lines.count ?? 0 }

    /// Scrolls to where the reading pane was asked to go (or the top).
    mutating func scrollToTarget() {
        switch state.readerTarget {
        case .paragraph(let paragraph):
            guard let starts = readerDocument()?.paragraphStarts else { return }
            state.readerScroll = starts.indices.contains(paragraph) ? starts[paragraph] : 0
        case .line(let line):
            state.readerScroll = line
        case nil:
            state.readerScroll = 0
        }
        clampReaderScroll()
    }

    mutating func scrollReader(by step: Int) {
        guard state.open != nil else { return }
        // Once the user scrolls, an earlier target no longer applies.
        state.readerTarget = nil
        state.readerScroll = state.readerScroll.addingClamped(step)
        clampReaderScroll()
    }

    mutating func clampReaderScroll() {
        let maximum = max(0, readerLineCount() - readerPage)
        state.readerScroll = max(0, min(state.readerScroll, maximum))
    }

    // MARK: Opening and history

    /// Where the reading pane is not on screen (one pane, or the sidebar in its place), the
    /// article being opened brings it there.
    mutating func revealReader() {
        if layout.reader == nil { focus(.reader) }
    }

    /// Opens an article, remembering the current one for `[`.
    mutating func open(_ id: ArticleID, paragraph: Int? = nil) {
        state.pendingRelated = nil
        revealReader()
        if let current = state.open?.article.id {
            if current == id && paragraph == nil {
                // Already open: nothing to load, but Enter still reads it (after `r` marked
                // it unread, say).
                if state.marks[id]?.read == false { setMarks([id], read: true, starred: nil) }
                return
            }
            if current != id {
                state.history.back.append(History.Entry(id: current, scroll: state.readerScroll))
                state.history.forward = []
            }
        }
        state.opening = id
        effects.append(.loadArticle(id, paragraph: paragraph, scroll: nil))
        effects.append(.loadRelated(id))
    }

    mutating func goBack() { travel(from: \.back, to: \.forward, nothingThere: "No earlier article") }

    mutating func goForward() { travel(from: \.forward, to: \.back, nothingThere: "No later article") }

    /// `[` and `]`: reopen the last article of one history list at its old scroll, keeping
    /// the current one in the other.
    mutating func travel(from source: WritableKeyPath<History, [History.Entry]>,
                         to destination: WritableKeyPath<History, [History.Entry]>, nothingThere: String) {
        guard let entry = state.history[keyPath: source].popLast() else {
            show(nothingThere)
            return
        }
        if let current = state.open?.article.id {
            state.history[keyPath: destination].append(History.Entry(id: current, scroll: state.readerScroll))
        }
        revealReader()
        state.pendingRelated = nil
        state.opening = entry.id
        effects.append(.loadArticle(entry.id, paragraph: nil, scroll: entry.scroll))
        effects.append(.loadRelated(entry.id))
    }

    /// Enter: what it does depends on the pane.
    mutating func activate() {
        switch state.focus {
        case .list:
            guard let row = state.list.selected else { return }
            open(row.id)
        case .reader:
            break
        case .sidebar:
            let items = SidebarModel(state).selectable
            guard items.indices.contains(state.sidebarCursor) else { return }
            switch items[state.sidebarCursor] {
            case .link(let number, let link):
                openLink(number: number, link)
            case .article(let ref):
                open(ref.id)
            case .tag(let tag):
                addTag(tag)
            }
        }
    }

    mutating func openRelated(_ number: Int) {
        if state.opening != nil {
            // Typed ahead of the article: meant for the one on its way.
            state.pendingRelated = number
            return
        }
        guard let open = state.open else {
            show("Open an article first: 1-9 open its related headlines")
            return
        }
        guard open.relatedLoaded else {
            // Typed ahead of the library: open it when the related stories arrive.
            state.pendingRelated = number
            return
        }
        let related = open.related
        guard related.explicit.indices.contains(number - 1) else {
            show("This article has \(related.explicit.count) related headline\(related.explicit.count == 1 ? "" : "s")")
            return
        }
        openLink(number: number, related.explicit[number - 1])
    }

    mutating func openLink(number: Int, _ link: ExplicitLink) {
        guard let match = link.match else {
            show("[\(number)] is not in the library: \(link.headline)")
            return
        }
        open(match.id)
    }

    mutating func nextUnread() {
        // After the article being read, not wherever the cursor was left.
        let from = openPositionInList ?? state.list.cursor
        let start = from + 1
        for position in start..<max(start, state.list.offset + state.list.rows.count) {
            if let row = state.list.row(at: position), row.unread {
                state.list.cursor = position
                keepListCursorVisible()
                ensureListWindow()
                open(row.id)
                return
            }
        }
        let end = state.list.offset + state.list.rows.count
        if let total = state.list.total, end >= total {
            show("No unread articles below this one")
            return
        }
        effects.append(.findUnread(state.query, after: max(from, end - 1)))
    }

    mutating func toggleMark(read: Bool) {
        let id: ArticleID?
        if state.focus == .list {
            id = state.list.selected?.id
        } else {
            id = state.open?.article.id
        }
        guard let id else { return }
        let current = state.marks[id] ?? Marks(read: false, starred: false)
        if read {
            setMarks([id], read: !current.read, starred: nil)
            show(current.read ? "Marked unread" : "Marked read")
        } else {
            setMarks([id], read: nil, starred: !current.starred)
            show(current.starred ? "Unstarred" : "Starred")
        }
    }

    mutating func addTag(_ tag: String) {
        guard !state.tags.contains(where: { $0.caseInsensitiveCompare(tag) == .orderedSame }) else {
            show("Already filtering by \(tag)")
            return
        }
        state.tags.append(tag)
        state.focus = .list
        reloadFilter()
    }
}

extension Int {
    /// Addition that saturates instead of trapping (moves by ±Int.max/2 mean "to the end").
    func addingClamped(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? Int.max : Int.min) : sum
    }
}
