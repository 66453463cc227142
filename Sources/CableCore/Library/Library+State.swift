import Foundation
import GRDB

/// The user's own marks on one article.
public struct ArticleMarks: Hashable, Sendable {
    public var read = false
    public var starred = false
    public var tags: [String] = []

    public init(read: Bool = false, starred: Bool = false, tags: [String] = []) {
        self.read = read
        self.starred = starred
        self.tags = tags
    }
}

/// What `importState` did: how many lines it applied and what was wrong with the others
/// (when there are problems and bad lines were not to be skipped, nothing was applied).
public struct StateImportReport: Sendable {
    public var applied = 0
    public var problems: [String] = []
    /// Lines of an older backup (format 1 or 2) whose old id no article of this library has:
    /// kept under that id, for the library that holds the article (`LegacyState`).
    public var keptUnderOldIDs = 0
}

extension Library {
    /// Reads every page of the user's state (`cable sync --check`; opening a library checks
    /// it only when it changed), throwing `stateDamaged` when one is damaged.
    public static func checkState(_ locations: LibraryLocations) throws {
        try StateStore.checkFully(locations.state, cache: locations.index.deletingLastPathComponent())
    }

    /// A write to the user's state (and to the index, in the same transaction): refused,
    /// saying what is wrong and what to do, when the state cannot be written, and a failure
    /// on the way (a full disk, damage) said the same way.
    func writeState<T>(_ body: (Database) throws -> T) throws -> T {
        if let problem = stateAccess.problem {
            throw LibraryError.stateNotWritable(path: locations.state.path, problem: problem)
        }
        do {
            return try write(body)
        } catch {
            throw StateStore.explain(error, at: locations.state)
        }
    }

    public func marks(_ id: ArticleID) throws -> ArticleMarks {
        try pool.read { db in
            var marks = ArticleMarks()
            if let mark = try MarkRecord.fetchOne(db, sql: "SELECT * FROM state.mark WHERE id = ?",
                                                  arguments: [id.rawValue]) {
                marks.read = mark.read
                marks.starred = mark.starred
            }
            marks.tags = try String.fetchAll(db, sql: "SELECT tag FROM state.userTag WHERE id = ? ORDER BY tag",
                                             arguments: [id.rawValue])
            return marks
        }
    }

    /// Adds and removes the user's own tags (page tags are the page's and stay). Returns,
    /// for the user, each removal that did nothing and why. Tags are checked by `UserTag`
    /// (no control characters, a length limit) before anything changes.
    @discardableResult
    public func changeUserTags(_ ids: [ArticleID], adding: [String], removing: [String]) throws -> [String] {
        let added = try adding.compactMap(UserTag.normalized)
        return try writeState { db in
            var unchanged: [String] = []
            for id in ids {
                for tag in removing {
                    try db.execute(sql: "DELETE FROM state.userTag WHERE id = ? AND tagKey = ?",
                                   arguments: [id.rawValue, Library.tagKey(tag)])
                    guard db.changesCount == 0 else { continue }
                    let short = String(id.rawValue.prefix(8))
                    let onPage = try Bool.fetchOne(db, sql: """
                        SELECT 1 FROM tag t JOIN article a ON a.rid = t.article WHERE a.id = ? AND t.tagKey = ?
                        """, arguments: [id.rawValue, Library.tagKey(tag)]) ?? false
                    unchanged.append(onPage
                        ? "\(short): '\(tag)' is the page's own tag and cannot be removed"
                        : "\(short): has no tag '\(tag)'")
                }
                for tag in added {
                    try db.execute(sql: """
                        INSERT INTO state.userTag(id, tagKey, tag) VALUES (?, ?, ?)
                        ON CONFLICT(id, tagKey) DO UPDATE SET tag = excluded.tag
                        """, arguments: [id.rawValue, Library.tagKey(tag), tag])
                }
            }
            return unchanged
        }
    }

    /// All user state as text (`StateText`), one article a line, sorted by id so exports
    /// diff well, each line with the article's title as a comment when it is in this library.
    public func exportState() throws -> String {
        try pool.read { db in
            let entries = try Library.readState(db)
            let title = try db.makeStatement(sql: "SELECT title FROM article WHERE id = ?")
            return try StateText.write(entries) { id in try String.fetchOne(title, arguments: [id]) }
        }
    }

    /// Every article's marks, by id.
    static func readState(_ db: Database) throws -> [(id: String, marks: ArticleMarks)] {
        var entries: [String: ArticleMarks] = [:]
        for mark in try MarkRecord.fetchAll(db, sql: "SELECT * FROM state.mark") {
            entries[mark.id] = ArticleMarks(read: mark.read, starred: mark.starred)
        }
        for tag in try UserTagRecord.fetchAll(db, sql: "SELECT * FROM state.userTag ORDER BY tag") {
            entries[tag.id, default: ArticleMarks()].tags.append(tag.tag)
        }
        return entries.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Merges an export back: marks a line names are set, tags are added, nothing is removed
    /// unless the line says `unread` or `unstarred`. With `replacing`, each article a line
    /// names gets exactly that line's state instead (what it does not say is unread,
    /// unstarred, untagged), as when restoring a backup; articles no line names keep theirs.
    ///
    /// All or nothing: every line is read and checked first (tags by `UserTag`, as
    /// `cable tag` checks them), and when one is bad nothing is applied, unless
    /// `skippingBadLines`; then the good lines are. They are applied in one transaction, so
    /// an import that is interrupted (killed, a full disk) leaves the state as it was.
    public func importState(_ text: String, replacing: Bool = false,
                            skippingBadLines: Bool = false) throws -> StateImportReport {
        var report = StateImportReport()
        let (format, lines) = try StateText.read(text)
        var checked: [(number: Int, line: StateText.Line)] = []
        var problems: [(number: Int, problem: String)] = []
        for (number, result) in lines {
            do {
                var line = try result.get()
                line.tags = try line.tags.map { tag in
                    guard let clean = try UserTag.normalized(tag) else {
                        throw StateText.Problem(description: "an empty tag")
                    }
                    return clean
                }
                checked.append((number, line))
            } catch {
                problems.append((number, "\(error)"))
            }
        }
        var parsed: [(ids: [String], line: StateText.Line)] = []
        for (entry, ids) in zip(checked, try articles(namedBy: checked.map(\.line.id), format: format)) {
            do {
                let found = try ids.get()
                if found.isEmpty { report.keptUnderOldIDs += 1 }
                parsed.append((found.isEmpty ? [entry.line.id] : found, entry.line))
            } catch {
                problems.append((entry.number, "\(error)"))
            }
        }
        report.problems = problems.sorted { $0.number < $1.number }.map { "line \($0.number): \($0.problem)" }
        guard report.problems.isEmpty || skippingBadLines else { return report }
        try writeState { db in
            for (ids, line) in parsed {
                for id in ids { try Library.apply(line, to: id, replacing: replacing, db) }
            }
        }
        report.applied = parsed.count
        return report
    }

    /// The articles each id of a state file names, or why it names none. Ids of today
    /// (format 3) are themselves, a shorter one the article it starts. An older backup's
    /// (`LegacyState`) are the articles with that old id, none when no article here has it
    /// (the line is then kept under it), or for a shorter id the one old id it starts.
    private func articles(namedBy ids: [String], format: Int) throws -> [Result<[String], any Error>] {
        guard format <= StateText.lastLegacyIDFormat else {
            return ids.map { id in Result { [id.count == 16 ? id : try resolveID(id).rawValue] } }
        }
        return try pool.read { db in
            ids.map { id in
                Result {
                    if id.count == 16 { return try Library.articles(withLegacyID: id, db) }
                    let found = try String.fetchAll(db, sql: """
                        SELECT DISTINCT legacyID FROM article WHERE legacyID >= ? AND legacyID < ? ORDER BY legacyID LIMIT 11
                        """, arguments: [id, id + "\u{10FFFF}"])
                    guard let only = found.first else { throw LibraryError.unknownID(id) }
                    guard found.count == 1 else { throw LibraryError.ambiguousID(id, matches: found) }
                    return try Library.articles(withLegacyID: only, db)
                }
            }
        }
    }

    private static func apply(_ line: StateText.Line, to id: String, replacing: Bool, _ db: Database) throws {
        var line = line
        if replacing {
            line.read = line.read ?? false
            line.starred = line.starred ?? false
            try db.cachedStatement(sql: "DELETE FROM state.userTag WHERE id = ?").execute(arguments: [id])
        }
        if let read = line.read {
            try db.cachedStatement(sql: """
                INSERT INTO state.mark(id, read) VALUES (?, ?)
                ON CONFLICT(id) DO UPDATE SET read = excluded.read
                """).execute(arguments: [id, read])
        }
        if let starred = line.starred {
            try db.cachedStatement(sql: """
                INSERT INTO state.mark(id, starred) VALUES (?, ?)
                ON CONFLICT(id) DO UPDATE SET starred = excluded.starred
                """).execute(arguments: [id, starred])
        }
        for tag in line.tags {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO state.userTag(id, tagKey, tag) VALUES (?, ?, ?)")
                .execute(arguments: [id, Library.tagKey(tag), tag])
        }
    }
}
