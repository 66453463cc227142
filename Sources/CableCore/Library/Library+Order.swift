import Foundation
import GRDB

extension Library {
    /// One window of the articles matching `query`, in `order`. Newest first reads in the
    /// driver's own order (no sort); the other orders sort the matches, ties newest first.
    public func list(_ query: Query, order: ListOrder, offset: Int, limit: Int) throws -> [ArticleSummary] {
        var rows: [ArticleSummary] = []
        try forEachRow(query, order: order, offset: offset, limit: limit) { rows.append($0) }
        return rows
    }

    /// The first unread article after position `after` of the list in `order`. One pass that
    /// numbers the matches in order (the newest-first list has a faster search of its own in
    /// the UI, `UnreadSearch`, that never numbers the whole list).
    public func firstUnread(_ query: Query, order: ListOrder, after: Int) throws
        -> (position: Int, summary: ArticleSummary)? {
        try pool.read { db in
            let sql = try Library.querySQL(query, db)
            var arguments = sql.allArguments
            arguments += [after]
            guard let row = try Row.fetchOne(db, sql: """
                SELECT * FROM (
                    SELECT \(ListRow.selection),
                           row_number() OVER (ORDER BY \(Library.orderClause(order, driverOrder: sql.order))) - 1 AS position
                    FROM \(sql.from) LEFT JOIN state.mark m ON m.id = a.id
                    \(sql.whereClause)
                ) WHERE position > ? AND read = 0 ORDER BY position LIMIT 1
                """, arguments: arguments) else { return nil }
            return (row["position"], try ListRow(row: row).summary)
        }
    }

    static func orderClause(_ order: ListOrder, driverOrder: String) -> String {
        switch order {
        case .newest: return driverOrder
        case .oldest: return "a.published IS NULL, a.rid ASC"
        case .title: return "a.title COLLATE NOCASE, a.rid DESC"
        case .source: return "a.source IS NULL, a.source COLLATE NOCASE, a.rid DESC"
        case .unread: return "coalesce(m.read, 0), a.rid DESC"
        }
    }

    /// Marks every unread article that matches `query` read, in one write; returns the ids it
    /// changed, so the change can be undone exactly.
    public func markAllRead(_ query: Query) throws -> [ArticleID] {
        try write { db in
            let sql = try Library.querySQL(query.adding(.status(.unread)), db)
            let ids = try String.fetchAll(db, sql: "SELECT a.id FROM \(sql.from) \(sql.whereClause)",
                                          arguments: sql.allArguments)
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO state.mark(id, read) VALUES (?, 1) ON CONFLICT(id) DO UPDATE SET read = 1
                """)
            for id in ids { try upsert.execute(arguments: [id]) }
            return ids.map(ArticleID.init(rawValue:))
        }
    }
}
