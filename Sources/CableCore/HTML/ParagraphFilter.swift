import Foundation

/// The last look at each unit of the body region: what reads as furniture rather than the
/// article's prose (labelling.md's "never paragraphs"), judged by the text itself.
enum ParagraphFilter {
    /// Opening words of credit lines: bylines, wire credits, photo credits.
    static let creditOpenings = [
        "by ", "reporting by", "additional reporting", "editing by", "edited by", "writing by",
        "written by", "compiled by", "(reporting by", "(additional reporting", "(editing by",
        "photo:", "photograph:", "photos:", "image:", "picture:", "illustration:", "video:",
        "source:", "sources:",
    ]

    /// The units that are article prose, in order; a sentence repeated as a pull quote, and
    /// other duplicates, kept once.
    static func paragraphs(_ units: [TextUnit]) -> [TextUnit] {
        let kept = units.filter(isProse)
        let bytes = kept.map { Array($0.text.utf8) }
        var result: [TextUnit] = []
        for (index, unit) in kept.enumerated() {
            if result.contains(where: { $0.text == unit.text }) { continue }
            let repeated = bytes.indices.contains { other in
                other != index && bytes[other].count > bytes[index].count && contains(bytes[other], bytes[index])
            }
            if !repeated { result.append(unit) }
        }
        return result
    }

    /// Whether `needle` (not empty) occurs in `haystack`.
    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        return haystack.withUnsafeBytes { outer in
            needle.withUnsafeBytes { inner in
                guard let outerBase = outer.baseAddress, let innerBase = inner.baseAddress else { return false }
                for start in 0...(outer.count - inner.count) where outer[start] == first {
                    if memcmp(outerBase + start, innerBase, inner.count) == 0 { return true }
                }
                return false
            }
        }
    }

    static func isProse(_ unit: TextUnit) -> Bool {
        let text = unit.text
        if unit.kind != .paragraph { return false }
        let lower = text.prefix(40).lowercased()
        if LinkBlocks.readMoreLabel(text) != nil { return false }
        // A list written as bulleted paragraphs (`· Transit fee: USD 45 per TEU`, as a word
        // processor saves a list): key points, not prose.
        if Bullets.length(text, dashes: false) > 0 { return false }
        if unit.linkDensity > 0.5 { return false }
        if ArticleParser.isFurniture(text) { return false }
        let words = unit.wordCount
        if words <= 12, creditOpenings.contains(where: { lower.hasPrefix($0) }) { return false }
        if creditOpenings.dropFirst().contains(where: { lower.hasPrefix($0) }) { return false }
        if words <= 8, isTimestamp(text) { return false }
        // A dateline with the place and the author beside it (`Kyiv • 14 March 2024, 16:45
        // Kyiv time (UTC+2) Olena Marchuk`): a line of the article's metadata, no sentence.
        if words <= 14, !endsLikeSentence(text), ArticleParser.dateline(in: text) != nil { return false }
        if words <= 15, !endsLikeSentence(text), Double(unit.emphasisLength) >= Double(text.count) * 0.9 {
            return false  // a subheading written as a bold paragraph
        }
        if words < 4, !endsLikeSentence(text) { return false }
        return true
    }

    static func endsLikeSentence(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return ".!?:\"\u{201D}\u{2019}')\u{BB}…".contains(last)
    }

    /// A live blog's entry time, a dateline on its own, "5 minutes ago".
    static func isTimestamp(_ text: String) -> Bool {
        if ArticleParser.dateline(in: text) != nil { return true }
        let lower = text.lowercased()
        if lower.hasSuffix(" ago") { return true }
        // A clock time (09:41, 9.41am) as most of a short line.
        let scalars = Array(lower.unicodeScalars)
        for i in scalars.indices.dropFirst().dropLast(2)
        where (scalars[i] == ":" || scalars[i] == ".") && isDigit(scalars[i - 1]) && isDigit(scalars[i + 1]) && isDigit(scalars[i + 2]) {
            return text.count <= 24
        }
        return false
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}
