import GRDB

/// One speaker of `cable speakers`: a person as the index knows them (see SpeakerEntities).
public struct SpeakerSummary: Hashable, Codable, Sendable {
    /// The most common spelling of the speaker's name (of the full name, for a surname
    /// resolved to one).
    public var name: String
    /// The roles their quotes give them, most common first (spelled as most often written;
    /// roles differing only in case are one).
    public var roles: [String]
    /// The most common role, or nil when no quote gives one.
    public var role: String?
    /// How many quotes are theirs in the matching articles, and in how many articles.
    public var quotes: Int
    public var articles: Int

    public init(name: String, roles: [String], quotes: Int, articles: Int) {
        self.name = name
        self.roles = roles
        self.role = roles.first
        self.quotes = quotes
        self.articles = articles
    }
}

extension Library {
    /// The speakers quoted in the articles matching `query`, most quoted first (then in more
    /// articles, then by name).
    public func speakers(in query: Query) throws -> [SpeakerSummary] {
        try pool.read { db in
            let sql = try Library.querySQL(query, db)
            let source = """
                WITH matching(rid) AS (SELECT a.rid FROM \(sql.from) \(sql.whereClause)),
                said(entity, article, role) AS (
                    SELECT coalesce(p.target, p.pid), q.article, q.role FROM quote q
                    JOIN matching m ON q.article = m.rid JOIN person p ON p.pid = q.person
                )
                """
            var roles: [Int64: [(role: String, count: Int)]] = [:]
            for row in try Row.fetchAll(db, sql: source + """
                SELECT entity, role, count(*) AS n FROM said WHERE role IS NOT NULL AND role != ''
                GROUP BY entity, role
                """, arguments: sql.allArguments) {
                roles[row["entity"], default: []].append((row["role"], row["n"]))
            }
            let rows = try Row.fetchAll(db, sql: source + """
                SELECT e.name, s.entity, count(*) AS quotes, count(DISTINCT s.article) AS articles
                FROM said s JOIN person e ON e.pid = s.entity GROUP BY s.entity
                """, arguments: sql.allArguments)
            return rows.map { row in
                SpeakerSummary(name: row["name"], roles: Library.rolesAsSeen(roles[row["entity"]] ?? []),
                               quotes: row["quotes"], articles: row["articles"])
            }.sorted {
                ($1.quotes, $1.articles, $0.name) < ($0.quotes, $0.articles, $1.name)
            }
        }
    }

    /// Roles as seen, most common first: spellings differing only in case are one role, shown
    /// as most often written (ties: the first in the order given).
    static func rolesAsSeen(_ counts: [(role: String, count: Int)]) -> [String] {
        var byKey: [String: (total: Int, best: (role: String, count: Int), first: Int)] = [:]
        for (index, entry) in counts.enumerated() {
            let key = SpeakerKey.key(entry.role)
            if var known = byKey[key] {
                known.total += entry.count
                if entry.count > known.best.count { known.best = entry }
                byKey[key] = known
            } else {
                byKey[key] = (entry.count, entry, index)
            }
        }
        return byKey.values.sorted { ($1.total, $0.first) < ($0.total, $1.first) }.map(\.best.role)
    }
}
