import Foundation
import GRDB

/// The whole story an article belongs to: the articles joined to it by resolved related
/// headlines and READ MORE lines (either way, followed a few steps), and its most similar
/// articles, in date order, each with its outlet and the quote that says most.
public struct Story: Hashable, Codable, Sendable {
    public var id: ArticleID
    public var entries: [StoryEntry]

    public init(id: ArticleID, entries: [StoryEntry]) {
        self.id = id
        self.entries = entries
    }
}

public struct StoryEntry: Hashable, Codable, Sendable {
    /// How an entry joins the story.
    public enum Relation: String, Hashable, Codable, Sendable {
        /// The article the story was asked for.
        case this
        /// Joined by links (related headlines, READ MORE), in either direction.
        case linked
        /// Among the article's most similar ones, not linked.
        case similar
    }

    public var id: ArticleID
    public var title: String
    public var published: Date?
    public var source: String?
    public var relation: Relation
    /// The article's most telling quote (see `StoryEntry.tellingQuote`), if it has quotes.
    public var quote: Quote?

    public init(id: ArticleID, title: String, published: Date?, source: String?, relation: Relation,
                quote: Quote?) {
        self.id = id
        self.title = title
        self.published = published
        self.source = source
        self.relation = relation
        self.quote = quote
    }

    /// The quote that says most on its own: one with a named speaker (and a role) first, then
    /// one of a sentence's length, neither a fragment nor a speech; the first of equals.
    public static func tellingQuote(_ quotes: [Quote]) -> Quote? {
        func score(_ quote: Quote) -> Int {
            let words = quote.text.split(whereSeparator: \.isWhitespace).count
            var score = quote.speaker == nil ? 0 : 100
            if quote.role != nil { score += 20 }
            score += min(words, 30) - max(0, words - 45)
            return words < 5 ? score - 50 : score
        }
        var best: (quote: Quote, score: Int)?
        for quote in quotes {
            let value = score(quote)
            if best.map({ value > $0.score }) ?? true { best = (quote, value) }
        }
        return best?.quote
    }
}

extension Library {
    /// How many articles a story holds at most, and how many link steps it follows.
    static let storyLimit = 40
    static let storySteps = 3
    /// How many similar articles join the story, and how similar they must be (scores are
    /// relative to the best match, 1.0).
    static let storySimilar = 3
    static let storySimilarScore = 0.5

    public func story(_ id: ArticleID) throws -> Story {
        let similar = try related(id).similar
        return try pool.read { db in
            guard let seed = try Int64.fetchOne(db, sql: "SELECT rid FROM article WHERE id = ?",
                                                arguments: [id.rawValue]) else {
                throw LibraryError.unknownID(id.rawValue)
            }
            var relation: [Int64: StoryEntry.Relation] = [seed: .this]
            var frontier = [seed]
            let out = try db.makeStatement(sql: "SELECT target FROM link WHERE article = ? AND target IS NOT NULL")
            let into = try db.makeStatement(sql: "SELECT article FROM link WHERE target = ?")
            for _ in 0..<Library.storySteps where !frontier.isEmpty {
                var next: [Int64] = []
                for rid in frontier {
                    let neighbours = try Int64.fetchAll(out, arguments: [rid]) + Int64.fetchAll(into, arguments: [rid])
                    for other in neighbours where relation[other] == nil && relation.count < Library.storyLimit {
                        relation[other] = .linked
                        next.append(other)
                    }
                }
                frontier = next
            }
            let byID = try db.makeStatement(sql: "SELECT rid FROM article WHERE id = ?")
            for candidate in similar.prefix(Library.storySimilar) where candidate.score >= Library.storySimilarScore {
                if let rid = try Int64.fetchOne(byID, arguments: [candidate.id.rawValue]), relation[rid] == nil {
                    relation[rid] = .similar
                }
            }
            let fetch = try db.makeStatement(sql: "SELECT id, title, published, source FROM article WHERE rid = ?")
            let quotes = try db.makeStatement(sql: """
                SELECT q.text, s.name, q.role, q.paragraph FROM quote q LEFT JOIN speaker s ON s.sid = q.speaker
                WHERE q.article = ? ORDER BY q.ord
                """)
            var entries: [StoryEntry] = []
            for (rid, joined) in relation {
                guard let row = try Row.fetchOne(fetch, arguments: [rid]) else { continue }
                let said = try Row.fetchAll(quotes, arguments: [rid]).map {
                    Quote(text: $0[0], speaker: $0[1], role: $0[2], paragraph: $0[3])
                }
                entries.append(StoryEntry(
                    id: ArticleID(rawValue: row["id"]), title: row["title"],
                    published: (row["published"] as Double?).map(Date.init(timeIntervalSince1970:)),
                    source: row["source"], relation: joined, quote: StoryEntry.tellingQuote(said)))
            }
            // Oldest first, as a story is told; undated last, then by title for a stable order.
            entries.sort { a, b in
                switch (a.published, b.published) {
                case let (x?, y?) where x != y: return x < y
                case (.some, nil): return true
                case (nil, .some): return false
                default: return a.title < b.title
                }
            }
            return Story(id: id, entries: entries)
        }
    }
}
