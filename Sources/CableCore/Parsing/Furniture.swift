/// Page furniture: the buttons, labels, notices, captions and bylines a saved page carries
/// around the article. Each rule is one small function; `isFurniture` applies them in order.
/// (Short lines that are not sentences are also kept out of the body by their shape; see
/// `LineKind`.)
enum Furniture {
    /// Whether the line is furniture wherever it stands.
    static func isFurniture(_ line: String, shape: LineShape) -> Bool {
        if announcesCaptionOrCredit(Array(line.prefix(20).lowercased().utf8)) { return true }
        // Long lines are text, whatever words they contain, unless they are a cookie or
        // newsletter notice (phrases no article uses).
        guard shape.wordCount <= 40 else { return false }
        let lower = Array(line.lowercased().utf8)
        guard shape.wordCount <= 14 else { return notices.contains(in: lower) }
        let label = trimmedLabel(line)
        if label.isEmpty || isKnownLabel(label) { return true }
        if shape.wordCount <= 5 && isGluedLabels(label) { return true }
        if isSeparatorTrail(line) { return true }
        if shape.wordCount <= 12 && !shape.endsWithSentencePunctuation || shape.wordCount <= 8,
            phrasesAndNotices.contains(in: lower) { return true }
        // Generic words (`comment`, `share`, `video`) only mark very short lines.
        if shape.wordCount <= 4 && !shape.endsWithSentencePunctuation && shortLineWords.contains(in: lower) { return true }
        return false
    }

    /// `Image caption: …`, `Photo: Reuters`, `© 2024 …`.
    static func announcesCaptionOrCredit(_ lower: [UInt8]) -> Bool { prefixes.isPrefix(of: lower) }

    /// One of the labels pages use for buttons and sections (`Share`, `Most read`).
    static func isKnownLabel(_ label: String) -> Bool {
        label.utf8.count <= 64 && Vocabulary.furnitureLines.contains(label.lowercased())
    }

    /// The line lower-cased without surrounding spaces, bullets and punctuation: what a label
    /// list is compared with.
    static func trimmedLabel(_ line: String) -> String {
        let edges: Set<Unicode.Scalar> = [" ", "-", "|", "*", ">", ":", ".", "/"]
        return String(Text.trimmed(Substring(line), where: edges.contains))
    }

    /// Labels glued together without a space (`Community standardsDiscussion`): a lower-case
    /// letter followed by a capital, and the whole line splits into known labels.
    static func isGluedLabels(_ label: String) -> Bool {
        let scalars = label.unicodeScalars
        let hasGlue = zip(scalars, scalars.dropFirst()).contains {
            Text.letterCase($0) == .lower && Text.letterCase($1) == .upper
        }
        return hasGlue && splitsIntoLabels(label.lowercased())
    }

    /// Whether `key` splits, longest piece first, into two or more known labels.
    static func splitsIntoLabels(_ key: String) -> Bool {
        let scalars = Array(key.unicodeScalars)
        var start = 0
        var pieces = 0
        while start < scalars.count {
            let longest = min(scalars.count - start, 40)
            guard let length = stride(from: longest, through: 2, by: -1).first(where: { length in
                let piece = String(String.UnicodeScalarView(scalars[start..<(start + length)]))
                return Vocabulary.furnitureLines.contains(piece.trimmingSpaces)
            }) else { return false }
            start += length
            pieces += 1
        }
        return pieces >= 2
    }

    /// Breadcrumbs and share bars: `Home | World | Europe`, `Home > World`, `Arctic • Russia`.
    static func isSeparatorTrail(_ line: String) -> Bool {
        guard line.utf8.count <= 120 else { return false }
        let scalars = Array(line.unicodeScalars)
        var separators = 0
        for (k, scalar) in scalars.enumerated() {
            let spaced = k > 0 && scalars[k - 1] == " " && k + 1 < scalars.count && scalars[k + 1] == " "
            switch scalar {
            case "|", ">", "/": if spaced { separators += 1 }
            case "\u{2022}", "\u{203A}": separators += 1  // • ›
            case "\u{BB}", "\u{B7}": if k > 0 && scalars[k - 1] == " " { separators += 1 }  // » ·
            default: break
            }
        }
        // `Politics | Security`: one separator is enough on a short line.
        return separators >= 2 || separators == 1 && line.utf8.count <= 40
    }

    /// A byline: `By Jane Doe`, `By Jane Doe, Defence Correspondent`, `Words by …`, `From Reuters`.
    static func isByline(_ line: String, shape: LineShape) -> Bool {
        guard shape.wordCount <= 14, !shape.endsWithPeriod || shape.wordCount <= 6 else { return false }
        let lower = line.lowercased()
        return Vocabulary.bylinePrefixes.contains { lower.hasPrefix($0) } || lower.hasPrefix("from ") && shape.wordCount <= 4
    }

    private static let prefixes = PhraseSet(Vocabulary.furniturePrefixes)
    private static let notices = PhraseSet(Vocabulary.noticePhrases)
    private static let phrasesAndNotices = PhraseSet(Vocabulary.furniturePhrases + Vocabulary.noticePhrases)
    private static let shortLineWords = PhraseSet(Vocabulary.shortLineWords)
}

extension String {
    /// Without leading and trailing spaces.
    var trimmingSpaces: String { String(Text.trimmed(Substring(self), where: { $0 == " " })) }
}
