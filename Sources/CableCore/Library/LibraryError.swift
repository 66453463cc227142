import Foundation

/// What can go wrong opening or querying a library, worded for the person at the terminal.
public enum LibraryError: Error, Hashable, Sendable, CustomStringConvertible {
    case notAFolder(String)
    case stateUnreadable(path: String, reason: String)
    case indexUnusable(path: String, reason: String)
    case unknownID(String)
    case ambiguousID(String, matches: [String])
    case invalidTag(String)

    public var description: String {
        switch self {
        case .notAFolder(let path):
            return "the library '\(path)' is not a readable folder"
        case .stateUnreadable(let path, let reason):
            return "the state database '\(path)' cannot be read (\(reason)); it holds your "
                + "read marks, stars and tags, so Cable leaves it alone: move it away or "
                + "restore it from a `cable state export` file"
        case .indexUnusable(let path, let reason):
            return "the index '\(path)' cannot be rebuilt: \(reason)"
        case .unknownID(let prefix):
            return "no article with id '\(prefix)'"
        case .invalidTag(let tag):
            return "the tag \(tag.debugDescription) contains a control character (a newline, a tab, ...)"
        case .ambiguousID(let prefix, let matches):
            let shown = matches.prefix(10).joined(separator: ", ")
            let more = matches.count > 10 ? ", …" : ""
            return "id '\(prefix)' is ambiguous: it matches \(shown)\(more)"
        }
    }
}
