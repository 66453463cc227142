import CableCore
import Foundation

/// Finds the next unread article after a position of a filter's list without walking the
/// list page by page (with OFFSET, each page costs as much as all before it: quadratic on a
/// large library that is all read).
///
/// It relies on the list's order: newest first, undated articles last. Within one second
/// the library's order is its own, so articles are grouped by the second they were
/// published in, and a group is read as the list has it.
struct UnreadSearch {
    let library: any LibraryQuerying
    let query: Query
    /// How many rows to look at right after the cursor before asking smarter questions.
    static let firstPage = 200
    /// How many rows to read at a time where nothing smarter is possible (undated articles).
    static let scanPage = 500

    /// The next unread article after position `after`, with its position; nil if none.
    func find(after: Int) throws -> (position: Int, summary: ArticleSummary)? {
        // The usual case: one is close by.
        let start = after + 1
        let near = try library.list(query, offset: start, limit: Self.firstPage)
        if let index = near.firstIndex(where: \.unread) { return (start + index, near[index]) }
        guard near.count == Self.firstPage, let last = near.last else { return nil }
        let lastPosition = start + near.count - 1
        guard let published = last.published else {
            // Already among the undated articles at the end.
            return try scan(from: lastPosition + 1)
        }
        // Everything up to `last` is read. Later in its second, in the list's own order?
        let second = Self.second(of: published)
        if let hit = try firstUnread(inSecond: second, after: lastPosition) { return hit }
        // The newest unread article from an older second, and where it is in the list.
        if let older = try library.list(restricted([.status(.unread), .before(second)]), offset: 0, limit: 1).first,
           let olderPublished = older.published,
           let hit = try locate(older.id, inSecond: Self.second(of: olderPublished)) {
            return hit
        }
        // None dated: the undated ones come last.
        let dated = try library.count(restricted([.after(.distantPast)]))
        let datedUnread = try library.count(restricted([.status(.unread), .after(.distantPast)]))
        guard try library.count(restricted([.status(.unread)])) > datedUnread else { return nil }
        return try scan(from: max(dated, lastPosition + 1))
    }

    private func restricted(_ clauses: [Query.Clause]) -> Query {
        Query(clauses: query.clauses + clauses)
    }

    private static func second(of date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    /// Where one second's articles start in the list, and the articles themselves.
    private func group(_ second: Date) throws -> (start: Int, rows: [ArticleSummary]) {
        let next = second.addingTimeInterval(1)
        let start = try library.count(restricted([.after(next)]))
        let size = try library.count(restricted([.after(second), .before(next)]))
        return (start, try library.list(query, offset: start, limit: size))
    }

    private func firstUnread(inSecond second: Date, after position: Int) throws
        -> (position: Int, summary: ArticleSummary)? {
        let (start, rows) = try group(second)
        for (index, row) in rows.enumerated() where start + index > position && row.unread {
            return (start + index, row)
        }
        return nil
    }

    private func locate(_ id: ArticleID, inSecond second: Date) throws -> (position: Int, summary: ArticleSummary)? {
        let (start, rows) = try group(second)
        guard let index = rows.firstIndex(where: { $0.id == id }) else { return nil }
        return (start + index, rows[index])
    }

    /// Page by page: only among undated articles, where dates cannot narrow the search.
    private func scan(from start: Int) throws -> (position: Int, summary: ArticleSummary)? {
        var offset = start
        while true {
            let rows = try library.list(query, offset: offset, limit: Self.scanPage)
            if let index = rows.firstIndex(where: \.unread) { return (offset + index, rows[index]) }
            if rows.count < Self.scanPage { return nil }
            offset += rows.count
        }
    }
}
