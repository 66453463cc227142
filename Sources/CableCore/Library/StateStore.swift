import Foundation
import GRDB

/// How this process may use the user's state database, decided when the library opens.
public enum StateAccess: Hashable, Sendable {
    /// The normal case.
    case readWrite
    /// Readable but not writable (a read-only file system, no permission, a full disk):
    /// reading commands work; writes are refused with what is wrong and what to do.
    case readOnly(StorageProblem)
    /// No state file, and none can be made: every article reads as unread, unstarred and
    /// untagged (an empty state, `standIn`, is attached instead); writes are refused the
    /// same way.
    case absent(StorageProblem, standIn: URL)

    public var isWritable: Bool { self == .readWrite }

    /// Why writes are refused, nil when they are not.
    var problem: StorageProblem? {
        switch self {
        case .readWrite: return nil
        case .readOnly(let problem), .absent(let problem, _): return problem
        }
    }
}

/// The state database: opening it the way the disk allows, checking it, attaching it to the
/// index connections as `state`.
///
/// Damage is looked for with `PRAGMA quick_check` at every open after the file changed (about
/// 10 ms for 100,000 marked articles; an unchanged file found sound is not read again:
/// `StateStamp`), with `PRAGMA integrity_check` by `cable sync --check`, and whenever SQLite
/// reports it later; a damaged state is never written to, and the message says how to save
/// what can still be read (`StateSalvage`).
enum StateStore {
    /// Attaches the state to an index connection, as the schema `state`: the file, or
    /// read-only the first way that opens (`prepare` found one), or the empty stand-in.
    static func attach(_ db: Database, _ url: URL, _ access: StateAccess) throws {
        let readOnlyFile: URL
        switch access {
        case .readWrite:
            try db.execute(sql: "ATTACH DATABASE ? AS state", arguments: [url.path])
            return
        case .readOnly:
            readOnlyFile = url
        case .absent(_, let standIn):
            readOnlyFile = standIn
        }
        var lastError: (any Error)?
        for uri in readOnlyURIs(readOnlyFile) {
            do {
                try db.execute(sql: "ATTACH DATABASE ? AS state", arguments: [uri])
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM state.sqlite_master")
                return
            } catch {
                lastError = error
                try? db.execute(sql: "DETACH DATABASE state")
            }
        }
        throw lastError ?? LibraryError.stateUnreadable(path: url.path, reason: "it cannot be opened read-only")
    }

    /// Opens (creating if needed), migrates and checks the state; says how it may be used.
    /// Throws `stateDamaged` for a damaged file and `stateUnreadable` for one that cannot be
    /// read at all; the file is left exactly as it was. `cache` is the folder for an empty
    /// stand-in, when no state can be made.
    static func prepare(_ url: URL, cache: URL) throws -> StateAccess {
        guard FileManager.default.fileExists(atPath: url.path) else { return try create(url, cache: cache) }
        // Looked at read-only first: opened for writing, a damaged file would be changed
        // when the connection closes (its write-ahead log checkpointed into it).
        let problem = StorageProblem.diagnose(url)
        let inspection: Result<Bool, any Error>
        do {
            inspection = .success(try inspect(url, cache: cache))
        } catch let error as LibraryError {
            throw error
        } catch {
            inspection = .failure(error)
        }
        if let problem {
            return try readOnly(url, problem, inspection)
        }
        // Sound and up to date, as is usual: opening it for writing would write (and sync)
        // a transaction on every command.
        if case .success(true) = inspection { return .readWrite }
        do {
            try Library.retryingWhileBusy { try openReadWrite(url, check: (try? inspection.get()) == nil) }
            return .readWrite
        } catch let error as DatabaseError where Library.isBusy(error) {
            throw LibraryError.stateUnreadable(path: url.path, reason: "another program holds it locked")
        } catch let error as LibraryError {
            throw error
        } catch {
            if let damage = damage(in: error) { throw LibraryError.stateDamaged(path: url.path, detail: damage) }
            guard let problem = StorageProblem.diagnose(url, error: error) else {
                throw LibraryError.stateUnreadable(path: url.path, reason: ErrorText.describe(error))
            }
            return try readOnly(url, problem, inspection)
        }
    }

    /// A state that cannot be written, if it could be read.
    private static func readOnly(_ url: URL, _ problem: StorageProblem,
                                 _ inspection: Result<Bool, any Error>) throws -> StateAccess {
        switch inspection {
        case .success(true):
            return .readOnly(problem)
        case .success(false):
            throw LibraryError.stateUnreadable(path: url.path, reason: "it was made by another version of Cable "
                + "and cannot be brought up to date while \(problem); \(problem.advice)")
        case .failure(let error):
            let waiting = (try? FileManager.default.attributesOfItem(atPath: url.path + "-wal")[.size] as? Int) ?? 0
            throw LibraryError.stateUnreadable(path: url.path, reason: waiting > 0
                ? "\(problem), and changes not yet written into it (in \(url.lastPathComponent)-wal) "
                    + "cannot be read without writing; \(problem.advice), then run cable again"
                : "\(problem), and it cannot be opened read-only (\(ErrorText.describe(error)))")
        }
    }

    /// A new state file; when none can be made, an empty stand-in in the cache folder.
    private static func create(_ url: URL, cache: URL) throws -> StateAccess {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Library.retryingWhileBusy { try openReadWrite(url) }
            return .readWrite
        } catch {
            guard let problem = StorageProblem.diagnose(url, error: error) else {
                throw LibraryError.stateUnreadable(path: url.path, reason: ErrorText.describe(error))
            }
            // A file begun before the disk refused holds nothing: leave no half-made state.
            if let size = try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int, size == 0 {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: url.path + suffix) }
            }
            let standIn = cache.appendingPathComponent("empty-state.sqlite")
            do {
                try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
                try Library.retryingWhileBusy { try openReadWrite(standIn) }
            } catch {
                throw LibraryError.stateUnreadable(path: url.path, reason: "there is none and none can be made: \(problem)")
            }
            return .absent(problem, standIn: standIn)
        }
    }

    /// Opens for writing and brings the schema up to date; `check` when it could not be
    /// looked at read-only first.
    private static func openReadWrite(_ url: URL, check: Bool = false) throws {
        var config = Configuration()
        config.journalMode = .wal
        config.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: url.path, configuration: config)
        defer { try? queue.close() }
        if check, let damage = try queue.inDatabase({ try StateStore.check($0) }) {
            throw LibraryError.stateDamaged(path: url.path, detail: damage)
        }
        try migrate(queue)
    }

    /// Another process may be migrating the same new file: wait for it rather than fail.
    private static func migrate(_ queue: DatabaseQueue) throws {
        for attempt in 1...6 {
            do {
                try StateSchema.migrator.migrate(queue)
                return
            } catch {
                if (try? queue.read({ try StateSchema.migrator.hasCompletedMigrations($0) })) == true { return }
                if attempt == 6 || damage(in: error) != nil { throw error }
                Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
            }
        }
    }

    /// Whether the state's schema is current, throwing `stateDamaged` when it is damaged: known
    /// without reading it when the file is as it was when last found sound and current
    /// (`StateStamp`), else looked at read-only, and stamped when found so.
    private static func inspect(_ url: URL, cache: URL) throws -> Bool {
        let taken = Date()
        let stamp = StateStamp.of(url)
        if let stamp, stamp == StateStamp.recorded(in: cache) { return true }
        let current = try inspectReadOnly(url)
        if current { stamp?.record(in: cache, now: taken) }
        return current
    }

    /// Reads every page of the state (`PRAGMA integrity_check`, which also compares each
    /// index with its table), throwing `stateDamaged` when one is damaged; stamps it when it
    /// is sound and current. For `cable sync --check`: opening the state checks it only when
    /// it changed.
    static func checkFully(_ url: URL, cache: URL) throws {
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let taken = Date()
        let stamp = StateStamp.of(url)
        if try inspectReadOnly(url, full: true) { stamp?.record(in: cache, now: taken) }
    }

    /// Opens the file read-only, the first way that works, and looks for damage (throwing
    /// `stateDamaged`); `full`: with `integrity_check`. Returns whether its schema is current. `mode=ro` reads a WAL
    /// database when its `-shm` file exists or can be made; `immutable=1` reads one on a
    /// read-only or full disk where it cannot (`readOnlyURIs`).
    private static func inspectReadOnly(_ url: URL, full: Bool = false) throws -> Bool {
        var lastError: (any Error)?
        for uri in readOnlyURIs(url) {
            do {
                var config = Configuration()
                config.readonly = true
                let queue = try DatabaseQueue(path: uri, configuration: config)
                defer { try? queue.close() }
                // No transaction: after damage, even its COMMIT fails.
                return try queue.inDatabase { db in
                    if let damage = try check(db, full: full) {
                        throw LibraryError.stateDamaged(path: url.path, detail: damage)
                    }
                    return try StateSchema.migrator.hasCompletedMigrations(db)
                }
            } catch let error as LibraryError {
                throw error
            } catch {
                if let damage = damage(in: error) { throw LibraryError.stateDamaged(path: url.path, detail: damage) }
                lastError = error
            }
        }
        throw lastError ?? LibraryError.stateUnreadable(path: url.path, reason: "it cannot be opened read-only")
    }

    /// `file:` URIs that open the state read-only, in the order to try them. `immutable=1`
    /// skips SQLite's locks, so it is tried only where nothing can be writing the file (it
    /// cannot be written) and no changes wait in its `-wal`.
    static func readOnlyURIs(_ url: URL) -> [String] {
        let path = url.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? url.path
        let waiting = (try? FileManager.default.attributesOfItem(atPath: url.path + "-wal")[.size] as? Int) ?? 0
        let unchanging = waiting == 0 && StorageProblem.diagnose(url) != nil
        return ["file:\(path)?mode=ro"] + (unchanging ? ["file:\(path)?immutable=1"] : [])
    }

    /// What `quick_check` (`full`: `integrity_check`) finds wrong (its first lines), or nil
    /// when the file is sound.
    static func check(_ db: Database, full: Bool = false) throws -> String? {
        do {
            let lines = try String.fetchAll(db, sql: full ? "PRAGMA integrity_check(3)" : "PRAGMA quick_check(3)")
            guard lines != ["ok"] else { return nil }
            // SQLite's report, on one line, without its "*** in database main ***" headings.
            return lines.flatMap { $0.split(separator: "\n") }.filter { !$0.hasPrefix("***") }
                .joined(separator: "; ")
        } catch {
            if let damage = damage(in: error) { return damage }
            throw error
        }
    }

    /// Whether `error` says the database is damaged, and how (SQLite's words for it).
    static func damage(in error: any Error) -> String? {
        guard let error = error as? DatabaseError,
              [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) else { return nil }
        return error.message ?? "database disk image is malformed"
    }

    /// Whether the state file at `url` is damaged, looked at with its own connection (used
    /// when an index connection reports damage: it may be the attached state's).
    static func damage(at url: URL) -> String? {
        for uri in readOnlyURIs(url) {
            var config = Configuration()
            config.readonly = true
            do {
                let queue = try DatabaseQueue(path: uri, configuration: config)
                defer { try? queue.close() }
                return try queue.inDatabase { try check($0) }
            } catch {
                if let damage = damage(in: error) { return damage }
            }
        }
        return nil
    }

    /// What to tell the user at open about a state that cannot be written.
    static func notice(_ url: URL, _ access: StateAccess) -> [String] {
        switch access {
        case .readWrite:
            return []
        case .readOnly(let problem):
            return ["your read marks, stars and tags ('\(url.path)') can be read but not saved: \(problem). "
                + "Reading works; to mark, tag or import, \(problem.advice)"]
        case .absent(let problem, _):
            return ["there is no state database at '\(url.path)' and none can be made: \(problem), so every "
                + "article shows as unread. To keep read marks, stars and tags, \(problem.advice)"]
        }
    }

    /// A write refused or failed, said for the user: damage, a full or read-only disk.
    static func explain(_ error: any Error, at url: URL) -> any Error {
        if let damage = damage(in: error) { return LibraryError.stateDamaged(path: url.path, detail: damage) }
        if let error = error as? DatabaseError,
           [.SQLITE_FULL, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_CANTOPEN].contains(error.resultCode),
           let problem = StorageProblem.diagnose(url, error: error) {
            return LibraryError.stateNotWritable(path: url.path, problem: problem)
        }
        return error
    }
}

/// The user state: not derivable, so it is only ever migrated forward, never dropped.
enum StateSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE mark(
                    id TEXT PRIMARY KEY,
                    read INTEGER NOT NULL DEFAULT 0,
                    starred INTEGER NOT NULL DEFAULT 0
                ) WITHOUT ROWID;
                CREATE TABLE userTag(
                    id TEXT NOT NULL,
                    tagKey TEXT NOT NULL,
                    tag TEXT NOT NULL,
                    PRIMARY KEY(id, tagKey)
                ) WITHOUT ROWID;
                CREATE INDEX userTag_key ON userTag(tagKey);
                """)
        }
        return migrator
    }
}
