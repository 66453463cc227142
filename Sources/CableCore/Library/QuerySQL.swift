import Foundation
import GRDB

/// A `Query` as a SQL condition on `article a`, with its arguments. User text only ever
/// reaches SQLite as bound arguments, and words reach FTS5 as quoted strings, so no query can
/// inject SQL or FTS syntax.
struct QuerySQL {
    var conditions: [String] = []
    var arguments = StatementArguments()

    init(_ query: Query) {
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
        if !positiveText.isEmpty {
            conditions.insert("a.rid IN (SELECT rowid FROM fts WHERE fts MATCH ?)", at: 0)
            var combined = StatementArguments([positiveText.joined(separator: " AND ")])
            combined += arguments
            arguments = combined
        }
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

    var whereClause: String {
        conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
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
