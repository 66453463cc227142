import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One fetch at a time: an exclusive `flock` on `$XDG_STATE_HOME/cable/fetch.lock`, held while
/// the fetch runs and let go by the system when the process ends, however it ends (so a
/// killed fetch never leaves a stale lock behind).
public final class FetchLock: @unchecked Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Takes the lock; nil when another fetch holds it.
    public static func take(at url: URL) throws -> FetchLock? {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [
                NSLocalizedDescriptionKey: "cannot open \(url.path): \(String(cString: strerror(errno)))"])
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        return FetchLock(descriptor: fd)
    }

    public static func standardLocation(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        FeedStateStore.standardLocation(environment: environment).deletingLastPathComponent()
            .appendingPathComponent("fetch.lock")
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
