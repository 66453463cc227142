import Foundation
import GRDB

/// What can still be read out of a damaged state database, as a state export.
///
/// SQLite keeps no checksums, so a damaged page shows as an error when a query reaches it.
/// The rows are read in key order in batches; when a batch fails, the walk looks for the
/// nearest key after it that can be read again (doubling the step through the id space, then
/// halving back) and goes on from there, noting the stretch of ids it could not read. Read
/// only: the file is never changed.
public struct StateSalvage: Sendable {
    /// The state export of what was read (`StateText`, without titles).
    public var text: String
    /// How many articles have some state in it.
    public var articles: Int
    /// The stretches of the tables that could not be read, for the user.
    public var lost: [String]

    /// Reads what it can of the state file at `url`.
    public static func read(_ url: URL) -> StateSalvage {
        var entries: [String: ArticleMarks] = [:]
        var lost: [String] = []
        do {
            (entries, lost) = try withReadOnlyDatabase(url) { db in
                var entries: [String: ArticleMarks] = [:]
                var lost: [String] = []
                for row in walk(db, table: "mark", columns: ["id", "read", "starred"], lost: &lost) {
                    // A damaged page can hold values of any type: those rows are left out.
                    guard let id = text(row, 0), let read = Bool.fromDatabaseValue(row[1]),
                          let starred = Bool.fromDatabaseValue(row[2]) else { continue }
                    entries[id, default: ArticleMarks()].read = read
                    entries[id, default: ArticleMarks()].starred = starred
                }
                for row in walk(db, table: "userTag", columns: ["id", "tag"], lost: &lost) {
                    guard let id = text(row, 0), let tag = text(row, 1) else { continue }
                    entries[id, default: ArticleMarks()].tags.append(tag)
                }
                return (entries, lost)
            }
        } catch {
            lost = ["anything: the file cannot be opened as a database (\(StateStore.damage(in: error) ?? ErrorText.describe(error)))"]
        }
        let sorted = entries.sorted { $0.key < $1.key }.map { entry -> (id: String, marks: ArticleMarks) in
            var marks = entry.value
            // In the export's order (SQLite's, by bytes).
            marks.tags.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            return (entry.key, marks)
        }
        return StateSalvage(text: StateText.write(sorted) { _ in nil }, articles: sorted.count, lost: lost)
    }

    private static func text(_ row: Row, _ index: Int) -> String? {
        String.fromDatabaseValue(row[index])
    }

    private static func withReadOnlyDatabase<T>(_ url: URL, _ body: (Database) throws -> T) throws -> T {
        var lastError: (any Error)?
        for uri in StateStore.readOnlyURIs(url) {
            var config = Configuration()
            config.readonly = true
            do {
                let queue = try DatabaseQueue(path: uri, configuration: config)
                defer { try? queue.close() }
                // No transaction around it: after a damaged page, even its COMMIT fails.
                return try queue.inDatabase { db in
                    _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
                    return try body(db)
                }
            } catch {
                lastError = error
            }
        }
        throw lastError ?? LibraryError.stateUnreadable(path: url.path, reason: "it cannot be opened")
    }

    /// The rows of a state table: the key columns then `columns`, read in key order.
    private struct Table {
        var name: String
        var columns: [String]
        /// `userTag` is keyed by (id, tagKey), `mark` by id.
        var tagged: Bool { name == "userTag" }

        /// Up to `limit` rows after `cursor`, each with its key last.
        func rows(_ db: Database, after cursor: Key?, limit: Int) throws -> [Row] {
            let key = tagged ? "id, tagKey" : "id"
            let condition = cursor == nil ? "" : tagged ? "WHERE (id, tagKey) > (?, ?)" : "WHERE id > ?"
            let arguments: StatementArguments = cursor.map { tagged ? [$0.id, $0.tagKey] : [$0.id] } ?? []
            return try Row.fetchAll(db, sql: """
                SELECT \(columns.joined(separator: ", ")), \(key) FROM \(name) \(condition)
                ORDER BY \(key) LIMIT \(limit)
                """, arguments: arguments)
        }

        func key(of row: Row) -> Key? {
            let base = columns.count
            guard let id = text(row, base) else { return nil }
            return Key(id: id, tagKey: tagged ? text(row, base + 1) ?? "" : "")
        }
    }

    private struct Key {
        var id: String
        var tagKey: String
    }

    /// The readable rows of `table`, in key order. Batches while they read; after one fails,
    /// row by row up to the damage, then past it (`nextReadableID`).
    private static func walk(_ db: Database, table name: String, columns: [String], lost: inout [String]) -> [Row] {
        let table = Table(name: name, columns: columns)
        var rows: [Row] = []
        var cursor: Key?
        while true {
            if let batch = try? table.rows(db, after: cursor, limit: 500) {
                rows += batch
                guard batch.count == 500, let last = batch.last.flatMap(table.key) else { return rows }
                cursor = last
                continue
            }
            // Row by row: every row before the damaged page is still read.
            while let step = try? table.rows(db, after: cursor, limit: 1) {
                guard let row = step.first, let key = table.key(of: row) else { return rows }
                rows.append(row)
                cursor = key
            }
            let from = cursor?.id ?? "the start"
            guard let resume = nextReadableID(db, table: name, after: cursor?.id) else {
                lost.append("\(name): every row after \(from)")
                return rows
            }
            lost.append("\(name): the rows from \(from) to \(resume)")
            // Past every tag key of the id it resumes at.
            cursor = Key(id: resume, tagKey: "\u{10FFFF}")
        }
    }

    /// The smallest id in the 64-bit hex space after `start` from which `table` reads again:
    /// steps of 1, 2, 4, ... until a seek works, then halving back to the nearest one.
    static func nextReadableID(_ db: Database, table: String, after start: String?) -> String? {
        let from = start.flatMap { UInt64($0.prefix(16), radix: 16) } ?? 0
        // Whether a seek to just after `value` reads (a row, or the end of the table).
        func readable(_ value: UInt64) -> Bool {
            do {
                _ = try Row.fetchOne(db, sql: "SELECT id FROM \(table) WHERE id > ? ORDER BY id LIMIT 1",
                                     arguments: [hex(value)])
                return true
            } catch {
                return false
            }
        }
        var failed = from
        var step: UInt64 = 1
        var found: UInt64?
        while found == nil {
            let (probe, overflow) = from.addingReportingOverflow(step)
            if overflow { return readable(UInt64.max) ? hex(UInt64.max) : nil }
            if readable(probe) { found = probe } else { failed = probe }
            if step == 1 << 63 { break }
            step <<= 1
        }
        guard var good = found else { return nil }
        while good - failed > 1 {
            let middle = failed + (good - failed) / 2
            if readable(middle) { good = middle } else { failed = middle }
        }
        return hex(good)
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// What `cable state recover` did: the damaged state set aside, what could be read of it
/// saved as a state export and imported into a new state.
public struct StateRecovery: Sendable {
    public var salvage: StateSalvage
    /// The state export of what was read.
    public var savedTo: URL
    /// Where the damaged file went.
    public var setAside: URL
    public var imported: StateImportReport
}

extension Library {
    /// Recovers a damaged state: saves what can be read to a text file (`savingTo`, else
    /// next to the state), moves the damaged file (and its `-wal` and `-shm`) aside, starts a
    /// new state and imports the text into it. Nil, changing nothing, when the state is not
    /// damaged. Nothing is moved unless the text was saved first.
    public static func recoverState(_ locations: LibraryLocations, savingTo: URL? = nil,
                                    now: Date = Date()) throws -> StateRecovery? {
        let state = locations.state
        do {
            _ = try StateStore.prepare(state, cache: locations.index.deletingLastPathComponent())
            return nil
        } catch LibraryError.stateDamaged {}
        let salvage = StateSalvage.read(state)
        let stamp = Library.fileStamp(now)
        let saved = savingTo ?? freeName(state.path + ".recovered-\(stamp)", ".txt")
        try Data(salvage.text.utf8).write(to: saved, options: .atomic)
        let aside = freeName(state.path + ".damaged-\(stamp)", "")
        try moveTogether(state, to: aside)
        let library = try open(locations)
        defer { try? library.close() }
        let imported = try library.importState(salvage.text, replacing: true, skippingBadLines: true)
        return StateRecovery(salvage: salvage, savedTo: saved, setAside: aside, imported: imported)
    }

    /// `base + ext`, or `base-2 + ext`, ... when that (or its `-wal` or `-shm`) is taken.
    static func freeName(_ base: String, _ ext: String) -> URL {
        let manager = FileManager.default
        var attempt = 1
        while true {
            let path = base + (attempt == 1 ? "" : "-\(attempt)") + ext
            if !["", "-wal", "-shm"].contains(where: { manager.fileExists(atPath: path + $0) }) {
                return URL(fileURLWithPath: path)
            }
            attempt += 1
        }
    }

    /// `20240131-093000`, in UTC.
    static func fileStamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: date)
    }

    /// Moves a database with its `-wal` and `-shm` files, all or none: a new database must
    /// never meet the old one's write-ahead log.
    static func moveTogether(_ database: URL, to target: URL) throws {
        let manager = FileManager.default
        var moved: [(URL, URL)] = []
        do {
            for suffix in ["-wal", "-shm", ""] {
                let from = URL(fileURLWithPath: database.path + suffix)
                let to = URL(fileURLWithPath: target.path + suffix)
                guard manager.fileExists(atPath: from.path) else { continue }
                try manager.moveItem(at: from, to: to)
                moved.append((from, to))
            }
        } catch {
            for (from, to) in moved.reversed() { try? manager.moveItem(at: to, to: from) }
            throw error
        }
    }
}
