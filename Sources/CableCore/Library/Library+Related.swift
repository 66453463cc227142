import Foundation
import GRDB

extension Library {
    /// How many similar articles to list.
    static let similarLimit = 8

    public func related(_ id: ArticleID) throws -> RelatedStories {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT a.rid, j.json FROM article a JOIN articleJSON j ON j.rid = a.rid WHERE a.id = ?
                """,
                                             arguments: [id.rawValue]) else {
                throw LibraryError.unknownID(id.rawValue)
            }
            let rid: Int64 = try row.decode(atIndex: 0)
            let article = try JSONDecoder().decode(Article.self, from: try row.decode(Data.self, atIndex: 1))
            let explicit = try Row.fetchAll(db, sql: """
                SELECT l.headline, l.kind, t.id, t.title FROM link l LEFT JOIN article t ON t.rid = l.target
                WHERE l.article = ? ORDER BY l.ord
                """, arguments: [rid]).map { row in
                let targetID: String? = try row.decode(atIndex: 2)
                let targetTitle: String? = try row.decode(atIndex: 3)
                var match: ArticleRef?
                if let targetID, let targetTitle {
                    match = ArticleRef(id: ArticleID(rawValue: targetID), title: targetTitle)
                }
                return ExplicitLink(headline: try row.decode(atIndex: 0),
                                    kind: ExplicitLink.Kind(rawValue: try row.decode(atIndex: 1)) ?? .related,
                                    match: match)
            }
            let linkedFrom = try Row.fetchAll(db, sql: """
                SELECT a.id, a.title FROM article a
                WHERE a.rid IN (SELECT article FROM link WHERE target = ?) AND a.rid != ?
                ORDER BY a.rid DESC
                """, arguments: [rid, rid]).map {
                ArticleRef(id: ArticleID(rawValue: try $0.decode(atIndex: 0)), title: try $0.decode(atIndex: 1))
            }
            var exclude = Set(explicit.compactMap { $0.match?.id })
            exclude.insert(id)
            let similar = try Library.similar(to: article, rid: rid, excluding: exclude, db)
            return RelatedStories(id: id, explicit: explicit, similar: similar, linkedFrom: linkedFrom)
        }
    }

    /// How many of the article's weighted words make up the similarity query.
    static let similarTerms = 25
    /// How much of the body's text is weighed (characters): far more than an article, and a
    /// bound on the work a 50 MB page dump costs each time it is opened (seconds, not 15).
    static let similarTextLimit = 200_000

    /// Content similarity: every word of the article is weighted by tf-idf over the whole
    /// text (a title word counts twice), and the ~25 heaviest become an OR query ranked by
    /// FTS5's BM25. Taking the heaviest words, not only the rarest, matters: rare words are
    /// often names that happen to coincide, while a story's vocabulary ("tanker", "cap",
    /// "frozen") is what its thread shares. Shared tags (a rare tag counts more) and shared
    /// speakers then add to the score of the candidates found.
    static func similar(to article: Article, rid: Int64, excluding: Set<ArticleID>,
                        _ db: Database) throws -> [SimilarArticle] {
        let total = Double(try Int.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'articles'")
                           ?? Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0)
        guard total > 1 else { return [] }
        var frequency: [String: Int] = [:]
        for word in SimilarityWords.words(in: article.title) { frequency[word, default: 0] += 2 }
        for word in SimilarityWords.words(in: String(searchBody(article).prefix(similarTextLimit))) {
            frequency[word, default: 0] += 1
        }
        let lookup = try db.cachedStatement(sql: "SELECT doc FROM termStat WHERE term = ?")
        // Words in half the library say nothing about the story; on a large library the cap
        // is lower because a common word's long posting list is what a query pays for.
        let maxDocuments = max(total / 50, min(total / 2, 500))
        var terms: [(word: String, weight: Double)] = []
        for (word, count) in frequency {
            // termStat holds words in at least two articles: others cannot find another.
            guard let doc = try Int.fetchOne(lookup, arguments: [word]).map(Double.init),
                  doc <= maxDocuments else { continue }
            terms.append((word, (1 + log(Double(count))) * log(total / doc)))
        }
        terms.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.word < $1.word }
        var scores: [Int64: Double] = [:]
        if !terms.isEmpty {
            let match = terms.prefix(similarTerms).map { "\"\($0.word)\"" }.joined(separator: " OR ")
            let rows = try Row.fetchAll(db, sql: """
                SELECT rowid, bm25(fts) FROM fts WHERE fts MATCH ? AND rowid != ?
                ORDER BY bm25(fts) LIMIT 40
                """, arguments: [match, rid])
            let ranks = try rows.map { (try $0.decode(Int64.self, atIndex: 0), -(try $0.decode(Double.self, atIndex: 1))) }
            let best = ranks.map(\.1).max() ?? 1
            for (other, rank) in ranks where best > 0 { scores[other] = rank / best }
        }
        if scores.isEmpty {
            // No usable words (an empty or unique body): articles sharing its rarer tags.
            for row in try Row.fetchAll(db, sql: """
                SELECT t2.article FROM tag t1 JOIN tagCount c ON c.tagKey = t1.tagKey
                JOIN tag t2 ON t2.tagKey = t1.tagKey
                WHERE t1.article = ? AND t2.article != ? AND c.count <= 200
                ORDER BY t2.article DESC LIMIT 40
                """, arguments: [rid, rid]) {
                scores[try row.decode(Int64.self, atIndex: 0)] = 0
            }
        }
        // Shared tags and speakers raise candidates (only these few are looked at: joining
        // a common tag's whole range would cost more than the text query).
        let found = Array(scores.keys)
        if !found.isEmpty {
            // A tag weighs its rarity (idf); the shares of the article's tag weight add up to 0.8.
            var tagWeight: [String: Double] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT t.tagKey, c.count FROM tag t JOIN tagCount c ON c.tagKey = t.tagKey WHERE t.article = ?
                """, arguments: [rid]) {
                let count = max(1, try row.decode(Double.self, atIndex: 1))
                tagWeight[try row.decode(atIndex: 0)] = log(1 + total / count)
            }
            let tagTotal = tagWeight.values.reduce(0, +)
            let marks = Array(repeating: "?", count: found.count).joined(separator: ",")
            var arguments = StatementArguments(found)
            arguments += [rid]
            if tagTotal > 0 {
                for row in try Row.fetchAll(db, sql: """
                    SELECT t.article, t.tagKey FROM tag t
                    WHERE t.article IN (\(marks)) AND t.tagKey IN (SELECT tagKey FROM tag WHERE article = ?)
                    """, arguments: arguments) {
                    let weight = tagWeight[try row.decode(String.self, atIndex: 1)] ?? 0
                    scores[try row.decode(Int64.self, atIndex: 0), default: 0] += 0.8 * weight / tagTotal
                }
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT q.article, count(DISTINCT q.speaker) FROM quote q
                WHERE q.article IN (\(marks)) AND q.speaker IN
                    (SELECT speaker FROM quote WHERE article = ? AND speaker IS NOT NULL)
                GROUP BY q.article
                """, arguments: arguments) {
                let shared = Double(try row.decode(Int.self, atIndex: 1))
                scores[try row.decode(Int64.self, atIndex: 0), default: 0] += 0.1 * min(shared, 3)
            }
        }
        let ranked = scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key > $1.key }
        var result: [SimilarArticle] = []
        let fetch = try db.makeStatement(sql: "SELECT id, title FROM article WHERE rid = ?")
        for (other, score) in ranked {
            guard let row = try Row.fetchOne(fetch, arguments: [other]) else { continue }
            let otherID = ArticleID(rawValue: try row.decode(atIndex: 0))
            guard !excluding.contains(otherID) else { continue }
            result.append(SimilarArticle(id: otherID, title: try row.decode(atIndex: 1),
                                         score: (score * 1000).rounded() / 1000))
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
