import CableCore
import Foundation

/// Any text as a query: it parses or is a `QueryError`; a query that parses runs everywhere
/// a query can run without any other error (no SQLite error, no FTS5 syntax from user text),
/// and the list has as many rows as the count says.
final class QueryTarget: FuzzTarget {
    let scratch: ScratchFolder
    let library: Library

    init() throws {
        scratch = try ScratchFolder("query")
        library = try Library.open(try scratch.sampleLibrary())
        try library.sync()
        // Some state, so that is:read, is:starred and user tags match something.
        let ids = try library.list(.all, offset: 0, limit: 100).map(\.id)
        try library.setRead(Array(ids.prefix(10)), true)
        try library.setStarred(Array(ids.suffix(5)), true)
        try library.changeUserTags(Array(ids.prefix(3)), adding: ["mine", "Five Eyes", "q\"\u{301}x"], removing: [])
    }

    func run(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        let query: Query
        do {
            query = try Query.parse(text)
        } catch is QueryError {
            return
        } catch {
            FuzzFailure.report("Query.parse threw \(error)", data)
        }
        do {
            let count = try library.count(query)
            let rows = try library.list(query, offset: 0, limit: 10_000)
            if rows.count != count { FuzzFailure.report("count \(count) but \(rows.count) rows", data) }
            _ = try library.tags(in: query)
            _ = try library.quotes(query, speaker: nil, offset: 0, limit: 20)
            _ = try library.quoteCount(query, speaker: text)
        } catch {
            FuzzFailure.report("a query that parsed failed: \(error)", data)
        }
    }
}
