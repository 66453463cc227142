import GRDB

/// Errors in words for the person at the terminal. A SQLite failure is said by what it means
/// and what to do, never with SQLite's own text or the SQL it was running (which would show
/// the user's query text back inside a statement they never wrote).
public enum ErrorText {
    public static func describe(_ error: any Error) -> String {
        guard let error = error as? DatabaseError else { return "\(error)" }
        let code = error.resultCode
        switch code {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return "the library is busy (another cable is writing to it); try again in a moment"
        case .SQLITE_FULL:
            return "the disk is full; free some space and try again"
        case .SQLITE_READONLY:
            return "a database file is read-only; check the permissions of the cache and data folders"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            // A damaged state is caught and named where it is opened; this is the index.
            return "the index is damaged; delete the index-* files in $XDG_CACHE_HOME/cable "
                + "(~/.cache/cable) and run cable again: it is rebuilt from your articles, and your "
                + "read marks, stars and tags are kept apart"
        case .SQLITE_IOERR:
            return "a disk read or write failed (SQLite I/O error \(error.extendedResultCode.rawValue)); "
                + "check the disk and try again"
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return "a database file cannot be opened; check the permissions of the cache and data folders"
        case .SQLITE_NOMEM:
            return "out of memory"
        case .SQLITE_TOOBIG:
            return "a value is too large for the index"
        default:
            return "the index could not do this (SQLite result code \(code.rawValue))"
        }
    }
}
