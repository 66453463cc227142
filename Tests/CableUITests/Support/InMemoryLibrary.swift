import CableCore
import Foundation

/// A small `LibraryQuerying` over articles held in memory, for UI tests. It implements the
/// query language's meaning plainly (substring search, tag and speaker filters, dates,
/// status) so the UI can be tested without SQLite.
final class InMemoryLibrary: LibraryQuerying, @unchecked Sendable {
    private let lock = NSLock()
    private var articles: [Article]
    private var read: Set<ArticleID> = []
    private var starred: Set<ArticleID> = []
    private var userTags: [ArticleID: [String]] = [:]
    /// Every call, for tests that check what the UI asked for.
    private(set) var calls: [String] = []

    init(_ articles: [Article]) {
        self.articles = articles
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// While closed, `count` waits: tests keep a worker busy with it.
    private let gate = NSCondition()
    private var gateClosed = false
    private var gateWaiters = 0

    /// Waits until a call is held at the closed gate.
    func waitForACallAtTheGate() {
        gate.lock()
        while gateWaiters == 0 { gate.wait() }
        gate.unlock()
    }

    func closeGate() {
        gate.lock()
        gateClosed = true
        gate.unlock()
    }

    func openGate() {
        gate.lock()
        gateClosed = false
        gate.broadcast()
        gate.unlock()
    }

    private func passGate() {
        gate.lock()
        gateWaiters += 1
        gate.broadcast()
        while gateClosed { gate.wait() }
        gateWaiters -= 1
        gate.unlock()
    }

    func isRead(_ id: ArticleID) -> Bool { locked { read.contains(id) } }

    /// New files synced in.
    func add(_ more: [Article]) { locked { articles += more } }
    func isStarred(_ id: ArticleID) -> Bool { locked { starred.contains(id) } }

    private func matching(_ query: Query) -> [Article] {
        articles.filter { matches($0, query) }.sorted { a, b in
            switch (a.published, b.published) {
            case let (x?, y?): return x != y ? x > y : a.id < b.id
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.id < b.id
            }
        }
    }

    private func matches(_ article: Article, _ query: Query) -> Bool {
        query.clauses.allSatisfy { holds($0, for: article) }
    }

    private func holds(_ clause: Query.Clause, for article: Article) -> Bool {
        let text = ([article.title] + article.paragraphs).joined(separator: " ").lowercased()
        switch clause {
        case .any(let alternatives):
            return alternatives.contains { holds($0, for: article) }
        case .word(let word, let negated), .phrase(let word, let negated):
            return text.contains(word.lowercased()) != negated
        case .tag(let tag, let negated):
            return (article.tags + (userTags[article.id] ?? [])).contains {
                $0.caseInsensitiveCompare(tag) == .orderedSame
            } != negated
        case .speaker(let name, let negated):
            return article.quotes.contains { $0.speaker?.lowercased().contains(name.lowercased()) ?? false } != negated
        case .after(let date):
            return article.published.map { $0 >= date } ?? false
        case .before(let date):
            return article.published.map { $0 < date } ?? false
        case .status(let status):
            switch status {
            case .read: return read.contains(article.id)
            case .unread: return !read.contains(article.id)
            case .starred: return starred.contains(article.id)
            case .unstarred: return !starred.contains(article.id)
            }
        }
    }

    func count(_ query: Query) throws -> Int {
        passGate()
        return locked {
            calls.append("count")
            return matching(query).count
        }
    }

    func list(_ query: Query, offset: Int, limit: Int) throws -> [ArticleSummary] {
        try list(query, order: .newest, offset: offset, limit: limit)
    }

    private func ordered(_ query: Query, _ order: ListOrder) -> [Article] {
        let newest = matching(query)
        switch order {
        case .newest: return newest
        case .oldest: return newest.filter { $0.published != nil }.reversed() + newest.filter { $0.published == nil }
        case .title: return newest.enumerated().sorted { a, b in
            a.element.title.lowercased() != b.element.title.lowercased()
                ? a.element.title.lowercased() < b.element.title.lowercased() : a.offset < b.offset }.map(\.element)
        case .source: return newest.enumerated().sorted { a, b in
            (a.element.source ?? "~") != (b.element.source ?? "~")
                ? (a.element.source ?? "~") < (b.element.source ?? "~") : a.offset < b.offset }.map(\.element)
        case .unread: return newest.filter { !read.contains($0.id) } + newest.filter { read.contains($0.id) }
        }
    }

    private func summary(_ article: Article) -> ArticleSummary {
        ArticleSummary(id: article.id, title: article.title, published: article.published,
                       tags: article.tags, file: article.file,
                       unread: !read.contains(article.id), starred: starred.contains(article.id),
                       userTags: userTags[article.id] ?? [], source: article.source)
    }

    func list(_ query: Query, order: ListOrder, offset: Int, limit: Int) throws -> [ArticleSummary] {
        locked {
            calls.append("list \(offset) \(limit)")
            return ordered(query, order).dropFirst(offset).prefix(limit).map(summary)
        }
    }

    func firstUnread(_ query: Query, order: ListOrder, after: Int) throws -> (position: Int, summary: ArticleSummary)? {
        locked {
            let all = ordered(query, order)
            guard let index = all.indices.first(where: { $0 > after && !read.contains(all[$0].id) }) else { return nil }
            return (index, summary(all[index]))
        }
    }

    func marks(_ id: ArticleID) throws -> ArticleMarks {
        locked { ArticleMarks(read: read.contains(id), starred: starred.contains(id), tags: userTags[id] ?? []) }
    }

    func markAllRead(_ query: Query) throws -> [ArticleID] {
        locked {
            let ids = matching(query).map(\.id).filter { !read.contains($0) }
            read.formUnion(ids)
            return ids
        }
    }

    func changeUserTags(_ ids: [ArticleID], adding: [String], removing: [String]) throws -> [String] {
        locked {
            for id in ids {
                var tags = userTags[id] ?? []
                tags.removeAll { tag in removing.contains { $0.caseInsensitiveCompare(tag) == .orderedSame } }
                for tag in adding where !tags.contains(tag) { tags.append(tag) }
                userTags[id] = tags.sorted()
            }
            return []
        }
    }

    func story(_ id: ArticleID) throws -> Story {
        let related = try related(id)
        return locked {
            let linked = Set(related.explicit.compactMap { $0.match?.id } + related.linkedFrom.map(\.id))
            let similar = Set(related.similar.prefix(3).map(\.id)).subtracting(linked)
            let entries = articles.filter { $0.id == id || linked.contains($0.id) || similar.contains($0.id) }
                .map { article in
                    StoryEntry(id: article.id, title: article.title, published: article.published,
                               source: article.source,
                               relation: article.id == id ? .this : linked.contains(article.id) ? .linked : .similar,
                               quote: StoryEntry.tellingQuote(article.quotes))
                }
                .sorted { ($0.published ?? .distantFuture) < ($1.published ?? .distantFuture) }
            return Story(id: id, entries: entries)
        }
    }

    func article(_ id: ArticleID) throws -> Article? {
        locked { articles.first { $0.id == id } }
    }

    func tags(in query: Query) throws -> [TagCount] {
        locked {
            var counts: [String: Int] = [:]
            for article in matching(query) {
                for tag in Set(article.tags) { counts[tag, default: 0] += 1 }
            }
            return counts.map { TagCount(tag: $0.key, count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.tag < $1.tag }
        }
    }

    private func hits(_ query: Query, speaker: String?) -> [QuoteHit] {
        matching(query).flatMap { article in
            article.quotes.filter { quote in
                guard let speaker else { return true }
                return quote.speaker?.lowercased().contains(speaker.lowercased()) ?? false
            }.map { quote in
                QuoteHit(text: quote.text, speaker: quote.speaker, role: quote.role, id: article.id,
                         title: article.title, published: article.published, paragraph: quote.paragraph)
            }
        }
    }

    func quotes(_ query: Query, speaker: String?, offset: Int, limit: Int) throws -> [QuoteHit] {
        locked { Array(hits(query, speaker: speaker).dropFirst(offset).prefix(limit)) }
    }

    func quoteCount(_ query: Query, speaker: String?) throws -> Int {
        locked { hits(query, speaker: speaker).count }
    }

    private func normalized(_ headline: String) -> String {
        headline.lowercased().filter { $0.isLetter || $0.isNumber }
    }

    private func resolve(_ headline: String) -> ArticleRef? {
        let key = normalized(headline)
        return articles.first { normalized($0.title) == key }.map { ArticleRef(id: $0.id, title: $0.title) }
    }

    func related(_ id: ArticleID) throws -> RelatedStories {
        locked {
            guard let article = articles.first(where: { $0.id == id }) else { return RelatedStories(id: id) }
            var seen: Set<String> = []
            var explicit: [ExplicitLink] = []
            for (headline, kind) in article.readMore.map({ ($0, ExplicitLink.Kind.readMore) })
                + article.related.map({ ($0, ExplicitLink.Kind.related) }) {
                guard seen.insert(normalized(headline)).inserted else { continue }
                explicit.append(ExplicitLink(headline: headline, kind: kind, match: resolve(headline)))
            }
            let similar = articles.filter { $0.id != id }.compactMap { other -> SimilarArticle? in
                let shared = Set(other.tags).intersection(article.tags).count
                return shared >= 2 ? SimilarArticle(id: other.id, title: other.title, score: Double(shared)) : nil
            }.sorted { $0.score > $1.score }
            let linkedFrom = articles.filter { other in
                other.id != id && (other.readMore + other.related).contains { resolve($0)?.id == id }
            }.map { ArticleRef(id: $0.id, title: $0.title) }
            return RelatedStories(id: id, explicit: explicit, similar: Array(similar.prefix(5)),
                                  linkedFrom: linkedFrom)
        }
    }

    func setRead(_ ids: [ArticleID], _ value: Bool) throws {
        locked {
            for id in ids { if value { read.insert(id) } else { read.remove(id) } }
        }
    }

    func setStarred(_ ids: [ArticleID], _ value: Bool) throws {
        locked {
            for id in ids { if value { starred.insert(id) } else { starred.remove(id) } }
        }
    }
}
