import Foundation
import GRDB

extension Library {
    /// How many similar articles to list.
    static let similarLimit = 8

    public func related(_ id: ArticleID) throws -> RelatedStories {
        guard let found = try indexedArticle(id) else { throw LibraryError.unknownID(id.rawValue) }
        let (record, article) = found
        return try pool.read { db in
            let explicit = try Library.explicitLinks(of: article, rid: record.rid, db)
            var exclude = Set(explicit.compactMap { $0.match?.id })
            exclude.insert(id)
            return RelatedStories(id: id, explicit: explicit,
                                  similar: try Library.similar(to: article, rid: record.rid, excluding: exclude, db),
                                  linkedFrom: try Library.linkedFrom(record.rid, db))
        }
    }

    /// The headlines the page names (as it wrote them, read from the page), each with the
    /// article it resolved to (stored by sync, by place).
    static func explicitLinks(of article: Article, rid: Int64, _ db: Database) throws -> [ExplicitLink] {
        var matches: [Int: ArticleRef] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT l.ord, t.id, t.title FROM link l JOIN article t ON t.rid = l.target WHERE l.article = ?
            """, arguments: [rid]) {
            matches[row["ord"]] = ArticleRef(id: ArticleID(rawValue: row["id"]), title: row["title"])
        }
        return ExplicitLinks.of(article).enumerated().map { ord, entry in
            ExplicitLink(headline: entry.headline, kind: entry.kind, match: matches[ord])
        }
    }

    /// The articles whose pages name this one, newest first.
    static func linkedFrom(_ rid: Int64, _ db: Database) throws -> [ArticleRef] {
        try Row.fetchAll(db, sql: """
            SELECT a.id, a.title FROM article a
            WHERE a.rid IN (SELECT article FROM link WHERE target = ?) AND a.rid != ?
            ORDER BY a.rid DESC
            """, arguments: [rid, rid]).map { ArticleRef(id: ArticleID(rawValue: $0["id"]), title: $0["title"]) }
    }

    /// How many of the article's weighted words make up the similarity query.
    static let similarTerms = 25
    /// How much of the body's text is weighed (characters): far more than an article, and a
    /// bound on the work a 50 MB page dump costs each time it is opened (seconds, not 15).
    static let similarTextLimit = 200_000

    /// The most articles a word of the similarity query may be in (a fiftieth of 100,000).
    static let similarTermDocuments = 2_000.0

    /// Content similarity: every word of the article is weighted by tf-idf over the whole
    /// text (a title word counts twice), and the ~25 heaviest become an OR query ranked by
    /// FTS5's BM25. Taking the heaviest words, not only the rarest, matters: rare words are
    /// often names that happen to coincide, while a story's vocabulary ("tanker", "cap",
    /// "frozen") is what its thread shares. Shared tags (a rare tag counts more) and shared
    /// speakers then add to the score of the candidates found.
    static func similar(to article: Article, rid: Int64, excluding: Set<ArticleID>,
                        _ db: Database) throws -> [SimilarArticle] {
        let total = Double(try IndexMeta.int(IndexMeta.articles, db) ?? 0)
        guard total > 1 else { return [] }
        let terms = try weightedTerms(of: article, total: total, db)
        var scores = try textCandidates(terms, rid: rid, db)
        if scores.isEmpty { scores = try tagCandidates(rid, db) }
        guard !scores.isEmpty else { return [] }
        try addSharedTags(to: &scores, rid: rid, total: total, db)
        try addSharedSpeakers(to: &scores, rid: rid, db)
        return try ranked(scores, excluding: excluding, db)
    }

    /// The article's words by weight (tf-idf; a title word counts twice), heaviest first.
    /// Words in half the library say nothing about the story; on a large library the cap is
    /// lower, because a common word's long posting list is what a query pays for, and it
    /// stops growing at `similarTermDocuments` so that the query costs the same at any size.
    /// Words in one article only (not in `termStat`) cannot find another.
    static func weightedTerms(of article: Article, total: Double, _ db: Database) throws
        -> [(word: String, weight: Double)] {
        var frequency: [String: Int] = [:]
        for word in SimilarityWords.words(in: article.title) { frequency[word, default: 0] += 2 }
        for word in SimilarityWords.words(in: String(searchBody(article).prefix(similarTextLimit))) {
            frequency[word, default: 0] += 1
        }
        let lookup = try db.cachedStatement(sql: "SELECT doc FROM termStat WHERE term = ?")
        let maxDocuments = min(max(total / 50, min(total / 2, 500)), Library.similarTermDocuments)
        var terms: [(word: String, weight: Double)] = []
        for (word, count) in frequency {
            guard let doc = try Int.fetchOne(lookup, arguments: [word]).map(Double.init),
                  doc <= maxDocuments else { continue }
            terms.append((word, (1 + log(Double(count))) * log(total / doc)))
        }
        return terms.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.word < $1.word }
    }

    /// The 40 articles BM25 ranks best for the heaviest words, scored 0...1 against the best.
    static func textCandidates(_ terms: [(word: String, weight: Double)], rid: Int64,
                               _ db: Database) throws -> [Int64: Double] {
        guard !terms.isEmpty else { return [:] }
        let match = terms.prefix(similarTerms).map { "\"\($0.word)\"" }.joined(separator: " OR ")
        let ranks = try Row.fetchAll(db, sql: """
            SELECT rowid, bm25(fts) AS rank FROM fts
            WHERE fts MATCH ? AND rowid != ? AND rowid NOT IN (SELECT rid FROM ftsDead)
            ORDER BY bm25(fts) LIMIT 40
            """, arguments: [match, rid]).map { (id: $0["rowid"] as Int64, rank: -($0["rank"] as Double)) }
        guard let best = ranks.map(\.rank).max(), best > 0 else { return [:] }
        return Dictionary(ranks.map { ($0.id, $0.rank / best) }, uniquingKeysWith: max)
    }

    /// With no usable words (an empty or unique body): articles sharing its rarer tags.
    static func tagCandidates(_ rid: Int64, _ db: Database) throws -> [Int64: Double] {
        let rows = try Int64.fetchAll(db, sql: """
            SELECT t2.article FROM tag t1 JOIN tagCount c ON c.tagKey = t1.tagKey
            JOIN tag t2 ON t2.tagKey = t1.tagKey
            WHERE t1.article = ? AND t2.article != ? AND c.count <= 200
            ORDER BY t2.article DESC LIMIT 40
            """, arguments: [rid, rid])
        return Dictionary(rows.map { ($0, 0.0) }, uniquingKeysWith: max)
    }

    /// Shared tags raise candidates: a tag weighs its rarity (idf), and the shares of the
    /// article's tag weight add up to 0.8. Only the candidates are looked at (joining a
    /// common tag's whole range would cost more than the text query).
    static func addSharedTags(to scores: inout [Int64: Double], rid: Int64, total: Double,
                              _ db: Database) throws {
        var tagWeight: [String: Double] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT t.tagKey, c.count FROM tag t JOIN tagCount c ON c.tagKey = t.tagKey WHERE t.article = ?
            """, arguments: [rid]) {
            tagWeight[row["tagKey"]] = log(1 + total / max(1, row["count"] as Double))
        }
        let tagTotal = tagWeight.values.reduce(0, +)
        guard tagTotal > 0 else { return }
        let (marks, arguments) = candidateArguments(scores, rid)
        for row in try Row.fetchAll(db, sql: """
            SELECT t.article, t.tagKey FROM tag t
            WHERE t.article IN (\(marks)) AND t.tagKey IN (SELECT tagKey FROM tag WHERE article = ?)
            """, arguments: arguments) {
            let weight = tagWeight[row["tagKey"]] ?? 0
            scores[row["article"], default: 0] += 0.8 * weight / tagTotal
        }
    }

    /// Shared speakers raise candidates: 0.1 for each, up to three.
    static func addSharedSpeakers(to scores: inout [Int64: Double], rid: Int64, _ db: Database) throws {
        let (marks, arguments) = candidateArguments(scores, rid)
        for row in try Row.fetchAll(db, sql: """
            SELECT q.article, count(DISTINCT q.person) AS shared FROM quote q
            WHERE q.article IN (\(marks)) AND q.person IN
                (SELECT person FROM quote WHERE article = ? AND person IS NOT NULL)
            GROUP BY q.article
            """, arguments: arguments) {
            scores[row["article"], default: 0] += 0.1 * min(row["shared"] as Double, 3)
        }
    }

    /// `?` marks for the candidates' numbers, and the arguments: the candidates, then `rid`.
    private static func candidateArguments(_ scores: [Int64: Double], _ rid: Int64) -> (String, StatementArguments) {
        let found = Array(scores.keys)
        var arguments = StatementArguments(found)
        arguments += [rid]
        return (Array(repeating: "?", count: found.count).joined(separator: ","), arguments)
    }

    /// The best-scored candidates as the sidebar lists them, at most `similarLimit`.
    static func ranked(_ scores: [Int64: Double], excluding: Set<ArticleID>,
                       _ db: Database) throws -> [SimilarArticle] {
        var result: [SimilarArticle] = []
        let fetch = try db.makeStatement(sql: "SELECT id, title FROM article WHERE rid = ?")
        for (other, score) in scores.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key > $1.key }) {
            guard let row = try Row.fetchOne(fetch, arguments: [other]) else { continue }
            let otherID = ArticleID(rawValue: row["id"])
            guard !excluding.contains(otherID) else { continue }
            result.append(SimilarArticle(id: otherID, title: row["title"], score: (score * 1000).rounded() / 1000))
            if result.count == similarLimit { break }
        }
        return result
    }
}

/// The words similarity compares: folded like the full-text index folds them, without the
/// short and common words that every article shares.
enum SimilarityWords {
    static func words(in text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if current.count >= 3 {
                let word = String(current)
                if !common.contains(word) { words.append(word) }
            }
            current = String.UnicodeScalarView()
        }
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    static let common: Set<String> = [
        "the", "and", "for", "that", "with", "was", "are", "has", "have", "had", "not", "but",
        "from", "this", "its", "his", "her", "their", "they", "said", "says", "will", "would",
        "which", "who", "been", "were", "also", "than", "after", "over", "into", "about", "more",
        "one", "two", "new", "other", "some", "could", "there", "what", "when", "where", "while",
        "our", "out", "all", "any", "can", "may", "did", "does", "should", "them", "these",
        "those", "being", "such", "only", "told", "year", "years", "last", "first",
        // Everyday words that a small library cannot tell from story words.
        "among", "though", "although", "because", "however", "before", "during", "under",
        "between", "against", "without", "within", "since", "until", "just", "still", "even",
        "much", "many", "most", "very", "both", "each", "week", "weeks", "month", "months",
        "day", "days", "time", "times", "according", "including", "previously", "available",
        "provide", "details", "now", "then", "well", "back", "per", "cent", "percent", "around",
        "another", "across", "through", "take", "took", "taken", "say", "get", "got", "put",
        "set", "come", "came", "end", "ending", "known", "part", "way", "like", "own", "here",
        "how", "why", "whether", "made", "make", "held", "won", "used", "use", "less", "least",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "added", "adding", "asked", "later", "earlier", "already", "yet", "often", "never",
    ]
}
