import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file cannot be written, found out from the file system rather than guessed from a
/// database error: the message must say what is wrong and what to do about it, never advise
/// throwing away a healthy file.
public enum StorageProblem: Hashable, Sendable, CustomStringConvertible {
    case readOnlyFileSystem
    case noPermission
    case diskFull
    /// Something else, in words.
    case other(String)

    public var description: String {
        switch self {
        case .readOnlyFileSystem: return "it is on a read-only file system"
        case .noPermission: return "you do not have permission to write to it or its folder"
        case .diskFull: return "the disk is full"
        case .other(let reason): return reason
        }
    }

    /// What the user can do about it (for the state, kept under $XDG_DATA_HOME).
    public var advice: String { advice(home: "XDG_DATA_HOME") }

    /// What the user can do about it, for a file kept under the folder `home` names.
    public func advice(home: String) -> String {
        switch self {
        case .readOnlyFileSystem:
            return "mount it read-write, or set \(home) to a writable folder"
        case .noPermission:
            return "give yourself write permission on the file and its folder"
        case .diskFull:
            return "free some space on that disk"
        case .other:
            return "check the disk and the folder's permissions"
        }
    }

    /// What stops writing `file` (which may not exist yet), if anything can be seen; `error`
    /// is the failure that prompted the question, used when the file system says nothing.
    static func diagnose(_ file: URL, error: (any Error)? = nil) -> StorageProblem? {
        let folder = file.deletingLastPathComponent().path
        var info = statvfs()
        if statvfs(folder, &info) == 0 {
            if info.f_flag & UInt(ST_RDONLY) != 0 { return .readOnlyFileSystem }
            if info.f_bavail == 0 { return .diskFull }
        }
        for path in [file.path, folder] where FileManager.default.fileExists(atPath: path) {
            if access(path, W_OK) != 0 {
                switch errno {
                case EROFS: return .readOnlyFileSystem
                case EACCES, EPERM: return .noPermission
                default: break
                }
            }
        }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_FULL: return .diskFull
            case .SQLITE_READONLY: return .noPermission
            default: return nil
            }
        }
        if let error = error as? CocoaError {
            switch error.code {
            case .fileWriteOutOfSpace: return .diskFull
            case .fileWriteVolumeReadOnly: return .readOnlyFileSystem
            case .fileWriteNoPermission: return .noPermission
            default: return nil
            }
        }
        return nil
    }
}
