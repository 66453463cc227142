import Foundation
import GRDB

/// The user's own marks on one article.
public struct ArticleMarks: Hashable, Sendable {
    public var read = false
    public var starred = false
    public var tags: [String] = []

    public init(read: Bool = false, starred: Bool = false, tags: [String] = []) {
        self.read = read
        self.starred = starred
        self.tags = tags
    }
}

/// What `importState` did: how many lines it applied and what was wrong with the others.
public struct StateImportReport: Sendable {
    public var applied = 0
    public var problems: [String] = []
}

extension Library {
    public func marks(_ id: ArticleID) throws -> ArticleMarks {
        try pool.read { db in
            var marks = ArticleMarks()
            if let mark = try MarkRecord.fetchOne(db, sql: "SELECT * FROM state.mark WHERE id = ?",
                                                  arguments: [id.rawValue]) {
                marks.read = mark.read
                marks.starred = mark.starred
            }
            marks.tags = try String.fetchAll(db, sql: "SELECT tag FROM state.userTag WHERE id = ? ORDER BY tag",
                                             arguments: [id.rawValue])
            return marks
        }
    }

    /// Adds and removes the user's own tags (page tags are the page's and stay). Returns,
    /// for the user, each removal that did nothing and why. A tag with a control character
    /// (newline, tab) is refused: it would break every one-line listing of tags.
    @discardableResult
    public func changeUserTags(_ ids: [ArticleID], adding: [String], removing: [String]) throws -> [String] {
        if let bad = adding.first(where: { $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) {
            throw LibraryError.invalidTag(bad)
        }
        return try write { db in
            var unchanged: [String] = []
            for id in ids {
                for tag in removing {
                    try db.execute(sql: "DELETE FROM state.userTag WHERE id = ? AND tagKey = ?",
                                   arguments: [id.rawValue, Library.tagKey(tag)])
                    guard db.changesCount == 0 else { continue }
                    let short = String(id.rawValue.prefix(8))
                    let onPage = try Bool.fetchOne(db, sql: """
                        SELECT 1 FROM tag t JOIN article a ON a.rid = t.article WHERE a.id = ? AND t.tagKey = ?
                        """, arguments: [id.rawValue, Library.tagKey(tag)]) ?? false
                    unchanged.append(onPage
                        ? "\(short): '\(tag)' is the page's own tag and cannot be removed"
                        : "\(short): has no tag '\(tag)'")
                }
                for tag in adding {
                    let clean = tag.trimmingCharacters(in: .whitespaces)
                    guard !clean.isEmpty else { continue }
                    try db.execute(sql: """
                        INSERT INTO state.userTag(id, tagKey, tag) VALUES (?, ?, ?)
                        ON CONFLICT(id, tagKey) DO UPDATE SET tag = excluded.tag
                        """, arguments: [id.rawValue, Library.tagKey(clean), clean])
                }
            }
            return unchanged
        }
    }

    /// All user state as text, one article a line, sorted by id so exports diff well:
    ///
    ///     0123456789abcdef read starred tag:"Five Eyes"  # the title, when the article is here
    public func exportState() throws -> String {
        try pool.read { db in
            var entries: [String: ArticleMarks] = [:]
            for mark in try MarkRecord.fetchAll(db, sql: "SELECT * FROM state.mark") {
                entries[mark.id] = ArticleMarks(read: mark.read, starred: mark.starred)
            }
            for tag in try UserTagRecord.fetchAll(db, sql: "SELECT * FROM state.userTag ORDER BY tag") {
                entries[tag.id, default: ArticleMarks()].tags.append(tag.tag)
            }
            var lines = ["# cable state export: <id> [read] [starred] [tag:\"name\"]...  # title"]
            let title = try db.makeStatement(sql: "SELECT title FROM article WHERE id = ?")
            for (id, marks) in entries.sorted(by: { $0.key < $1.key }) {
                guard marks.read || marks.starred || !marks.tags.isEmpty else { continue }
                var words = [id]
                if marks.read { words.append("read") }
                if marks.starred { words.append("starred") }
                words += marks.tags.map { "tag:" + StateLine.quoted($0) }
                var line = words.joined(separator: " ")
                if let known = try String.fetchOne(title, arguments: [id]) {
                    line += "  # " + known.replacingOccurrences(of: "\n", with: " ")
                }
                lines.append(line)
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    /// Merges an export back: marks a line names are set, tags are added, nothing is removed
    /// unless the line says `unread` or `unstarred`. With `replacing`, each article a line
    /// names gets exactly that line's state instead (what it does not say is unread,
    /// unstarred, untagged), as when restoring a backup; articles no line names keep theirs.
    /// Bad lines are reported and skipped.
    public func importState(_ text: String, replacing: Bool = false) throws -> StateImportReport {
        var report = StateImportReport()
        var parsed: [(String, StateLine)] = []
        for (number, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            do {
                guard let line = try StateLine(String(raw)) else { continue }
                let id: String
                if line.id.count == 16 {
                    id = line.id
                } else {
                    id = try resolveID(line.id).rawValue
                }
                parsed.append((id, line))
            } catch {
                report.problems.append("line \(number + 1): \(error)")
            }
        }
        for batch in parsed.chunked(1000) {
            try write { db in
                for (id, line) in batch {
                    var line = line
                    if replacing {
                        line.read = line.read ?? false
                        line.starred = line.starred ?? false
                        try db.execute(sql: "DELETE FROM state.userTag WHERE id = ?", arguments: [id])
                    }
                    if let read = line.read {
                        try db.execute(sql: """
                            INSERT INTO state.mark(id, read) VALUES (?, ?)
                            ON CONFLICT(id) DO UPDATE SET read = excluded.read
                            """, arguments: [id, read])
                    }
                    if let starred = line.starred {
                        try db.execute(sql: """
                            INSERT INTO state.mark(id, starred) VALUES (?, ?)
                            ON CONFLICT(id) DO UPDATE SET starred = excluded.starred
                            """, arguments: [id, starred])
                    }
                    for tag in line.tags {
                        try db.execute(sql: "INSERT OR IGNORE INTO state.userTag(id, tagKey, tag) VALUES (?, ?, ?)",
                                       arguments: [id, Library.tagKey(tag), tag])
                    }
                }
            }
            report.applied += batch.count
        }
        return report
    }
}

/// One line of a state export.
struct StateLine {
    var id: String
    var read: Bool?
    var starred: Bool?
    var tags: [String] = []

    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// nil for blank and comment lines.
    init?(_ line: String) throws {
        var words: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        var hasWord = false
        for char in line {
            if escaped {
                // \n \r \t \" \\ as `quoted` writes them; anything else stays as written.
                switch char {
                case "n": current.append("\n")
                case "r": current.append("\r")
                case "t": current.append("\t")
                case "\"", "\\": current.append(char)
                default: current.append("\\"); current.append(char)
                }
                escaped = false
            } else if inQuotes {
                if char == "\\" {
                    escaped = true
                } else if char == "\"" {
                    inQuotes = false
                } else {
                    current.append(char)
                }
            } else if char == "\"" {
                inQuotes = true
                hasWord = true
            } else if char == "#" {
                break
            } else if char.isWhitespace {
                if hasWord { words.append(current) }
                current = ""
                hasWord = false
            } else {
                current.append(char)
                hasWord = true
            }
        }
        if inQuotes { throw Problem(description: "unclosed quote") }
        if hasWord { words.append(current) }
        guard let first = words.first else { return nil }
        let id = first.lowercased()
        guard id.count >= 4, id.count <= 16, id.allSatisfy(\.isHexDigit) else {
            throw Problem(description: "'\(first)' is not an article id")
        }
        self.id = id
        for word in words.dropFirst() {
            switch word.lowercased() {
            case "read": read = true
            case "unread": read = false
            case "starred": starred = true
            case "unstarred": starred = false
            default:
                guard word.lowercased().hasPrefix("tag:"), word.count > 4 else {
                    throw Problem(description: "'\(word)' is not read, unread, starred, unstarred or tag:NAME")
                }
                tags.append(String(word.dropFirst(4)))
            }
        }
    }

    /// A tag as one word of a line: quoted when it has spaces or special characters, with
    /// backslash escapes so that a `"` or a newline in it survives the round trip.
    static func quoted(_ tag: String) -> String {
        let plain = tag.allSatisfy { !$0.isWhitespace && $0 != "\"" && $0 != "#" && $0 != "\\" }
            && !tag.unicodeScalars.contains { $0.properties.generalCategory == .control }
        guard !plain else { return tag }
        var out = "\""
        for scalar in tag.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
