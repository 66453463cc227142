import Foundation
import GRDB

/// The index's writable connections, opened on the first write.
///
/// A command that finds nothing to change (the usual case: no folder's time moved) reads the
/// index through read-only connections and never opens these, so it writes nothing to either
/// database, and SQLite has nothing to copy or sync when it exits. A writable connection would:
/// the last one to close copies every frame of the kept write-ahead log into the database
/// (with an `fdatasync` of the log, its folder and the database), whether this process wrote
/// anything or not, because each process's first connection rebuilds the log's index in shared
/// memory and so takes all of its frames as not yet copied.
final class IndexWriter: @unchecked Sendable {
    private let lock = NSLock()
    private var opened: DatabasePool?
    private let open: @Sendable () throws -> DatabasePool
    /// Whether the pool is also the library's reading pool, closed with it.
    private let sharesReadingPool: Bool

    /// Writes go to `pool`, which the library also reads with.
    init(_ pool: DatabasePool) {
        opened = pool
        open = { pool }
        sharesReadingPool = true
    }

    /// Writes go to a pool that `open` opens on the first write.
    init(opening open: @escaping @Sendable () throws -> DatabasePool) {
        self.open = open
        sharesReadingPool = false
    }

    /// The writable pool, opened now if this is the first write.
    func pool() throws -> DatabasePool {
        lock.lock()
        defer { lock.unlock() }
        if let opened { return opened }
        let pool = try open()
        opened = pool
        return pool
    }

    /// Closes the writable pool if it was opened and is not the reading pool.
    func close() throws {
        lock.lock()
        defer { lock.unlock() }
        guard !sharesReadingPool, let opened else { return }
        try opened.close()
        self.opened = nil
    }
}
