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
/// may sync on a background thread while the main thread queries. An index that needs nothing
/// written to be read is read through read-only connections, and the writable ones are opened
/// on the first write (`IndexWriter`).
public final class Library: Sendable {
    public let locations: LibraryLocations
    /// The connections every query reads with.
    let pool: DatabasePool
    /// The connections every write goes to (`write`).
    let writer: IndexWriter
    /// Messages for the user about the index itself (rebuilt after corruption, ...) and
    /// about the state (read-only, ...).
    public let notices: [String]
    /// Whether the user's state can be written, and if not why (`StateStore`).
    public let stateAccess: StateAccess
    /// Why the index cannot be written (a read-only or full cache folder), nil when it can:
    /// it was opened read-only, as it was last brought up to date (`openReadOnly`).
    public let indexProblem: StorageProblem?
    /// Turns a file's bytes into an article: the real parser, or a fixture parser in tests
    /// that check the library apart from the parser's judgement.
    let parse: ArticleParse

    public var root: URL { locations.root }

    /// `notices`: about the index; those about the state and a read-only index are added.
    /// `writer`: by default `pool` itself.
    private convenience init(locations: LibraryLocations, pool: DatabasePool, writer: IndexWriter? = nil, notices: [String],
                             stateAccess: StateAccess, indexProblem: StorageProblem? = nil, parse: @escaping ArticleParse) {
        let readOnly = indexProblem.map { [LibraryError.indexReadOnly(path: locations.index.path, problem: $0).description] }
        self.init(locations: locations, pool: pool, writer: writer ?? IndexWriter(pool),
                  allNotices: notices + StateStore.notice(locations.state, stateAccess) + (readOnly ?? []),
                  stateAccess: stateAccess, indexProblem: indexProblem, parse: parse)
    }

    private init(locations: LibraryLocations, pool: DatabasePool, writer: IndexWriter, allNotices notices: [String],
                 stateAccess: StateAccess, indexProblem: StorageProblem?, parse: @escaping ArticleParse) {
        self.locations = locations
        self.pool = pool
        self.writer = writer
        self.notices = notices
        self.stateAccess = stateAccess
        self.indexProblem = indexProblem
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
        if let pool = openCurrent(locations, state: state, parserVersion: parserVersion) {
            let writer = IndexWriter { try retryingWhileBusy { try openIndex(locations, state: state) } }
            return Library(locations: locations, pool: pool, writer: writer, notices: [], stateAccess: state, parse: parse)
        }
        do {
            let pool = try retryingWhileBusy { try openIndex(locations, state: state) }
            let notices = try checkParserVersion(pool, parserVersion)
            return Library(locations: locations, pool: pool, notices: notices, stateAccess: state, parse: parse)
        } catch let error as DatabaseError where isBusy(error) {
            // Another process holds the index (creating it, say): not damage, never set aside.
            throw LibraryError.indexUnusable(path: locations.index.path, reason: describe(error))
        } catch let error where !isDamage(error) && StorageProblem.diagnose(locations.index, error: error) != nil {
            // A disk that cannot be written is no damage: the index is read as it is.
            let problem = StorageProblem.diagnose(locations.index, error: error) ?? .other(describe(error))
            let pool = try openReadOnly(locations, state: state, problem: problem, parserVersion: parserVersion)
            return Library(locations: locations, pool: pool, notices: [], stateAccess: state, indexProblem: problem,
                           parse: parse)
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
            try library.close()
            let notice = try setAsideDamagedIndex(locations, because: error)
            let rebuilt = try open(locations, parse: parse)
            let fresh = Library(locations: locations, pool: rebuilt.pool, writer: rebuilt.writer,
                                allNotices: rebuilt.notices + [notice],
                                stateAccess: rebuilt.stateAccess, indexProblem: rebuilt.indexProblem, parse: parse)
            return (fresh, try body(fresh))
        }
    }

    /// Whether `error` is SQLite finding a damaged database: the index's, or the attached
    /// state's (`setAsideDamagedIndex` tells them apart).
    public static func isDamage(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return isCorruption(error)
    }

    /// After damage found while using the library (`isDamage`), with every connection to its
    /// index closed: moves the index aside, so that the next open rebuilds it from the files,
    /// and gives the notice for the user. Damage of the attached state is the user's data,
    /// never the index's: that is `stateDamaged` (see `cable state recover`), and the index
    /// is left alone.
    public static func setAsideDamagedIndex(_ locations: LibraryLocations, because error: (any Error)? = nil) throws -> String {
        if let damage = StateStore.damage(at: locations.state) {
            throw LibraryError.stateDamaged(path: locations.state.path, detail: damage)
        }
        return try setAside(locations.index, because: error)
    }

    /// Reads every page of the index and throws SQLite's corruption error when one is
    /// damaged, so that `withRecovery` rebuilds it: `PRAGMA quick_check` (the structure of
    /// each table and index), then FTS5's own check of the full-text index (its data sits in
    /// blobs, whose bytes `quick_check` does not look into: a zeroed overflow page there
    /// gives wrong similarity scores and no error). `cable sync --check` runs it: a query finds
    /// damage only on the pages it reads. About 1.8 s at 100,000 articles, too much for every
    /// sync (README, "The index").
    public func checkIndex() throws {
        let lines = try pool.read { db in try String.fetchAll(db, sql: "PRAGMA main.quick_check(3)") }
        guard lines == ["ok"] else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: lines.joined(separator: "; "))
        }
        // An INSERT in form (FTS5's commands are): it needs the write lock, so not on an
        // index opened read-only.
        guard indexProblem == nil else { return }
        do {
            try write { db in try db.execute(sql: "INSERT INTO fts(fts, rank) VALUES ('integrity-check', 0)") }
        } catch {
            throw explainIndexWrite(error)
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

    /// The index on a disk that cannot be written, as it was last brought up to date: read
    /// the first way that opens (`StateStore.readOnlyURIs`), never changed. Throws
    /// `indexNotWritable` when there is none, or when it needs bringing up to date (another
    /// version of Cable or of the parser made it).
    private static func openReadOnly(_ locations: LibraryLocations, state: StateAccess, problem: StorageProblem,
                                     parserVersion: Int) throws -> DatabasePool {
        let path = locations.index.path
        guard FileManager.default.fileExists(atPath: path) else {
            throw LibraryError.indexNotWritable(path: path, problem: problem, exists: false)
        }
        for uri in StateStore.readOnlyURIs(locations.index) {
            guard let pool = try? DatabasePool(path: uri, configuration: indexConfiguration(locations, state, readOnly: true))
            else { continue }
            let current = try? pool.read { db in
                try IndexSchema.migrator.hasCompletedMigrations(db)
                    && IndexMeta.int(IndexMeta.parserVersion, db) == parserVersion
            }
            if current == true { return pool }
            try? pool.close()
        }
        throw LibraryError.indexNotWritable(path: path, problem: problem, exists: true)
    }

    private static func openIndex(_ locations: LibraryLocations, state: StateAccess) throws -> DatabasePool {
        try FileManager.default.createDirectory(
            at: locations.index.deletingLastPathComponent(), withIntermediateDirectories: true)
        let pool = try DatabasePool(path: locations.index.path,
                                    configuration: indexConfiguration(locations, state, readOnly: false))
        do {
            // An index made by another version of Cable's schema is not ours to read: rebuild.
            let known = Set(IndexSchema.migrator.migrations)
            let applied = try pool.read(appliedMigrations)
            if !applied.isSubset(of: known) {
                throw LibraryError.indexUnusable(path: locations.index.path,
                                                 reason: "made by another version of Cable")
            }
            // Every migration applied, as is usual: migrating would read the same table again.
            if applied != known { try migrate(IndexSchema.migrator, pool) }
            let missing = try pool.read(missingIndexes)
            if !missing.isEmpty {
                try pool.write { db in for (_, sql) in missing { try db.execute(sql: sql) } }
            }
        } catch {
            try? pool.close()
            throw error
        }
        return pool
    }

    /// The index read-only, when it can be read as it is, as is usual: it exists on a disk that
    /// can be written (else `openReadOnly`, which says why), with every migration applied, no
    /// index missing, made by this parser and with no notice waiting. Nil otherwise, or on any
    /// error: `openIndex` then brings it up to date, or finds the damage and sets it aside.
    private static func openCurrent(_ locations: LibraryLocations, state: StateAccess,
                                    parserVersion: Int) -> DatabasePool? {
        guard FileManager.default.fileExists(atPath: locations.index.path),
              StorageProblem.diagnose(locations.index) == nil,
              let pool = try? DatabasePool(path: locations.index.path,
                                           configuration: indexConfiguration(locations, state, readOnly: true))
        else { return nil }
        let current = try? pool.read { db in
            try appliedMigrations(db) == Set(IndexSchema.migrator.migrations) && missingIndexes(db).isEmpty
                && IndexMeta.int(IndexMeta.parserVersion, db) == parserVersion
                && String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [IndexMeta.notice]) == nil
        }
        if current == true { return pool }
        try? pool.close()
        return nil
    }

    /// The migrations applied to the index. Read from the index's own table: with the state
    /// database attached, an unqualified `grdb_migrations` on a new index would find the state's.
    private static func appliedMigrations(_ db: Database) throws -> Set<String> {
        let exists = try Bool.fetchOne(db, sql: """
            SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = 'grdb_migrations'
            """) ?? false
        guard exists else { return [] }
        return Set(try String.fetchAll(db, sql: "SELECT identifier FROM main.grdb_migrations"))
    }

    /// Indexes a sync stopped in the middle of a load may have left undone (it drops them for
    /// the load: see `IndexSchema.groupIndexes`), to make again. Touches the main table first,
    /// so that a damaged file fails here rather than mid-query.
    private static func missingIndexes(_ db: Database) throws -> [(name: String, sql: String)] {
        _ = try Int.fetchOne(db, sql: "SELECT max(rid) FROM article")
        let indexes = Set(try String.fetchAll(db, sql: "SELECT name FROM main.sqlite_master WHERE type = 'index'"))
        return (IndexSchema.groupIndexes + [IndexSchema.linkTargetIndex]).filter { !indexes.contains($0.name) }
    }

    /// Every index connection: the state attached, the write-ahead log kept.
    private static func indexConfiguration(_ locations: LibraryLocations, _ state: StateAccess,
                                           readOnly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readOnly
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
        return config
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
    private static func setAside(_ index: URL, because error: (any Error)?) throws -> String {
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
        return "the index \(index.path) was unusable (\(error.map(describe) ?? "damaged")); "
            + "moved it to \(aside.lastPathComponent), to be rebuilt from the files"
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
        try writer.pool().writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            guard let result else { throw LibraryError.indexUnusable(path: locations.index.path, reason: "a write did not complete") }
            return result
        }
    }

    public func close() throws {
        try writer.close()
        try pool.close()
    }
}
