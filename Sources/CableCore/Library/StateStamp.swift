import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The state file and its write-ahead log as they were when the state was last found sound
/// and current, kept in the cache folder (`state-checked.json`). While both are as they were,
/// opening the state skips its `quick_check`, which reads every page (about 10 ms at 100,000
/// marked articles): a command that only reads changes neither file.
///
/// Any write to either file, by Cable or by anything else, moves its change time, which no
/// program can set back, and a file put in its place has another inode; so a changed file is
/// checked again before it is trusted or written, and so is a log left with changes in it by
/// a process that was killed. A stamp is recorded only when both files last changed at least
/// two seconds before it was taken: on a file system with coarse times, a change made in the
/// same tick as the check could otherwise leave the same times. Losing the stamp file only
/// costs one check.
struct StateStamp: Codable, Equatable {
    /// What `stat` says of one file.
    struct FileStamp: Codable, Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        /// Nanoseconds since 1970.
        var modified: Int64
        var changed: Int64
    }

    var path: String
    var file: FileStamp
    /// The write-ahead log when it holds anything: an empty one adds nothing to read.
    var log: FileStamp?

    /// Nanoseconds: a file changed more recently than this before the stamp is not stamped.
    static let settleTime: Int64 = 2_000_000_000

    /// The state at `url` as it is now; nil when it cannot be looked at.
    static func of(_ url: URL) -> StateStamp? {
        guard let file = FileStamp.of(url.path) else { return nil }
        let log = FileStamp.of(url.path + "-wal").flatMap { $0.size > 0 ? $0 : nil }
        return StateStamp(path: url.path, file: file, log: log)
    }

    static func recorded(in cache: URL) -> StateStamp? {
        guard let data = try? Data(contentsOf: file(in: cache)) else { return nil }
        return try? JSONDecoder().decode(StateStamp.self, from: data)
    }

    /// Records this stamp, unless a file changed too recently (see above). Best effort: a
    /// cache folder that cannot be written means the next command checks again.
    func record(in cache: URL, now: Date = Date()) {
        let nanoseconds = Int64(now.timeIntervalSince1970 * 1e9)
        guard ([file] + (log.map { [$0] } ?? [])).allSatisfy({ nanoseconds - $0.changed >= Self.settleTime }),
              let data = try? JSONEncoder().encode(self) else { return }
        try? data.write(to: Self.file(in: cache), options: .atomic)
    }

    static func file(in cache: URL) -> URL { cache.appendingPathComponent("state-checked.json") }
}

extension StateStamp.FileStamp {
    static func of(_ path: String) -> StateStamp.FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return StateStamp.FileStamp(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
    }
}
