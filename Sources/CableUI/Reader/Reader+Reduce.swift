import CableCore

extension Reducer {
    mutating func apply(_ action: ReaderAction) {
        switch action {
        case .articleLoaded(let article, let marks, let load):
            articleLoaded(article, marks: marks, load)
        case .relatedLoaded(let related):
            guard state.reader.open?.article.id == related.id else { return }
            state.reader.open?.related = related
            state.reader.open?.relatedLoaded = true
            scrollToTarget()
            state.reader.target = nil
            if let number = state.reader.pendingRelated, state.reader.opening == nil {
                state.reader.pendingRelated = nil
                openRelated(number)
            }
        case .articleMissing(let id):
            if state.reader.opening == id { state.reader.opening = nil }
            if state.reader.open?.article.id == id { state.reader.open = nil }
            if state.reader.open == nil {
                // Gone from the library (its file removed, or the one the last session had
                // open): show what is selected instead.
                state.browse.previewPending = true
                previewIfPending()
                return
            }
            show("That article is no longer in the library (\(id))", error: true)
        case .userTagsChanged(_, let notes):
            if let note = notes.first { show(note, error: true) }
            // The list's rows and the article on screen show the tags as they now are.
            refresh(articles: false)
            effects.append(.loadTags(state.browse.query))
            if state.browse.allTags != nil { effects.append(.loadAllTags) }
        }
    }

    mutating func articleLoaded(_ article: Article, marks: ArticleMarks, _ load: ArticleLoad) {
        let current = state.reader.open
        switch load {
        case .reload:
            // A reload that arrives after another article was asked for is stale.
            guard current?.article.id == article.id else { return }
        case .preview:
            // A preview that arrives after the user opened something else is stale.
            guard state.reader.opening == article.id else { return }
            state.reader.opening = nil
        case .open, .restore:
            state.reader.opening = nil
        }
        state.browse.marks[article.id] = Marks(read: marks.read, starred: marks.starred)
        // Keep what is known of its neighbours when the same article is loaded again.
        let same = current?.article.id == article.id
        let related = same ? current?.related : nil
        let isPreview: Bool
        switch load {
        case .preview: isPreview = !same || current?.isPreview == true
        case .reload: isPreview = current?.isPreview ?? false
        case .open, .restore: isPreview = false
        }
        state.reader.open = OpenArticle(article: article, related: related ?? RelatedStories(id: article.id),
                                        relatedLoaded: related != nil, userTags: marks.tags,
                                        isPreview: isPreview)
        switch load {
        case .open(let paragraph, let scroll):
            state.reader.target = paragraph.map(ReaderTarget.paragraph) ?? scroll.map(ReaderTarget.line) ?? .firstMatch
        case .preview:
            state.reader.target = .firstMatch
        case .reload(let scroll), .restore(let scroll):
            state.reader.target = .line(scroll)
        }
        if !same { state.reader.sidebarCursor = 0 }
        // A reload keeps the match `>` and `<` went to; anything else starts at the first.
        if !load.isReload { state.reader.match = nil }
        scrollToTarget()
        switch load {
        case .open:
            // Opening an article reads it and brings the list to it.
            if !marks.read { setMarks([article.id], read: true, starred: nil) }
            followOpenInList()
        case .preview:
            guard !marks.read, let delay = state.settings.markReadDelay else { break }
            if delay <= 0 {
                setMarks([article.id], read: true, starred: nil)
            } else {
                effects.append(.startTimer(.previewRead(article.id), seconds: delay))
            }
        case .reload, .restore:
            break
        }
    }

    // MARK: The reading pane

    /// The open article at the reading pane's width: the one kept in the state while it
    /// still fits, else laid out once and kept.
    mutating func readerDocument() -> ReaderDocument? {
        guard let open = state.reader.open else {
            state.reader.layout = nil
            return nil
        }
        let width = readerWidth
        let terms = SearchTerms(state.browse.searchQuery)
        if let layout = state.reader.layout, layout.fits(open, width: width, terms: terms) { return layout.document }
        let layout = ReaderLayout(open, width: width, terms: terms)
        state.reader.layout = layout
        return layout.document
    }

    mutating func readerLineCount() -> Int { readerDocument()?.lines.count ?? 0 }

    /// Scrolls to where the reading pane was asked to go (or the top).
    mutating func scrollToTarget() {
        switch state.reader.target {
        case .paragraph(let paragraph):
            guard let starts = readerDocument()?.paragraphStarts else { return }
            state.reader.scroll = starts.indices.contains(paragraph) ? starts[paragraph] : 0
        case .line(let line):
            state.reader.scroll = line
        case .firstMatch:
            // Where the search matched, when that is below the first screen; else the top.
            let first = readerDocument()?.matchLines.first
            state.reader.scroll = first.map { $0 >= readerPage ? $0 - Self.matchContext : 0 } ?? 0
            if first != nil { state.reader.match = 0 }
        case nil:
            state.reader.scroll = 0
        }
        clampReaderScroll()
    }

    /// Lines shown above a match the pane scrolls to, so it is read in its context.
    static let matchContext = 2

    mutating func scrollReader(by step: Int) {
        guard state.reader.open != nil else { return }
        // Once the user scrolls, an earlier target no longer applies.
        state.reader.target = nil
        state.reader.scroll = state.reader.scroll.addingClamped(step)
        clampReaderScroll()
    }

    mutating func clampReaderScroll() {
        let maximum = max(0, readerLineCount() - readerPage)
        state.reader.scroll = max(0, min(state.reader.scroll, maximum))
    }

    /// `>` and `<`: the next or previous line with a search match, from the last one gone to
    /// (or from what is on screen).
    mutating func jumpToMatch(by step: Int) {
        guard let lines = readerDocument()?.matchLines, !lines.isEmpty else {
            show(state.browse.search.isEmpty ? "No search: / searches, and then > < go from match to match"
                                             : "No match of the search in this article")
            return
        }
        let index: Int
        if let current = state.reader.match, lines.indices.contains(current) {
            index = current + step
        } else if step > 0 {
            index = lines.firstIndex { $0 >= state.reader.scroll } ?? lines.count
        } else {
            index = (lines.lastIndex { $0 < state.reader.scroll + readerPage } ?? 0) - 1
        }
        guard lines.indices.contains(index) else {
            show(step > 0 ? "No more matches below" : "No more matches above")
            return
        }
        state.reader.match = index
        state.reader.target = nil
        state.reader.scroll = max(0, lines[index] - Self.matchContext)
        clampReaderScroll()
        if state.focus == .list && layout.reader == nil { focus(.reader) }
    }

    // MARK: Preview, opening and history

    /// The selection moved: show its article, once its row is on hand.
    mutating func previewIfPending() {
        guard state.browse.previewPending else { return }
        guard let row = state.browse.list.selected else { return }
        state.browse.previewPending = false
        guard state.reader.open?.article.id != row.id, state.reader.opening != row.id else {
            // Already on screen: a number typed for it can be opened now.
            if let number = state.reader.pendingRelated, state.reader.opening == nil {
                state.reader.pendingRelated = nil
                openRelated(number)
            }
            return
        }
        state.reader.opening = row.id
        effects.append(.loadArticle(row.id, .preview))
        effects.append(.loadRelated(row.id))
    }

    /// Where the reading pane is not on screen (one pane, or the sidebar in its place), the
    /// article being opened brings it there.
    mutating func revealReader() {
        if layout.reader == nil { focus(.reader) }
    }

    /// Opens an article (and moves the focus into it), remembering the current one for `[`.
    mutating func open(_ id: ArticleID, paragraph: Int? = nil) {
        state.reader.pendingRelated = nil
        if state.view == .panes { focus(.reader) }
        if let current = state.reader.open?.article.id {
            if current == id && paragraph == nil {
                // On screen already (a preview, say): nothing to load, but opening reads it.
                state.reader.open?.isPreview = false
                state.reader.opening = nil
                if state.browse.marks[id]?.read == false { setMarks([id], read: true, starred: nil) }
                return
            }
            if current != id {
                state.reader.history.back.append(History.Entry(id: current, scroll: state.reader.scroll))
                state.reader.history.forward = []
            }
        }
        state.reader.opening = id
        effects.append(.loadArticle(id, .open(paragraph: paragraph, scroll: nil)))
        effects.append(.loadRelated(id))
    }

    mutating func goBack() { travel(from: \.back, to: \.forward, nothingThere: "No earlier article") }

    mutating func goForward() { travel(from: \.forward, to: \.back, nothingThere: "No later article") }

    /// `[` and `]`: reopen the last article of one history list at its old scroll, keeping
    /// the current one in the other.
    mutating func travel(from source: WritableKeyPath<History, [History.Entry]>,
                         to destination: WritableKeyPath<History, [History.Entry]>, nothingThere: String) {
        guard let entry = state.reader.history[keyPath: source].popLast() else {
            show(nothingThere)
            return
        }
        if let current = state.reader.open?.article.id {
            state.reader.history[keyPath: destination].append(History.Entry(id: current, scroll: state.reader.scroll))
        }
        focus(.reader)
        state.reader.pendingRelated = nil
        state.reader.opening = entry.id
        effects.append(.loadArticle(entry.id, .open(paragraph: nil, scroll: entry.scroll)))
        effects.append(.loadRelated(entry.id))
    }

    /// Enter: what it does depends on the pane.
    mutating func activate() {
        switch state.focus {
        case .list:
            guard let row = state.browse.list.selected else { return }
            open(row.id)
        case .reader:
            break
        case .sidebar:
            let items = SidebarModel(state).selectable
            guard items.indices.contains(state.reader.sidebarCursor) else { return }
            switch items[state.reader.sidebarCursor] {
            case .link(let number, let link): openLink(number: number, link)
            case .article(let ref): open(ref.id)
            case .tag(let tag): addTagFilter(tag)
            case .search(let saved): applySavedSearch(saved)
            }
        }
    }

    mutating func openRelated(_ number: Int) {
        if state.reader.opening != nil || (state.browse.previewPending && state.focus == .list) {
            // Typed ahead of the article (or of the list whose first article the pane is
            // about to show, after a new filter): meant for the one on its way.
            state.reader.pendingRelated = number
            return
        }
        guard let open = state.reader.open else {
            show("Nothing selected: 1-9 open the related headlines of the article shown")
            return
        }
        guard open.relatedLoaded else {
            // Typed ahead of the library: open it when the related stories arrive.
            state.reader.pendingRelated = number
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

    /// Where the open article is in the list, when it is among the rows on hand.
    var openPositionInList: Int? {
        guard let id = state.reader.open?.article.id,
              let index = state.browse.list.rows.firstIndex(where: { $0.id == id }) else { return nil }
        return state.browse.list.offset + index
    }

    /// An article opened by a jump (1-9, history, the quote view, the sidebar) takes the list
    /// cursor along when it is in the rows on hand, so the list shows what is being read and
    /// `n` goes on from there.
    mutating func followOpenInList() {
        guard let position = openPositionInList, position != state.browse.list.cursor else { return }
        state.browse.list.cursor = position
        keepListCursorVisible()
        ensureListWindow()
    }
}
