import Foundation
import GRDB

/// A `Query` as SQL over `article a`, with its arguments. User text only ever reaches SQLite
/// as bound arguments, and words reach FTS5 as quoted strings, so no query can inject SQL or
/// FTS syntax.
///
/// Speed at 100,000 articles comes from the *driver*: article numbers are in date order
/// (`Library.orderKey`), and so are the full-text index's rowids and each tag's index range.
/// So a query with words scans the full-text matches newest first, a tag query scans the
/// tag's range newest first, and `LIMIT 50` stops after fifty rows, however many match.
struct QuerySQL {
    enum Driver: Equatable {
        case articles
        /// All the words and phrases, as one FTS5 expression.
        case text(String)
        /// A page tag's key (only when no user tag has that key: user tags live elsewhere).
        case tag(String)
        /// The user's marks (`read` or `starred`): far fewer than the articles, for counts.
        case marks(String)
    }

    var driver = Driver.articles
    /// Conditions on `a` besides the driver's own, with `arguments` in the same order.
    var conditions: [String] = []
    var arguments = StatementArguments()

    /// `userTagKeys`: the tag keys the user has applied anywhere (a tag among them cannot
    /// drive from the page-tag index alone). `driven`: false for queries that select from
    /// another table (quotes); then every clause is a condition.
    /// `marksFirst`: drive from the read or starred marks when the query asks for them (a
    /// count then looks at the few marked articles, not at every article with a tag).
    /// `mostlyRead`: read marks for at least half the articles (see `unreadByDifference`).
    init(_ query: Query, userTagKeys: Set<String>, driven: Bool = true, marksFirst: Bool = false,
         mostlyRead: Bool = false) {
        var positiveText: [String] = []
        var tagDriver: String?
        var marksDriver: Query.Status?
        if driven, !query.clauses.contains(where: QuerySQL.isPositiveText) {
            if marksFirst, let status = [Query.Status.read, .starred].first(where: { query.clauses.contains(.status($0)) }) {
                marksDriver = status
                driver = .marks(status == .read ? "read" : "starred")
            } else {
                tagDriver = query.requiredTags.map(QuerySQL.tagKey).first { !$0.isEmpty && !userTagKeys.contains($0) }
            }
        }
        for clause in query.clauses {
            if case .status(let status) = clause, status == marksDriver {
                marksDriver = nil
                continue
            }
            switch clause {
            case .word(let text, false), .phrase(let text, false):
                if let term = QuerySQL.ftsString(text) { positiveText.append(term) }
            case .tag(let tag, false) where QuerySQL.tagKey(tag) == tagDriver:
                tagDriver = nil
                driver = .tag(QuerySQL.tagKey(tag))
            case .status(.unread) where mostlyRead:
                add(QuerySQL.unreadByDifference, [])
            default:
                if let (condition, values) = QuerySQL.condition(clause) { add(condition, values) }
            }
        }
        guard !positiveText.isEmpty else { return }
        let expression = positiveText.joined(separator: " AND ")
        if driven {
            driver = .text(expression)
        } else {
            conditions.insert("a.rid IN (SELECT rowid FROM fts WHERE fts MATCH ?)", at: 0)
            var combined = StatementArguments([expression])
            combined += arguments
            arguments = combined
        }
    }

    /// One clause as a condition on `a` of its own (nil when it asks nothing: a "word" with
    /// no letters or digits).
    static func condition(_ clause: Query.Clause) -> (String, [(any DatabaseValueConvertible)?])? {
        switch clause {
        case .word(let text, let negated), .phrase(let text, let negated):
            guard let term = ftsString(text) else { return nil }
            return ("a.rid \(negated ? "NOT IN" : "IN") (SELECT rowid FROM fts WHERE fts MATCH ?)", [term])
        case .tag(let tag, let negated):
            // A point lookup per row in the tag's primary key, or the user's tags.
            let key = tagKey(tag)
            return ("""
                \(negated ? "NOT " : "")(EXISTS (SELECT 1 FROM tag t WHERE t.tagKey = ? AND t.article = a.rid) \
                OR a.id IN (SELECT id FROM state.userTag WHERE tagKey = ?))
                """, [key, key])
        case .speaker(let name, let negated):
            // Matched on the speaker as an entity (a lone surname resolved to its full name
            // matches as the full name), so `speaker:strayer` and `speaker:"robert strayer"`
            // find the same quotes.
            guard let pattern = containsPattern(SpeakerKey.key(name)) else { return (negated ? "1" : "0", []) }
            return ("""
                a.rid \(negated ? "NOT IN" : "IN") (SELECT q.article FROM quote q WHERE q.person IN \
                (SELECT p.pid FROM person p JOIN person e ON e.pid = coalesce(p.target, p.pid) \
                WHERE e.key LIKE ? ESCAPE '\\'))
                """, [pattern])
        case .source(let name, let negated):
            // `sourceKey` is the outlet's name lowercased by Swift (SQLite folds ASCII only); an
            // article with no outlet matches no `source:` and every `-source:`.
            return ("\(negated ? "NOT " : "")coalesce(instr(a.sourceKey, ?), 0) > 0", [withoutNUL(name.lowercased())])
        case .after(let date):
            return ("a.published >= ?", [date.timeIntervalSince1970])
        case .before(let date):
            return ("a.published < ?", [date.timeIntervalSince1970])
        case .status(let status):
            switch status {
            case .unread: return ("a.id NOT IN (SELECT id FROM state.mark WHERE read)", [])
            case .read: return ("a.id IN (SELECT id FROM state.mark WHERE read)", [])
            case .starred: return ("a.id IN (SELECT id FROM state.mark WHERE starred)", [])
            case .unstarred: return ("a.id NOT IN (SELECT id FROM state.mark WHERE starred)", [])
            }
        case .any(let alternatives):
            // An alternative that asks nothing holds for every article, and so does the whole.
            var parts: [String] = []
            var values: [(any DatabaseValueConvertible)?] = []
            for alternative in alternatives {
                guard let (part, partValues) = condition(alternative) else { return nil }
                parts.append("(" + part + ")")
                values += partValues
            }
            return ("(" + parts.joined(separator: " OR ") + ")", values)
        }
    }

    static func isPositiveText(_ clause: Query.Clause) -> Bool {
        switch clause {
        case .word(let text, false), .phrase(let text, false): return ftsString(text) != nil
        default: return false
        }
    }

    /// `is:unread` when most articles are read. Testing each article against the marks
    /// (`NOT IN`) walks every article before it finds the few unread ones (100 ms at 100,000
    /// articles all read); both id lists are sorted, so SQLite merges them instead (10 ms).
    /// With few marks the per-article test stops after a page of unread articles, and wins.
    static let unreadByDifference = "a.id IN (SELECT id FROM article EXCEPT SELECT id FROM state.mark WHERE read ORDER BY 1)"

    private mutating func add(_ condition: String, _ values: [(any DatabaseValueConvertible)?]) {
        conditions.append(condition)
        arguments += StatementArguments(values)
    }

    /// The tables `a` comes from, driver first.
    var from: String {
        switch driver {
        case .articles: return "article a"
        case .text: return "fts JOIN article a ON a.rid = fts.rowid"
        case .tag: return "tag d JOIN article a ON a.rid = d.article"
        case .marks: return "state.mark mk JOIN article a ON a.id = mk.id"
        }
    }

    /// Newest first, in the driver's own order (so SQLite never sorts).
    var order: String {
        switch driver {
        case .articles: return "a.rid DESC"
        case .text: return "fts.rowid DESC"
        case .tag: return "d.article DESC"
        case .marks: return "a.rid DESC"
        }
    }

    /// Every condition, the driver's first, with `allArguments` in the same order.
    var whereClause: String {
        let all = driverCondition.map { [$0.sql] } ?? []
        let every = all + conditions
        return every.isEmpty ? "" : "WHERE " + every.joined(separator: " AND ")
    }

    var allArguments: StatementArguments {
        guard let value = driverCondition?.value else { return arguments }
        var all = StatementArguments([value])
        all += arguments
        return all
    }

    private var driverCondition: (sql: String, value: String?)? {
        switch driver {
        case .articles: return nil
        case .text(let expression): return ("fts MATCH ?", expression)
        case .tag(let key): return ("d.tagKey = ?", key)
        case .marks(let column): return ("mk.\(column)", nil)
        }
    }

    /// When the driver is the whole query, its own index counts the matches without
    /// touching the articles; nil when the rows must be joined. (The full-text index may
    /// still hold removed articles' words, see `FullTextRebuild`: then it cannot count alone.)
    func driverOnlyCount(_ db: Database) throws -> (sql: String, arguments: StatementArguments)? {
        guard conditions.isEmpty else { return nil }
        switch driver {
        case .articles, .marks: return nil
        case .text(let expression):
            let removed = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM ftsDead)") ?? true
            return removed ? nil : ("SELECT count(*) FROM fts WHERE fts MATCH ?", [expression])
        case .tag(let key): return ("SELECT count(*) FROM tag WHERE tagKey = ?", [key])
        }
    }

    /// User text as one FTS5 string (a phrase of its words), or nil when it has no word
    /// characters at all (it would match nothing and FTS5 rejects an empty phrase).
    static func ftsString(_ text: String) -> String? {
        guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        else { return nil }
        // By code point: a `"` with a combining mark on it is one Character, which a
        // Character-wise replacement would leave alone, ending the FTS5 string early. FTS5
        // reads its expression as a C string, so a NUL would end it too: it becomes a space.
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in text.unicodeScalars {
            quoted.append(scalar == "\u{0}" ? " " : scalar)
            if scalar == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
    }

    /// A tag's key as it is looked up. SQLite leaves undefined what text with a NUL in it
    /// compares equal to (a key `mine` and NULs matched `mine` in one plan and not in
    /// another): no stored tag holds one, so it becomes U+FFFD, which matches nothing.
    static func tagKey(_ tag: String) -> String {
        withoutNUL(Library.tagKey(tag))
    }

    static func withoutNUL(_ text: String) -> String {
        guard text.utf8.contains(0) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }))
    }

    /// The LIKE pattern for a lower-cased key containing `text`, or nil when the text is
    /// longer than any name (SQLite refuses a pattern past 50,000 bytes: such text matches
    /// nothing rather than failing).
    static func containsPattern(_ text: String) -> String? {
        guard text.utf8.count <= 10_000 else { return nil }
        return "%" + likeEscaped(withoutNUL(text.lowercased())) + "%"
    }

    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}

extension Library {
    /// The tag keys of the user's own tags (a handful, read with every query).
    static func userTagKeys(_ db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT DISTINCT tagKey FROM state.userTag"))
    }

    static func querySQL(_ query: Query, _ db: Database, driven: Bool = true,
                         marksFirst: Bool = false) throws -> QuerySQL {
        let hasTags = query.clauses.contains { if case .tag = $0 { return true } else { return false } }
        let mostlyRead = query.clauses.contains(.status(.unread)) ? try mostArticlesRead(db) : false
        return QuerySQL(query, userTagKeys: hasTags ? try userTagKeys(db) : [], driven: driven,
                        marksFirst: marksFirst, mostlyRead: mostlyRead)
    }

    /// Whether there are read marks for at least half the articles (a guide to the plan, not
    /// an answer: marks may name articles of another library). Counts only up to that half.
    static func mostArticlesRead(_ db: Database) throws -> Bool {
        let half = max(1, (try IndexMeta.int(IndexMeta.articles, db) ?? 0) / 2)
        let read = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM state.mark WHERE read LIMIT ?)",
                                    arguments: [half]) ?? 0
        return read >= half
    }
}
