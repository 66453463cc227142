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
            return [.library(.failed(error.description))]
        } catch where Library.isDamage(error) {
            return [.library(.indexDamaged)]
        } catch {
            return [.library(.failed("Library error: \(ErrorText.describe(error))"))]
        }
    }

    private func perform(_ effect: Effect) throws -> [Action] {
        switch effect {
        case .loadList(let source, let offset, let limit):
            let rows = try library.list(source.query, order: source.order, offset: offset, limit: limit)
            return [.browse(.listLoaded(source, offset: offset, rows: rows))]
        case .countList(let query):
            return [.browse(.listCounted(query, total: try library.count(query)))]
        case .countUnread(let query):
            return [.browse(.unreadCounted(query, unread: try library.count(query.adding(.status(.unread)))))]
        case .countLibrary:
            return [.browse(.libraryCounted(try library.count(.all)))]
        case .loadArticle(let id, let load):
            guard let article = try library.article(id) else { return [.reader(.articleMissing(id))] }
            return [.reader(.articleLoaded(ReaderLimits.capped(article), try library.marks(id), load))]
        case .loadRelated(let id, _):
            return [.reader(.relatedLoaded(try library.related(id)))]
        case .loadTags(let query):
            return [.browse(.tagsLoaded(query, tags: try library.tags(in: query)))]
        case .loadAllTags:
            return [.browse(.allTagsLoaded(try library.tags(in: .all)))]
        case .loadQuotes(let query, let speaker, let offset, let limit):
            let rows = try library.quotes(query, speaker: speaker.isEmpty ? nil : speaker,
                                          offset: offset, limit: limit)
            return [.quotes(.quotesLoaded(QuoteSource(query: query, speaker: speaker), offset: offset, rows: rows))]
        case .countQuotes(let query, let speaker):
            let total = try library.quoteCount(query, speaker: speaker.isEmpty ? nil : speaker)
            return [.quotes(.quotesCounted(QuoteSource(query: query, speaker: speaker), total: total))]
        case .loadStory(let id):
            return [.story(.storyLoaded(try library.story(id)))]
        case .findUnread(let source, let after):
            if let (position, summary) = try firstUnread(source, after: after) {
                return [.browse(.unreadFound(source, position: position, summary: summary, wrapped: false))]
            }
            if after >= 0, let (position, summary) = try firstUnread(source, after: -1) {
                return [.browse(.unreadFound(source, position: position, summary: summary, wrapped: true))]
            }
            return [.browse(.noUnread)]
        case .setRead(let ids, let read):
            try library.setRead(ids, read)
            return []
        case .setStarred(let ids, let starred):
            try library.setStarred(ids, starred)
            return []
        case .markAllRead(let query):
            return [.browse(.markedAllRead(query, try library.markAllRead(query)))]
        case .changeUserTags(let ids, let adding, let removing):
            let notes = try library.changeUserTags(ids, adding: adding, removing: removing)
            return ids.map { .reader(.userTagsChanged($0, notes: notes)) }
        case .startTimer, .suspend, .quit, .fetchFeeds, .openURL:
            // The loop around the UI does these (a fetch runs on its own thread).
            return []
        }
    }

    /// Newest first has a search that never numbers the whole list; other orders number it.
    private func firstUnread(_ source: ListSource, after: Int) throws -> (position: Int, summary: ArticleSummary)? {
        if source.order == .newest {
            return try UnreadSearch(library: library, query: source.query).find(after: after)
        }
        return try library.firstUnread(source.query, order: source.order, after: after)
    }
}
