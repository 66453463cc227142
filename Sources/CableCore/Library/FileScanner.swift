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

/// Lists the article files of a library folder: every regular, non-hidden file in any
/// non-hidden sub-folder. Plain POSIX calls because a no-change re-sync of 100,000 files
/// must take well under two seconds, and Foundation's enumerator is several times slower.
enum FileScanner {
    /// Paths relative to `root` (with `/`), and their fingerprints.
    static func scan(_ root: URL) throws -> [String: Fingerprint] {
        var badNames: [String] = []
        return try scan(root, badNames: &badNames)
    }

    /// Also collects (for the user, lossily decoded) the paths whose names are not UTF-8:
    /// they cannot be named in the index or opened by a rebuilt path, so they are skipped.
    static func scan(_ root: URL, badNames: inout [String]) throws -> [String: Fingerprint] {
        var found: [String: Fingerprint] = [:]
        var isFolder = ObjCBool(false)
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder),
              isFolder.boolValue, opendirWorks(root.path) else {
            throw LibraryError.notAFolder(root.path)
        }
        walk(root.path, relative: "", into: &found, badNames: &badNames)
        return found
    }

    private static func opendirWorks(_ path: String) -> Bool {
        guard let dir = opendir(path) else { return false }
        closedir(dir)
        return true
    }

    private static func walk(_ path: String, relative: String, into found: inout [String: Fingerprint],
                             badNames: inout [String]) {
        guard let dir = opendir(path) else { return }
        defer { closedir(dir) }
        var folders: [(String, String)] = []
        while let entry = readdir(dir) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix(while: { $0 != 0 })) }
            let name = String(decoding: bytes, as: UTF8.self)
            // Hidden files and folders (and . and ..) are not articles: editors' swap
            // files, .git, .DS_Store.
            guard !name.isEmpty, !name.hasPrefix(".") else { continue }
            guard String(validating: bytes, as: UTF8.self) != nil else {
                badNames.append(relative.isEmpty ? name : relative + "/" + name)
                continue
            }
            let full = path + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            var mode = info.st_mode & S_IFMT
            if mode == S_IFLNK {
                // Follow links to files; never descend a linked folder (it may loop).
                guard stat(full, &info) == 0 else { continue }
                mode = info.st_mode & S_IFMT
                if mode == S_IFDIR { continue }
            }
            if mode == S_IFDIR {
                folders.append((full, rel))
            } else if mode == S_IFREG {
                let seconds = Int64(info.st_mtim.tv_sec)
                let nanos = Int64(info.st_mtim.tv_nsec)
                found[rel] = Fingerprint(size: Int64(info.st_size), mtime: seconds * 1_000_000_000 + nanos)
            }
        }
        for (full, rel) in folders { walk(full, relative: rel, into: &found, badNames: &badNames) }
    }
}
