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

        /// What a matcher of this kind's windows resolves.
        var purpose: HeadlineMatcher.Purpose { self == .match ? .wholeHeadlines : .cutHeadlines }
    }

    /// Titles per window: large enough that a window's queries are few, small enough that
    /// its matcher stays a few megabytes.
    static let windowTitles = 20_000

    /// Links matched per parallel step.
    static let resolveChunk = 20_000

    /// Resolves the unresolved links of the pending groups (of every group when `all`), then
    /// forgets the pending groups.
    ///
    /// When every group is resolved, the resolutions (most links of the library) are kept in
    /// a temporary table and written at the end in the links' own order, with the link
    /// indexes made again after: written as they are found, in group order, each would land
    /// on another page of the link table and its indexes (at 300,000 articles that took ten
    /// times as long as at 100,000).
    func resolveLinks(all: Bool = false, chunkSize: Int = Library.resolveChunk) throws {
        if all {
            try write { db in
                try db.execute(sql: """
                    CREATE TEMP TABLE IF NOT EXISTS resolved(article INTEGER, ord INTEGER, target INTEGER);
                    DELETE FROM temp.resolved;
                    """)
            }
        }
        // One writer for every window: the last chunk of a window is written while the next
        // window's titles are read and its matcher built.
        let writer = BatchWriter<Void>()
        defer { _ = try? writer.finish() }
        for kind in LinkGroupKind.allCases {
            var after = Int64.min
            while let window = try nextWindow(kind, after: after, all: all) {
                try resolveWindow(window, kind: kind, all: all, chunkSize: chunkSize, writer: writer)
                guard let last = window.lastGroup else { break }
                after = last
            }
        }
        try writer.finish()
        if all { try applyCollectedResolutions(chunkSize: chunkSize) }
        try write { db in try db.execute(sql: "DELETE FROM pendingGroup") }
    }

    /// Writes the resolutions kept in `temp.resolved`, in (article, ord) order (so that each
    /// page of the link table is written once), with the two link indexes dropped while it
    /// runs and made again after (one sort each).
    private func applyCollectedResolutions(chunkSize: Int) throws {
        let indexes = [IndexSchema.linkTargetIndex, IndexSchema.linkUnresolvedIndex]
        try write { db in
            try db.execute(sql: "CREATE INDEX temp.resolved_link ON resolved(article, ord)")
            for (name, _) in indexes { try db.execute(sql: "DROP INDEX IF EXISTS \(name)") }
        }
        var after: (article: Int64, ord: Int) = (Int64.min, Int.min)
        while true {
            let done = try write { db -> (article: Int64, ord: Int)? in
                let rows = try Row.fetchAll(db, sql: """
                    SELECT article, ord, target FROM temp.resolved WHERE (article, ord) > (?, ?)
                    ORDER BY article, ord LIMIT ?
                    """, arguments: [after.article, after.ord, chunkSize])
                try Library.applyResolutions(rows.map { ($0["article"], $0["ord"], $0["target"]) }[...], db)
                return rows.last.map { ($0["article"], $0["ord"]) }
            }
            guard let done else { break }
            after = done
        }
        try write { db in
            for (_, sql) in indexes { try db.execute(sql: sql) }
            try db.execute(sql: "DROP TABLE temp.resolved")
        }
    }

    /// A run of consecutive groups (in group order) and their titles.
    struct TitleWindow {
        /// Groups in (after, lastGroup]; nil for "to the end".
        var after: Int64
        var lastGroup: Int64?
        var titles: [(id: Int64, key: String)]
        /// The groups that have titles, in order.
        var groups: [Int64]
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
            let full = rows.count == Library.windowTitles
            if full {
                // Finish the last group: a group is never split between windows.
                let lastRID: Int64 = last["rid"]
                rows += try Row.fetchAll(db, sql: """
                    SELECT \(column) AS grp, rid, titleKey FROM article WHERE \(column) = ? AND rid > ? ORDER BY rid
                    """, arguments: [lastGroup, lastRID])
            }
            var groups: [Int64] = []
            for row in rows where groups.last != row["grp"] { groups.append(row["grp"]) }
            // The last window runs to the end, so that links of groups with no title are
            // passed over in one go.
            return TitleWindow(after: after, lastGroup: full ? lastGroup : nil,
                               titles: rows.map { ($0["rid"], $0["titleKey"]) }, groups: groups)
        }
    }

    /// Matches the unresolved links of a window's groups, a chunk at a time, each chunk
    /// written by `writer` while the next is read and matched. With `all`, the links of the
    /// window's range of groups are read in index order; otherwise those of its (pending)
    /// groups, group by group.
    private func resolveWindow(_ window: TitleWindow, kind: LinkGroupKind, all: Bool, chunkSize: Int,
                               writer: BatchWriter<Void>) throws {
        let matcher = HeadlineMatcher(titles: window.titles, for: kind.purpose)
        func resolve(_ chunk: [LinkRecord]) throws {
            let resolved = Library.resolveConcurrently(chunk, matcher)
            try writer.finish()
            writer.start { [self] in
                try write { db in
                    if all {
                        try Library.keepResolutions(resolved, db)
                    } else {
                        try Library.applyResolutions(resolved[...], db)
                    }
                }
            }
        }
        if all {
            var after: (grp: Int64, key: String)?
            while true {
                let (chunk, more) = try unresolvedLinks(kind, in: window, after: after, limit: chunkSize)
                if let last = chunk.last, let grp = last.grp {
                    after = (grp, last.key)
                    try resolve(chunk)
                }
                if !more { break }
            }
        } else {
            var chunk: [LinkRecord] = []
            for group in window.groups {
                chunk += try unresolvedLinks(kind, group: group)
                if chunk.count >= chunkSize {
                    try resolve(chunk)
                    chunk = []
                }
            }
            if !chunk.isEmpty { try resolve(chunk) }
        }
    }

    /// Unresolved links of a window's range of groups in index order (group, key), after
    /// `after`, about `limit` of them: one range of an index that holds every column read, so
    /// neither a rescan of what is done nor a lookup of each link's row. The run of the last
    /// (group, key) is always taken whole, so that the next chunk can start after it.
    /// `more`: whether there may be more.
    private func unresolvedLinks(_ kind: LinkGroupKind, in window: TitleWindow, after: (grp: Int64, key: String)?,
                                 limit: Int) throws -> (links: [LinkRecord], more: Bool) {
        try pool.read { db in
            var conditions = ["grp > ?"]
            var arguments: StatementArguments = [window.after]
            if let last = window.lastGroup {
                conditions.append("grp <= ?")
                arguments += [last]
            }
            if let after {
                conditions.append("(grp, key) > (?, ?)")
                arguments += [after.grp, after.key]
            }
            arguments += [limit]
            var links = try LinkRecord.fetchAll(db, sql: """
                SELECT \(Library.unresolvedColumns) FROM link
                WHERE truncated = \(kind.rawValue) AND target IS NULL AND grp IS NOT NULL
                    AND \(conditions.joined(separator: " AND "))
                ORDER BY grp, key LIMIT ?
                """, arguments: arguments)
            guard links.count == limit, let tail = links.last, let grp = tail.grp else { return (links, false) }
            links.removeAll { $0.grp == tail.grp && $0.key == tail.key }
            links += try LinkRecord.fetchAll(db, sql: """
                SELECT \(Library.unresolvedColumns) FROM link
                WHERE truncated = \(kind.rawValue) AND target IS NULL AND grp = ? AND key = ?
                """, arguments: [grp, tail.key])
            return (links, true)
        }
    }

    /// The unresolved links of one group.
    private func unresolvedLinks(_ kind: LinkGroupKind, group: Int64) throws -> [LinkRecord] {
        try pool.read { db in
            try LinkRecord.fetchAll(db.cachedStatement(sql: """
                SELECT \(Library.unresolvedColumns) FROM link
                WHERE truncated = \(kind.rawValue) AND target IS NULL AND grp = ?
                """), arguments: [group])
        }
    }

    /// What resolution reads of a link: every column of the unresolved-link index.
    private static let unresolvedColumns = "article, ord, key, truncated, grp, target"

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

    /// Keeps resolutions in `temp.resolved`, to be written in link order at the end.
    static func keepResolutions(_ batch: [(article: Int64, ord: Int, target: Int64)], _ db: Database) throws {
        let insert = try db.cachedStatement(sql: "INSERT INTO temp.resolved(article, ord, target) VALUES (?, ?, ?)")
        for item in batch { try insert.execute(arguments: [item.article, item.ord, item.target]) }
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
