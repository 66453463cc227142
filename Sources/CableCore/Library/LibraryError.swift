import Foundation

/// Why a tag is refused (see `UserTag`).
public enum InvalidTag: Hashable, Sendable {
    case controlCharacter, tooLong
}

/// What can go wrong opening or querying a library, worded for the person at the terminal.
public enum LibraryError: Error, Hashable, Sendable, CustomStringConvertible {
    case notAFolder(String)
    case stateUnreadable(path: String, reason: String)
    case indexUnusable(path: String, reason: String)
    case unknownID(String)
    case ambiguousID(String, matches: [String])
    case invalidTag(String, reason: InvalidTag)

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
        case .invalidTag(let tag, .controlCharacter):
            return "the tag \(PrintableText.quotedForMessage(tag)) contains a control character (a newline, a tab, ESC, ...)"
        case .invalidTag(let tag, .tooLong):
            return "the tag \(PrintableText.quotedForMessage(tag)) is \(tag.unicodeScalars.count) characters long; "
                + "a tag is at most \(UserTag.maximumLength)"
        case .ambiguousID(let prefix, let matches):
            let shown = matches.prefix(10).joined(separator: ", ")
            let more = matches.count > 10 ? ", …" : ""
            return "id '\(prefix)' is ambiguous: it matches \(shown)\(more)"
        }
    }
}
