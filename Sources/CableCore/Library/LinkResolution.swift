import Foundation
import GRDB

/// Resolving explicit links (the headlines a page names) to articles, in bounded memory.
///
/// A headline can only match a title of its group (`HeadlineMatcher.group`): a whole headline
/// a title with the same signature, a cut-off one a title that begins with the same bytes. So
/// links are resolved a window of groups at a time: the titles of the window's groups (about
/// `windowTitles` of them) become a `HeadlineMatcher`, and the unresolved links of the same
/// groups are matched against it, on every core, while the writer stores the previous chunk.
/// Memory holds one window and two chunks of links, whatever the size of the library.
///
/// The groups to look at are those whose titles changed since the last sync (`pendingGroup`:
/// groups of added and removed articles, and of links whose target went): within a group the
/// matcher's answer depends only on that group's titles, so this resolves exactly what
/// matching every unresolved link against every title would. A bulk load resolves every group.
extension Library {
    /// How a link's group is read: `match` groups of whole headlines, `prefix` groups of
    /// headlines cut short. The value is the `link.truncated` column.
    enum LinkGroupKind: Int, CaseIterable, Sendable {
        case match = 0
        case prefix = 1

        /// The article column holding titles' groups of this kind.
        var titleColumn: String { self == .match ? "matchGroup" : "prefixGroup" }
    }

    /// Titles per window: large enough that a window's queries are few, small enough that
    /// its matcher stays a few megabytes.
    static let windowTitles = 20_000

    /// Links matched per parallel step.
    static let resolveChunk = 20_000

    /// Resolves the unresolved links of the pending groups (of every group when `all`), then
    /// forgets the pending groups.
    func resolveLinks(all: Bool = false, chunkSize: Int = Library.resolveChunk) throws {
        for kind in LinkGroupKind.allCases {
            var after = Int64.min
            while let window = try nextWindow(kind, after: after, all: all) {
                try resolveWindow(window, kind: kind, all: all, chunkSize: chunkSize)
                guard let last = window.lastGroup else { break }
                after = last
            }
        }
        try write { db in try db.execute(sql: "DELETE FROM pendingGroup") }
    }

    /// A run of consecutive groups (in group order) and their titles.
    struct TitleWindow {
        /// Groups in (after, lastGroup]; nil for "to the end".
        var after: Int64
        var lastGroup: Int64?
        var titles: [(id: Int64, key: String)]
    }

    /// The next window of groups after `after` holding titles, whole groups only; nil when
    /// no group after `after` has any.
    func nextWindow(_ kind: LinkGroupKind, after: Int64, all: Bool) throws -> TitleWindow? {
        try pool.read { db in
            let column = kind.titleColumn
            let source = all
                ? "SELECT a.\(column) AS grp, a.rid, a.titleKey FROM article a WHERE a.\(column) > ?"
                : """
                  SELECT p.grp, a.rid, a.titleKey FROM pendingGroup p JOIN article a ON a.\(column) = p.grp
                  WHERE p.kind = \(kind.rawValue) AND p.grp > ?
                  """
            var rows = try Row.fetchAll(db, sql: "\(source) ORDER BY 1, 2 LIMIT ?",
                                        arguments: [after, Library.windowTitles])
            guard let last = rows.last else { return nil }
            let lastGroup: Int64 = last["grp"]
            if rows.count == Library.windowTitles {
                // Finish the last group: a group is never split between windows.
                let lastRID: Int64 = last["rid"]
                rows += try Row.fetchAll(db, sql: """
                    SELECT \(column) AS grp, rid, titleKey FROM article WHERE \(column) = ? AND rid > ? ORDER BY rid
                    """, arguments: [lastGroup, lastRID])
                return TitleWindow(after: after, lastGroup: lastGroup,
                                   titles: rows.map { ($0["rid"], $0["titleKey"]) })
            }
            // The last window runs to the end, so that links of groups with no title are
            // passed over in one go.
            return TitleWindow(after: after, lastGroup: nil, titles: rows.map { ($0["rid"], $0["titleKey"]) })
        }
    }

    /// Matches the unresolved links of a window's groups, a chunk at a time in key order.
    private func resolveWindow(_ window: TitleWindow, kind: LinkGroupKind, all: Bool, chunkSize: Int) throws {
        let matcher = HeadlineMatcher(titles: window.titles)
        let writer = BatchWriter<Void>()
        defer { _ = try? writer.finish() }
        var after: LinkPosition?
        while true {
            let chunk = try unresolvedLinks(kind, in: window, after: after, all: all, limit: chunkSize)
            guard let last = chunk.last, let grp = last.grp else { break }
            after = LinkPosition(grp: grp, article: last.article, ord: last.ord)
            let resolved = Library.resolveConcurrently(chunk, matcher)
            try writer.finish()
            writer.start { [self] in try write { db in try Library.applyResolutions(resolved[...], db) } }
            if chunk.count < chunkSize { break }
        }
        try writer.finish()
    }

    /// Where a chunk of links ended, in (group, article, ord) order.
    struct LinkPosition {
        var grp: Int64
        var article: Int64
        var ord: Int
    }

    /// Unresolved links of a window's groups, in (group, article, ord) order, after `after`:
    /// one index range each time, never a rescan of what is done.
    private func unresolvedLinks(_ kind: LinkGroupKind, in window: TitleWindow, after: LinkPosition?,
                                 all: Bool, limit: Int) throws -> [LinkRecord] {
        try pool.read { db in
            // The range is put on the column that drives the query: the link index's group
            // when every group is read, the pending groups' own key otherwise.
            let grp = all ? "l.grp" : "p.grp"
            var conditions = ["\(grp) > ?"]
            var arguments: StatementArguments = [window.after]
            if let last = window.lastGroup {
                conditions.append("\(grp) <= ?")
                arguments += [last]
            }
            if let after {
                conditions.append("(l.grp, l.article, l.ord) > (?, ?, ?)")
                arguments += [after.grp, after.article, after.ord]
            }
            let source = all
                ? "FROM link l WHERE l.truncated = \(kind.rawValue) AND l.target IS NULL AND l.grp IS NOT NULL"
                : """
                  FROM pendingGroup p JOIN link l ON l.truncated = p.kind AND l.grp = p.grp AND l.target IS NULL
                  WHERE p.kind = \(kind.rawValue)
                  """
            arguments += [limit]
            return try LinkRecord.fetchAll(db, sql: """
                SELECT l.* \(source) AND \(conditions.joined(separator: " AND "))
                ORDER BY l.grp, l.article, l.ord LIMIT ?
                """, arguments: arguments)
        }
    }

    /// Matches a chunk of links on every core (the matcher is immutable, so the slices
    /// share it without locks); resolutions come back in the chunk's order.
    static func resolveConcurrently(_ links: [LinkRecord], _ matcher: HeadlineMatcher)
        -> [(article: Int64, ord: Int, target: Int64)] {
        guard !links.isEmpty else { return [] }
        let slices = min(links.count, 4 * ProcessInfo.processInfo.activeProcessorCount)
        let found = Slots<[(article: Int64, ord: Int, target: Int64)]>(count: slices)
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            var resolved: [(article: Int64, ord: Int, target: Int64)] = []
            for link in links[(slice * links.count / slices)..<((slice + 1) * links.count / slices)] {
                let key = HeadlineKey(key: link.key, truncated: link.truncated)
                if let target = matcher.resolve(key, excluding: link.article) {
                    resolved.append((link.article, link.ord, target))
                }
            }
            found.set(slice, resolved)
        }
        return found.values.flatMap { $0 ?? [] }
    }

    /// Writes resolved links. Titles were read in an earlier transaction, so another process
    /// may have removed a target (or the linking article) since: such a resolution is dropped
    /// (its link stays unresolved, to resolve at a later sync) rather than point at nothing.
    static func applyResolutions(_ batch: ArraySlice<(article: Int64, ord: Int, target: Int64)>,
                                 _ db: Database) throws {
        let update = try db.cachedStatement(sql: """
            UPDATE link SET target = ?
            WHERE article = ? AND ord = ? AND EXISTS (SELECT 1 FROM article WHERE rid = ?)
            """)
        for item in batch {
            try update.execute(arguments: [item.target, item.article, item.ord, item.target])
        }
    }

    /// Marks an article's groups (both kinds) as pending: its title joins or leaves them.
    static func markGroupsPending(matchGroup: Int64, prefixGroup: Int64?, _ db: Database) throws {
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO pendingGroup(kind, grp) VALUES (?, ?)")
        try insert.execute(arguments: [LinkGroupKind.match.rawValue, matchGroup])
        if let prefixGroup { try insert.execute(arguments: [LinkGroupKind.prefix.rawValue, prefixGroup]) }
    }

    /// Marks a link's group as pending: it is new, or its target went.
    static func markLinkPending(truncated: Bool, grp: Int64?, _ db: Database) throws {
        guard let grp else { return }
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO pendingGroup(kind, grp) VALUES (?, ?)")
            .execute(arguments: [truncated ? LinkGroupKind.prefix.rawValue : LinkGroupKind.match.rawValue, grp])
    }
}
