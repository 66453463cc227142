import Foundation
import GRDB
import GRDBSQLite

/// Bytes and the file's relative path in, article out.
typealias ArticleParse = @Sendable (Data, String) -> Article

/// A folder of article files with its SQLite index and the user's state.
///
/// The index (a cache) and the state (precious) are two database files; the state is ATTACHed
/// to every index connection as `state`, so one query can filter on both (`is:unread`).
/// Thread-safe: a `DatabasePool` serialises writes and lets reads run beside them, so the TUI
/// may sync on a background thread while the main thread queries.
public final class Library: Sendable {
    public let locations: LibraryLocations
    let pool: DatabasePool
    /// Messages for the user about the index itself (rebuilt after corruption, ...) and
    /// about the state (read-only, ...).
    public let notices: [String]
    /// Whether the user's state can be written, and if not why (`StateStore`).
    public let stateAccess: StateAccess
    /// Turns a file's bytes into an article: the real parser, or a fixture parser in tests
    /// that check the library apart from the parser's judgement.
    let parse: ArticleParse

    public var root: URL { locations.root }

    private init(locations: LibraryLocations, pool: DatabasePool, notices: [String], stateAccess: StateAccess,
                 parse: @escaping ArticleParse) {
        self.locations = locations
        self.pool = pool
        self.notices = notices + StateStore.notice(locations.state, stateAccess)
        self.stateAccess = stateAccess
        self.parse = parse
    }

    /// Opens the library at its standard locations (see `LibraryLocations.standard`).
    public static func open(root: URL) throws -> Library {
        try open(LibraryLocations.standard(root: root))
    }

    /// Opens (creating if needed) the index and the state. An index that is not a usable
    /// SQLite file is moved aside and rebuilt; a state database that cannot be read is an
    /// error, and the file is left exactly as it was.
    public static func open(_ locations: LibraryLocations) throws -> Library {
        try open(locations, parse: Library.standardParse)
    }

    /// The file's format (HTML or text, by its name) decides which reader parses it.
    static let standardParse: ArticleParse = { data, file in PageReader.parse(data: data, file: file) }

    static func open(_ locations: LibraryLocations, parse: @escaping ArticleParse,
                     parserVersion: Int = PageReader.version) throws -> Library {
        var isFolder = ObjCBool(false)
        guard FileManager.default.fileExists(atPath: locations.root.path, isDirectory: &isFolder),
              isFolder.boolValue else {
            throw LibraryError.notAFolder(locations.root.path)
        }
        let state = try StateStore.prepare(locations.state, cache: locations.index.deletingLastPathComponent())
        do {
            let pool = try retryingWhileBusy { try openIndex(locations, state: state) }
            let notices = try checkParserVersion(pool, parserVersion)
            return Library(locations: locations, pool: pool, notices: notices, stateAccess: state, parse: parse)
        } catch let error as DatabaseError where isBusy(error) {
            // Another process holds the index (creating it, say): not damage, never set aside.
            throw LibraryError.indexUnusable(path: locations.index.path, reason: describe(error))
        } catch {
            let notice = try setAside(locations.index, because: error)
            do {
                let pool = try openIndex(locations, state: state)
                let notices = try checkParserVersion(pool, parserVersion)
                return Library(locations: locations, pool: pool, notices: [notice] + notices, stateAccess: state,
                               parse: parse)
            } catch {
                throw LibraryError.indexUnusable(path: locations.index.path, reason: "\(error)")
            }
        }
    }

    /// Runs `body`; if the index turns out to be corrupt while doing it (a truncated file can
    /// open fine and fail on the first page it reads), rebuilds the index and runs it again.
    public static func withRecovery<T>(
        _ locations: LibraryLocations, _ body: (Library) throws -> T
    ) throws -> (Library, T) {
        try withRecovery(locations, parse: standardParse, body)
    }

    static func withRecovery<T>(
        _ locations: LibraryLocations, parse: @escaping ArticleParse, _ body: (Library) throws -> T
    ) throws -> (Library, T) {
        let library = try open(locations, parse: parse)
        do {
            return (library, try body(library))
        } catch let error as DatabaseError where isCorruption(error) {
            try library.pool.close()
            // The damage may be the attached state's: never rebuild the index for that.
            if let damage = StateStore.damage(at: locations.state) {
                throw LibraryError.stateDamaged(path: locations.state.path, detail: damage)
            }
            let notice = try setAside(locations.index, because: error)
            let rebuilt = try open(locations, parse: parse)
            let fresh = Library(locations: locations, pool: rebuilt.pool, notices: rebuilt.notices + [notice],
                                stateAccess: rebuilt.stateAccess, parse: parse)
            return (fresh, try body(fresh))
        }
    }

    static func isCorruption(_ error: DatabaseError) -> Bool {
        [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode)
    }

    static func isBusy(_ error: DatabaseError) -> Bool {
        [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode)
    }

    /// Switching a new database to WAL takes a lock that the busy timeout does not wait for,
    /// so two processes creating the same database at once retry for a moment.
    static func retryingWhileBusy<T>(_ body: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try body()
            } catch let error as DatabaseError where isBusy(error) && attempt < 20 {
                Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
            }
        }
    }

    private static func openIndex(_ locations: LibraryLocations, state: StateAccess) throws -> DatabasePool {
        try FileManager.default.createDirectory(
            at: locations.index.deletingLastPathComponent(), withIntermediateDirectories: true)
        var config = Configuration()
        config.busyMode = .timeout(10)
        let stateURL = locations.state
        config.prepareDatabase { db in
            // Keep the write-ahead log when the last connection closes: opening a pool on a
            // database without one writes a transaction to make it (and syncs it to disk),
            // which every read command would pay for. A bulk load truncates it at its end.
            var persist: CInt = 1
            let code = withUnsafeMutablePointer(to: &persist) { flag in
                sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, flag)
            }
            guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
            try StateStore.attach(db, stateURL, state)
            // Sync writes many rows in short transactions; NORMAL is safe under WAL.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -16000")
        }
        let pool = try DatabasePool(path: locations.index.path, configuration: config)
        do {
            // An index made by another version of Cable's schema is not ours to read: rebuild.
            let known = Set(IndexSchema.migrator.migrations)
            // Read the index's own migration table: with the state database attached, an
            // unqualified `grdb_migrations` on a new index would find the state's.
            let applied = try pool.read { db -> Set<String> in
                let exists = try Bool.fetchOne(db, sql: """
                    SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = 'grdb_migrations'
                    """) ?? false
                guard exists else { return [] }
                return Set(try String.fetchAll(db, sql: "SELECT identifier FROM main.grdb_migrations"))
            }
            if !applied.isSubset(of: known) {
                throw LibraryError.indexUnusable(path: locations.index.path,
                                                 reason: "made by another version of Cable")
            }
            try migrate(IndexSchema.migrator, pool)
            // Touch the main tables so a damaged file fails here rather than mid-query.
            let indexes = try pool.read { db -> Set<String> in
                _ = try Int.fetchOne(db, sql: "SELECT max(rid) FROM article")
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM state.mark")
                return Set(try String.fetchAll(db, sql: "SELECT name FROM main.sqlite_master WHERE type = 'index'"))
            }
            // A sync stopped in the middle of a load may have left indexes it drops for the
            // load (see `IndexSchema.groupIndexes`) undone: make them again.
            let missing = (IndexSchema.groupIndexes + [IndexSchema.linkTargetIndex]).filter { !indexes.contains($0.name) }
            if !missing.isEmpty {
                try pool.write { db in for (_, sql) in missing { try db.execute(sql: sql) } }
            }
        } catch {
            try? pool.close()
            throw error
        }
        return pool
    }

    /// Two processes opening a new database at once both see "not migrated" and race to
    /// create the tables; the loser fails. It waits and finds the work done, rather than
    /// mistaking the other's success for a damaged database.
    private static func migrate(_ migrator: DatabaseMigrator, _ writer: some DatabaseWriter) throws {
        // Migrating takes the write lock and syncs the file to disk even when there is
        // nothing to do: a read command would pay for it every time.
        if (try? writer.read({ try migrator.hasCompletedMigrations($0) })) == true { return }
        for attempt in 1...6 {
            do {
                try migrator.migrate(writer)
                return
            } catch {
                if (try? writer.read({ try migrator.hasCompletedMigrations($0) })) == true { return }
                if attempt == 6 { throw error }
                Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
            }
        }
    }

    /// Moves a damaged index out of the way (kept for inspection, as `<name>.corrupt`).
    private static func setAside(_ index: URL, because error: Error) throws -> String {
        let aside = index.appendingPathExtension("corrupt")
        let manager = FileManager.default
        for suffix in ["", "-wal", "-shm"] {
            let from = URL(fileURLWithPath: index.path + suffix)
            let to = URL(fileURLWithPath: aside.path + suffix)
            try? manager.removeItem(at: to)
            if manager.fileExists(atPath: from.path) {
                do { try manager.moveItem(at: from, to: to) } catch { try? manager.removeItem(at: from) }
            }
        }
        return "the index \(index.path) was unusable (\(describe(error))); "
            + "moved it to \(aside.lastPathComponent) and rebuilt it from the files"
    }

    static func describe(_ error: Error) -> String {
        // Only the reason: the message this goes into already names the index.
        if case LibraryError.indexUnusable(_, let reason) = error { return reason }
        if let error = error as? DatabaseError {
            return error.message ?? "\(error.resultCode)"
        }
        return "\(error)"
    }

    /// One short IMMEDIATE write transaction: takes the write lock up front, so two processes
    /// wait for each other (busy timeout) instead of failing on a stale snapshot.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            guard let result else { throw LibraryError.indexUnusable(path: locations.index.path, reason: "a write did not complete") }
            return result
        }
    }

    public func close() throws { try pool.close() }
}
