import CableCore

/// The one place the state changes: the next state and the effects to run, from the current
/// state and an action. Pure: no I/O, no clock, no globals.
public func reduce(_ state: AppState, _ action: Action) -> (AppState, [Effect]) {
    var reducer = Reducer(state: state)
    reducer.apply(action)
    // Lay out the open article now if the action changed it, its width, its related stories
    // or the search, so drawing and the next keys use the same layout.
    _ = reducer.readerDocument()
    return (reducer.state, reducer.effects)
}

/// The state to start from and the start-up effects: the first list window, the library
/// size, the filter's tags, and the article the selection rests on (or the one restored
/// from the last session).
public func start(_ state: AppState) -> (AppState, [Effect]) {
    var reducer = Reducer(state: state)
    reducer.start()
    return (reducer.state, reducer.effects)
}

struct Reducer {
    var state: AppState
    var effects: [Effect] = []

    mutating func start() {
        reloadFilter(keepingPosition: state.browse.list.cursor > 0)
        effects.append(.countLibrary)
        if let open = state.reader.opening {
            effects.append(.loadArticle(open, .restore(scroll: state.reader.scroll)))
            effects.append(.loadRelated(open))
            state.browse.previewPending = false
        }
    }

    mutating func apply(_ action: Action) {
        switch action {
        case .key(let key): handle(key)
        case .text(let text): handleText(text)
        case .resize(let size):
            state.size = size
            keepListCursorVisible()
            keepQuoteCursorVisible()
            keepStoryCursorVisible()
            clampReaderScroll()
        case .browse(let action): apply(action)
        case .reader(let action): apply(action)
        case .quotes(let action): apply(action)
        case .story(let action): apply(action)
        case .library(let event): apply(event)
        case .timer(let timer): fired(timer)
        }
    }

    mutating func apply(_ event: LibraryEvent) {
        switch event {
        case .changed: refresh(articles: true)
        case .marksChanged: refresh(articles: false)
        case .progress(let text): state.status.progress = text
        case .fetchProgress(let text): state.status.fetching = text
        case .fetchFinished(let text, let failed):
            state.status.fetching = nil
            state.status.fetchOutcome = text
            state.status.fetchFailed = failed
        case .notice(let text): show(text)
        case .failed(let text): show(text, error: true)
        case .indexDamaged:
            state.indexDamaged = true
            show(AppState.indexDamagedMessage, error: true)
        }
    }

    mutating func handle(_ key: Key) {
        let keymap = state.settings.keymap
        if layout.tooSmall {
            // Nothing is on screen to act on, so no key may change what is behind the
            // "too small" message; quitting still works.
            if keymap.command(for: key, in: .browse) == .quit { quit() }
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
        state.status.message = nil
        state.status.isError = false
        state.status.fetchOutcome = nil
        guard let command = keymap.command(for: key, in: state.view.keyContext) else {
            // 1-9 (unless bound to something else) open the related headlines.
            if state.view == .panes, case .character(let c) = key, let number = c.wholeNumberValue,
               (1...9).contains(number) {
                openRelated(number)
            }
            return
        }
        switch state.view {
        case .panes: handleBrowse(command)
        case .quotes: handleQuotes(command)
        case .story: handleStory(command)
        }
    }

    /// Commands every screen shares.
    mutating func handleCommon(_ command: Command) {
        switch command {
        case .help: state.showHelp = true
        case .suspend: effects.append(.suspend)
        case .quit: quit()
        default: break
        }
    }

    mutating func quit() {
        state.quitting = true
        effects.append(.quit)
    }

    mutating func show(_ message: String, error: Bool = false) {
        state.status.message = message
        state.status.isError = error
    }

    mutating func fired(_ timer: TimerID) {
        switch timer {
        case .previewRead(let id):
            // Only if the preview is still what is on screen, and still unread.
            guard state.reader.open?.article.id == id, state.browse.marks[id]?.read == false else { return }
            setMarks([id], read: true, starred: nil)
        }
    }

    // MARK: Layout-derived sizes

    var layout: Layout { Layout(state) }

    var listPage: Int { Layout.contentHeight(layout.list ?? layout.main) }

    /// The reading pane's rect, even when the layout shows another pane in its place, so
    /// scrolling can be computed before it is shown.
    var readerRect: Rect? {
        let wide = state.size.width >= Layout.threePaneWidth
        return Layout(size: state.size, focus: .reader, sidebarToggled: wide && state.sidebarToggled,
                      listWidth: state.settings.listWidth).reader
    }

    var readerWidth: Int { max(1, (readerRect?.width ?? state.size.width) - 2) }
    var readerPage: Int { Layout.contentHeight(readerRect) }

    // MARK: Marks and undo

    /// Records read/starred marks: in the list rows on hand and for the open article, and
    /// asks the library to save them.
    mutating func setMarks(_ ids: [ArticleID], read: Bool?, starred: Bool?) {
        for id in ids {
            var mark = state.browse.marks[id] ?? Marks(read: false, starred: false)
            if let read { mark.read = read }
            if let starred { mark.starred = starred }
            state.browse.marks[id] = mark
        }
        let changed = Set(ids)
        for index in state.browse.list.rows.indices where changed.contains(state.browse.list.rows[index].id) {
            if let read { state.browse.list.rows[index].unread = !read }
            if let starred { state.browse.list.rows[index].starred = starred }
        }
        if let read { effects.append(.setRead(ids, read)) }
        if let starred { effects.append(.setStarred(ids, starred)) }
    }

    /// How many changes `u` can take back.
    static let undoDepth = 20

    mutating func remember(_ description: String, undo: [Effect]) {
        state.undo.append(UndoEntry(description: description, effects: undo))
        if state.undo.count > Self.undoDepth { state.undo.removeFirst() }
    }

    mutating func undoLast() {
        guard let entry = state.undo.popLast() else {
            show("Nothing to undo")
            return
        }
        for effect in entry.effects {
            switch effect {
            case .setRead(let ids, let read): setMarks(ids, read: read, starred: nil)
            case .setStarred(let ids, let starred): setMarks(ids, read: nil, starred: starred)
            default: effects.append(effect)
            }
        }
        show("Undone: \(entry.description)")
        refresh(articles: false)
    }
}
