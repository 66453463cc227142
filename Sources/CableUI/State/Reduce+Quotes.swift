import CableCore

extension Reducer {
    /// Each quote takes three rows: two of text and one saying who and where.
    static let quoteRows = 3

    var quotePage: Int { max(1, Layout.contentHeight(layout.main) / Self.quoteRows) }
    var quoteWindowSize: Int { max(30, quotePage * 3) }

    mutating func openQuoteView() {
        state.showQuotes = true
        if state.quotesLoadedFor != QuoteSource(query: state.query, speaker: state.speaker) {
            resetQuotes()
        }
    }

    mutating func resetQuotes() {
        state.quotes = Window()
        state.quotesLoadedFor = nil
        loadQuotes()
    }

    mutating func loadQuotes() {
        state.quotes.pending = 0
        effects.append(.loadQuotes(state.query, speaker: state.speaker, offset: 0, limit: quoteWindowSize))
        effects.append(.countQuotes(state.query, speaker: state.speaker))
    }

    mutating func handleQuoteKey(_ key: Key) {
        guard let command = Keymap.command(for: key, in: Keymap.quotes) else { return }
        switch command {
        case .down: moveQuoteCursor(by: 1)
        case .up: moveQuoteCursor(by: -1)
        case .top: moveQuoteCursor(by: -Int.max / 2)
        case .bottom: moveQuoteCursor(by: Int.max / 2)
        case .pageDown: moveQuoteCursor(by: quotePage)
        case .pageUp: moveQuoteCursor(by: -quotePage)
        case .open:
            guard let hit = state.quotes.selected else { return }
            state.showQuotes = false
            focus(.reader)
            open(hit.id, paragraph: hit.paragraph)
        case .speakerFilter:
            state.prompt = .speaker(SpeakerPrompt(input: state.speaker, previous: state.speaker))
        case .quotes:
            state.showQuotes = false
        case .help:
            state.showHelp = true
        case .quit:
            quit()
        default:
            break
        }
    }

    mutating func moveQuoteCursor(by step: Int) {
        guard state.quotes.count > 0 else { return }
        state.quotes.cursor = max(0, min(state.quotes.count - 1, state.quotes.cursor.addingClamped(step)))
        keepQuoteCursorVisible()
        ensureQuoteWindow()
    }

    mutating func keepQuoteCursorVisible() {
        let page = quotePage
        if state.quotes.cursor < state.quotes.top { state.quotes.top = state.quotes.cursor }
        if state.quotes.cursor >= state.quotes.top + page { state.quotes.top = state.quotes.cursor - page + 1 }
        state.quotes.top = max(0, min(state.quotes.top, state.quotes.count - page))
    }

    mutating func ensureQuoteWindow() {
        guard let total = state.quotes.total, total > 0 else { return }
        let page = quotePage
        let wantLow = max(0, state.quotes.top - page / 2)
        let wantHigh = min(total, state.quotes.top + page + page / 2)
        let haveLow = state.quotes.offset
        let haveHigh = state.quotes.offset + state.quotes.rows.count
        guard wantLow < haveLow || wantHigh > haveHigh else { return }
        let offset = max(0, min(state.quotes.top - page, total - quoteWindowSize))
        guard state.quotes.pending != offset else { return }
        state.quotes.pending = offset
        effects.append(.loadQuotes(state.query, speaker: state.speaker, offset: offset, limit: quoteWindowSize))
    }
}
