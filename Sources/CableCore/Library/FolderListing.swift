import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What sync compares to decide whether a file must be read again.
struct Fingerprint: Hashable, Sendable {
    var size: Int64
    /// Modification time in nanoseconds since 1970.
    var mtime: Int64
}

/// One folder of a library as it is on disk: its article files (every regular, non-hidden
/// file, or link to one) with their fingerprints, and its non-hidden sub-folders. Plain POSIX
/// calls: a full check stats every file of the library, and Foundation's enumerator is
/// several times slower.
struct FolderListing {
    /// The folder's own modification time, taken before it was read: a change made while it
    /// was being read moves the time past this one, so the next check lists it again.
    var mtime: Int64
    /// Its files, in name order (by UTF-8 bytes, as the index orders them).
    var files: [(name: String, fingerprint: Fingerprint)] = []
    /// Names of sub-folders.
    var folders: [String] = []
    /// Names that are not UTF-8 (lossily decoded, for the user): they cannot be named in the
    /// index or opened again by a stored path, so they are skipped.
    var badNames: [String] = []

    /// Nil when the folder is gone or cannot be read.
    static func read(_ path: String) -> FolderListing? {
        guard let mtime = modificationTime(ofFolder: path), let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        // Entries are looked up relative to the open folder, not by their full path.
        let folder = dirfd(dir)
        var listing = FolderListing(mtime: mtime)
        while let entry = readdir(dir) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix(while: { $0 != 0 })) }
            // Hidden files and folders (and . and ..) are not articles: editors' swap
            // files, .git, .DS_Store.
            guard let first = bytes.first, first != UInt8(ascii: ".") else { continue }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                listing.badNames.append(String(decoding: bytes, as: UTF8.self))
                continue
            }
            var info = stat()
            guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            var mode = info.st_mode & S_IFMT
            if mode == S_IFLNK {
                // Follow links to files; never descend a linked folder (it may loop).
                guard fstatat(folder, name, &info, 0) == 0 else { continue }
                mode = info.st_mode & S_IFMT
                if mode == S_IFDIR { continue }
            }
            if mode == S_IFDIR {
                listing.folders.append(name)
            } else if mode == S_IFREG {
                listing.files.append((name, Fingerprint(size: Int64(info.st_size), mtime: nanoseconds(info.st_mtim))))
            }
        }
        listing.files.sort { FolderListing.precedes($0.name, $1.name) }
        return listing
    }

    /// Name order as the index keeps it (SQLite's BINARY collation): by UTF-8 bytes. With
    /// `memcmp`: the generic comparison of two UTF-8 views was a fifth of a no-change sync.
    static func precedes(_ first: String, _ second: String) -> Bool {
        compare(first, second) < 0
    }

    /// <0, 0 or >0 as `first`'s bytes come before, equal or after `second`'s.
    static func compare(_ first: String, _ second: String) -> Int {
        var first = first
        var second = second
        return first.withUTF8 { a in
            second.withUTF8 { b in
                guard let left = a.baseAddress, let right = b.baseAddress else { return a.count - b.count }
                let order = Int(memcmp(left, right, min(a.count, b.count)))
                return order != 0 ? order : a.count - b.count
            }
        }
    }

    /// A folder's modification time, nil when it is not a readable folder.
    static func modificationTime(ofFolder path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        return nanoseconds(info.st_mtim)
    }

    /// A file's fingerprint, nil when it is not there (or not a regular file).
    static func fingerprint(ofFile path: String) -> Fingerprint? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Fingerprint(size: Int64(info.st_size), mtime: nanoseconds(info.st_mtim))
    }

    static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

}
