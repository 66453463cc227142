import Foundation

/// The text form of the user's state (`cable state export` / `state import`), format 3:
///
///     # cable state export, format 3: <id> [read] [starred] [tag:"name"]...  # title
///     0123456789abcdef read starred tag:"Five Eyes" tag:later  # the title, when known
///
/// One article a line, lines end in `\n` (a `\r` before it is dropped, so a file saved on
/// Windows reads back). A tag is written bare when it is plain (visible characters, none of
/// `"`, `#`, `\`), else in double quotes with `PrintableText`'s escapes (`\"`, `\\`, `\n`,
/// `\u{2028}`, ...), so every tag, of any characters, survives the round trip exactly and
/// the file never carries a raw control character to a terminal. `#` outside quotes starts
/// a comment. A byte-order mark before the first line is ignored.
///
/// Format 3 is format 2 with the ids of today (`ArticleID`). Formats 1 and 2 hold the ids
/// older Cable gave (`ArticleID.legacy(forContent:)`), which `state import` translates
/// (`LegacyState`); otherwise format 2 reads as format 3. Format 1 (its header has no
/// "format") is read as it was written: tags raw but for `\"`, `\\`, `\n`, `\r`, `\t`, and
/// any other backslash kept as written.
public enum StateText {
    public static let format = 3
    /// The last format whose ids are older Cable's (`ArticleID.legacy(forContent:)`).
    static let lastLegacyIDFormat = 2
    static let headerPrefix = "# cable state export"
    static let header = "\(headerPrefix), format \(format): <id> [read] [starred] [tag:\"name\"]...  # title"

    /// One line of state as written: `marks` are nil where the line says nothing.
    struct Line: Equatable {
        var id: String
        var read: Bool?
        var starred: Bool?
        var tags: [String] = []
    }

    /// The whole export: the header, then one line per article with any state.
    static func write(_ entries: [(id: String, marks: ArticleMarks)], title: (String) throws -> String?) rethrows -> String {
        var lines = [header]
        for (id, marks) in entries where marks.read || marks.starred || !marks.tags.isEmpty {
            var words = [id]
            if marks.read { words.append("read") }
            if marks.starred { words.append("starred") }
            words += marks.tags.map { "tag:" + word($0) }
            var line = words.joined(separator: " ")
            if let known = try title(id) { line += "  # " + PrintableText.escaped(known) }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A tag as one word of a line.
    static func word(_ tag: String) -> String {
        let plain = !tag.isEmpty
            && tag.unicodeScalars.allSatisfy { PrintableText.isPrintable($0) && !bareBreakers.contains($0) }
            && tag.unicodeScalars.first.map(PrintableText.isCombiningMark) == false
        return plain ? tag : "\"" + PrintableText.escaped(tag, also: ["\""]) + "\""
    }

    /// What may not appear in a bare word: it would end it, quote it, comment it or escape.
    private static let bareBreakers: Set<Unicode.Scalar> = [" ", "\"", "#", "\\"]

    /// A problem with one line, for the user.
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// A file this Cable cannot read at all (written by a newer one).
    public struct UnknownFormat: Error, CustomStringConvertible {
        public var found: Int
        public var description: String {
            "this state file is in format \(found), written by a newer Cable; this one reads formats 1 to \(StateText.format)"
        }
    }

    /// A file's bytes as text; a file that is not UTF-8 is refused whole, naming its first
    /// bad line (read lossily, a damaged tag would come back as a different tag).
    public static func decode(_ data: Data) throws -> String {
        if let text = String(validating: data, as: UTF8.self) { return text }
        var number = 1
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if String(validating: line, as: UTF8.self) == nil { break }
            number += 1
        }
        throw NotText(line: number)
    }

    public struct NotText: Error, CustomStringConvertible {
        public var line: Int
        public var description: String {
            "this is not a state export: line \(line) is not UTF-8 text (nothing was imported)"
        }
    }

    /// The file's format, and its lines numbered from 1: blank and comment lines are left
    /// out, a line that cannot be read is its problem. Throws only for a file in an unknown
    /// format.
    static func read(_ text: String) throws -> (format: Int, lines: [(number: Int, line: Result<Line, Problem>)]) {
        // Code points, not characters: "\r\n" is one character, and so is a quote with a
        // combining mark after it.
        var body = Substring(text).unicodeScalars
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        let rawLines = body.split(separator: "\n", omittingEmptySubsequences: false)
        // The header is the first line that is not blank (an edited file may gain a blank line).
        let first = rawLines.first { !$0.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }
        let version = try first.map { try formatOf(firstLine: String($0)) } ?? 1
        var lines: [(Int, Result<Line, Problem>)] = []
        for (index, raw) in rawLines.enumerated() {
            var scalars = raw
            if scalars.last == "\r" { scalars = scalars.dropLast() }
            do {
                if let line = try parse(scalars, format: version) { lines.append((index + 1, .success(line))) }
            } catch let problem as Problem {
                lines.append((index + 1, .failure(problem)))
            }
        }
        return (version, lines)
    }

    /// N for `# cable state export, format N: ...`, 1 for the old header or none.
    static func formatOf(firstLine: String) throws -> Int {
        guard firstLine.hasPrefix(headerPrefix) else { return 1 }
        let rest = firstLine.dropFirst(headerPrefix.count)
        guard rest.hasPrefix(", format ") else { return 1 }
        let digits = rest.dropFirst(", format ".count).prefix { $0.isASCII && $0.isNumber }
        guard let found = Int(digits) else { return 1 }
        guard found <= format else { throw UnknownFormat(found: found) }
        return found
    }

    /// One line's words, read code point by code point (a `"` followed by a combining mark
    /// is still a quote), or nil for a blank or comment line.
    static func parse(_ scalars: Substring.UnicodeScalarView, format: Int) throws -> Line? {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var inQuotes = false
        var hasWord = false
        var rest = scalars
        while let scalar = rest.popFirst() {
            if inQuotes {
                switch scalar {
                case "\\": try unescape(&rest, into: &current, format: format)
                case "\"": inQuotes = false
                default: current.append(scalar)
                }
            } else if scalar == "\"" {
                inQuotes = true
                hasWord = true
            } else if scalar == "#" {
                break
            } else if scalar == " " || scalar == "\t" {
                if hasWord { words.append(String(current)) }
                current = String.UnicodeScalarView()
                hasWord = false
            } else {
                current.append(scalar)
                hasWord = true
            }
        }
        if inQuotes { throw Problem(description: "unclosed quote") }
        if hasWord { words.append(String(current)) }
        guard let first = words.first else { return nil }
        let id = first.lowercased()
        guard id.count >= 4, id.count <= 16, id.allSatisfy(\.isHexDigit) else {
            throw Problem(description: "\(PrintableText.quotedForMessage(first)) is not an article id")
        }
        var line = Line(id: id)
        for word in words.dropFirst() {
            switch word.lowercased() {
            case "read": line.read = true
            case "unread": line.read = false
            case "starred": line.starred = true
            case "unstarred": line.starred = false
            default:
                // By code points: `tag:` and a tag starting with a combining mark are, as
                // characters, `tag` and a colon with a mark on it.
                let tag = word.unicodeScalars.dropFirst(4)
                guard String(String.UnicodeScalarView(word.unicodeScalars.prefix(4))).lowercased() == "tag:",
                      !tag.isEmpty else {
                    throw Problem(description: "\(PrintableText.quotedForMessage(word)) is not read, unread, starred, unstarred or tag:NAME")
                }
                line.tags.append(String(String.UnicodeScalarView(tag)))
            }
        }
        return line
    }

    /// After a backslash inside quotes.
    private static func unescape(_ rest: inout Substring.UnicodeScalarView,
                                 into out: inout String.UnicodeScalarView, format: Int) throws {
        guard let next = rest.popFirst() else {
            if format == 1 { out.append("\\"); return }
            throw Problem(description: "a backslash at the end of the line")
        }
        switch next {
        case "n": out.append("\n")
        case "r": out.append("\r")
        case "t": out.append("\t")
        case "\"", "\\": out.append(next)
        case "u" where format >= 2:
            guard rest.first == "{", let close = rest.firstIndex(of: "}") else {
                throw Problem(description: "\\u must be followed by {hex digits}")
            }
            let hex = String(String.UnicodeScalarView(rest[rest.index(after: rest.startIndex)..<close]))
            guard (1...6).contains(hex.count), let value = UInt32(hex, radix: 16),
                  let scalar = Unicode.Scalar(value) else {
                throw Problem(description: "\\u{\(PrintableText.escaped(hex))} is not a Unicode character")
            }
            out.append(scalar)
            rest = rest[rest.index(after: close)...]
        default:
            // Format 1 wrote only the escapes above; a backslash before anything else was the
            // user's own and stays.
            guard format == 1 else {
                throw Problem(description: "unknown escape \\\(PrintableText.escaped(String(next)))")
            }
            out.append("\\")
            out.append(next)
        }
    }
}
