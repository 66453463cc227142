import CableCore

extension Reducer {
    /// Each quote takes four rows: up to two of text, one saying who and where, and at
    /// least one blank row separating it from the next.
    static let quoteRows = 4

    /// How many entries fit in `height` rows: the last needs no blank row below it.
    static func quotesFitting(_ height: Int) -> Int { max(0, (height + 1) / quoteRows) }

    var quotePage: Int { max(1, Self.quotesFitting(Layout.contentHeight(layout.main))) }
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
        state.quotes.moveCursor(by: step)
        keepQuoteCursorVisible()
        ensureQuoteWindow()
    }

    mutating func keepQuoteCursorVisible() { state.quotes.keepCursorVisible(page: quotePage) }

    mutating func ensureQuoteWindow() {
        guard let offset = state.quotes.offsetToLoad(page: quotePage, size: quoteWindowSize) else { return }
        effects.append(.loadQuotes(state.query, speaker: state.speaker, offset: offset, limit: quoteWindowSize))
    }
}
