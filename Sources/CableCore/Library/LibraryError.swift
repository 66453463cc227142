import Foundation

/// Why a tag is refused (see `UserTag`).
public enum InvalidTag: Hashable, Sendable {
    case controlCharacter, tooLong
}

/// What can go wrong opening or querying a library, worded for the person at the terminal.
public enum LibraryError: Error, Hashable, Sendable, CustomStringConvertible {
    case notAFolder(String)
    case stateUnreadable(path: String, reason: String)
    /// The state database is damaged: Cable will not write to it (see `StateSalvage`).
    case stateDamaged(path: String, detail: String)
    /// A change to the state cannot be saved.
    case stateNotWritable(path: String, problem: StorageProblem)
    case indexUnusable(path: String, reason: String)
    /// The index cannot be written (`exists`: it is there but cannot be brought up to date;
    /// otherwise there is none and none can be made).
    case indexNotWritable(path: String, problem: StorageProblem, exists: Bool)
    /// The index was opened read-only: a notice, not an error.
    case indexReadOnly(path: String, problem: StorageProblem)
    case unknownID(String)
    case ambiguousID(String, matches: [String])
    case invalidTag(String, reason: InvalidTag)

    public var description: String {
        switch self {
        case .notAFolder(let path):
            return "the library '\(path)' is not a readable folder"
        case .stateUnreadable(let path, let reason):
            return "the state database '\(path)' (your read marks, stars and tags) cannot be read: \(reason)"
        case .stateDamaged(let path, let detail):
            return "the state database '\(path)' is damaged (\(detail)); it holds your read marks, stars "
                + "and tags, so Cable will not write to it. Run `cable state recover` to save what can still "
                + "be read to a text file, set the damaged file aside and start the state again from that file"
        case .stateNotWritable(let path, let problem):
            return "cannot save to the state database '\(path)': \(problem); \(problem.advice). Nothing was changed"
        case .indexUnusable(let path, let reason):
            return "the index '\(path)' cannot be rebuilt: \(reason)"
        case .indexNotWritable(let path, let problem, let exists):
            return (exists ? "the index '\(path)' cannot be brought up to date" : "there is no index at '\(path)' and none can be made")
                + ": \(problem). Nothing was lost: the index is made from your article files, and your read marks, "
                + "stars and tags are kept apart. To go on, \(problem.advice(home: "XDG_CACHE_HOME"))"
        case .indexReadOnly(let path, let problem):
            return "the index '\(path)' cannot be written: \(problem). Answers come from what it held when last "
                + "brought up to date: files added or changed since are not seen. To update it, "
                + problem.advice(home: "XDG_CACHE_HOME")
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
