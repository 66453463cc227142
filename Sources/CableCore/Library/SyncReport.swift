import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How far a sync has got, for a progress line.
public struct SyncProgress: Sendable {
    public var done: Int
    public var total: Int
}

/// A file sync did not index, and why (binary, unreadable, empty, too large, duplicate).
public struct SkippedFile: Hashable, Sendable, Codable {
    public var file: String
    public var reason: String
}

/// How a sync finds what changed in the library's folder.
public enum SyncCheck: Sendable {
    /// Lists again only the folders whose modification time moved since they were last
    /// listed (a file added, removed or renamed in them), and folders new to the index: one
    /// `stat` per folder. What every command does before it answers.
    case folders
    /// Compares every file's size and modification time with the index: also finds files
    /// rewritten in place. What `cable sync` and the reader's start do.
    case files
}

/// What a sync did.
public struct SyncReport: Sendable {
    /// Files now holding an article they did not hold before (new files, and files taking
    /// over an article whose file was moved or removed).
    public var added = 0
    /// Files edited in place: their article changed, and the user's marks followed.
    public var updated = 0
    /// Files gone from the library.
    public var removed = 0
    /// Files checked and found as they were (with `.folders`, only in the folders listed).
    public var unchanged = 0
    /// Every file currently not indexed, with the reason (with `.folders`, files whose names
    /// are not UTF-8 only in the folders listed).
    public var skipped: [SkippedFile] = []
    public var articles = 0
    public var seconds = 0.0
    /// Where the time went, step by step: wall-clock seconds, and CPU seconds of the whole
    /// process (every thread) in the step, which a busy machine does not inflate.
    public var phases: [(name: String, seconds: Double, cpuSeconds: Double)] = []
    /// Where the work went inside "index files": seconds summed over the threads that did it
    /// (reading and parsing run on every core at once, beside the writer).
    public var work = SyncWork()
}

/// Seconds of work by kind, summed over threads: reading files, parsing them, preparing what
/// the index stores (keys, groups, search text), writing rows (the writer thread, without the
/// full-text index), adding to the full-text index, and matching links.
public struct SyncWork: Sendable {
    public var read = 0.0
    public var parse = 0.0
    public var prepare = 0.0
    public var write = 0.0
    public var fullText = 0.0

    mutating func add(_ other: SyncWork) {
        read += other.read
        parse += other.parse
        prepare += other.prepare
        write += other.write
        fullText += other.fullText
    }
}

/// A clock for the phases and work of a sync.
struct Stopwatch {
    private var start = DispatchTime.now().uptimeNanoseconds

    /// Seconds since the start or the last lap, and starts again.
    mutating func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { start = now }
        return Double(now - start) / 1e9
    }
}

/// Wall-clock and process CPU time of the steps of a sync.
struct PhaseClock {
    private var wall = Stopwatch()
    private var cpu = PhaseClock.processCPU()

    /// (wall seconds, CPU seconds) since the start or the last lap, and starts again.
    mutating func lap() -> (seconds: Double, cpuSeconds: Double) {
        let now = PhaseClock.processCPU()
        defer { cpu = now }
        return (wall.lap(), now - cpu)
    }

    /// CPU seconds used by this process so far, every thread.
    static func processCPU() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
