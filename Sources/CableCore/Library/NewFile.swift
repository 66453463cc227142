import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that did not exist, created whole or not at all: the only way Cable writes into a
/// library folder (`cable import`).
enum NewFile {
    /// Creates `path` holding `data`, with `permissions` less the umask (so never wider than
    /// asked). Returns false, touching nothing, when something has the name already, even a
    /// dangling link; a write that fails half-way (a full disk) removes the file and throws.
    static func create(_ path: String, _ data: Data, permissions: mode_t) throws -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, permissions & 0o666)
        if descriptor < 0 {
            if errno == EEXIST { return false }
            throw Failure(code: errno)
        }
        var failure = writeAll(descriptor, data)
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            unlink(path)
            throw Failure(code: failure)
        }
        return true
    }

    /// 0, or the errno of the write that failed.
    private static func writeAll(_ descriptor: Int32, _ data: Data) -> Int32 {
        data.withUnsafeBytes { bytes -> Int32 in
            guard let base = bytes.baseAddress else { return 0 }
            var offset = 0
            while offset < bytes.count {
                let count = write(descriptor, base + offset, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += count
            }
            return 0
        }
    }

    /// Why a file could not be created, in words ("No space left on device").
    struct Failure: Error, CustomStringConvertible {
        var code: Int32
        var description: String { String(cString: strerror(code)) }
    }
}
