import CableCore

extension Reducer {
    /// Each quote takes four rows: up to two of text, one saying who and where, and at
    /// least one blank row separating it from the next.
    static let quoteRows = 4

    /// How many entries fit in `height` rows: the last needs no blank row below it.
    static func quotesFitting(_ height: Int) -> Int { max(0, (height + 1) / quoteRows) }

    var quotePage: Int { max(1, Self.quotesFitting(Layout.contentHeight(layout.main))) }
    var quoteWindowSize: Int { max(30, quotePage * 3) }
    var quoteSource: QuoteSource { QuoteSource(query: state.browse.query, speaker: state.quotes.speaker) }

    mutating func apply(_ action: QuotesAction) {
        switch action {
        case .quotesCounted(let source, let total):
            guard source == quoteSource else { return }
            state.quotes.list.total = total
            state.quotes.list.cursor = min(state.quotes.list.cursor, max(0, total - 1))
            keepQuoteCursorVisible()
            ensureQuoteWindow()
        case .quotesLoaded(let source, let offset, let rows):
            guard source == quoteSource else { return }
            state.quotes.list.offset = offset
            state.quotes.list.rows = rows
            if state.quotes.list.pending == offset { state.quotes.list.pending = nil }
            state.quotes.loadedFor = source
            state.quotes.list.cursor = min(state.quotes.list.cursor, max(0, state.quotes.list.count - 1))
            ensureQuoteWindow()
        }
    }

    mutating func openQuoteView() {
        state.view = .quotes
        if state.quotes.loadedFor != quoteSource { resetQuotes() }
    }

    mutating func resetQuotes() {
        state.quotes.list = Window()
        state.quotes.loadedFor = nil
        loadQuotes()
    }

    mutating func loadQuotes() {
        state.quotes.list.pending = state.quotes.list.offset
        effects.append(.loadQuotes(state.browse.query, speaker: state.quotes.speaker,
                                   offset: state.quotes.list.offset, limit: quoteWindowSize))
        effects.append(.countQuotes(state.browse.query, speaker: state.quotes.speaker))
    }

    mutating func handleQuotes(_ command: Command) {
        switch command {
        case .down: moveQuoteCursor(by: 1)
        case .up: moveQuoteCursor(by: -1)
        case .top: moveQuoteCursor(by: -Int.max / 2)
        case .bottom: moveQuoteCursor(by: Int.max / 2)
        case .pageDown: moveQuoteCursor(by: quotePage)
        case .pageUp: moveQuoteCursor(by: -quotePage)
        case .open:
            guard let hit = state.quotes.list.selected else { return }
            state.view = .panes
            focus(.reader)
            open(hit.id, paragraph: hit.paragraph)
        case .speakerFilter:
            let speaker = state.quotes.speaker
            state.prompt = .speaker(SpeakerPrompt(input: speaker, previous: speaker))
        case .close, .quotes:
            state.view = .panes
        default: handleCommon(command)
        }
    }

    mutating func moveQuoteCursor(by step: Int) {
        guard state.quotes.list.count > 0 else { return }
        state.quotes.list.moveCursor(by: step)
        keepQuoteCursorVisible()
        ensureQuoteWindow()
    }

    mutating func keepQuoteCursorVisible() { state.quotes.list.keepCursorVisible(page: quotePage) }

    mutating func ensureQuoteWindow() {
        guard let offset = state.quotes.list.offsetToLoad(page: quotePage, size: quoteWindowSize) else { return }
        effects.append(.loadQuotes(state.browse.query, speaker: state.quotes.speaker, offset: offset,
                                   limit: quoteWindowSize))
    }
}
