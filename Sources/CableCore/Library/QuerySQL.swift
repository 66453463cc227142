import Foundation
import GRDB

/// A `Query` as a SQL condition on `article a`, with its arguments. User text only ever
/// reaches SQLite as bound arguments, and words reach FTS5 as quoted strings, so no query can
/// inject SQL or FTS syntax.
struct QuerySQL {
    var conditions: [String] = []
    var arguments = StatementArguments()
    /// The words and phrases that must all appear, as one FTS5 expression, when the query
    /// has any: then the full-text index drives the scan (see `from`).
    var match: String?

    /// `drivenByText`: let the full-text index drive (for the article list and counts); else
    /// words become an `IN` condition, for queries over other tables (quotes).
    init(_ query: Query, drivenByText: Bool = true) {
        var positiveText: [String] = []
        for clause in query.clauses {
            switch clause {
            case .word(let text, let negated), .phrase(let text, let negated):
                guard let term = QuerySQL.ftsString(text) else { continue }
                if negated {
                    add("a.rid NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)", [term])
                } else {
                    positiveText.append(term)
                }
            case .tag(let tag, let negated):
                let key = Library.tagKey(tag)
                add("a.rid \(negated ? "NOT IN" : "IN") (\(QuerySQL.tagged))", [key, key])
            case .speaker(let name, let negated):
                let pattern = "%" + QuerySQL.likeEscaped(name.lowercased()) + "%"
                add("""
                    a.rid \(negated ? "NOT IN" : "IN") (SELECT q.article FROM quote q WHERE q.speaker IN \
                    (SELECT sid FROM speaker WHERE key LIKE ? ESCAPE '\\'))
                    """, [pattern])
            case .after(let date):
                add("a.published >= ?", [date.timeIntervalSince1970])
            case .before(let date):
                add("a.published < ?", [date.timeIntervalSince1970])
            case .status(let status):
                switch status {
                case .unread: add("a.id NOT IN (SELECT id FROM state.mark WHERE read)", [])
                case .read: add("a.id IN (SELECT id FROM state.mark WHERE read)", [])
                case .starred: add("a.id IN (SELECT id FROM state.mark WHERE starred)", [])
                case .unstarred: add("a.id NOT IN (SELECT id FROM state.mark WHERE starred)", [])
                }
            }
        }
        guard !positiveText.isEmpty else { return }
        let expression = positiveText.joined(separator: " AND ")
        if drivenByText {
            match = expression
        } else {
            conditions.insert("a.rid IN (SELECT rowid FROM fts WHERE fts MATCH ?)", at: 0)
            var combined = StatementArguments([expression])
            combined += arguments
            arguments = combined
        }
    }

    /// The tables to select `a` (article) from. With words, the full-text index comes first:
    /// its rowids are article numbers in date order, so `ORDER BY fts.rowid DESC LIMIT 50`
    /// reads the first fifty matches and stops, however common the word.
    var from: String {
        match == nil ? "article a" : "fts JOIN article a ON a.rid = fts.rowid"
    }

    var order: String { match == nil ? "a.rid DESC" : "fts.rowid DESC" }

    /// Every condition, the full-text match first, with `allArguments` in the same order.
    var whereClause: String {
        let all = (match == nil ? [] : ["fts MATCH ?"]) + conditions
        return all.isEmpty ? "" : "WHERE " + all.joined(separator: " AND ")
    }

    var allArguments: StatementArguments {
        guard let match else { return arguments }
        var all = StatementArguments([match])
        all += arguments
        return all
    }

    /// Articles carrying a tag, on the page or from the user (two bound tag keys).
    static let tagged = """
        SELECT article FROM tag WHERE tagKey = ? \
        UNION SELECT a2.rid FROM state.userTag u JOIN article a2 ON a2.id = u.id WHERE u.tagKey = ?
        """

    private mutating func add(_ condition: String, _ values: [(any DatabaseValueConvertible)?]) {
        conditions.append(condition)
        arguments += StatementArguments(values)
    }


    /// User text as one FTS5 string (a phrase of its words), or nil when it has no word
    /// characters at all (it would match nothing and FTS5 rejects an empty phrase).
    static func ftsString(_ text: String) -> String? {
        guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        else { return nil }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
