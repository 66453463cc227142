import CableCore

/// Runs effects against a library and answers with actions. The real loop and the tests
/// share it, so what the tests drive is what people run.
public struct EffectRunner: Sendable {
    public let library: any LibraryQuerying

    public init(library: any LibraryQuerying) {
        self.library = library
    }

    public func run(_ effect: Effect) -> [Action] {
        do {
            return try perform(effect)
        } catch let error as QueryError {
            return [.failed(error.description)]
        } catch {
            return [.failed("Library error: \(ErrorText.describe(error))")]
        }
    }

    private func perform(_ effect: Effect) throws -> [Action] {
        switch effect {
        case .loadList(let query, let offset, let limit):
            let rows = try library.list(query, offset: offset, limit: limit)
            return [.listLoaded(query: query, offset: offset, rows: rows)]
        case .countList(let query):
            return [.listCounted(query: query, total: try library.count(query))]
        case .countLibrary:
            return [.libraryCounted(try library.count(.all))]
        case .loadArticle(let id, let paragraph, let scroll, let reload):
            guard let article = try library.article(id) else { return [.articleMissing(id)] }
            return [.articleLoaded(ReaderLimits.capped(article), paragraph: paragraph, scroll: scroll,
                                   reload: reload)]
        case .loadRelated(let id, _):
            return [.relatedLoaded(try library.related(id))]
        case .loadTags(let query):
            return [.tagsLoaded(query: query, tags: try library.tags(in: query))]
        case .loadQuotes(let query, let speaker, let offset, let limit):
            let rows = try library.quotes(query, speaker: speaker.isEmpty ? nil : speaker,
                                          offset: offset, limit: limit)
            return [.quotesLoaded(query: query, speaker: speaker, offset: offset, rows: rows)]
        case .countQuotes(let query, let speaker):
            let total = try library.quoteCount(query, speaker: speaker.isEmpty ? nil : speaker)
            return [.quotesCounted(query: query, speaker: speaker, total: total)]
        case .findUnread(let query, let after):
            guard let (position, summary) = try UnreadSearch(library: library, query: query).find(after: after) else {
                return [.noUnread]
            }
            return [.unreadFound(query: query, position: position, summary: summary)]
        case .setRead(let ids, let read):
            try library.setRead(ids, read)
            return []
        case .setStarred(let ids, let starred):
            try library.setStarred(ids, starred)
            return []
        case .quit:
            return []
        }
    }
}

/// A UI session without a terminal: keys in, screens out. Tests and the benchmark drive
/// it; the terminal loop does the same steps with a terminal around them.
public struct Session: Sendable {
    public private(set) var state: AppState
    public let runner: EffectRunner
    /// When set, effects wait in `heldEffects` instead of running: the terminal loop hands
    /// them to a background worker so no query ever holds up a key, and the benchmark runs
    /// them after timing the key's first screen. Otherwise (tests) they run at once.
    public var holdsEffects = false
    public private(set) var heldEffects: [Effect] = []

    public init(library: any LibraryQuerying, size: Size) {
        state = AppState(size: size)
        runner = EffectRunner(library: library)
        drain(startEffects(state))
    }

    /// Applies an action and, unless they are held, every effect that follows from it.
    public mutating func send(_ action: Action) {
        let (next, effects) = reduce(state, action)
        state = next
        drain(effects)
    }

    public mutating func press(_ keys: [Key]) {
        for key in keys { send(.key(key)) }
    }

    public mutating func type(_ text: String) { press(Key.sequence(text)) }

    public var screen: Screen { render(state) }

    /// The held effects, for whoever runs them (their results come back through `send`).
    public mutating func takeHeldEffects() -> [Effect] {
        defer { heldEffects = [] }
        return heldEffects
    }

    /// Runs the held effects here and now, and what follows from them.
    public mutating func runHeldEffects() {
        let held = takeHeldEffects()
        let holding = holdsEffects
        holdsEffects = false
        drain(held)
        holdsEffects = holding
    }

    private mutating func drain(_ effects: [Effect]) {
        if holdsEffects {
            heldEffects += effects
            return
        }
        var queue = effects[...]
        // Effects answer with actions that may ask for more; a bound keeps a bug from spinning.
        var budget = 10_000
        while let effect = queue.popFirst(), budget > 0 {
            budget -= 1
            for action in runner.run(effect) {
                let (next, more) = reduce(state, action)
                state = next
                queue.append(contentsOf: more)
            }
        }
    }
}
