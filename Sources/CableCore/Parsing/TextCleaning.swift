/// A line of a saved page after cleaning: trimmed, runs of spaces collapsed to one, invisible
/// and control characters gone.
struct PageLine: Equatable {
    var text: String
    /// The spaces the line started with (some outlets indent the body).
    var indent: Int

    var isBlank: Bool { text.isEmpty }
}

/// Stage 1 of parsing: the decoded text of a page → clean lines.
///
/// - a byte-order mark, zero-width characters and direction marks are dropped (invisible, but
///   they break matching);
/// - CRLF, a lone CR and the Unicode line and paragraph separators end a line;
/// - NBSP, tabs and the other Unicode spaces become a plain space (pages glue short words with
///   NBSP);
/// - control characters are dropped (a saved page must never drive the terminal).
enum TextCleaning {
    static func lines(of text: String) -> [PageLine] {
        rawLines(of: text).map(clean)
    }

    /// Collapses whitespace in a piece of text the way lines are cleaned, joining lines with a
    /// space (for strings made from the text: titles, file names).
    static func collapsed(_ text: String) -> String {
        lines(of: text).filter { !$0.isBlank }.map(\.text).joined(separator: " ")
    }

    /// The text split at line ends (CRLF counting as one); no empty line after a final one.
    static func rawLines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var k = start
        while k < scalars.endIndex {
            let scalar = scalars[k]
            guard role(of: scalar) == .lineEnd else {
                k = scalars.index(after: k)
                continue
            }
            lines.append(Substring(scalars[start..<k]))
            k = scalars.index(after: k)
            if scalar == "\r", k < scalars.endIndex, scalars[k] == "\n" { k = scalars.index(after: k) }
            start = k
        }
        if start < scalars.endIndex { lines.append(Substring(scalars[start...])) }
        return lines
    }

    /// One line cleaned: as it is when it is clean already (most lines are), else rebuilt
    /// character by character.
    static func clean(_ line: Substring) -> PageLine {
        let scalars = line.unicodeScalars
        let textStart = scalars.firstIndex { $0 != " " && $0 != "\t" } ?? scalars.endIndex
        let rest = Substring(scalars[textStart...])
        if isClean(rest) { return PageLine(text: String(rest), indent: scalars.distance(from: scalars.startIndex, to: textStart)) }
        var text = String.UnicodeScalarView()
        var indent = 0
        var pendingSpace = false
        for scalar in line.unicodeScalars {
            switch role(of: scalar) {
            case .text:
                if pendingSpace && !text.isEmpty { text.append(" ") }
                pendingSpace = false
                text.append(scalar)
            case .space:
                if text.isEmpty { indent += 1 } else { pendingSpace = true }
            case .lineEnd, .invisible:
                break
            }
        }
        return PageLine(text: String(text), indent: indent)
    }

    /// No space at either end, no two spaces together, nothing to drop or change.
    static func isClean(_ line: Substring) -> Bool {
        var afterSpace = true
        for scalar in line.unicodeScalars {
            if scalar == " " {
                if afterSpace { return false }
                afterSpace = true
            } else {
                guard role(of: scalar) == .text else { return false }
                afterSpace = false
            }
        }
        return !afterSpace || line.isEmpty
    }

    enum Role { case text, space, lineEnd, invisible }

    /// What cleaning does with a character.
    static func role(of scalar: Unicode.Scalar) -> Role {
        switch scalar.value {
        case 0x21...0x7E: return .text
        case 0x0A, 0x0D, 0x2028, 0x2029: return .lineEnd
        case 0x20, 0x09, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
        case 0x00...0x1F, 0x7F...0x9F: return .invisible  // control characters
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0xFEFF: return .invisible
        default: return .text
        }
    }
}
