import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files `cable import` is given, found without ever following a symbolic link.
///
/// An unpacked archive can hold a link to a private key or to the system's password file;
/// following it would copy that file into the library and index it. So no link is followed,
/// wherever it points, neither one named on the command line nor one found in a folder: each
/// is reported as skipped, with where it points. Folders are opened and read by descriptor,
/// each entry looked at with `fstatat` without following links and opened with `O_NOFOLLOW`,
/// so a link swapped in while the walk runs is refused too. Hidden files and folders (a name
/// starting with a dot) found in a folder are reported, not silently left out; one named on
/// the command line is imported (its copy loses the leading dot). A file found in a given
/// folder carries the folders it is in, from the given one down, so that its copy keeps them.
enum ImportWalk {
    /// A regular file, read: its bytes (at most `limit` + 1 of them) and permission bits.
    struct File {
        var data: Data
        var permissions: mode_t
        /// The path as the user gave it, for the report.
        var display: String
        var name: String
        /// The folders it was found in, the given folder's own name first; empty for a file
        /// named on the command line.
        var folders: [String] = []
    }

    enum Found {
        case file(File)
        case skipped(display: String, reason: String)
        /// A hidden file or folder found in a folder (a hidden folder is not looked into).
        case hidden(display: String)
        case missing(String)
    }

    /// Calls `visit` with each file (read), each thing skipped, and each path that does not
    /// exist, in argument order and, within a folder, by name.
    static func walk(_ paths: [String], limit: Int, _ visit: (Found) throws -> Void) throws {
        for path in paths {
            var info = stat()
            guard lstat(path, &info) == 0 else {
                if errno == ENOENT || errno == ENOTDIR { try visit(.missing(path)) } else {
                    try visit(.skipped(display: path, reason: "cannot be read: \(String(cString: strerror(errno)))"))
                }
                continue
            }
            let name = URL(fileURLWithPath: path).lastPathComponent
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                try visit(.skipped(display: path, reason: linkReason(target: readLink(path))))
            case S_IFDIR:
                let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard descriptor >= 0 else {
                    try visit(.skipped(display: path, reason: "cannot be read: \(String(cString: strerror(errno)))"))
                    continue
                }
                let own = URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent
                try walkFolder(descriptor, display: path, folders: [own], limit: limit, visit)
            default:
                let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
                try visit(readFile(descriptor, display: path, name: name, limit: limit))
            }
        }
    }

    /// Reads a folder opened as `descriptor` (and closes it).
    private static func walkFolder(_ descriptor: Int32, display: String, folders: [String], limit: Int,
                                   _ visit: (Found) throws -> Void) throws {
        guard let folder = fdopendir(descriptor) else {
            close(descriptor)
            try visit(.skipped(display: display, reason: "cannot be read: \(String(cString: strerror(errno)))"))
            return
        }
        defer { closedir(folder) }
        var names: [(name: String, bytes: [CChar])] = []
        while let entry = readdir(folder) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.bindMemory(to: CChar.self).prefix { $0 != 0 }) + [0]
            }
            let name = String(decoding: bytes.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if name == "." || name == ".." { continue }
            names.append((name, bytes))
        }
        for (name, bytes) in names.sorted(by: { $0.name < $1.name }) {
            let path = display + "/" + name
            var info = stat()
            guard fstatat(descriptor, bytes, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                try visit(.skipped(display: path, reason: "cannot be read: \(String(cString: strerror(errno)))"))
                continue
            }
            let kind = info.st_mode & S_IFMT
            if name.hasPrefix(".") {
                try visit(.hidden(display: path))
                continue
            }
            switch kind {
            case S_IFLNK:
                try visit(.skipped(display: path, reason: linkReason(target: readLink(at: descriptor, bytes))))
            case S_IFDIR:
                let child = openat(descriptor, bytes, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard child >= 0 else {
                    try visit(.skipped(display: path, reason: "cannot be read: \(String(cString: strerror(errno)))"))
                    continue
                }
                try walkFolder(child, display: path, folders: folders + [name], limit: limit, visit)
            case S_IFREG:
                let file = openat(descriptor, bytes, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
                try visit(readFile(file, display: path, name: name, folders: folders, limit: limit))
            default:
                try visit(.skipped(display: path, reason: "not a regular file (a device, pipe or socket)"))
            }
        }
    }

    /// The file behind an open descriptor (closed here), if it is a regular file.
    private static func readFile(_ descriptor: Int32, display: String, name: String, folders: [String] = [],
                                 limit: Int) -> Found {
        guard descriptor >= 0 else {
            if errno == ELOOP { return .skipped(display: display, reason: linkReason(target: nil)) }
            return .skipped(display: display, reason: "cannot be read: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return .skipped(display: display, reason: "not a regular file (a device, pipe or socket)")
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while data.count <= limit {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .skipped(display: display, reason: "cannot be read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return .file(File(data: data, permissions: info.st_mode & 0o777, display: display, name: name,
                          folders: folders))
    }

    private static func linkReason(target: String?) -> String {
        let to = target.map { " to \($0)" } ?? ""
        return "a symbolic link\(to): links are not followed (import the file itself by its own path if you want it)"
    }

    private static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        return count < 0 ? nil : String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func readLink(at folder: Int32, _ name: [CChar]) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlinkat(folder, name, &buffer, buffer.count - 1)
        return count < 0 ? nil : String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
