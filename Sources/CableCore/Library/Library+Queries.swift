import Foundation
import GRDB

extension Library: LibraryQuerying {
    public func count(_ query: Query) throws -> Int {
        try pool.read { db in try Library.count(query, db) }
    }

    /// Counting "unread" means testing every article against the read marks; the marks are
    /// far fewer, so count(Q, unread) = count(Q) − count(Q, read) (and the same for stars).
    static func count(_ query: Query, _ db: Database) throws -> Int {
        let complements: [(Query.Status, Query.Status)] = [(.unread, .read), (.unstarred, .starred)]
        for (negative, positive) in complements {
            if query.clauses.contains(.status(negative)) {
                // Every copy at once: one at a time, `is:unread` written n times would
                // count 2^n times.
                var rest = query
                rest.clauses.removeAll { $0 == .status(negative) }
                return try count(rest, db) - count(rest.adding(.status(positive)), db)
            }
        }
        if query.isEmpty, let kept = try IndexMeta.int(IndexMeta.articles, db) {
            return kept
        }
        let sql = try Library.querySQL(query, db, marksFirst: true)
        if let fast = try sql.driverOnlyCount(db) {
            return try Int.fetchOne(db, sql: fast.sql, arguments: fast.arguments) ?? 0
        }
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM \(sql.from) \(sql.whereClause)",
                                arguments: sql.allArguments) ?? 0
    }

    public func list(_ query: Query, offset: Int, limit: Int) throws -> [ArticleSummary] {
        try list(query, order: .newest, offset: offset, limit: limit)
    }

    /// Calls `body` with each matching article in `order`, as it is read from the index (one
    /// query, one pass): output can stream without holding the list.
    public func forEachRow(_ query: Query, order: ListOrder = .newest, offset: Int, limit: Int,
                           _ body: (ArticleSummary) throws -> Void) throws {
        try pool.read { db in
            let sql = try Library.querySQL(query, db)
            var arguments = sql.allArguments
            arguments += [max(0, limit), max(0, offset)]
            let rows = try ListRow.fetchCursor(db, sql: """
                SELECT \(ListRow.selection)
                FROM \(sql.from) LEFT JOIN state.mark m ON m.id = a.id
                \(sql.whereClause)
                ORDER BY \(Library.orderClause(order, driverOrder: sql.order)) LIMIT ? OFFSET ?
                """, arguments: arguments)
            while let row = try rows.next() { try body(row.summary) }
        }
    }

    /// The article, read again from its file (the index keeps what lists need, not the
    /// articles: parsing a page takes well under a millisecond). Nil when the id is unknown,
    /// or its file no longer holds it (that file is synced then).
    public func article(_ id: ArticleID) throws -> Article? {
        // The page's tags only: the user's own are `marks(id).tags`, shown apart.
        try indexedArticle(id)?.article
    }

    /// An article and its row, the article read from its file. When the file no longer holds
    /// it (rewritten in place since the index last looked: the folder check does not see such
    /// a change), that file is synced, and the article looked for once more (another file may
    /// hold it).
    func indexedArticle(_ id: ArticleID) throws -> (record: ArticleRecord, article: Article)? {
        for attempt in 0..<2 {
            guard let record = try pool.read({ db in try ArticleRecord.fetch(id: id.rawValue, db) }) else {
                return nil
            }
            if case .article(let article) = readFile(of: record), article.id == id {
                return (record, article)
            }
            if attempt == 0 { try sync(files: [record.file]) }
        }
        return nil
    }

    public func tags(in query: Query) throws -> [TagCount] {
        try pool.read { db in
            if query.isEmpty {
                // Kept page-tag counts, plus the user's tags on articles that do not
                // already carry the same tag from the page.
                var counts: [String: TagCount] = [:]
                for row in try TagCountRecord.fetchAll(db, sql: "SELECT * FROM tagCount") {
                    counts[row.tagKey] = TagCount(tag: row.tag, count: row.count)
                }
                let extra = try TagCountRecord.fetchAll(db, sql: """
                    SELECT u.tagKey, min(u.tag) AS tag, count(*) AS count FROM state.userTag u
                    JOIN article a ON a.id = u.id
                    WHERE NOT EXISTS (SELECT 1 FROM tag t WHERE t.tagKey = u.tagKey AND t.article = a.rid)
                    GROUP BY u.tagKey
                    """)
                for row in extra {
                    counts[row.tagKey, default: TagCount(tag: row.tag, count: 0)].count += row.count
                }
                return Library.sortedTags(Array(counts.values))
            }
            let sql = try Library.querySQL(query, db)
            // UNION ALL: `count(DISTINCT rid)` already counts an article once per tag, and
            // UNION's own pass to drop duplicate rows costs a third of the query.
            let rows = try TagCountRecord.fetchAll(db, sql: """
                WITH matching(rid, id) AS (SELECT a.rid, a.id FROM \(sql.from) \(sql.whereClause)),
                every(tagKey, tag, rid) AS (
                    SELECT t.tagKey, t.tag, t.article FROM tag t JOIN matching m ON t.article = m.rid
                    UNION ALL
                    SELECT u.tagKey, u.tag, m.rid FROM state.userTag u JOIN matching m ON u.id = m.id
                )
                SELECT tagKey, min(tag) AS tag, count(DISTINCT rid) AS count FROM every GROUP BY tagKey
                """, arguments: sql.allArguments)
            return Library.sortedTags(rows.map { TagCount(tag: $0.tag, count: $0.count) })
        }
    }

    public func quotes(_ query: Query, speaker: String?, offset: Int, limit: Int) throws -> [QuoteHit] {
        var hits: [QuoteHit] = []
        try forEachQuote(query, speaker: speaker, offset: offset, limit: limit) { hits.append($0) }
        return hits
    }

    /// Calls `body` with each matching quote (newest article first) as it is read.
    public func forEachQuote(_ query: Query, speaker: String?, offset: Int, limit: Int,
                             _ body: (QuoteHit) throws -> Void) throws {
        try pool.read { db in
            let (from, arguments) = try Library.quoteSource(query, speaker: speaker, db)
            var all = arguments
            all += [max(0, limit), max(0, offset)]
            let rows = try QuoteRow.fetchCursor(db, sql: """
                SELECT q.text, e.name AS speaker, q.role, a.id, a.title, a.published, q.paragraph
                \(from)
                ORDER BY a.rid DESC, q.ord LIMIT ? OFFSET ?
                """, arguments: all)
            while let row = try rows.next() { try body(row.hit) }
        }
    }

    public func quoteCount(_ query: Query, speaker: String?) throws -> Int {
        try pool.read { db in
            let (from, arguments) = try Library.quoteSource(query, speaker: speaker, db)
            return try Int.fetchOne(db, sql: "SELECT count(*) \(from)", arguments: arguments) ?? 0
        }
    }

    private static func quoteSource(_ query: Query, speaker: String?, _ db: Database) throws
        -> (String, StatementArguments) {
        var sql = try Library.querySQL(query, db, driven: false)
        if let speaker, !speaker.isEmpty {
            if let pattern = QuerySQL.containsPattern(SpeakerKey.key(speaker)) {
                sql.conditions.append("e.key LIKE ? ESCAPE '\\'")
                sql.arguments += [pattern]
            } else {
                sql.conditions.append("0")
            }
        }
        // The speaker as an entity: the person the quote is by, or the full name it resolves to.
        return ("""
            FROM quote q JOIN article a ON a.rid = q.article LEFT JOIN person p ON p.pid = q.person
            LEFT JOIN person e ON e.pid = coalesce(p.target, p.pid)
            \(sql.whereClause)
            """, sql.arguments)
    }

    public func setRead(_ ids: [ArticleID], _ read: Bool) throws {
        try setMark("read", ids, read)
    }

    public func setStarred(_ ids: [ArticleID], _ starred: Bool) throws {
        try setMark("starred", ids, starred)
    }

    private func setMark(_ column: String, _ ids: [ArticleID], _ value: Bool) throws {
        try writeState { db in
            for id in ids {
                try db.execute(sql: """
                    INSERT INTO state.mark(id, \(column)) VALUES (?, ?)
                    ON CONFLICT(id) DO UPDATE SET \(column) = excluded.\(column)
                    """, arguments: [id.rawValue, value])
            }
        }
    }

    /// The article ids starting with `prefix` (case-insensitive), at most `limit`.
    public func ids(withPrefix prefix: String, limit: Int = 20) throws -> [ArticleID] {
        let lower = prefix.lowercased()
        return try pool.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM article WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
                                arguments: [lower, lower + "\u{10FFFF}", limit])
                .map(ArticleID.init(rawValue:))
        }
    }

    /// The one article whose id starts with `prefix`; a clear error when none or several do.
    public func resolveID(_ prefix: String) throws -> ArticleID {
        let trimmed = prefix.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw LibraryError.unknownID(prefix) }
        let matches = try ids(withPrefix: trimmed, limit: 11)
        if matches.count == 1, let only = matches.first { return only }
        if let exact = matches.first(where: { $0.rawValue == trimmed.lowercased() }) { return exact }
        guard matches.isEmpty else { throw LibraryError.ambiguousID(prefix, matches: matches.map(\.rawValue)) }
        // An id older Cable printed (in a script, a note, the last session) still names its article.
        let older = try ids(withLegacyPrefix: trimmed.lowercased(), limit: 11)
        if older.count == 1, let only = older.first { return only }
        if older.isEmpty { throw LibraryError.unknownID(prefix) }
        throw LibraryError.ambiguousID(prefix, matches: older.map(\.rawValue))
    }

    /// The articles whose id from older Cable (`Article.legacyID`) starts with `prefix`.
    private func ids(withLegacyPrefix prefix: String, limit: Int) throws -> [ArticleID] {
        try pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT id FROM article WHERE legacyID >= ? AND legacyID < ? ORDER BY legacyID, id LIMIT ?
                """, arguments: [prefix, prefix + "\u{10FFFF}", limit])
                .map(ArticleID.init(rawValue:))
        }
    }

    static func sortedTags(_ tags: [TagCount]) -> [TagCount] {
        tags.sorted { $0.count != $1.count ? $0.count > $1.count : $0.tag.lowercased() < $1.tag.lowercased() }
    }
}

/// A row of the article list: the article's columns, the user's marks and own tags.
struct ListRow: FetchableRecord {
    var summary: ArticleSummary

    /// The columns a row is read from, over `article a LEFT JOIN state.mark m`.
    static let selection = """
        a.id, a.title, a.published, a.tags, a.file, a.source, a.url,
        coalesce(m.read, 0) AS read, coalesce(m.starred, 0) AS starred,
        (SELECT group_concat(tag, char(10)) FROM
            (SELECT tag FROM state.userTag u WHERE u.id = a.id ORDER BY tag)) AS userTags
        """

    enum Columns {
        static let id = Column("id")
        static let title = Column("title")
        static let published = Column("published")
        static let tags = Column("tags")
        static let file = Column("file")
        static let source = Column("source")
        static let url = Column("url")
        static let read = Column("read")
        static let starred = Column("starred")
        static let userTags = Column("userTags")
    }

    init(row: Row) throws {
        let userTags: String? = row[Columns.userTags]
        summary = ArticleSummary(
            id: ArticleID(rawValue: row[Columns.id]),
            title: row[Columns.title],
            published: (row[Columns.published] as Double?).map(Date.init(timeIntervalSince1970:)),
            tags: TagList.decode(row[Columns.tags]),
            file: row[Columns.file],
            unread: !(row[Columns.read] as Bool),
            starred: row[Columns.starred],
            userTags: userTags.map(TagList.decode) ?? [],
            source: row[Columns.source],
            url: row[Columns.url])
    }
}

/// A row of the quote list.
struct QuoteRow: FetchableRecord {
    var hit: QuoteHit

    enum Columns {
        static let text = Column("text")
        static let speaker = Column("speaker")
        static let role = Column("role")
        static let id = Column("id")
        static let title = Column("title")
        static let published = Column("published")
        static let paragraph = Column("paragraph")
    }

    init(row: Row) throws {
        hit = QuoteHit(text: row[Columns.text], speaker: row[Columns.speaker], role: row[Columns.role],
                       id: ArticleID(rawValue: row[Columns.id]), title: row[Columns.title],
                       published: (row[Columns.published] as Double?).map(Date.init(timeIntervalSince1970:)),
                       paragraph: row[Columns.paragraph])
    }
}
